"""The desk's URL ⇄ its validated view: the filters, the selected place, the page of passages.

?view=desk&from=2024-01-01&to=2024-03-31&source=RFI&source=Le%20Faso&lang=fr&q=uranium
&place=NER&page=2&by=week&layers=sahel,aes&basemap=osm
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from ..core.store import Filter
from ..core.store.filters import fts_query
from . import state

BY = ("day", "week", "month")
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
SOURCE = re.compile(r"[^\x00-\x1f]{1,120}")  # a source's name as the desk holds it
LANGUAGE = re.compile(r"[a-z]{2,3}")
MAX_VALUES = 50  # sources or languages one link may name
MAX_QUERY = 200  # characters of a full-text search
# The desk's own layers: its countries (shaded by articles) and two outlines for context.
DESK_LAYERS = ("sahel", "aes")


@dataclass(frozen=True)
class DeskView:
    """Everything that makes a view of the desk, as the URL carries it."""

    date_from: date | None = None
    date_to: date | None = None
    sources: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    query: str = ""
    place: str | None = None
    page: int = 0
    by: str = "week"
    layers: tuple[str, ...] = DESK_LAYERS
    sahel: str = state.SAHEL_DEFINITIONS[0]
    basemap: str = state.BASEMAPS[0]

    def filter(self) -> Filter:
        """Return the store's filter for this view (without the place: the map counts all)."""
        return Filter(self.date_from, self.date_to, self.sources, self.languages, self.query)


@dataclass
class ParsedDesk:
    """A desk view read from the URL, one notice per unusable value, and what the map keeps."""

    view: DeskView
    notices: list[str] = field(default_factory=list)
    kept: dict[str, str] = field(default_factory=dict)


def _all(params: Mapping[str, object], key: str) -> list[str]:
    """Return every value of a repeated parameter."""
    value = params.get(key)
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


def parse(params: Mapping[str, object], places: Collection[str], sources: Collection[str],
          languages: Collection[str]) -> ParsedDesk:
    """Read query parameters into a valid DeskView; fall back per value with a notice."""
    notices: list[str] = []
    view = replace(DeskView(), **_dates(params, notices), **_choices(params, notices),
                   **_facets(params, sources, languages, notices), **_query(params, notices))
    place = state._one(params, "place")
    if place is not None and not (state.ID.fullmatch(place) and place in places):
        notices.append(f"Unknown place “{state._shown(place)}”: showing the whole desk.")
        place = None
    page = state._one(params, "page")
    number = state.passage_number(page, 100_000) if page is not None else 0
    if number is None:
        notices.append(f"Unknown page “{state._shown(page)}”: showing the first.")
    view = replace(view, place=place, page=number or 0)
    return ParsedDesk(view, notices, state._kept(params, notices))


def _dates(params: Mapping[str, object], notices: list[str]) -> dict:
    """Read the date window (from, to: YYYY-MM-DD); a window that ends first is dropped."""
    found = {}
    for key, name in (("from", "date_from"), ("to", "date_to")):
        raw = state._one(params, key)
        if raw is None:
            continue
        day = iso_day(raw)
        if day is None:
            notices.append(f"Unknown date “{state._shown(raw)}” for {key}: expected "
                           f"YYYY-MM-DD.")
        else:
            found[name] = day
    if len(found) == 2 and found["date_from"] > found["date_to"]:
        notices.append("The date window ends before it starts: showing every date.")
        return {}
    return found


def iso_day(text: str) -> date | None:
    """Return the day a YYYY-MM-DD string names (ASCII digits only), or None."""
    if not DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _choices(params: Mapping[str, object], notices: list[str]) -> dict:
    """Read the timeline's step and the map's layers, definition and basemap."""
    chosen = {}
    by = state._one(params, "by")
    if by is not None:
        if by in BY:
            chosen["by"] = by
        else:
            notices.append(f"Unknown step “{state._shown(by)}”: expected {', '.join(BY)}.")
    raw = state._one(params, "layers")
    if raw is not None:
        names = [n for n in raw.split(",") if n]
        if any(n not in DESK_LAYERS for n in names):
            notices.append(f"Unknown desk layer in “{state._shown(raw)}”: the desk's layers "
                           f"are {', '.join(DESK_LAYERS)}.")
        chosen["layers"] = tuple(n for n in DESK_LAYERS if n in names)
    for key, allowed in (("sahel", state.SAHEL_DEFINITIONS), ("basemap", state.BASEMAPS)):
        raw = state._one(params, key)
        if raw is not None and raw in allowed:
            chosen[key] = raw
        elif raw is not None:
            notices.append(f"Unknown {key} “{state._shown(raw)}”: expected {' or '.join(allowed)}.")
    return chosen


def _facets(params: Mapping[str, object], sources: Collection[str],
            languages: Collection[str], notices: list[str]) -> dict:
    """Read the sources and languages the desk is narrowed to (each must be on the desk)."""
    found = {}
    for key, name, known, shape in (("source", "sources", sources, SOURCE),
                                    ("lang", "languages", languages, LANGUAGE)):
        values = _all(params, key)[:MAX_VALUES]
        good = tuple(dict.fromkeys(v for v in values if shape.fullmatch(v) and v in known))
        for bad in [v for v in values if v not in good][:1]:
            notices.append(f"Unknown {key} “{state._shown(bad)}”: not on the desk, left out.")
        if good:
            found[name] = good
    return found


def _query(params: Mapping[str, object], notices: list[str]) -> dict:
    """Read the full-text search (words, "a phrase", prefix*)."""
    raw = state._one(params, "q")
    if raw is None or not raw.strip():
        return {}
    text = raw.strip()[:MAX_QUERY]
    try:
        fts_query(text)
    except ValueError:
        notices.append(f"Nothing to search for in “{state._shown(raw)}”: showing every article.")
        return {}
    return {"query": text}


def to_params(view: DeskView) -> dict[str, str | list[str]]:
    """Return the query parameters of a desk view, leaving out what is at its default."""
    params: dict[str, str | list[str]] = {"view": "desk"}
    if view.date_from:
        params["from"] = view.date_from.isoformat()
    if view.date_to:
        params["to"] = view.date_to.isoformat()
    if view.sources:
        params["source"] = list(view.sources)
    if view.languages:
        params["lang"] = list(view.languages)
    if view.query:
        params["q"] = view.query
    if view.place:
        params["place"] = view.place
    if view.page:
        params["page"] = str(view.page)
    defaults = DeskView()
    for key in ("by", "sahel", "basemap"):
        if getattr(view, key) != getattr(defaults, key):
            params[key] = getattr(view, key)
    if view.layers != defaults.layers:
        params["layers"] = ",".join(view.layers)
    return params


def select(view: DeskView, place: str | None) -> DeskView:
    """Return the desk with a new selection (and its passages from the first page)."""
    return replace(view, place=place, page=0)


def narrowed(view: DeskView, **changes: object) -> DeskView:
    """Return the desk with new filters (the selection kept, its passages from page one)."""
    return replace(view, page=0, **changes)
