"""A document's map as GeoJSON (RFC 7946), a CSV of its mentions, or one standalone HTML file."""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import math
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, mapping

from . import geoparse, itinerary
from .gazetteer import GEODATA
from .layers import Layers, build_layers, read_countries
from .models import Document, Journey, Mention
from .palette import COLOURS
from .reading import passages_for

FORMATS = ("geojson", "csv", "html")
PRECISION = 5
CSV_FIELDS = ("doc", "start", "end", "text", "place", "country", "kind", "name", "lat", "lon",
              "passage", "reason")
COUNTRY_LAYERS = ("aes", "sahel", "countries")  # a country belongs to the first that holds it
LEAFLET = Path(__file__).resolve().parents[1] / "static" / "vendor" / "leaflet"
BASEMAP = GEODATA / "basemap.geojson"
_CSS_IMAGE = re.compile(r"url\((images/[\w.-]+\.png)\)")
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)


# ---------------------------------------------------------------- values and geometry


def plain(value: Any) -> Any:
    """Return a JSON-safe copy of a value: no numpy types, NaN as None, tuples as lists."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def _world(lon: float) -> int:
    """Return which 360° copy of the world a longitude lies in (0 for [-180, 180))."""
    return math.floor((lon + 180.0) / 360.0)


def split_antimeridian(line: LineString) -> LineString | MultiLineString:
    """Return a line with continuous longitudes cut at ±180° into parts within [-180, 180]."""
    parts: list[list[tuple[float, float]]] = [[]]
    previous: tuple[float, float] | None = None
    for lon, lat in line.coords:
        if previous is not None:
            for crossing in _crossings(previous, (lon, lat)):
                parts[-1].append(crossing[0])
                parts.append([crossing[1]])
        parts[-1].append((lon - 360.0 * _world(lon), lat))
        previous = (lon, lat)
    kept = [p for p in parts if len(set(p)) >= 2]
    if len(kept) == 1:
        return LineString(kept[0])
    return MultiLineString(kept)


def _crossings(a: tuple[float, float], b: tuple[float, float]) -> Iterator[tuple[tuple, tuple]]:
    """Yield, per ±180° meridian crossed from a to b, its end point and the next part's start."""
    step = 1 if b[0] > a[0] else -1
    for world in range(_world(a[0]), _world(b[0]), step):
        edge = -180.0 + 360.0 * (world + (step > 0))
        lat = a[1] + (edge - a[0]) / (b[0] - a[0]) * (b[1] - a[1])
        yield ((180.0 * step, lat), (-180.0 * step, lat))


def _split_lines(geometry: LineString | MultiLineString) -> LineString | MultiLineString:
    """Return a line or lines cut at the antimeridian, as one geometry."""
    lines = [split_antimeridian(g) for g in shapely.get_parts(geometry)]
    if len(lines) == 1:
        return lines[0]
    return MultiLineString([p for g in lines for p in shapely.get_parts(g)])


def _polygonal(geometry: shapely.Geometry) -> Polygon | MultiPolygon | None:
    """Return the polygons of a geometry (dropping lines and points of a collection)."""
    parts = [g for g in shapely.get_parts(geometry) if isinstance(g, Polygon | MultiPolygon)]
    polygons = [p for g in parts for p in shapely.get_parts(g) if not p.is_empty]
    if not polygons:
        return None
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)


def rfc7946(geometry: shapely.Geometry) -> dict | None:
    """Return a geometry as RFC 7946 GeoJSON: rounded, counter-clockwise, within ±180/±90."""
    if geometry is None or geometry.is_empty:
        return None
    if isinstance(geometry, LineString | MultiLineString):
        geometry = _split_lines(geometry)
    geometry = shapely.transform(geometry, _round_and_clip)
    if isinstance(geometry, shapely.GeometryCollection | Polygon | MultiPolygon):
        geometry = _polygonal(geometry)
        geometry = None if geometry is None else shapely.orient_polygons(geometry)
    return None if geometry is None else plain(mapping(geometry))


def _round_and_clip(coords: np.ndarray) -> np.ndarray:
    """Round coordinates to PRECISION decimals and clamp them to the WGS 84 ranges."""
    rounded = np.round(coords, PRECISION)
    return np.column_stack([np.clip(rounded[:, 0], -180, 180), np.clip(rounded[:, 1], -90, 90)])


# ---------------------------------------------------------------- GeoJSON


def rows(frame: gpd.GeoDataFrame) -> list[dict]:
    """Return a frame's rows as dicts of plain Python values (geometry kept as is)."""
    return [{k: v if k == "geometry" else plain(v) for k, v in row.items()}
            for row in frame.to_dict("records")]


