"""Tests about the committed files in geodata/ (the real data, not fixtures)."""

from __future__ import annotations

import csv
import json
import math
import re
from functools import cache
from pathlib import Path

import pytest
import shapely
from shapely.geometry import shape

GEODATA = Path(__file__).resolve().parent.parent / "geodata"
GEOJSON_FILES = ["countries.geojson", "basemap.geojson"]


@cache
def load_json(name: str) -> dict:
    """A committed JSON file, parsed once per test session."""
    return json.loads((GEODATA / name).read_text(encoding="utf-8"))


@cache
def geometries(name: str) -> dict[str, shapely.Geometry]:
    """iso3 -> shapely geometry of a committed GeoJSON file."""
    return {f["properties"]["iso3"]: shape(f["geometry"]) for f in load_json(name)["features"]}


@cache
def countries() -> dict[str, dict]:
    """iso3 -> gazetteer country record."""
    return {c["iso3"]: c for c in load_json("gazetteer.json")["countries"]}


@cache
def groupings() -> dict[str, dict]:
    """id -> grouping record."""
    return {g["id"]: g for g in load_json("groupings.json")["groupings"]}


@cache
def city_rows() -> list[dict[str, str]]:
    """Rows of gazetteer.cities.tsv."""
    with (GEODATA / "gazetteer.cities.tsv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def polygons(geom: shapely.Geometry) -> list[shapely.Polygon]:
    """The polygons of a Polygon or MultiPolygon."""
    return list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]


# ---------------------------------------------------------------- geometry files


@pytest.mark.parametrize("name", GEOJSON_FILES)
def test_features_are_sorted_unique_and_named(name):
    features = load_json(name)["features"]
    codes = [f["properties"]["iso3"] for f in features]
    assert codes == sorted(set(codes))
    assert all(set(f["properties"]) == {"iso3", "name"} for f in features)
    assert set(codes) <= set(countries())


@pytest.mark.parametrize("name", GEOJSON_FILES)
def test_geometries_are_valid_polygons_within_range(name):
    for code, geom in geometries(name).items():
        assert geom.geom_type in {"Polygon", "MultiPolygon"}, code
        assert geom.is_valid, (code, shapely.is_valid_reason(geom))
        assert not geom.is_empty, code
        west, south, east, north = geom.bounds
        assert -180 <= west <= east <= 180, code
        assert -90 <= south <= north <= 90, code


@pytest.mark.parametrize("name", GEOJSON_FILES)
def test_rings_follow_the_right_hand_rule(name):
    for code, geom in geometries(name).items():
        for polygon in polygons(geom):
            assert polygon.exterior.is_ccw, code
            assert not any(ring.is_ccw for ring in polygon.interiors), code


@pytest.mark.parametrize("name", GEOJSON_FILES)
def test_coordinates_have_at_most_three_decimals(name):
    for code, geom in geometries(name).items():
        coords = shapely.get_coordinates(geom)
        assert (abs(coords * 1000 - (coords * 1000).round()) < 1e-6).all(), code


@pytest.mark.parametrize("name", GEOJSON_FILES)
@pytest.mark.parametrize("code", ["RUS", "FJI"])
def test_antimeridian_countries_are_split(name, code):
    parts = polygons(geometries(name)[code])
    assert len(parts) > 1
    assert max(p.bounds[2] - p.bounds[0] for p in parts) < 200
    assert min(p.bounds[0] for p in parts) == -180 and max(p.bounds[2] for p in parts) == 180


@pytest.mark.parametrize("code", ["NER", "NGA", "MLI", "BFA", "TCD", "RUS", "FRA", "SRB", "TUR",
                                  "IRN", "UNK", "CYP", "SOM", "ATA"])
def test_country_has_a_polygon(code):
    assert code in geometries("countries.geojson")
    assert code in geometries("basemap.geojson")


@pytest.mark.parametrize("code, lat, lon", [
    ("NER", 13.5, 2.1),  # Niamey
    ("RUS", 55.75, 37.62),  # Moscow
    ("SRB", 44.8, 20.47),  # Belgrade
])
def test_capital_lies_in_its_country(code, lat, lon):
    assert geometries("countries.geojson")[code].contains(shapely.Point(lon, lat))


