"""The standalone HTML export in Chromium with every network request blocked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from dashboard.core import documents, export
from dashboard.core.analysis import analyse
from dashboard.core.overlays import OVERLAYS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "niger-russia-military-cooperation.txt"
HOSTILE = ('Title <img src=x onerror="window.__xss=1"> Niger\n\n'
           'Niger <img src=x onerror="window.__xss=1"> `x` ${x} Mali.\n')
# Finds a point of an element where a click lands on it (nothing drawn on top).
CLEAR_POINT = """(selector) => {
  const path = document.querySelector(selector);
  if (!path) { return null; }
  const box = path.getBoundingClientRect();
  for (let fy = 0.5, i = 0; i < 40; i++, fy = (fy + 0.618) % 1) {
    for (let fx = 0.05; fx < 1; fx += 0.05) {
      const x = box.left + fx * box.width, y = box.top + fy * box.height;
      if (document.elementFromPoint(x, y) === path) { return {x: x, y: y}; }
    }
  }
  return null;
}"""


@dataclass
class Opened:
    """An exported page open from disk, and what it asked for or logged."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def outside_requests(self) -> list[str]:
        """Return the requests for anything but the page itself (data: URLs stay inside it)."""
        return [u for u in self.requests if u != self.url and not u.startswith("data:")]


@pytest.fixture
def open_export(chromium: Browser, tmp_path: Path) -> Iterator:
    """Export a document to HTML and open it from disk with the network blocked."""
    contexts = []

    def opener(doc: documents.Document | Path) -> Opened:
        path = doc if isinstance(doc, Path) else tmp_path / f"{doc.slug}.html"
        if not isinstance(doc, Path):
            export.write(analyse(doc), "html", path)
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path.as_uri())
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
            "file:") else route.abort("blockedbyclient"))
        page.on("request", lambda request: opened.requests.append(request.url))
        page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
        page.on("pageerror", lambda error: opened.errors.append(f"uncaught: {error}"))
        page.goto(opened.url)
        page.wait_for_selector(".leaflet-container", state="visible")
        page.wait_for_selector("path.leaflet-interactive", state="visible")
        return opened

    yield opener
    for context in contexts:
        context.close()


def click_country(page: Page, iso3: str) -> None:
    """Click a country's polygon where nothing else is drawn on top of it."""
    point = page.evaluate(CLEAR_POINT, f"path.country-{iso3}")
    assert point, f"no clickable point on {iso3}'s polygon"
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector(".leaflet-popup-content .popup", state="visible")


def test_the_map_draws_offline_and_niger_shows_its_passages(open_export):
    opened = open_export(documents.load(SEED))
    page = opened.page
    assert page.locator("path.country-NER").count() == 1
    stops = page.locator(".stop-icon").all_inner_texts()
    assert stops == ["start", "1", "2", "3", "4"]  # labelled as on the page
    labels = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    assert [label.strip() for label in labels] == [  # the page's layers, named as on the page
        o.title for o in OVERLAYS if o.parts]
    click_country(page, "NER")
    popup = page.locator(".leaflet-popup-content .popup")
    assert popup.locator("h2").inner_text() == "Niger"
    assert popup.locator(".passage").count() >= 1
    marks = popup.locator("mark").all_inner_texts()
    assert any("Niger" in mark for mark in marks), marks
    assert opened.outside_requests() == []
    assert opened.errors == []


AES_FILL, SAHEL_FILL, COUNTRIES_FILL = "#0072B2", "#E69F00", "#CC79A7"  # as the page draws them


def test_the_export_wears_the_pages_colours(open_export):
    """A reader with the page and the downloaded map open side by side sees one colour scheme."""
    page = open_export(documents.load(SEED)).page
    fills = page.eval_on_selector_all(
        "path.country", "ps => Object.fromEntries(ps.map(p => [p.getAttribute('class')"
        ".match(/country-(\\w+)/)[1], p.getAttribute('fill')]))")
    assert fills["NER"] == fills["MLI"] == AES_FILL  # AES members, blue as on the page
    assert fills["TCD"] == SAHEL_FILL and fills["RUS"] == COUNTRIES_FILL
    assert page.locator(f'path[stroke="{AES_FILL}"][stroke-dasharray]').count() == 1  # outline


TWO_TRAVELLERS = ("The Chadian president flew to Paris on Monday. The Ghanaian president will "
                  "travel to Tokyo.\n\nTalks <img src=x onerror=\"window.__xss=1\"> ended.\n")


def test_the_export_draws_each_journey_in_its_colour_and_planned_legs_dashed(open_export):
    from dashboard.core.palette import PLANNED_DASH, journey_colour

    opened = open_export(documents.parse("two.txt", TWO_TRAVELLERS))
    page = opened.page
    keys = page.locator(".journey-legend .journey-key")
    assert keys.count() == 2 and "Journey 1: Chadian president" in keys.nth(0).inner_text()
    for index in (1, 2):
        assert page.locator(f'path.leg[stroke="{journey_colour(index)}"]').count() == 1
    dashed = page.locator(f'path.leg[stroke-dasharray="{PLANNED_DASH}"]')
    assert dashed.count() == 1 and dashed.get_attribute("stroke") == journey_colour(2)
    assert page.evaluate("window.__xss") is None
    assert opened.errors == []


def test_injected_markup_stays_text(open_export):
    opened = open_export(documents.parse("hostile.txt", HOSTILE))
    page = opened.page
    assert "<img" in page.locator("h1").inner_text()
    click_country(page, "NER")
    popup = page.locator(".leaflet-popup-content .popup")
    assert '<img src=x onerror="window.__xss=1">' in popup.inner_text()
    assert popup.locator("img").count() == 0
    assert page.evaluate("window.__xss") is None
    assert opened.outside_requests() == []
    assert opened.errors == []


def test_the_desk_export_names_each_passages_article(open_export, tmp_path):
    """The desk's HTML map: Niger's popup lists passages from several articles, each under its
    article's title, source and date; a hostile title stays text."""
    from dashboard.core import desk_export
    from dashboard.core.ingest import ingest
    from dashboard.core.store import Filter, open_store

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.md").write_text("---\ntitle: Junta <img src=x onerror=\"window.__xss=1\">\n"
                                "source: Wire\npublished: 2024-03-05\n---\n"
                                "Niger's junta met officers in Niamey.\n", encoding="utf-8")
    (inbox / "b.md").write_text("---\ntitle: Uranium\nsource: Daily\npublished: 2024-03-20\n"
                                "---\nFrance said the mine in Niger would close.\n",
                                encoding="utf-8")
    store = open_store(tmp_path / "data")
    ingest(store, [str(inbox)], workers=1)
    path = tmp_path / "desk.html"
    desk_export.write(store, Filter(), "html", path)
    opened = open_export(path)
    page = opened.page
    click_country(page, "NER")
    popup = page.locator(".leaflet-popup-content .popup")
    assert popup.locator(".passage-article").all_inner_texts() == [
        "Uranium · Daily · 2024-03-20", 'Junta <img src=x onerror="window.__xss=1"> · Wire · '
        "2024-03-05"]
    assert popup.locator(".passage").count() == 2 and popup.locator("img").count() == 0
    assert page.evaluate("window.__xss") is None
    assert opened.outside_requests() == [] and opened.errors == []
