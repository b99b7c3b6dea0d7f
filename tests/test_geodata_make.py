"""Tests of the geodata build (geodata/make/): its hand-edited inputs and its checks."""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache

import pytest

from geodata.make.admins import RegionReport
from geodata.make.cities import City
from geodata.make.counties import county_facts, county_records
from geodata.make.groupings import grouping_problems, groupings_json, load_groupings
from geodata.make.localities import (
    load_localities,
    locality_cities,
    locality_facts,
    locality_problems,
)
from geodata.make.paths import GEODATA, GROUPINGS_DATA, PACKAGE, SOURCES_TEMPLATE
from geodata.make.sources import coverage_facts, pinned_values, region_facts, render

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@cache
def known_countries() -> frozenset[str]:
    """ISO3 codes of the committed gazetteer's countries."""
    data = json.loads((GEODATA / "gazetteer.json").read_text(encoding="utf-8"))
    return frozenset(c["iso3"] for c in data["countries"])


@cache
def curated() -> list[dict]:
    """The groupings of the hand-edited data file, parsed here without the build's loader."""
    return json.loads(GROUPINGS_DATA.read_text(encoding="utf-8"))["groupings"]


def is_iso_date(value: str) -> bool:
    """A real date written YYYY-MM-DD."""
    return bool(ISO_DATE.fullmatch(value)) and date.fromisoformat(value).isoformat() == value


def grouping(**changes: object) -> dict:
    """A small valid grouping of the data file, with changes."""
    return {"id": "X", "kind": "grouping", "name": "X", "names": ["X"], "abbreviations": [],
            "members": [{"iso3": "NER", "from": "2020-01-01", "to": None}], "events": [],
            "source": {"title": "X", "url": "https://example.org/"}, "note": ""} | changes


# ---------------------------------------------------------------- the groupings data file


def test_the_groupings_data_file_is_valid():
    ids = [g["id"] for g in curated()]
    assert len(ids) == len(set(ids))
    for g in curated():
        for m in g.get("members", []):
            assert set(m) == {"iso3", "from", "to"}, (g["id"], m)
            assert m["iso3"] in known_countries(), (g["id"], m)
            assert all(m[k] is None or is_iso_date(m[k]) for k in ("from", "to")), (g["id"], m)
            assert m["from"] is None or m["to"] is None or m["from"] < m["to"], (g["id"], m)
        assert all(is_iso_date(e["date"]) for e in g["events"]), g["id"]
        assert set(g.get("definitions", [])) <= {h["id"] for h in curated() if "members" in h}
    assert grouping_problems(curated(), known_countries()) == []


def test_every_grouping_of_the_data_file_reaches_groupings_json():
    built = json.loads((GEODATA / "groupings.json").read_text(encoding="utf-8"))["groupings"]
    assert [g["id"] for g in built] == [g["id"] for g in curated()]
    by_id = {g["id"]: g for g in curated()}
    for source, output in zip(curated(), built, strict=True):
        for key in ("kind", "name", "names", "abbreviations", "events", "source", "note"):
            assert output[key] == source[key], (source["id"], key)
        if "members" in source:
            assert output["members"] == source["members"], source["id"]
        for name in source.get("definitions", []):
            assert output["definitions"][name] == [m["iso3"] for m in by_id[name]["members"]]


def test_groupings_json_is_the_data_file_turned_into_output():
    """Byte for byte, without the npm packages: only the country codes come from elsewhere."""
    committed = (GEODATA / "groupings.json").read_text(encoding="utf-8")
    assert groupings_json(load_groupings(), known_countries()) == committed


@pytest.mark.parametrize("row, expected", [
    ({"iso3": "XXX", "from": None, "to": None}, "'XXX' is not the ISO3 code of a country"),
    ({"iso3": "NER", "from": "2020-13-01", "to": None}, "from of NER is not a YYYY-MM-DD"),
    ({"iso3": "NER", "from": "1 May 2004", "to": None}, "got '1 May 2004'"),
    ({"iso3": "NER", "from": "2020-01-01", "to": "2019-06-30"},
     "NER leaves (2019-06-30) before it joins (2020-01-01)"),
    ({"iso3": "NER", "from": "2020-01-01", "to": "2020-01-01"}, "NER leaves"),
    ({"iso3": "NER", "from": None}, "a member needs exactly iso3, from, to"),
])
def test_a_bad_member_row_is_named(row, expected):
    problems = grouping_problems([grouping(members=[row])], {"NER"})
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize("changes, expected", [
    ({"definitions": ["NOPE"], "default_definition": "NOPE"},
     "definition 'NOPE' is not the id of a grouping with members"),
    ({"definitions": ["X"], "default_definition": "Y"}, "default_definition 'Y' is not one"),
    ({"events": [{"date": "2020", "what": "?"}]}, "event date '2020' is not"),
])
def test_a_bad_grouping_is_named(changes, expected):
    region = grouping(id="R", kind="region", **changes)
    if "definitions" in changes:
        del region["members"]
    problems = grouping_problems([grouping(), region], {"NER"})
    assert any(expected in p for p in problems), problems


