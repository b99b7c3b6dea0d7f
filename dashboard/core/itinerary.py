"""Text + mentions → the journeys it describes: ordered stops, each with its sentence, and
whether each leg was made or is still planned."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .geoparse import default_gazetteer
from .lexicon import Lexicon, lexicon_for
from .models import Document, Journey, Mention, Sentence, Stop, within
from .travellers import (
    CLAUSE_BREAK,
    Cast,
    Person,
    cast,
    closest,
    moved_by_others,
    received,
    subject,
)

STOP_KINDS = ("country", "capital", "city", "admin")
TRAVELLER_PASSAGES = 2  # passages before a journey's own in which its traveller may be named
GUEST_REACH = 40  # characters after a host place's reception word that may name its guest
TENSE_REACH = 60  # characters before a movement word read for its tense ('is due to fly')


@dataclass
class _Leg:
    """A stop found in a sentence, before journeys are numbered."""

    mention: Mention
    sentence: Sentence
    phase: int
    planned: bool = False
    again: bool = False  # returned to: made again, never a retelling of an earlier stop
    host: re.Match | None = None  # the reception word when the stop is the host ('Niamey a reçu')


@dataclass
class _Trip:
    """One traveller's legs as the sentences tell them, before they become a Journey."""

    person: Person | None
    legs: list[_Leg]
    last: int  # the index of its latest sentence
    passage: int  # the index of that sentence's passage


def _sentences(document: Document) -> list[Sentence]:
    """Return every sentence of the document, in order."""
    return [s for p in document.passages for s in p.sentences]


def _moves(text: str, sentence: Sentence, lex: Lexicon) -> list[re.Match]:
    """Return the sentence's movement and reception words, in text order."""
    found = [*lex.movement.finditer(text, sentence.start, sentence.end),
             *lex.reception.finditer(text, sentence.start, sentence.end)]
    return sorted(found, key=lambda m: m.start())


def _tenses(text: str, sentence: Sentence, moves: list[re.Match], lex: Lexicon) -> list[bool]:
    """Return, for each movement word, whether its leg is planned (a word of the future before
    it in its clause, or a future verb), made (an auxiliary or a past verb), or as the movement
    before it ("will arrive in Moscow and travel on to Minsk")."""
    planned: list[bool] = []
    since = sentence.start
    for move in moves:
        window = text[max(since, move.start() - TENSE_REACH):move.end()]
        if lex.planned.search(window):
            planned.append(True)
        elif lex.completed.search(window):
            planned.append(False)
        else:
            planned.append(planned[-1] if planned else False)
        since = move.end()
    return planned


def _tense_at(moves: list[re.Match], planned: list[bool], at: int) -> bool:
    """Return whether the movement that leads to offset at (the last before it, else the
    first) is planned."""
    before = bisect_right([m.end() for m in moves], at) - 1
    return planned[max(before, 0)]


def _stops_in(document: Document, sentence: Sentence, mentions: list[Mention],
              moves: list[re.Match], lex: Lexicon) -> list[_Leg]:
    """Return the stops a movement sentence names, ordered by when they are visited."""
    text = document.text
    movement = [m.end() for m in moves]
    planned = _tenses(text, sentence, moves, lex)
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
        host = _hosting(text, mention, moves, lex)
        introduced = bool(lex.into_stop.search(before[-40:])) or host is not None
        if introduced and phase == 1 and lex.locative.search(before[-40:]) and not _moved_in_clause(
                text, movement, mention.start):
            # "met in N'Djamena, before the delegation flew to Niamey": where they left from
            introduced = _moves_on(text, movement, mention.end, sentence.end, lex)
            phase = 0
        if not (chained or introduced) or _moved_by_other_verb(text, movement, sentence.start,
                                                               mention.start, lex):
            previous_end = None
            continue
        if chained and legs:
            phase = legs[-1].phase
        legs.append(_Leg(mention, sentence, phase, _tense_at(moves, planned, mention.start),
                         bool(lex.returning.search(before[-40:])), host))
        previous_end = mention.end
    return sorted(legs, key=lambda leg: leg.phase)


