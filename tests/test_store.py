"""The desk's SQLite file: exact round trips, duplicates, unique slugs, migrations, and writes
that survive a crash half-way and two ingests at once."""

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dashboard.core import documents
from dashboard.core.analysis import analyse, parser_version
from dashboard.core.ingest import ingest, reanalyse
from dashboard.core.store import DeskError, Store, open_store, prepare, schema

ROOT = Path(__file__).resolve().parents[1]

ARTICLES = {
    "niamey.md": "---\ntitle: Junta in Niamey\nsource: Sahel Daily\npublished: 2024-03-05\n"
                 "url: https://example.org/niamey\n---\n"
                 "Niger's junta met Russian officers in Niamey.\n\n"
                 "Wagner fighters were seen near Tillabéri, residents said.\n\n"
                 "Mali and Burkina Faso, partners in the Alliance of Sahel States, welcomed it.\n",
    "uranium.md": "---\ntitle: Uranium\nsource: Wire\npublished: 2024-03-20\n---\n"
                  "France said the uranium mine at Arlit in Niger would close.\n\n"
                  "Officials in Paris and Niamey did not comment.\n",
    "kidal.txt": "Mali's army retook Kidal\n\nThe army of Mali said it held Kidal. Algeria "
                 "called for talks.\n",
}


def parsed(name: str, text: str) -> documents.Document:
    """Return the Document documents.parse makes of a test article."""
    return documents.parse(name, text, name)


def add(store: Store, name: str, text: str):
    """Analyse one article and write it; return what the write did."""
    return store.add([prepare(analyse(parsed(name, text)), name)])


@pytest.fixture
def store(tmp_path) -> Store:
    """Return an empty desk in a temporary folder."""
    return open_store(tmp_path / "data")


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_an_article_comes_back_as_parse_and_analyse_made_it(store, name):
    add(store, name, ARTICLES[name])
    doc = parsed(name, ARTICLES[name])
    assert store.document(doc.slug) == doc
    assert store.document(doc.slug, split_again=True) == doc
    assert store.analysis(doc.slug) == analyse(doc)


