"""The desk: every article on one map, over time, narrowed by dates, sources, languages and
words; a place's passages across the window; every filter in the URL."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

import pandas as pd
import streamlit as st

from ..core import store as desk_store
from ..core.language import language_name
from ..core.overlays import overlay
from ..core.store import EVERYTHING, Count, Filter
from . import (
    adding,
    clicks,
    data,
    deskmap,
    deskpane,
    deskstate,
    embed,
    library,
    manners,
    panels,
    share,
    sidebar,
    state,
)
from .articleview import MAP_HEIGHT
from .deskstate import DeskView

NOTICES = "desk-notices"  # session key: (the view a bad URL was corrected to, its notices)
CACHE_SECONDS = 30  # how long a question's answer is kept (the desk may grow meanwhile)


def go(view: DeskView, kept: dict[str, str] | None = None) -> None:
    """Make a desk view the current one: the URL holds it and the reader's map position."""
    kept = state.position(st.query_params) if kept is None else kept
    st.query_params.from_dict({**deskstate.to_params(view), **kept})


def stamp() -> tuple[int, int]:
    """Return what changes when the desk does (articles and the last one added): the key of
    every cached answer, so an addition is seen at once."""
    return tuple(data.desk().store.conn.execute(
        "SELECT count(*), coalesce(max(id), 0) FROM articles").fetchone())


@st.cache_data(ttl=CACHE_SECONDS, max_entries=4, show_spinner=False)
def facets(version: tuple[int, int]) -> tuple[list[Count], list[Count]]:
    """Return the desk's sources and languages, with their article counts."""
    store = data.desk().store
    return (desk_store.facet(store, "source", EVERYTHING),
            desk_store.facet(store, "language", EVERYTHING))


@st.cache_data(ttl=CACHE_SECONDS, max_entries=32, show_spinner=False)
def counts(version: tuple[int, int], flt: Filter) -> list[Count]:
    """Return how many articles of the window name each place."""
    return desk_store.place_counts(data.desk().store, flt)


@st.cache_data(ttl=CACHE_SECONDS, max_entries=32, show_spinner=False)
def timeline(version: tuple[int, int], flt: Filter, by: str) -> list[Count]:
    """Return the articles per period (the dates of the window left out: the timeline shows
    every date, the window on it)."""
    return desk_store.timeline(data.desk().store, flt, by)


@st.cache_resource(show_spinner=False)
def shapes() -> dict[str, dict]:
    """Return every country's simplified shape (once per process)."""
    return deskmap.country_shapes(data.load_countries())


def read_view(params: Mapping[str, object]) -> deskstate.ParsedDesk:
    """Read and validate the URL's desk view; correct the URL if a value was unusable."""
    sources, languages = facets(stamp())
    parsed = deskstate.parse(params, data.load_gazetteer().places,
                             {c.key for c in sources}, {c.key for c in languages})
    if parsed.notices:
        go(parsed.view, parsed.kept)
    return parsed


def handle_click(view: DeskView, result: Mapping | None) -> DeskView:
    """Turn a new click on the map into a selection; return the view to show."""
    chosen = clicks.new_click(result)
    if chosen is None:
        return view
    new = deskstate.select(view, chosen[0])
    go(new)
    return new


def window_words(view: DeskView) -> str:
    """Return the window in words, for tooltips ('in this window', 'on the desk')."""
    narrowed = view.filter() != EVERYTHING
    return "in this window" if narrowed else "on the desk"


def show(params: Mapping[str, object]) -> None:
    """Draw the desk."""
    top = st.sidebar.container()
    adding.add_box()
    parsed = read_view(params)
    view = handle_click(parsed.view, st.session_state.get("desk-map"))
    for notice in kept_notices(parsed):
        st.warning(panels.plain(notice))
    version, flt = stamp(), view.filter()
    head = st.container()  # above the map, filled after it: the map is sent first
    left, right = st.columns([3, 2], gap="medium")
    with left:
        draw_map(view, counts(version, flt))
    with head:
        header(version, flt)
        filters(view)
        draw_timeline(view, version)
    with right:
        draw_pane(view, flt)
    desk_sidebar(view, top)
    share.first_load(bool(parsed.notices), {**deskstate.to_params(view), **parsed.kept})
    manners.follow_selection(f"desk|{view.place}")
    manners.close_sidebar_if_asked()


def kept_notices(parsed: deskstate.ParsedDesk) -> list[str]:
    """Return the URL's notices, kept while the reader stays on the view they were sent to."""
    shown = deskstate.to_params(parsed.view)
    if parsed.notices:
        st.session_state[NOTICES] = (shown, parsed.notices)
        return parsed.notices
    kept = st.session_state.get(NOTICES)
    return kept[1] if kept and kept[0] == shown else []


def header(version: tuple[int, int], flt: Filter) -> None:
    """Show the page's title and what the window holds."""
    st.title("Sahel news map")
    total = version[0]
    shown = desk_store.articles(data.desk().store, flt, size=1).total
    what = (f"{shown:,} of {total:,} articles" if shown != total else
            f"{total:,} article{'s' * (total != 1)}")
    st.markdown(manners.page_style() + panels.inert(f"The desk: {what}"),
                unsafe_allow_html=True)


