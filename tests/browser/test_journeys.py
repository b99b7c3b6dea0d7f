"""Journeys in the real page: two travellers in two colours, a planned leg dashed, every pin
in view."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from dashboard.core.palette import PLANNED_DASH, journey_colour
from tests.browser.conftest import PageLog

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytest.importorskip("playwright")
from playwright.sync_api import expect  # noqa: E402

from tests.browser.test_manners import redrawn_with  # noqa: E402
from tests.browser.test_page import TIMEOUT, open_page  # noqa: E402
from tests.browser.test_upload import upload  # noqa: E402

ARTICLE = ("---\ntitle: Two presidents travel\nsource: Test wire\n---\n"
           "The Chadian president flew to Paris on Monday. The Ghanaian president will travel "
           "to Tokyo on Tuesday.\n")
# Each pin's box inside the map's own box (the map's fitted view shows every stop and start).
PINS_IN_VIEW = """() => {
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  return Array.from(document.querySelectorAll('.stop-pin')).map(pin => {
    const box = pin.getBoundingClientRect();
    return box.left >= map.left && box.right <= map.right && box.top >= map.top
      && box.bottom <= map.bottom;
  });
}"""


def test_two_travellers_have_two_colours_and_a_planned_leg_is_dashed(page: Page, base_url: str,
                                                                    page_log: PageLog):
    open_page(page, base_url)
    upload(page, "two-travellers.md", ARTICLE.encode())
    page.wait_for_url(re.compile(r"[?&]doc=upload-two-travellers"), timeout=TIMEOUT)
    frame = redrawn_with(page, "Ghanaian president")  # the new article's map, not the seed's
    entries = frame.locator(".map-legend .legend-journey")
    expect(entries).to_have_count(2, timeout=TIMEOUT)
    expect(entries.nth(0)).to_contain_text("Journey 1: Chadian president")
    expect(entries.nth(1)).to_contain_text("Journey 2: Ghanaian president")
    colours = [entries.nth(i).locator("i").evaluate("i => getComputedStyle(i).backgroundColor")
               for i in range(2)]
    assert colours[0] != colours[1]
    for index in (1, 2):  # each journey's legs are drawn in its legend colour
        stroke = journey_colour(index)
        assert frame.locator(f'path.leaflet-interactive[stroke="{stroke}"]').count() >= 1
    dashed = frame.locator(f'path.leaflet-interactive[stroke-dasharray="{PLANNED_DASH}"]')
    expect(dashed).to_have_count(1)  # Accra → Tokyo; Paris was reached
    assert dashed.get_attribute("stroke") == journey_colour(2)
    expect(frame.locator(".stop-pin")).to_have_count(4)  # two starts, two stops
    assert all(frame.evaluate(PINS_IN_VIEW))
    strip = page.get_by_role("button", name=re.compile("Tokyo · planned"))
    expect(strip).to_be_visible(timeout=TIMEOUT)
    page_log.assert_clean()
