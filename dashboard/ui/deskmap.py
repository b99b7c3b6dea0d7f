"""The desk's map: a base that stays (basemap, Sahel and AES outlines, legend) and the
countries shaded by how many articles of the window name them, sent as a feature group so a
new window redraws only them (no new map frame, no flicker, the reader's zoom kept)."""

from __future__ import annotations

import html
import math
from datetime import date

import folium
import geopandas as gpd
from shapely.geometry import mapping
from shapely.ops import unary_union

from ..core.gazetteer import Gazetteer
from ..core.layers import sahel_members
from ..core.overlays import overlay
from ..core.store import Count
from . import embed, mapparts
from .assets import IFRAME_STATIC_URL, offline_map
from .data import drawings, weight
from .mapview import TOOLTIP_OPACITY, TOOLTIP_STYLE, lighter, selectors_layer
from .rendering import Encoded, encoded_size

# Articles per country in five classes, light to dark: viridis, which readers with the common
# colour-vision deficiencies read in order, and in grey.
CLASS_COLOURS = ("#FDE725", "#5EC962", "#21918C", "#3B528B", "#440154")
NICE = (1, 2, 3, 5, 10, 15, 20, 25, 30, 50, 75, 100, 150, 200, 250, 300, 500, 750, 1000, 1500,
        2000, 2500, 3000, 5000, 7500, 10_000, 15_000, 20_000, 25_000, 50_000, 100_000)
WORLD = [[-50.0, -120.0], [70.0, 140.0]]


def kept(key: tuple, make) -> Encoded:
    """Return the data made for key before (kept, encoded, in the process's drawings), or make
    it."""
    return drawings().get(("desk", *key), lambda: Encoded(make()), encoded_size)


def class_floors(top: int) -> list[int]:
    """Return the lowest article count of each class (at most five), from 1 up to top: equal
    steps on a logarithmic scale, rounded to round numbers."""
    if top <= len(CLASS_COLOURS):
        return list(range(1, max(top, 1) + 1))
    floors = [1]
    for step in range(1, len(CLASS_COLOURS)):
        target = top ** (step / len(CLASS_COLOURS))
        nice = min(NICE, key=lambda n: abs(math.log(n) - math.log(target)))
        if floors[-1] < nice <= top:
            floors.append(nice)
    return floors


def class_of(count: int, floors: list[int]) -> int:
    """Return the class of an article count."""
    return max(i for i, floor in enumerate(floors) if count >= floor)


def class_label(i: int, floors: list[int], top: int) -> str:
    """Return a class's range as the legend says it ('5–9 articles')."""
    low = floors[i]
    high = floors[i + 1] - 1 if i + 1 < len(floors) else top
    unit = "article" if high == 1 else "articles"
    return f"{low} {unit}" if low == high else f"{low}–{high} {unit}"


def country_shapes(countries: gpd.GeoDataFrame) -> dict[str, dict]:
    """Return every country's simplified shape as GeoJSON, by ISO3 (made once per process)."""
    light = lighter(countries)
    return {row.iso3: mapping(row.geometry) for row in light.itertuples()}


def counts_layer(counts: list[Count], shapes: dict[str, dict], gaz: Gazetteer,
                 window: str) -> folium.FeatureGroup:
    """Return the countries the window's articles name, shaded by their article counts, each
    clickable (selecting it) with its count in the tooltip."""
    shown = tuple(c for c in counts if c.key in shapes)
    group = folium.FeatureGroup(name="Articles per country", control=False)
    if not shown:  # a window whose articles name no country: nothing to shade
        return group
    data = kept(("counts", shown, window, id(shapes)),
                lambda: {"type": "FeatureCollection", "features": features(shown, shapes, gaz,
                                                                             window)})
    folium.GeoJson(
        data, name="countries",
        style_function=lambda f: {"fillColor": f["properties"]["fill"], "fillOpacity": 0.78,
                                  "color": "#555555", "weight": 0.8},
        highlight_function=lambda f: {"weight": 2.5, "color": "#D55E00"},
        tooltip=folium.GeoJsonTooltip(fields=["name", "articles"], aliases=["", ""],
                                      sticky=True, style=TOOLTIP_STYLE,
                                      opacity=TOOLTIP_OPACITY),
    ).add_to(group)
    return group


