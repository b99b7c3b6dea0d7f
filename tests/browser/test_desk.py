"""The desk in a real browser: every article on one map, a click, the filters, a shared
link, Open and Back, and several files added at once with a duplicate."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard.core import ingest
from dashboard.core.store import open_store
from tests.browser.conftest import (
    FOLIUM_IFRAME,
    PageLog,
    StreamlitServer,
    click_map_at,
    open_popover,
    publish_screenshot,
    save_screenshot,
    wait_for_map,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytest.importorskip("playwright")
from playwright.sync_api import expect  # noqa: E402

from tests.browser.test_page import INSIDE_NIGER, TIMEOUT, settle  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "desk"
VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def desk_server(streamlit_server_factory: Callable[..., StreamlitServer],
                tmp_path_factory) -> StreamlitServer:
    """A server whose desk holds the test corpus (and the seeds): the desk is its first view."""
    folder = tmp_path_factory.mktemp("browser-desk")
    store = open_store(folder)
    assert len(ingest.ingest(store, [str(CORPUS)], workers=1).added) == 10
    store.close()
    return streamlit_server_factory(env={"SAHEL_DATA_DIR": str(folder)})


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def open_desk(page: Page, url: str):
    """Open the desk and wait until its map has drawn the countries of the window."""
    page.goto(url)
    expect(page.locator("#reading-pane")).to_be_visible(timeout=TIMEOUT)
    frame = wait_for_map(page)
    frame.wait_for_selector(".map-legend .legend-classes i", timeout=TIMEOUT)  # classes drawn
    settle(page)
    return frame


def header(page: Page) -> str:
    """Return the desk's line under the title: how many articles it shows."""
    return page.get_by_test_id("stMain").get_by_text(re.compile(r"^The desk: \d")).inner_text()


def test_the_desk_shows_every_article_and_a_click_shows_a_place_across_them(
        page: Page, desk_server: StreamlitServer, page_log: PageLog):
    page.set_viewport_size(VIEWPORT)
    frame = open_desk(page, desk_server.url)
    assert header(page) == "The desk: 11 articles"
    expect(page.locator("#reading-pane")).to_have_text("Places on the desk")
    legend = frame.locator(".map-legend .legend-classes")
    expect(legend).to_contain_text("article")
    page.locator(FOLIUM_IFRAME).evaluate("f => { f.__kept = 1; }")
    click_map_at(frame, *INSIDE_NIGER)
    page.wait_for_url(re.compile(r"[?&]place=NER(&|$)"), timeout=TIMEOUT)
    expect(page.locator("#reading-pane")).to_have_text("Niger", timeout=TIMEOUT)
    settle(page)
    caption = page.get_by_text(re.compile(r"^\d+ articles in this window mention Niger$"))
    expect(caption).to_be_visible()
    articles = page.locator(".desk-article strong").all_inner_texts()
    days = [re.search(r"\d{4}-\d\d-\d\d|undated", line).group() for line in
            page.locator(".desk-article .roles").all_inner_texts()]
    dated = [d for d in days if d != "undated"]
    assert len(articles) >= 5 and dated == sorted(dated, reverse=True)  # newest first
    assert days[len(dated):] == ["undated"] * (len(days) - len(dated))  # the undated last
    assert page.locator(".passage mark.sel").count() >= len(articles)
    assert page.locator(FOLIUM_IFRAME).evaluate("f => f.__kept") == 1  # the same map frame
    save_screenshot(page, "desk-niger")
    publish_screenshot(save_screenshot(page, "desk"), "desk.png")
    page_log.assert_clean()


def test_a_search_and_a_date_window_narrow_the_map_without_a_new_frame(
        page: Page, desk_server: StreamlitServer, page_log: PageLog):
    page.set_viewport_size(VIEWPORT)
    frame = open_desk(page, desk_server.url)
    before = frame.locator("path.leaflet-interactive").count()
    page.locator(FOLIUM_IFRAME).evaluate("f => { f.__kept = 1; }")
    words = page.get_by_role("textbox", name="Words")
    words.fill("uranium")
    words.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q=uranium(&|$)"), timeout=TIMEOUT)
    expect(page.locator("#reading-pane")).to_have_text("“uranium”", timeout=TIMEOUT)
    expect(page.get_by_text("2 articles hold these words in this window")).to_be_visible(
        timeout=TIMEOUT)
    frame.wait_for_function(f"() => document.querySelectorAll('path.leaflet-interactive')"
                            f".length < {before}", timeout=TIMEOUT)
    assert page.locator(FOLIUM_IFRAME).evaluate("f => f.__kept") == 1
    chart = page.get_by_test_id("stVegaLiteChart").first.bounding_box()
    y = chart["y"] + chart["height"] * 0.4
    page.mouse.move(chart["x"] + chart["width"] * 0.45, y)
    page.mouse.down()
    page.mouse.move(chart["x"] + chart["width"] * 0.95, y, steps=8)
    page.mouse.up()
    page.wait_for_url(re.compile(r"[?&]from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d"),
                      timeout=TIMEOUT)
    settle(page)
    shown = query(page.url)
    assert shown["q"] == ["uranium"] and shown["view"] == ["desk"]
    assert re.fullmatch(r"The desk: \d+ of 11 articles", header(page))
    assert page.locator(FOLIUM_IFRAME).evaluate("f => f.__kept") == 1
    page_log.assert_clean()


