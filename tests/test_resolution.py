"""Resolution's scores, stated as the orderings they must produce, on a gazetteer built here.

ORDERINGS is the table: each ordering in words, the reading that must win, the one that must
lose, and what the text says around them. Both lie in countries of their own, and the loser's
place id sorts first, so a tie (which the lower id wins) fails the row too.
"""

import pytest

from dashboard.core.gazetteer import Entry, Gazetteer
from dashboard.core.geoparse.matching import Candidate
from dashboard.core.geoparse.resolution import Said, resolve
from dashboard.core.models import Place

WINS, LOSES = "ZZZ", "AAA"  # the two countries of a row; the loser's places sort first
LATITUDE = {WINS: 10.0, LOSES: -10.0}  # each country's places stand together, apart from the other
PLACE_KINDS = {"city": "city", "capital": "city", "seat": "city", "admin": "admin",
               "grouping": "grouping", "region": "region"}


def reading(how: str, country: str, population: int = 0) -> tuple[Entry, Place]:
    """Return an entry named 'Name' of a kind, and its place, lying in a country."""
    kind, lat = PLACE_KINDS.get(how, "country"), LATITUDE[country]
    if kind == "country":
        return Entry(country, "Name", how), Place(country, "country", country, country, lat, 0)
    place_id = f"{country}:{how}"
    inside = country if kind in ("city", "admin") else None
    return Entry(place_id, "Name", how), Place(place_id, kind, "Name", inside, lat, 0, population)


def world(*places: Place, dependent: tuple[str, ...] = ()) -> Gazetteer:
    """Return a gazetteer of these places and the two countries."""
    gaz = Gazetteer(dependent=set(dependent))
    for code in (WINS, LOSES):
        gaz.places[code] = Place(code, "country", code, code, LATITUDE[code], 0)
    for place in places:
        gaz.places[place.id] = place
    return gaz


# Each ordering in words, then (indented) the readings: 'WINNER > LOSER', a reading being a kind
# of name and, for towns, a population; then what the text says, if anything: 'named ZZZ 5'
# (the document names the winner's country five times; AAA is the loser's), 'near ZZZ town'
# (the candidate's passage names a town of the winner's country; or 'country', 'region'),
# 'qualifier ZZZ' ('City, Region' names the winner's country), 'dependent AAA' (the loser's
# country is a dependency), 'admin' (words say the name is a region's: 'the state of X'),
# 'sibling country' (the names listed beside it are countries; or 'town': towns, 'region ZZZ':
# regions of the winner's country).
ORDERINGS = """
a country's own name beats a city of a million people with the same name
    country > city 1000000
a country's own name beats a capital of ten million with the same name
    country > capital 10000000
a country's own name beats another country's other name
    country > alternative
a country's other name beats a same-named region
    alternative > region
a bloc's name beats another country's other name
    grouping > alternative
a demonym of a state beats the same demonym of a dependency ('French')
    demonym > demonym; dependent AAA
a demonym beats a same-named town of ten million
    demonym > city 10000000
a capital of 1,000 people beats a same-named demonym
    capital 1000 > demonym
a capital of 10,000 people beats a same-named town of ten million abroad
    capital 10000 > city 10000000
a seat of government beats a same-named town of ten million
    seat > city 10000000
a region beats a same-named town of 50,000
    admin > city 50000
a town of 200,000 beats a same-named region
    city 200000 > admin
a larger town beats a smaller one, other things equal
    city 200000 > city 20000
a town in a country the article names beats a town of ten million elsewhere
    city 10000 > city 10000000; named ZZZ 1
a capital of a million beats a town in a country the article names five times
    capital 1000000 > city 10000; named AAA 5
a capital of a million beats a town whose country's towns its passage names
    capital 1000000 > city 10000; near AAA town
a town whose country's regions its passage names beats a capital of a million elsewhere
    city 10000 > capital 1000000; near ZZZ region
a country named five times lifts its places over those of a country named once
    city 10000 > city 10000; named ZZZ 5 AAA 1
a country's own name beats a town of 50,000 in a country the article names five times
    country > city 50000; named AAA 5
a country's own name beats a city of a million in a country the article names five times
    country > city 1000000; named AAA 5
a country's own name beats a region of a country its passage names by name only
    country > admin; near AAA country
a city of a million beats a same-named country when its passage names a town of its country
    city 1000000 > country; near ZZZ town
a region beats a same-named country when its passage names a town of its country
    admin > country; near ZZZ town
a country listed among countries beats a city whose country's towns its passage names
    country > city 1000000; near AAA town; sibling country
a town listed among towns of its country beats a same-named country
    city 50000 > country; near ZZZ town; sibling town
a region listed among regions of its country beats a same-named town of its neighbour
    admin > city 200000; near AAA region; near ZZZ region; sibling region ZZZ
a region named as such beats a same-named country ('Niger State')
    admin > country; admin
a 'City, Region' qualifier beats population
    city 10000 > capital 10000000; qualifier ZZZ
a 'City, Region' qualifier beats a country the article names five times
    city 10 > city 10000000; named AAA 5; qualifier ZZZ
"""


