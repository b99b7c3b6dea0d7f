"""The desk's SQLite file: opening it (WAL, migrations), transactional writes that recognise
duplicates and keep slugs unique, and any article back as its Document and Analysis."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from .. import documents
from ..analysis import Analysis, parser_version
from ..lexicon import lexicon_for
from ..models import Document
from . import schema
from .rows import (
    ARTICLE_COLUMNS,
    MENTION_COLUMNS,
    STOP_COLUMNS,
    Prepared,
    Seen,
    analysis_from,
    document_from,
)

ROOT = Path(__file__).resolve().parents[3]
DATA_ENV = "SAHEL_DATA_DIR"
FILE_NAME = "desk.sqlite3"
ANALYSIS_TABLES = ("passages", "mentions", "journeys", "stops", "article_places")
BUSY_TIMEOUT_MS = 60_000  # another process's batch holds the write lock for well under a second


class DeskError(RuntimeError):
    """A desk that cannot be opened or has no such article; the message says which and why."""


@dataclass
class Written:
    """What one write did: the slugs added, one message per duplicate, and the slug each
    item's name now stands for (its own, or the article it duplicates)."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    slugs: dict[str, str] = field(default_factory=dict)


def data_dir(explicit: str | Path | None = None) -> Path:
    """Return the data folder: the one given, else $SAHEL_DATA_DIR, else <repo>/data."""
    chosen = explicit or os.environ.get(DATA_ENV) or ROOT / "data"
    return Path(chosen).expanduser()


