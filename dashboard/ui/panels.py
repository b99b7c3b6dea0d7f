"""The reading pane, the itinerary strip and the place list; all document text escaped."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import streamlit as st
from markupsafe import Markup

from ..core import reading
from ..core.analysis import Analysis
from ..core.gazetteer import Gazetteer
from ..core.layers import Layers
from ..core.models import Document, Mention, Passage, Stop, within
from ..core.palette import journey_colour
from . import deskstate, library, manners, state
from .data import MAP_JOURNEYS

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~$-])")
# Text from a document, as HTML that Markdown cannot read as syntax either: markup characters
# escaped, and Markdown's punctuation as numeric references (an image in a title, "![](url)",
# would otherwise be fetched by every reader's browser; "$x$" would become LaTeX).
INERT = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]()#+-!|~$:"} | {
    ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&#34;", ord("'"): "&#39;"}
LISTED_PLACES = 12  # places listed as buttons before the rest are folded (most-mentioned first)
STRIP_JOURNEYS = 5  # journeys whose stops the strip under the map lists as buttons
PANE_ANCHOR = "reading-pane"  # the pane's heading: a phone scrolls to it on a new selection
# Blocs and regions a country's pane offers to read (in this order), when it is a member.
MEMBERSHIPS = ("AES", "SAHEL", "ECOWAS", "G5S", "EU", "AU", "NATO")
PANE_CSS = Markup("""<style>
.passage {border-left: 3px solid #ddd; padding: 2px 0 2px 10px; margin: 0 0 12px 0;
  line-height: 1.55}
