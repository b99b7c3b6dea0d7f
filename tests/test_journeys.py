"""Journeys on news copy: passages written for the error classes (headline and lead telling one
trip, a host receiving the traveller, 'then on to', planned and made legs, several travellers,
French), each with the journeys a reader would draw.

A row: (passage, [(traveller, [(stop, planned), …]), …]). The traveller is the words the text
names them by ('' for nobody named); a stop is its pin's city, '*' before an inferred start.
A passage beginning with '---' is a Markdown file with front matter (its language).
"""

import json

import pytest
from streamlit_folium import _get_map_string

from dashboard.core import documents, export, overlays
from dashboard.core.analysis import analyse
from dashboard.core.geoparse import default_gazetteer, find_mentions
from dashboard.core.itinerary import extract_journeys
from dashboard.core.layers import build_layers, read_countries
from dashboard.core.palette import JOURNEY_COLOURS, PLANNED_DASH, journey_colour
from dashboard.ui import mapparts, mapview, panels

M, P = False, True  # a leg made, a leg planned

PASSAGES = [
    # a headline and its lead tell the same trip
    ("Chinese president leaves Beijing for Ankara\n\nChinese President Xi Jinping left Beijing "
     "on Monday for Ankara, where he is to hold talks on trade and the war in Sudan.",
     [("Chinese President Xi Jinping", [("Beijing", M), ("Ankara", M)])]),
    # the headline names no one; the lead names the traveller and the start
    ("Xi flies to Ankara for talks with Erdoğan\n\nChinese President Xi Jinping flew out of "
     "Beijing on Monday and landed in Ankara in the evening.",
     [("Chinese President Xi Jinping", [("*Beijing", M), ("Ankara", M)])]),
    # the host is not the traveller; the start is told after the arrival
    ("Turkish President Recep Tayyip Erdoğan received the Malian leader Assimi Goïta in Ankara "
     "on Tuesday. Goïta had left Bamako on Monday after a cabinet meeting.",
     [("Malian leader Assimi Goïta", [("Bamako", M), ("Ankara", M)])]),
    # a host welcomes a counterpart, who is the one travelling
    ("Ghana's capital was calm as the Ghanaian president welcomed his Ivorian counterpart in "
     "Accra for a two-day summit on cocoa prices.",
     [("Ivorian counterpart", [("*Yamoussoukro", M), ("Accra", M)])]),
    # 'then on to' in the same sentence
    ("Belarusian Foreign Minister Maxim Ryzhenkov arrived in Beijing on Wednesday, then on to "
     "Hanoi for a meeting of regional diplomats.",
     [("Belarusian Foreign Minister Maxim Ryzhenkov",
       [("*Minsk", M), ("Beijing", M), ("Hanoi", M)])]),
    # 'Then on to' as a sentence of its own
    ("The Nigerian delegation flew to Nairobi on Sunday for the climate talks. Then on to "
     "Kigali, where the ministers will sign a trade accord.",
     [("Nigerian delegation", [("*Abuja", M), ("Nairobi", M), ("Kigali", M)])]),
    # 'before flying on to'
    ("Senegal's Foreign Minister Yassine Fall visited Rabat on Thursday before flying on to "
     "Madrid, her office said.",
     [("Senegal's Foreign Minister Yassine Fall", [("*Dakar", M), ("Rabat", M),
                                                   ("Madrid", M)])]),
    # 'his tour will take him to': every leg planned
    ("The Malian Prime Minister Choguel Maïga set off on a tour of North Africa. The tour will "
     "take him to Algiers, Tunis and Cairo over ten days.",
     [("Malian Prime Minister Choguel Maïga",
       [("*Bamako", M), ("Algiers", P), ("Tunis", P), ("Cairo", P)])]),
    # made, then planned, in one sentence
    ("The Nigerien Prime Minister has arrived in Moscow, and will then travel to Serbia and "
     "Hungary.",
     [("Nigerien Prime Minister", [("*Niamey", M), ("Moscow", M), ("Belgrade", P),
                                   ("Budapest", P)])]),
    # made, then planned, in two sentences
    ("Chadian President Mahamat Déby arrived in Paris on Monday for talks at the Élysée. He "
     "will travel to Brussels on Thursday.",
     [("Chadian President Mahamat Déby", [("*N'Djamena", M), ("Paris", M), ("Brussels", P)])]),
    # a shared future: 'will arrive … and travel on'
    ("The Burkinabe foreign minister will arrive in Moscow on Sunday and travel on to Minsk "
     "two days later.",
     [("Burkinabe foreign minister", [("*Ouagadougou", M), ("Moscow", P), ("Minsk", P)])]),
    # 'is due to', 'is expected to'
    ("The Gambian envoy is due to fly to Dakar on Friday.",
     [("Gambian envoy", [("*Banjul", M), ("Dakar", P)])]),
    # two travellers in consecutive sentences
    ("The Chadian president flew to Paris on Monday. The Ghanaian president travelled to "
     "London on Tuesday for a Commonwealth meeting.",
     [("Chadian president", [("*N'Djamena", M), ("Paris", M)]),
      ("Ghanaian president", [("*Accra", M), ("London", M)])]),
    # two travellers, one planned and one made
    ("Russian Foreign Minister Sergei Lavrov will visit Bamako next week. Meanwhile, the "
     "Malian Foreign Minister Abdoulaye Diop flew to Moscow on Thursday.",
     [("Russian Foreign Minister Sergei Lavrov", [("*Moscow", M), ("Bamako", P)]),
      ("Malian Foreign Minister Abdoulaye Diop", [("*Bamako", M), ("Moscow", M)])]),
    # both directions: a visit and the return home
    ("The Senegalese president visited Paris and Berlin before returning to Dakar on Friday.",
     [("Senegalese president", [("*Dakar", M), ("Paris", M), ("Berlin", M), ("Dakar", M)])]),
    # both directions, told from the end: 'arrived (home) in X from Y' (Y is abroad, so the
    # minister had gone there from home)
    ("The Togolese minister arrived in Lomé from Niamey on Saturday, then travelled on to "
     "Cotonou.",
     [("Togolese minister", [("*Lomé", M), ("Niamey", M), ("Lomé", M), ("Cotonou", M)])]),
    # a trip resumed by a pronoun two sentences on, with no movement between
    ("Malian Foreign Minister Abdoulaye Diop travelled to Moscow on Monday. He met Sergei "
     "Lavrov there. On Wednesday he flew to Beijing.",
     [("Malian Foreign Minister Abdoulaye Diop", [("*Bamako", M), ("Moscow", M),
                                                  ("Beijing", M)])]),
    # a traveller called by surname later in the story
    ("Nigerien Prime Minister Ali Lamine Zeine flew to Tehran on Sunday.\n\nOil prices rose "
     "on Monday.\n\nZeine then went to Ankara for talks on drones.",
     [("Nigerien Prime Minister Ali Lamine Zeine", [("*Niamey", M), ("Tehran", M),
                                                     ("Ankara", M)])]),
    # where they only met is where they left from
    ("Chadian and Nigerien officials met in N'Djamena on Monday, before the delegation flew "
     "to Niamey and then to Abuja.",
     [("", [("N'Djamena", M), ("Niamey", M), ("Abuja", M)])]),
    # a stop with its country ('Sofia, Bulgaria') and a planned return
    ("The Malian envoy arrived in Sofia, Bulgaria, on Monday and will return to Bamako on "
     "Friday.",
     [("Malian envoy", [("*Bamako", M), ("Sofia", M), ("Bamako", P)])]),
    # nobody travels: places of events, not stops
    ("Cases were reported in Niamey and Zinder, said the head of the mission in Bamako.", []),
    # nobody travels: a meeting in a capital
    ("Following talks in Moscow, Russia and Niger agreed to cooperate on security.", []),
    # the lead repeats the headline's whole route and adds the next stop
    ("Ivorian president flies to Accra, then Lomé\n\nThe Ivorian president flew to Accra on "
     "Monday, then to Lomé, and will travel on to Cotonou on Wednesday.",
     [("Ivorian president", [("*Yamoussoukro", M), ("Accra", M), ("Lomé", M),
                             ("Cotonou", P)])]),
    # a planned trip later confirmed: made wins
    ("The Guinean president will travel to Rabat next week, officials said.\n\nMarkets were "
     "calm.\n\nOn Monday the Guinean president arrived in Rabat for the summit.",
     [("Guinean president", [("*Conakry", M), ("Rabat", M)])]),
    # French: 's'est rendu à' made, 'se rendra à' planned
    ("---\nlanguage: fr\n---\nLe ministre malien des Affaires étrangères s'est rendu à Moscou "
     "lundi. Il se rendra à Pékin la semaine prochaine.",
     [("ministre malien", [("*Bamako", M), ("Moscow", M), ("Beijing", P)])]),
    # French: a list, planned
    ("---\nlanguage: fr\n---\nLe Premier ministre nigérien se rendra à Ankara, puis à Téhéran "
     "et à Doha.",
     [("Premier ministre nigérien", [("*Niamey", M), ("Ankara", P), ("Tehran", P),
                                     ("Doha", P)])]),
    # French: a host receives the traveller
    ("---\nlanguage: fr\n---\nLe président turc a reçu son homologue malien à Ankara mardi.",
     [("homologue malien", [("*Bamako", M), ("Ankara", M)])]),
    # French: two travellers, one made and one planned
    ("---\nlanguage: fr\n---\nLe chef de la diplomatie burkinabè a quitté Niamey pour Pékin "
     "lundi. Le ministre tchadien de la Défense se rendra à Moscou jeudi.",
     [("chef de la diplomatie burkinabè", [("*Ouagadougou", M), ("Niamey", M),
                                           ("Beijing", M)]),
      ("ministre tchadien", [("*N'Djamena", M), ("Moscow", P)])]),
    # French: 'la tournée le conduira à'
    ("---\nlanguage: fr\n---\nLe président sénégalais entame une tournée régionale. Elle le "
     "conduira à Bamako et à Conakry.",
     [("président sénégalais", [("*Dakar", M), ("Bamako", P), ("Conakry", P)])]),
    # French: a headline and its lead tell the same trip
    ("---\nlanguage: fr\n---\nLe président ivoirien est arrivé à Paris\n\nLe président ivoirien "
     "est arrivé à Paris lundi, en provenance d'Abidjan.",
     [("président ivoirien", [("Abidjan", M), ("Paris", M)])]),
    # a host, a start from home told in a relative clause, a planned onward leg
    ("Erdoğan hosts Goïta in Ankara\n\nTurkish President Recep Tayyip Erdoğan hosted the "
     "Malian leader Assimi Goïta in Ankara on Thursday. Goïta, who left Bamako on Wednesday, "
     "will travel on to Doha before returning home.",
     [("Malian leader Assimi Goïta", [("Bamako", M), ("Ankara", M), ("Doha", P)])]),
    # 'is expected to', 'before heading to': the future carries on
    ("The Russian foreign minister, Sergei Lavrov, arrived in Ouagadougou on Monday. He is "
     "expected to fly to Niamey on Tuesday, before heading to N'Djamena.",
     [("Russian foreign minister", [("*Moscow", M), ("Ouagadougou", M), ("Niamey", P),
                                    ("N'Djamena", P)])]),
    # 'flew from X to Y', then another traveller in the next sentence
    ("The Nigerien Prime Minister flew from Niamey to Moscow on Sunday. On Monday, the Malian "
     "Prime Minister arrived in Beijing.",
     [("Nigerien Prime Minister", [("Niamey", M), ("Moscow", M)]),
      ("Malian Prime Minister", [("*Bamako", M), ("Beijing", M)])]),
    # told backwards: the return first, the tour in an 'after' clause
    ("The Ivorian president returned to Abidjan on Sunday after a week-long tour of Europe "
     "that took him to Paris, Brussels and Rome.",
     [("Ivorian president", [("*Yamoussoukro", M), ("Paris", M), ("Brussels", M), ("Rome", M),
                             ("Abidjan", M)])]),
    # 'is due in': a planned arrival with no verb of motion
    ("French President Emmanuel Macron is due in Nairobi on Friday for an energy summit.",
     [("French President Emmanuel Macron", [("*Paris", M), ("Nairobi", P)])]),
    # French: made, then planned, then a planned return home
    ("---\nlanguage: fr\n---\nLe président nigérien est arrivé à Alger mardi. Il doit ensuite "
     "se rendre à Tunis, avant de regagner Niamey.",
     [("président nigérien", [("*Niamey", M), ("Algiers", M), ("Tunis", P), ("Niamey", P)])]),
    # French: a host welcomes a counterpart; another traveller is expected elsewhere
    ("---\nlanguage: fr\n---\nLe président français Emmanuel Macron a accueilli son homologue "
     "sénégalais à Paris lundi. Le ministre tchadien des Affaires étrangères est attendu à "
     "Moscou jeudi.",
     [("homologue sénégalais", [("*Dakar", M), ("Paris", M)]),
      ("ministre tchadien", [("*N'Djamena", M), ("Moscow", P)])]),
    # an unnamed traveller's trip is not taken over by the next sentence's traveller (only a
    # retelling, as a lead retells its headline, gives a trip its traveller)
    ("A government delegation will visit Dakar and Abidjan next month, officials said. The "
     "Senegalese president visited Rabat last year.",
     [("", [("Dakar", P), ("Abidjan", P)]),
      ("Senegalese president", [("*Dakar", M), ("Rabat", M)])]),
    # a traveller named by nationality and title: 'Malian Defence Minister' is no person's name
    ("Russian Foreign Minister Sergei Lavrov will visit Bamako next week. Meanwhile, the "
     "Malian Defence Minister Sadio Camara flew to Moscow on Thursday.",
     [("Russian Foreign Minister Sergei Lavrov", [("*Moscow", M), ("Bamako", P)]),
      ("Malian Defence Minister Sadio Camara", [("*Bamako", M), ("Moscow", M)])]),
    ("Moroccan King Mohammed VI will visit Dakar and Abidjan next month, the palace said.",
     [("Moroccan King Mohammed VI", [("*Rabat", M), ("Dakar", P), ("Abidjan", P)])]),
    # a time phrase between two stops does not end the list
    ("The Nigerien Prime Minister flew to Moscow on Tuesday, then to Belgrade, where he met "
     "President Aleksandar Vučić.",
     [("Nigerien Prime Minister", [("*Niamey", M), ("Moscow", M), ("Belgrade", M)])]),
    ("The Ghanaian president travelled to Lomé on Monday and then, on Wednesday, to Cotonou "
     "for a summit on maritime security.",
     [("Ghanaian president", [("*Accra", M), ("Lomé", M), ("Cotonou", M)])]),
    # French: a time phrase after the stop, then 'puis à'
    ("---\nlanguage: fr\n---\nLe Premier ministre nigérien s'est rendu à Moscou la semaine "
     "dernière, puis à Belgrade, selon des sources diplomatiques.",
     [("Premier ministre nigérien", [("*Niamey", M), ("Moscow", M), ("Belgrade", M)])]),
    # French: a time phrase between the movement word and its stop, and after 'puis'
    ("---\nlanguage: fr\n---\nLe ministre malien de la Défense s'est rendu mardi à Moscou, "
     "puis le 12 mars à Minsk pour y signer un accord.",
     [("ministre malien", [("*Bamako", M), ("Moscow", M), ("Minsk", M)])]),
    # French: 'a quitté lundi Niamey': the time phrase between the verb and where it leaves
    ("---\nlanguage: fr\n---\nLe chef de la diplomatie burkinabè a quitté lundi dernier "
     "Niamey pour Pékin.",
     [("chef de la diplomatie burkinabè", [("*Ouagadougou", M), ("Niamey", M),
                                           ("Beijing", M)])]),
    # French: 'liaient à la France' after a word of movement ('visite') is no stop
    ("---\nlanguage: fr\n---\nLe ministre tchadien de la Défense est arrivé à Moscou. La "
     "visite intervient alors que les autorités tchadiennes ont dénoncé les accords de défense "
     "qui les liaient à la France.",
     [("ministre tchadien", [("*N'Djamena", M), ("Moscow", M)])]),
    # French: 'vendus à la Russie' after the stop is no stop
    ("---\nlanguage: fr\n---\nLe Premier ministre burkinabè se rendra à Ankara pour acheter "
     "des drones déjà vendus à la Russie.",
     [("Premier ministre burkinabè", [("*Ouagadougou", M), ("Ankara", P)])]),
    # 'once sold to France' after the stop is no stop
    ("The Nigerien Prime Minister travelled to Moscow to discuss the uranium once sold to "
     "France.",
     [("Nigerien Prime Minister", [("*Niamey", M), ("Moscow", M)])]),
    # 'sold gold to China' after the stop is no stop
    ("The Burkinabe Prime Minister flew to Ankara on Monday and then sold gold to China, "
     "officials said.",
     [("Burkinabe Prime Minister", [("*Ouagadougou", M), ("Ankara", M)])]),
    # other people leaving are not the traveller's leg: troops, refugees
    ("The Nigerien Prime Minister arrived in Moscow on Monday. French troops left Niamey in "
     "December under an agreement with the junta.",
     [("Nigerien Prime Minister", [("*Niamey", M), ("Moscow", M)])]),
    ("---\nlanguage: fr\n---\nLe ministre malien de la Défense est arrivé à Moscou lundi. Les "
     "derniers militaires de l'opération Barkhane ont quitté Gao en août 2022.",
     [("ministre malien", [("*Bamako", M), ("Moscow", M)])]),
    ("Malian Foreign Minister Abdoulaye Diop spoke to reporters in Bamako on Monday.\n\n"
     "Hundreds of refugees from Mali arrived in Niamey on Sunday.", []),
    # a group with the traveller travels with them; a group that is a traveller has its own
    ("The Ghanaian president and his soldiers flew to Lomé on Monday.",
     [("Ghanaian president", [("*Accra", M), ("Lomé", M)])]),
    ("---\nlanguage: fr\n---\nLe président nigérien est arrivé à Alger mardi. La délégation "
     "malienne a quitté Niamey pour Bamako le même jour.",
     [("président nigérien", [("*Niamey", M), ("Algiers", M)]),
      ("délégation malienne", [("*Bamako", M), ("Niamey", M), ("Bamako", M)])]),
    # a place is the host: its guest travels there
    ("---\nlanguage: fr\n---\nAlger vient d'accueillir le président nigérien pour une visite "
     "de deux jours.",
     [("président nigérien", [("*Niamey", M), ("Algiers", M)])]),
    ("Bamako has welcomed a Russian delegation led by the deputy defence minister.",
     [("Russian delegation", [("*Moscow", M), ("Bamako", M)])]),
    # a place that welcomes a decision hosts nobody
    ("Abuja has welcomed the decision of the Malian president to hold elections.", []),
]


