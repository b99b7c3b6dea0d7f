"""Journeys: ordered stops with pins and sentences, read however the text tells them."""

import pytest

from dashboard.core import documents
from dashboard.core.geoparse import default_gazetteer, find_mentions
from dashboard.core.itinerary import extract_journeys


def journeys(text: str):
    """Return the journeys of a text."""
    doc = documents.parse("trip.txt", text)
    gaz = default_gazetteer()
    return doc, extract_journeys(doc, find_mentions(doc, gaz), gaz)


def route(text: str) -> list[str]:
    """Return the pin cities of the first journey, '*' marking an inferred origin."""
    _, found = journeys(text)
    assert found, "no journey found"
    return [("*" if s.inferred else "") + s.city_name for s in found[0].stops]


@pytest.mark.parametrize("text, expected", [
    ("Nigerien Prime Minister Lamine Zeine's tour has arrived in Moscow, and then will go to "
     "Serbia, Turkey, and Iran.", ["*Niamey", "Moscow", "Belgrade", "Ankara", "Tehran"]),
    ("After talks in Ankara he flew to Tehran.", ["Ankara", "Tehran"]),
    ("He flew to Tehran after talks in Ankara.", ["Ankara", "Tehran"]),
    ("The Senegalese president visited Paris and Berlin before returning to Dakar.",
     ["*Dakar", "Paris", "Berlin", "Dakar"]),
    ("The minister arrived in Bamako from Niamey, then travelled on to Ouagadougou.",
     ["Niamey", "Bamako", "Ouagadougou"]),
    ("Malian Foreign Minister Abdoulaye Diop travelled to Moscow. He then went to Beijing.",
     ["*Bamako", "Moscow", "Beijing"]),
])
def test_routes(text, expected):
    assert route(text) == expected


def test_country_stops_are_pinned_at_the_capital_and_flagged_assumed():
    _, (trip,) = journeys("The delegation will go to Serbia and then to Belgrade's neighbour "
                          "Hungary.")
    serbia = trip.stops[0]
    assert (serbia.name, serbia.city_name, serbia.assumed) == ("Serbia", "Belgrade", True)


def test_each_stop_keeps_its_sentence():
    doc, (trip,) = journeys("Leaders met in Niamey. The Malian envoy later flew to Algiers.")
    (stop,) = [s for s in trip.stops if not s.inferred]
    assert doc.text[stop.sentence_start:stop.sentence_end] == (
        "The Malian envoy later flew to Algiers.")
    assert trip.stops[0].inferred and trip.stops[0].city_name == "Bamako"


@pytest.mark.parametrize("lede", [
    "North Korea's official news agency reported the outbreak.",
    "The Malian general election was postponed.",
])
def test_an_adjective_is_not_a_traveller(lede):
    _, (trip,) = journeys(lede + "\n\nThe delegation flew to Moscow and then to Beijing.")
    assert trip.traveller == ""
    assert not any(s.inferred for s in trip.stops)


@pytest.mark.parametrize("between, traveller, origin", [
    (1, "Malian Foreign Minister Abdoulaye Diop", "Bamako"),
    (2, "Malian Foreign Minister Abdoulaye Diop", "Bamako"),
    (3, "", None),  # named three paragraphs back: another story's minister, not this trip's
])
def test_the_traveller_is_named_near_the_trip(between, traveller, origin):
    paragraphs = ["Malian Foreign Minister Abdoulaye Diop spoke to reporters."]
    paragraphs += ["Markets were calm on Monday."] * (between - 1)
    paragraphs.append("The delegation flew to Moscow and then to Beijing.")
    _, (trip,) = journeys("\n\n".join(paragraphs))
    assert trip.traveller == traveller
    inferred = [s.city_name for s in trip.stops if s.inferred]
    assert inferred == ([origin] if origin else [])


@pytest.mark.parametrize("text, expected", [
    ("The Malian envoy arrived in Sofia, Bulgaria, on Monday and then flew to Athens, Greece.",
     ["*Bamako", "Sofia", "Athens"]),  # each country only says where its city is
    ("The Malian envoy toured a factory in Dongguan, in China's south, then flew to Seoul.",
     ["*Bamako", "Dongguan", "Seoul"]),
    ("Patients who had travelled to France were treated, and new cases were found in Dakar "
     "and in Bamako.", None),  # "found in": no one went there
    ("The Malian envoy flew to Paris. In Dakar, the head of the agency said cases had risen.",
     ["*Bamako", "Paris"]),
    ("Chadian and Nigerien troops met in N'Djamena on Monday, before the delegation flew to "
     "Niamey and then to Abuja.", ["N'Djamena", "Niamey", "Abuja"]),  # where they left from
])
def test_places_that_only_qualify_or_locate_are_not_stops(text, expected):
    found = journeys(text)[1]
    stops = [("*" if s.inferred else "") + s.city_name for s in found[0].stops] if found else None
    assert stops == expected


@pytest.mark.parametrize("text", [
    "Following talks in Moscow, Russia and Niger agreed to cooperate.",
    "The outbreak has been going on for a year, with cases in Mali, Niger and Chad.",
    "Cases were reported in Niamey, said the head of the mission in Bamako.",
    "Mali, Niger and Burkina Faso formed an alliance.",
    "They expelled the French ambassador from Niamey.",
])
def test_no_journey_where_nobody_travels(text):
    assert journeys(text)[1] == []


def test_first_article_tour():
    doc = documents.load("seeds/niger-russia-military-cooperation.txt")
    gaz = default_gazetteer()
    (trip,) = extract_journeys(doc, find_mentions(doc, gaz), gaz)
    assert [(s.order, s.name, s.assumed, s.inferred, s.planned) for s in trip.stops] == [
        (0, "Niamey", True, True, False), (1, "Moscow", False, False, False),
        (2, "Serbia", True, False, True), (3, "Türkiye", True, False, True),
        (4, "Iran", True, False, True)]  # "has also arrived in Moscow, and then will go to …"
    assert trip.traveller == "Nigerien Prime Minister Lamine Zeine"
    assert "Serbia, Turkey, and Iran" in doc.text[trip.stops[3].sentence_start:
                                                  trip.stops[3].sentence_end]
