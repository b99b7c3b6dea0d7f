"""A missing or damaged geodata file is named, with what to run; never a traceback."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.core import gazetteer
from dashboard.core.layers import read_countries

ROOT = Path(__file__).resolve().parents[1]
FILES = ("gazetteer.json", "gazetteer.cities.tsv", "groupings.json", "common_words.txt",
         "given_names.txt")


@pytest.fixture
def geodata(tmp_path: Path) -> Path:
    """A copy of the committed geodata to break."""
    folder = tmp_path / "geodata"
    shutil.copytree(ROOT / "geodata", folder, ignore=shutil.ignore_patterns(".cache", "make"))
    return folder


@pytest.mark.parametrize("name", FILES)
def test_a_missing_file_is_named_with_what_to_run(geodata, name):
    (geodata / name).unlink()
    with pytest.raises(gazetteer.GeodataError) as error:
        gazetteer.load(geodata)
    assert str(error.value) == (f"geodata/{name} is missing: run `python geodata/build.py` "
                                f"to rebuild it.")


@pytest.mark.parametrize("name, content, says", [
    ("gazetteer.json", "{not json", "not JSON"),
    ("gazetteer.json", "[]", "not an object"),
    ("gazetteer.json", '{"countries": [{"name": "x"}]}', "KeyError"),
    ("groupings.json", '{"groupings": 3}', "TypeError"),
    ("gazetteer.cities.tsv", "city\tname\n", "expected the columns"),
    ("gazetteer.json", b"\xff\xfe".decode("latin-1"), "not JSON"),
])
def test_a_damaged_file_is_named_with_what_to_run(geodata, name, content, says):
    (geodata / name).write_text(content, encoding="utf-8")
    with pytest.raises(gazetteer.GeodataError) as error:
        gazetteer.load(geodata)
    message = str(error.value)
    assert message.startswith(f"geodata/{name} is ") and says in message
    assert message.endswith("run `python geodata/build.py` to rebuild it.")


@pytest.mark.parametrize("content", [None, "{\"type\": \"FeatureCollection\", \"features\": 7}"])
def test_the_country_polygons_missing_or_damaged_are_named(geodata, content):
    path = geodata / "countries.geojson"
    if content is None:
        path.unlink()
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(gazetteer.GeodataError, match=r"^geodata/countries\.geojson is "):
        read_countries(path)


def test_the_command_line_says_one_line_and_goes_no_further(tmp_path):
    (tmp_path / "geodata").mkdir()  # an empty geodata folder
    probe = ("import functools, sys; from dashboard.core import gazetteer; "
             f"gazetteer.load = functools.partial(gazetteer.load, {str(tmp_path / 'geodata')!r}); "
             "from dashboard.__main__ import guarded; "
             "sys.exit(guarded(['mentions', 'seeds/niger-russia-military-cooperation.txt']))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines() == [
        "error: geodata/common_words.txt is missing: run `python geodata/build.py` to "
        "rebuild it."]