def passage_records(doc: Document, mentions: list[Mention], key: str) -> list[dict]:
    """Return the passages counting for a place key, with their mentions (document offsets)."""
    return [{"passage": p.index, "start": p.start, "end": p.end, "text": doc.text[p.start:p.end],
             "mentions": [{"start": m.start, "end": m.end, "text": m.text, "reason": m.reason}
                          for m in sorted(found, key=lambda m: m.start)]}
            for p, found in passages_for(doc, mentions, key)]


def feature(fid: str, geometry: shapely.Geometry, properties: dict) -> dict | None:
    """Return one GeoJSON Feature, or None when its geometry is empty."""
    shape = rfc7946(geometry)
    if shape is None:
        return None
    return {"type": "Feature", "id": fid, "geometry": shape, "properties": plain(properties)}


def country_features(doc: Document, mentions: list[Mention], built: Layers) -> Iterator:
    """Yield each country of the sahel, aes and countries layers once, in the first it is in."""
    seen: set[str] = set()
    for name in COUNTRY_LAYERS:
        for row in rows(getattr(built, name)):
            iso3 = row["iso3"]
            if iso3 not in seen:
                seen.add(iso3)
                yield feature(f"country:{iso3}", row.pop("geometry"), {
                    "layer": name, **row, "roles": built.roles.get(iso3, []),
                    "passages": passage_records(doc, mentions, iso3)})


def outline_features(doc: Document, mentions: list[Mention], built: Layers) -> Iterator:
    """Yield the AES bloc's outline."""
    for row in rows(built.aes_outline):
        bloc, roles = row["id"], row["roles"]
        yield feature(f"bloc:{bloc}", row.pop("geometry"), {
            "layer": "aes_outline", **row, "roles": [roles] if roles else [],
            "passages": passage_records(doc, mentions, bloc)})


def stop_features(doc: Document, mentions: list[Mention], built: Layers) -> Iterator:
    """Yield every journey stop as a point, in travel order."""
    for row in rows(built.stops):
        place = row["place"]
        yield feature(f"stop:{row['journey']}:{row['order']}", row.pop("geometry"), {
            "layer": "stops", **row, "roles": built.roles.get(place, []),
            "passages": passage_records(doc, mentions, place)})


def leg_features(doc: Document, mentions: list[Mention], journeys: list[Journey],
                 built: Layers) -> Iterator:
    """Yield every journey leg as a line; its passages are those of the stop it leads to."""
    places = {(j.index, s.order): s.place for j in journeys for s in j.stops}
    for row in rows(built.legs):
        journey, order = row["journey"], row["order"]
        place = places.get((journey, order), "")
        yield feature(f"leg:{journey}:{order}", row.pop("geometry"), {
            "layer": "legs", **row, "place": place, "name": f"{row['from']} → {row['to']}",
            "roles": [f"leg {order} of journey {journey}"],
            "passages": passage_records(doc, mentions, place) if place else []})


def feature_collection(doc: Document, mentions: list[Mention], journeys: list[Journey],
                       layers: Layers) -> dict:
    """Return every layer of a document's map as one RFC 7946 FeatureCollection."""
    groups: Iterable = (country_features(doc, mentions, layers),
                        outline_features(doc, mentions, layers),
                        leg_features(doc, mentions, journeys, layers),
                        stop_features(doc, mentions, layers))
    features = [f for group in groups for f in group if f is not None]
    meta = {"slug": doc.slug, "title": doc.title, "source": doc.source, "url": doc.url,
            "published": doc.published, "language": doc.language}
    return {"type": "FeatureCollection", "document": meta, "features": features}


# ---------------------------------------------------------------- CSV


