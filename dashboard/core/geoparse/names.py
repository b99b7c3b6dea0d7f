"""Names that are not places, told by the words around them alone: a person's, an
organisation's, a currency's; and a capital that speaks for its government.

A person's name needs evidence where it stands: a title or an honorific before it, a known first
name before it, a surname or an initial after it, a particle inside it ('de', 'el'), a hyphen
joining it to a name, an age after it ('Campbell, 42,'), or a verb of speech followed by 'she'
or 'he'. What a name is elsewhere in
the text never decides it, except that a surname met in a full name ('Whitney Houston') is the
person again when it speaks ('Houston said'). rules.py turns these predicates into rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from typing import NamedTuple

from ..gazetteer import Gazetteer
from ..lexicon import Lexicon
from .matching import Candidate
from .tokens import Token

CURRENCY = "$"  # 'US$10 million', '$US 15 billion', 'NZ$': a currency, not the country
ORGANISATION_WORDS = 3  # capitalised words read after a name for an organisation's head noun
# The capitalised words right after a name ('Times', 'State University'), one space apart.
WORDS_AFTER = re.compile(rf"(?: [A-Z][\w'’.-]*){{1,{ORGANISATION_WORDS}}}")
NEXT_WORD = re.compile(r"\s+(\w+)")
AGE = re.compile(r", \d{1,3},(?!\d)")  # 'Campbell, 42, was arrested': a person's age


class Site(NamedTuple):
    """A candidate where it stands: its text, its tokens, the gazetteer and the lexicon."""

    text: str
    tokens: list[Token]  # ≤ 2 tokens before the candidate's own, its own, ≤ 1 after
    cand: Candidate
    gaz: Gazetteer
    lexicon: Lexicon
    people: Container[str]  # surnames the text uses in a person's full name
    loose: Callable[[int], bool]  # whether a capital at an offset may say nothing (lazily)
    headline: Callable[[], bool]  # whether the candidate's passage is a title-case headline

    def loose_capital(self) -> bool:
        """Tell whether the candidate's capital may say nothing: sentence start or headline."""
        return self.loose(self.cand.start)


def previous(tokens: list[Token], cand: Candidate, back: int = 1) -> Token | None:
    """Return the token back tokens before a candidate."""
    return tokens[cand.first - back] if cand.first >= back else None


def following(tokens: list[Token], cand: Candidate) -> Token | None:
    """Return the token after a candidate."""
    return tokens[cand.last + 1] if cand.last + 1 < len(tokens) else None


def adjacent(text: str, left: Token, right: Token) -> bool:
    """Tell whether two tokens are separated by a single space only."""
    return text[left.end:right.start] == " "


def is_namelike(token: Token, gaz: Gazetteer) -> bool:
    """Tell whether a token reads as part of a person's or organisation's name."""
    if not token.text[:1].isupper() or token.text.isupper():
        return False
    if gaz.is_given_name(token.text):
        return True
    return not gaz.is_common_word(token.text) and not gaz.lookup((token.folded,))


def _evidence(site: Site, token: Token) -> bool:
    """Tell whether a capitalised word before a name is evidence: not a common word whose
    capital may say nothing ('Even Portugal', 'Will Mali')."""
    return not (site.gaz.is_common_word(token.text) and site.loose(token.start))


def in_person_name(site: Site) -> bool:
    """Tell whether a one-word name is part of a person's name, by the words around it."""
    text, tokens, cand, lexicon = site.text, site.tokens, site.cand, site.lexicon
    if cand.first != cand.last or tokens[cand.first].text[:1].islower():
        return False  # 'le président nigérien Tiani': a lower-case word names no one
    before, after = previous(tokens, cand), following(tokens, cand)
    if before is not None:
        if text[before.end:cand.start] == "-" and is_namelike(before, site.gaz):
            return True  # 'Yunus-Bek'
        if _named_before(site) and (_titled(site) or _first_name_before(site)
                                    or _particle_before(site)):
            return True
    if after is None:
        return False
    gap = text[cand.end:after.start]
    if gap == "-":
        return is_namelike(after, site.gaz)
    if gap != " ":
        return bool(AGE.match(text, cand.end))
    if after.text[:1].isupper():  # a demonym before a capital is an adjective: 'Malian
        return not _demonym(site) and _surname_after(site)  # Defence Minister', 'Moroccan King'
    if after.text in lexicon.name_particles:
        return _particle_after(site)
    return (after.folded in lexicon.speech_verbs or after.folded in lexicon.auxiliaries) and \
        _speaks_as_person(site)


def _demonym(site: Site) -> bool:
    """Tell whether every reading of the name is a demonym."""
    return all(entry.how == "demonym" for entry in site.cand.entries)


def used_as_surname(site: Site) -> bool:
    """Tell whether a one-word name is the surname of a full name ('George Washington')."""
    return (site.cand.first == site.cand.last and _named_before(site)
            and (_titled(site) or _first_name_before(site)))


def _named_before(site: Site) -> bool:
    """Tell whether the word before the name may be part of a name (or a title): capitalised,
    or a lower-case particle or honorific ('de', 'mr'); most places follow neither."""
    before = previous(site.tokens, site.cand)
    return before is not None and (before.text[:1].isupper() or before.text in
                                   site.lexicon.name_particles or before.folded in
                                   site.lexicon.honorifics)


