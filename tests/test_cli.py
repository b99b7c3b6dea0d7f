"""The command line: JSON lines per mention and per stop; bad files reported, others kept."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.__main__ import parser

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
