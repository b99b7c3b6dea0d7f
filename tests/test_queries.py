"""The desk's questions, on five tiny articles: counts per place and period, a place's
passages, what is named beside it, facets, full-text search (with and without accents), the
filter's checks, a migration from schema 1, and the seeds folder kept in sync."""

import sqlite3
from datetime import date

import pytest

from dashboard.core import documents
from dashboard.core.analysis import analyse
from dashboard.core.ingest import SEEDS, ingest, open_desk, sync_folder
from dashboard.core.store import (
    Filter,
    Store,
    articles,
    co_mentions,
    facet,
    open_store,
    place_counts,
    place_passages,
    place_timeline,
    prepare,
    schema,
    search,
    timeline,
)
from dashboard.core.store.rows import ARTICLE_COLUMNS, MENTION_COLUMNS, place_rows

ARTICLES = {
    "niamey-junta.md": "---\ntitle: Junta in Niamey\nsource: Sahel Daily\npublished: 2024-03-05\n"
                       "url: https://example.org/niamey\n---\n"
                       "Niger's junta met Russian officers in Niamey.\n\n"
                       "Wagner fighters were seen near Tillabéri, residents said.\n\n"
                       "Mali and Burkina Faso, partners in the Alliance of Sahel States, "
                       "welcomed it.\n",
    "uranium.md": "---\ntitle: Uranium mine to close\nsource: Wire\npublished: 2024-03-20\n---\n"
                  "France said the uranium mine at Arlit in Niger would close.\n\n"
                  "Officials in Paris and Niamey did not comment.\n",
    "kidal.md": "---\ntitle: Kidal retaken\nsource: Sahel Daily\npublished: 2024-04-02\n"
                "language: fr\n---\nMali's army retook Kidal.\n\nAlgeria called for talks with "
                "Mali.\n",
    "undated.txt": "Chad and Niger closed the border.\n\nSudan was not consulted.\n",
    "older.md": "---\ntitle: Uranium quarrel\nsource: Wire\npublished: 2023-12-30\n---\n"
                "Niger and France argued over uranium.\n\nNothing else happened.\n",
}
NIAMEY, ARLIT, PARIS = "gn:2440485", "gn:2447513", "gn:2988507"
TILLABERI, KIDAL = "gn:2438678", "gn:2455290"  # the towns (their regions share the names)
MARCH = Filter(date(2024, 3, 1), date(2024, 3, 31))


@pytest.fixture(scope="module")
def desk(tmp_path_factory) -> Store:
    """Return a desk holding the five articles."""
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = open_store(tmp_path_factory.mktemp("data"))
    assert len(ingest(store, [str(folder)], workers=1).added) == 5
    return store


def counts(rows) -> list[tuple]:
    """Return Count rows as (key, count) pairs."""
    return [(row.key, row.count) for row in rows]


@pytest.mark.parametrize("flt, kinds, expected", [
    (Filter(), None, [("NER", 4), ("FRA", 2), ("MLI", 2), ("AES", 1), ("BFA", 1), ("DZA", 1),
                      ("RUS", 1), ("SDN", 1), ("TCD", 1)]),
    (MARCH, None, [("NER", 2), ("AES", 1), ("BFA", 1), ("FRA", 1), ("MLI", 1), ("RUS", 1)]),
    (Filter(sources=("Wire",)), None, [("FRA", 2), ("NER", 2)]),
    (Filter(languages=("fr",)), None, [("DZA", 1), ("MLI", 1)]),
    (Filter(query="uranium"), None, [("FRA", 2), ("NER", 2)]),
    (Filter(query="Tillaberi"), None, [("AES", 1), ("BFA", 1), ("MLI", 1), ("NER", 1),
                                       ("RUS", 1)]),
    (Filter(place="AES"), None, [("AES", 1), ("BFA", 1), ("MLI", 1), ("NER", 1), ("RUS", 1)]),
    (Filter(place=PARIS), None, [("FRA", 1), ("NER", 1)]),
    (Filter(), ("city",), [(NIAMEY, 2), (TILLABERI, 1), (ARLIT, 1), (KIDAL, 1), (PARIS, 1)]),
    (Filter(), ("admin",), []),
    (Filter(date_from=date(2025, 1, 1)), None, []),
])
def test_place_counts_are_articles_per_place(desk, flt, kinds, expected):
    rows = place_counts(desk, flt, kinds) if kinds else place_counts(desk, flt)
    assert counts(rows) == expected


