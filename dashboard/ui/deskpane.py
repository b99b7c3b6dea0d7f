"""The desk's reading pane: the places and articles of the window, a search's hits, or one
place's passages across every article of the window, grouped by article, newest first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import altair as alt
import pandas as pd
import streamlit as st
from markupsafe import Markup

from ..core import reading
from ..core.gazetteer import Gazetteer
from ..core.store import ArticleRef, Count, Page, PassageHit, SearchHit
from . import deskstate, panels, state
from .deskstate import DeskView

ARTICLES_PER_PAGE = 10  # articles a page of the pane lists (a place's, or the window's)
LISTED_PLACES = 12  # places listed before the rest are folded
NAMED_WITH = 8  # places named in the same passages, listed as buttons
Go = Callable[[DeskView], None]


def name_of(key: str, gaz: Gazetteer) -> str:
    """Return a place's name (the key itself if the geodata does not know it)."""
    return gaz.place(key).name if key in gaz.places else key


def open_article(slug: str, place: str | None) -> None:
    """Open an article in the article view, its mentions of place selected (a callback)."""
    st.query_params.from_dict(state.to_params(state.View(doc=slug, place=place)))


def article_line(ref: ArticleRef, place: str | None, key: str) -> None:
    """Show an article's title, source and date, with a button that opens it."""
    details = " · ".join(v for v in (ref.source, ref.published or "undated",
                                     ref.language.upper()) if v)
    text, button = st.columns([3, 1], vertical_alignment="center")
    text.markdown(Markup("<div class='desk-article'><strong>{}</strong><br>"
                         "<span class='roles'>{}</span></div>").format(
        panels.inert(ref.title or ref.slug), panels.inert(details)), unsafe_allow_html=True)
    button.button("Open", key=key, on_click=open_article, args=(ref.slug, place),
                  help=f"Read the whole article: {ref.title or ref.slug}",
                  use_container_width=True)


def pager(view: DeskView, page: Page, go: Go, what: str) -> None:
    """Show where this page is in the list, and buttons to the pages before and after."""
    if page.pages <= 1:
        return
    first = page.page * page.size + 1
    st.caption(f"{what} {first:,}–{min(first + page.size - 1, page.total):,} of "
               f"{page.total:,}")
    earlier, later = st.columns(2)
    earlier.button("◀ Newer", key="desk-page-earlier", disabled=page.page == 0, on_click=go,
                   args=(replace(view, page=page.page - 1),),
                   use_container_width=True)
    later.button("Older ▶", key="desk-page-later", disabled=page.page + 1 >= page.pages,
                 on_click=go, args=(replace(view, page=page.page + 1),),
                 use_container_width=True)


def place_buttons(counts: list[Count], view: DeskView, gaz: Gazetteer, go: Go,
                  prefix: str) -> None:
    """Show places as buttons that flow in rows, each selecting its place."""
    with st.container(horizontal=True):
        for count in counts:
            name = name_of(count.key, gaz)
            st.button(f"{name} · {count.count:,}", key=f"{prefix}-{count.key}", on_click=go,
                      args=(deskstate.select(view, count.key),), wrap=True,
                      help=f"Read what the window's articles say about {name}")


def overview(view: DeskView, counts: list[Count], listing: Page, gaz: Gazetteer,
             go: Go) -> None:
    """Show the window's places (most articles first) and its articles (newest first)."""
    st.subheader("Places on the desk", anchor=panels.PANE_ANCHOR)
    if not counts:
        st.info("No article in this window names a place.")
    place_buttons(counts[:LISTED_PLACES], view, gaz, go, "desk-place")
    if len(counts) > LISTED_PLACES:
        with st.expander(f"{len(counts) - LISTED_PLACES} more places, in fewer articles"):
            place_buttons(counts[LISTED_PLACES:], view, gaz, go, "desk-place")
    st.subheader("Articles")
    for ref in listing.items:
        article_line(ref, None, f"open-{ref.slug}")
    pager(view, listing, go, "Articles")


def hit_html(hit: SearchHit) -> Markup:
    """Return a search hit's snippet with the words found marked."""
    return Markup("").join(Markup("<mark class='sel'>{}</mark>").format(panels.inert(text))
                           if found else panels.inert(text) for text, found in hit.snippet)


def search_results(view: DeskView, found: Page, go: Go) -> None:
    """Show the articles that hold the search's words, best match first, with snippets."""
    st.subheader(f"“{view.query}”", anchor=panels.PANE_ANCHOR)
    holds = "article holds" if found.total == 1 else "articles hold"
    st.caption(f"{found.total:,} {holds} these words in this window")
    for hit in found.items:
        article_line(hit.article, None, f"open-{hit.article.slug}")
        st.markdown(panels.PANE_CSS + Markup("<div class='passage'>{}</div>").format(
            hit_html(hit)), unsafe_allow_html=True)
    pager(view, found, go, "Articles")


def passage_of(hit: PassageHit, place: str) -> Markup:
    """Return one passage of an article, its mentions of place highlighted with reasons."""
    start = hit.passage.start
    cut = reading.cut_text(hit.text, 0, len(hit.text), list(hit.mentions), offset=start)
    return panels.marked_html(cut, list(hit.mentions), place, hit.passage.index)


def mentions_chart(series: list[Count], name: str) -> alt.Chart:
    """Return a small bar chart of a place's articles per period."""
    frame = pd.DataFrame({"period": pd.to_datetime([c.key for c in series]),
                          "articles": [c.count for c in series]})
    return alt.Chart(frame, height=110).mark_bar(
        color="#0072B2").encode(x=alt.X("period:T", title=None),
                                y=alt.Y("articles:Q", title="Articles", axis=alt.Axis(
                                    tickMinStep=1)),
                                tooltip=[alt.Tooltip("period:T", title="From"),
                                         alt.Tooltip("articles:Q", title="Articles")])


def place_pane(view: DeskView, found: Page, series: list[Count], named_with: list[Count],
               elsewhere: int, gaz: Gazetteer, go: Go) -> None:
    """Show a place across the window: how many articles, when, named with what, and the
    passages of each article (newest first), paged."""
    name = name_of(view.place, gaz)
    st.subheader(name, anchor=panels.PANE_ANCHOR)
    if not found.total:
        verb = "do" if elsewhere != 1 else "does"
        where = (f" ({elsewhere:,} article{'s' * (elsewhere != 1)} outside it {verb})"
                 if elsewhere else " nor anywhere on the desk")
        st.info(f"No article in this window mentions {name}{where}.")
    else:
        st.caption(f"{found.total:,} article{'s' * (found.total != 1)} in this window "
                   f"mention {name}")
        if any(c.count for c in series):
            st.altair_chart(mentions_chart(series, name), use_container_width=True,
                            key="desk-place-timeline")
    if named_with:
        st.caption(f"Named in the same passages as {name}")
        place_buttons(named_with, view, gaz, go, "named-with")
    for item in found.items:
        article_line(item.article, view.place, f"open-{item.article.slug}")
        html = Markup("").join(passage_of(hit, view.place) for hit in item.passages)
        st.markdown(panels.PANE_CSS + html, unsafe_allow_html=True)
    pager(view, found, go, "Articles")
    st.button("Show the whole desk", on_click=go, args=(deskstate.select(view, None),))
