"""French: the gold articles at the first article's bar, and the constructions French news uses,
as tables (names after articles and elisions, demonyms in every form, French city names, blocs,
traps, and journeys told in French)."""

import json
from pathlib import Path

import pytest

from dashboard.core import documents
from dashboard.core.geoparse import default_gazetteer, find_mentions
from dashboard.core.itinerary import extract_journeys
from dashboard.core.language import detect, language_name

ROOT = Path(__file__).parents[1]
GOLDS = sorted((ROOT / "tests" / "gold" / "fr").glob("*.json"))


def french(text: str) -> list[tuple[str, str]]:
    """Return (surface, place id) for each mention of a French text."""
    doc = documents.parse("fr.md", f"---\nlanguage: fr\n---\n{text}\n")
    return [(m.text, m.place) for m in find_mentions(doc, default_gazetteer())]


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_each_french_gold_article_at_the_first_articles_bar(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    doc = documents.load(ROOT / gold["file"])
    got = {(m.start, m.end, m.place) for m in find_mentions(doc, default_gazetteer())}
    wanted = {(g["start"], g["end"], g["place"]) for g in gold["mentions"]}
    assert got - wanted == set(), "precision below 1.0"
    assert wanted - got == set(), "recall below 1.0"
    assert doc.language == "fr"


@pytest.mark.parametrize("text, expected", [
    # articles, prepositions and elisions, at a sentence's start and inside it
    ("La France et le Bénin ont signé.", [("France", "FRA"), ("Bénin", "BEN")]),
    ("Le Nigeria et le Niger votent.", [("Nigeria", "NGA"), ("Niger", "NER")]),
    ("Ils sont au Mali et aux États-Unis.", [("Mali", "MLI"), ("États-Unis", "USA")]),
    ("Il vit en Côte d'Ivoire, puis l'Algérie.", [("Côte d'Ivoire", "CIV"),
                                                    ("Algérie", "DZA")]),
    ("L'Algérie répond. D'Iran, rien.", [("Algérie", "DZA"), ("Iran", "IRN")]),
    ("Il dit qu'Alger refuse.", [("Alger", "gn:2507480")]),
    ("Les Français sont partis.", [("Français", "FRA")]),
    # accents, capitals and apostrophes
    ("Cote d'Ivoire, COTE D'IVOIRE et Côte d’Ivoire.", [
        ("Cote d'Ivoire", "CIV"), ("COTE D'IVOIRE", "CIV"), ("Côte d’Ivoire", "CIV")]),
    ("Le Nigéria n'est pas le Niger.", [("Nigéria", "NGA"), ("Niger", "NER")]),
])
def test_names_after_articles_elisions_and_accents(text, expected):
    assert french(text) == expected


@pytest.mark.parametrize("word, iso3", [
    (word, iso3) for words, iso3 in [
        ("nigérien nigérienne nigériens nigériennes", "NER"),
        ("malien malienne maliens maliennes", "MLI"),
        ("burkinabè burkinabé", "BFA"),
        ("russe russes", "RUS"),
        ("chinois chinoise chinoises", "CHN"),
        ("américain américaine américains américaines", "USA"),
        ("française françaises", "FRA"),
        ("ivoirien ivoirienne ivoiriens ivoiriennes", "CIV"),
        ("qataris", "QAT"),
    ] for word in words.split()
])
def test_demonyms_in_every_form(word, iso3):
    assert french(f"Des soldats {word} sont arrivés.") == [(word, iso3)]


@pytest.mark.parametrize("text", [
    "Il parle français couramment.",  # the language, not France
    "Elle suit des cours de russe.",
    "Le français est la langue officielle.",
    "Le texte est traduit en anglais.",
])
def test_a_demonym_that_names_a_language_is_no_place(text):
    assert french(text) == []


@pytest.mark.parametrize("name, place", [
    ("Moscou", "gn:524901"), ("Pékin", "gn:1816670"), ("Téhéran", "gn:112931"),
    ("Londres", "gn:2643743"), ("Le Caire", "gn:360630"), ("Alger", "gn:2507480"),
    ("Bruxelles", "gn:2800866"), ("Varsovie", "gn:756135"), ("Genève", "gn:2660646"),
    ("Vienne", "gn:2761369"),
])
def test_cities_by_their_french_names(name, place):
    assert french(f"La délégation est à {name} depuis lundi.") == [(name, place)]


@pytest.mark.parametrize("text, expected", [
    ("L'Alliance des États du Sahel (AES) se réunit.", [
        ("Alliance des États du Sahel", "AES"), ("AES", "AES")]),
    ("La Confédération des États du Sahel est née.", [
        ("Confédération des États du Sahel", "AES")]),
    ("La CEDEAO et l'UEMOA discutent.", [("CEDEAO", "ECOWAS"), ("UEMOA", "WAEMU")]),
    ("L'Union africaine (UA) et l'Union européenne (UE).", [
        ("Union africaine", "AU"), ("UA", "AU"), ("Union européenne", "EU"), ("UE", "EU")]),
    ("Le G5 Sahel est dissous.", [("G5 Sahel", "G5S")]),
    ("En Afrique de l'Ouest et en Afrique du Nord.", [
        ("Afrique de l'Ouest", "WESTERN-AFRICA"), ("Afrique du Nord", "NORTHERN-AFRICA")]),
    ("Le Liptako-Gourma et le bassin du lac Tchad.", [
        ("Liptako-Gourma", "LIPTAKO"), ("bassin du lac Tchad", "LAKECHAD")]),
])
def test_blocs_and_regions_in_french(text, expected):
    assert french(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Le fleuve Niger déborde à Niamey.", [("Niamey", "gn:2440485")]),  # a river
    ("Les rives du Niger sont inondées.", []),
    ("Le lac Tchad rétrécit.", []),
    ("Le golfe de Guinée est riche.", []),
    ("La Guinée, la Guinée-Bissau et la Guinée équatoriale.", [
        ("Guinée", "GIN"), ("Guinée-Bissau", "GNB"), ("Guinée équatoriale", "GNQ")]),
    ("La société Wapco-Niger exporte le pétrole du Niger.", [("Niger", "NER")]),
    ("Le président nigérien Mohamed Bazoum parle.", [("nigérien", "NER")]),
    ("Le malaise est profond.", []),
])
def test_french_traps(text, expected):
    assert french(text) == expected