def test_the_file_is_in_wal_mode_at_the_current_schema(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert schema.version(store.conn) == schema.VERSION


@pytest.mark.parametrize("first, second, duplicate", [
    ("Niger and Mali met.", "Niger and Mali met.", True),
    ("Niger and Mali met.", "  Niger   and\nMali met.\n", True),  # white space is not content
    ("Niger and Mali met.", "---\ntitle: Other title\n---\nNiger and Mali met.", True),
    ("Niger and Mali met.", "Niger and Chad met.", False),
    ("---\nurl: https://x.org/a\n---\nNiger.", "---\nurl: https://X.org/a/#top\n---\nChad.", True),
    ("---\nurl: https://x.org/a\n---\nNiger.", "---\nurl: https://x.org/b\n---\nChad.", False),
])
def test_same_body_or_same_url_is_a_duplicate_never_added_twice(store, first, second,
                                                                duplicate):
    add(store, "one.md", first)
    written = add(store, "two.md", second)
    assert (written.duplicates == ["two.md: already in the desk as one"]) is duplicate
    assert written.added == ([] if duplicate else ["two"])


def test_slugs_stay_unique(store):
    added = [add(store, "report.txt", f"Report {n} on Niger.").added[0] for n in range(3)]
    added.append(add(store, "report-2.txt", "Another on Mali.").added[0])
    assert added == ["report", "report-2", "report-3", "report-2-2"]
    assert add(store, "report[1].txt", "One on Chad.").added == ["report-1"]


def test_a_failing_write_leaves_the_desk_as_it_was(store):
    add(store, "kidal.txt", ARTICLES["kidal.txt"])
    before = store.conn.execute("SELECT count(*) FROM mentions").fetchone()

    def fail():
        raise RuntimeError("disk on fire")

    items = [prepare(analyse(parsed(n, ARTICLES[n])), n) for n in ("niamey.md", "uranium.md")]
    with pytest.raises(RuntimeError):
        store.add(items, on_each=fail)
    assert [r[0] for r in store.conn.execute("SELECT slug FROM articles")] == ["kidal"]
    assert store.conn.execute("SELECT count(*) FROM mentions").fetchone() == before
    assert add(store, "niamey.md", ARTICLES["niamey.md"]).added == ["niamey"]


def write_articles(folder: Path, numbers: range) -> Path:
    """Write small distinct articles numbered as given into a folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        (folder / f"report-{n:02d}.txt").write_text(
            f"Report {n} from Niamey.\n\nNiger and Mali met in Bamako on day {n}.\n",
            encoding="utf-8")
    return folder


def run_python(code: str, *args: str) -> subprocess.Popen:
    """Start a Python child process in the repository running some code."""
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


CRASH = """
    import os, signal, sys
    from dashboard.core.ingest import ingest
    from dashboard.core.store import desk, open_store
    inserted, insert = [0], desk.Store._insert
    def insert_then_crash(self, *args):
        inserted[0] += 1
        if inserted[0] == 7:  # the third batch of three, half-way through
            os.kill(os.getpid(), signal.SIGKILL)
        return insert(self, *args)
    desk.Store._insert = insert_then_crash
    ingest(open_store(sys.argv[1]), [sys.argv[2]], workers=1, batch=3)
"""


def test_a_crash_half_way_through_an_ingest_keeps_every_committed_article(tmp_path):
    folder = write_articles(tmp_path / "in", range(12))
    child = run_python(CRASH, str(tmp_path / "data"), str(folder))
    child.communicate(timeout=120)
    assert child.returncode == -9
    store = open_store(tmp_path / "data")
    conn = store.conn
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    slugs = [r[0] for r in conn.execute("SELECT slug FROM articles ORDER BY slug")]
    assert slugs == [f"report-{n:02d}" for n in range(6)]
    for slug in slugs:
        path = folder / f"{slug}.txt"
        assert store.analysis(slug) == analyse(documents.load(path))
    assert ingest(store, [str(folder)], workers=1).added == [f"report-{n:02d}"
                                                             for n in range(6, 12)]


CONCURRENT = """
    import sys, time
    from pathlib import Path
    from dashboard.core.ingest import ingest
    from dashboard.core.store import open_store
    store = open_store(sys.argv[1])
    while not Path(sys.argv[3]).exists():
        time.sleep(0.01)
    report = ingest(store, [sys.argv[2]], workers=1, batch=1)
    print(len(report.added), len(report.duplicates), len(report.problems))
"""


def test_two_ingests_at_once_add_each_article_once(tmp_path):
    first = write_articles(tmp_path / "first", range(0, 12))
    second = write_articles(tmp_path / "second", range(6, 18))
    open_store(tmp_path / "data").close()  # created once; both children open it
    go = tmp_path / "go"
    children = [run_python(CONCURRENT, str(tmp_path / "data"), str(folder), str(go))
                for folder in (first, second)]
    go.touch()
    outputs = [child.communicate(timeout=180) for child in children]
    for child, (_out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0 and err == "", err
    counts = [tuple(map(int, out.split())) for out, _ in outputs]
    assert sum(added for added, _, _ in counts) == 18
    assert sum(duplicates for _, duplicates, _ in counts) == 6
    conn = open_store(tmp_path / "data").conn
    assert conn.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles"
                        ).fetchone() == (18, 18)


def test_a_newer_or_foreign_file_is_refused_with_a_reason(tmp_path):
    newer = tmp_path / "newer.sqlite3"
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    with pytest.raises(DeskError, match="newer version"):
        Store(newer)
    foreign = tmp_path / "foreign.sqlite3"
    foreign.write_bytes(b"this is not a database, only text" * 100)
    with pytest.raises(DeskError, match="cannot be opened as a desk .file is not a database"):
        Store(foreign)


def test_data_folder_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(DeskError, match="data folder|not a folder"):
        open_store(tmp_path / "file")


def test_reanalyse_redoes_only_what_an_older_parser_made(store):
    for name, text in ARTICLES.items():
        add(store, name, text)
    conn = store.conn
    conn.execute("UPDATE articles SET parser_version = 'older' WHERE slug = 'uranium'")
    conn.execute("DELETE FROM mentions WHERE article = "
                 "(SELECT id FROM articles WHERE slug = 'uranium')")
    untouched = conn.execute("SELECT rowid FROM mentions ORDER BY rowid").fetchall()
    assert store.stale() == ["uranium"]
    assert reanalyse(store, workers=1) == 1
    assert store.stale() == []
    assert conn.execute("SELECT rowid FROM mentions WHERE rowid <= ? ORDER BY rowid",
                        (untouched[-1][0],)).fetchall() == untouched
    assert store.analysis("uranium") == analyse(parsed("uranium.md", ARTICLES["uranium.md"]))


def test_parser_version_is_a_digest_of_the_parser_and_its_geodata():
    from dashboard.core.analysis import parser_files

    names = {path.name for path in parser_files()}
    assert {"parser.py", "en.py", "kinds.py", "itinerary.py", "documents.py", "gazetteer.py",
            "models.py",
            "analysis.py", "gazetteer.json", "gazetteer.cities.tsv", "groupings.json",
            "common_words.txt", "given_names.txt"} <= names
    assert len(parser_version()) == 16 and parser_version() == parser_version()


def test_the_data_folder_follows_the_environment(tmp_path, monkeypatch):
    from dashboard.core.store import data_dir

    monkeypatch.setenv("SAHEL_DATA_DIR", str(tmp_path / "env"))
    assert data_dir() == tmp_path / "env"
    assert data_dir(tmp_path / "flag") == tmp_path / "flag"
    monkeypatch.delenv("SAHEL_DATA_DIR")
    assert data_dir() == ROOT / "data"


def test_each_thread_has_its_own_connection(store):
    import threading

    seen = []
    thread = threading.Thread(target=lambda: seen.append(store.conn))
    thread.start()
    thread.join()
    assert seen[0] is not store.conn
