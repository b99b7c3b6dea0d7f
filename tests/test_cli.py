"""The command line: JSON lines per mention and per stop; bad files reported, others kept."""

import csv
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from dashboard.__main__ import main, parser

ROOT = Path(__file__).resolve().parents[1]
SEED = "seeds/niger-russia-military-cooperation.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    """Run python -m dashboard from the repository root."""
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT,
                          capture_output=True, text=True, check=False)


def test_mentions_prints_one_json_object_a_line():
    result = run("mentions", SEED)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(rows[0]) == {"doc", "start", "end", "text", "place", "country", "kind", "name",
                            "lat", "lon"}
    assert ("Nigerien", "NER", "demonym") in {(r["text"], r["country"], r["kind"]) for r in rows}


def test_itinerary_prints_the_stops_in_order():
    result = run("itinerary", SEED)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["name"] for r in rows] == ["Niamey", "Moscow", "Serbia", "Türkiye", "Iran"]
    assert {"doc", "journey", "order", "place", "country", "name", "lat", "lon", "assumed",
            "start", "end"} <= set(rows[0])


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"\x00\x01binary", "binary"), ("Niger".encode("utf-16"), "binary"),
    ("Nigérien".encode("latin-1"), "not UTF-8"),
    (b"---\ntitle: " + b"[" * 1000 + b"]" * 1000 + b"\n---\nNiger.\n", "nested too deeply"),
    (b"---\na: &a [x, x]\nb: &b [*a, *a]\ntitle: *b\n---\nNiger.\n", "aliases"),
])
def test_bad_files_are_reported_and_the_rest_processed(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("mentions", str(bad), str(tmp_path / "missing.txt"), SEED)
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and message in errors[0] and "no such file" in errors[1]
    assert "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) > 30


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = parser()._subparsers._group_actions[0].choices
    for name in commands:
        assert f"python -m dashboard {name}" in readme


DESK_ARTICLES = {
    "niamey.md": "---\ntitle: Junta in Niamey\nsource: Sahel Daily\npublished: 2024-03-05\n---\n"
                 "Niger's junta met Russian officers in Niamey.\n",
    "uranium.md": "---\ntitle: Uranium\nsource: Wire\npublished: 2024-04-20\n"
                  "url: https://wire.example/uranium\n---\n"
                  "France said the uranium mine in Niger would close.\n",
}


@dataclass
class Ran:
    """What a command run in this process returned and printed."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run_desk(monkeypatch, capsys, tmp_path: Path):
    """Return a runner of the command line in this process, its desk in tmp_path/data."""
    monkeypatch.setenv("SAHEL_DATA_DIR", str(tmp_path / "data"))
    capsys.readouterr()

    def runner(*args: str) -> Ran:
        status = main(list(args))
        printed = capsys.readouterr()
        return Ran(status, printed.out, printed.err)

    return runner


