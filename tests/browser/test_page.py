"""The real page (dashboard/app.py) on a real Streamlit server, driven in Chromium."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import (
    FOLIUM_IFRAME,
    PageLog,
    click_map_at,
    publish_screenshot,
    save_screenshot,
    wait_for_map,
)

if TYPE_CHECKING:
    from playwright.sync_api import Frame, Page

pytest.importorskip("playwright")
from playwright.sync_api import Error as PlaywrightError  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

DOC = "niger-russia-military-cooperation"
INSIDE_NIGER = (17.5, 9.5)  # Aïr/Ténéré: only Niger's polygon there (the legs pass far west)
AES_FILL = "#0072B2"
NIGER_WORDS = ("Niger", "Nigerien", "Niamey")
TIMEOUT = 20_000

# The text of each passage in the reading pane (without its number and "Why:" line), and
# whether it comes after the "Passages naming its members" heading.
PANE_PASSAGES = """() => {
  const out = []; let members = false;
  for (const box of document.querySelectorAll('[data-testid="stMarkdownContainer"]')) {
    if (box.innerText.startsWith('Passages naming its members')) members = true;
    for (const p of box.querySelectorAll('.passage')) {
      const copy = p.cloneNode(true);
      copy.querySelectorAll('.why, .num').forEach(e => e.remove());
      out.push({text: copy.innerText.trim(), members});
    }
  }
  return out;
}"""


def params(page: Page) -> dict[str, str]:
    """Return the page URL's query parameters (one value each)."""
    return {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query,
                                          keep_blank_values=True).items()}


def open_page(page: Page, base_url: str, query: str = "") -> Frame:
    """Open the page (with a query string), wait until the map has drawn, return its frame."""
    page.goto(base_url + (f"?{query}" if query else ""))
    expect(page.locator("h1")).to_have_text("Sahel news map", timeout=TIMEOUT)
    frame = wait_for_map(page)
    settle(page)
    return frame


def settle(page: Page) -> None:
    """Wait until the script has finished running (the status widget is gone)."""
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=TIMEOUT)


def pane_heading(page: Page) -> str:
    """Return the first subheader (the reading pane's title)."""
    return page.locator("h3").first.inner_text().strip()


def wait_for_heading(page: Page, text: str) -> None:
    expect(page.locator("h3").first).to_have_text(text, timeout=TIMEOUT)
    settle(page)


