"""Clicks on the map, as st_folium reports them: each new one once, whichever view drew it."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from . import state

LAST = "last-click"  # session key: the click last turned into a selection (where, feature)
SEEN_RUN = "map-drawn-once"  # session key: a map has been drawn in this session


def new_click(result: Mapping | None) -> tuple[str, str | None] | None:
    """Return the (place, stop) of a click not seen before, or None."""
    result = result or {}
    # Where the click was tells a second click on the same feature from a rerun.
    drawing, where = result.get("last_active_drawing"), result.get("last_object_clicked")
    if drawing is None or where is None:
        st.session_state.pop(LAST, None)  # a new map iframe: nothing clicked yet
        return None
    if (where, drawing) == st.session_state.get(LAST):
        return None
    st.session_state[LAST] = (where, drawing)
    return state.from_click(drawing.get("properties"))


def late_click(result: Mapping | None) -> tuple[str, str | None] | None:
    """Return a click that reached a session's first run, or None: after a server restart the
    open page's first click starts a new session, whose map value is known only once the map
    is drawn (st.session_state has no value for a widget not yet drawn in the session)."""
    if st.session_state.get(SEEN_RUN):
        return None
    st.session_state[SEEN_RUN] = True
    return new_click(result)