def orderings() -> list:
    """Return the rows of ORDERINGS as pytest parameters, each with its words as its id."""
    lines = ORDERINGS.strip().splitlines()
    return [pytest.param(*spec(readings), id=words) for words, readings in zip(
        lines[::2], lines[1::2], strict=True)]


def spec(line: str) -> tuple:
    """Return (winner, loser, context) of an indented ORDERINGS line; the context is a Said."""
    readings, *context = [part.split() for part in line.split(";")]
    at = readings.index(">")
    winner, loser = readings[:at], readings[at + 1:]
    said = {words[0]: words[1:] for words in context}
    named = said.get("named", [])
    passage: dict[str, list[int]] = {}
    for _, country, level in (words for words in context if words[0] == "near"):
        passage[country] = [int(level == kind) for kind in ("country", "town", "region")]
    return (_reading(winner), _reading(loser), Said(
        named=dict(zip(named[::2], map(int, named[1::2]), strict=True)), passage=passage,
        qualifier=said.get("qualifier", [None])[0], admin="admin" in said,
        sibling=_sibling(said.get("sibling"))), tuple(said.get("dependent", ())))


def _sibling(words: list[str] | None) -> tuple[str, str | None] | None:
    """Return a row's 'sibling' words as Said holds them ('region ZZZ' → ('region', 'ZZZ'))."""
    return None if words is None else (words[0], words[1] if len(words) > 1 else None)


def _reading(words: list[str]) -> tuple:
    """Return (kind, population…) of a reading's words ('city 10000')."""
    return (words[0], *map(int, words[1:]))


@pytest.mark.parametrize("winner, loser, said, dependent", orderings())
def test_resolution_orders_readings_as_stated(winner, loser, said, dependent):
    (win, win_place), (lose, lose_place) = reading(winner[0], WINS, *winner[1:]), reading(
        loser[0], LOSES, *loser[1:])
    gaz = world(win_place, lose_place, dependent=dependent)
    for entries in ([lose, win], [win, lose]):
        cand = Candidate(0, 0, 0, 4, "Name", entries)
        chosen, _ = resolve(cand, gaz, said)
        assert chosen == win


def test_the_orderings_table_reads_as_it_means():
    assert spec("    city 10 > city 10000000; named AAA 5; qualifier ZZZ") == (
        ("city", 10), ("city", 10_000_000), Said(named={"AAA": 5}, qualifier="ZZZ"), ())
    assert spec("    admin > country; near ZZZ town; sibling region ZZZ") == (
        ("admin",), ("country",), Said(passage={"ZZZ": [0, 1, 0]}, sibling=("region", "ZZZ")),
        ())
    assert spec("    demonym > demonym; dependent AAA") == (
        ("demonym",), ("demonym",), Said(), ("AAA",))
