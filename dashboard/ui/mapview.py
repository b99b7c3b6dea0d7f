"""Layers → a folium Map: styles, tooltips, legend, local assets; every text escaped."""

from __future__ import annotations

import html
import math

import folium
import geopandas as gpd

from ..core.layers import Layers
from ..core.overlays import overlay
from ..core.palette import COLOURS, INFERRED_DASH, PLANNED_DASH
from . import mapparts
from .assets import IFRAME_STATIC_URL, offline_map

# At most about half the map's width: Leaflet puts a tooltip on the side of the pointer with
# more room, so it then fits on a phone's map as on a wide one.
TOOLTIP_STYLE = ("font: 13px/1.35 system-ui, sans-serif; min-width: min(240px, 44vw); "
                 "max-width: min(340px, 48vw); white-space: normal;")
TOOLTIP_OPACITY = 1  # Leaflet's default, 0.9, lets a stop's pin show through what is read


def escaped(frame: gpd.GeoDataFrame, columns: list[str]) -> gpd.GeoDataFrame:
    """Return a copy whose text columns are HTML-escaped (folium puts them into innerHTML)."""
    frame = frame.copy()
    for column in columns:
        frame[column] = [html.escape(str(v)) if v is not None else "" for v in frame[column]]
    return frame


def _tooltip(fields: list[str], aliases: list[str]) -> folium.GeoJsonTooltip:
    """Return a tooltip showing some (already escaped) properties."""
    return folium.GeoJsonTooltip(fields=fields, aliases=aliases, sticky=True, style=TOOLTIP_STYLE,
                                 opacity=TOOLTIP_OPACITY)


def lighter(frame: gpd.GeoDataFrame, tolerance: float = 0.03) -> gpd.GeoDataFrame:
    """Return the frame's shapes simplified for the map (about 3 km: under a pixel to zoom 5).

    Used for the other mentioned countries, drawn as context: Russia alone would otherwise
    be a third of the map's script.
    """
    frame = frame.copy()
    frame["geometry"] = frame.geometry.simplify(tolerance, preserve_topology=True)
    return frame


def polygons_json(frame: gpd.GeoDataFrame, key: str, layer: str | None = None) -> str:
    """Return polygons as GeoJSON text: names and roles escaped, each tagged with the id a
    click selects (the frame's key column) and, for country layers, the layer's name."""
    data = escaped(frame, ["name", "roles"])
    data["select"] = data[key]
    if layer is not None:
        data["layer"] = layer
    return data.to_json(drop_id=True)


def shapes(layers: Layers) -> dict[str, str]:
    """Return the GeoJSON text of every polygon layer (the costly part of a map: cacheable)."""
    return {"sahel": polygons_json(layers.sahel, "iso3", "sahel"),
            "countries": polygons_json(lighter(layers.countries), "iso3", "countries"),
            "aes": polygons_json(layers.aes, "iso3", "aes"),
            "aes_outline": polygons_json(layers.aes_outline, "id")}


def country_layer(data: str, name: str, opacity) -> folium.GeoJson:
    """Return clickable country polygons with name, mentions and roles in the tooltip."""
    colour = overlay(name).colour
    return folium.GeoJson(
        data, name=overlay(name).title,
        style_function=lambda f: {
            "fillColor": colour, "color": "#333333", "weight": 1,
            "fillOpacity": opacity(f["properties"]["mentions"])},
        highlight_function=lambda f: {"weight": 3, "color": COLOURS["selected"]},
        tooltip=_tooltip(["name", "mentions", "roles"], ["", "Mentions", "Roles"]),
    )


def shade(counts: list[int]):
    """Return a function from a mention count to a fill opacity (more mentions, darker)."""
    top = max(counts, default=1) or 1
    return lambda n: 0.25 + 0.5 * math.log1p(n) / math.log1p(top)


def aes_layer(members: str, outline: str) -> folium.FeatureGroup:
    """Return the AES bloc: members filled, and the bloc outlined as one clickable shape."""
    group = folium.FeatureGroup(name=overlay("aes").title)
    country_layer(members, "aes", lambda n: 0.55).add_to(group)
    colour = overlay("aes").colour
    folium.GeoJson(
        outline, name="AES outline",
        style_function=lambda f: {"color": colour, "weight": 4, "fill": False,
                                  "dashArray": "8 4"},
        tooltip=_tooltip(["name", "mentions", "roles"], ["", "Mentions of the bloc", ""]),
    ).add_to(group)
    return group


