"""The page's manners beyond Streamlit's widgets: a map kept in view, the passages brought
into view on a phone, the sidebar closed after a pick, a link to copy.

The styles and scripts are files of ui/js/; a script runs once each time it is sent.
"""

from __future__ import annotations

import html
import time
from string import Template

import streamlit as st
from markupsafe import Markup

from ..core.palette import COLOURS
from .mapparts import source

CLOSE_SIDEBAR = "close-sidebar"  # session flag: close the sidebar on the next run (phones)
SHOWN = "shown-selection"  # session key: the selection the pane showed last


def page_style() -> Markup:
    """Return the page's style (the map stays in view beside long passages on a wide screen),
    to send with the header: a <style> sent alone as st.html upset the sidebar's checkboxes."""
    return Markup("<style>{}</style>").format(Markup(source("page.css")))


def run_script(name: str, nonce: str) -> None:
    """Run a script of ui/js/ in the page once (nonce: what makes this sending new)."""
    st.sidebar.html(f"<script data-nonce='{html.escape(nonce, quote=True)}'>"
                    f"{source(name)}</script>", unsafe_allow_javascript=True)


def follow_selection(key: str) -> None:
    """On a phone, bring the passages of a selection that just changed into view."""
    shown = st.session_state.get(SHOWN)
    st.session_state[SHOWN] = key
    if shown is not None and shown != key:
        run_script("to_pane.js", key)


def close_sidebar_if_asked() -> None:
    """Close the sidebar on a phone when a pick asked for it (the flag is used once)."""
    if st.session_state.pop(CLOSE_SIDEBAR, False):
        run_script("close_sidebar.js", str(time.monotonic_ns()))


def ask_to_close_sidebar() -> None:
    """Ask the next run to close the sidebar on a phone (a widget callback's request)."""
    st.session_state[CLOSE_SIDEBAR] = True


def share_link(url: str) -> None:
    """Show the view's link with a button that copies it and says so."""
    body = Template(source("share.html")).substitute(url=html.escape(url, quote=True),
                                                     accent=COLOURS["selected"])
    st.html(body, unsafe_allow_javascript=True)
