"""Values and geometries as RFC 7946 GeoJSON: plain JSON values, rounded, counter-clockwise,
cut at the antimeridian."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, mapping

PRECISION = 5


def plain(value: Any) -> Any:
    """Return a JSON-safe copy of a value: no numpy types, NaN as None, tuples as lists."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def _world(lon: float) -> int:
    """Return which 360° copy of the world a longitude lies in (0 for [-180, 180))."""
    return math.floor((lon + 180.0) / 360.0)


def split_antimeridian(line: LineString) -> LineString | MultiLineString:
    """Return a line with continuous longitudes cut at ±180° into parts within [-180, 180]."""
    parts: list[list[tuple[float, float]]] = [[]]
    previous: tuple[float, float] | None = None
    for lon, lat in line.coords:
        if previous is not None:
            for crossing in _crossings(previous, (lon, lat)):
                parts[-1].append(crossing[0])
                parts.append([crossing[1]])
        parts[-1].append((lon - 360.0 * _world(lon), lat))
        previous = (lon, lat)
    kept = [p for p in parts if len(set(p)) >= 2]
    if len(kept) == 1:
        return LineString(kept[0])
    return MultiLineString(kept)


def _crossings(a: tuple[float, float], b: tuple[float, float]) -> Iterator[tuple[tuple, tuple]]:
    """Yield, per ±180° meridian crossed from a to b, its end point and the next part's start."""
    step = 1 if b[0] > a[0] else -1
    for world in range(_world(a[0]), _world(b[0]), step):
        edge = -180.0 + 360.0 * (world + (step > 0))
        lat = a[1] + (edge - a[0]) / (b[0] - a[0]) * (b[1] - a[1])
        yield ((180.0 * step, lat), (-180.0 * step, lat))


def _split_lines(geometry: LineString | MultiLineString) -> LineString | MultiLineString:
    """Return a line or lines cut at the antimeridian, as one geometry."""
    lines = [split_antimeridian(g) for g in shapely.get_parts(geometry)]
    if len(lines) == 1:
        return lines[0]
    return MultiLineString([p for g in lines for p in shapely.get_parts(g)])


def _polygonal(geometry: shapely.Geometry) -> Polygon | MultiPolygon | None:
    """Return the polygons of a geometry (dropping lines and points of a collection)."""
    parts = [g for g in shapely.get_parts(geometry) if isinstance(g, Polygon | MultiPolygon)]
    polygons = [p for g in parts for p in shapely.get_parts(g) if not p.is_empty]
    if not polygons:
        return None
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)


def rfc7946(geometry: shapely.Geometry) -> dict | None:
    """Return a geometry as RFC 7946 GeoJSON: rounded, counter-clockwise, within ±180/±90."""
    if geometry is None or geometry.is_empty:
        return None
    if isinstance(geometry, LineString | MultiLineString):
        geometry = _split_lines(geometry)
    geometry = shapely.transform(geometry, _round_and_clip)
    if isinstance(geometry, shapely.GeometryCollection | Polygon | MultiPolygon):
        geometry = _polygonal(geometry)
        geometry = None if geometry is None else shapely.orient_polygons(geometry)
    return None if geometry is None else plain(mapping(geometry))


def _round_and_clip(coords: np.ndarray) -> np.ndarray:
    """Round coordinates to PRECISION decimals and clamp them to the WGS 84 ranges."""
    rounded = np.round(coords, PRECISION)
    return np.column_stack([np.clip(rounded[:, 0], -180, 180), np.clip(rounded[:, 1], -90, 90)])
