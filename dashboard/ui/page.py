"""The page: the desk of every article, or one article's view, as the URL says."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

import streamlit as st

from . import articleview, data, deskview, library, panels

# The map emoji drawn as Streamlit draws an emoji favicon, as an ASCII data URL: given the emoji
# itself, Streamlit loads its catalogue of emoji to check it (40 ms of a fresh server's first run).
PAGE_ICON = "data:image/svg+xml," + quote(
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
    "<text y='.9em' font-size='90'>\N{WORLD MAP}\N{VARIATION SELECTOR-16}</text></svg>")
REPEATED = ("source", "lang")  # parameters a desk link may repeat


def query() -> dict[str, object]:
    """Return the URL's parameters: one value each, a list for those a link may repeat."""
    params: dict[str, object] = st.query_params.to_dict()
    for key in REPEATED:
        if key in params:
            params[key] = st.query_params.get_all(key)
    return params


def wants_desk(params: Mapping[str, object]) -> bool:
    """Tell whether the URL asks for the desk: said so, or naming no article while the desk
    holds more than one (a link to one article is that article's view)."""
    if params.get("view") == "desk":
        return True
    return "doc" not in params and params.get("view") != "article" and library.count() > 1


def main() -> None:
    """Draw the page."""
    st.set_page_config(page_title="Sahel news map", page_icon=PAGE_ICON, layout="wide")
    broken = data.geodata_problems()
    if broken:
        st.title("Sahel news map")
        for problem in broken:
            st.error(problem)
        return
    desk = data.desk()
    if desk.notice:
        st.sidebar.info(desk.notice)
    stale = data.stale_articles()
    if stale:
        st.sidebar.info(f"The desk is being read again with the updated parser: {stale:,} "
                        f"article{'s' * (stale != 1)} to go, shown as last read meanwhile.")
    for problem in data.seed_problems():
        st.sidebar.warning(panels.plain(problem))
    params = query()
    if wants_desk(params):
        deskview.show(params)
    else:
        articleview.show(params)