def filters(view: DeskView) -> None:
    """Offer the window's filters: dates, sources, languages and words (each in the URL)."""
    sources, languages = facets(stamp())
    when, pick, lang, words = st.columns([2, 2, 1.8, 2])
    dates = (view.date_from, view.date_to) if view.date_from and view.date_to else ()
    sidebar._shown_as("desk-dates", dates)
    when.date_input("Dates", key="desk-dates", on_change=on_dates, args=(view,),
                    format="YYYY-MM-DD", help="Pick the first and the last day")
    sidebar._shown_as("desk-sources", list(view.sources))
    pick.multiselect("Sources", [c.key for c in sources], key="desk-sources",
                     on_change=on_list, args=(view, "desk-sources", "sources"),
                     placeholder="Every source")
    sidebar._shown_as("desk-languages", list(view.languages))
    lang.multiselect("Languages", [c.key for c in languages], key="desk-languages",
                     on_change=on_list, args=(view, "desk-languages", "languages"),
                     format_func=language_name, placeholder="Every language")
    sidebar._shown_as("desk-query", view.query)
    words.text_input("Words", key="desk-query", on_change=on_query, args=(view,),
                     placeholder="Wagner, uranium, \"Tillabéri region\"…",
                     help="Articles holding every word (accents optional); \"a phrase\"; "
                          "prefix* ")


def on_dates(view: DeskView) -> None:
    """Narrow to the dates picked (once both ends are), or to every date (a callback)."""
    picked = st.session_state.get("desk-dates") or ()
    if len(picked) == 2:
        go(deskstate.narrowed(view, date_from=picked[0], date_to=picked[1]))
    elif not picked:
        go(deskstate.narrowed(view, date_from=None, date_to=None))


def on_list(view: DeskView, key: str, field: str) -> None:
    """Narrow to the sources or languages picked (a callback)."""
    go(deskstate.narrowed(view, **{field: tuple(st.session_state.get(key) or ())}))


def on_query(view: DeskView) -> None:
    """Search for the words typed, or stop searching (a callback)."""
    text = (st.session_state.get("desk-query") or "").strip()[:deskstate.MAX_QUERY]
    try:
        desk_store.Filter(query=text)
    except ValueError:
        text = ""
    go(deskstate.narrowed(view, query=text))


def draw_timeline(view: DeskView, version: tuple[int, int]) -> None:
    """Show the articles per period over every date (the window shaded); dragging across it
    narrows the window to the periods dragged over."""
    undated = Filter(None, None, view.sources, view.languages, view.query)
    series = timeline(version, undated, view.by)
    if not series:
        return
    import altair as alt  # here, not at the top: 0.35 s a single article's first visit skips

    frame = pd.DataFrame({"period": pd.to_datetime([c.key for c in series]),
                          "articles": [c.count for c in series]})
    low = pd.Timestamp(view.date_from) if view.date_from else frame.period.min()
    high = pd.Timestamp(view.date_to) if view.date_to else frame.period.max()
    frame["window"] = (frame.period >= low - pd.Timedelta(days=6)) & (frame.period <= high)
    brush = alt.selection_interval(encodings=["x"], name="window")
    chart = alt.Chart(frame, height=110).mark_bar().encode(
        x=alt.X("period:T", title=None), y=alt.Y("articles:Q", title=f"per {view.by}"),
        color=alt.condition("datum.window", alt.value("#0072B2"), alt.value("#BBBBBB")),
        tooltip=[alt.Tooltip("period:T", title="From"), alt.Tooltip("articles:Q")],
    ).add_params(brush)
    st.altair_chart(chart, use_container_width=True, key="desk-timeline",
                    on_select=lambda: on_brush(view), selection_mode="window")


def on_brush(view: DeskView) -> None:
    """Narrow to the periods dragged over on the timeline (a callback)."""
    event = st.session_state.get("desk-timeline") or {}
    span = (event.get("selection") or {}).get("window", {}).get("period")
    if not span or len(span) != 2:
        return
    first, last = (datetime.fromtimestamp(ms / 1000, UTC).date() for ms in span)
    go(deskstate.narrowed(view, date_from=first, date_to=max(first, last)))


def draw_map(view: DeskView, found: list[Count]) -> None:
    """Draw the desk's map: the base stays, the countries of the window are sent as a group."""
    gaz = data.load_gazetteer()
    # Today's blocs, whatever the window: the base map (and so its frame) stays as it is
    # while the window changes; only the countries' group is sent again.
    drawn = deskmap.base_frame(data.load_countries(), gaz, view.layers, view.sahel, view.basemap,
                               date.today())
    group = deskmap.counts_script(found, shapes(), gaz, window_words(view))
    result = embed.draw(drawn, "desk-map", MAP_HEIGHT, group)
    late = clicks.late_click(result)
    if late is not None and late[0] != view.place:
        go(deskstate.select(view, late[0]))
        st.rerun()


def draw_pane(view: DeskView, flt: Filter) -> None:
    """Show the pane: a place's passages, a search's hits, or the window's places and articles."""
    store, gaz, go_ = data.desk().store, data.load_gazetteer(), go
    size = deskpane.ARTICLES_PER_PAGE
    if view.place:
        found = desk_store.place_passages(store, view.place, flt, view.page, size)
        series = desk_store.place_timeline(store, view.place, flt, view.by)
        named = desk_store.co_mentions(store, view.place, flt, deskpane.NAMED_WITH)
        elsewhere = 0 if found.total else library.articles_naming(view.place)
        deskpane.place_pane(view, found, series, named, elsewhere, gaz, go_)
    elif view.query:
        deskpane.search_results(view, desk_store.search(store, flt, view.page, size), go_)
    else:
        deskpane.overview(view, counts(stamp(), flt),
                          desk_store.articles(store, flt, view.page, size), gaz, go_)


def desk_sidebar(view: DeskView, top) -> None:
    """Show the desk's sidebar: the share link, the window's downloads, the map's settings."""
    top.caption("The desk: every article. Open one from the list to read it whole.")
    share.share_box(deskstate.to_params(view))
    share.desk_downloads(view.filter())
    gaz = data.load_gazetteer()
    sidebar.layer_boxes(view, tuple(overlay(n) for n in deskstate.DESK_LAYERS), go)
    sidebar.map_settings(view, gaz, go)