def map_with_no(page: Page, selector: str, timeout: float = 20) -> Frame:
    """Wait until the (possibly new) map iframe has drawn with nothing matching selector."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            frame = wait_for_map(page)
            if frame.locator(selector).count() == 0:
                return frame
        except PlaywrightError:  # the old iframe went away while we looked
            pass
        page.wait_for_timeout(200)
    raise AssertionError(f"the map still draws {selector} after {timeout}s")


def test_map_draws_with_no_failed_or_remote_request(page: Page, base_url: str,
                                                    page_log: PageLog):
    frame = open_page(page, base_url)
    fills = frame.eval_on_selector_all("path.leaflet-interactive",
                                       "ps => ps.map(p => p.getAttribute('fill'))")
    assert fills.count(AES_FILL) == 3  # Niger, Mali, Burkina Faso
    pins = frame.locator(".stop-pin")
    expect(pins).to_have_text(["start", "1", "2", "3", "4"])
    arrows = frame.eval_on_selector_all(".leg-arrow", "as => as.map(a => a.style.transform)")
    assert len(arrows) == 4 and all(a.startswith("rotate(") for a in arrows)  # one per leg
    assert frame.locator(".leaflet-marker-icon:not(.empty)").count() == 0  # no default pins
    expect(frame.locator(".map-legend")).to_contain_text("AES bloc")
    expect(frame.locator(".map-legend")).to_have_attribute("open", "")  # unfolded when wide
    assert pane_heading(page) == "Places in this article"
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert params(page) == {}  # nothing to correct: the URL is left as opened
    icon = page.eval_on_selector("link[rel='shortcut icon']", "l => decodeURIComponent(l.href)")
    assert icon.startswith("data:image/svg+xml,<svg") and "\N{WORLD MAP}" in icon  # no request
    page_log.assert_clean()


def test_clicking_niger_shows_its_passages_without_rebuilding_the_map(
        page: Page, base_url: str, page_log: PageLog):
    frame = open_page(page, base_url)
    frame.locator(".leaflet-control-zoom-in").click()
    frame.wait_for_function("() => window.map.getZoom() === 4 && !window.map._animatingZoom")
    # Bring Niger to the middle, clear of the legend and controls, as a user would drag.
    frame.evaluate("([la, lo]) => { map.panTo([la, lo + 2], {animate: false}); }", INSIDE_NIGER)
    page.wait_for_timeout(400)
    before = frame.evaluate("() => ({zoom: map.getZoom(), c: map.getCenter()})")
    assert frame.evaluate("([la, lo]) => map.getBounds().contains([la, lo])", INSIDE_NIGER)
    frame.evaluate("() => { window.__marker = 1; }")
    page.eval_on_selector(FOLIUM_IFRAME, "f => { f.__marker = 1; }")

    click_map_at(frame, *INSIDE_NIGER)
    page.wait_for_url(re.compile(r"[?&]place=NER(&|$)"), timeout=TIMEOUT)
    wait_for_heading(page, "Niger")

    shown = page.evaluate(PANE_PASSAGES)
    main = [p["text"] for p in shown if not p["members"]]
    assert len(main) >= 8
    for text in main:
        assert any(word in text for word in NIGER_WORDS), text
    assert any("Republic of Niger" in t for t in main)
    assert any("Niamey's" in t for t in main)
    shown = params(page)
    assert shown.pop("at").endswith(",4")  # where the reader zoomed, kept in the link
    assert shown == {"doc": DOC, "place": "NER"}

    # The same iframe and Leaflet map: zoom and centre kept, Niger outlined in place.
    assert page.eval_on_selector(FOLIUM_IFRAME, "f => f.__marker") == 1
    frame = wait_for_map(page)
    assert frame.evaluate("() => window.__marker") == 1
    after = frame.evaluate("() => ({zoom: map.getZoom(), c: map.getCenter()})")
    assert after == before
    # The selection outline (weight 4; hovering Niger also draws a weight-3 #D55E00 border).
    outline = frame.locator('path[stroke="#D55E00"][stroke-width="4"]')
    expect(outline).to_have_count(1, timeout=TIMEOUT)
    # A mouse click draws no focus rectangle around the clicked country's bounds.
    focused = frame.evaluate("() => { const e = document.activeElement; return e && "
                             "e.tagName.toLowerCase() === 'path' ? getComputedStyle(e)"
                             ".outlineStyle : null; }")
    assert focused in (None, "none"), focused
    page_log.assert_clean()


def test_clicking_the_same_country_again_after_going_back(page: Page, base_url: str):
    frame = open_page(page, base_url)
    click_map_at(frame, *INSIDE_NIGER)
    wait_for_heading(page, "Niger")
    page.get_by_role("button", name="Show the whole article").click()
    wait_for_heading(page, "Places in this article")
    assert "place" not in params(page)
    frame = wait_for_map(page)
    click_map_at(frame, INSIDE_NIGER[0] + 0.3, INSIDE_NIGER[1])
    wait_for_heading(page, "Niger")
    assert params(page)["place"] == "NER"


def test_clicking_the_third_stop_shows_its_sentence(page: Page, base_url: str,
                                                    page_log: PageLog):
    frame = open_page(page, base_url)
    frame.locator('.stop-pin[data-stop="1-3"]').click()
    page.wait_for_url(re.compile(r"[?&]stop=1-3(&|$)"), timeout=TIMEOUT)
    wait_for_heading(page, "Stop 3: Türkiye (planned)")
    texts = [p["text"] for p in page.evaluate(PANE_PASSAGES)]
    assert len(texts) == 1
    assert texts[0].endswith("will go to Serbia, Turkey, and Iran.")
    expect(page.locator(".passage mark.sel")).to_have_text(["Turkey"])
    assert params(page) == {"doc": DOC, "place": "TUR", "stop": "1-3"}
    page_log.assert_clean()


def tab_to(page: Page, name: str, limit: int = 150) -> None:
    """Press Tab, as a keyboard user would, until the button named name has the focus."""
    focused = "() => (document.activeElement && document.activeElement.innerText || '').trim()"
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(focused) == name:
            return
    raise AssertionError(f"Tab never reached the button {name!r}")


def test_a_keyboard_reaches_a_place_a_stop_and_the_article_again(page: Page, base_url: str,
                                                                page_log: PageLog):
    open_page(page, base_url)
    tab_to(page, "Niger · 12")  # the pane's list of places: the path to what the map does
    page.keyboard.press("Enter")
    wait_for_heading(page, "Niger")
    texts = [p["text"] for p in page.evaluate(PANE_PASSAGES)]
    assert texts and all(any(w in t for w in NIGER_WORDS) for t in texts)
    tab_to(page, "3 Türkiye · planned")  # the journey's stops, under the map
    page.keyboard.press("Enter")
    wait_for_heading(page, "Stop 3: Türkiye (planned)")
    tab_to(page, "All passages about Türkiye")
    page.keyboard.press("Enter")
    wait_for_heading(page, "Türkiye")
    tab_to(page, "Show the whole article")
    page.keyboard.press("Enter")
    wait_for_heading(page, "Places in this article")
    assert params(page) == {"doc": DOC}
    page_log.assert_clean()


def test_opening_the_aes_link_shows_the_bloc(page: Page, base_url: str, page_log: PageLog):
    open_page(page, base_url, "place=AES")
    wait_for_heading(page, "Alliance of Sahel States")
    shown = page.evaluate(PANE_PASSAGES)
    main = [p["text"] for p in shown if not p["members"]]
    members = [p["text"] for p in shown if p["members"]]
    assert main and all("Alliance of Sahel States" in t or "(AES)" in t for t in main)
    assert members
    heading = page.get_by_test_id("stMarkdownContainer").filter(
        has_text="Passages naming its members")
    expect(heading).to_contain_text("Burkina Faso, Mali, Niger")
    assert params(page) == {"place": "AES"}
    page_log.assert_clean()


@pytest.mark.parametrize("value", ["%3Cscript%3E", "%3Cimg%20src%3Dx%20onerror%3D"
                                   "%22window.__xss%3D1%22%3E"])
def test_a_bad_place_link_shows_a_notice_and_the_default_view(
        page: Page, base_url: str, page_log: PageLog, value: str):
    open_page(page, base_url, f"place={value}")
    notice = page.get_by_test_id("stAlert")
    expect(notice).to_have_count(1)
    expect(notice).to_contain_text("Unknown place")
    expect(notice).to_contain_text("<")  # shown as typed, not as HTML
    assert pane_heading(page) == "Places in this article"
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text("Traceback")).to_have_count(0)
    assert page.evaluate("() => window.__xss") is None
    assert params(page) == {"doc": DOC}
    page_log.assert_clean()


def test_unchecking_the_aes_layer_removes_its_polygons(page: Page, base_url: str,
                                                      page_log: PageLog):
    frame = open_page(page, base_url)
    aes = 'path.leaflet-interactive[fill="#0072B2"], path[stroke="#0072B2"]'
    expect(frame.locator(aes)).to_have_count(4)  # three members and the bloc's outline
    page.get_by_test_id("stSidebar").get_by_text("AES bloc", exact=True).first.click()
    page.wait_for_url(re.compile(r"[?&]layers=sahel%2Cjourneys%2Ccountries(&|$)|"
                                 r"[?&]layers=sahel,journeys,countries(&|$)"), timeout=TIMEOUT)
    settle(page)
    frame = map_with_no(page, aes)
    expect(frame.locator('path[fill="#E69F00"]').first).to_be_visible()  # the rest is drawn
    expect(frame.locator(".map-legend")).not_to_contain_text("AES bloc")
    assert params(page)["layers"] == "sahel,journeys,countries"
    page_log.assert_clean()


def test_screenshots(page: Page, base_url: str, page_log: PageLog):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page(page, base_url)
    page.wait_for_timeout(800)
    publish_screenshot(save_screenshot(page, "dashboard"), "screenshot.png")

    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, base_url)
    page.wait_for_timeout(800)
    save_screenshot(page, "dashboard-narrow")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page_log.assert_clean()


def test_a_tooltip_is_read_clear_of_the_legend_and_the_pins(page: Page, base_url: str,
                                                           page_log: PageLog):
    frame = open_page(page, base_url)
    legend = frame.locator(".map-legend")
    box = page.locator(FOLIUM_IFRAME).bounding_box()
    point = frame.evaluate("([la, lo]) => map.latLngToContainerPoint([la, lo])", INSIDE_NIGER)
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    expect(frame.locator(".leaflet-tooltip")).to_contain_text("Niger")
    expect(legend).to_have_css("opacity", "0.12")  # the tooltip is not hidden under it
    expect(frame.locator(".leaflet-tooltip")).to_have_css("opacity", "1")  # nor a pin in it
    page.mouse.move(box["x"] + 5, box["y"] + box["height"] / 2)  # off every country
    expect(frame.locator(".leaflet-tooltip")).to_have_count(0)
    expect(legend).to_have_css("opacity", "1")
    page_log.assert_clean()


def test_on_a_narrow_screen_the_legend_is_folded_and_opens_on_a_tap(page: Page, base_url: str,
                                                                     page_log: PageLog):
    page.set_viewport_size({"width": 390, "height": 844})
    frame = open_page(page, base_url)
    legend = frame.locator(".map-legend")
    expect(legend).not_to_have_attribute("open", "")
    expect(legend.get_by_text("AES bloc")).to_be_hidden()  # the countries stay in view
    legend.get_by_text("Legend").click()
    expect(legend.get_by_text("AES bloc")).to_be_visible()
    page_log.assert_clean()