def test_place_counts_also_sum_mentions(desk):
    rows = {row.key: row.mentions for row in place_counts(desk)}
    assert (rows["NER"], rows["MLI"], rows["FRA"]) == (8, 4, 3)


@pytest.mark.parametrize("flt, by, expected", [
    (Filter(), "month", [("2023-12-01", 1), ("2024-01-01", 0), ("2024-02-01", 0),
                         ("2024-03-01", 2), ("2024-04-01", 1)]),
    (MARCH, "week", [("2024-02-26", 0), ("2024-03-04", 1), ("2024-03-11", 0),
                     ("2024-03-18", 1), ("2024-03-25", 0)]),
    (Filter(sources=("Wire",)), "month", [("2023-12-01", 1), ("2024-01-01", 0),
                                          ("2024-02-01", 0), ("2024-03-01", 1)]),
    (Filter(date(2024, 4, 1), date(2024, 4, 3)), "day", [("2024-04-01", 0), ("2024-04-02", 1),
                                                         ("2024-04-03", 0)]),
    (Filter(query="nothing-like-this"), "day", []),
])
def test_timeline_counts_dated_articles_per_period(desk, flt, by, expected):
    assert counts(timeline(desk, flt, by)) == expected


def test_a_place_timeline_counts_its_articles_and_mentions(desk):
    rows = place_timeline(desk, "NER", Filter(), "month")
    assert [(r.key, r.count, r.mentions) for r in rows] == [
        ("2023-12-01", 1, 1), ("2024-01-01", 0, 0), ("2024-02-01", 0, 0), ("2024-03-01", 2, 6)]


def test_a_place_passages_come_grouped_by_article_newest_first(desk):
    page = place_passages(desk, "NER")
    assert page.total == 4
    assert [(a.article.slug, [p.passage.index for p in a.passages]) for a in page.items] == [
        ("uranium", [0, 1]), ("niamey-junta", [0, 1]), ("older", [0]), ("undated", [0])]
    uranium = page.items[0]
    assert (uranium.article.title, uranium.article.source, uranium.article.day) == (
        "Uranium mine to close", "Wire", "2024-03-20")
    first = uranium.passages[0]
    assert first.text == "France said the uranium mine at Arlit in Niger would close."
    doc = desk.document("uranium")
    assert first.passage == doc.passages[0]
    text = doc.text
    assert [first.text[a:b] for a, b, _ in first.spans()] == ["Arlit", "Niger"]
    assert [(text[m.start:m.end], m.reason) for m in first.mentions] == [
        ("Arlit", "city in Niger"), ("Niger", "name of Niger; not Niger, a region of Nigeria")]


