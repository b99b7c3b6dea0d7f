"""The prepared files (core/prepared.py): the gazetteer and the country polygons the app starts
from are what the geodata builds, byte for byte the same whoever writes them, and a missing,
damaged or out-of-date one is set aside for the geodata, with a warning."""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from geopandas.testing import assert_geodataframe_equal

from dashboard.core import countries, gazetteer, prepared
from dashboard.core.nameindex import Entry, Places

ROOT = Path(__file__).resolve().parents[1]
GEODATA = ROOT / "geodata"
PREPARED = (gazetteer.PREPARED, countries.PREPARED)
REBUILT = "geodata/build.py --prepared"


@pytest.fixture(scope="module")
def from_sources() -> gazetteer.Gazetteer:
    """The committed geodata's gazetteer, built from its files."""
    return gazetteer.from_sources(GEODATA)


@pytest.fixture
def geodata(tmp_path: Path) -> Path:
    """A copy of the committed geodata to change."""
    folder = tmp_path / "geodata"
    shutil.copytree(GEODATA, folder, ignore=shutil.ignore_patterns(".cache", "make", "*.py"))
    return folder


def assert_same_gazetteer(made: gazetteer.Gazetteer, built: gazetteer.Gazetteer) -> None:
    """Assert two gazetteers hold the same places, forms and words, field by field."""
    for field in dataclasses.fields(gazetteer.Gazetteer):
        assert getattr(made, field.name) == getattr(built, field.name), field.name
    assert isinstance(made.places, Places) and made.places.rows == built.places.rows
    assert dict.keys(made.places) == dict.keys(built.places)  # the same places made so far
    for table in (made.index, made.merged):
        assert all(type(entry) is Entry for found in table.values() for entry in found)
    assert type(made.starts) is frozenset and type(made.dependent) is set


def test_the_prepared_gazetteer_is_the_one_the_geodata_builds(from_sources, caplog):
    with caplog.at_level(logging.WARNING):
        made = gazetteer.load(GEODATA)
    assert caplog.records == [], f"the committed prepared gazetteer is not used: run {REBUILT}"
    assert_same_gazetteer(made, from_sources)
    assert {e.place for e in made.lookup(("niamey",))} >= {"gn:2440485"}
    assert made.place("gn:2440485").name == "Niamey"  # a city made from its row when asked


@pytest.mark.parametrize("name", PREPARED)
def test_the_committed_prepared_files_are_of_the_committed_geodata_and_code(name):
    """A lexicon, the gazetteer's code or the geodata changed: run geodata/build.py."""
    digest = {gazetteer.PREPARED: gazetteer.sources_digest(GEODATA),
              countries.PREPARED: countries.sources_digest(countries.GEOJSON)}[name]
    head = (GEODATA / name).read_bytes()[:prepared.HEADER_LIMIT].split(b"\n")[0].decode()
    assert head.split(" ")[1] == digest, f"geodata/{name} is out of date: run {REBUILT}"


@pytest.mark.parametrize("break_it, says", [
    (lambda path: path.unlink(), "is missing"),
    (lambda path: path.write_bytes(b"not a prepared file"), "is damaged (no header)"),
    (lambda path: path.write_bytes(path.read_bytes()[:-1000]), "is damaged (its length"),
    (lambda path: path.write_bytes(path.read_bytes()[:-5] + b"xxxxx"), "is damaged (its length"),
])
def test_a_missing_or_damaged_prepared_gazetteer_is_built_from_the_geodata(
        geodata, from_sources, caplog, break_it, says):
    break_it(geodata / gazetteer.PREPARED)
    with caplog.at_level(logging.WARNING):
        made = gazetteer.load(geodata)
    assert_same_gazetteer(made, dataclasses.replace(from_sources, folder=geodata))
    assert len(caplog.records) == 1
    assert caplog.records[0].getMessage().startswith(f"geodata/{gazetteer.PREPARED} {says}")


def test_a_prepared_gazetteer_of_a_damaged_state_is_set_aside(geodata, from_sources, caplog):
    stamp = gazetteer.sources_digest(geodata)
    prepared.write(geodata / gazetteer.PREPARED, stamp, {"places": 3})  # whole, but wrong
    with caplog.at_level(logging.WARNING):
        made = gazetteer.load(geodata)
    assert made.index == from_sources.index
    assert "is damaged (TypeError)" in caplog.text


@pytest.mark.parametrize("name", ["given_names.txt", "gazetteer.cities.index.tsv"])
def test_a_prepared_gazetteer_of_other_sources_is_not_trusted(geodata, caplog, name):
    """An edited geodata file (or lexicon: its bytes are in the digest too) makes it stale."""
    with (geodata / name).open("a", encoding="utf-8") as file:
        file.write("zzyzx\tgn:1\tcity\tZzyzx\n" if name.endswith(".tsv") else "Zzyzx\n")
    with caplog.at_level(logging.WARNING):
        made = gazetteer.load(geodata)
    assert "is not of these sources" in caplog.text
    assert_same_gazetteer(made, gazetteer.from_sources(geodata))
    assert made.is_given_name("Zzyzx") == (name == "given_names.txt")
    assert made.knows(("zzyzx",)) == (name != "given_names.txt")