def mentions_csv(doc: Document, mentions: list[Mention]) -> str:
    """Return the mentions as CSV: the command line's fields, the passage index and the reason."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for mention in mentions:
        passage = doc.passage_at(mention.start)
        writer.writerow({**mention.record(), "reason": mention.reason,
                         "passage": "" if passage is None else passage.index})
    return out.getvalue()


# ---------------------------------------------------------------- standalone HTML


def script_json(data: Any) -> str:
    """Return JSON safe inside a <script> block: no '<', '>' or '&' characters at all."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def leaflet_css() -> str:
    """Return Leaflet's stylesheet with its images inlined as data: URLs."""
    css = (LEAFLET / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match) -> str:
        data = base64.b64encode((LEAFLET / match.group(1)).read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return _CSS_IMAGE.sub(inline, css)


def leaflet_js() -> str:
    """Return Leaflet's script, safe to inline (no source-map link, no closing script tag)."""
    script = _SOURCE_MAP.sub("", (LEAFLET / "leaflet.js").read_text(encoding="utf-8"))
    return script.replace("</", "<\\/")


def header(doc: Document) -> str:
    """Return the page header: the escaped title, source, date and link of the document."""
    details = [html.escape(v) for v in (doc.source, doc.published) if v]
    if doc.url.lower().startswith(("https://", "http://")):
        details.append(f'<a href="{html.escape(doc.url)}" rel="noreferrer">original article</a>')
    line = " · ".join(details) or html.escape(doc.slug)
    return f'<header><h1>{html.escape(doc.title or doc.slug)}</h1><p>{line}</p></header>'


def standalone_html(doc: Document, mentions: list[Mention], journeys: list[Journey],
                    layers: Layers) -> str:
    """Return one self-contained HTML page (no network) drawing the document's map."""
    collection = feature_collection(doc, mentions, journeys, layers)
    basemap = json.loads(BASEMAP.read_text(encoding="utf-8"))
    return PAGE.format(
        lang=html.escape(doc.language or "en"), title=html.escape(doc.title or doc.slug),
        leaflet_css=leaflet_css(), css=CSS + COLOUR_CSS, header=header(doc),
        features=script_json(collection), basemap=script_json(basemap),
        leaflet_js=leaflet_js(), script=SCRIPT.replace("__COLOURS__", json.dumps(LAYER_COLOURS))
        .replace("__BASEMAP_STYLE__", json.dumps(BASEMAP_STYLE)))


# ---------------------------------------------------------------- files


def write(doc: Document, fmt: str, out: Path) -> None:
    """Find a document's mentions, journeys and layers, and write them in a format to out."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}.")
    gaz = geoparse.default_gazetteer()
    mentions = geoparse.find_mentions(doc, gaz)
    if fmt == "csv":
        Path(out).write_text(mentions_csv(doc, mentions), encoding="utf-8", newline="")
        return
    journeys = itinerary.extract_journeys(doc, mentions, gaz)
    built = build_layers(doc, mentions, journeys, gaz, _countries())
    if fmt == "geojson":
        collection = feature_collection(doc, mentions, journeys, built)
        text = json.dumps(collection, ensure_ascii=False, allow_nan=False)
    else:
        text = standalone_html(doc, mentions, journeys, built)
    Path(out).write_text(text, encoding="utf-8")


@lru_cache(maxsize=1)
def _countries() -> gpd.GeoDataFrame:
    """Return the country polygons, read once per process."""
    return read_countries()

CSS = """
html, body { height: 100%; margin: 0; font: 15px/1.4 system-ui, sans-serif; }
body { display: flex; flex-direction: column; }
header { padding: .5rem 1rem; border-bottom: 1px solid #ccc; }
header h1 { font-size: 1.2rem; margin: 0; }
header p { margin: .2rem 0 0; color: #444; }
#map { flex: 1; }
.popup h2 { font-size: 1rem; margin: 0 0 .3rem; }
.popup ul { margin: 0 0 .4rem; padding-left: 1.1rem; }
.popup .passage { margin: .4rem 0; }
.popup .passage-number { color: #666; font-size: .8em; margin-right: .3em; }
.popup mark { background: #F0E442; padding: 0 .1em; }
.popup .none { color: #666; font-style: italic; }
.stop-icon { color: #fff; border: 2px solid #fff; border-radius: 50%;
  box-shadow: 0 0 2px #000; text-align: center; font: bold 12px/18px sans-serif; }
.stop-icon.inferred { background: #fff; border-style: dashed; border-radius: 11px;
  font-size: 9px; }
.swatch { display: inline-block; width: .9em; height: .9em; margin-right: .3em;
  vertical-align: -.1em; border: 1px solid #333; }
"""

# The page's palette (core/palette.py), by the export's layer names.
LAYER_COLOURS = {"aes": COLOURS["aes"], "sahel": COLOURS["sahel"],
                 "countries": COLOURS["countries"], "aes_outline": COLOURS["aes"],
                 "legs": COLOURS["journeys"], "stops": COLOURS["journeys"]}
COLOUR_CSS = (f"#map {{ background: {COLOURS['sea']}; }}\n"
              f".stop-icon {{ background: {COLOURS['journeys']}; }}\n"
              f".stop-icon.inferred {{ color: {COLOURS['journeys']}; "
              f"border-color: {COLOURS['journeys']}; }}\n")
BASEMAP_STYLE = {"color": COLOURS["border"], "weight": 0.6, "fillColor": COLOURS["land"],
                 "fillOpacity": 1}

SCRIPT = """
(function () {
  "use strict";
  var COLOURS = __COLOURS__;
  var LABELS = {sahel: "Sahel states", aes: "AES members", countries: "Other countries mentioned",
                aes_outline: "AES bloc outline", legs: "Journey legs", stops: "Journey stops"};
  var ORDER = ["sahel", "aes", "countries", "aes_outline", "legs", "stops"];
  var data = JSON.parse(document.getElementById("map-features").textContent);
  var basemap = JSON.parse(document.getElementById("map-basemap").textContent);

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function highlighted(passage) {
    var chars = Array.from(passage.text), node = el("p", undefined, "passage"), at = 0;
    node.setAttribute("data-passage", String(passage.passage));
    node.appendChild(el("span", "\\u00b6 " + (passage.passage + 1), "passage-number"));
    passage.mentions.forEach(function (m) {
      var start = m.start - passage.start, end = m.end - passage.start;
      if (start < at || end > chars.length) { return; }
      node.appendChild(document.createTextNode(chars.slice(at, start).join("")));
      var mark = el("mark", chars.slice(start, end).join(""));
      mark.title = m.reason;
      node.appendChild(mark);
      at = end;
    });
    node.appendChild(document.createTextNode(chars.slice(at).join("")));
    return node;
  }

  function popup(props) {
    var box = el("div", undefined, "popup"), roles = el("ul");
    box.appendChild(el("h2", props.name));
    (props.roles || []).forEach(function (role) { roles.appendChild(el("li", role)); });
    if (roles.childNodes.length) { box.appendChild(roles); }
    if (typeof props.mentions === "number") {
      box.appendChild(el("p", props.mentions + " mention" + (props.mentions === 1 ? "" : "s")));
    }
    if (!props.passages.length) { box.appendChild(el("p", "No passage names it.", "none")); }
    props.passages.forEach(function (p) { box.appendChild(highlighted(p)); });
    return box;
  }

  function style(feature) {
    var p = feature.properties, colour = COLOURS[p.layer];
    if (p.layer === "aes_outline") {
      return {color: colour, weight: 3, fill: false, dashArray: "8 4", className: "bloc-" + p.id};
    }
    if (p.layer === "legs") {
      return {color: colour, weight: 3, dashArray: p.inferred ? "4 6" : null,
              className: "leg leg-" + p.journey + "-" + p.order};
    }
    return {color: "#333", weight: 1, fillColor: colour, fillOpacity: p.mentions ? 0.7 : 0.35,
            className: "country country-" + p.iso3 + " layer-" + p.layer};
  }

  function stopMarker(feature, latlng) {
    var p = feature.properties, label = el("div", p.inferred ? "start" : String(p.order));
    var icon = L.divIcon({html: label, iconSize: p.inferred ? [34, 22] : [22, 22],
                          className: "stop-icon" + (p.inferred ? " inferred" : "")});
    return L.marker(latlng, {icon: icon, title: p.name, zIndexOffset: 1000 - p.order});
  }

  var map = L.map("map", {worldCopyJump: false, zoomSnap: 0.25});
  var base = L.geoJSON(basemap, {interactive: false, style: __BASEMAP_STYLE__}).addTo(map);
  var overlays = {}, groups = {};
  ORDER.forEach(function (name) { groups[name] = L.featureGroup().addTo(map); });
  L.geoJSON(data, {
    style: style,
    pointToLayer: stopMarker,
    onEachFeature: function (feature, layer) {
      layer.bindPopup(function () { return popup(feature.properties); },
                      {maxWidth: 440, maxHeight: 380});
      groups[feature.properties.layer].addLayer(layer);
    }
  });
  ORDER.forEach(function (name) {
    var label = "<span class='swatch' style='background:" + COLOURS[name] + "'></span>" +
                LABELS[name];
    if (groups[name].getLayers().length) { overlays[label] = groups[name]; }
  });
  L.control.layers({"Natural Earth": base}, overlays, {collapsed: false}).addTo(map);
  L.control.scale().addTo(map);
  var bounds = L.featureGroup([groups.aes, groups.stops]).getBounds();
  if (!bounds.isValid()) {
    bounds = L.featureGroup(ORDER.map(function (n) { return groups[n]; })).getBounds();
  }
  if (bounds.isValid()) { map.fitBounds(bounds, {padding: [20, 20]}); }
  else { map.setView([15, 5], 3); }
  window.sahelMap = {map: map, groups: groups, data: data};
}());
"""

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{title} — Sahel news map</title>
<style>{leaflet_css}</style>
<style>{css}</style>
</head>
<body>
{header}
<div id="map"></div>
<script type="application/json" id="map-features">{features}</script>
<script type="application/json" id="map-basemap">{basemap}</script>
<script>{leaflet_js}</script>
<script>{script}</script>
</body>
</html>
"""
