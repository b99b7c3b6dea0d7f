"""The map's manners at 1280×800: the view kept, blocs selectable and lit up, labels whole,
the map in view beside long passages, a link to copy, a place the article does not name."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest

from dashboard.core import documents
from dashboard.core.analysis import analyse
from dashboard.core.geoparse import default_gazetteer
from dashboard.core.layers import build_layers, read_countries
from tests.browser.conftest import (
    FOLIUM_IFRAME,
    REPO_ROOT,
    PageLog,
    open_popover,
    save_screenshot,
    wait_for_map,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Frame, Page

pytest.importorskip("playwright")
from playwright.sync_api import Error as PlaywrightError  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

from tests.browser.test_page import (  # noqa: E402
    DOC,
    TIMEOUT,
    open_page,
    params,
    settle,
    wait_for_heading,
)

DESK = {"width": 1280, "height": 800}
SELECTED = "#D55E00"
MEMBER_SHAPES = f'path[stroke="{SELECTED}"][fill-opacity="0.18"]'
SEED = REPO_ROOT / "seeds" / f"{DOC}.txt"


@pytest.fixture(scope="module")
def shaped_members() -> dict[str, int]:
    """How many members each bloc has on the seed's date (it has none: today's) with a shape
    in the basemap the page draws (Cape Verde's islands have none at this scale)."""
    layers = build_layers(analyse(documents.load(SEED)), default_gazetteer(), read_countries())
    basemap = json.loads((REPO_ROOT / "dashboard" / "static" / "basemap.json").read_text())
    shaped = {f["properties"]["iso3"] for f in basemap["features"]}
    return {bloc: len(set(codes) & shaped) for bloc, codes in layers.groups.items()}


def view_of(frame: Frame) -> tuple[float, float, float]:
    return tuple(frame.evaluate(
        "() => [map.getCenter().lat, map.getCenter().lng, map.getZoom()]"))


def zoom_in_twice(page: Page, frame: Frame) -> int:
    """Zoom in twice with the map's + button, as a reader does; return the zoom reached."""
    zoom = frame.evaluate("() => map.getZoom()")
    for _ in range(2):
        zoom += 1
        frame.locator(".leaflet-control-zoom-in").click()
        frame.wait_for_function(f"() => map.getZoom() === {zoom} && !map._animatingZoom")
    page.wait_for_function(f"() => (new URLSearchParams(location.search).get('at') || '')"
                           f".endsWith(',{zoom}')", timeout=TIMEOUT)
    return zoom


def test_the_view_survives_a_layer_toggle_and_a_shared_link(page: Page, base_url: str,
                                                           chromium: Browser, page_log: PageLog):
    page.set_viewport_size(DESK)
    frame = open_page(page, base_url)
    zoom = zoom_in_twice(page, frame)
    zoomed = view_of(frame)
    assert zoomed[2] == zoom
    page.get_by_test_id("stSidebar").get_by_text("Mention density", exact=True).click()
    page.wait_for_url(re.compile(r"[?&]layers="), timeout=TIMEOUT)
    settle(page)
    frame = redrawn_with(page, "Mention density")
    assert view_of(frame) == pytest.approx(zoomed, abs=0.01)
    assert params(page)["at"].endswith(f",{zoom}")

    menu = open_popover(page, "Share this view")
    link = menu.get_by_role("textbox", name="Link to this view").input_value()
    assert "at=" in link and "layers=" in link
    other = chromium.new_context(viewport=DESK)
    try:
        fresh = other.new_page()
        frame = open_page(fresh, link.split("?")[0], link.split("?")[1])
        assert view_of(frame) == pytest.approx(zoomed, abs=0.01)  # rounded to 0.01°
    finally:
        other.close()
    frame = open_page(page, base_url, params_of(link))
    frame.locator(".map-fit").click()  # the article's whole extent again
    page.wait_for_function("() => !new URLSearchParams(location.search).has('at')")
    assert view_of(frame)[2] < zoom
    page_log.assert_clean()


def redrawn_with(page: Page, legend: str) -> Frame:
    """Wait until the (new) map iframe's legend names a layer; return the frame."""
    for _ in range(100):
        try:
            frame = wait_for_map(page)
            if legend in frame.locator(".map-legend").inner_text(timeout=2000):
                return frame
        except PlaywrightError:  # the old iframe went away while we looked
            pass
        page.wait_for_timeout(200)
    raise AssertionError(f"the map's legend never named {legend}")


def params_of(link: str) -> str:
    return link.split("?", 1)[1]


@pytest.mark.parametrize("how, bloc, heading", [
    ("legend", "AES", "Alliance of Sahel States"),
    ("legend", "SAHEL", "Sahel"),
    ("url", "ECOWAS", "Economic Community of West African States"),
])
def test_a_selected_bloc_lights_up_its_members(page: Page, base_url: str, how: str, bloc: str,
                                               heading: str, shaped_members: dict[str, int],
                                               page_log: PageLog):
    page.set_viewport_size(DESK)
    frame = open_page(page, base_url, "" if how == "legend" else f"place={bloc}")
    if how == "legend":
        frame.locator(f".map-legend button[data-select='{bloc}']").click()
        page.wait_for_url(re.compile(rf"[?&]place={bloc}(&|$)"), timeout=TIMEOUT)
    wait_for_heading(page, heading)
    assert shaped_members[bloc] >= 3
    expect(frame.locator(MEMBER_SHAPES)).to_have_count(shaped_members[bloc], timeout=TIMEOUT)
    save_screenshot(page, f"bloc-{bloc}")
    page_log.assert_clean()


def test_a_countrys_blocs_are_one_click_from_its_pane(page: Page, base_url: str,
                                                      page_log: PageLog):
    page.set_viewport_size(DESK)
    frame = open_page(page, base_url, "place=NER")
    page.get_by_role("button", name="Alliance of Sahel States").click()
    wait_for_heading(page, "Alliance of Sahel States")
    expect(frame.locator(MEMBER_SHAPES)).to_have_count(3, timeout=TIMEOUT)
    assert params(page) == {"doc": DOC, "place": "AES"}
    page_log.assert_clean()


LABEL_CUT = """() => Array.from(document.querySelectorAll(
    '[data-testid="stMain"] .stButton button, [data-testid="stSidebar"] .stPopover button'))
  .filter(b => b.offsetParent !== null)
  .flatMap(b => Array.from(b.querySelectorAll('*')))
  .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow !== 'visible')
  .map(e => e.closest('button').innerText)"""


@pytest.mark.parametrize("width", [1280, 390])
def test_no_label_in_the_strip_or_the_places_list_is_cut(page: Page, base_url: str, width: int,
                                                         page_log: PageLog):
    page.set_viewport_size({"width": width, "height": 800})
    open_page(page, base_url)
    labels = page.locator('[data-testid="stMain"] .stButton button').all_inner_texts()
    assert "Alliance of Sahel States · 2" in labels and "1 Moscow" in labels
    assert page.evaluate(LABEL_CUT) == []
    page_log.assert_clean()


def test_the_map_stays_in_view_while_passages_are_read(page: Page, base_url: str,
                                                       page_log: PageLog):
    page.set_viewport_size(DESK)
    open_page(page, base_url, "place=NER")
    page.evaluate("() => { const m = document.querySelector('[data-testid=stMain]');"
                  " m.scrollTop = m.scrollHeight; }")
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollTop") > 800
    expect(page.locator(FOLIUM_IFRAME)).to_be_in_viewport(ratio=0.9)
    page_log.assert_clean()


def test_the_copy_button_says_it_copied(page: Page, base_url: str, page_log: PageLog):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_page(page, base_url, "place=NER")
    menu = open_popover(page, "Share this view")
    menu.get_by_role("button", name="Copy link").click()
    expect(menu.get_by_role("status")).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{base_url}?doc={DOC}&place=NER"
    page_log.assert_clean()


def test_a_place_the_article_does_not_name_says_so_and_stays(page: Page, base_url: str,
                                                             page_log: PageLog):
    open_page(page, base_url, "place=TCD")
    wait_for_heading(page, "Chad")
    expect(page.get_by_text("Chad is not mentioned in this article", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stAlert").filter(has_text="Unknown")).to_have_count(0)
    page.get_by_test_id("stSidebar").get_by_text("Mention density", exact=True).click()
    page.wait_for_url(re.compile(r"[?&]layers="), timeout=TIMEOUT)
    wait_for_heading(page, "Chad")
    assert params(page)["place"] == "TCD"
    page_log.assert_clean()


def test_the_g5_sahel_is_offered_as_dissolved(page: Page, base_url: str, page_log: PageLog):
    open_page(page, base_url)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("G5 Sahel (dissolved December 2023)").click()
    page.wait_for_url(re.compile(r"[?&]sahel=G5S"), timeout=TIMEOUT)
    expect(sidebar.get_by_text(re.compile("No longer exists: Mali withdraws"))).to_be_visible(
        timeout=TIMEOUT)
    page_log.assert_clean()
