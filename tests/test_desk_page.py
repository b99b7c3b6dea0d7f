"""The desk on the page (AppTest): the window's places and articles, a place across articles,
search, filters, opening an article, and what a visitor adds."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core import documents, ingest
from dashboard.core.analysis import analyse
from dashboard.core.store import open_store
from tests.test_page import run

DESK = Path(__file__).resolve().parent / "corpora" / "desk"


def forget_the_desk() -> None:
    """Clear the page's cached desk, so the next run opens the one the environment names."""
    from dashboard.ui import data, deskview

    for cached in (data.desk, data.seed_problems, data.drawings, deskview.facets,
                   deskview.counts, deskview.timeline):
        cached.clear()


@pytest.fixture(scope="module")
def desk_folder(tmp_path_factory) -> Path:
    """A desk holding the test corpus's ten articles (made once for the module)."""
    folder = tmp_path_factory.mktemp("desk")
    store = open_store(folder)
    report = ingest.ingest(store, [str(DESK)], workers=1)
    assert len(report.added) == 10, report.problems
    store.close()
    return folder


@pytest.fixture()
def desk(desk_folder, tmp_path, monkeypatch):
    """The page reading the test desk, with an empty seeds folder."""
    from dashboard.ui import data

    monkeypatch.setenv("SAHEL_DATA_DIR", str(desk_folder))
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    monkeypatch.setattr(data, "SEEDS", seeds)
    forget_the_desk()
    yield desk_folder
    forget_the_desk()


def texts(at: AppTest) -> str:
    """Return the main area's Markdown as a reader sees its text (references decoded)."""
    return html.unescape("\n".join(m.value for m in at.main.markdown))


def naming(iso3: str) -> list[documents.Document]:
    """Return the corpus's articles that name a country, as the parser reads them, newest
    first (the undated last)."""
    docs = [documents.load(path) for path in sorted(DESK.glob("*.md"))]
    found = [d for d in docs if any(m.country == iso3 for m in analyse(d).mentions)]
    return sorted(found, key=lambda d: d.published or "", reverse=True)


def buttons(at: AppTest, prefix: str) -> dict[str, str]:
    return {b.key: b.label for b in at.main.button if b.key and b.key.startswith(prefix)}


def test_a_desk_of_many_articles_opens_on_the_desk(desk):
    at = run()
    assert [s.value for s in at.subheader] == ["Places on the desk", "Articles"]
    places = buttons(at, "desk-place-")
    assert places["desk-place-NER"] == f"Niger · {len(naming('NER'))}"
    assert len(naming("NER")) >= 6
    assert "The desk: 10 articles" in texts(at)
    shown = re.findall(r"<strong>(.*?)</strong>", texts(at))
    assert shown[0] == "Guinea sets a date for its constitutional referendum" or \
        shown[0].startswith("Senegal")  # newest first, the undated one last
    assert shown[-1] == "Guinea sets a date for its constitutional referendum"


def test_a_place_across_the_desk_newest_article_first(desk):
    at = run(view="desk", place="NER")
    assert at.subheader[0].value == "Niger"
    niger = naming("NER")
    assert f"{len(niger)} articles in this window mention Niger" in [
        c.value for c in at.main.caption]
    titles = re.findall(r"<strong>(.*?)</strong>", texts(at))
    assert titles == [d.title for d in niger]  # newest first
    assert "<mark class=\"sel\"" in texts(at) and "Niamey → capital of Niger" in texts(at)
    named = buttons(at, "named-with-")
    assert {"named-with-MLI", "named-with-BFA"} <= set(named)


def test_a_search_finds_words_without_their_accents(desk):
    at = run(view="desk", q="Tillaberi")
    assert at.subheader[0].value == "“Tillaberi”"
    assert "1 article holds these words in this window" in [c.value for c in at.main.caption]
    assert "Soldiers killed in attack in western Niger" in texts(at)


def test_a_date_window_and_a_language_narrow_the_desk(desk):
    at = run(view="desk", **{"from": "2025-02-01", "to": "2025-02-28"})
    assert "The desk: 4 of 10 articles" in texts(at)
    at = run(view="desk", lang="fr")
    assert "The desk: 2 of 10 articles" in texts(at)
    at.main.text_input(key="desk-query").input("Moscou").run()
    assert at.query_params["q"] == "Moscou" and at.query_params["lang"] == "fr"


def test_a_place_no_article_of_the_window_names_says_so(desk):
    at = run(view="desk", place="TCD", lang="fr")
    assert any("No article in this window mentions Chad (1 article outside it does)" in i.value
               for i in at.info)


def test_picking_a_place_and_opening_an_article(desk):
    at = run(view="desk")
    at.main.button(key="desk-place-MLI").click().run()
    assert at.query_params["place"] == "MLI" and at.subheader[0].value == "Mali"
    opener = next(b for b in at.main.button if b.key and b.key.startswith("open-"))
    opener.click().run()
    assert at.query_params["doc"] and at.query_params["place"] == "MLI"
    assert at.subheader[0].value == "Mali"  # the article's view, its passages about Mali


def test_a_window_that_names_no_country_draws_an_empty_map(desk):
    at = run(view="desk", q="referendum", **{"from": "2025-01-01"})  # the one undated article
    assert "The desk: 0 of 10 articles" in texts(at)
    assert "0 articles hold these words in this window" in [c.value for c in at.main.caption]


def test_an_article_that_does_not_name_a_place_says_how_many_on_the_desk_do(desk):
    mali = naming("MLI")
    other = next(path for path in sorted(DESK.glob("*.md"))
                 if documents.load(path).slug not in {d.slug for d in mali})
    at = run(doc=documents.load(other).slug, place="MLI")
    assert any(f"Mali is not mentioned in this article; {len(mali)} articles on the desk do."
               == i.value for i in at.info)
    at.main.button(key="place-on-desk").click().run()
    assert at.query_params["view"] == "desk" and at.query_params["place"] == "MLI"
    assert at.subheader[0].value == "Mali"
