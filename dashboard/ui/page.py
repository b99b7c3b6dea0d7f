"""The page: URL state in, sidebar, map and reading pane out."""

from __future__ import annotations

from urllib.parse import quote

import streamlit as st
from streamlit_folium import st_folium

from ..core import documents
from ..core.models import Document
from . import data, manners, panels, share, sidebar, state

# The map emoji drawn as Streamlit draws an emoji favicon, as an ASCII data URL: given the emoji
# itself, Streamlit loads its catalogue of emoji to check it (40 ms of a fresh server's first run).
PAGE_ICON = "data:image/svg+xml," + quote(
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
    "<text y='.9em' font-size='90'>\N{WORLD MAP}\N{VARIATION SELECTOR-16}</text></svg>")
UPLOAD_POPOVER = "upload-popover"
SEEN_RUN = "map-drawn-once"  # session key: the map has been drawn in this session
NOTICES = "url-notices"  # session key: (the view a bad URL was corrected to, its notices)


def go(view: state.View, kept: dict[str, str] | None = None) -> None:
    """Make a view the current one: the URL holds it (and what the map keeps, if given)."""
    st.query_params.from_dict({**state.to_params(view), **(kept or {})})


def available_documents() -> tuple[list[Document], list[str]]:
    """Return the seed articles plus this session's uploads, and problems reading seeds."""
    seeds, problems = data.load_seeds()
    uploads = list(st.session_state.get("uploads", {}).values())
    return seeds + uploads, problems


def upload_box() -> None:
    """Offer to read an article from the user's computer (kept for this session).

    The upload box sits in a popover: mounted on the page, Streamlit's drop zone delays the
    map's drawing by about 200 ms on every visit; in a closed popover it costs nothing. The
    popover closes once an article is read, and stays open on the error if it was not.
    """
    with st.sidebar.popover("Add an article (.txt or .md)", use_container_width=True,
                            key=UPLOAD_POPOVER, on_change="rerun"):
        file = st.file_uploader("A UTF-8 text or Markdown file", type=["txt", "md"],
                                key="upload", on_change=read_upload)
        # Said where the user is looking, for as long as the unreadable file is in the box.
        failed, error = st.session_state.get("upload-error", (None, ""))
        if file is not None and file.file_id == failed:
            st.error(error)


def read_upload() -> None:
    """Read the file just chosen in the upload box, keep it and show it (a widget callback)."""
    file = st.session_state.get("upload")
    if file is None:  # the file was removed from the box
        return
    try:
        doc = documents.from_upload(file.name, file.getvalue())
    except documents.DocumentError as error:
        st.session_state["upload-error"] = (file.file_id, str(error))
        return
    doc = documents.parse("upload-" + file.name, doc.text)
    st.session_state.setdefault("uploads", {})[doc.slug] = doc
    st.session_state[UPLOAD_POPOVER] = False
    manners.ask_to_close_sidebar()
    go(state.View(doc=doc.slug))


def read_view(docs: list[Document]) -> tuple[state.Parsed, Document]:
    """Read and validate the URL; return the view read (with notices) and its document."""
    slugs = [d.slug for d in docs]
    parsed = state.parse(st.query_params.to_dict(), slugs, slugs[0])
    doc = docs[slugs.index(parsed.view.doc)]
    analysis = data.analyse(doc)
    gaz = data.load_gazetteer()
    stops = {f"{j.index}-{s.order}" for j in analysis.journeys for s in j.stops}
    # Any place the geodata knows may be selected: a country the article does not name says so.
    parsed = state.parse(st.query_params.to_dict(), slugs, slugs[0], gaz.places, stops,
                         len(doc.passages))
    if parsed.notices:  # a bad value is replaced; a missing one just means the default
        go(parsed.view, parsed.kept)
    return parsed, doc


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


def handle_click(view: state.View, result: dict | None) -> state.View:
    """Turn a new click on the map into a selection; return the view to show."""
    result = result or {}
    # Where the click was tells a second click on the same feature from a rerun.
    drawing, where = result.get("last_active_drawing"), result.get("last_object_clicked")
    if drawing is None or where is None:
        st.session_state.pop("last-click", None)  # a new map iframe: nothing clicked yet
        return view
    if (where, drawing) == st.session_state.get("last-click"):
        return view
    st.session_state["last-click"] = (where, drawing)
    chosen = state.from_click(drawing.get("properties"))
    if chosen is None:
        return view
    new = state.select(view, *chosen)
    go(new)
    return new


def main() -> None:
    """Draw the page."""
    st.set_page_config(page_title="Sahel news map", page_icon=PAGE_ICON, layout="wide")
    broken = data.geodata_problems()
    if broken:
        st.title("Sahel news map")
        for problem in broken:
            st.error(problem)
        return
    top = st.sidebar.container()  # the article picker, above the upload box it depends on
    upload_box()
    docs, problems = available_documents()
    if not docs:
        st.error("No readable article in seeds/. " + " ".join(problems))
        return
    parsed, doc = read_view(docs)
    view, notices = parsed.view, kept_notices(parsed)
    # The map's value is in the session before the script runs: a click is handled here, once,
    # so the highlight and the pane follow it in this same run.
    view = handle_click(view, st.session_state.get("map"))
    for notice in notices:
        st.warning(panels.plain(notice))
    for problem in problems:
        st.sidebar.warning(panels.plain(problem))
    gaz = data.load_gazetteer()
    panels.header(doc)
    analysis = data.analyse(doc)
    layers = data.document_layers(doc, view.sahel)
    left, right = st.columns([3, 2], gap="medium")
    # Sent first, what the user waits for: on a first visit the map (its frame then loads while
    # the rest is drawn), after a click the passages.
    first_visit = "map" not in st.session_state
    if first_visit:
        with left:
            draw_map(doc, view, analysis)
    with right:
        panels.reading_pane(doc, analysis, view, gaz, layers, go)
    if not first_visit:
        with left:
            draw_map(doc, view, analysis)
    sidebar.sidebar(view, doc, docs, gaz, go, top)
    share.first_load(bool(notices), {**state.to_params(view), **parsed.kept})
    # Scripts last, below every widget of the sidebar they are drawn in.
    manners.follow_selection(f"{view.doc}|{view.place}|{view.stop}")
    manners.close_sidebar_if_asked()


def draw_map(doc: Document, view: state.View, analysis: data.Analysis) -> None:
    """Draw the map of the view, and the journeys' stops under it."""
    fmap = data.document_map(doc, view.sahel, view.layers, view.basemap)
    # render=False: st_folium renders the map once instead of twice (every element we draw
    # is complete from the map's own render; the browser tests see every pin and arrow).
    result = st_folium(fmap, key="map", height=560, use_container_width=True, render=False,
                       returned_objects=["last_active_drawing", "last_object_clicked"])
    follow_late_click(view, result)
    if analysis.journeys:
        panels.itinerary_strip(analysis, view, go)


def follow_late_click(view: state.View, result: dict | None) -> None:
    """Follow a click that reached a session's first run: after a server restart the open
    page's first click starts a new session, whose map value is known only once the map is
    drawn (st.session_state has no value for a widget not yet drawn in the session)."""
    if st.session_state.get(SEEN_RUN):
        return
    st.session_state[SEEN_RUN] = True
    if handle_click(view, result) != view:
        st.rerun()
