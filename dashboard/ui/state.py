"""URL query parameters ⇄ validated view state."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, fields, replace

from ..core import overlays

LAYERS = overlays.IDS
DEFAULT_LAYERS = overlays.DEFAULT_IDS
SAHEL_DEFINITIONS = ("UNISS", "G5S")
BASEMAPS = ("natural-earth", "osm")
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9:._-]{0,63}")
STOP = re.compile(r"([1-9][0-9]{0,2})-([0-9]{1,3})")
AT = re.compile(r"(-?[0-9]{1,2}(?:\.[0-9]{1,6})?),(-?[0-9]{1,3}(?:\.[0-9]{1,6})?),"
                r"([0-9]{1,2}(?:\.[0-9]{1,2})?)")
DIGITS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() also takes "²" and "١"


@dataclass(frozen=True)
class View:
    """Everything that makes a view of the page, as the URL carries it."""

    doc: str
    place: str | None = None
    stop: str | None = None
    passage: int | None = None
    layers: tuple[str, ...] = DEFAULT_LAYERS
    sahel: str = SAHEL_DEFINITIONS[0]
    basemap: str = BASEMAPS[0]


DEFAULTS = {f.name: f.default for f in fields(View)}


@dataclass
class Parsed:
    """A view read from the URL, and one short notice per value that was not usable."""

    view: View
    notices: list[str] = field(default_factory=list)
    # What the map keeps for itself (at=lat,lon,zoom), valid and to keep if the URL is rewritten.
    kept: dict[str, str] = field(default_factory=dict)


def _one(params: Mapping[str, object], key: str) -> str | None:
    """Return a parameter's single value (the last one if repeated), or None."""
    value = params.get(key)
    if isinstance(value, list | tuple):
        value = value[-1] if value else None
    return None if value is None else str(value)


def _shown(value: str) -> str:
    """Return a bad value shortened for a notice (the page escapes it)."""
    return value if len(value) <= 40 else value[:37] + "…"


def parse(params: Mapping[str, object], docs: Collection[str], default_doc: str,
          places: Collection[str] = (), stops: Collection[str] = (),
          passages: int = 0) -> Parsed:
    """Read query parameters into a valid View; fall back to defaults with a notice."""
    notices: list[str] = []
    doc = _one(params, "doc")
    if doc is not None and doc not in docs:
        notices.append(f"Unknown document “{_shown(doc)}”: no article of that name is on this "
                       f"server (one added from a reader's computer is kept only for that "
                       f"visit, not after the server restarts); showing the first article.")
        doc = None
    view = View(doc=doc or default_doc)
    view = replace(view, **_layers(params, notices), **_choices(params, notices))
    return Parsed(_selection(params, view, places, stops, passages, notices), notices,
                  _kept(params, notices))


def position(params: Mapping[str, object]) -> dict[str, str]:
    """Return the map's position in params (at=lat,lon,zoom) if it is a valid one."""
    return _kept(params, [])


def _kept(params: Mapping[str, object], notices: list[str]) -> dict[str, str]:
    """Read the map's position (at=lat,lon,zoom), which the map itself keeps up to date."""
    at = _one(params, "at")
    if at is None:
        return {}
    match = AT.fullmatch(at)
    if match and abs(float(match[1])) <= 85 and abs(float(match[2])) <= 180:
        return {"at": at}
    notices.append(f"Unknown map position “{_shown(at)}”: showing the whole article.")
    return {}


def _layers(params: Mapping[str, object], notices: list[str]) -> dict:
    """Read the layers parameter (comma-separated names; empty means none).

    Unknown names are ignored; when no name is known, the default layers are shown rather
    than an empty map (a link that asks for nothing says so with an empty value).
    """
    raw = _one(params, "layers")
    if raw is None:
        return {}
    names = [n for n in raw.split(",") if n]
    unknown = [n for n in names if n not in LAYERS]
    known = tuple(n for n in LAYERS if n in names)
    if unknown:
        instead = "ignored" if known else "ignored, showing the default layers"
        notices.append(f"Unknown layer “{_shown(unknown[0])}” {instead}; layers are "
                       f"{', '.join(LAYERS)}.")
        if not known:
            return {}
    return {"layers": known}


def _choices(params: Mapping[str, object], notices: list[str]) -> dict:
    """Read the Sahel definition and basemap parameters."""
    chosen = {}
    for key, allowed in (("sahel", SAHEL_DEFINITIONS), ("basemap", BASEMAPS)):
        raw = _one(params, key)
        if raw is None:
            continue
        if raw in allowed:
            chosen[key] = raw
        else:
            notices.append(f"Unknown {key} “{_shown(raw)}”: expected {' or '.join(allowed)}.")
    return chosen


def _selection(params: Mapping[str, object], view: View, places: Collection[str],
               stops: Collection[str], passages: int, notices: list[str]) -> View:
    """Read the selected place, stop and passage."""
    place, stop, passage = _one(params, "place"), _one(params, "stop"), _one(params, "passage")
    if place is not None and not (ID.fullmatch(place) and place in places):
        notices.append(f"Unknown place “{_shown(place)}”: showing the whole article.")
        place = None
    if stop is not None and not (STOP.fullmatch(stop) and stop in stops):
        notices.append(f"Unknown stop “{_shown(stop)}”: no stop selected.")
        stop = None
    number = None
    if passage is not None:
        number = passage_number(passage, passages)
        if number is None:
            notices.append(f"Unknown passage “{_shown(passage)}”: no passage selected.")
    return replace(view, place=place, stop=stop, passage=number)


def passage_number(value: str, passages: int) -> int | None:
    """Return a passage number written in ASCII digits (no more than the count's), if it is
    one of the document's; "²", "١" or a 5,000-digit number are none."""
    if not (DIGITS.fullmatch(value) and len(value) <= len(str(max(passages, 1)))):
        return None
    number = int(value)
    return number if number < passages else None


def to_params(view: View) -> dict[str, str]:
    """Return the query parameters of a view, leaving out what is at its default."""
    params = {"doc": view.doc}
    if view.place:
        params["place"] = view.place
    if view.stop:
        params["stop"] = view.stop
    if view.passage is not None:
        params["passage"] = str(view.passage)
    if view.layers != DEFAULT_LAYERS:
        params["layers"] = ",".join(view.layers)
    for key in ("sahel", "basemap"):
        if getattr(view, key) != DEFAULTS[key]:
            params[key] = getattr(view, key)
    return params


def select(view: View, place: str | None, stop: str | None = None) -> View:
    """Return the view with a new selection (a place, a stop, or nothing)."""
    return replace(view, place=place, stop=stop, passage=None)


def from_click(properties: Mapping[str, object] | None) -> tuple[str | None, str | None] | None:
    """Map a clicked feature's properties to (place, stop); None when it selects nothing."""
    if not isinstance(properties, Mapping):
        return None
    target = properties.get("select")
    if not isinstance(target, str) or not ID.fullmatch(target):
        return None
    stop = properties.get("stop")
    if isinstance(stop, str) and STOP.fullmatch(stop):
        return target, stop
    return target, None
