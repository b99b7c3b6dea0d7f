"""The map draws from the vendored assets alone: no CDN, no failed request, no console error."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import (
    APPS_DIR,
    PageLog,
    StreamlitServer,
    click_map_at,
    save_screenshot,
    wait_for_map,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page

PROBE_APP = APPS_DIR / "probe_app.py"
SETTLE_MS = 1_000  # late requests (images from leaflet.css, tooltips) arrive after the first draw


@pytest.fixture(scope="module", params=["", "/sub"], ids=["root", "baseUrlPath=/sub"])
def probe(request: pytest.FixtureRequest, streamlit_server_factory: Callable[..., StreamlitServer]):
    """The probe app served at the root and under --server.baseUrlPath=/sub."""
    return streamlit_server_factory(PROBE_APP, base_url_path=request.param)


def test_map_draws_without_leaving_localhost(probe: StreamlitServer, page: Page, page_log: PageLog):
    """The map, its polygon and its marker draw; every request stays local and succeeds."""
    assets: list[str] = []
    page.on("request", lambda r: "/app/static/" in r.url and assets.append(r.url))
    page.goto(probe.url)
    frame = wait_for_map(page)
    page.wait_for_timeout(SETTLE_MS)
    save_screenshot(page, "offline-probe-" + (urlsplit(probe.url).path.strip("/") or "root"))

    assert frame.locator("path.leaflet-interactive").count() >= 3  # polygon, circle, line
    assert frame.locator(".leaflet-marker-icon").count() == 1  # the DivIcon
    assert f"{probe.url}app/static/vendor/leaflet/leaflet.js" in assets
    assert f"{probe.url}app/static/vendor/leaflet/leaflet.css" in assets
    page_log.assert_clean()


def test_popup_and_click_work(probe: StreamlitServer, page: Page, page_log: PageLog):
    """A click on the marker opens its popup (folium's Popup needs jQuery) and reaches Python."""
    page.goto(probe.url)
    frame = wait_for_map(page)
    click_map_at(frame, 13.51, 2.11)

    frame.locator(".leaflet-popup-content", has_text="Niamey popup").wait_for(state="visible")
    page.get_by_text("'last_object_clicked': {'lat'").wait_for(timeout=10_000)
    page_log.assert_clean()
