"""Text + mentions → the journeys it describes: ordered stops, each with its sentence."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .geoparse import default_gazetteer
from .lexicon import Lexicon, lexicon_for
from .models import Document, Journey, Mention, Sentence, Stop, within

CLAUSE_BREAK = re.compile(r"[,;:()]")
NAME_AFTER = re.compile(r"\s+([A-Z][\w-]+(?:\s[A-Z][\w-]+){0,3})")
TITLE_REACH = 60  # characters before a nationality read for a title that precedes it
STOP_KINDS = ("country", "capital", "city", "admin")
TRAVELLER_PASSAGES = 2  # passages before a journey's own in which its traveller may be named


@dataclass
class _Leg:
    """A stop found in a sentence, before journeys are numbered."""

    mention: Mention
    sentence: Sentence
    phase: int


def _sentences(document: Document) -> list[Sentence]:
    """Return every sentence of the document, in order."""
    return [s for p in document.passages for s in p.sentences]


def _stops_in(document: Document, sentence: Sentence, mentions: list[Mention],
              lex: Lexicon) -> list[_Leg]:
    """Return the stops a movement sentence names, ordered by when they are visited."""
    text = document.text
    movement = [m.end() for m in lex.movement.finditer(text, sentence.start, sentence.end)]
    legs: list[_Leg] = []
    previous_end: int | None = None
    for mention in mentions:
        if mention.kind not in STOP_KINDS:  # a demonym or a bloc: neither a stop nor a break
            continue
        before = text[sentence.start:mention.start]
        chained = previous_end is not None and lex.list_gap.match(text[previous_end:mention.start])
        if chained and legs and _qualifies(legs[-1].mention, mention, text, lex):
            previous_end = mention.end  # "Sofia, Bulgaria": the country says where it is
            continue
        phase = _phase(before, lex)
        introduced = bool(movement) and bool(lex.into_stop.search(before[-40:]))
        if introduced and phase == 1 and lex.locative.search(before[-40:]) and not _moved_in_clause(
                text, movement, mention.start):
            # "met in N'Djamena, before the delegation flew to Niamey": where they left from
            introduced = _moves_on(text, movement, mention.end, sentence.end, lex)
            phase = 0
        if not (chained or introduced):
            previous_end = None
            continue
        if chained and legs:
            phase = legs[-1].phase
        legs.append(_Leg(mention, sentence, phase))
        previous_end = mention.end
    return sorted(legs, key=lambda leg: leg.phase)


def _phase(before: str, lex: Lexicon) -> int:
    """Return when a stop is visited, from the words before it: 0 left from, 1 in order, 2 later."""
    return 0 if lex.departure.search(before[-60:]) else 2 if lex.later.search(before[-60:]) else 1


def _qualifies(stop: Mention, mention: Mention, text: str, lex: Lexicon) -> bool:
    """Tell whether a country right after a stop ("Sofia, Bulgaria"; "Dongguan, in China's
    south") is the stop's own."""
    return (mention.kind == "country" and stop.kind != "country"
            and mention.country == stop.country
            and text[stop.end:mention.start] in lex.qualifier_gaps)


def _moved_in_clause(text: str, movement: list[int], at: int) -> bool:
    """Tell whether a movement word comes before offset at in the same clause."""
    return any(end <= at and not CLAUSE_BREAK.search(text, end, at) for end in movement)


def _moves_on(text: str, movement: list[int], at: int, end: int, lex: Lexicon) -> bool:
    """Tell whether the sentence goes on from offset at to a movement after "before" or
    "then" ("talks in Ankara before he flew to Tehran")."""
    after = lex.moves_on.match(text, at, end)
    return bool(after) and any(stop > after.end() for stop in movement)


def _titled(document: Document, mentions: list[Mention],
            lex: Lexicon) -> list[tuple[int, str, str | None]]:
    """Return, in text order, each titled person a nationality names ("the Nigerien Prime
    Minister Ali Zeine"; in French the title comes first, "le Premier ministre nigérien"):
    where it starts, the words, and the home country."""
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
        name = NAME_AFTER.match(document.text, end)  # 'le Premier ministre nigérien Ali Zeine'
        end = name.end(1) if name else end
        people.append((start, document.text[start:end].strip(), mention.country))
    return people


def _traveller(people: list[tuple[int, str, str | None]], since: int,
               upto: int) -> tuple[str, str | None]:
    """Return who travels (the titled person closest before upto, named from since on) and
    their home country; nobody if no one is named there."""
    at = bisect_right(people, upto, key=lambda person: person[0])
    return people[at - 1][1:] if at and people[at - 1][0] >= since else ("", None)


def _context_start(starts: list[int], at: int) -> int:
    """Return where the passages that may name a traveller start (starts: every passage's):
    TRAVELLER_PASSAGES before the one holding offset at (further back is another story)."""
    here = max(bisect_right(starts, at) - 1, 0)
    return starts[max(here - TRAVELLER_PASSAGES, 0)] if starts else 0


def _stop(journey: int, order: int, leg: _Leg, gaz: Gazetteer, inferred: bool = False) -> Stop:
    """Build a Stop, pinning a country at its capital (flagged as assumed)."""
    m = leg.mention
    pin = gaz.capital_of(m.place) if m.kind == "country" else None
    city_id, city_name = (pin.id, pin.name) if pin else (m.place, m.name)
    lat, lon = (pin.lat, pin.lon) if pin else (m.lat, m.lon)
    return Stop(journey, order, m.place, m.country, m.name, city_id, city_name, lat, lon,
                assumed=pin is not None, inferred=inferred, start=m.start, end=m.end,
                sentence_start=leg.sentence.start, sentence_end=leg.sentence.end)


def _origin(journey: int, home: str | None, first: Stop, gaz: Gazetteer) -> Stop | None:
    """Return the inferred starting point: the traveller's home capital."""
    capital = gaz.capital_of(home) if home else None
    if capital is None or first.country == home:
        return None
    return Stop(journey, 0, capital.id, home, capital.name, capital.id, capital.name,
                capital.lat, capital.lon, assumed=True, inferred=True, start=-1, end=-1,
                sentence_start=first.sentence_start, sentence_end=first.sentence_end)


def _group(document: Document, mentions: list[Mention], lex: Lexicon) -> list[list[_Leg]]:
    """Gather the stops of consecutive movement sentences into journeys."""
    groups: list[list[_Leg]] = []
    last_sentence = -2
    for i, sentence in enumerate(_sentences(document)):
        if not lex.movement.search(document.text, sentence.start, sentence.end):
            continue
        legs = _stops_in(document, sentence, within(mentions, sentence.start, sentence.end), lex)
        if not legs:
            continue
        if i == last_sentence + 1 and groups:
            groups[-1].extend(legs)
        else:
            groups.append(legs)
        last_sentence = i
    return groups


def _dedupe(legs: list[_Leg]) -> list[_Leg]:
    """Drop a stop that repeats the one just before it."""
    kept: list[_Leg] = []
    for leg in legs:
        if not kept or kept[-1].mention.place != leg.mention.place:
            kept.append(leg)
    return kept


def extract_journeys(document: Document, mentions: list[Mention],
                     gazetteer: Gazetteer | None = None) -> list[Journey]:
    """Return the journeys the document describes, each with its ordered stops."""
    gaz = gazetteer or default_gazetteer()
    lex = lexicon_for(document.language)
    mentions = sorted(mentions, key=lambda m: m.start)
    people = _titled(document, mentions, lex)
    starts = [p.start for p in document.passages]
    journeys = []
    for legs in _group(document, mentions, lex):
        legs = _dedupe(legs)
        number = len(journeys) + 1
        first = legs[0].sentence
        traveller, home = _traveller(people, _context_start(starts, first.start), first.end)
        stops = [_stop(number, order, leg, gaz) for order, leg in enumerate(legs, start=1)]
        origin = _origin(number, home, stops[0], gaz)
        if len(stops) + bool(origin) < 2:
            continue
        journeys.append(Journey(number, traveller, tuple(([origin] if origin else []) + stops)))
    return journeys
