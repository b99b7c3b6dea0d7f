"""The country polygons, indexed by ISO3: read from geodata/countries.prepared (written by
geodata/build.py: the properties and each polygon's WKB), else from countries.geojson through
GDAL when that file is missing, damaged or not of the GeoJSON's bytes."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import shapely
from shapely.errors import GEOSException

from . import prepared
from .geodata import GEODATA, REBUILD, GeodataError

CRS = "EPSG:4326"
GEOJSON = GEODATA / "countries.geojson"
PREPARED = "countries.prepared"  # beside the GeoJSON it is built from
CODE = (Path(__file__).resolve(), Path(prepared.__file__).resolve())  # what shapes the frame


def read_countries(path: str | Path = GEOJSON) -> gpd.GeoDataFrame:
    """Read the country polygons, indexed by ISO3 (GeodataError if the file is missing or
    damaged): from the prepared file beside it when that is of its bytes."""
    path = Path(path)
    try:
        return from_state(prepared.read(path.with_name(PREPARED), sources_digest(path)))
    except prepared.Unusable as error:
        why = str(error)
    except (KeyError, TypeError, ValueError, AttributeError, GEOSException) as error:
        why = f"is damaged ({type(error).__name__})"
    frame = from_geojson(path)  # said after: a GeodataError of the GeoJSON is the one to say
    prepared.unused(path.with_name(PREPARED), why)
    return frame


def sources_digest(path: Path) -> str | None:
    """Return the digest of what the prepared polygons are built from (None if the GeoJSON
    cannot be read)."""
    return prepared.digest([path, *CODE])


def prepare(path: Path) -> Path:
    """Read a countries.geojson through GDAL and write the prepared file beside it
    (geodata/build.py)."""
    frame = from_geojson(path)
    digest = sources_digest(path)
    if digest is None:
        raise GeodataError(f"geodata/{path.name} cannot be read: {REBUILD}.")
    written = path.with_name(PREPARED)
    prepared.write(written, digest, to_state(frame))
    return written


def from_geojson(path: Path) -> gpd.GeoDataFrame:
    """Read the country polygons from the GeoJSON file through GDAL."""
    if not path.is_file():
        raise GeodataError(f"geodata/{path.name} is missing: {REBUILD}.")
    try:
        frame = gpd.read_file(path, engine="pyogrio")
        return frame.set_crs(CRS, allow_override=True).set_index("iso3", drop=False)
    except Exception as error:  # noqa: BLE001 - GDAL's and pandas' errors are many
        raise GeodataError(f"geodata/{path.name} is damaged ({type(error).__name__}): "
                           f"{REBUILD}.") from None


def to_state(frame: gpd.GeoDataFrame) -> dict:
    """Return the polygons as plain values: the columns in order, and each polygon's WKB."""
    geometry = frame.geometry.name
    return {
        "columns": {name: frame[name].tolist() for name in frame.columns if name != geometry},
        "geometry": geometry,
        "wkb": shapely.to_wkb(frame.geometry.values, byte_order=1).tolist(),  # little-endian
    }


def from_state(state: dict) -> gpd.GeoDataFrame:
    """Return the frame from_geojson() reads, from the plain values to_state() made."""
    frame = gpd.GeoDataFrame(state["columns"], crs=CRS,
                             geometry=gpd.GeoSeries(shapely.from_wkb(state["wkb"]),
                                                    name=state["geometry"], crs=CRS))
    return frame.set_index("iso3", drop=False)