def _bearing(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the screen angle (degrees clockwise from east) from point a to b (lon, lat)."""
    return math.degrees(math.atan2(-(b[1] - a[1]), b[0] - a[0]))


# Each arrow turned along its leg; the angle is a number the map's own data carries.
ARROW_ICON = folium.JsCode("""function (feature, layer) {
    var arrow = document.createElement("div");
    arrow.className = "leg-arrow";
    arrow.style.color = String(feature.properties.colour);
    arrow.style.transform = "rotate(" + Number(feature.properties.angle) + "deg)";
    arrow.textContent = "\u27a4";
    layer.setIcon(L.divIcon({html: arrow, className: "empty", iconSize: [18, 18],
                             iconAnchor: [9, 9]}));
}""")


def journey_layer(layers: Layers) -> folium.FeatureGroup:
    """Return the journeys, each in its colour: great-circle legs with arrows (dashed when
    planned), numbered stops, inferred origins."""
    group = folium.FeatureGroup(name=overlay("journeys").title)
    arrows = []
    for leg in escaped(layers.legs, ["from", "to", "traveller"]).to_dict("records"):
        coords = [(y, x) for x, y in leg["geometry"].coords]
        dash = PLANNED_DASH if leg["planned"] else INFERRED_DASH if leg["inferred"] else None
        folium.PolyLine(coords, color=leg["colour"], weight=2.5, opacity=0.85, dash_array=dash,
                        tooltip=folium.Tooltip(leg_label(leg), opacity=TOOLTIP_OPACITY),
                        ).add_to(group)
        mid = len(coords) * 3 // 5
        angle = _bearing(coords[mid - 1][::-1], coords[mid][::-1])
        arrows.append({"type": "Feature", "properties": {"angle": round(angle),
                                                         "colour": leg["colour"]},
                       "geometry": {"type": "Point", "coordinates": coords[mid][::-1]}})
    if arrows:  # one layer of arrows, not a marker and an icon each: less for folium to render
        folium.GeoJson({"type": "FeatureCollection", "features": arrows}, name="leg arrows",
                       control=False, on_each_feature=ARROW_ICON,
                       marker=folium.Marker(interactive=False)).add_to(group)
    for stop in escaped(layers.stops, ["name", "pin", "sentence", "traveller"]).itertuples():
        group.add_child(stop_marker(stop))
    return group


def leg_label(leg: dict) -> str:
    """Return a leg's tooltip (its text already escaped): where from and to, made or planned,
    and who travels."""
    status = "planned" if leg["planned"] else "made"
    who = f"<br>{leg['traveller']}" if leg["traveller"] else ""
    return (f"Journey {leg['journey']}, leg {leg['order']}: {leg['from']} → {leg['to']} "
            f"({status}){who}")


def stop_marker(stop) -> folium.GeoJson:
    """Return one numbered stop as a clickable GeoJSON point (properties already escaped), in
    its journey's colour."""
    key = f"{stop.journey}-{stop.order}"
    label = "start" if stop.inferred else str(stop.order)
    where = f"{stop.pin} (assumed: capital)" if stop.assumed and not stop.inferred else stop.pin
    what = "Inferred starting point" if stop.inferred else f"Stop {stop.order}: {stop.name}"
    what += " (planned)" if stop.planned else ""
    feature = {"type": "Feature", "geometry": stop.geometry.__geo_interface__, "properties": {
        "select": stop.place, "stop": key, "what": what, "where": where,
        "traveller": stop.traveller or "—"}}
    css = "stop-pin inferred" if stop.inferred else "stop-pin assumed" if stop.assumed else \
        "stop-pin"
    css += " planned" if stop.planned else ""
    paint = f"border-color:{stop.colour};color:{stop.colour}" if stop.inferred else \
        f"background:{stop.colour}"
    icon = folium.DivIcon(html=f'<div class="{css}" data-stop="{key}" style="{paint}">{label}'
                               '</div>', icon_size=(26, 26), icon_anchor=(13, 13))
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": [feature]}, name=f"stop {key}",
        marker=folium.Marker(icon=icon), control=False,
        tooltip=_tooltip(["what", "where", "traveller"], ["", "Pin", "Traveller"]))


def density_layer(layers: Layers) -> folium.FeatureGroup:
    """Return circles sized by how often each place is mentioned."""
    group = folium.FeatureGroup(name=overlay("density").title, show=True)
    for row in escaped(layers.density, ["name"]).itertuples():
        folium.CircleMarker(
            (row.geometry.y, row.geometry.x), radius=4 + 3 * math.sqrt(row.mentions),
            color=overlay("density").colour, fill=True, fill_opacity=0.35, weight=1,
            tooltip=folium.Tooltip(f"{row.name}: {row.mentions} mention"
                                   f"{'s' if row.mentions != 1 else ''}",
                                   opacity=TOOLTIP_OPACITY),
        ).add_to(group)
    return group