.passage mark {background: #FCE9C6; padding: 0 2px; border-radius: 3px}
.passage mark.sel {background: #F5B971; outline: 1px solid #D55E00}
.passage .why {color: #555; font-size: 0.85em; margin-top: 3px}
.passage .num {color: #888; font-size: 0.8em}
.roles {color: #444}
</style>""")


def plain(text: str) -> str:
    """Escape Markdown so a value from outside shows as typed."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def inert(text: str) -> Markup:
    """Return text as HTML for st.markdown that shows as typed: no tag, no Markdown."""
    return Markup(str(text).translate(INERT))


def header(doc: Document) -> None:
    """Show the page title and the article's metadata."""
    st.title("Sahel news map")
    details = [doc.source, doc.published, doc.url]
    meta = " · ".join(inert(d) for d in details if d)
    st.markdown(manners.page_style() + Markup(
        "<div><strong>{}</strong><br><span class='roles'>{}</span></div>").format(
        inert(doc.title), Markup(meta) if meta else "Source not given"), unsafe_allow_html=True)


def mark(segment: reading.Segment, key: str | None) -> Markup:
    """Return one segment as escaped HTML: plain text, or a highlighted mention."""
    if segment.mention is None:
        return inert(segment.text)
    counts = key is not None and reading.counts_for(segment.mention, key)
    css = "sel" if counts or segment.selected else ""
    why = f"{segment.mention.text} → {segment.mention.reason}"
    return Markup('<mark class="{}" title="{}">{}</mark>').format(css, inert(why),
                                                                  inert(segment.text))


def passage_html(doc: Document, passage: Passage, mentions: list[Mention],
                 key: str | None, start: int | None = None, end: int | None = None) -> Markup:
    """Return a passage (or a sentence of it) with mentions highlighted and reasons listed."""
    start = passage.start if start is None else start
    end = passage.end if end is None else end
    inside = within(mentions, start, end)
    return marked_html(reading.segments(doc, start, end, inside), inside, key, passage.index)


def marked_html(segments: list[reading.Segment], mentions: list[Mention], key: str | None,
                number: int) -> Markup:
    """Return a passage's segments as HTML, the mentions counting for key highlighted, and the
    reasons listed under it (number: the passage's, counted from 0)."""
    body = Markup("").join(mark(s, key) for s in segments)
    shown = [m for m in mentions if key is None or reading.counts_for(m, key)]
    reasons = list(dict.fromkeys(f"{m.text} → {m.reason}" for m in shown))
    why = Markup("<div class='why'>Why: {}</div>").format(inert("; ".join(reasons))) \
        if reasons else ""
    return Markup("<div class='passage' data-passage='{}'><span class='num'>¶{}</span> {}{}"
                  "</div>").format(number, number + 1, body, why)


def show_passages(doc: Document, found: list[tuple[Passage, list[Mention]]],
                  mentions: list[Mention], key: str | None) -> None:
    """Show passages with their highlights."""
    html = Markup("").join(passage_html(doc, p, mentions, key) for p, _ in found)
    st.markdown(PANE_CSS + html, unsafe_allow_html=True)


def paged(view: state.View, found: list[tuple[Passage, list[Mention]]],
          go: Callable[[state.View], None]) -> list[tuple[Passage, list[Mention]]]:
    """Return the page of passages the view starts at, with a pager when there are more."""
    if len(found) <= reading.PAGE_SIZE:
        return found
    shown = reading.page(len(found), reading.position(found, view.passage))
    st.caption(f"Passages {shown.start + 1:,}–{shown.stop:,} of {len(found):,} listed here")
    earlier = shown.start - reading.PAGE_SIZE if shown.start else None
    later = shown.stop if shown.stop < len(found) else None
    for column, label, key, first in zip(
            st.columns(2), ("◀ Earlier passages", "Later passages ▶"),
            ("page-earlier", "page-later"), (earlier, later), strict=True):
        start = None if first is None else found[first][0].index
        column.button(label, key=key, disabled=first is None, on_click=go,
                      args=(replace(view, passage=start),), use_container_width=True)
    return found[shown.start:shown.stop]


def roles_line(roles: list[str]) -> None:
    """Show a place's roles."""
    if roles:
        st.markdown(Markup("<div class='roles'>{}</div>").format(inert(" · ".join(roles))),
                    unsafe_allow_html=True)


def place_pane(doc: Document, analysis: Analysis, view: state.View, gaz: Gazetteer,
               lay: Layers, go: Callable[[state.View], None]) -> None:
    """Show the selected place: its name, roles and passages (a bloc's members apart)."""
    mentions = list(analysis.mentions)
    place = gaz.place(view.place)
    st.subheader(place.name, anchor=PANE_ANCHOR)
    roles_line(lay.roles.get(place.id, []))
    membership_buttons(place.id, gaz, lay, view, go)
    found = reading.passages_for(doc, mentions, place.id)
    count = sum(len(m) for _, m in found)
    if found:
        st.caption(f"{count} mention{'s' * (count != 1)} in {len(found)} "
                   f"passage{'s' * (len(found) != 1)}")
        show_passages(doc, paged(view, found, go), mentions, place.id)
    else:
        not_mentioned(place.id, place.name, view)
    if place.members:  # its members on the article's date, as the map lights them up
        members = [m for m in lay.groups.get(place.id, place.members) if m in gaz.places]
        others = reading.member_passages(doc, mentions, place.id, members)
        st.markdown(f"**Passages naming its members** "
                    f"({', '.join(gaz.place(m).name for m in members)})")
        if others:
            if len(others) > reading.PAGE_SIZE:
                st.caption(f"The first {reading.PAGE_SIZE} of {len(others):,}")
            inside = [m for m in mentions if m.country in members]
            show_passages(doc, others[:reading.PAGE_SIZE], inside, None)
        else:
            st.caption("None beyond the passages above.")
    st.button("Show the whole article", on_click=go, args=(state.select(view, None),))


def to_desk(view: state.View, place: str | None = None) -> None:
    """Go to the desk (showing a place, if given), the map's settings kept (a widget
    callback)."""
    manners.ask_to_close_sidebar()
    desk = deskstate.DeskView(sahel=view.sahel, basemap=view.basemap, place=place)
    st.query_params.from_dict(deskstate.to_params(desk))


def not_mentioned(place: str, name: str, view: state.View) -> None:
    """Say that the article does not name a place, and how many articles of the desk do (one
    click away)."""
    elsewhere = library.articles_naming(place)
    if not elsewhere:
        st.info(f"{name} is not mentioned in this article, nor in any other on the desk.")
        return
    st.info(f"{name} is not mentioned in this article; {elsewhere:,} "
            f"article{'s' * (elsewhere != 1)} on the desk {'do' if elsewhere != 1 else 'does'}.")
    st.button(f"See {name} on the desk", key="place-on-desk", on_click=to_desk,
              args=(view, place))


def membership_buttons(place: str, gaz: Gazetteer, lay: Layers, view: state.View,
                       go: Callable[[state.View], None]) -> None:
    """Offer the blocs and regions a country belongs to on the article's date, each a button
    that selects it (a bloc has no shape of its own to click inside its members)."""
    blocs = [g for g in MEMBERSHIPS if place in lay.groups.get(g, ()) and g in gaz.places]
    if not blocs:
        return
    st.caption("Member of")
    with st.container(horizontal=True):
        for bloc in blocs:
            st.button(gaz.place(bloc).name, key=f"member-of-{bloc}", on_click=go,
                      args=(state.select(view, bloc),), wrap=True,
                      help=f"Read what the article says about the {gaz.place(bloc).name}")


def stop_pane(doc: Document, analysis: Analysis, view: state.View, gaz: Gazetteer,
              lay: Layers, go: Callable[[state.View], None]) -> None:
    """Show a journey stop: the sentence that puts it on the journey, then the place."""
    journey, _, order = view.stop.partition("-")
    trip = next(j for j in analysis.journeys if j.index == int(journey))
    stop = next(s for s in trip.stops if s.order == int(order))
    what = "Starting point (inferred)" if stop.inferred else f"Stop {stop.order}"
    st.subheader(f"{what}: {stop.name}" + (" (planned)" if stop.planned else ""),
                 anchor=PANE_ANCHOR)
    pin = f"pinned at {stop.city_name}" + (" (assumed: the capital)" if stop.assumed else "")
    roles_line([f"journey {trip.index}" + (f" of {trip.traveller}" if trip.traveller else ""),
                pin, *([] if stop.inferred else [leg_status(stop)])])
    passage = doc.passage_at(stop.sentence_start)
    sentence = passage_html(doc, passage, list(analysis.mentions), stop.country or stop.place,
                            stop.sentence_start, stop.sentence_end)
    note = "The sentence it is inferred from" if stop.inferred else "The sentence"
    st.markdown(PANE_CSS + Markup("<p><strong>{}</strong></p>").format(note) + sentence,
                unsafe_allow_html=True)
    st.button(f"All passages about {gaz.place(stop.country).name if stop.country else stop.name}",
              on_click=go, args=(state.select(view, stop.country or stop.place),))


def article_pane(doc: Document, analysis: Analysis, gaz: Gazetteer,
                 view: state.View, go: Callable[[state.View], None]) -> None:
    """Show every place the article mentions (selectable), then the article highlighted."""
    mentions = list(analysis.mentions)
    st.subheader("Places in this article", anchor=PANE_ANCHOR)
    entries = reading.place_list(mentions, gaz)
    if not entries:
        st.info("No place found in this article.")
    place_buttons(entries[:LISTED_PLACES], view, go)
    if len(entries) > LISTED_PLACES:  # a digest's long tail, folded above its text
        with st.expander(f"{len(entries) - LISTED_PLACES} more places, mentioned less"):
            place_buttons(entries[LISTED_PLACES:], view, go)
    st.subheader("The article")
    found = [(p, []) for p in doc.passages]
    show_passages(doc, paged(view, found, go), mentions, None)


def place_buttons(entries: list[reading.Entry], view: state.View,
                  go: Callable[[state.View], None]) -> None:
    """Show places as buttons that flow in rows (a phone's narrow column too), each selecting
    its place."""
    with st.container(horizontal=True):
        for entry in entries:
            st.button(f"{entry.name} · {entry.mentions}", key=f"place-{entry.key}",
                      on_click=go, args=(state.select(view, entry.key),),
                      help=f"Read the passages that mention {entry.name}", wrap=True)


def reading_pane(doc: Document, analysis: Analysis, view: state.View, gaz: Gazetteer,
                 lay: Layers, go: Callable[[state.View], None]) -> None:
    """Show the selected stop, the selected place, or the whole article."""
    if view.stop:
        stop_pane(doc, analysis, view, gaz, lay, go)
    elif view.place:
        place_pane(doc, analysis, view, gaz, lay, go)
    else:
        article_pane(doc, analysis, gaz, view, go)


def leg_status(stop: Stop) -> str:
    """Say whether the leg to a stop is planned or made."""
    return ("planned: the article says the traveller will go there" if stop.planned
            else "made: the article says the traveller went there")


def journey_heading(index: int, traveller: str) -> Markup:
    """Return a journey's heading in the strip: its colour on the map, its number, who travels
    (escaped)."""
    who = Markup(" — {}").format(inert(traveller)) if traveller else ""
    return Markup('<span class="journey-key" style="color:{}">&#9632;</span> '
                  "<strong>Journey {}</strong>{}").format(journey_colour(index), index, who)


def itinerary_strip(analysis: Analysis, view: state.View,
                    go: Callable[[state.View], None]) -> None:
    """Show each journey's stops in order, each a button that selects it (the first few
    journeys, and the selected stop's); a planned stop says so."""
    chosen = view.stop.partition("-")[0] if view.stop else ""
    listed = [j for j in analysis.journeys
              if j.index <= STRIP_JOURNEYS or str(j.index) == chosen]
    for journey in listed:
        st.markdown(journey_heading(journey.index, journey.traveller), unsafe_allow_html=True)
        row = st.container(horizontal=True)
        for stop in journey.stops:
            key = f"{journey.index}-{stop.order}"
            label = ("⌂ " if stop.inferred else f"{stop.order} ") + stop.name
            label += " · planned" if stop.planned else ""
            about = ("Inferred starting point: the traveller's home capital" if stop.inferred
                     else f"Stop {stop.order}: {stop.name}, pinned at {stop.city_name}"
                     + (" (assumed: the capital)" if stop.assumed else "")
                     + f"; {leg_status(stop)}")
            row.button(label, key=f"stop-{key}", on_click=go, help=about,
                       args=(state.select(view, stop.country or stop.place, key),),
                       type="primary" if view.stop == key else "secondary", wrap=True)
    if len(analysis.journeys) > STRIP_JOURNEYS:
        drawn = min(len(analysis.journeys), MAP_JOURNEYS)
        st.caption(f"{len(analysis.journeys)} journeys in this article: the first "
                   f"{STRIP_JOURNEYS} are listed here, the first {drawn} drawn on the map.")
