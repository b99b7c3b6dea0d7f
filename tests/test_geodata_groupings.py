"""Tests about the committed groupings, word lists, SOURCES.md and the rebuild (the real
files in geodata/, not fixtures)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.test_geodata import GEODATA, countries, groupings

# ---------------------------------------------------------------- groupings


def test_aes_members_and_dates():
    aes = groupings()["AES"]
    assert {m["iso3"] for m in aes["members"]} == {"MLI", "BFA", "NER"}
    assert {m["from"] for m in aes["members"]} == {"2023-09-16"}
    assert all(m["to"] is None for m in aes["members"])
    assert "AES" in aes["abbreviations"]
    assert {"2023-09-16", "2024-07-06"} <= {e["date"] for e in aes["events"]}


def test_sahel_definitions():
    sahel = groupings()["SAHEL"]
    assert sahel["kind"] == "region"
    assert set(sahel["definitions"]["G5S"]) == {"MRT", "MLI", "BFA", "NER", "TCD"}
    assert set(sahel["definitions"]["UNISS"]) == {
        "BFA", "CMR", "TCD", "GMB", "GIN", "MLI", "MRT", "NER", "NGA", "SEN"}
    assert sahel["default_definition"] == "UNISS"
    assert {m["iso3"] for m in sahel["members"]} == set(sahel["definitions"]["UNISS"])


@pytest.mark.parametrize("grouping, code, start, end", [
    ("G5S", "MLI", "2014-02-16", "2022-05-15"),
    ("G5S", "NER", "2014-02-16", "2023-12-02"),
    ("EU", "GBR", "1973-01-01", "2020-01-31"),
    ("ECOWAS", "NER", "1975-05-28", "2025-01-29"),
    ("ECOWAS", "NGA", "1975-05-28", None),
    ("NATO", "SWE", "2024-03-07", None),
])
def test_membership_dates(grouping, code, start, end):
    rows = [m for m in groupings()[grouping]["members"] if m["iso3"] == code]
    assert rows == [{"iso3": code, "from": start, "to": end}]


@pytest.mark.parametrize("grouping, count", [("EU", 27), ("ECOWAS", 12), ("AU", 55),
                                             ("NATO", 32), ("UNISS", 10)])
def test_current_member_counts(grouping, count):
    assert sum(m["to"] is None for m in groupings()[grouping]["members"]) == count


def test_groupings_are_well_formed():
    keys = {"id", "kind", "name", "names", "abbreviations", "members", "events", "source",
            "note"}
    known = set(countries())
    for gid, g in groupings().items():
        assert keys <= set(g), gid
        assert g["kind"] in {"grouping", "region"}
        assert g["source"]["url"].startswith("https://")
        for m in g["members"]:
            assert m["iso3"] in known, (gid, m)
            assert m["to"] is None or m["from"] is None or m["from"] < m["to"]
        for definition in g.get("definitions", {}).values():
            assert set(definition) <= known


# ---------------------------------------------------------------- words, sources


def test_common_words():
    words = (GEODATA / "common_words.txt").read_text(encoding="utf-8").splitlines()
    assert words == sorted(set(words))
    assert all(w == w.lower() and w for w in words)
    assert {"turkey", "china", "guinea", "the", "color"} <= set(words)
    assert "niger" not in words


def test_sources_names_every_output_file():
    text = (GEODATA / "SOURCES.md").read_text(encoding="utf-8")
    for name in ["countries.geojson", "basemap.geojson", "gazetteer.json",
                 "gazetteer.cities.tsv", "gazetteer.cities.index.tsv", "groupings.json",
                 "common_words.txt", "gazetteer.prepared", "countries.prepared"]:
        assert f"### {name}" in text


def test_build_reproduces_the_committed_files(tmp_path):
    """From another working directory: build.py finds its package wherever it runs from."""
    result = subprocess.run(
        [sys.executable, str(GEODATA / "build.py"), "--check", "--offline"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    if result.returncode == 3:
        pytest.skip(result.stderr.strip())
    assert result.returncode == 0, result.stderr


def test_given_names_list_is_sorted_unique_first_names():
    names = (GEODATA / "given_names.txt").read_text(encoding="utf-8").split("\n")[:-1]
    assert names == sorted(set(names))
    assert {"George", "Victoria", "Franklin"} <= set(names)
    assert "Niamey" not in names and "turkey" not in names


def test_the_committed_city_index_is_what_the_geoparser_builds_from_the_committed_cities():
    """The app reads this file instead of folding every city's names at start-up."""
    from dashboard.core import cityfiles, gazetteer

    committed = (GEODATA / cityfiles.CITY_INDEX).read_text(encoding="utf-8")
    assert committed == gazetteer.city_index_tsv(GEODATA)


def test_a_city_index_of_other_sources_is_rebuilt_not_trusted(tmp_path):
    """Cities edited without rebuilding the index: the gazetteer still finds the new city."""
    from dashboard.core import gazetteer

    for path in GEODATA.iterdir():
        if path.is_file():
            (tmp_path / path.name).write_bytes(path.read_bytes())
    with (tmp_path / "gazetteer.cities.tsv").open("a", encoding="utf-8") as cities:
        cities.write("gn:999999999\tZorvenna\tNER\t14.0\t3.0\t120000\tZorvena\n")
    gaz = gazetteer.load(tmp_path)
    assert [(e.place, e.how) for e in gaz.lookup(("zorvena",))] == [("gn:999999999", "city")]
    assert gaz.place("gn:999999999").population == 120_000
    assert "zorvenna" in gaz.starts
