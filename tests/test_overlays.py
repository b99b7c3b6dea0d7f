"""One list of layers: every overlay has all it needs, and every part of the app reads it."""

import re
from pathlib import Path

import pytest

from dashboard.core import documents, export, overlays
from dashboard.core.analysis import analyse
from dashboard.core.geoparse import default_gazetteer
from dashboard.core.layers import build_layers, read_countries
from dashboard.ui import mapparts, mapview, state

SEED = Path(__file__).resolve().parents[1] / "seeds" / "niger-russia-military-cooperation.txt"
HEX = re.compile(r"#[0-9A-Fa-f]{6}")


@pytest.fixture(scope="module")
def seed_layers():
    analysis = analyse(documents.load(SEED))
    return analysis, build_layers(analysis, default_gazetteer(), read_countries())


@pytest.mark.parametrize("layer", overlays.OVERLAYS, ids=lambda o: o.id)
def test_every_overlay_has_an_id_title_colour_and_a_place_in_the_url(layer):
    assert re.fullmatch(r"[a-z]+", layer.id) and layer.title and HEX.fullmatch(layer.colour)
    parsed = state.parse({"layers": layer.id}, ["doc"], "doc")
    assert parsed.view.layers == (layer.id,) and not parsed.notices
    assert state.to_params(parsed.view)["layers"] == layer.id


def test_ids_titles_and_colours_are_distinct():
    for field in ("id", "title", "colour"):
        values = [getattr(o, field) for o in overlays.OVERLAYS]
        assert len(values) == len(set(values)), field


def test_the_map_draws_every_overlay_and_nothing_else():
    assert set(mapview.DRAW) == set(overlays.IDS)


def test_the_legend_names_every_overlay_shown(seed_layers):
    _, layers = seed_layers
    fmap = mapview.build_map(layers, overlays.IDS, "natural-earth")
    legend = next(c for c in fmap._children.values() if isinstance(c, mapparts.Legend))
    for layer in overlays.OVERLAYS:
        assert layer.title in legend.body and layer.colour in legend.body
        assert layer.legend in legend.body
    names = {getattr(c, "layer_name", None) for c in fmap._children.values()}
    assert {o.title for o in overlays.OVERLAYS} <= names  # the layer control's names


def test_the_export_names_its_layers_as_the_page_does(seed_layers):
    analysis, layers = seed_layers
    parts = {f["properties"]["layer"] for f in
             export.feature_collection(analysis, layers)["features"]}
    assert parts == {p for o in overlays.OVERLAYS for p in o.parts}
    assert all(overlays.of_part(p).id in overlays.IDS for p in parts)
    config = export.map_config()["overlays"]
    assert [(c["id"], c["title"], c["colour"]) for c in config] == [
        (o.id, o.title, o.colour) for o in overlays.OVERLAYS if o.parts]


def test_a_part_belongs_to_one_overlay():
    parts = [p for o in overlays.OVERLAYS for p in o.parts]
    assert len(parts) == len(set(parts))
