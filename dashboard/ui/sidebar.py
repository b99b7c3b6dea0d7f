"""The sidebar: the article picker, the share link and downloads, the layers, the Sahel
definition and the basemap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import streamlit as st
from markupsafe import Markup
from streamlit.delta_generator import DeltaGenerator

from ..core import layers
from ..core.gazetteer import Gazetteer
from ..core.overlays import OVERLAYS, Overlay
from . import library, manners, share, state
from .data import Article
from .panels import plain, to_desk

ARTICLE_POPOVER = "article-popover"  # its state: open or closed (closed once a pick is made)


def article_picker(view: state.View, article: Article, go: Callable[[state.View], None],
                   place: DeltaGenerator) -> None:
    """Offer the articles as a list in a popover named after the current one, at place: the
    visitor's own and the desk's newest (the desk view finds every other).

    A select box mounted in the sidebar cost every visit about 100 ms of the browser's time
    before the map was drawn (its scripts); a closed popover's list costs nothing.
    """
    doc = article.document
    titles = library.titles()
    titles.setdefault(view.doc, doc.title or doc.slug)
    # One list per article shown, opening on it: a widget in a popover never opened has no
    # state in the browser, which would show a kept key's list at its first item.
    key = f"pick-doc-{view.doc}"

    def picked() -> None:
        """Show the article picked, and close the list."""
        st.session_state[ARTICLE_POPOVER] = False
        manners.ask_to_close_sidebar()
        go(state.View(doc=st.session_state[key], layers=view.layers, sahel=view.sahel,
                      basemap=view.basemap))

    with place.popover(f"Article: {plain(doc.title or doc.slug)}", use_container_width=True,
                       wrap=True,
                       key=ARTICLE_POPOVER, on_change="rerun"):
        st.radio("Article", list(titles), index=list(titles).index(view.doc),
                 format_func=lambda slug: plain(titles[slug]), key=key,
                 label_visibility="collapsed",
                 on_change=picked)


def sidebar(view: state.View, article: Article, gaz: Gazetteer,
            go: Callable[[state.View], None], top: DeltaGenerator) -> None:
    """Show the article picker (at top), the way to the desk, the share link, the article's
    downloads, and the map's layers, Sahel definition and basemap."""
    article_picker(view, article, go, top)
    if library.count() > 1:
        top.button("← The desk: every article", key="to-desk", use_container_width=True,
                   on_click=to_desk, args=(view,))
    share.share_box(state.to_params(view))
    share.downloads(article, view.sahel)
    layer_boxes(view, OVERLAYS, go)
    map_settings(view, gaz, go)


def layer_boxes(view, shown: tuple[Overlay, ...], go: Callable) -> None:
    """Offer a checkbox per layer (view: an article's or the desk's view)."""
    st.sidebar.markdown("**Layers**")
    for layer in shown:
        _shown_as(f"layer-{layer.id}", layer.id in view.layers)
        st.sidebar.checkbox(layer.title, key=f"layer-{layer.id}",
                            on_change=_toggle, args=(view, layer.id, go,
                                                     tuple(o.id for o in shown)))


def map_settings(view, gaz: Gazetteer, go: Callable) -> None:
    """Offer the Sahel definition and the basemap (view: an article's or the desk's view)."""
    labels = {d: definition_label(gaz, d) for d in state.SAHEL_DEFINITIONS}
    _shown_as("pick-sahel", view.sahel)
    st.sidebar.radio("Sahel states, as defined by", state.SAHEL_DEFINITIONS,
                     format_func=labels.get, key="pick-sahel",
                     on_change=lambda: go(replace(view, sahel=st.session_state["pick-sahel"])))
    history = dissolution(gaz, view.sahel)
    if history:
        st.sidebar.caption(history)
    source = gaz.groupings[view.sahel].get("source", {})
    if source:
        st.sidebar.caption(Markup("Source: <a href='{}' target='_blank'>{}</a>").format(
            source.get("url", ""), source.get("title", "")), unsafe_allow_html=True)
    _shown_as("pick-basemap", view.basemap)
    st.sidebar.radio("Basemap", state.BASEMAPS,
                     format_func={"natural-earth": "Natural Earth (offline)",
                                  "osm": "OpenStreetMap tiles (online)"}.get,
                     key="pick-basemap",
                     on_change=lambda: go(replace(view, basemap=st.session_state["pick-basemap"])))


def definition_label(gaz: Gazetteer, definition: str) -> str:
    """Return a Sahel definition's name, saying so if its grouping has dissolved."""
    name = gaz.groupings[definition]["name"]
    end = layers.ended(gaz, definition)
    return f"{name} (dissolved {end:%B %Y})" if end else name


def dissolution(gaz: Gazetteer, definition: str) -> str:
    """Return how a dissolved grouping came apart (its events from the first departure on),
    or "" if it lives."""
    if layers.ended(gaz, definition) is None:
        return ""
    row = gaz.groupings[definition]
    first_exit = min(m["to"] for m in row["members"])
    events = [f"{e['what']} ({date.fromisoformat(e['date']):%B %Y})"
              for e in row.get("events", ()) if e["date"] >= first_exit]
    return ("No longer exists: " + "; ".join(events) + ". The map shows its last members."
            if events else "No longer exists. The map shows its last members.")


def _shown_as(key: str, value: object) -> None:
    """Make a sidebar widget show the view's value: a link, Back or an upload may change the
    view after the widget last showed it, and a keyed widget keeps its own state."""
    if st.session_state.get(key) != value:
        st.session_state[key] = value


def _toggle(view, name: str, go: Callable, order: tuple[str, ...]) -> None:
    """Turn one layer on or off (order: the layers' order in the URL)."""
    on = st.session_state[f"layer-{name}"]
    chosen = set(view.layers) | {name} if on else set(view.layers) - {name}
    go(replace(view, layers=tuple(n for n in order if n in chosen)))