def test_a_shared_desk_link_reopens_the_same_desk_in_a_new_browser(
        page: Page, desk_server: StreamlitServer, chromium: Browser, page_log: PageLog):
    page.set_viewport_size(VIEWPORT)
    link_query = "view=desk&lang=fr&place=NER&from=2025-01-01&to=2025-03-31"
    open_desk(page, f"{desk_server.url}?{link_query}")
    expect(page.locator("#reading-pane")).to_have_text("Niger")
    menu = open_popover(page, "Share this view")
    link = menu.get_by_role("textbox", name="Link to this view").input_value()
    page.keyboard.press("Escape")
    assert query(link) == query(f"?{link_query}")
    shown = page.locator(".desk-article strong").all_inner_texts()
    other = chromium.new_context(viewport=VIEWPORT)
    try:
        fresh = other.new_page()
        open_desk(fresh, link)
        expect(fresh.locator("#reading-pane")).to_have_text("Niger")
        assert fresh.locator(".desk-article strong").all_inner_texts() == shown
        assert header(fresh) == header(page)
        expect(fresh.get_by_test_id("stMultiSelect").filter(has_text="Languages")).to_contain_text(
            "French")
    finally:
        other.close()
    page_log.assert_clean()


def test_open_an_article_then_back_to_the_desk(page: Page, desk_server: StreamlitServer,
                                               page_log: PageLog):
    page.set_viewport_size(VIEWPORT)
    open_desk(page, f"{desk_server.url}?view=desk&place=MLI")
    desk_url = page.url
    title = page.locator(".desk-article strong").first.inner_text()
    page.locator(".stButton").get_by_role("button", name="Open", exact=True).first.click()
    page.wait_for_url(re.compile(r"[?&]doc="), timeout=TIMEOUT)
    expect(page.locator("#reading-pane")).to_have_text("Mali", timeout=TIMEOUT)
    expect(page.get_by_text(title).first).to_be_visible()
    wait_for_map(page)  # the article's map drawn, as a reader would see it
    settle(page)
    page.go_back()
    page.wait_for_url(lambda url: query(url) == query(desk_url), timeout=TIMEOUT)
    expect(page.locator("#reading-pane")).to_have_text("Mali", timeout=TIMEOUT)
    expect(page.get_by_text(re.compile(r"^\d+ articles? in this window mention Mali$"))
           ).to_be_visible(timeout=TIMEOUT)
    page_log.assert_clean()


def upload_files(page: Page, files: list[tuple[str, bytes]]) -> None:
    """Choose several files at once in the sidebar's "Add articles" popover."""
    box = open_popover(page, "Add articles").get_by_test_id("stFileUploaderDropzoneInput")
    box.set_input_files([{"name": name, "mimeType": "text/plain", "buffer": data}
                         for name, data in files])


def test_several_files_at_once_and_a_duplicate_is_said(page: Page, desk_server: StreamlitServer,
                                                       page_log: PageLog):
    page.set_viewport_size(VIEWPORT)
    open_desk(page, desk_server.url)
    upload_files(page, [
        ("talks.md", b"---\ntitle: Talks in Bamako\n---\nMali and Niger met in Bamako.\n"),
        ("dakar.txt", b"Dakar meeting\n\nSenegal's envoy flew to Nouakchott on Sunday.\n"),
        ("copy.md", (CORPUS / "04-chad-elections.md").read_bytes())])
    page.wait_for_url(re.compile(r"[?&]doc=upload-"), timeout=TIMEOUT)
    wait_for_map(page)
    settle(page)
    menu = open_popover(page, "Add articles")
    expect(menu.get_by_text("Added 2 articles.")).to_be_visible()
    expect(menu.get_by_text("copy.md: already on the desk.")).to_be_visible()
    page.keyboard.press("Escape")
    picker = open_popover(page, re.compile("^Article: "))
    expect(picker.get_by_text("Talks in Bamako (added this visit)")).to_be_visible()
    expect(picker.get_by_text("Dakar meeting (added this visit)")).to_be_visible()
    page_log.assert_clean()
