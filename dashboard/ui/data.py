"""Cached access to the core: geodata once per process, the desk (one SQLite file) opened once,
and what one article's view draws, cached by the article's content."""

from __future__ import annotations

import logging
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import folium
import streamlit as st

from ..core import analysis, gazetteer, geoparse, ingest, layers, offload
from ..core.analysis import Analysis, parser_version
from ..core.models import Document
from ..core.store import DeskError, Store
from ..core.store.packed import Packed, unpack
from . import assets, embed, mapview, trim
from .budget import Budget

LOG = logging.getLogger(__name__)
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MAP_JOURNEYS = 20  # journeys drawn on the map: a long digest's hundredth trip is noise there
STALE_CHECK = 5  # seconds between counts of the articles left to analyse again
SEED_CHECK = 30  # seconds between two looks at seeds/ for new or changed files
DRAWINGS_BYTES = 160_000_000  # what the articles shown and their drawings may hold, together
UPLOADS_ANALYSED = 3  # analyses of a visitor's own articles kept for their session
MENTION_BYTES = 400  # about what one mention (or one row of a layer) holds
PASSAGE_BYTES = 350  # about what one passage and its sentences hold


@dataclass(frozen=True)
class Desk:
    """The desk this server reads, and why it is not in its usual folder (or "")."""

    store: Store
    notice: str = ""


@dataclass(frozen=True)
class Article:
    """An article the page shows: its document, its analysis, and the key its drawings are
    cached by (its content and the parser's version)."""

    document: Document
    analysis: Analysis
    key: str
    stored: bool  # on the desk (else added in this visit only)


def geodata_problems() -> list[str]:
    """Return one message per geodata or static file the page cannot work without that is
    missing or damaged (each names the file and what to run); none when all is well."""
    problems = assets.missing_static()
    for load in (load_gazetteer, load_countries):
        try:
            load()
        except gazetteer.GeodataError as error:
            problems.append(str(error))
    return problems


def load_gazetteer() -> gazetteer.Gazetteer:
    """Return the gazetteer (once per process, shared with the exports)."""
    return geoparse.default_gazetteer()


@st.cache_resource(show_spinner=False)
def load_countries():
    """Return the country polygons (once per process)."""
    return layers.read_countries()


@st.cache_resource(show_spinner="Opening the desk…")
def desk() -> Desk:
    """Open the desk once per process (seeds/ read into it); where its folder cannot be
    written (a read-only deployment), a temporary one for this server's run, said so. What an
    older parser analysed is analysed again in the background: the page serves meanwhile."""
    try:
        opened = Desk(ingest.open_desk(seeds=SEEDS, reanalysing=False))
    except DeskError as error:
        folder = tempfile.mkdtemp(prefix="sahel-desk-")
        opened = Desk(ingest.open_desk(folder, seeds=SEEDS, reanalysing=False),
                      f"{error} The desk is kept in a temporary folder while this server runs.")
    threading.Thread(target=ingest.reanalyse, args=(opened.store,), name="reanalyse",
                     daemon=True).start()
    return opened


@st.cache_data(ttl=5, show_spinner=False)
@st.cache_data(ttl=STALE_CHECK, show_spinner=False)
def stale_articles() -> int:
    """Return how many articles an older parser analysed (being analysed again; counted at
    most every STALE_CHECK seconds: a click need not count them)."""
    return len(desk().store.stale())


@st.cache_data(ttl=SEED_CHECK, show_spinner=False)
def seed_problems() -> tuple[str, ...]:
    """Read new or changed files of seeds/ into the desk (at most every SEED_CHECK seconds);
    return one message per file that could not be read."""
    return tuple(ingest.sync_folder(desk().store, SEEDS).problems)


def stored_key(slug: str) -> str | None:
    """Return the cache key of a stored article's drawings, or None if it is not stored."""
    row = desk().store.conn.execute(
        "SELECT content_hash, parser_version FROM articles WHERE slug = ?", (slug,)).fetchone()
    return f"desk:{slug}:{row[0]}:{row[1]}" if row else None


