"""After the server restarts under an open page, the reader's first click is not lost."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import DEFAULT_APP, PageLog, click_map_at, start_streamlit

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytest.importorskip("playwright")
from tests.browser.test_page import INSIDE_NIGER, TIMEOUT, open_page, wait_for_heading  # noqa: E402

INSIDE_MALI = (18.0, -2.0)


def test_the_first_click_after_a_restart_selects_what_was_clicked(page: Page, page_log: PageLog):
    server = start_streamlit(DEFAULT_APP)
    sockets: list[str] = []
    page.on("websocket", lambda socket: sockets.append(socket.url))
    try:
        frame = open_page(page, server.url)
        click_map_at(frame, *INSIDE_NIGER)
        wait_for_heading(page, "Niger")
        port = urlsplit(server.url).port
        server.stop()
        opened = len(sockets)
        server = start_streamlit(DEFAULT_APP, port=port)
        deadline = TIMEOUT
        while len(sockets) == opened and deadline > 0:  # the page reconnects on its own
            page.wait_for_timeout(250)
            deadline -= 250
        assert len(sockets) > opened, "the page did not reconnect"
        page.wait_for_timeout(1000)
        click_map_at(frame, *INSIDE_MALI)  # the open page, reconnected
        page.wait_for_url(re.compile(r"[?&]place=MLI(&|$)"), timeout=TIMEOUT)
        wait_for_heading(page, "Mali")
    finally:
        server.stop()
