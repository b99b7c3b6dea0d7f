"""The geodata build's French: plurals of demonyms, and the city alternate-name filter."""

from __future__ import annotations

import pytest

from geodata.make.cities import AltFilter, City, city_alt_names
from geodata.make.french import demonyms, plural
from geodata.make.paths import GEODATA


@pytest.mark.parametrize("singular, many", [
    ("nigérien", "nigériens"), ("nigérienne", "nigériennes"), ("malien", "maliens"),
    ("malienne", "maliennes"), ("français", "français"), ("française", "françaises"),
    ("chinois", "chinois"), ("chinoise", "chinoises"), ("russe", "russes"),
    ("américain", "américains"), ("américaine", "américaines"), ("burkinabè", "burkinabè"),
    ("burkinabé", "burkinabés"), ("turc", "turcs"), ("grecque", "grecques"),
])
def test_the_plural_of_a_french_demonym(singular, many):
    assert plural(singular) == many


def test_a_countrys_french_demonyms_are_four_forms():
    niger = {"demonyms": {"fra": {"m": "Nigérien", "f": "Nigérienne"}}}
    assert demonyms(niger) == ["Nigérien", "Nigérienne", "Nigériens", "Nigériennes"]
    both = {"demonyms": {"fra": {"m": "Antiguaise et barbudien", "f": "Suisse"}}}
    assert demonyms(both) == ["Suisse", "Suisses"]  # two words are not one demonym


def city(name: str, population: int, country: str = "USA", city_id: int = 1) -> City:
    """Return a city with no alternate names of its own."""
    return City(city_id, name, country, 0.0, 0.0, population, ())


# A tiny filter: the words and names the real build reads, a few of each.
FILTER = AltFilter(
    words=frozenset({"pari", "paries", "peste", "orange", "new", "fort", "mid",
                     "continent", "le", "cap", "ville"}),
    phrase_words=frozenset({"google", "pari", "pomme", "de", "terre", "new", "orange", "fort",
                            "mid", "continent", "le", "cap", "ville", "lumiere", "paris", "of",
                            "the", "north"}),
    french=frozenset({"Pékin", "Salisbury", "Hamas", "Cap", "Tombouctou", "Doris", "Vienne",
                      "Tocqueville"}),
    exemplars={("AT", "vienna"): ["Vienne"], ("EG", "cairo"): ["Le Caire"]},
    countries={"albania": "ALB", "albanie": "ALB", "koweit": "KWT", "mexico": "MEX"},
    places={"pekin": [(2, "Pekin", 33_223)], "salisbury": [(3, "Salisbury", 44_748)],
            "berea": [(4, "Berea", 18_874)], "cancun": [(5, "Cancún", 888_797)],
            "st james": [(6, "St James", 4_807)], "vienne": [(7, "Vienne", 32_293)],
            "medina": [(8, "Medina", 26_339)], "mecca": [(9, "Mecca", 8_577)]},
    not_places=frozenset({"google", "hamas"}),
    iso2={"AUT": "AT", "EGY": "EG", "USA": "US", "CHN": "CN"},
    capitals=frozenset({10}), given=frozenset({"doris"}),
)


@pytest.mark.parametrize("alt, place", [
    ("Google", city("Topeka", 125_963)),  # a brand (and an English word)
    ("Hamas", city("Hamm", 178_967, "DEU")),  # an organisation
    ("Cancun", city("Changchun", 4_714_996, "CHN")),  # another place's own name
    ("Albania", city("Albany", 101_228)),  # another country's name
    ("St. James", city("Vũng Tàu", 464_860, "VNM")),  # a historical name, now others' own
    ("Salisbury", city("Harare", 1_542_813, "ZWE")),  # ditto
    ("Berea", city("Aleppo", 2_098_210, "SYR")),  # ditto
    ("Pari", city("Paris", 2_138_551, "FRA")),  # a common word
    ("Paries", city("Paris", 2_138_551, "FRA")),
    ("Pomme de Terre", city("Topeka", 125_963)),  # common words only
    ("Paris of the North", city("Warsaw", 1_702_139, "POL")),
    ("New Orange", city("Albany", 101_228)),
    ("PEK", city("Beijing", 18_960_744, "CHN")),  # a code
    ("Kyv", city("Kyiv", 2_797_553, "UKR")),  # too short for a name
    ("Doris", city("Dori", 46_521, "BFA")),  # a small city: a given name is no French name
    ("Tocqueville", city("Râs el Oued", 48_000, "DZA")),  # nor a name unlike its own
    ("Koweït", city("Salwá", 40_945, "KWT")),  # a country's name, for a city not its capital
])
def test_the_filter_refuses_what_is_not_a_name_of_the_city(alt, place):
    assert not FILTER.admits(alt, place)


@pytest.mark.parametrize("alt, place", [
    ("Pékin", city("Beijing", 18_960_744, "CHN")),  # French, with accents Pekin lacks
    ("Vienne", city("Vienna", 1_691_468, "AUT")),  # CLDR's French name (Vienne, Isère too)
    ("Le Caire", city("Cairo", 9_606_916, "EGY")),
    ("Le Cap", city("Cape Town", 3_433_441, "ZAF")),  # an article and a French name
    ("Moskva", city("Moscow", 10_381_222, "RUS")),
    ("Medina", city("Madinah", 1_300_000, "SAU")),  # Medina, Ohio is far smaller
    ("Mecca", city("Makkah", 1_578_722, "SAU")),  # as is Mecca, California
    ("Tombouctou", city("Timbuktu", 84_208, "MLI")),  # a small city's French name
    ("Mexico", city("Mexico City", 12_294_193, "MEX", city_id=10)),  # its country's name
])
def test_the_filter_admits_the_names_of_the_city(alt, place):
    assert FILTER.admits(alt, place)


def test_cldr_names_come_first_even_when_geonames_lacks_them():
    assert city_alt_names(city("Cairo", 9_606_916, "EGY"), FILTER) == ["Le Caire"]


@pytest.mark.parametrize("name, alt", [
    ("Topeka", "Google"), ("Hamm", "Hamas"), ("Changchun", "Cancun"), ("Albany", "Albania"),
    ("Vũng Tàu", "St. James"), ("Harare", "Salisbury"), ("Aleppo", "Berea"), ("Paris", "Pari"),
])
def test_the_built_cities_have_none_of_the_names_seen_misread(name, alt):
    rows = [line.split("\t") for line in
            (GEODATA / "gazetteer.cities.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    alts = {a for row in rows if row[1] == name for a in row[6].split("|")}
    assert alts and alt not in alts


@pytest.mark.parametrize("name, alt", [
    ("Moscow", "Moscou"), ("Beijing", "Pékin"), ("Tehran", "Téhéran"), ("London", "Londres"),
    ("Cairo", "Le Caire"), ("Algiers", "Alger"), ("Brussels", "Bruxelles"),
    ("Warsaw", "Varsovie"), ("Geneva", "Genève"), ("Vienna", "Vienne"),
    ("Timbuktu", "Tombouctou"),
])
def test_the_built_cities_have_their_french_names(name, alt):
    rows = [line.split("\t") for line in
            (GEODATA / "gazetteer.cities.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    assert any(row[1] == name and alt in row[6].split("|") for row in rows)