def test_neighbours_share_borders_without_gaps_or_overlaps():
    west_africa = [geometries("countries.geojson")[c] for c in
                   ["NER", "NGA", "MLI", "BFA", "TCD", "BEN", "DZA", "LBY"]]
    union = shapely.union_all(west_africa)
    assert sum(g.area for g in west_africa) == pytest.approx(union.area, abs=1e-6)
    mainland = max(polygons(union), key=lambda p: p.area)
    assert not list(mainland.interiors)


@pytest.mark.parametrize("name, limit", [("countries.geojson", 1_500_000),
                                         ("basemap.geojson", 150_000)])
def test_geojson_size_budget(name, limit):
    assert (GEODATA / name).stat().st_size < limit


# ---------------------------------------------------------------- gazetteer


def test_every_country_record_has_the_expected_fields():
    keys = ["iso3", "iso2", "name", "official", "names", "abbreviations", "demonyms", "capital",
            "lat", "lon", "region", "subregion", "independent", "translations"]
    records = load_json("gazetteer.json")["countries"]
    assert [r["iso3"] for r in records] == sorted({r["iso3"] for r in records})
    for record in records:
        assert list(record) == keys
        assert record["name"] in record["names"]
        assert -90 <= record["lat"] <= 90 and -180 <= record["lon"] <= 180


def test_niamey_is_the_capital_of_niger():
    capital = countries()["NER"]["capital"]
    assert capital["name"] == "Niamey"
    assert capital["id"].startswith("gn:")
    assert math.dist((capital["lat"], capital["lon"]), (13.5, 2.1)) < 0.1


@pytest.mark.parametrize("code, capital", [
    ("RUS", "Moscow"), ("SRB", "Belgrade"), ("TUR", "Ankara"), ("IRN", "Tehran"),
    ("MLI", "Bamako"), ("BFA", "Ouagadougou"), ("TCD", "N'Djamena"), ("NGA", "Abuja"),
])
def test_capitals(code, capital):
    assert countries()[code]["capital"]["name"] == capital


@pytest.mark.parametrize("demonym, code, other", [
    ("Nigerien", "NER", "NGA"),
    ("Nigérien", "NER", "NGA"),
    ("Nigerian", "NGA", "NER"),
    ("Burkinabe", "BFA", "NER"),
    ("Malian", "MLI", "NER"),
])
def test_demonyms(demonym, code, other):
    def every(row: dict) -> list[str]:
        return row["demonyms"] + row["translations"]["fr"]["demonyms"]
    assert demonym in every(countries()[code])
    assert demonym not in every(countries()[other])


@pytest.mark.parametrize("code, name", [
    ("NER", "Republic of Niger"), ("NER", "République du Niger"),
    ("CIV", "Côte d'Ivoire"), ("CIV", "Ivory Coast"), ("TUR", "Turkey"), ("TCD", "Tchad"),
])
def test_country_names(code, name):
    french = countries()[code]["translations"]["fr"]
    forms = {n.casefold() for n in [*countries()[code]["names"], french["name"],
                                     french["official"], *french["names"]]}
    assert name.casefold() in forms or any(name.casefold() in f for f in forms)


def test_names_are_not_codes():
    for code, record in countries().items():
        assert record["iso2"] not in record["names"], code
        assert all(len(n) >= 3 for n in record["names"]), code


@pytest.mark.parametrize("code, lat, lon", [("NER", 17.6, 8.1), ("FRA", 46.6, 2.4)])
def test_representative_point_is_in_the_country(code, lat, lon):
    record = countries()[code]
    assert math.dist((record["lat"], record["lon"]), (lat, lon)) < 3


def test_admins():
    admins = {a["name"]: a for a in load_json("gazetteer.json")["admins"]}
    assert admins["California"]["country"] == "USA"
    assert admins["California"]["code"] == "CA"
    assert math.dist((admins["California"]["lat"], admins["California"]["lon"]),
                     (35.5, -119.5)) < 3
    assert {admins[n]["country"] for n in
            ["England", "Scotland", "Wales", "Northern Ireland"]} == {"GBR"}
    assert admins["Scotland"]["id"] == "gn:2638360"


@cache
def admin_rows() -> list[dict]:
    """The gazetteer's admins, in file order."""
    return load_json("gazetteer.json")["admins"]


