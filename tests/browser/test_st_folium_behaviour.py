"""Pins the st_folium 0.27 behaviour the page relies on (see tests/browser/README.md)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.conftest import (
    APPS_DIR,
    PageLog,
    StreamlitServer,
    click_map_at,
    wait_for_map,
)

if TYPE_CHECKING:
    from playwright.sync_api import Frame, Page

DEBOUNCE_S = 0.25  # st_folium sends map events through an underscore debounce of 250 ms


@pytest.fixture(scope="module")
def app(streamlit_server_factory: Callable[..., StreamlitServer]) -> StreamlitServer:
    """The interaction probe app."""
    return streamlit_server_factory(APPS_DIR / "interaction_app.py")


def shown(page: Page) -> dict[str, Any]:
    """Return what the app printed: its run count and st_folium's return value."""
    return json.loads(page.locator("code").last.inner_text())


def next_state(page: Page, before: dict[str, Any], timeout: float = 10) -> dict[str, Any]:
    """Wait until the app has rerun, and return what it printed then."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = shown(page)
        if state["runs"] > before["runs"]:
            return state
        time.sleep(0.05)
    raise AssertionError(f"no rerun within {timeout}s after {before}")


def open_map(page: Page, app: StreamlitServer) -> tuple[Frame, dict[str, Any]]:
    """Open the app, wait for the map, and return its frame and the first printed state."""
    page.goto(app.url)
    frame = wait_for_map(page)
    page.wait_for_timeout(int(DEBOUNCE_S * 4000))
    return frame, shown(page)


def test_geojson_click_reports_feature_properties(app: StreamlitServer, page: Page):
    """A GeoJson feature's properties come back in last_active_drawing, not last_object_clicked."""
    frame, state = open_map(page, app)
    for lat, lon, expected in [(20, 10, "NER"), (20, -8, "MLI"), (13.51, 2.11, "gn:2440485")]:
        click_map_at(frame, lat, lon)
        state = next_state(page, state)
        returned = state["returned"]
        assert returned["last_active_drawing"]["properties"] == {"id": expected}
        assert set(returned["last_object_clicked"]) == {"lat", "lng"}  # where, not what


def test_loose_marker_click_leaves_last_active_drawing_stale(app: StreamlitServer, page: Page):
    """A layer outside any group does not update last_active_drawing: it keeps the last feature."""
    frame, state = open_map(page, app)
    click_map_at(frame, 20, 10)
    state = next_state(page, state)
    click_map_at(frame, 17, 13)  # the loose CircleMarker, inside Niger's square
    state = next_state(page, state)  # reruns only because last_object_clicked moved
    assert state["returned"]["last_active_drawing"]["properties"] == {"id": "NER"}


def test_pan_and_zoom_do_not_rerun(app: StreamlitServer, page: Page):
    """With returned_objects limited to clicks, moving the map does not rerun the script."""
    frame, state = open_map(page, app)
    frame.evaluate("window.map.setZoom(6); window.map.panBy([80, 40])")
    page.wait_for_timeout(int(DEBOUNCE_S * 6000))
    assert shown(page)["runs"] == state["runs"]


def test_feature_group_change_keeps_iframe_and_view(
    app: StreamlitServer, page: Page, page_log: PageLog
):
    """Changing only feature_group_to_add swaps that layer in place: same iframe, same zoom."""
    frame, state = open_map(page, app)
    frame.evaluate("window.__kept = true; window.map.setZoom(5)")
    page.get_by_text("south", exact=True).click()
    next_state(page, state)
    page.wait_for_timeout(500)
    assert frame.evaluate("window.__kept") is True
    assert frame.evaluate("window.map.getZoom()") == 5
    tooltips = frame.evaluate(
        "window.feature_group.filter(g => window.map.hasLayer(g))"
        ".flatMap(g => g.getLayers().map(l => l.getTooltip().getContent()))"
    )
    assert len(tooltips) == 1 and "south" in tooltips[0]
    page_log.assert_clean()


def test_base_map_change_rebuilds_iframe(app: StreamlitServer, page: Page):
    """Any change to the map itself (here a style) mounts a new iframe: the view resets."""
    frame, state = open_map(page, app)
    frame.evaluate("window.__kept = true; window.map.setZoom(6)")
    page.get_by_text("green", exact=True).click()
    next_state(page, state)
    page.wait_for_timeout(500)
    frame = wait_for_map(page)
    assert frame.evaluate("window.__kept === undefined")
    assert frame.evaluate("window.map.getZoom()") == 4
