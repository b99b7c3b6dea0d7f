"""The desk, or a filtered part of it, as GeoJSON (one feature per country: its article count
and references to its passages), a CSV of mentions with each article's date, source and URL,
or one standalone HTML map (export.py's page)."""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from . import export
from .geoparse import default_gazetteer
from .layers import members, sahel_members
from .store import Filter, Store, articles, mention_rows, place_counts, place_passages
from .store.queries import MAX_PAGE, ArticlePassages

FORMATS = export.FORMATS
CSV_FIELDS = ("doc", "published", "source", "url", "start", "end", "text", "place", "country",
              "kind", "name", "lat", "lon", "passage", "reason")
HTML_PASSAGES = 40  # passages a country's popup shows in the HTML map (newest articles first)


def passage_refs(store: Store, iso3: str, flt: Filter,
                 with_text: bool = False) -> Iterator[dict]:
    """Yield the passages of the filter's articles that mention a country, newest article
    first, as references: article slug, title, date, URL, passage index, offsets, mentions."""
    page = 0
    while True:
        found = place_passages(store, iso3, flt, page, MAX_PAGE)
        for item in found.items:
            yield from _article_refs(item, with_text)
        page += 1
        if page >= found.pages:
            return


def _article_refs(item: ArticlePassages, with_text: bool) -> Iterator[dict]:
    """Yield one article's passages as references (with their text when asked)."""
    article = item.article
    for hit in item.passages:
        ref = {"slug": article.slug, "title": article.title, "source": article.source,
               "published": article.published, "url": article.url,
               "passage": hit.passage.index, "start": hit.passage.start,
               "end": hit.passage.end,
               "mentions": [{"start": m.start, "end": m.end, "text": m.text, "reason": m.reason}
                            for m in hit.mentions]}
        if with_text:
            ref["text"] = hit.text
        yield ref


def layer_of(on: date) -> dict[str, str]:
    """Return the layer each AES member and Sahel state is drawn in on a date."""
    gaz = default_gazetteer()
    layers = {iso3: "sahel" for iso3 in sahel_members(gaz, "UNISS", on)}
    layers.update({iso3: "aes" for iso3 in members(gaz, "AES", on)})
    return layers


def feature_collection(store: Store, flt: Filter, for_html: bool = False) -> dict:
    """Return the filter's countries as one RFC 7946 FeatureCollection: each with the number
    of articles naming it, its mentions and its passages (references; for the HTML map, the
    newest HTML_PASSAGES with their text, and how many more there are)."""
    polygons = export.countries()
    layers = layer_of(flt.date_to or date.today())
    features = []
    for count in place_counts(store, flt, ("country",)):
        if count.key not in polygons.index:
            continue
        refs = list(passage_refs(store, count.key, flt, with_text=for_html))
        shown = refs[:HTML_PASSAGES] if for_html else refs
        layer = layers.get(count.key, "countries")
        roles = [f"named in {count.count} article{'s' if count.count != 1 else ''}"]
        roles += {"aes": ["AES member"], "sahel": ["Sahel state (UNISS)"]}.get(layer, [])
        features.append(export.feature(f"country:{count.key}", polygons.geometry[count.key], {
            "layer": layer, "iso3": count.key, "name": polygons.name[count.key],
            "articles": count.count, "mentions": count.mentions, "roles": roles,
            "passages": shown, "more": len(refs) - len(shown)}))
    return {"type": "FeatureCollection", "desk": _describe(store, flt),
            "features": [f for f in features if f is not None]}


def _describe(store: Store, flt: Filter) -> dict:
    """Return what the export holds: the filter and the number of its articles."""
    return {"articles": articles(store, flt, 0, 1).total,
            "from": flt.date_from.isoformat() if flt.date_from else None,
            "to": flt.date_to.isoformat() if flt.date_to else None,
            "sources": list(flt.sources), "languages": list(flt.languages),
            "query": flt.query or None}


def mentions_csv(store: Store, flt: Filter) -> str:
    """Return every mention of the filter's articles as CSV, with the article's date, source
    and URL."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(mention_rows(store, flt))
    return out.getvalue()


def header(store: Store, flt: Filter) -> str:
    """Return the HTML map's header: what part of the desk it shows (escaped)."""
    about = _describe(store, flt)
    parts = [f"{about['articles']} article{'s' if about['articles'] != 1 else ''}"]
    if flt.date_from or flt.date_to:
        parts.append(f"{about['from'] or '…'} → {about['to'] or '…'}")
    if flt.sources:
        parts.append("sources: " + ", ".join(flt.sources))
    if flt.languages:
        parts.append("languages: " + ", ".join(flt.languages))
    if flt.query:
        parts.append(f"search: {flt.query}")
    line = html.escape(" · ".join(parts))
    return f"<header><h1>News desk</h1><p>{line}</p></header>"


def render(store: Store, flt: Filter, fmt: str) -> str:
    """Return the filter's part of the desk in an export format (geojson, csv or html)."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}.")
    if fmt == "csv":
        return mentions_csv(store, flt)
    if fmt == "geojson":
        return json.dumps(feature_collection(store, flt), ensure_ascii=False, allow_nan=False)
    return export.standalone_page("News desk", "en", header(store, flt),
                                  feature_collection(store, flt, for_html=True))


def write(store: Store, flt: Filter, fmt: str, out: Path) -> None:
    """Write the filter's part of the desk in a format to the file out."""
    text = render(store, flt, fmt)
    Path(out).write_text(text, encoding="utf-8", newline="" if fmt == "csv" else None)