def read(passage: str):
    """Return the journeys of a passage as (traveller, [(stop, planned), …]) rows."""
    name = "trip.md" if passage.startswith("---") else "trip.txt"
    doc = documents.parse(name, passage + "\n")
    gaz = default_gazetteer()
    return [(j.traveller, [(("*" if s.inferred else "") + s.city_name, s.planned)
                           for s in j.stops])
            for j in extract_journeys(doc, find_mentions(doc, gaz), gaz)]


@pytest.mark.parametrize("passage, expected", PASSAGES,
                         ids=[f"{n:02}" for n in range(1, len(PASSAGES) + 1)])
def test_journeys_as_a_reader_would_draw_them(passage, expected):
    assert read(passage) == expected


def test_the_french_example_article_gives_its_two_journeys():
    """The delegation a host city receives, and the Prime Minister's list broken by 'la semaine
    dernière'; not the French soldiers who left Niamey, nor 'les liaient à la France'."""
    gaz = default_gazetteer()
    analysis = analyse(documents.load("tests/corpora/fr/niger-russie-cooperation-militaire.md"),
                       gaz)
    drawn = [(j.traveller, [(s.city_name, s.planned, s.assumed, s.inferred) for s in j.stops])
             for j in analysis.journeys]
    text = analysis.document.text
    assert drawn == [
        ("délégation russe", [("Moscow", M, True, True), ("Niamey", M, False, False)]),
        ("Premier ministre nigérien Ali Mahamane Lamine Zeine",
         [("Niamey", M, True, True), ("Moscow", M, False, False), ("Belgrade", M, False, False),
          ("Ankara", P, False, False), ("Tehran", P, False, False)]),
    ]
    arrival = analysis.journeys[0].stops[1]
    assert text[arrival.sentence_start:arrival.sentence_end].startswith("Niamey a reçu mardi")