def test_us_states_and_uk_nations_keep_their_geonames_records():
    us = [a for a in admin_rows() if a["country"] == "USA"]
    assert len(us) == 51 and all(a["id"].startswith("gn:") for a in us)
    assert {a["code"] for a in us} >= {"CA", "TX", "NY", "DC", "AK", "HI"}
    assert all(-90 <= a["lat"] <= 90 and -180 <= a["lon"] <= 180 for a in us)
    uk = [a for a in admin_rows() if a["country"] == "GBR" and a["id"].startswith("gn:")]
    assert sorted(a["code"] for a in uk) == ["ENG", "NIR", "SCT", "WLS"]
    assert all(a["id"].startswith(("gn:", f"adm:{a['country']}-")) for a in admin_rows())


def test_admins_are_sorted_unique_url_safe_and_well_formed():
    rows = admin_rows()
    ids = [a["id"] for a in rows]
    assert ids == sorted(set(ids))
    assert all(re.fullmatch(r"[A-Za-z0-9:._-]+", i) for i in ids)
    known = set(countries())
    names = {(a["country"], a["name"].casefold()) for a in rows}
    assert len(names) == len(rows)
    for a in rows:
        assert list(a) == ["id", "name", "code", "country", "lat", "lon"], a
        assert a["country"] in known, a
        assert len(a["name"]) >= 3 and a["name"] == a["name"].strip(), a
        assert (a["lat"] is None) == (a["lon"] is None), a
        if a["lat"] is not None:
            assert -90 <= a["lat"] <= 90 and -180 <= a["lon"] <= 180, a
    assert len(rows) > 4000


@pytest.mark.parametrize("country, name", [
    ("GBR", "Norfolk"), ("GBR", "Enfield"), ("GBR", "County Durham"), ("GBR", "City of Bristol"),
    ("CAN", "Ontario"), ("CAN", "British Columbia"), ("AUS", "New South Wales"),
    ("AUS", "Victoria"), ("NER", "Tillabéri"), ("NER", "Agadez"), ("MLI", "Gao"),
    ("MLI", "Kidal"), ("FRA", "Île-de-France"), ("NGA", "Lagos"), ("EST", "Harjumaa"),
])
def test_region_is_an_admin_of_its_country(country, name):
    rows = [a for a in admin_rows() if a["name"] == name and a["country"] == country]
    assert len(rows) == 1
    assert rows[0]["id"].startswith(f"adm:{country}-")


@pytest.mark.parametrize("country, name, lat, lon", [
    ("NER", "Agadez", 16.97, 7.99),  # the city of Agadez
    ("MLI", "Gao", 16.27, -0.04),
    ("RUS", "Astrakhan Oblast", 46.35, 48.04),  # "Oblast" dropped: the city of Astrakhan
])
def test_region_coordinates_are_its_namesake_city(country, name, lat, lon):
    row = next(a for a in admin_rows() if a["name"] == name and a["country"] == country)
    assert math.dist((row["lat"], row["lon"]), (lat, lon)) < 0.1


def test_region_without_namesake_city_has_no_coordinates():
    row = next(a for a in admin_rows() if a["name"] == "Ontario")
    assert row["lat"] is None and row["lon"] is None


def test_region_filters():
    names = {(a["country"], a["name"]) for a in admin_rows()}
    assert ("LUX", "Luxembourg") not in names  # the country's own name
    assert ("FJI", "Ba") not in names  # shorter than 3 characters
    assert not any(c == "USA" and n in {"Guam", "Micronesia"} for c, n in names)
    # an ambiguous qualifier is kept rather than merging three territories into one
    assert ("MYS", "Wilayah Persekutuan (Labuan)") in names


# ---------------------------------------------------------------- cities


def test_cities_tsv_parses_with_unique_ids():
    rows = city_rows()
    assert len(rows) > 30_000
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert [int(i.removeprefix("gn:")) for i in ids] == sorted(int(i[3:]) for i in ids)
    known = set(countries())
    for row in rows:
        assert row["country"] in known, row
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
        assert int(row["population"]) >= 0
        if int(row["population"]) < 100_000:  # its French names only ('Tombouctou')
            assert len(row["alt_names"].split("|")) <= 3, row


def test_every_capital_is_in_the_cities_table():
    ids = {r["id"] for r in city_rows()}
    for code, record in countries().items():
        if record["capital"]:
            assert record["capital"]["id"] in ids, code


def test_city_alt_names_rules():
    for row in city_rows():
        for alt in filter(None, row["alt_names"].split("|")):
            assert len(alt) >= 3 and alt[0].isupper() and not alt.isupper()
            assert not any(c.isdigit() for c in alt) and alt != row["name"]
