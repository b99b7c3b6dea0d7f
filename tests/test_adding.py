"""What a visitor adds from the page: kept for their visit (or put on the desk when the server
says so), duplicates said, unreadable files named as the visitor knows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.core import ingest
from dashboard.core.store import open_store
from dashboard.ui import adding, data, library

DESK = Path(__file__).resolve().parent / "corpora" / "desk"
NEW = "---\ntitle: Talks in Bamako\nsource: Wire\n---\nMali and Niger met in Bamako.\n"
OTHER = "Second report\n\nChad's envoy flew to Niamey on Sunday.\n"


@pytest.fixture()
def desk(tmp_path, monkeypatch):
    """A desk of two corpus articles, read by the page's data layer; a visit's own state."""
    folder = tmp_path / "desk"
    store = open_store(folder)
    ingest.ingest(store, [str(DESK / "01-niamey-uranium.md"), str(DESK / "04-chad-elections.md")],
                  workers=1)
    store.close()
    monkeypatch.setenv("SAHEL_DATA_DIR", str(folder))
    monkeypatch.setattr(data, "SEEDS", tmp_path / "no-seeds")
    monkeypatch.setattr(adding.st, "session_state", {})
    monkeypatch.setattr(library.st, "session_state", adding.st.session_state)
    data.desk.clear()
    yield folder
    data.desk.clear()


def files(tmp_path: Path, named: dict[str, bytes]) -> tuple[list[str], dict[str, str]]:
    """Write uploaded files where the page would; return their paths and the visitor's names."""
    upload = tmp_path / "upload"
    upload.mkdir()
    paths = {}
    for name, content in named.items():
        path = upload / adding.safe_name(name)
        path.write_bytes(content)
        paths[str(path)] = name
    return list(paths), paths


def test_a_visit_keeps_new_articles_and_says_which_it_already_had(desk, tmp_path, monkeypatch):
    monkeypatch.delenv(adding.MODE_ENV, raising=False)
    inputs, names = files(tmp_path, {
        "talks.md": NEW.encode(), "second.txt": OTHER.encode(),
        "copy of the uranium story.md": (DESK / "01-niamey-uranium.md").read_bytes(),
        "photo.txt": b"\x89PNG\x00\x01"})
    report = adding.add(inputs, adding.Added(), names)
    assert sorted(report.added) == ["upload-second", "upload-talks"]
    assert report.duplicates == ["copy of the uranium story.md: already on the desk."]
    assert len(report.problems) == 1 and report.problems[0].startswith("photo.txt: ")
    assert str(tmp_path) not in report.problems[0]
    assert set(library.uploads()) == {"upload-talks", "upload-second"}
    again = adding.add(inputs[:1], adding.Added(), names)
    assert again.added == [] and again.duplicates == ["talks.md: already added in this visit."]
    store = data.desk().store
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2  # unchanged


def test_a_shared_desk_takes_what_visitors_add(desk, tmp_path, monkeypatch):
    monkeypatch.setenv(adding.MODE_ENV, "shared")
    inputs, names = files(tmp_path, {"talks.md": NEW.encode(),
                                     "again.md": (DESK / "04-chad-elections.md").read_bytes()})
    report = adding.add(inputs, adding.Added(), names)
    assert report.added == ["talks"] and len(report.duplicates) == 1
    assert "already in the desk" in report.duplicates[0]
    assert data.desk().store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert library.uploads() == {}


@pytest.mark.parametrize("name, safe", [
    ("../../etc/passwd.txt", "passwd.txt"), (".hidden.md", "hidden.md"), ("", "article.txt"),
])
def test_an_uploaded_name_is_a_plain_file_name(name, safe):
    assert adding.safe_name(name) == safe
