"""The geoparser: hard cases as tables, and the first article against its hand-made gold."""

import gc
import json
from pathlib import Path

import pytest

from dashboard.core import documents
from dashboard.core import gazetteer as gazetteer_module
from dashboard.core.geoparse import default_gazetteer, find_mentions

GOLD = Path(__file__).parent / "gold" / "niger-russia-military-cooperation.json"


def found(text: str) -> list[tuple[str, str]]:
    """Return (surface text, place id) for each mention in a text."""
    doc = documents.parse("case.txt", text)
    return [(m.text, m.place) for m in find_mentions(doc, default_gazetteer())]


def countries(text: str) -> list[tuple[str, str | None]]:
    """Return (surface text, country) for each mention in a text."""
    doc = documents.parse("case.txt", text)
    return [(m.text, m.country) for m in find_mentions(doc, default_gazetteer())]


@pytest.mark.parametrize("text, expected", [
    # names, official names, possessives, multi-word names
    ("Talks were held in Niger.", [("Niger", "NER")]),
    ("The Republic of Niger's army moved.", [("Republic of Niger", "NER")]),
    ("Niger's junta and Burkina Faso's leaders met.", [("Niger", "NER"), ("Burkina Faso", "BFA")]),
    ("Officials from Côte d'Ivoire and Cote d'Ivoire agreed.", [("Côte d'Ivoire", "CIV"),
                                                             ("Cote d'Ivoire", "CIV")]),
    # demonyms never confused: Niger/Nigeria, Nigerien/Nigerian
    ("Nigerien troops and Nigerian police.", [("Nigerien", "NER"), ("Nigerian", "NGA")]),
    ("Niger and Nigeria share a border.", [("Niger", "NER"), ("Nigeria", "NGA")]),
    ("French troops left; Russian instructors came.", [("French", "FRA"), ("Russian", "RUS")]),
    ("Les soldats nigériens et maliens.", [("nigériens", "NER"), ("maliens", "MLI")]),  # French
    ("Un officier Nigérien.", [("Nigérien", "NER")]),
    # groupings and regions
    ("The Alliance of Sahel States (AES) met.", [("Alliance of Sahel States", "AES"),
                                                ("AES", "AES")]),
    ("Insecurity in the Sahel worsened.", [("Sahel", "SAHEL")]),
    ("ECOWAS and the European Union, then the EU again.", [
        ("ECOWAS", "ECOWAS"), ("European Union", "EU"), ("EU", "EU")]),
    # lower-case common words are never places
    ("They ate a roast turkey in china bowls.", []),
    ("the niger is a word here", []),
    # the river, the lake, and other features are not the country
    ("Boats sailed up the Niger.", []),
    ("Fishermen on Lake Malawi and in the Niger Delta.", []),
    ("Fishermen on Lake Chad fled.", [("Lake Chad", "LAKECHAD")]),  # a region of four states
    # people named like places
    ("Jordan Peterson spoke to Paris Hilton.", []),
    ("Mr Chad spoke; Ms. Paris agreed.", []),
    ("George Washington crossed the river; Franklin wrote.", []),
    ("Victoria said she would stay.", []),
    ("As Dawn French joked, the Malian Defence Minister and the Moroccan King listened.",
     [("Malian", "MLI"), ("Moroccan", "MAR")]),  # a demonym before a capital is an adjective
    # the alliance of an alliance is not Alliance, Ohio
    ("The alliance said the Alliance would meet.", []),
])
def test_mentions(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # capitals and cities used for their governments, resolved in context
    ("Moscow says it will help.", [("Moscow", "RUS")]),
    ("Niger ended its treaties with Paris.", [("Niger", "NER"), ("Paris", "FRA")]),
    ("The university in Moscow, Idaho, reopened.", [("Moscow", "USA"), ("Idaho", "USA")]),
    ("The Kremlin said Niamey's envoy came.", [("Kremlin", "RUS"), ("Niamey", "NER")]),
    # ambiguous country names: capitalised mid-sentence, the country
    ("He will go to Serbia, Turkey, and Iran.", [("Serbia", "SRB"), ("Turkey", "TUR"),
                                                 ("Iran", "IRN")]),
    ("Troops from Chad and Jordan joined.", [("Chad", "TCD"), ("Jordan", "JOR")]),
    ("Protests in Tbilisi, Georgia, grew as Russia watched.", [
        ("Tbilisi", "GEO"), ("Georgia", "GEO"), ("Russia", "RUS")]),
    ("Voters in Atlanta, Georgia, queued.", [("Atlanta", "USA"), ("Georgia", "USA")]),
    ("Officials in Dallas, Texas, agreed.", [("Dallas", "USA"), ("Texas", "USA")]),
    ("China's exports rose.", [("China", "CHN")]),
    # scraped artefacts: a credit glued to the next sentence
    ("© Russian MoDRussia and Niger have agreed.", [("Russian", "RUS"), ("Russia", "RUS"),
                                                   ("Niger", "NER")]),
    ("Photo © AFPMali and Niger signed.", [("Mali", "MLI"), ("Niger", "NER")]),
    # abbreviations keep their case
    ("The US and the UK voted; us and uk did not.", [("US", "USA"), ("UK", "GBR")]),
])
def test_resolution(text, expected):
    assert countries(text) == expected


