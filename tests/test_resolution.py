"""Resolution's scores, stated as the orderings they must produce, on a gazetteer built here.

Each row: in words, the reading that must win, the one that must lose, the countries the text
names (and how often), and the country a 'City, Region' pair names. The loser's place id sorts
first, so a tie (which the lower id wins) fails the row too.
"""

import pytest

from dashboard.core.gazetteer import Entry, Gazetteer
from dashboard.core.geoparse.matching import Candidate
from dashboard.core.geoparse.resolution import resolve
from dashboard.core.models import Place

WINS, LOSES = "ZZZ", "AAA"  # the two countries of a row; the loser's places sort first
PLACE_KINDS = {"city": "city", "capital": "city", "seat": "city", "admin": "admin",
               "grouping": "grouping", "region": "region"}


def reading(how: str, country: str, population: int = 0) -> tuple[Entry, Place]:
    """Return an entry named 'Name' of a kind, and its place, lying in a country."""
    kind = PLACE_KINDS.get(how, "country")
    if kind == "country":
        return Entry(country, "Name", how), Place(country, "country", country, country, 0, 0)
    place_id = f"{country}:{how}"
    inside = country if kind in ("city", "admin") else None
    return Entry(place_id, "Name", how), Place(place_id, kind, "Name", inside, 0, 0, population)


def world(*places: Place, dependent: tuple[str, ...] = ()) -> Gazetteer:
    """Return a gazetteer of these places and the two countries."""
    gaz = Gazetteer(dependent=set(dependent))
    for code in (WINS, LOSES):
        gaz.places[code] = Place(code, "country", code, code, 0, 0)
    for place in places:
        gaz.places[place.id] = place
    return gaz


ORDERINGS = [
    # ordering, in words                   winner          loser       named   qualifier  dependent
    ("a country's own name beats a city of a million people with the same name",
     ("country",), ("city", 1_000_000), {}, None, ()),
    ("a country's own name beats a capital of ten million with the same name",
     ("country",), ("capital", 10_000_000), {}, None, ()),
    ("a country's own name beats another country's other name",
     ("country",), ("alternative",), {}, None, ()),
    ("a country's other name beats a same-named region",
     ("alternative",), ("region",), {}, None, ()),
    ("a bloc's name beats another country's other name",
     ("grouping",), ("alternative",), {}, None, ()),
    ("a demonym of a state beats the same demonym of a dependency ('French')",
     ("demonym",), ("demonym",), {}, None, (LOSES,)),
    ("a demonym beats a same-named town of ten million",
     ("demonym",), ("city", 10_000_000), {}, None, ()),
    ("a capital of 1,000 people beats a same-named demonym",
     ("capital", 1_000), ("demonym",), {}, None, ()),
    ("a capital of 10,000 people beats a same-named town of ten million abroad",
     ("capital", 10_000), ("city", 10_000_000), {}, None, ()),
    ("a seat of government beats a same-named town of ten million",
     ("seat",), ("city", 10_000_000), {}, None, ()),
    ("a region beats a same-named town of 50,000",
     ("admin",), ("city", 50_000), {}, None, ()),
    ("a town of 200,000 beats a same-named region",
     ("city", 200_000), ("admin",), {}, None, ()),
    ("a larger town beats a smaller one, other things equal",
     ("city", 200_000), ("city", 20_000), {}, None, ()),
    ("a town in a country the article names beats a town of ten million elsewhere",
     ("city", 10_000), ("city", 10_000_000), {WINS: 1}, None, ()),
    ("a town in a country the article names beats a capital of a million elsewhere",
     ("city", 10_000), ("capital", 1_000_000), {WINS: 1}, None, ()),
    ("a country named five times lifts its places over those of a country named once",
     ("city", 10_000), ("city", 10_000), {WINS: 5, LOSES: 1}, None, ()),
    ("a country's own name beats a town of 50,000 in a country the article names five times",
     ("country",), ("city", 50_000), {LOSES: 5}, None, ()),
    ("a city of a million in a country named five times beats a country named nowhere else",
     ("city", 1_000_000), ("country",), {WINS: 5}, None, ()),
    ("a 'City, Region' qualifier beats population",
     ("city", 10_000), ("capital", 10_000_000), {}, WINS, ()),
    ("a 'City, Region' qualifier beats a country the article names five times",
     ("city", 10), ("city", 10_000_000), {LOSES: 5}, WINS, ()),
]


@pytest.mark.parametrize("winner, loser, named, qualifier, dependent",
                         [row[1:] for row in ORDERINGS], ids=[row[0] for row in ORDERINGS])
def test_resolution_orders_readings_as_stated(winner, loser, named, qualifier, dependent):
    (win, win_place), (lose, lose_place) = reading(winner[0], WINS, *winner[1:]), reading(
        loser[0], LOSES, *loser[1:])
    gaz = world(win_place, lose_place, dependent=dependent)
    for entries in ([lose, win], [win, lose]):
        cand = Candidate(0, 0, 0, 4, "Name", entries)
        chosen, _ = resolve(cand, gaz, named, qualifier)
        assert chosen == win