def _hosting(text: str, mention: Mention, moves: list[re.Match],
             lex: Lexicon) -> re.Match | None:
    """Return the reception word of which the place is the host ('Niamey a reçu mardi une
    délégation russe', 'Moscow will host'), if any."""
    gap = lex.hosting.match(text, mention.end)
    return next((m for m in moves if gap and m.start() == gap.end()
                 and lex.reception.fullmatch(m.group())), None)


def _with_guests(legs: list[_Leg], sentence: Sentence, known: Cast, lex: Lexicon) -> list[_Leg]:
    """Drop a host place whose reception names no guest right after it ('Washington has
    welcomed the decision')."""
    return [leg for leg in legs if leg.host is None or _guest_near(leg.host, sentence, known, lex)]


def _guest_near(host: re.Match, sentence: Sentence, known: Cast, lex: Lexicon) -> bool:
    """Tell whether the reception word's object is a titled person, named within GUEST_REACH
    characters of it ('a reçu mardi une importante délégation russe'; not 'welcomed the
    decision of the Malian president')."""
    guest = received(sentence, host, known, lex)
    if guest is None or guest.start - host.end() > GUEST_REACH:
        return False
    between = re.findall(r"\w+", host.string[host.end():guest.start])
    return not {word.casefold() for word in between} & lex.complement_links


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


def _moved_by_other_verb(text: str, movement: list[int], start: int, at: int,
                         lex: Lexicon) -> bool:
    """Tell whether a verb that is not one of movement stands before offset at, after the last
    movement word and in the same clause: 'the accords that tied them to France' (but
    'went to Ankara, where he bought drones, then to Doha' still goes to Doha)."""
    since = max((end for end in movement if end <= at), default=start)
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, since, at)]
    return bool(lex.not_moving.search(text, breaks[-1] if breaks else since, at))


def _moves_on(text: str, movement: list[int], at: int, end: int, lex: Lexicon) -> bool:
    """Tell whether the sentence goes on from offset at to a movement after "before" or
    "then" ("talks in Ankara before he flew to Tehran")."""
    after = lex.moves_on.match(text, at, end)
    return bool(after) and any(stop > after.end() for stop in movement)


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
                sentence_start=leg.sentence.start, sentence_end=leg.sentence.end,
                planned=leg.planned)


def _origin(journey: int, home: str | None, first: Stop, gaz: Gazetteer) -> Stop | None:
    """Return the inferred starting point: the traveller's home capital."""
    capital = gaz.capital_of(home) if home else None
    if capital is None or first.country == home:
        return None
    return Stop(journey, 0, capital.id, home, capital.name, capital.id, capital.name,
                capital.lat, capital.lon, assumed=True, inferred=True, start=-1, end=-1,
                sentence_start=first.sentence_start, sentence_end=first.sentence_end)


class _Met:
    """The trips told so far, by their traveller's surname and by title and home."""

    def __init__(self) -> None:
        self.named: dict[str, _Trip] = {}
        self.titled: dict[tuple[str | None, str], _Trip] = {}

    def add(self, trip: _Trip) -> None:
        """Remember a trip under its traveller."""
        if trip.person is not None:
            if trip.person.surname:
                self.named[trip.person.surname] = trip
            self.titled[(trip.person.home, trip.person.title)] = trip

    def find(self, who: Person | None, passage: int) -> _Trip | None:
        """Return the trip of a traveller already met: by surname anywhere; by title and home
        (without two different surnames) only within TRAVELLER_PASSAGES passages (further on,
        a title is another story's person)."""
        if who is None:
            return None
        if who.surname in self.named:
            return self.named[who.surname]
        trip = self.titled.get((who.home, who.title))
        if trip is None or passage - trip.passage > TRAVELLER_PASSAGES:
            return None
        return None if trip.person.surname and who.surname else trip