@st.cache_resource(show_spinner=False)
def drawings() -> Budget:
    """Return the process's cache of articles and what their views draw, bounded in bytes."""
    return Budget(DRAWINGS_BYTES)


def weight(value: object) -> int:
    """Return about how many bytes an article, its layers or its shapes hold."""
    if isinstance(value, Article):
        return (2 * len(value.document.text) + PASSAGE_BYTES * len(value.document.passages)
                + MENTION_BYTES * len(value.analysis.mentions))
    if isinstance(value, dict):
        return sum(2 * len(text) for text in value.values())
    if isinstance(value, embed.Frame):
        return value.size
    if isinstance(value, str):
        return 2 * len(value)
    return MENTION_BYTES * sum(len(frame) for frame in vars(value).values()
                               if hasattr(frame, "geometry"))


def stored_article(key: str) -> Article:
    """Return a stored article, read from the desk (never parsed again) by its key."""
    slug = key.split(":")[1]

    def read() -> Article:
        store = desk().store
        return Article(store.document(slug), store.analysis(slug), key, stored=True)

    return drawings().get(("article", key), read, weight)


def upload_article(packed: Packed) -> Article:
    """Return an article added in this visit, unpacked and analysed once for this session."""
    return _upload_analysis(f"upload:{packed.slug}:{packed.content_hash}:{parser_version()}",
                            packed)


@st.cache_resource(scope="session", max_entries=UPLOADS_ANALYSED, show_spinner=False,
                   on_release=trim.soon)
def _upload_analysis(key: str, _packed: Packed) -> Article:
    """Return a visitor's own article analysed (key: its slug, content and parser), kept for
    their session and let go when their browser disconnects (the session itself, and the
    packed article, Streamlit keeps minutes longer in case they come back)."""
    doc = unpack(_packed)
    return Article(doc, analysed(doc), key, stored=False)


def analysed(doc: Document) -> Analysis:
    """Return a document's analysis: a heavy one made in a process of its own (the page's other
    visitors keep their core), here if that process cannot be had."""
    if offload.is_heavy(doc):
        try:
            return offload.analyse_apart(doc)
        except offload.OffloadError as error:  # killed for memory, or no process to be had
            LOG.warning("%s; analysing %s in the page's process", error, doc.slug)
    return analysis.analyse(doc, load_gazetteer())


def document_layers(key: str, sahel: str, article: Article) -> layers.Layers:
    """Return an article's map layers for a Sahel definition (cached by the article's key)."""
    return drawings().get(("layers", key, sahel), lambda: layers.build_layers(
        article.analysis, load_gazetteer(), load_countries(), sahel, MAP_JOURNEYS), weight)


def document_shapes(key: str, sahel: str, article: Article) -> dict[str, str]:
    """Return an article's polygon layers as GeoJSON text (escaped; the same for every view)."""
    return drawings().get(("shapes", key, sahel),
                          lambda: mapview.shapes(document_layers(key, sahel, article)), weight)


def document_map(article: Article, sahel: str, shown: tuple[str, ...],
                 basemap: str) -> folium.Map:
    """Return a new folium map of an article's view (st_folium rewrites the ids of the map it
    is given: a Map object is drawn once)."""
    key = article.key
    return mapview.build_map(document_layers(key, sahel, article), shown, basemap,
                             document_shapes(key, sahel, article),
                             scope=("doc", article.document.slug))


def document_frame(article: Article, sahel: str, shown: tuple[str, ...],
                   basemap: str) -> embed.Frame:
    """Return the drawn map of an article's view (cached: a click redraws the same map)."""
    return drawings().get(("frame", article.key, sahel, shown, basemap),
                          lambda: embed.frame(document_map(article, sahel, shown, basemap)),
                          weight)