@pytest.mark.parametrize("place, flt, page, size, slugs, total", [
    ("NER", Filter(), 1, 2, ["older", "undated"], 4),
    ("NER", MARCH, 0, 20, ["uranium", "niamey-junta"], 2),
    ("NER", Filter(sources=("Wire",)), 0, 20, ["uranium", "older"], 2),
    (NIAMEY, Filter(), 0, 20, ["uranium", "niamey-junta"], 2),
    ("AES", Filter(), 0, 20, ["niamey-junta"], 1),
    ("NER", Filter(), 5, 20, [], 4),
])
def test_place_passages_are_filtered_and_paged(desk, place, flt, page, size, slugs, total):
    found = place_passages(desk, place, flt, page, size)
    assert [a.article.slug for a in found.items] == slugs and found.total == total
    assert found.pages == max(1, -(-total // size))


@pytest.mark.parametrize("place, flt, expected", [
    ("NER", Filter(), [("FRA", 3), ("RUS", 1), ("TCD", 1)]),
    ("NER", MARCH, [("FRA", 2), ("RUS", 1)]),
    (NIAMEY, Filter(), [("FRA", 1), ("NER", 1), ("RUS", 1)]),
    ("MLI", Filter(), [("AES", 1), ("BFA", 1), ("DZA", 1)]),
    ("AES", Filter(), [("BFA", 1), ("MLI", 1)]),
    ("XYZ", Filter(), []),
])
def test_co_mentions_are_other_places_in_the_same_passages(desk, place, flt, expected):
    assert counts(co_mentions(desk, place, flt)) == expected


@pytest.mark.parametrize("column, flt, expected", [
    ("source", Filter(), [("Sahel Daily", 2), ("Wire", 2), ("", 1)]),
    ("language", Filter(), [("en", 4), ("fr", 1)]),
    ("source", MARCH, [("Sahel Daily", 1), ("Wire", 1)]),
])
def test_facets_list_sources_and_languages_with_counts(desk, column, flt, expected):
    assert counts(facet(desk, column, flt)) == expected


@pytest.mark.parametrize("query, flt, slugs", [
    ("Tillaberi", Filter(), ["niamey-junta"]),
    ("Tillabéri", Filter(), ["niamey-junta"]),
    ("TILLABERI", Filter(), ["niamey-junta"]),
    ("uranium", Filter(), ["older", "uranium"]),  # both titles have it: the shorter first
    ("Niamey", Filter(), ["niamey-junta", "uranium"]),  # in the title too: ranked first
    ("uranium", Filter(date_from=date(2024, 1, 1)), ["uranium"]),
    ("uran*", Filter(sources=("Wire",)), ["older", "uranium"]),
    ('"uranium mine"', Filter(), ["uranium"]),
    ("Mali Algeria", Filter(), ["kidal"]),
    ("NOT OR AND", Filter(), []),  # FTS5's words taken literally: no syntax error
    ('Wagner "unclosed', Filter(), []),
])
def test_search_finds_words_with_or_without_accents(desk, query, flt, slugs):
    found = search(desk, Filter(flt.date_from, flt.date_to, flt.sources, query=query))
    assert [hit.article.slug for hit in found.items] == slugs and found.total == len(slugs)


def test_search_snippets_mark_the_words_found(desk):
    (hit,) = search(desk, Filter(query="tillaberi")).items
    assert ("Tillabéri", True) in hit.snippet
    assert "Wagner fighters were seen near Tillabéri" in "".join(text for text, _ in hit.snippet)


def test_articles_are_listed_newest_first_undated_last(desk):
    page = articles(desk)
    assert [a.slug for a in page.items] == ["kidal", "uranium", "niamey-junta", "older",
                                            "undated"]
    assert articles(desk, Filter(languages=("fr",))).total == 1


@pytest.mark.parametrize("kwargs, message", [
    ({"date_from": "2024-13-01"}, "from: expected a date as YYYY-MM-DD, got '2024-13-01'."),
    ({"date_to": "yesterday"}, "to: expected a date as YYYY-MM-DD, got 'yesterday'."),
    ({"date_from": "20240301"}, "from: expected a date as YYYY-MM-DD"),
    ({"date_from": "2024-04-01", "date_to": "2024-03-01"}, "starts (2024-04-01) after it ends"),
    ({"languages": ["English"]}, "language: expected a code such as 'en'"),
    ({"query": "()"}, "search: no word to look for"),
    ({"place": "NER; DROP TABLE"}, "place: expected an id"),
])
def test_a_bad_filter_says_what_is_wrong(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Filter.parse(**kwargs)


@pytest.mark.parametrize("call", [
    lambda d: timeline(d, Filter(), "year"),
    lambda d: place_passages(d, "NER", Filter(), -1),
    lambda d: articles(d, Filter(), 0, 1000),
    lambda d: facet(d, "title"),
    lambda d: search(d, Filter()),
])
def test_bad_query_arguments_are_refused(desk, call):
    with pytest.raises(ValueError):
        call(desk)


def test_a_schema_1_file_is_migrated_with_its_articles(tmp_path):
    path = tmp_path / "desk.sqlite3"
    doc = documents.parse("uranium.md", ARTICLES["uranium.md"], "uranium.md")
    analysis = analyse(doc)
    item = prepare(analysis, "uranium.md")
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, target=1)
    assert schema.version(conn) == 1
    conn.execute(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}, added) VALUES "
                 f"({', '.join('?' * len(ARTICLE_COLUMNS))}, '2024-03-20T00:00:00+00:00')",
                 [item.article[c] for c in ARTICLE_COLUMNS])
    conn.executemany('INSERT INTO passages (article, idx, start, "end", sentences) '
                     "VALUES (1, ?, ?, ?, ?)", item.passages)
    conn.executemany(f"INSERT INTO mentions (article, {', '.join(MENTION_COLUMNS)}) VALUES "
                     f"(1, {', '.join('?' * len(MENTION_COLUMNS))})", item.mentions)
    conn.close()
    store = Store(path)
    assert schema.version(store.conn) == schema.VERSION == 4
    rows = store.conn.execute("SELECT place, kind, mentions FROM article_places").fetchall()
    assert sorted(rows) == sorted(place_rows(analysis.mentions))
    assert store.analysis("uranium") == analysis
    assert counts(place_counts(store)) == [("FRA", 1), ("NER", 1)]
    assert search(store, Filter(query="uranium")).total == 1  # the index rebuilt on the body