def _trip_for(met: _Met, current: _Trip | None, who: Person | None, follows: bool,
              passage: int, legs: list[_Leg]) -> _Trip | None:
    """Return the journey a movement sentence continues: its traveller's, else the one just
    told when it names nobody (or retells that journey, which named nobody); None for a new
    one."""
    if who is None:
        return current if follows else None
    known = met.find(who, passage)
    if (known is None and follows and current is not None and current.person is None
            and _retells(current.legs, legs)):
        known = current  # the headline named no one; the lead does
    if known is not None and (known.person is None or who.surname and not known.person.surname):
        known.person = who  # by their name rather than their title alone
        met.add(known)
    return known


def _retells(told: list[_Leg], new: list[_Leg]) -> bool:
    """Tell whether a sentence's stops name a stop already told (not one returned to)."""
    places = {leg.mention.place for leg in told}
    return any(leg.mention.place in places and not leg.again for leg in new)


def _merge(told: list[_Leg], new: list[_Leg], home: str | None) -> list[_Leg]:
    """Add a sentence's stops to a journey without telling a leg twice: a stop already told
    (not returned to) is a retelling that places the new stops around it; a departure told
    after the arrival ('Goïta had left Bamako') is where the journey started when it is the
    only news or from home."""
    places = [leg.mention.place for leg in told]
    anchors = [k for k, leg in enumerate(new) if leg.mention.place in places and not leg.again]
    if not anchors:
        alone = all(leg.phase == 0 for leg in new)
        start = [leg for leg in new if leg.phase == 0 and (alone or (
            home is not None and leg.mention.country == home))] if told else []
        return start + told + [leg for leg in new if leg not in start]
    for k in anchors:  # made, if any telling says so
        old = told[places.index(new[k].mention.place)]
        old.planned = old.planned and new[k].planned
    at = places.index(new[anchors[0]].mention.place)
    later = [leg for k, leg in enumerate(new) if k > anchors[0] and k not in anchors]
    return told[:at] + new[:anchors[0]] + told[at:] + later


def _trips(document: Document, mentions: list[Mention], lex: Lexicon) -> list[_Trip]:
    """Gather the stops of the movement sentences into one trip per traveller: a sentence
    continues the trip of the one before it unless it names another traveller."""
    text, known = document.text, cast(document, mentions, lex)
    starts = [p.start for p in document.passages]
    trips: list[_Trip] = []
    met = _Met()
    current: _Trip | None = None
    for i, sentence in enumerate(_sentences(document)):
        moves = _moves(text, sentence, lex)
        legs = _stops_in(document, sentence, within(mentions, sentence.start, sentence.end),
                         moves, lex) if moves else []
        legs = _with_guests(legs, sentence, known, lex)
        if not legs or moved_by_others(text, sentence, moves, known, lex):
            continue
        who = subject(text, sentence, moves, known, lex)
        follows = current is not None and i == current.last + 1
        passage = bisect_right(starts, sentence.start) - 1
        trip = _trip_for(met, current, who, follows, passage, legs)
        if trip is None:
            who = who or closest(known.people, _context_start(starts, sentence.start),
                                 moves[0].start())
            trip = met.find(who, passage)
        if trip is None:
            trip = _Trip(who, [], i, passage)
            trips.append(trip)
            met.add(trip)
        home = trip.person.home if trip.person else None
        trip.legs, trip.last, trip.passage = _merge(trip.legs, legs, home), i, passage
        current = trip
    return trips


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
    journeys = []
    for trip in _trips(document, sorted(mentions, key=lambda m: m.start), lex):
        legs = _dedupe(trip.legs)
        number = len(journeys) + 1
        traveller, home = (trip.person.words, trip.person.home) if trip.person else ("", None)
        stops = [_stop(number, order, leg, gaz) for order, leg in enumerate(legs, start=1)]
        origin = _origin(number, home, stops[0], gaz)
        if len(stops) + bool(origin) < 2:
            continue
        journeys.append(Journey(number, traveller, tuple(([origin] if origin else []) + stops)))
    return journeys
