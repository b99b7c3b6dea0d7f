"""An analysis + geodata → one GeoDataFrame per map layer (the overlays of core/overlays.py)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import geopandas as gpd
from shapely.geometry import LineString, Point
from shapely.ops import unary_union

from .analysis import Analysis
from .countries import CRS
from .countries import read_countries as read_countries  # re-exported: the page reads here
from .gazetteer import Gazetteer
from .models import Document, Journey, Mention
from .palette import journey_colour

SAHEL_DEFINITIONS = ("UNISS", "G5S")
STOP_FIELDS = ["journey", "order", "place", "name", "pin", "country", "assumed", "inferred",
               "planned", "sentence", "traveller", "colour", "geometry"]
LEG_FIELDS = ["journey", "order", "from", "to", "inferred", "planned", "traveller", "colour",
              "geometry"]


@dataclass
class Layers:
    """Every map layer of one document, as GeoDataFrames (EPSG:4326)."""

    sahel: gpd.GeoDataFrame
    aes: gpd.GeoDataFrame
    aes_outline: gpd.GeoDataFrame
    countries: gpd.GeoDataFrame
    stops: gpd.GeoDataFrame
    legs: gpd.GeoDataFrame
    density: gpd.GeoDataFrame
    counts: Counter = field(default_factory=Counter)
    roles: dict[str, list[str]] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)  # bloc or region → members


def members(gaz: Gazetteer, grouping: str, on: date) -> list[str]:
    """Return a grouping's members on a date (ISO3 codes, in the geodata's order)."""
    return gaz.members_on(grouping, on)


def ended(gaz: Gazetteer, grouping: str) -> date | None:
    """Return the day a grouping ended (its last member's departure), or None if it lives."""
    ends = [m.get("to") for m in gaz.groupings[grouping].get("members", ())]
    if not ends or not all(ends):
        return None
    return date.fromisoformat(max(ends))


def sahel_members(gaz: Gazetteer, definition: str, on: date) -> list[str]:
    """Return the Sahel states under a named definition (G5 Sahel or the UN strategy)."""
    if definition not in SAHEL_DEFINITIONS:
        raise ValueError(f"Unknown Sahel definition {definition!r}; expected one of "
                         f"{', '.join(SAHEL_DEFINITIONS)}.")
    if definition == "UNISS":
        return members(gaz, "UNISS", on)
    return [m["iso3"] for m in gaz.groupings["G5S"]["members"]]


def member_lists(gaz: Gazetteer, on: date, sahel: list[str]) -> dict[str, list[str]]:
    """Return every bloc's and region's members on a date (the Sahel: as defined for the map)."""
    return {**{key: members(gaz, key, on) for key in gaz.groupings}, "SAHEL": sahel}


def roles_of(gaz: Gazetteer, journeys: list[Journey], sahel: list[str], aes: list[str],
             definition: str) -> dict[str, list[str]]:
    """Return each place's roles: AES member, Sahel state, stop N of a journey."""
    roles: dict[str, list[str]] = {}
    label = gaz.groupings[definition]["name"] if definition in gaz.groupings else definition
    for iso3 in aes:
        roles.setdefault(iso3, []).append("AES member")
    for iso3 in sahel:
        roles.setdefault(iso3, []).append(f"Sahel state ({label})")
    for journey in journeys:
        for stop in journey.stops:
            what = "starting point (inferred)" if stop.inferred else f"stop {stop.order}"
            role = f"{what} of journey {journey.index}" + (" (planned)" if stop.planned else "")
            for key in {stop.place, stop.country, stop.city} - {None, ""}:
                roles.setdefault(key, []).append(role)
    return roles


def _country_frame(countries: gpd.GeoDataFrame, codes: list[str], counts: Counter,
                   roles: dict[str, list[str]]) -> gpd.GeoDataFrame:
    """Return the polygons of some countries with their counts and roles."""
    present = [c for c in codes if c in countries.index]
    frame = countries.loc[present, ["iso3", "name", "geometry"]].copy()
    frame["mentions"] = [counts.get(c, 0) for c in present]
    frame["roles"] = ["; ".join(roles.get(c, [])) for c in present]
    return gpd.GeoDataFrame(frame.reset_index(drop=True), geometry="geometry", crs=CRS)


def great_circle(a: tuple[float, float], b: tuple[float, float], steps: int = 48) -> LineString:
    """Return the great-circle arc from a to b ((lat, lon) each), longitudes kept continuous."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    p1 = (math.cos(lat1) * math.cos(lon1), math.cos(lat1) * math.sin(lon1), math.sin(lat1))
    p2 = (math.cos(lat2) * math.cos(lon2), math.cos(lat2) * math.sin(lon2), math.sin(lat2))
    omega = math.acos(max(-1.0, min(1.0, sum(x * y for x, y in zip(p1, p2, strict=True)))))
    points = []
    for i in range(steps + 1):
        t = i / steps
        if omega < 1e-9:
            x, y, z = p1
        else:
            s1, s2 = math.sin((1 - t) * omega), math.sin(t * omega)
            x, y, z = ((s1 * u + s2 * v) / math.sin(omega) for u, v in zip(p1, p2, strict=True))
        lon = math.degrees(math.atan2(y, x))
        if points and abs(lon - points[-1][0]) > 180:
            lon += 360 if lon < points[-1][0] else -360
        points.append((lon, math.degrees(math.atan2(z, math.hypot(x, y)))))
    return LineString(points)


def journey_frames(journeys: list[Journey], doc: Document) -> tuple[gpd.GeoDataFrame,
                                                                     gpd.GeoDataFrame]:
    """Return the stops (points) and legs (great-circle lines) of every journey, each in its
    journey's colour; a leg is planned when the stop it leads to is."""
    stops, legs = [], []
    for journey in journeys:
        pinned = [s for s in journey.stops if s.lat is not None]
        colour = journey_colour(journey.index)
        for stop in pinned:
            stops.append({
                "journey": journey.index, "order": stop.order, "place": stop.place,
                "name": stop.name, "pin": stop.city_name, "country": stop.country,
                "assumed": stop.assumed, "inferred": stop.inferred, "planned": stop.planned,
                "sentence": doc.text[stop.sentence_start:stop.sentence_end],
                "traveller": journey.traveller, "colour": colour,
                "geometry": Point(stop.lon, stop.lat)})
        for a, b in zip(pinned, pinned[1:], strict=False):
            legs.append({"journey": journey.index, "order": b.order, "from": a.city_name,
                         "to": b.city_name, "inferred": a.inferred, "planned": b.planned,
                         "traveller": journey.traveller, "colour": colour,
                         "geometry": great_circle((a.lat, a.lon), (b.lat, b.lon))})
    stop_frame = gpd.GeoDataFrame(stops, columns=STOP_FIELDS, geometry="geometry", crs=CRS)
    leg_frame = gpd.GeoDataFrame(legs, columns=LEG_FIELDS, geometry="geometry", crs=CRS)
    return stop_frame, leg_frame


def where_read(gaz: Gazetteer, place_id: str) -> Point:
    """Return where a reader looks for a place: a country at its capital (Russia's centre is
    in Siberia), anything else at its own coordinates."""
    place = gaz.place(place_id)
    capital = gaz.capital_of(place_id) if place.kind == "country" else None
    pin = capital if capital is not None and capital.lat is not None else place
    return Point(pin.lon, pin.lat)


def density_frame(mentions: list[Mention], gaz: Gazetteer) -> gpd.GeoDataFrame:
    """Return one point per mentioned place with coordinates, with its mention count."""
    counts = Counter(m.place for m in mentions if m.lat is not None)
    rows = [{"place": pid, "name": gaz.place(pid).name, "mentions": n,
             "geometry": where_read(gaz, pid)}
            for pid, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return gpd.GeoDataFrame(rows, columns=["place", "name", "mentions", "geometry"],
                            geometry="geometry", crs=CRS)


def build_layers(analysis: Analysis, gaz: Gazetteer, countries: gpd.GeoDataFrame,
                 sahel_definition: str = "UNISS", most_journeys: int | None = None) -> Layers:
    """Return every layer of a document's map (its first most_journeys journeys, or all)."""
    doc, mentions = analysis.document, list(analysis.mentions)
    journeys = list(analysis.journeys[:most_journeys])
    on = analysis.reference_date
    sahel = sahel_members(gaz, sahel_definition, on)
    aes = members(gaz, "AES", on)
    counts = analysis.counts
    roles = roles_of(gaz, journeys, sahel, aes, sahel_definition)
    mentioned = [c for c, _ in counts.most_common() if c in countries.index]
    others = [c for c in mentioned if c not in set(sahel) | set(aes)]
    aes_frame = _country_frame(countries, aes, counts, roles)
    outline = gpd.GeoDataFrame(
        [{"id": "AES", "name": gaz.groupings["AES"]["name"], "mentions": counts.get("AES", 0),
          "roles": "Confederation of " + ", ".join(gaz.place(c).name for c in aes),
          "geometry": unary_union(list(aes_frame.geometry)).buffer(0)}] if len(aes_frame) else [],
        columns=["id", "name", "mentions", "roles", "geometry"], geometry="geometry", crs=CRS)
    stops, legs = journey_frames(journeys, doc)
    return Layers(
        sahel=_country_frame(countries, sahel, counts, roles), aes=aes_frame,
        aes_outline=outline, countries=_country_frame(countries, others, counts, roles),
        stops=stops, legs=legs, density=density_frame(mentions, gaz), counts=counts, roles=roles,
        groups=member_lists(gaz, on, sahel))
