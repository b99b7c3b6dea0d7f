"""TopoJSON (world-atlas) to simplified, valid, antimeridian-safe country polygons."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.polygon import orient

from geodata.make.pins import DECIMALS

# Natural Earth features without an ISO numeric id (or without a world-countries match).
FEATURE_OVERRIDES: dict[str, str] = {
    "Kosovo": "UNK",  # world-countries' code for Kosovo
    "N. Cyprus": "CYP",  # UN view: part of the Republic of Cyprus
    "Somaliland": "SOM",  # UN view: part of Somalia
    "Siachen Glacier": "IND",  # disputed; administered by India
}
# A feature whose polygons belong to several world-countries entries: each polygon goes to
# the entry whose world-countries latlng is nearest.
FEATURE_SPLITS: dict[str, tuple[str, ...]] = {"Indian Ocean Ter.": ("CCK", "CXR")}


def decode_arcs(topology: dict) -> list[np.ndarray]:
    """Absolute lon/lat coordinates of every arc (undo quantization and delta encoding)."""
    scale = np.array(topology["transform"]["scale"])
    translate = np.array(topology["transform"]["translate"])
    return [np.cumsum(np.array(arc, dtype=float), axis=0) * scale + translate
            for arc in topology["arcs"]]


def drop_repeats(points: np.ndarray) -> np.ndarray:
    """Points without consecutive duplicates."""
    keep = np.r_[True, np.any(np.diff(points, axis=0) != 0, axis=1)]
    return points[keep]


def simplify_arcs(arcs: list[np.ndarray], tolerance: float) -> list[np.ndarray]:
    """Douglas-Peucker each shared arc once (endpoints kept), then round to the output grid."""
    simplified = shapely.simplify(
        np.array([shapely.LineString(arc) for arc in arcs]), tolerance, preserve_topology=False
    )
    result = []
    for arc, line in zip(arcs, simplified, strict=True):
        points = shapely.get_coordinates(line)
        closed = np.array_equal(arc[0], arc[-1])
        if closed and len(points) < 4:
            points = arc  # a small island: keep it rather than lose it
        result.append(drop_repeats(np.round(points, DECIMALS)))
    return result


def ring_points(arc_ids: list[int], arcs: list[np.ndarray]) -> np.ndarray:
    """Join arcs into a ring; a negative index ~i means arc i reversed."""
    parts = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in arc_ids]
    return drop_repeats(np.concatenate([parts[0], *(part[1:] for part in parts[1:])]))


def unwrap_ring(points: np.ndarray) -> np.ndarray:
    """Make longitudes continuous across the antimeridian; close pole-circling rings."""
    lon, lat = points[:, 0], points[:, 1]
    step = np.diff(lon)
    polar = (np.abs(lat[:-1]) >= 89.99) & (np.abs(lat[1:]) >= 89.99)
    shift = np.where(polar, 0.0, np.where(step > 180, -360.0, np.where(step < -180, 360.0, 0.0)))
    lon = lon + np.r_[0.0, np.cumsum(shift)]
    ring = np.column_stack([lon, lat])
    if abs(lon[-1] - lon[0]) > 180:  # winds around a pole: close the ring along it
        pole = -90.0 if lat.mean() < 0 else 90.0
        ring = np.vstack([ring, [[lon[-1], pole], [lon[0], pole]], ring[:1]])
    return ring


def polygon_from_rings(rings: list[np.ndarray]) -> Polygon | None:
    """A polygon from unwrapped rings: the largest is the shell, zero-area rings dropped.

    world-atlas stores Antarctica as a degenerate ring along the pole with the coastline as
    its hole (spherical semantics); once that hole is closed along the pole it is the shell.
    """
    areas = [Polygon(r).area if len(r) >= 4 else 0.0 for r in rings]
    kept = sorted((i for i, a in enumerate(areas) if a > 0), key=lambda i: -areas[i])
    if not kept:
        return None
    shell, holes = rings[kept[0]], []
    centre = (shell[:, 0].min() + shell[:, 0].max()) / 2
    for i in kept[1:]:
        offset = 360.0 * round((centre - rings[i][0, 0]) / 360.0)
        holes.append(rings[i] + [offset, 0.0])
    return Polygon(shell, holes)


def polygonal_parts(geom: shapely.Geometry) -> list[Polygon]:
    """The non-empty polygons of any geometry."""
    if isinstance(geom, Polygon):
        return [] if geom.is_empty or geom.area == 0 else [geom]
    if hasattr(geom, "geoms"):
        return [p for g in geom.geoms for p in polygonal_parts(g)]
    return []


def split_antimeridian(geom: shapely.Geometry) -> list[Polygon]:
    """Cut a polygon whose longitudes leave [-180, 180] and shift the pieces back."""
    west, _, east, _ = geom.bounds
    if west >= -180 and east <= 180:
        return polygonal_parts(geom)
    pieces = []
    for k in (-1, 0, 1):
        window = box(-180 + 360 * k, -90, 180 + 360 * k, 90)
        piece = shapely.transform(geom.intersection(window), lambda xy, k=k: xy - [360 * k, 0])
        pieces.extend(polygonal_parts(piece))
    return pieces


def feature_polygons(geometry: dict, arcs: list[np.ndarray]) -> list[Polygon]:
    """Valid polygons, inside [-180, 180], of one TopoJSON Polygon/MultiPolygon object."""
    if geometry["type"] == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return []
    result = []
    for rings in polygons:
        polygon = polygon_from_rings([unwrap_ring(ring_points(r, arcs)) for r in rings])
        if polygon is not None:
            valid = shapely.make_valid(polygon, method="structure", keep_collapsed=False)
            result.extend(split_antimeridian(valid))
    return result


def finish_geometry(parts: list[Polygon]) -> Polygon | MultiPolygon | None:
    """Dissolve, snap to the output grid, keep polygons only, orient by the right-hand rule."""
    merged = shapely.set_precision(shapely.union_all(parts), 10.0**-DECIMALS)
    polygons = polygonal_parts(merged)
    if not polygons:
        return None
    geom = polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)
    return orient(geom, 1.0)


def nearest_code(polygon: Polygon, codes: Iterable[str], countries: dict[str, dict]) -> str:
    """The code whose world-countries latlng is nearest to the polygon."""
    point = polygon.representative_point()

    def distance(code: str) -> float:
        lat, lon = countries[code]["latlng"]
        return (point.x - lon) ** 2 + (point.y - lat) ** 2

    return min(codes, key=distance)


def feature_parts(
    geometry: dict, polygons: list[Polygon], by_ccn3: dict[str, str], countries: dict[str, dict]
) -> list[tuple[str, Polygon]]:
    """(iso3, polygon) for each polygon of one world-atlas feature."""
    name = geometry.get("properties", {}).get("name", "")
    if name in FEATURE_SPLITS:
        return [(nearest_code(p, FEATURE_SPLITS[name], countries), p) for p in polygons]
    code = FEATURE_OVERRIDES.get(name) or by_ccn3.get(geometry.get("id", ""))
    if code is None:
        raise SystemExit(f"world-atlas feature {name!r} has no world-countries match")
    return [(code, polygon) for polygon in polygons]


def country_geometries(
    topology: dict, tolerance: float, countries: dict[str, dict]
) -> dict[str, Polygon | MultiPolygon]:
    """iso3 -> finished geometry, from a world-atlas topology."""
    by_ccn3 = {c["ccn3"]: code for code, c in countries.items() if c["ccn3"]}
    arcs = simplify_arcs(decode_arcs(topology), tolerance)
    parts: dict[str, list[Polygon]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = feature_polygons(geometry, arcs)
        for code, polygon in feature_parts(geometry, polygons, by_ccn3, countries):
            parts.setdefault(code, []).append(polygon)
    finished = {code: finish_geometry(polys) for code, polys in sorted(parts.items())}
    return {code: geom for code, geom in finished.items() if geom is not None}