@pytest.fixture
def desk(tmp_path: Path, run_desk) -> Path:
    """Ingest two articles into a desk in tmp_path/data; return tmp_path."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, text in DESK_ARTICLES.items():
        (inbox / name).write_text(text, encoding="utf-8")
    result = run_desk("ingest", str(inbox))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "added 2, duplicates 0, unreadable 0\n"
    return tmp_path


def test_ingest_reports_duplicates_and_unreadable_inputs(desk, run_desk):
    (desk / "bad.txt").write_bytes(b"\x00\x01")
    result = run_desk("ingest", str(desk / "inbox"), str(desk / "bad.txt"),
                      str(desk / "missing.md"))
    assert result.returncode == 1
    assert result.stdout == "added 0, duplicates 2, unreadable 2\n"
    lines = result.stderr.splitlines()
    assert sorted(line.split(": ")[0] for line in lines) == ["duplicate", "duplicate", "error",
                                                            "error"]
    assert f"error: {desk / 'bad.txt'}: looks like a binary file, not text." in lines
    assert "Traceback" not in result.stderr


def test_ingest_uses_the_data_option_over_the_environment(desk, run_desk):
    other = desk / "other"
    result = run_desk("ingest", str(desk / "inbox"), "--data", str(other))
    assert result.stdout == "added 2, duplicates 0, unreadable 0\n"
    assert (other / "desk.sqlite3").is_file()


def test_export_desk_geojson_has_countries_with_passage_references(desk, run_desk):
    out = desk / "desk.geojson"
    result = run_desk("export", "--desk", "--format", "geojson", "--out", str(out))
    assert result.returncode == 0, result.stderr
    collection = json.loads(out.read_text(encoding="utf-8"))
    niger = next(f for f in collection["features"] if f["id"] == "country:NER")
    assert niger["properties"]["articles"] == 2
    refs = niger["properties"]["passages"]
    assert [(r["slug"], r["published"], r["passage"]) for r in refs] == [
        ("uranium", "2024-04-20", 0), ("niamey", "2024-03-05", 0)]
    assert refs[0]["url"] == "https://wire.example/uranium"
    assert {"start", "end", "mentions", "title"} <= set(refs[0])


@pytest.mark.parametrize("options, slugs", [
    ([], {"niamey", "uranium"}),
    (["--from", "2024-04-01"], {"uranium"}),
    (["--to", "2024-03-31", "--source", "Sahel Daily"], {"niamey"}),
    (["--query", "uranium"], {"uranium"}),
    (["--language", "en", "--from", "2025-01-01"], set()),
])
def test_export_desk_csv_is_filtered(desk, options, slugs, run_desk):
    out = desk / "desk.csv"
    result = run_desk("export", "--desk", *options, "--format", "csv", "--out", str(out))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert {row["doc"] for row in rows} == slugs
    if rows:
        assert {"published", "source", "url", "reason", "passage"} <= set(rows[0])


def test_export_desk_html_is_one_standalone_page(desk, run_desk):
    out = desk / "desk.html"
    result = run_desk("export", "--desk", "--format", "html", "--out", str(out))
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<h1>News desk</h1>" in page and "2 articles" in page and "<script src" not in page


@pytest.mark.parametrize("options, says", [
    (["--desk", "--from", "2024-13-01"], "error: --from: expected a date as YYYY-MM-DD"),
    (["--desk", "--to", "last week"], "error: --to: expected a date as YYYY-MM-DD"),
    (["--desk", "--from", "2024-05-01", "--to", "2024-04-01"], "error: --from/--to: the window"),
    (["--desk", "--source", "Nobody"], "error: --source: no article in the desk has source"),
    (["--desk", "--language", "English"], "error: --language: expected a code"),
    (["--desk", "--query", "()"], "error: --query: no word to look for"),
    (["--desk", SEED], "error: export: give a FILE or --desk, not both."),
    ([SEED, "--from", "2024-01-01"], "error: --from: only with --desk"),
    ([], "error: export: give a FILE, or --desk for the desk."),
])
def test_export_options_are_checked_in_one_line(desk, options, says, run_desk):
    result = run_desk("export", *options, "--format", "csv", "--out", str(desk / "x.csv"))
    assert result.returncode == 2
    assert result.stderr.startswith(says) and len(result.stderr.splitlines()) == 1
    assert not (desk / "x.csv").exists()


def test_a_data_folder_that_cannot_be_made_is_one_line(tmp_path, run_desk):
    (tmp_path / "file").write_text("x")
    result = run_desk("ingest", SEED, "--data", str(tmp_path / "file" / "sub"))
    assert result.returncode == 1 and result.stderr.startswith("error: ")
    assert len(result.stderr.splitlines()) == 1


def test_the_desk_commands_run_as_a_module(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Niger and Mali met in Bamako.", encoding="utf-8")
    env = {**os.environ, "SAHEL_DATA_DIR": str(tmp_path / "data")}
    for args in (["ingest", str(inbox)], ["export", "--desk", "--format", "csv", "--out",
                                          str(tmp_path / "a.csv")]):
        result = subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env=env,
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
    assert "Bamako" in (tmp_path / "a.csv").read_text(encoding="utf-8")