def _sahel(layers: Layers, polygons: dict[str, str]) -> folium.GeoJson | None:
    """Return the Sahel states, if the definition names any."""
    return country_layer(polygons["sahel"], "sahel", lambda n: 0.35) if len(layers.sahel) else None


def _countries(layers: Layers, polygons: dict[str, str]) -> folium.GeoJson | None:
    """Return the other mentioned countries, shaded by their mentions."""
    if not len(layers.countries):
        return None
    return country_layer(polygons["countries"], "countries",
                         shade(list(layers.countries["mentions"])))


def _aes(layers: Layers, polygons: dict[str, str]) -> folium.FeatureGroup | None:
    """Return the AES bloc, if it has members on the article's date."""
    return aes_layer(polygons["aes"], polygons["aes_outline"]) if len(layers.aes) else None


def _density(layers: Layers, polygons: dict[str, str]) -> folium.FeatureGroup | None:
    """Return the mention-density circles."""
    return density_layer(layers) if len(layers.density) else None


def _journeys(layers: Layers, polygons: dict[str, str]) -> folium.FeatureGroup | None:
    """Return the journeys."""
    return journey_layer(layers) if len(layers.stops) else None


# How each overlay of core/overlays.py is drawn, in drawing order (later ones on top).
DRAW = {"sahel": _sahel, "countries": _countries, "aes": _aes, "density": _density,
        "journeys": _journeys}


def build_map(layers: Layers, shown: tuple[str, ...], basemap: str,
              polygons: dict[str, str] | None = None,
              scope: tuple[str, str] = ("doc", "")) -> folium.Map:
    """Return the map of a document's layers, with only the chosen layers drawn.

    polygons: the layers' shapes() when already made (they are the same for every view);
    scope: the URL parameter and value the reader's kept view belongs to.
    """
    polygons = polygons or shapes(layers)
    fmap = offline_map(location=(18, 10), zoom_start=3, min_zoom=2, max_zoom=9,
                       prefer_canvas=False, control_scale=True, world_copy_jump=True)
    if basemap == "osm":
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", control=False,
                         ).add_to(fmap)
    fmap.add_child(mapparts.basemap(f"{IFRAME_STATIC_URL}/basemap.json"))
    for name, draw in DRAW.items():
        if name in shown:
            element = draw(layers, polygons)
            if element is not None:
                element.add_to(fmap)
    selectors_layer([mapparts.SELECTABLE[n] for n in shown if n in mapparts.SELECTABLE]
                    ).add_to(fmap)
    fmap.add_child(mapparts.selection(layers.groups))
    fmap.add_child(mapparts.Legend([name for name in shown if name in DRAW],
                                   journeys=journey_keys(layers)))
    folium.LayerControl(collapsed=True).add_to(fmap)
    bounds = _bounds(layers, shown)
    if bounds:
        fmap.fit_bounds(bounds, padding=mapparts.FIT_PADDING)  # a pin at the edge is seen whole
    fmap.add_child(mapparts.view_keeper(*scope, bounds))
    fmap.add_child(mapparts.touch_manners())
    return fmap


def journey_keys(layers: Layers) -> list[tuple[int, str, str]]:
    """Return each journey drawn: its number, traveller and colour."""
    rows = layers.stops[["journey", "traveller", "colour"]].drop_duplicates("journey")
    return [(int(j), str(t or ""), str(c)) for j, t, c in rows.itertuples(index=False)]


def selectors_layer(places: list[str]) -> folium.GeoJson:
    """Return invisible features that stand for blocs and regions with no shape of their own
    on the map, so the legend can select them as a click on the map selects a country."""
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [0, 0]},
                 "properties": {"select": place, "hidden": True}} for place in places]
    return folium.GeoJson({"type": "FeatureCollection", "features": features},
                          name="selectors", control=False,
                          marker=folium.CircleMarker(radius=0, opacity=0, fill_opacity=0,
                                                     interactive=False))


def _bounds(layers: Layers, shown: tuple[str, ...]) -> list[list[float]] | None:
    """Return the bounds to fit: the blocs, the stops and the Sahel (else the countries)."""
    frames = [layers.aes, layers.stops] + ([layers.sahel] if "sahel" in shown else [])
    if not any(len(f) for f in frames):
        frames = [layers.countries]
    bounds = [f.total_bounds for f in frames if len(f)]
    if not bounds:
        return None
    west, south = min(b[0] for b in bounds), min(b[1] for b in bounds)
    east, north = max(b[2] for b in bounds), max(b[3] for b in bounds)
    return [[float(max(south, -60)), float(west)], [float(min(north, 75)), float(east)]]
