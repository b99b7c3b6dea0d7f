"""One article's view: its places on the map, its journeys, its passages, and its URL."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from . import adding, clicks, data, embed, library, manners, panels, share, sidebar, state

NOTICES = "url-notices"  # session key: (the view a bad URL was corrected to, its notices)
MAP_HEIGHT = 560


def go(view: state.View, kept: dict[str, str] | None = None) -> None:
    """Make a view the current one: the URL holds it and what the map keeps (given, or the
    reader's map position while they stay on the same article)."""
    if kept is None:
        same = st.query_params.get("doc", library.first_slug()) == view.doc
        kept = state.position(st.query_params) if same else {}
    st.query_params.from_dict({**state.to_params(view), **kept})


def read_view(params: Mapping[str, object]) -> tuple[state.Parsed, data.Article] | None:
    """Read and validate the URL; return the view read (with notices) and its article."""
    known, first = library.Known(), library.first_slug()
    if first is None:
        return None
    parsed = state.parse(params, known, first)
    article = library.article(parsed.view.doc)
    doc = article.document
    stops = {f"{j.index}-{s.order}" for j in article.analysis.journeys for s in j.stops}
    # Any place the geodata knows may be selected: a country the article does not name says so.
    parsed = state.parse(params, known, first, data.load_gazetteer().places, stops,
                         len(doc.passages))
    if parsed.notices:  # a bad value is replaced; a missing one just means the default
        go(parsed.view, parsed.kept)
    return parsed, article


def kept_notices(parsed: state.Parsed) -> list[str]:
    """Return the notices to show: this URL's, or the last corrected URL's for as long as the
    reader stays on the view it was corrected to (a rerun would otherwise lose them)."""
    shown = state.to_params(parsed.view)
    if parsed.notices:
        st.session_state[NOTICES] = (shown, parsed.notices)
        return parsed.notices
    kept = st.session_state.get(NOTICES)
    if kept and kept[0] == shown:
        return kept[1]
    st.session_state.pop(NOTICES, None)
    return []


def handle_click(view: state.View, result: Mapping | None) -> state.View:
    """Turn a new click on the map into a selection; return the view to show."""
    chosen = clicks.new_click(result)
    if chosen is None:
        return view
    new = state.select(view, *chosen)
    go(new)
    return new


def show(params: Mapping[str, object]) -> None:
    """Draw one article's view."""
    top = st.sidebar.container()  # the article picker, above the adding box it depends on
    adding.add_box()
    read = read_view(params)
    if read is None:
        st.title("Sahel news map")
        st.info("The desk is empty: add an article with the sidebar's button.")
        return
    parsed, article = read
    view, notices = parsed.view, kept_notices(parsed)
    # The map's value is in the session before the script runs: a click is handled here, once,
    # so the highlight and the pane follow it in this same run.
    view = handle_click(view, st.session_state.get("map"))
    for notice in notices:
        st.warning(panels.plain(notice))
    gaz = data.load_gazetteer()
    doc = article.document
    panels.header(doc)
    if article.analysis.note:
        st.info(article.analysis.note)
    layers = data.document_layers(article.key, view.sahel, article)
    left, right = st.columns([3, 2], gap="medium")
    # Sent first, what the user waits for: on a first visit the map (its frame then loads while
    # the rest is drawn), after a click the passages.
    first_visit = "map" not in st.session_state
    if first_visit:
        with left:
            draw_map(article, view)
    with right:
        panels.reading_pane(doc, article.analysis, view, gaz, layers, go)
    if not first_visit:
        with left:
            draw_map(article, view)
    sidebar.sidebar(view, article, gaz, go, top)
    share.first_load(bool(notices), {**state.to_params(view), **parsed.kept})
    # Scripts last, below every widget of the sidebar they are drawn in.
    manners.follow_selection(f"{view.doc}|{view.place}|{view.stop}")
    manners.close_sidebar_if_asked()


def draw_map(article: data.Article, view: state.View) -> None:
    """Draw the map of the view, and the journeys' stops under it."""
    drawn = data.document_frame(article, view.sahel, view.layers, view.basemap)
    result = embed.draw(drawn, "map", MAP_HEIGHT)
    late = clicks.late_click(result)
    if late is not None and state.select(view, *late) != view:
        go(state.select(view, *late))
        st.rerun()
    if article.analysis.journeys:
        panels.itinerary_strip(article.analysis, view, go)