def _is_title(site: Site, token: Token | None, gap: str) -> bool:
    """Tell whether a token is a title or honorific standing right before a name."""
    if token is None or gap not in (" ", ". "):
        return False
    lexicon = site.lexicon
    if token.folded in lexicon.honorifics:
        return True
    return (token.folded in lexicon.person_titles and token.text[:1].isupper()
            and _evidence(site, token))


def _titled(site: Site) -> bool:
    """Tell whether a title or honorific comes before the name, maybe with a first name or an
    initial between ('President Taylor', 'Dr. Brain Evans')."""
    text, tokens, cand = site.text, site.tokens, site.cand
    before = previous(tokens, cand)
    if before is None:
        return False
    if _is_title(site, before, text[before.end:tokens[cand.first].start]):
        return True
    first = previous(tokens, cand, 2)
    return (before.text[:1].isupper() and text[before.end:tokens[cand.first].start] in
            (" ", ". ") and _is_title(site, first, text[first.end:before.start] if first else ""))


def _first_name_before(site: Site) -> bool:
    """Tell whether a known first name comes right before the name ('George Washington')."""
    before = previous(site.tokens, site.cand)
    return bool(before and adjacent(site.text, before, site.tokens[site.cand.first])
                and before.text[:1].isupper() and not before.text.isupper()
                and site.gaz.is_given_name(before.text) and _evidence(site, before))


def _surname_after(site: Site) -> bool:
    """Tell whether a surname or an initial follows the name ('Jordan Peterson', 'George W.
    Bush'); after a name that is no first name, not when a comma follows the surname."""
    text, tokens, cand, gaz = site.text, site.tokens, site.cand, site.gaz
    after, token = following(tokens, cand), tokens[cand.first]
    if after is None or not adjacent(text, token, after):
        return False
    if len(after.text) == 1 and after.text.isupper() and text.startswith(".", after.end):
        return gaz.is_given_name(token.text)
    if not is_namelike(after, gaz):
        return False
    return gaz.is_given_name(token.text) or text[after.end:after.end + 1] != ","


def _particle_before(site: Site) -> bool:
    """Tell whether the name follows a particle after a name ('Ceamurlia de Jos'): part of a
    longer proper name."""
    tokens, cand = site.tokens, site.cand
    before, first = previous(tokens, cand), previous(tokens, cand, 2)
    return (before is not None and first is not None
            and before.text in site.lexicon.name_particles and first.text[:1].isupper()
            and adjacent(site.text, first, before) and not site.gaz.lookup((first.folded,)))


def _particle_after(site: Site) -> bool:
    """Tell whether a particle and a name follow the name ('Dominique de Villepin')."""
    after = following(site.tokens, site.cand)
    word = NEXT_WORD.match(site.text, after.end) if after is not None else None
    return bool(word and word.group(1)[:1].isupper()
                and not site.gaz.lookup((word.group(1).lower(),)))


def speech_after(text: str, at: int, lexicon: Lexicon) -> str | None:
    """Return the word after the verb of speech that follows offset at ('' at the text's end),
    or None if no verb of speech follows (an auxiliary may come between: 'has warned')."""
    if text.startswith(lexicon.possessives, at):
        return None
    word = NEXT_WORD.match(text, at)
    if word and word.group(1).lower() in lexicon.auxiliaries:
        word = NEXT_WORD.match(text, word.end())
    if not word or word.group(1).lower() not in lexicon.speech_verbs:
        return None
    then = NEXT_WORD.match(text, word.end())
    return then.group(1).lower() if then else ""


def _speaks_as_person(site: Site) -> bool:
    """Tell whether the name speaks as a person: 'Victoria said she …', or a surname the
    text gives a person ('Whitney Houston … Houston said')."""
    said = speech_after(site.text, site.cand.end, site.lexicon)
    if said is None:
        return False
    return said in site.lexicon.person_pronouns or site.tokens[site.cand.first].folded in \
        site.people


def speaks_as_government(site: Site) -> bool:
    """Tell whether a capital speaks for its government ('Washington said it would act')."""
    said = speech_after(site.text, site.cand.end, site.lexicon)
    return said is not None and said not in site.lexicon.person_pronouns


def in_organisation_name(site: Site) -> bool:
    """Tell whether the name is part of an organisation's ('Air France', 'Africa Corps',
    'University of Georgia', 'Michigan State University', 'USA Today')."""
    text, tokens, cand, lexicon = site.text, site.tokens, site.cand, site.lexicon
    before = previous(tokens, cand)
    if before is not None:
        if before.folded in lexicon.organisation_before and before.text[:1].isupper() \
                and adjacent(text, before, tokens[cand.first]):
            return True
        first = previous(tokens, cand, 2)
        if first and before.folded in lexicon.feature_links \
                and first.folded in lexicon.organisation_of:
            return True
    if not text.startswith(" ", cand.end) or not text[cand.end + 1:cand.end + 2].isupper():
        return False
    words = WORDS_AFTER.match(text, cand.end)
    if words is None:
        return False
    heads = lexicon.organisation_after
    return any(word.strip(".").lower() in heads for word in words.group().split()) and \
        not site.headline()  # a title-case headline capitalises every word: ask last


def names_currency(site: Site) -> bool:
    """Tell whether the name is part of a currency's ('US$10 million', '$US 15 billion')."""
    text, cand = site.text, site.cand
    return text.startswith(CURRENCY, cand.end) or text.endswith(CURRENCY, 0, cand.start)
