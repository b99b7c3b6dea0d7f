"""Share and export on the real page: the link reopens the view, Back steps back, files download."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import PageLog, StreamlitServer, open_popover

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytest.importorskip("playwright")
from playwright.sync_api import expect  # noqa: E402

from tests.browser.test_page import (  # noqa: E402
    DOC,
    TIMEOUT,
    open_page,
    params,
    settle,
    wait_for_heading,
)

CAPTION = re.compile(r"^\d+ mentions? in \d+ passages?$")


def share_link(page: Page) -> str:
    """Open the sidebar's "Share this view" popover and return the link it shows."""
    field = open_popover(page, "Share this view").get_by_role("textbox",
                                                              name="Link to this view")
    expect(field).to_have_count(1)
    link = field.input_value().strip()
    page.keyboard.press("Escape")  # close it again, as a user would
    return link


def layer_boxes(page: Page) -> list[bool]:
    """Return whether each layer checkbox in the sidebar is ticked, in order."""
    boxes = page.get_by_test_id("stSidebar").get_by_test_id("stCheckbox").locator("input")
    expect(boxes).to_have_count(5, timeout=TIMEOUT)
    return boxes.evaluate_all("inputs => inputs.map(i => i.checked)")


def pane_caption(page: Page) -> str:
    """Return the reading pane's "N mentions in M passages" line."""
    caption = page.get_by_test_id("stCaptionContainer").filter(has_text=CAPTION)
    expect(caption).to_have_count(1, timeout=TIMEOUT)
    return caption.inner_text().strip()


def query(url: str) -> dict[str, str]:
    """Return a URL's query parameters (one value each)."""
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def choose(page: Page, button: str, heading: str) -> None:
    """Click a button in the reading pane and wait for the pane it opens."""
    page.get_by_role("button", name=button).click()
    wait_for_heading(page, heading)


def test_the_share_link_reopens_the_same_view_in_a_new_browser(
        page: Page, base_url: str, chromium: Browser, page_log: PageLog):
    open_page(page, base_url)
    assert share_link(page) == f"{base_url}?doc={DOC}"
    page.get_by_test_id("stSidebar").get_by_text("Mention density", exact=True).click()
    page.wait_for_url(re.compile(r"[?&]layers="), timeout=TIMEOUT)
    settle(page)
    choose(page, "Niger · 12", "Niger")
    link, boxes, caption = share_link(page), layer_boxes(page), pane_caption(page)
    assert link.startswith(base_url + "?")
    assert query(link) == params(page) == {
        "doc": DOC, "place": "NER", "layers": "sahel,aes,journeys,countries,density"}
    assert boxes == [True] * 5

    other = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        fresh = other.new_page()
        fresh.goto(link)
        expect(fresh.locator("h1")).to_have_text("Sahel news map", timeout=TIMEOUT)
        wait_for_heading(fresh, "Niger")
        assert layer_boxes(fresh) == boxes
        assert pane_caption(fresh) == caption
        assert params(fresh) == query(link)
        assert share_link(fresh) == link
        expect(fresh.get_by_test_id("stAlert")).to_have_count(0)
    finally:
        other.close()
    page_log.assert_clean()


def test_the_share_link_keeps_the_base_path(
        page: Page, streamlit_server_factory: Callable[..., StreamlitServer]):
    server = streamlit_server_factory(base_url_path="maps/sahel")
    assert server.url.endswith("/maps/sahel/")
    open_page(page, server.url, "place=AES")
    wait_for_heading(page, "Alliance of Sahel States")
    assert share_link(page) == f"{server.url}?doc={DOC}&place=AES"


def test_back_steps_back_through_selections(page: Page, base_url: str, page_log: PageLog):
    page.goto("about:blank")
    open_page(page, base_url, f"doc={DOC}")
    choose(page, "Niger · 12", "Niger")
    choose(page, "Show the whole article", "Places in this article")
    choose(page, "Russia · ", "Russia")
    assert params(page) == {"doc": DOC, "place": "RUS"}

    page.go_back()
    wait_for_heading(page, "Places in this article")
    assert params(page) == {"doc": DOC}
    page.go_back()
    wait_for_heading(page, "Niger")
    assert params(page) == {"doc": DOC, "place": "NER"}
    assert share_link(page) == f"{base_url}?doc={DOC}&place=NER"
    page.go_back()
    wait_for_heading(page, "Places in this article")
    page.go_forward()
    wait_for_heading(page, "Niger")
    page.go_back()
    wait_for_heading(page, "Places in this article")
    page.go_back()  # the first load added no entry of its own: Back leaves the page
    page.wait_for_url("about:blank", timeout=TIMEOUT)
    page_log.assert_clean()


@pytest.mark.parametrize("query_string", ["", "place=%3Cscript%3E"])
def test_a_corrected_first_load_adds_no_history_entry(page: Page, base_url: str,
                                                       query_string: str):
    page.goto("about:blank")
    open_page(page, base_url, query_string)
    wait_for_heading(page, "Places in this article")
    expect(page.get_by_test_id("stAlert")).to_have_count(1 if query_string else 0)
    opened = {"doc": DOC} if query_string else {}  # only a bad value is rewritten
    assert params(page) == opened
    choose(page, "Niger · 12", "Niger")
    page.go_back()
    wait_for_heading(page, "Places in this article")
    assert params(page) == opened
    page.go_back()
    page.wait_for_url("about:blank", timeout=TIMEOUT)


def download(page: Page, label: str) -> tuple[str, str]:
    """Click a download button in the sidebar; return the file's name and text."""
    menu = open_popover(page, "Download this article's map")
    with page.expect_download(timeout=TIMEOUT) as info:
        menu.get_by_role("button", name=label).click()
    file = info.value
    page.keyboard.press("Escape")  # close the popover again
    assert file.failure() is None
    return file.suggested_filename, Path(file.path()).read_text(encoding="utf-8")


def test_the_download_buttons_deliver_the_document(page: Page, base_url: str,
                                                   page_log: PageLog):
    open_page(page, base_url, "place=NER")
    wait_for_heading(page, "Niger")

    name, text = download(page, "GeoJSON")
    assert name == f"{DOC}.geojson"
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    assert collection["document"]["slug"] == DOC
    ids = {f["id"] for f in collection["features"]}
    assert {"country:NER", "country:RUS", "bloc:AES"} <= ids

    name, text = download(page, "CSV of mentions")
    assert name == f"{DOC}.csv"
    table = list(csv.reader(io.StringIO(text)))
    assert table[0][:3] == ["doc", "start", "end"]
    assert len(table) > 20 and all(row[0] == DOC for row in table[1:])
    assert any(row[4] == "NER" for row in table[1:])

    name, text = download(page, "Standalone HTML map")
    assert name == f"{DOC}.html"
    assert text.startswith("<!DOCTYPE html>") and "Niger in Russia" in text
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"(?!data:)", text)  # nothing to fetch

    # A download does not rerun the page: the selection and the URL stay.
    assert params(page) == {"place": "NER"}
    expect(page.locator("h3").first).to_have_text("Niger")
    page_log.assert_clean()