def test_the_table_is_large_enough():
    assert len(PASSAGES) >= 25


# ---------------------------------------------------------------- drawn: map, legend, export

TWO = ("The Chadian president flew to Paris on Monday. The Ghanaian president will travel to "
       "Tokyo on Tuesday.\n")
PAYLOAD = '<img src=x onerror="window.__xss=1">'


@pytest.fixture(scope="module")
def two():
    analysis = analyse(documents.parse("two.txt", TWO))
    return analysis, build_layers(analysis, default_gazetteer(), read_countries())


def test_each_journey_has_its_colour_and_its_traveller_in_the_legend(two):
    _, layers = two
    fmap = mapview.build_map(layers, overlays.IDS, "natural-earth")
    legend = next(c for c in fmap._children.values() if isinstance(c, mapparts.Legend))
    assert journey_colour(1) != journey_colour(2)
    for index, who in [(1, "Chadian president"), (2, "Ghanaian president")]:
        assert f"Journey {index}: {who}" in legend.body and journey_colour(index) in legend.body
    assert set(layers.legs["colour"]) == {journey_colour(1), journey_colour(2)}


def test_a_planned_leg_is_dashed_and_says_so(two):
    _, layers = two
    fmap = mapview.build_map(layers, overlays.IDS, "natural-earth")
    fmap.get_root().render()
    script = _get_map_string(fmap)
    assert script.count(f'"dashArray": "{PLANNED_DASH}"') == 1  # Accra → Tokyo, not the made
    assert "Accra → Tokyo (planned)" in script and "Paris (made)" in script
    assert "Stop 1: Japan (planned)" not in script and "Stop 1: Tokyo (planned)" in script