@pytest.mark.parametrize("text, stops, traveller", [
    ("Le Premier ministre nigérien Ali Mahamane Lamine Zeine s'est rendu à Moscou, puis à "
     "Belgrade.", ["*Niamey", "Moscow", "Belgrade"],
     "Premier ministre nigérien Ali Mahamane Lamine Zeine"),
    ("Le ministre malien se rendra à Ankara et à Téhéran.", ["*Bamako", "Ankara", "Tehran"],
     "ministre malien"),
    ("Le chef de la diplomatie burkinabè a quitté Niamey pour Pékin.",
     ["*Ouagadougou", "Niamey", "Beijing"], "chef de la diplomatie burkinabè"),
    ("Le président sénégalais est en visite officielle en Turquie.", ["*Dakar", "Ankara"],
     "président sénégalais"),
])
def test_journeys_told_in_french(text, stops, traveller):
    doc = documents.parse("trip.md", f"---\nlanguage: fr\n---\n{text}\n")
    gaz = default_gazetteer()
    (trip,) = extract_journeys(doc, find_mentions(doc, gaz), gaz)
    assert [("*" if s.inferred else "") + s.city_name for s in trip.stops] == stops
    assert trip.traveller == traveller


@pytest.mark.parametrize("text", [
    "Des soldats nigériens sont arrivés à Niamey.",
    "Le Premier ministre est arrivé à Moscou mardi.",
])
def test_no_journey_or_place_is_lost_to_a_person_reading(text):
    assert french(text)


def test_reasons_stay_in_english():
    doc = documents.parse("fr.md", "---\nlanguage: fr\n---\nUne délégation nigérienne à Moscou.\n")
    reasons = {m.text: m.reason for m in find_mentions(doc, default_gazetteer())}
    assert reasons == {"nigérienne": "demonym of Niger", "Moscou": "capital of Russia"}


@pytest.mark.parametrize("text, language", [
    ("Le Premier ministre est arrivé à Moscou pour des entretiens avec le Kremlin.", "fr"),
    ("Niger : la junte reçoit une délégation russe", "fr"),
    ("The Prime Minister arrived in Moscow for talks with the Kremlin.", "en"),
    ("Niger junta meets Russian delegation", "en"),  # no word tells: the default
    ("Mali", "en"),
])
def test_a_documents_language_is_detected_when_its_front_matter_names_none(text, language):
    assert detect(text) == language
    assert documents.parse("a.txt", text).language == language


def test_the_front_matter_names_the_language_first():
    doc = documents.parse("a.md", "---\nlanguage: en\n---\nLa France et le Bénin ont signé.\n")
    assert doc.language == "en"


@pytest.mark.parametrize("code, name", [("fr", "French"), ("fr-FR", "French"),
                                        ("en", "English"), ("de", "de")])
def test_the_language_has_a_name_for_the_page(code, name):
    assert language_name(code) == name