def open_store(folder: str | Path | None = None) -> Store:
    """Open (creating if needed) the desk in a data folder; raise DeskError saying why not."""
    folder = data_dir(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DeskError(f"{folder}: cannot make the data folder ({error.strerror}).") from None
    if not folder.is_dir():
        raise DeskError(f"{folder}: not a folder.")
    return Store(folder / FILE_NAME)


class Store:
    """One desk file; each thread gets its own connection (Streamlit serves sessions on
    threads)."""

    def __init__(self, path: str | Path) -> None:
        """Open the file, switch it to WAL and bring its schema up to date."""
        self.path = Path(path)
        self._local = threading.local()
        try:
            schema.migrate(self.conn)
        except (sqlite3.DatabaseError, schema.SchemaError) as error:
            self.close()
            raise DeskError(f"{self.path}: cannot be opened as a desk ({error}).") from None

    @property
    def conn(self) -> sqlite3.Connection:
        """Return this thread's connection (autocommit: writes go through write())."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                                   check_same_thread=False)
            for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON",
                           f"busy_timeout = {BUSY_TIMEOUT_MS}", "temp_store = MEMORY",
                           "cache_size = -32000"):
                conn.execute(f"PRAGMA {pragma}")
            self._local.conn = conn
        return conn

    def close(self) -> None:
        """Close this thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """Run a block as one transaction holding the write lock from its start."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:  # SQLite ends some failed transactions itself
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # ------------------------------------------------------------ writes

    def add(self, items: Iterable[Prepared | Seen], replaces: dict[str, str] | None = None,
            on_each: Callable[[], None] | None = None) -> Written:
        """Add analysed articles in one transaction; duplicates (same body or same URL) are
        reported, never added. replaces maps an item's name to the slug of the article it
        replaces (a changed file). on_each() runs after each item, inside the transaction."""
        written, replaces = Written(), replaces or {}
        with self.write() as conn:
            for item in items:
                old = replaces.get(item.name)
                existing = self._duplicate_of(conn, item, old)
                if existing:
                    written.duplicates.append(f"{item.name}: already in the desk as {existing}")
                    written.slugs[item.name] = existing
                elif isinstance(item, Prepared):
                    if old:
                        conn.execute("DELETE FROM articles WHERE slug = ?", (old,))
                    slug = self._insert(conn, item, old)
                    written.added.append(slug)
                    written.slugs[item.name] = slug
                else:  # seen before the analysis, gone since: another process replaced it
                    written.duplicates.append(f"{item.name}: was in the desk when the ingest "
                                              "began and has been replaced since; left out")
                if on_each:
                    on_each()
        return written

    def _duplicate_of(self, conn: sqlite3.Connection, item: Prepared | Seen,
                      other_than: str | None = None) -> str | None:
        """Return the slug of another article with the same body or the same URL, if any."""
        row = conn.execute(
            "SELECT slug FROM articles WHERE (content_hash = ? OR url_key = ?) AND slug IS NOT ?",
            (item.content_hash, item.url_key, other_than)).fetchone()
        return row[0] if row else None

    def _insert(self, conn: sqlite3.Connection, item: Prepared, slug: str | None = None) -> str:
        """Insert one article and its analysis under a free slug (or the one given); return it."""
        slug = slug or self._free_slug(conn, str(item.article["slug"]))
        values = {**item.article, "slug": slug}
        names = ", ".join(ARTICLE_COLUMNS)
        cursor = conn.execute(
            f"INSERT INTO articles ({names}, added) VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))}"
            ", ?)", [values[c] for c in ARTICLE_COLUMNS] + [_now()])
        self._insert_analysis(conn, cursor.lastrowid, item)
        return slug

    def _insert_analysis(self, conn: sqlite3.Connection, article: int, item: Prepared) -> None:
        """Insert the passages, mentions, journeys and stops of an article."""
        tables = (("passages", ("idx", "start", '"end"', "sentences"), item.passages),
                  ("mentions", MENTION_COLUMNS, item.mentions),
                  ("journeys", ("idx", "traveller"), item.journeys),
                  ("stops", STOP_COLUMNS, item.stops),
                  ("article_places", ("place", "kind", "mentions", "day"),
                   [(*row, item.article["day"]) for row in item.places]))
        for table, columns, rows in tables:
            if rows:
                marks = ", ".join("?" * (len(columns) + 1))
                conn.executemany(f"INSERT INTO {table} (article, {', '.join(columns)}) "
                                 f"VALUES ({marks})", [(article, *row) for row in rows])

    def _free_slug(self, conn: sqlite3.Connection, slug: str) -> str:
        """Return slug, or slug-2, slug-3 … whichever is not taken yet."""
        if conn.execute("SELECT 1 FROM articles WHERE slug = ?", (slug,)).fetchone() is None:
            return slug
        taken = {row[0] for row in conn.execute(
            "SELECT slug FROM articles WHERE slug = ? OR slug GLOB ?",
            (slug, slug.replace("[", "[[]").replace("*", "[*]").replace("?", "[?]") + "-[0-9]*"))}
        if slug not in taken:
            return slug
        number = 2
        while f"{slug}-{number}" in taken:
            number += 1
        return f"{slug}-{number}"

    def replace_analyses(self, items: Iterable[Prepared]) -> int:
        """Replace stored articles' analyses (found by slug) in one transaction; return how many
        were still there to replace."""
        replaced = 0
        with self.write() as conn:
            for item in items:
                row = conn.execute("SELECT id FROM articles WHERE slug = ?",
                                   (item.article["slug"],)).fetchone()
                if row is None:
                    continue  # removed meanwhile (a changed seed file replaced it)
                for table in ANALYSIS_TABLES:
                    conn.execute(f"DELETE FROM {table} WHERE article = ?", (row[0],))
                self._insert_analysis(conn, row[0], item)
                conn.execute("UPDATE articles SET parser_version = ? WHERE id = ?",
                             (item.article["parser_version"], row[0]))
                replaced += 1
        return replaced

    def record_files(self, rows: Iterable[tuple[str, str, str | None, str]]) -> None:
        """Remember files of a synced folder: (path, hash of its bytes, slug or None, problem)."""
        with self.write() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO files (path, hash, article, problem) "
                "VALUES (?, ?, (SELECT id FROM articles WHERE slug = ?), ?)", rows)

    # ------------------------------------------------------------ reads

    def files(self) -> dict[str, tuple[str, str | None, str]]:
        """Return the synced files: path → (hash, slug of its article or None, problem)."""
        return {path: (digest, slug, problem) for path, digest, slug, problem in self.conn.execute(
            "SELECT f.path, f.hash, a.slug, f.problem FROM files f "
            "LEFT JOIN articles a ON a.id = f.article")}

    def _id(self, conn: sqlite3.Connection, slug: str) -> int:
        """Return an article's id, or raise DeskError."""
        row = conn.execute("SELECT id FROM articles WHERE slug = ?", (slug,)).fetchone()
        if row is None:
            raise DeskError(f"{slug}: no such article in the desk.")
        return row[0]

    def known(self) -> tuple[frozenset[str], frozenset[str]]:
        """Return the content hashes and URL keys already in the desk."""
        rows = self.conn.execute("SELECT content_hash, url_key FROM articles").fetchall()
        return frozenset(r[0] for r in rows), frozenset(r[1] for r in rows if r[1])

    def stale(self) -> list[str]:
        """Return the slugs of articles analysed by another parser version."""
        return [row[0] for row in self.conn.execute(
            "SELECT slug FROM articles WHERE parser_version != ? ORDER BY id",
            (parser_version(),))]

    def document(self, slug: str, split_again: bool = False) -> Document:
        """Return a stored article as the Document documents.parse made of it (split_again:
        with passages from today's documents.split_passages, for a new analysis)."""
        conn = self.conn
        article = self._id(conn, slug)
        names = ", ".join(ARTICLE_COLUMNS)
        row = conn.execute(f"SELECT {names} FROM articles WHERE id = ?", (article,)).fetchone()
        fields = dict(zip(ARTICLE_COLUMNS, row, strict=True))
        if split_again:
            lexicon = lexicon_for(fields["language"])
            return replace(document_from(fields, []), passages=documents.split_passages(
                fields["text"], fields["body"], lexicon))
        passages = conn.execute('SELECT idx, start, "end", sentences FROM passages '
                                "WHERE article = ? ORDER BY idx", (article,)).fetchall()
        return document_from(fields, passages)

    def analysis(self, slug: str) -> Analysis:
        """Return a stored article's Analysis, as analyse() gave it, without parsing again."""
        doc = self.document(slug)
        conn, article = self.conn, self._id(self.conn, slug)
        mentions = conn.execute(f"SELECT {', '.join(MENTION_COLUMNS)} FROM mentions "
                                "WHERE article = ? ORDER BY rowid", (article,)).fetchall()
        journeys = conn.execute("SELECT idx, traveller FROM journeys WHERE article = ? "
                                "ORDER BY idx", (article,)).fetchall()
        stops = conn.execute(f"SELECT {', '.join(STOP_COLUMNS)} FROM stops WHERE article = ? "
                             "ORDER BY rowid", (article,)).fetchall()
        return analysis_from(doc, mentions, journeys, stops)


def _now() -> str:
    """Return the current UTC time, ISO 8601 to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")
