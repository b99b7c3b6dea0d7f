"""Cached access to the core: geodata once per process, per-document results by content."""

from __future__ import annotations

from pathlib import Path

import folium
import streamlit as st

from ..core import analysis, documents, gazetteer, geoparse, layers
from ..core.analysis import Analysis
from ..core.models import Document
from . import assets, mapview

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MAP_JOURNEYS = 20  # journeys drawn on the map: a long digest's hundredth trip is noise there


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


@st.cache_data(ttl=30, show_spinner=False)
def load_seeds() -> tuple[list[Document], list[str]]:
    """Return the articles in seeds/ and one message per file that could not be read."""
    return documents.load_folder(SEEDS)


@st.cache_resource(max_entries=64, show_spinner=False)
def analyse(doc: Document) -> Analysis:
    """Return a document's analysis (cached by content)."""
    return analysis.analyse(doc, load_gazetteer())


@st.cache_resource(max_entries=64, show_spinner=False)
def document_layers(doc: Document, sahel: str) -> layers.Layers:
    """Return a document's map layers for a Sahel definition."""
    return layers.build_layers(analyse(doc), load_gazetteer(), load_countries(), sahel,
                               MAP_JOURNEYS)


def document_map(doc: Document, sahel: str, shown: tuple[str, ...], basemap: str) -> folium.Map:
    """Return a new folium map of a document's view.

    Not cached: st_folium rewrites the ids of the map it is given, so a Map object cannot be
    reused; it hashes the map's script without ids, so an identical new map keeps the iframe.
    """
    return mapview.build_map(document_layers(doc, sahel), shown, basemap,
                             document_shapes(doc, sahel), scope=("doc", doc.slug))


@st.cache_resource(max_entries=64, show_spinner=False)
def document_shapes(doc: Document, sahel: str) -> dict[str, str]:
    """Return a document's polygon layers as GeoJSON text (escaped; the same for every view)."""
    return mapview.shapes(document_layers(doc, sahel))
