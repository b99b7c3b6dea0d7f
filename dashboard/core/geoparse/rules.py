"""Context rules as rows: each tells a place name from the same word used otherwise.

A rule is a predicate (context.py) and what it does when it holds, one of three tiers. A reading
written in an exact case ('US', 'AES') is beyond every rule: its capitals are the evidence.
Each row carries an example that tests/test_rules.py runs through the real parser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from ..gazetteer import Entry, Gazetteer
from ..kinds import KINDS, Trait, hows
from ..lexicon import Lexicon
from . import context
from .context import Site
from .matching import Candidate


class Tier(Enum):
    """What a rule does to a candidate when it holds."""

    DROP_CANDIDATE = "drop the candidate: the span names no place"
    DROP_READING = "drop one reading: the span may name a place, but not this way"
    MARK_WEAK = "mark it weak: a mention only if its country is named for sure elsewhere"


DROP_CANDIDATE = Tier.DROP_CANDIDATE
DROP_READING = Tier.DROP_READING
MARK_WEAK = Tier.MARK_WEAK
EVERY_KIND = frozenset(kind.how for kind in KINDS)


@dataclass(frozen=True)
class Rule:
    """One context rule: when it holds, what it does, and a text it does it to."""

    name: str
    applies: Callable[..., bool]  # (site); (site, entry) for DROP_READING; (site, the readings
    #                               left) for MARK_WEAK
    tier: Tier
    example: str  # a text the rule acts on …
    span: str  # … at the first occurrence of this name; the parser then finds …
    found: tuple[tuple[str, str], ...]  # … these mentions in it (text, place id)
    kinds: frozenset[str] = EVERY_KIND  # DROP_READING: the kinds of reading it is asked about


RULES: tuple[Rule, ...] = (
    Rule("feature name", context.in_feature_name, DROP_CANDIDATE,
         "Fishermen on Lake Chad met envoys from Chad.", "Chad", (("Chad", "TCD"),)),
    Rule("part of a hyphenated name", context.in_hyphenated_name, DROP_CANDIDATE,
         "Wapco-Niger pumps the oil that Niger sells.", "Niger", (("Niger", "NER"),)),
    Rule("person's name", context.named_as_person, DROP_CANDIDATE,
         "Later, Jordan left. Jordan Peterson had spoken.", "Jordan", ()),
    Rule("demonym as a language", context.names_language, DROP_READING,
         "Officials spoke in French, and the French envoy agreed.", "French",
         (("French", "FRA"),), frozenset({"demonym"})),
    Rule("other name that is a common word", context.common_word, DROP_READING,
         "Red Hot Chili Peppers played.", "Chili", (), frozenset({"alternative"})),
    Rule("'the X' is not the place X", context.after_article, DROP_READING,
         "Boats sailed up the Niger, into Niger.", "Niger", (("Niger", "NER"),),
         hows(Trait.PLACE_NAME)),
    Rule("town named by a common word, alone", context.common_word_alone, DROP_READING,
         "They met in Nice, then flew to Nice, France.", "Nice",
         (("Nice", "gn:2990440"), ("France", "FRA")), hows(Trait.LOCAL)),
    Rule("capital that may say nothing", context.ambiguous_capital, MARK_WEAK,
         "Turkey is cheap this year.", "Turkey", ()),
    Rule("reading too slight to stand alone", context.needs_support, MARK_WEAK,
         "Victoria said she would stay.", "Victoria", ()),
)


@dataclass(frozen=True)
class RuleBook:
    """The rules sorted for the filter: by tier, and the reading rules by kind of reading."""

    drop_candidate: tuple[Callable[[Site], bool], ...]
    drop_reading: dict[str, tuple[Callable[[Site, Entry], bool], ...]]
    mark_weak: tuple[Callable[[Site, list[Entry]], bool], ...]


def rule_book(rules: Iterable[Rule]) -> RuleBook:
    """Return the rules sorted for filter_candidate (in their order within each tier)."""
    rules = tuple(rules)
    reading = [rule for rule in rules if rule.tier is DROP_READING]
    return RuleBook(
        tuple(rule.applies for rule in rules if rule.tier is DROP_CANDIDATE),
        {how: tuple(rule.applies for rule in reading if how in rule.kinds) for how in EVERY_KIND},
        tuple(rule.applies for rule in rules if rule.tier is MARK_WEAK),
    )


BOOK = rule_book(RULES)


def person_words(text: str, cands: list[Candidate], gaz: Gazetteer, lexicon: Lexicon) -> set[str]:
    """Return the one-word names that the text uses as part of a person's name (the people
    that the "person's name" rule reads as site.people)."""
    return {
        c.tokens[c.first].folded for c in cands
        if not any(e.exact_case for e in c.entries)
        and context.in_person_name(text, c.tokens, c, gaz, lexicon)
    }


def filter_candidate(site: Site, book: RuleBook = BOOK) -> Candidate | None:
    """Return a new candidate with the readings its context allows, or None if none is left."""
    cand = site.cand
    exact = any(e.exact_case for e in cand.entries)
    if not exact and _holds(book.drop_candidate, site):
        return None
    drop_reading = book.drop_reading
    entries = [e for e in cand.entries
               if e.exact_case or not _holds(drop_reading[e.how], site, e)]
    if not entries:
        return None
    return cand.narrowed(entries, weak=not exact and _holds(book.mark_weak, site, entries))


def _holds(predicates: tuple[Callable[..., bool], ...], *args: object) -> bool:
    """Tell whether any of the predicates holds (a loop: cheaper than any() over a generator)."""
    for applies in predicates:
        if applies(*args):
            return True
    return False
