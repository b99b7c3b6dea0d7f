"""The reader on a phone: 390×844, touch. One finger scrolls the page, a tap shows the
passages, a pick closes the sidebar, tooltips and labels fit the screen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import FOLIUM_IFRAME, PageLog, is_local, record, save_screenshot

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Frame, Locator, Page

pytest.importorskip("playwright")
from playwright.sync_api import expect  # noqa: E402

from tests.browser.test_page import (  # noqa: E402
    INSIDE_NIGER,
    TIMEOUT,
    open_page,
    settle,
)
from tests.browser.test_upload import ARTICLE, upload  # noqa: E402

PHONE = {"width": 390, "height": 844}
MAIN_SCROLL = "() => document.querySelector('[data-testid=stMain]').scrollTop"


@pytest.fixture
def phone(chromium: Browser, page_log: PageLog) -> Iterator[Page]:
    """A page in a phone's browser: small, touch, mobile."""
    context = chromium.new_context(viewport=PHONE, has_touch=True, is_mobile=True,
                                   device_scale_factor=2)
    context.route(lambda url: not is_local(url), lambda route: route.abort("blockedbyclient"))
    page = context.new_page()
    record(page, page_log)
    yield page
    context.close()


def swipe_up(page: Page, x: float, y: float, distance: float) -> None:
    """Drag one finger upwards from (x, y), as a reader scrolling down does."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        cdp.send("Input.dispatchTouchEvent", {
            "type": "touchMove", "touchPoints": [{"x": x, "y": y - distance * step / 10}]})
        page.wait_for_timeout(16)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def map_centre(frame: Frame) -> list[float]:
    return frame.evaluate("() => [map.getCenter().lat, map.getCenter().lng, map.getZoom()]")


def tap_at(page: Page, frame: Frame, lat: float, lon: float) -> None:
    """Tap the map at a latitude and longitude, with a finger."""
    box = page.locator(FOLIUM_IFRAME).bounding_box()
    x, y = frame.evaluate("([la, lo]) => { const p = map.latLngToContainerPoint([la, lo]);"
                          " return [p.x, p.y]; }", [lat, lon])
    page.touchscreen.tap(box["x"] + x, box["y"] + y)


def test_one_finger_on_the_map_scrolls_the_page_and_leaves_the_map(phone: Page, base_url: str,
                                                                   page_log: PageLog):
    frame = open_page(phone, base_url)
    before, top = map_centre(frame), phone.evaluate(MAIN_SCROLL)
    box = phone.locator(FOLIUM_IFRAME).bounding_box()
    swipe_up(phone, box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.7, 300)
    phone.wait_for_timeout(800)
    assert phone.evaluate(MAIN_SCROLL) > top + 150  # the page moved under the finger
    assert map_centre(frame) == before  # the map did not
    expect(frame.locator(".map-touch-hint")).to_have_text("Use two fingers to move the map")
    page_log.assert_clean()


def test_tapping_niger_brings_its_passages_into_view(phone: Page, base_url: str,
                                                     page_log: PageLog):
    frame = open_page(phone, base_url)
    heading = phone.locator("#reading-pane")
    assert heading.bounding_box()["y"] > PHONE["height"]  # the pane starts below the screen
    tap_at(phone, frame, *INSIDE_NIGER)
    phone.wait_for_url(lambda url: "place=NER" in url, timeout=TIMEOUT)
    expect(heading).to_have_text("Niger", timeout=TIMEOUT)
    phone.wait_for_function("() => { const r = document.getElementById('reading-pane')"
                            ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= 844; }",
                            timeout=TIMEOUT)
    expect(frame.locator(".leaflet-tooltip")).to_have_count(0)  # no tooltip left over it
    save_screenshot(phone, "phone-niger")
    page_log.assert_clean()


def test_a_tooltip_fits_the_screen(phone: Page, base_url: str, page_log: PageLog):
    frame = open_page(phone, base_url)
    map_box = phone.locator(FOLIUM_IFRAME).bounding_box()
    for lat, lon in (INSIDE_NIGER, (13.0, -2.0), (60.0, 90.0)):  # centre, west, far east
        point = frame.evaluate("([la, lo]) => map.latLngToContainerPoint([la, lo])", [lat, lon])
        phone.mouse.move(map_box["x"] + point["x"], map_box["y"] + point["y"])
        tooltip = frame.locator(".leaflet-tooltip")
        expect(tooltip).to_have_count(1)
        box = tooltip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= map_box["width"], (lat, lon, box)
        phone.mouse.move(map_box["x"] + 2, map_box["y"] + 2)
    page_log.assert_clean()


def open_sidebar(page: Page) -> Locator:
    """Open the sidebar as a phone's reader does, with the button at the top left."""
    page.get_by_test_id("stExpandSidebarButton").click()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("button", name="Share this view")).to_be_in_viewport()
    return sidebar


def test_the_sidebar_closes_after_an_upload_and_after_a_pick(phone: Page, base_url: str,
                                                            page_log: PageLog):
    open_page(phone, base_url)
    sidebar = open_sidebar(phone)
    upload(phone, "chad-niger.md", ARTICLE.encode())
    phone.wait_for_url(lambda url: "doc=upload-chad-niger" in url, timeout=TIMEOUT)
    expect(sidebar.get_by_role("button", name="Share this view")).not_to_be_in_viewport(
        timeout=TIMEOUT)  # closed: the article just read is in view
    open_sidebar(phone)
    sidebar.get_by_role("button", name=re.compile("^Article: Chad and Niger")).click()
    phone.get_by_test_id("stPopoverBody").last.get_by_text("Niger in Russia",
                                                            exact=True).click()
    phone.wait_for_url(lambda url: "doc=niger-russia" in url, timeout=TIMEOUT)
    settle(phone)
    expect(sidebar.get_by_role("button", name="Share this view")).not_to_be_in_viewport(
        timeout=TIMEOUT)
    expect(phone.locator("#reading-pane")).to_have_text("Places in this article")
    page_log.assert_clean()