def test_the_digest_holds_every_module_the_gazetteer_runs():
    probe = ("import sys, dashboard.core.gazetteer as g; print('\\n'.join(sorted("
             "m.__file__ for n, m in sys.modules.items() if n.startswith('dashboard.') "
             "and n != 'dashboard.core')))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert set(done.stdout.split()) == {str(path) for path in gazetteer.CODE}


def test_a_missing_source_is_named_alone(geodata, caplog):
    """The GeodataError of the sources is what is said: no word of the prepared file."""
    (geodata / "groupings.json").unlink()
    with pytest.raises(gazetteer.GeodataError, match=r"^geodata/groupings\.json is missing"):
        gazetteer.load(geodata)
    assert caplog.records == []


def test_a_prepared_file_that_cannot_be_checked_is_set_aside(tmp_path):
    path = tmp_path / "x.prepared"
    prepared.write(path, "stamp", {"a": 1})
    with pytest.raises(prepared.Unusable, match="cannot be checked"):
        prepared.read(path, None)
    assert prepared.read(path, "stamp") == {"a": 1}


def test_prepared_files_are_the_same_bytes_whatever_the_hash_seed(geodata):
    """What CI's --check compares: two processes with other hash seeds write the same bytes
    as the committed files."""
    for seed in ("1", "2"):
        for name in PREPARED:
            (geodata / name).unlink()
        probe = ("import sys; from pathlib import Path; from geodata.make.outputs import "
                 "write_prepared; write_prepared(Path(sys.argv[1]))")
        subprocess.run([sys.executable, "-c", probe, str(geodata)], cwd=ROOT, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        for name in PREPARED:
            assert (geodata / name).read_bytes() == (GEODATA / name).read_bytes(), (seed, name)


@pytest.mark.parametrize("value", [{1, 2}, frozenset(), object()])
def test_a_state_is_plain_values_only(tmp_path, value):
    with pytest.raises(TypeError, match="plain values only"):
        prepared.write(tmp_path / "x.prepared", "0", {"a": [value]})


def test_the_bytes_hang_on_the_values_not_on_who_else_holds_them(tmp_path):
    """marshal writes a value held twice once, and says whether a string is interned."""
    made = "".join(["Nia", "mey ", str(os.getpid())])  # a new string, held here only
    values = [made, "ł", "2", "", 10**6 + os.getpid(), 13.5, b"wkb"]
    prepared.write(tmp_path / "a.prepared", "s", {"v": values, "w": values[:1]})
    held = [values * 3, sys.intern(made), sys.intern("2")]  # noqa: F841 - held while written
    prepared.write(tmp_path / "b.prepared", "s", {"v": values, "w": values[:1]})
    assert (tmp_path / "a.prepared").read_bytes() == (tmp_path / "b.prepared").read_bytes()


def test_plain_values_come_back_as_written(tmp_path):
    state = {"a": [1, 1.0, True, -0.0, None, "é", "", b"\x00"], ("k", 2): {"x": ()}}
    prepared.write(tmp_path / "x.prepared", "stamp", state)
    assert prepared.read(tmp_path / "x.prepared", "stamp") == state
    assert repr(prepared.read(tmp_path / "x.prepared", "stamp")) == repr(state)


# ---------------------------------------------------------------- the country polygons


def test_the_prepared_countries_are_the_frame_gdal_reads(caplog):
    with caplog.at_level(logging.WARNING):
        made = countries.read_countries()
    assert caplog.records == [], f"the prepared countries are not used: run {REBUILT}"
    assert_geodataframe_equal(made, countries.from_geojson(countries.GEOJSON),
                              check_less_precise=False)
    assert made.index.name == "iso3" and made.crs == "EPSG:4326"
    assert made.loc["NER", "name"] == "Niger"


def test_the_prepared_countries_are_read_without_gdal():
    probe = ("import sys; from dashboard.core.countries import read_countries; "
             "read_countries(); print('pyogrio' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize("change, says", [
    (lambda folder: (folder / countries.PREPARED).unlink(), "is missing"),
    (lambda folder: (folder / countries.PREPARED).write_bytes(b"\x00" * 10), "is damaged"),
    (lambda folder: (folder / "countries.geojson").write_text(
        (folder / "countries.geojson").read_text(encoding="utf-8").replace(
            '"name":"Niger"', '"name":"Niger!"'), encoding="utf-8"), "is not of these sources"),
])
def test_missing_damaged_or_stale_prepared_countries_are_read_from_the_geojson(
        geodata, caplog, change, says):
    change(geodata)
    path = geodata / "countries.geojson"
    with caplog.at_level(logging.WARNING):
        made = countries.read_countries(path)
    assert f"geodata/{countries.PREPARED} {says}" in caplog.text
    assert_geodataframe_equal(made, countries.from_geojson(path))
    assert made.loc["NER", "name"] == ("Niger!" if "sources" in says else "Niger")
