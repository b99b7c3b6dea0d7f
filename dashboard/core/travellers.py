"""Who travels: the titled people a text names, and the one a movement sentence is about."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .lexicon import Lexicon
from .models import Document, Mention, Sentence

CLAUSE_BREAK = re.compile(r"[,;:()]")  # where a clause ends (or a parenthesis starts)
WORD = re.compile(r"\w[\w'’-]*")
NAME_AFTER = re.compile(r"\s+([A-Z][\w-]+(?:\s[A-Z][\w-]+){0,3})")
TITLE_REACH = 60  # characters before a nationality read for a title that precedes it


@dataclass(frozen=True)
class Person:
    """A titled person ("the Nigerien Prime Minister Ali Zeine"): where named, the words, the
    home country, and the name and surname when the text gives them."""

    start: int
    words: str
    home: str | None
    surname: str = ""
    name: str = ""

    @property
    def title(self) -> str:
        """Return the words without the name, folded ('malian president')."""
        return self.words.removesuffix(self.name).strip().casefold()


def titled(document: Document, mentions: list[Mention], lex: Lexicon) -> list[Person]:
    """Return, in text order, each titled person a nationality names ("the Nigerien Prime
    Minister Ali Zeine"; in French the title comes first, "le Premier ministre nigérien")."""
    people = []
    for mention in mentions:
        if mention.kind not in ("demonym", "country"):
            continue
        start, end = mention.start, mention.end
        title = lex.title.match(document.text, end)
        before = lex.title_before.search(document.text, max(start - TITLE_REACH, 0), start)
        if not (title or before):
            continue
        start, end = (start, title.end()) if title else (before.start(), end)
        found = NAME_AFTER.match(document.text, end)  # 'le Premier ministre nigérien Ali Zeine'
        name = found.group(1) if found else ""
        end = found.end(1) if found else end
        people.append(Person(start, document.text[start:end].strip(), mention.country,
                             name.split()[-1] if name else "", name))
    return people


@dataclass(frozen=True)
class Cast:
    """The titled people of a text, in text order, and each surname's people."""

    people: list[Person]
    surnames: dict[str, list[Person]]


def cast(document: Document, mentions: list[Mention], lex: Lexicon) -> Cast:
    """Return the titled people of a document, looked up by surname too."""
    people = titled(document, mentions, lex)
    surnames: dict[str, list[Person]] = {}
    for person in people:
        if person.surname:
            surnames.setdefault(person.surname, []).append(person)
    return Cast(people, surnames)


def closest(people: list[Person], since: int, upto: int) -> Person | None:
    """Return the titled person named last before upto, from since on (None if nobody)."""
    at = bisect_right(people, upto, key=lambda person: person.start)
    return people[at - 1] if at and people[at - 1].start >= since else None


def subject(text: str, sentence: Sentence, moves: list[re.Match], known: Cast,
            lex: Lexicon) -> Person | None:
    """Return who a movement sentence says travels: the person a host receives, else the
    person named (or called by surname) last before its first movement word."""
    first = moves[0]
    guest = received(sentence, first, known, lex)
    if guest is not None:
        return guest
    person = closest(known.people, sentence.start, first.start())
    return person or _by_surname(text, sentence.start, first.start(), known)


def moved_by_others(text: str, sentence: Sentence, moves: list[re.Match], known: Cast,
                    lex: Lexicon) -> bool:
    """Tell whether the people who move are a group named in the clause of the first movement
    word, before it, and no traveller is ('Les derniers militaires de l'opération Barkhane ont
    quitté Niamey', 'French troops left Niamey'; not 'the president and his soldiers flew'):
    nobody's leg."""
    first = moves[0]
    if received(sentence, first, known, lex) is not None:
        return False
    groups = list(lex.others.finditer(text[sentence.start:first.start()]))
    if not groups:
        return False
    end = sentence.start + groups[-1].end()
    words = {word.casefold() for word in WORD.findall(text, sentence.start, end)}
    return not (CLAUSE_BREAK.search(text, end, first.start())
                or words & lex.person_pronouns
                or closest(known.people, sentence.start, first.start())
                or _by_surname(text, sentence.start, first.start(), known))


def received(sentence: Sentence, move: re.Match, known: Cast, lex: Lexicon) -> Person | None:
    """Return the person a host receives, named after the reception word in its sentence."""
    if not lex.reception.fullmatch(move.group()):
        return None
    at = bisect_right(known.people, move.end() - 1, key=lambda person: person.start)
    guest = known.people[at] if at < len(known.people) else None
    return guest if guest is not None and guest.start < sentence.end else None


def _by_surname(text: str, start: int, end: int, known: Cast) -> Person | None:
    """Return the person named before offset start whose surname text[start:end] uses last."""
    for word in reversed(WORD.findall(text, start, end)):
        named = [p for p in known.surnames.get(word, ()) if p.start < start]
        if named:
            return named[-1]
    return None