def test_a_search_reads_the_body_not_the_front_matter(tmp_path):
    store = Store(tmp_path / "desk.sqlite3")
    doc = documents.parse("r.md", "---\ntitle: Talks\nsource: Example Wire\nurl: "
                          "https://wire.example/x\n---\nNiger and Mali met.\n", "r.md")
    store.add([prepare(analyse(doc), "r.md")])
    assert search(store, Filter(query="Wire")).total == 0
    assert search(store, Filter(query="Talks")).total == 1  # the title is searched
    (hit,) = search(store, Filter(query="Niger")).items
    assert "---" not in "".join(text for text, _ in hit.snippet)


def test_a_synced_folder_reads_only_new_and_changed_files(tmp_path, monkeypatch):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "kidal.md").write_text(ARTICLES["kidal.md"], encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00")
    store = open_store(tmp_path / "data")
    first = sync_folder(store, folder)
    assert first.added == ["kidal"] and len(first.problems) == 1

    def no_parsing(*args, **kwargs):
        raise AssertionError("nothing changed: nothing should be parsed")

    monkeypatch.setattr(documents, "parse", no_parsing)
    again = sync_folder(store, folder)
    assert again.added == [] and again.problems == first.problems
    monkeypatch.undo()
    (folder / "kidal.md").write_text(ARTICLES["kidal.md"].replace("Algeria", "Niger"),
                                     encoding="utf-8")
    changed = sync_folder(store, folder)
    assert changed.added == ["kidal"]
    assert [a.slug for a in articles(store).items] == ["kidal"]
    assert "NER" in {c.key for c in place_counts(store)}


def test_a_fresh_desk_shows_the_first_article_from_the_seeds(tmp_path):
    store = open_desk(tmp_path / "data")
    slug = "niger-russia-military-cooperation"
    assert [a.slug for a in articles(store).items] == [slug]
    assert store.document(slug) == documents.load(SEEDS / f"{slug}.txt")
