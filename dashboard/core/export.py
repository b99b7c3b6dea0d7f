"""An analysis rendered as GeoJSON (RFC 7946), a CSV of its mentions, or one standalone HTML
map; the exports render what analyse() found, they never run the parser again."""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any

import geopandas as gpd
import shapely

from .analysis import Analysis
from .assets import MissingAsset, asset, asset_text
from .geojson import plain, rfc7946
from .geoparse import default_gazetteer
from .layers import Layers, build_layers, read_countries
from .models import Document, Journey, Mention
from .overlays import OVERLAYS, overlay
from .palette import BASEMAP_STYLE, COLOURS, INFERRED_DASH, JOURNEY_COLOURS, PLANNED_DASH
from .reading import passages_for

FORMATS = ("geojson", "csv", "html")
CSV_FIELDS = ("doc", "start", "end", "text", "place", "country", "kind", "name", "lat", "lon",
              "passage", "reason")
COUNTRY_LAYERS = ("aes", "sahel", "countries")  # a country belongs to the first that holds it
_CSS_IMAGE = re.compile(r"url\((images/[\w.-]+\.png)\)")
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)


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
            "roles": [f"leg {order} of journey {journey}"
                      + (" (planned)" if row["planned"] else " (made)")],
            "passages": passage_records(doc, mentions, place) if place else []})


def feature_collection(analysis: Analysis, layers: Layers) -> dict:
    """Return every layer of a document's map as one RFC 7946 FeatureCollection."""
    doc, mentions = analysis.document, list(analysis.mentions)
    groups: Iterable = (country_features(doc, mentions, layers),
                        outline_features(doc, mentions, layers),
                        leg_features(doc, mentions, list(analysis.journeys), layers),
                        stop_features(doc, mentions, layers))
    features = [f for group in groups for f in group if f is not None]
    meta = {"slug": doc.slug, "title": doc.title, "source": doc.source, "url": doc.url,
            "published": doc.published, "language": doc.language}
    return {"type": "FeatureCollection", "document": meta, "features": features}


# ---------------------------------------------------------------- CSV


def mentions_csv(analysis: Analysis) -> str:
    """Return the mentions as CSV: the command line's fields, the passage index and the reason."""
    doc = analysis.document
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for mention in analysis.mentions:
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

    def inline(match: re.Match) -> str:
        image = asset(f"vendor/leaflet/{match.group(1)}").read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(image).decode('ascii')})"

    return _CSS_IMAGE.sub(inline, asset_text("vendor/leaflet/leaflet.css"))


def leaflet_js() -> str:
    """Return Leaflet's script, safe to inline (no source-map link, no closing script tag)."""
    script = _SOURCE_MAP.sub("", asset_text("vendor/leaflet/leaflet.js"))
    return script.replace("</", "<\\/")


def header(doc: Document) -> str:
    """Return the page header: the escaped title, source, date and link of the document."""
    details = [html.escape(v) for v in (doc.source, doc.published) if v]
    if doc.url.lower().startswith(("https://", "http://")):
        details.append(f'<a href="{html.escape(doc.url)}" rel="noreferrer">original article</a>')
    line = " · ".join(details) or html.escape(doc.slug)
    return f'<header><h1>{html.escape(doc.title or doc.slug)}</h1><p>{line}</p></header>'


def map_config() -> dict:
    """Return what the standalone page's script draws with: the overlays and basemap style."""
    return {"overlays": [{"id": o.id, "title": o.title, "colour": o.colour, "parts": o.parts}
                         for o in OVERLAYS if o.parts],
            "basemapStyle": BASEMAP_STYLE,
            "dash": {"planned": PLANNED_DASH, "inferred": INFERRED_DASH},
            "legendJourneys": len(JOURNEY_COLOURS)}


def page_css() -> str:
    """Return the standalone page's stylesheet, with the palette's colours as variables."""
    journeys = overlay("journeys").colour
    return (f":root {{ --sea: {COLOURS['sea']}; --journeys: {journeys}; }}\n"
            + asset_text("templates/standalone.css"))


def standalone_page(title: str, language: str, header_html: str, collection: dict) -> str:
    """Return one self-contained HTML page (no network) drawing a FeatureCollection of the
    overlays' parts (header_html: already escaped)."""
    basemap = json.loads(asset_text("geodata/basemap.geojson"))
    return Template(asset_text("templates/standalone.html")).substitute(
        lang=html.escape(language or "en"), title=html.escape(title),
        leaflet_css=leaflet_css(), css=page_css(), header=header_html,
        config=script_json(map_config()), features=script_json(collection),
        basemap=script_json(basemap), leaflet_js=leaflet_js(),
        script=asset_text("templates/standalone.js").replace("</", "<\\/"))


def standalone_html(analysis: Analysis, layers: Layers) -> str:
    """Return one self-contained HTML page (no network) drawing the document's map."""
    doc = analysis.document
    return standalone_page(doc.title or doc.slug, doc.language, header(doc),
                           feature_collection(analysis, layers))


# ---------------------------------------------------------------- files

# What the standalone page is made of, besides the analysis.
HTML_ASSETS = ("vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css",
               "geodata/basemap.geojson", "templates/standalone.html",
               "templates/standalone.css", "templates/standalone.js")


def missing_assets(fmt: str) -> list[str]:
    """Return what a format's export lacks, one message a missing file (none: it can be made)."""
    if fmt != "html":
        return []
    problems = []
    for name in HTML_ASSETS:
        try:
            asset(name)
        except MissingAsset as error:
            problems.append(str(error))
    return problems


def render(analysis: Analysis, fmt: str, layers: Layers | None = None) -> str:
    """Return an analysis in an export format (layers: the map's, if already built)."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}.")
    if fmt == "csv":
        return mentions_csv(analysis)
    layers = layers or build_layers(analysis, default_gazetteer(), countries())
    if fmt == "geojson":
        return json.dumps(feature_collection(analysis, layers), ensure_ascii=False,
                          allow_nan=False)
    return standalone_html(analysis, layers)


def write(analysis: Analysis, fmt: str, out: Path) -> None:
    """Write an analysis in a format (geojson, csv or html) to the file out."""
    text = render(analysis, fmt)
    Path(out).write_text(text, encoding="utf-8", newline="" if fmt == "csv" else None)


@lru_cache(maxsize=1)
def countries() -> gpd.GeoDataFrame:
    """Return the country polygons, read once per process."""
    return read_countries()