def features(shown: tuple[Count, ...], shapes: dict[str, dict], gaz: Gazetteer,
             window: str) -> list[dict]:
    """Return a GeoJSON feature per country counted, with its count, class and colour."""
    top = max(c.count for c in shown)
    floors = class_floors(top)
    found = []
    for count in shown:
        cls = class_of(count.count, floors)
        name = html.escape(gaz.place(count.key).name) if count.key in gaz.places else count.key
        articles = f"{count.count:,} article{'s' * (count.count != 1)} {window}"
        found.append({"type": "Feature", "geometry": shapes[count.key], "properties": {
            "select": count.key, "name": name, "articles": articles, "count": count.count,
            "cls": cls, "fill": CLASS_COLOURS[cls], "label": class_label(cls, floors, top)}})
    return found


def outline(frame: gpd.GeoDataFrame, codes: list[str], colour: str, name: str,
            dash: str) -> folium.GeoJson | None:
    """Return the outline of some countries as one shape (not clickable: the counts are)."""
    present = [c for c in codes if c in frame.index]
    if not present:
        return None
    data = kept(("outline", tuple(present), name, id(frame)), lambda: {
        "type": "Feature", "properties": {"name": name},
        "geometry": mapping(unary_union(list(lighter(frame.loc[present]).geometry)).buffer(0))})
    return folium.GeoJson(
        data,
        name=name, control=False, interactive=False, pane="outlines",
        style_function=lambda f: {"color": colour, "weight": 3, "fill": False,
                                  "dashArray": dash})


def base_map(countries: gpd.GeoDataFrame, gaz: Gazetteer, shown: tuple[str, ...], sahel: str,
             basemap: str, on: date) -> folium.Map:
    """Return the desk's base map: the same for every window, so the frame stays."""
    fmap = offline_map(location=(18, 10), zoom_start=3, min_zoom=2, max_zoom=9,
                       prefer_canvas=False, control_scale=True, world_copy_jump=True)
    if basemap == "osm":
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", control=False
                         ).add_to(fmap)
    fmap.add_child(mapparts.basemap(f"{IFRAME_STATIC_URL}/basemap.json"))
    fmap.add_child(mapparts.MapScript("panes"))
    sahel_codes = sahel_members(gaz, sahel, on)
    groups = {key: gaz.members_on(key, on) for key in gaz.groupings} | {"SAHEL": sahel_codes}
    for layer, codes, dash in (("sahel", sahel_codes, "2 6"), ("aes", groups["AES"], "8 4")):
        if layer in shown:
            line = outline(countries, codes, overlay(layer).colour, overlay(layer).title, dash)
            if line is not None:
                line.add_to(fmap)
    selectors_layer([mapparts.SELECTABLE[n] for n in shown if n in mapparts.SELECTABLE]
                    ).add_to(fmap)
    fmap.add_child(mapparts.selection(groups))
    fmap.add_child(mapparts.Legend(list(shown), classes=True))
    fmap.fit_bounds(WORLD if not shown else outline_bounds(countries, groups, shown))
    fmap.add_child(mapparts.view_keeper("view", "desk", WORLD))
    fmap.add_child(mapparts.touch_manners())
    return fmap


def counts_script(counts: list[Count], shapes: dict[str, dict], gaz: Gazetteer,
                  window: str) -> str:
    """Return the script of the window's counts layer for the drawn map (cached: a click, a
    layer or a page keeps the window, and so the same script)."""
    return drawings().get(("desk-counts", tuple(counts), window), lambda: embed.group_script(
        counts_layer(counts, shapes, gaz, window)), weight)


def base_frame(countries: gpd.GeoDataFrame, gaz: Gazetteer, shown: tuple[str, ...], sahel: str,
               basemap: str, on: date) -> embed.Frame:
    """Return the desk's base map drawn (cached: every run of the desk draws the same one)."""
    return drawings().get(("desk-frame", shown, sahel, basemap, on), lambda: embed.frame(
        base_map(countries, gaz, shown, sahel, basemap, on)), weight)


def outline_bounds(countries: gpd.GeoDataFrame, groups: dict[str, list[str]],
                   shown: tuple[str, ...]) -> list[list[float]]:
    """Return bounds around the Sahel and the AES, with room around them."""
    codes = [c for key in ("SAHEL", "AES") if key.lower() in shown for c in groups[key]
             if c in countries.index]
    if not codes:
        return WORLD
    west, south, east, north = countries.loc[codes].total_bounds
    return [[float(south) - 12, float(west) - 25], [float(north) + 18, float(east) + 25]]
