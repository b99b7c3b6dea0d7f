"""The map's frame drawn once per view sends the browser what st_folium would send each run."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import streamlit_folium

from dashboard.core import documents, overlays
from dashboard.core.analysis import analyse
from dashboard.core.geoparse import default_gazetteer
from dashboard.core.layers import build_layers, read_countries
from dashboard.core.store import Count
from dashboard.ui import deskmap, embed, mapview

SEED = Path(__file__).resolve().parents[1] / "seeds" / "niger-russia-military-cooperation.txt"


@pytest.fixture
def sent(monkeypatch):
    """Record what reaches st_folium's component, instead of drawing it."""
    calls: list[dict] = []
    monkeypatch.setattr(streamlit_folium, "_component_func",
                        lambda **kwargs: calls.append(kwargs) or kwargs["default"])
    return calls


@pytest.fixture(scope="module")
def seed_layers():
    return build_layers(analyse(documents.load(SEED)), default_gazetteer(), read_countries())


def article_map(layers, shown=overlays.IDS):
    return mapview.build_map(layers, shown, "natural-earth", scope=("doc", "seed"))


def desk_map():
    return deskmap.base_map(read_countries(), default_gazetteer(), ("sahel", "aes"), "UNISS",
                            "natural-earth", date(2026, 11, 28))


def counts():
    shapes = deskmap.country_shapes(read_countries())
    found = [Count("NER", 12), Count("MLI", 7), Count("RUS", 3), Count("FRA", 1)]
    return deskmap.counts_layer(found, shapes, default_gazetteer(), "on the desk")


def as_st_folium(fmap, key, group=None):
    """Draw a map with st_folium itself, as the page did before frames."""
    return streamlit_folium.st_folium(
        fmap, key=key, height=560, use_container_width=True, render=False,
        feature_group_to_add=group, returned_objects=list(embed.CLICKED))


def comparable(kwargs: dict) -> dict:
    return {name: value for name, value in kwargs.items() if name != "on_change"}


def test_an_articles_frame_sends_what_st_folium_sends(sent, seed_layers):
    as_st_folium(article_map(seed_layers), "map")
    embed.draw(embed.frame(article_map(seed_layers)), "map", 560)
    assert "map_div" in sent[0]["script"] and "L.geoJson" in sent[0]["script"]
    assert comparable(sent[1]) == comparable(sent[0])


def test_the_desks_frame_and_its_counts_send_what_st_folium_sends(sent):
    as_st_folium(desk_map(), "desk-map", counts())
    embed.draw(embed.frame(desk_map()), "desk-map", 560, embed.group_script(counts()))
    assert "feature_group_feature_group_0" in sent[0]["feature_group"]
    assert comparable(sent[1]) == comparable(sent[0])


def test_one_frame_serves_run_after_run_and_each_windows_counts(sent):
    drawn = embed.frame(desk_map())
    embed.draw(drawn, "desk-map", 560, embed.group_script(counts()))
    embed.draw(drawn, "desk-map", 560, embed.group_script(counts()))
    embed.draw(drawn, "desk-map", 560)
    assert sent[0] == sent[1] | {"on_change": sent[0]["on_change"]}
    assert sent[2]["feature_group"] is None and sent[2]["key"] == sent[0]["key"]


def test_another_view_is_another_frame_and_the_iframe_follows(seed_layers):
    every = embed.frame(article_map(seed_layers))
    fewer = embed.frame(article_map(seed_layers, ("sahel", "aes")))
    assert every.script != fewer.script
    assert streamlit_folium.generate_js_hash(every.script, "map") != \
        streamlit_folium.generate_js_hash(fewer.script, "map")
    assert every.size > fewer.size > 0


def test_a_windows_counts_are_written_once_and_sent_as_st_folium_sends_them(sent, monkeypatch):
    """The desk's runs in one window (clicks, layers, pages) send one cached script."""
    shapes = deskmap.country_shapes(read_countries())
    found = [Count("NER", 12), Count("MLI", 7), Count("RUS", 3), Count("FRA", 1)]
    written, write = [], embed.group_script
    monkeypatch.setattr(embed, "group_script", lambda group: written.append(group) or write(group))
    deskmap.drawings().clear()
    first = deskmap.counts_script(found, shapes, default_gazetteer(), "on the desk")
    again = deskmap.counts_script(list(found), shapes, default_gazetteer(), "on the desk")
    other = deskmap.counts_script(found[:2], shapes, default_gazetteer(), "on the desk")
    assert first == again and len(written) == 2 and other != first
    drawn = embed.frame(desk_map())
    as_st_folium(desk_map(), "desk-map", counts())
    embed.draw(drawn, "desk-map", 560, first)
    assert comparable(sent[1]) == comparable(sent[0])
