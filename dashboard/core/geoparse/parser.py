"""Text → place mentions: match every name the gazetteer knows, then resolve in context."""

from __future__ import annotations

import gc
import re
from datetime import date
from functools import lru_cache, partial

from .. import gazetteer as gazetteer_module
from ..gazetteer import Entry, Gazetteer, fold_tokens
from ..kinds import Trait, hows, mention_kind
from ..lexicon import Lexicon, lexicon_for
from ..models import Document, Mention
from . import nearby
from .matching import Candidate, candidates
from .names import Site, speech_after
from .reasons import explain
from .resolution import (
    BESIDE,
    INSIDE,
    Said,
    admin_cue,
    anchors,
    best_named,
    container,
    contradicted,
    count_countries,
    country_of,
    qualifier,
    resolve,
    sibling,
    sure_country,
)
from .rules import BOOK, RuleBook, Surnames, filter_candidate
from .tokens import Reader
from .wording import in_language

SETTLING = hows(Trait.SETTLES)
COUNTRY_NAMES = hows(Trait.COUNTRY_NAME)
NEIGHBOURHOOD = 20  # a bloc or region of at most this many members makes its members neighbours


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """Return the committed geodata's gazetteer, loaded once per process and kept out of the
    garbage collector's way (a quarter of a million objects that live as long as the process:
    a full collection, which Streamlit runs after every script run, walked them in 0.12 s).

    Collection is paused while they are made: every few hundred new objects would otherwise
    start a collection that walks the growing index (a third of the load time). The freeze
    also keeps, for good, what was in reference cycles at that moment: once per process, the
    objects of the session whose visit loaded it (its state, and what that state holds later:
    a visitor's own articles are kept packed there, their analyses elsewhere)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gaz = gazetteer_module.load()
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()
    return gaz


def candidates_in(doc: Document, gaz: Gazetteer, lexicon: Lexicon,
                  book: RuleBook = BOOK) -> list[Candidate]:
    """Return the filtered candidates of every passage, in text order."""
    text, credits = doc.text, "©" in doc.text
    backwards = text[::-1]  # one reversed copy shared by every passage's reader
    people = Surnames()  # of every site, before any rule reads it
    sites = people.sites
    kinds = lexicon.lower_case_kinds
    for passage in doc.passages:
        reader = Reader(text, backwards, passage, credits)
        headline = partial(getattr, reader, "headline")
        sites += [Site(text, cand.tokens, cand, gaz, lexicon, people, reader.loose_capital,
                       headline) for cand in candidates(reader, gaz, kinds)]
    return [kept for site in sites if (kept := filter_candidate(site, book)) is not None]


def described(doc: Document, gaz: Gazetteer, lexicon: Lexicon) -> list[Candidate]:
    """Return the regions the text names by a description in lower case ('the tri-border
    area'), each weak: a mention only if the text names one of its members for sure."""
    text = doc.text
    if not any(word in text or word.capitalize() in text
               for word in _keywords(tuple(lexicon.descriptions))):
        return []  # most texts: a plain search of a word each description has says so
    found = []
    pattern = _descriptions(tuple(lexicon.descriptions))
    for match in pattern.finditer(doc.text):
        name = lexicon.descriptions[match.group().lower()]
        entries = [e for e in gaz.lookup(fold_tokens(name)) if e.how == "region"]
        if entries:
            found.append(Candidate(0, 0, match.start(), match.end(), match.group(), entries,
                                   [], weak=True))
    return found


@lru_cache(maxsize=8)
def _keywords(phrases: tuple[str, ...]) -> frozenset[str]:
    """Return the longest word of each phrase: a text without one has none of the phrases."""
    return frozenset(max(re.findall(r"\w+", phrase), key=len) for phrase in phrases)


@lru_cache(maxsize=8)
def _descriptions(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Return a pattern that finds any of these phrases as whole words, in any case."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", re.I)


def find_mentions(document: Document, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Return every place mention in a document, resolved in context, in text order."""
    lexicon = lexicon_for(document.language)
    gaz = in_language(gazetteer or default_gazetteer(), lexicon)
    cands = candidates_in(document, gaz, lexicon)
    extra = described(document, gaz, lexicon)
    if extra:
        cands = sorted(cands + extra, key=lambda c: c.start)
    where = nearby.places_of(document, cands)
    sure = [sure_country(cand, gaz) for cand in cands]
    named = anchors(sure)
    first = nearby.sure(cands, sure)
    said = nearby.contexts(named, first, where, cands)
    mentions = resolve_all(document.text, cands, gaz, lexicon, said)
    resolved = {c.start: e for c, e, _ in mentions}
    strong = {country_of(e, gaz) for c, e, _ in mentions if not c.weak}
    settles = {c.start for c in cands if nearby.settles(c, gaz)}
    found = nearby.found(cands, resolved, strong, settles, gaz)
    settled = count_countries((e for c, e, _ in mentions if e.how in SETTLING
                               and not c.weak and c.start in settles), gaz)
    echo = nearby.echoes(mentions, {c.start: s for c, s in zip(cands, said, strict=True)})
    regions = frozenset(e.place for c, e, _ in mentions if e.how == "admin"
                        and (not c.weak or country_of(e, gaz) in strong))
    said = nearby.contexts({**settled, **named}, found, where, cands, echo, regions)
    mentions = resolve_all(document.text, cands, gaz, lexicon, said, resolved)
    strong = {country_of(e, gaz) or e.place for c, e, _ in mentions if not c.weak}
    reasons: dict[tuple[object, ...], str] = {}  # a place named ten times is explained once
    on = document.reference_date
    return [
        _mention(document, cand, entry, others, gaz, lexicon, on, reasons)
        for cand, entry, others in mentions
        if not cand.weak or _supported(entry, strong, gaz)
    ]


def resolve_all(text: str, cands: list[Candidate], gaz: Gazetteer, lexicon: Lexicon,
                context: list[Said | None], resolved: dict[int, Entry] | None = None
                ) -> list[tuple[Candidate, Entry, list[Entry]]]:
    """Resolve every candidate in its context; return (candidate, entry, others) for each that
    its qualifier does not contradict (resolved: a first round's entries, by start)."""
    found = []
    resolved = resolved or {}
    for i, (cand, said) in enumerate(zip(cands, context, strict=True)):
        single = said is None  # one place, named one way or more: nothing to choose
        if single and cand.entries[0].how not in INSIDE:  # nor to contradict
            found.append((cand, best_named(cand), []))
            continue
        before = cands[i - 1] if i and cand.start - cands[i - 1].end <= BESIDE else None
        after = cands[i + 1] if i + 1 < len(cands) and cands[i + 1].start - cand.end <= BESIDE \
            else None
        where = qualifier(text, cand, before, after, gaz, lexicon, resolved)
        if contradicted(text, cand, after, where, gaz):
            continue
        if single:
            found.append((cand, best_named(cand), []))
            continue
        said.qualifier, said.admin = where, admin_cue(text, cand, lexicon)
        said.sibling = sibling(text, cand, before, after, gaz, resolved)
        said.container = container(text, cand, lexicon)
        found.append((cand, *resolve(cand, gaz, said)))
    return found


def _supported(entry: Entry, strong: set[str], gaz: Gazetteer) -> bool:
    """Tell whether the text names a weak reading's country for sure elsewhere (a country's
    own name: or a neighbour, or a small bloc it belongs to; a region: one of its members)."""
    place = gaz.place(entry.place)
    if place.country is None:
        return entry.place in strong or any(m in strong for m in place.members)
    if place.country in strong:
        return True
    return entry.how in COUNTRY_NAMES and not strong.isdisjoint(_neighbours(gaz, place.country))


def _neighbours(gaz: Gazetteer, iso3: str) -> frozenset[str]:
    """Return the small blocs and regions a country belongs to, and their members (its
    neighbourhood, as news groups countries); kept in the gazetteer once made."""
    found = gaz.groups.get(iso3)
    if found is None:
        groups = [p for p in gaz.places.values() if p.kind in ("grouping", "region")
                  and iso3 in p.members and len(p.members) <= NEIGHBOURHOOD]
        found = frozenset(p.id for p in groups) | frozenset(m for p in groups for m in p.members)
        gaz.groups[iso3] = found
    return found


def _mention(doc: Document, cand: Candidate, entry: Entry, others: list[Entry],
             gaz: Gazetteer, lexicon: Lexicon, on: date, reasons: dict[tuple[object, ...], str]
             ) -> Mention:
    """Build the Mention for a resolved candidate (blocs' members as on the date on)."""
    place = gaz.place(entry.place)
    said = speech_after(doc.text, cand.end, lexicon) if entry.how == "capital" else None
    government = said is not None and said not in lexicon.person_pronouns
    return Mention(
        doc=doc.slug, start=cand.start, end=cand.end, text=cand.text, place=place.id,
        country=place.country, kind=mention_kind(entry.how), name=place.name,
        lat=place.lat, lon=place.lon, reason=_reason(reasons, entry, others, gaz, on, government),
    )


def _reason(reasons: dict[tuple[object, ...], str], entry: Entry, others: list[Entry],
            gaz: Gazetteer, on: date, government: bool) -> str:
    """Return why an entry was chosen over others, said once per document for each."""
    key = (government, entry, *others)
    if key not in reasons:
        reasons[key] = explain(entry, others, gaz, on, government)
    return reasons[key]