def test_every_start_pin_is_in_view(two):
    _, layers = two
    (south, west), (north, east) = mapview._bounds(layers, overlays.IDS)
    for point in layers.stops.geometry:
        assert south <= point.y <= north and west <= point.x <= east
    assert set(layers.stops[layers.stops.inferred].pin) == {"N'Djamena", "Accra"}


def test_the_export_draws_planned_legs_and_journey_colours(two):
    analysis, layers = two
    features = export.feature_collection(analysis, layers)["features"]
    legs = {(f["properties"]["journey"], f["properties"]["planned"], f["properties"]["colour"])
            for f in features if f["properties"]["layer"] == "legs"}
    assert legs == {(1, False, journey_colour(1)), (2, True, journey_colour(2))}
    roles = [r for f in features if f["properties"]["layer"] == "legs"
             for r in f["properties"]["roles"]]
    assert "leg 1 of journey 2 (planned)" in roles
    page = export.standalone_html(analysis, layers)
    config = json.loads(page.split('id="map-config"')[1].split(">", 1)[1].split("</script>")[0])
    assert config["dash"]["planned"] == PLANNED_DASH


def test_the_strip_and_the_legend_escape_the_traveller():
    entry = mapparts.journey_entry(1, PAYLOAD, journey_colour(1))
    heading = str(panels.journey_heading(2, PAYLOAD))
    for markup in (entry, heading):
        assert "<img" not in markup and "&lt;img" in markup
    assert journey_colour(2) in heading


def test_the_legend_names_as_many_journeys_as_there_are_colours():
    journeys = [(n, f"Traveller {n}", journey_colour(n)) for n in range(1, 10)]
    rows = mapparts.journey_entries(journeys)
    assert len(rows) == len(JOURNEY_COLOURS) + 1
    assert "and 3 more journeys in the same colours" in rows[-1]
