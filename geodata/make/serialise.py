"""Deterministic output: rounded numbers, compact JSON one record a line, GeoJSON."""

from __future__ import annotations

import json
from collections.abc import Iterable

import shapely
from shapely.geometry import MultiPolygon, Polygon

from geodata.make.pins import DECIMALS


def clean(value: float, decimals: int) -> float:
    """A rounded float without negative zero."""
    return round(value, decimals) + 0.0


def ring_coordinates(ring: shapely.LinearRing) -> list[list[float]]:
    """GeoJSON positions of a ring, on the output grid."""
    return [[clean(x, DECIMALS), clean(y, DECIMALS)] for x, y in ring.coords]


def geometry_json(geom: Polygon | MultiPolygon) -> dict:
    """A GeoJSON geometry object."""
    def rings(p: Polygon) -> list:
        return [ring_coordinates(p.exterior), *(ring_coordinates(r) for r in p.interiors)]

    if isinstance(geom, Polygon):
        return {"type": "Polygon", "coordinates": rings(geom)}
    return {"type": "MultiPolygon", "coordinates": [rings(p) for p in geom.geoms]}


def dumps(value: object) -> str:
    """Compact, deterministic JSON."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def json_arrays(arrays: dict[str, Iterable[object]]) -> str:
    """A JSON object of arrays, one array item a line (small diffs)."""
    parts = [
        dumps(key) + ":[\n" + ",\n".join(dumps(item) for item in items) + "\n]"
        for key, items in arrays.items()
    ]
    return "{" + ",".join(parts) + "}\n"


def feature_collection(geoms: dict[str, Polygon | MultiPolygon], names: dict[str, str]) -> str:
    """A GeoJSON FeatureCollection, one feature a line, sorted by iso3."""
    features = (
        {"type": "Feature", "properties": {"iso3": code, "name": names[code]},
         "geometry": geometry_json(geom)}
        for code, geom in sorted(geoms.items())
    )
    return '{"type":"FeatureCollection",' + json_arrays({"features": features})[1:]
