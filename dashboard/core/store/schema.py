"""The desk's tables, and the ordered migrations that bring any older file up to date."""

from __future__ import annotations

import sqlite3

# One entry per schema version: MIGRATIONS[n] takes a file from version n to n + 1 (PRAGMA
# user_version). Never edit a released entry; append a new one.
V1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT NOT NULL,
    url_key TEXT,                    -- the URL normalised for duplicates; NULL without one
    published TEXT NOT NULL,         -- as the article gives it
    day TEXT,                        -- its date, YYYY-MM-DD; NULL when unknown
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    body INTEGER NOT NULL,           -- where the body starts, after any front matter
    content_hash TEXT NOT NULL UNIQUE,
    added TEXT NOT NULL,             -- when it entered the desk (UTC, ISO)
    origin TEXT NOT NULL,            -- the file or URL it was read from
    parser_version TEXT NOT NULL     -- analysis.parser_version() of its analysis
);
CREATE UNIQUE INDEX articles_url_key ON articles (url_key);
CREATE INDEX articles_day ON articles (day, id);
CREATE INDEX articles_source ON articles (source, day);
CREATE INDEX articles_language ON articles (language, day);
CREATE INDEX articles_parser ON articles (parser_version);

CREATE TABLE passages (
    article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentences TEXT NOT NULL,         -- "start end" pairs, comma-separated
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE mentions (
    article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    place TEXT NOT NULL,
    country TEXT,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    lat REAL,
    lon REAL,
    reason TEXT NOT NULL,
    passage INTEGER                  -- the passage's idx; NULL outside every passage
);
CREATE INDEX mentions_article ON mentions (article, passage);
CREATE INDEX mentions_place ON mentions (place, article);
CREATE INDEX mentions_country ON mentions (country, article);

CREATE TABLE journeys (
    article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    traveller TEXT NOT NULL,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE stops (
    article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    journey INTEGER NOT NULL,
    "order" INTEGER NOT NULL,
    place TEXT NOT NULL,
    country TEXT,
    name TEXT NOT NULL,
    city TEXT NOT NULL,
    city_name TEXT NOT NULL,
    lat REAL,
    lon REAL,
    assumed INTEGER NOT NULL,
    inferred INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL
);
CREATE INDEX stops_article ON stops (article, journey);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2"
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
"""

# Version 2: what each article names (for counts and lists without reading every mention), and
# the files of a synced folder (seeds/) with the hash they had when read.
V2 = """
CREATE TABLE article_places (
    article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    place TEXT NOT NULL,             -- ISO3, grouping or region id, gn:<id>, admin id
    kind TEXT NOT NULL,              -- the place's: country, grouping, region, city, admin
    day TEXT,                        -- the article's, repeated here for window queries
    mentions INTEGER NOT NULL,       -- how many of its mentions count for the place
    PRIMARY KEY (place, article)
) WITHOUT ROWID;
CREATE INDEX article_places_article ON article_places (article);
CREATE INDEX article_places_window ON article_places (kind, day, place);
CREATE INDEX article_places_newest ON article_places (place, day, article);
INSERT INTO article_places (article, place, kind, day, mentions)
SELECT named.article, named.place, min(named.kind), articles.day, count(*)
FROM (
    SELECT article, coalesce(country, place) AS place,
           CASE WHEN country IS NULL THEN kind ELSE 'country' END AS kind
    FROM mentions
    UNION ALL
    SELECT article, place, CASE kind WHEN 'admin' THEN 'admin' ELSE 'city' END
    FROM mentions WHERE country IS NOT NULL AND place != country
) AS named JOIN articles ON articles.id = named.article
GROUP BY named.article, named.place;

CREATE TABLE files (
    path TEXT PRIMARY KEY,           -- resolved path of a file in a synced folder
    hash TEXT NOT NULL,              -- of its bytes when last read
    article INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    problem TEXT NOT NULL DEFAULT '' -- why it could not be read, if it could not
);
"""

# Version 3: search the body only (front matter is the article's metadata, not its words: a
# snippet from it showed "---" and the URL); the title stays searchable on its own.
V3 = """
ALTER TABLE articles ADD COLUMN words TEXT GENERATED ALWAYS AS (substr(text, body + 1)) VIRTUAL;
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, words, content = 'articles', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2"
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, words) VALUES (new.id, new.title, new.words);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, words)
    VALUES ('delete', old.id, old.title, old.words);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, words)
    VALUES ('delete', old.id, old.title, old.words);
    INSERT INTO articles_fts (rowid, title, words) VALUES (new.id, new.title, new.words);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
"""

# Version 4: a stop says whether the leg to it is planned ("will travel to Serbia") or made.
V4 = """
ALTER TABLE stops ADD COLUMN planned INTEGER NOT NULL DEFAULT 0;
"""

MIGRATIONS: tuple[str, ...] = (V1, V2, V3, V4)
VERSION = len(MIGRATIONS)


class SchemaError(RuntimeError):
    """A desk file this version cannot use; the message says why."""


def version(conn: sqlite3.Connection) -> int:
    """Return a desk file's schema version (0 for a new, empty file)."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = VERSION) -> int:
    """Bring a desk file up to a schema version; return the version it had."""
    conn.execute("BEGIN IMMEDIATE")  # one process migrates; the others wait, then see it done
    try:
        found = version(conn)
        if found > VERSION:
            raise SchemaError(f"made by a newer version of the dashboard (schema {found}; "
                              f"this one knows up to {VERSION}).")
        for number in range(found, target):
            for statement in split_statements(MIGRATIONS[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found


def split_statements(script: str) -> list[str]:
    """Split a migration into complete statements (executescript would commit on its own)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement in a migration: {pending.strip()[:60]!r}")
    return statements