def test_sentence_initial_common_word_needs_support():
    assert found("Turkey is cheap this year.") == []
    assert [p for _, p in found("Turkey is cheap. Ankara and Turkish firms agree.")] == [
        "TUR", "gn:323786", "TUR"]


def test_every_mention_says_why():
    doc = documents.parse("a.txt", "Nigerien officials in Niamey met Moscow's envoy.")
    reasons = {m.text: m.reason for m in find_mentions(doc, default_gazetteer())}
    assert reasons["Nigerien"] == "demonym of Niger"
    assert reasons["Niamey"].startswith("capital of Niger")
    assert reasons["Moscow"].startswith("capital of Russia")


def test_mention_fields_follow_the_design():
    doc = documents.load("seeds/niger-russia-military-cooperation.txt")
    record = find_mentions(doc, default_gazetteer())[0].record()
    assert list(record) == ["doc", "start", "end", "text", "place", "country", "kind", "name",
                            "lat", "lon"]
    assert record["doc"] == "niger-russia-military-cooperation"


def test_first_article_against_hand_made_gold():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    doc = documents.load(gold["file"])
    mentions = find_mentions(doc, default_gazetteer())
    got = {(m.start, m.end, m.place) for m in mentions}
    wanted = {(g["start"], g["end"], g["place"]) for g in gold["mentions"]}
    assert got - wanted == set(), "precision below 1.0"
    assert wanted - got == set(), "recall below 1.0"
    for mention in mentions:
        assert doc.text[mention.start:mention.end] == mention.text


def test_an_article_repeated_in_one_long_document_is_read_the_same_in_every_copy():
    """Forty copies in one document: each copy yields the article's own mentions, shifted."""
    seed = Path(__file__).parents[1] / "seeds" / "niger-russia-military-cooperation.txt"
    text = seed.read_text(encoding="utf-8")
    alone = [(m.start, m.end, m.place) for m in find_mentions(documents.parse("one", text))]
    gap = "\n\n"
    long = documents.parse("long", gap.join([text] * 40))
    together = [(m.start, m.end, m.place) for m in find_mentions(long)]
    step = len(text) + len(gap)
    expected = [(s + k * step, e + k * step, p) for k in range(40) for s, e, p in alone]
    assert alone and together == expected


def test_the_process_gazetteer_is_kept_out_of_the_garbage_collectors_walks():
    """Streamlit collects after every run: the gazetteer's objects must not be walked each time."""
    gaz = default_gazetteer()
    assert default_gazetteer() is gaz  # loaded once per process
    assert gc.get_freeze_count() >= len(gaz.places) + sum(map(len, gaz.index.values()))
    assert gc.isenabled()  # collection paused only while loading


def test_cities_are_made_when_asked_for_and_found_like_any_place():
    gaz = default_gazetteer()
    kano = [e for e in gaz.lookup(("kano",)) if e.how == "city"]
    assert kano and kano[0].place in gaz.places
    assert gaz.place(kano[0].place).country == "NGA"
    assert gaz.places.get(kano[0].place).name == "Kano"
    assert "gn:0" not in gaz.places and gaz.places.get("gn:0") is None
    with pytest.raises(KeyError):
        gaz.place("gn:0")
    assert gaz.knows(("new", "york")) and ("new",) in gaz.prefixes
    niamey = [(e.how, gaz.place(e.place).country) for e in gaz.lookup(("niamey",))]
    assert ("capital", "NER") in niamey


def test_a_form_added_after_a_lookup_is_found_by_the_next_one():
    gaz = gazetteer_module.load()
    assert [e.how for e in gaz.lookup(("kano",))].count("seat") == 0
    gaz.add(gazetteer_module.Entry("NGA", "Kano", "seat"))
    assert [e.how for e in gaz.lookup(("kano",))][-1] == "seat"


@pytest.mark.parametrize("text, published, said", [
    ("The Alliance of Sahel States met.", "2024-03-01",
     "name of the bloc; members: Burkina Faso, Mali and Niger"),
    ("The AES met.", "2024-03-01",
     "abbreviation of Alliance of Sahel States; members: Burkina Faso, Mali and Niger"),
    ("ECOWAS leaders met.", "2024-03-01",
     "abbreviation of Economic Community of West African States; 15 members"),
    ("ECOWAS leaders met.", "2025-06-01",
     "abbreviation of Economic Community of West African States; 12 members"),
    ("The G5 Sahel met.", "2025-06-01", "name of the bloc; no members on the article's date"),
])
def test_a_blocs_reason_says_what_it_is_and_who_belongs_on_the_articles_date(text, published,
                                                                            said):
    doc = documents.parse("b.md", f"---\npublished: {published}\n---\n{text}\n")
    (mention,) = find_mentions(doc, default_gazetteer())
    assert mention.reason == said