def test_a_bad_data_file_stops_the_build_with_its_problems():
    with pytest.raises(SystemExit, match="'XXX' is not the ISO3 code"):
        groupings_json([grouping(members=[{"iso3": "XXX", "from": None, "to": None}])],
                       {"NER"})


def test_a_valid_grouping_has_no_problems():
    assert grouping_problems([grouping()], {"NER"}) == []


# ---------------------------------------------------------------- localities and counties


NIAMEY_CITY = City(2440485, "Niamey", "NER", 13.5137, 2.1098, 774235, ("Niamey", "Niamej"))


@pytest.mark.parametrize("row, expected", [
    ({"id": 1, "name": "Niamey", "country": "NER"}, "no GeoNames place with this id"),
    ({"id": 2440485, "name": "Kidal", "country": "NER"}, "'Kidal' is not a GeoNames name"),
    ({"id": 2440485, "name": "Niamey", "country": "MLI"}, "Niamey is not in MLI"),
])
def test_a_bad_locality_is_named(row, expected):
    problems = locality_problems([row], {NIAMEY_CITY.id: NIAMEY_CITY})
    assert any(expected in p for p in problems), problems
    with pytest.raises(SystemExit, match="localities.curated.json"):
        locality_cities([row], {NIAMEY_CITY.id: NIAMEY_CITY})


def test_a_locality_takes_geonames_place_and_the_spelling_news_uses():
    (city,) = locality_cities([{"id": 2440485, "name": "Niamej", "country": "NER"}],
                              {NIAMEY_CITY.id: NIAMEY_CITY}).values()
    assert (city.name, city.lat, city.population, city.alt_names) == ("Niamej", 13.5137,
                                                                      774235, ())


def test_the_localities_data_file_is_in_the_cities_table():
    rows = {r["id"]: r for r in (GEODATA / "gazetteer.cities.tsv").read_text(
        encoding="utf-8").splitlines()[1:] for r in [dict(zip(
            ("id", "name", "country"), r.split("\t")[:3], strict=True))]}
    for row in load_localities():
        assert rows[f"gn:{row['id']}"]["name"] == row["name"], row
        assert rows[f"gn:{row['id']}"]["country"] == row["country"], row


def test_counties_are_us_states_counties_parishes_and_boroughs_with_their_state():
    states = {"GA": {"code": "GA", "name": "Georgia", "geonameid": 4197000},
              "LA": {"code": "LA", "name": "Louisiana", "geonameid": 4331987}}
    listed = [{"fips": "22071", "name": "Orleans Parish", "state": "LA"},
              {"fips": "13059", "name": "Clarke County", "state": "GA"},
              {"fips": "51510", "name": "Alexandria city", "state": "VA"},
              {"fips": "72001", "name": "Adjuntas Municipio", "state": "PR"}]
    assert county_records(listed, states) == [
        {"id": "adm:USA-13059", "name": "Clarke County", "code": "13059",
         "state": "gn:4197000", "country": "USA"},
        {"id": "adm:USA-22071", "name": "Orleans Parish", "code": "22071",
         "state": "gn:4331987", "country": "USA"}]


def test_the_gazetteers_counties_name_a_state_of_its_admins():
    data = json.loads((GEODATA / "gazetteer.json").read_text(encoding="utf-8"))
    states = {a["id"] for a in data["admins"] if a["country"] == "USA"}
    assert len(data["counties"]) > 3000
    assert all(c["state"] in states for c in data["counties"])
    assert {"Clarke County", "Orleans Parish", "Cook County"} <= {c["name"] for c in
                                                                  data["counties"]}


# ---------------------------------------------------------------- the SOURCES.md template


def test_render_fills_names_and_leaves_other_braces():
    assert render('a {x}, `{"k": [1]}`', {"x": 1}) == 'a 1, `{"k": [1]}`'
    with pytest.raises(SystemExit, match="no value for {y}"):
        render("{y}", {})


def test_the_template_has_a_value_for_every_placeholder():
    values = pinned_values() | region_facts(RegionReport()) | coverage_facts({}, [], [], [])
    values |= county_facts([], []) | locality_facts({})
    text = render(SOURCES_TEMPLATE.read_text(encoding="utf-8"), values)
    assert not re.search(r"\{[a-z0-9_]+\}", text)


# ---------------------------------------------------------------- the code


def test_no_module_of_the_build_passes_400_lines():
    for path in [GEODATA / "build.py", *PACKAGE.glob("*.py")]:
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name
