"""Tests for dashboard/ui/assets.py: the map loads only vendored files, never a CDN."""

from __future__ import annotations

import re

import branca.colormap
import folium
import folium.plugins
import pytest

from dashboard.ui import embed
from dashboard.ui.assets import (
    IFRAME_STATIC_URL,
    STATIC_DIR,
    RemoteAssetError,
    asset_urls,
    offline_map,
    remote_asset_urls,
)

LINK = re.compile(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"', re.IGNORECASE)
REMOTE = re.compile(r"^(?:https?:)?//", re.IGNORECASE)


def drawn_map() -> folium.Map:
    """Return an offline map with one of everything the page draws."""
    fmap = offline_map(location=[15, 5], zoom_start=4)
    square = [[[0, 12], [15, 12], [15, 23], [0, 23], [0, 12]]]
    geometry = {"type": "Polygon", "coordinates": square}
    feature = {"type": "Feature", "properties": {"id": "NER"}, "geometry": geometry}
    collection = {"type": "FeatureCollection", "features": [feature]}
    folium.GeoJson(collection, tooltip=folium.GeoJsonTooltip(["id"])).add_to(fmap)
    folium.PolyLine([[13.5, 2.1], [55.7, 37.6]], tooltip="route").add_to(fmap)
    folium.CircleMarker([13.5, 2.1], popup=folium.Popup("Niamey")).add_to(fmap)
    folium.Marker([55.7, 37.6], icon=folium.DivIcon(html="<b>1</b>")).add_to(fmap)
    folium.LayerControl().add_to(fmap)
    return fmap


def test_rendered_map_links_no_remote_script_or_stylesheet():
    """No <script src> or <link href> in the rendered page points at http(s)."""
    html = drawn_map().get_root().render()
    links = LINK.findall(html)
    assert links, "expected the vendored Leaflet links in the page"
    assert [url for url in links if REMOTE.match(url)] == []
    assert "L.tileLayer" not in html  # tiles=None by default


def test_every_referenced_vendored_file_exists():
    """Every script and stylesheet URL of the map names a file under dashboard/static."""
    urls = asset_urls(drawn_map())
    assert urls == [
        f"{IFRAME_STATIC_URL}/vendor/leaflet/leaflet.js",
        f"{IFRAME_STATIC_URL}/vendor/jquery/jquery.min.js",  # for the popup
        f"{IFRAME_STATIC_URL}/vendor/leaflet/leaflet.css",
    ]
    for url in urls:
        assert (STATIC_DIR / url.removeprefix(IFRAME_STATIC_URL + "/")).is_file(), url


def test_jquery_is_loaded_only_for_what_needs_it():
    """A map without popups or layers kept in front does not load jQuery; one with them does."""
    jquery = f"{IFRAME_STATIC_URL}/vendor/jquery/jquery.min.js"
    fmap = offline_map()
    layer = folium.GeoJson({"type": "FeatureCollection", "features": []}).add_to(fmap)
    marker = folium.CircleMarker([13.5, 2.1], tooltip="Niamey").add_to(fmap)
    assert jquery not in asset_urls(fmap)
    folium.Popup("Niamey").add_to(marker)  # a popup added after the map was made
    assert jquery in asset_urls(fmap)
    kept = offline_map()
    kept.add_child(layer)
    kept.keep_in_front(layer)
    assert jquery in asset_urls(kept)


def test_images_named_by_leaflet_css_exist():
    """The images leaflet.css and the default marker icon need are vendored too."""
    css = (STATIC_DIR / "vendor/leaflet/leaflet.css").read_text(encoding="utf-8")
    images = set(re.findall(r"url\((images/[^)]+)\)", css))
    images |= {"images/marker-icon-2x.png", "images/marker-shadow.png"}
    for image in images:
        assert (STATIC_DIR / "vendor/leaflet" / image).is_file(), image


def test_offline_map_leaves_folium_defaults_alone():
    """folium's class-level asset lists are not mutated (other maps keep their own)."""
    before = list(folium.Map.default_js)
    offline_map()
    assert folium.Map.default_js == before


def test_remote_asset_urls_catches_a_cdn_plugin():
    """A plugin that brings CDN assets is reported, so mapview tests can refuse it."""
    fmap = offline_map()
    assert remote_asset_urls(fmap) == []
    folium.plugins.Fullscreen().add_to(fmap)
    assert remote_asset_urls(fmap) and all(REMOTE.match(url) for url in remote_asset_urls(fmap))


def test_a_map_that_would_load_from_the_internet_is_refused_not_drawn():
    """The frame the page sends names only this server's files: a CDN plugin is refused, and
    so is a colormap (st_folium would fetch d3 for it from a CDN)."""
    embed.frame(offline_map())  # the page's own: drawn
    with_plugin = offline_map()
    folium.plugins.Fullscreen().add_to(with_plugin)
    with pytest.raises(RemoteAssetError, match="from the internet: vendor it"):
        embed.frame(with_plugin)
    with_colormap = offline_map()
    branca.colormap.LinearColormap(["white", "black"]).add_to(with_colormap)
    with pytest.raises(RemoteAssetError, match="A colormap needs d3"):
        embed.frame(with_colormap)


def test_vendored_files_are_documented():
    """Every vendored file is listed in dashboard/static/README.md."""
    readme = (STATIC_DIR / "README.md").read_text(encoding="utf-8")
    for path in sorted((STATIC_DIR / "vendor").rglob("*")):
        if path.is_file():
            assert str(path.relative_to(STATIC_DIR)) in readme, path
