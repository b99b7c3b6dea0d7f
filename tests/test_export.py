"""Exports: RFC 7946 GeoJSON, the mentions CSV, the standalone HTML map, and the command line."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import LineString, MultiLineString, Polygon, shape

from dashboard.core import documents, export, geoparse
from dashboard.core.analysis import analyse
from dashboard.core.geojson import rfc7946, split_antimeridian
from dashboard.core.layers import build_layers, great_circle, read_countries

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "niger-russia-military-cooperation.txt"
PAYLOAD = '<img src=x onerror="window.__xss=1">'
HOSTILE = (f"Title {PAYLOAD} <script>alert(1)</script> & Niger\n\n"
           f"Niger {PAYLOAD} `x` ${{x}} Mali. Officials in Niamey met Burkina Faso's envoy.\n")
EXPECTED_STOPS = [("Niamey", True), ("Moscow", False), ("Serbia", False), ("Türkiye", False),
                  ("Iran", False)]


@pytest.fixture(scope="module")
def seed() -> documents.Document:
    """The flagship article."""
    return documents.load(SEED)


@pytest.fixture(scope="module")
def countries() -> gpd.GeoDataFrame:
    """The country polygons."""
    return read_countries()


def pipeline(doc: documents.Document, countries: gpd.GeoDataFrame) -> tuple:
    """Return a document's analysis and layers."""
    analysis = analyse(doc)
    return analysis, build_layers(analysis, geoparse.default_gazetteer(), countries)


@pytest.fixture(scope="module")
def collection(seed, countries) -> dict:
    """The seed's FeatureCollection."""
    return export.feature_collection(*pipeline(seed, countries))


def positions(geometry: dict) -> list[list[float]]:
    """Return every position of a GeoJSON geometry."""
    found: list[list[float]] = []

    def walk(item) -> None:
        if item and isinstance(item[0], int | float):
            found.append(item)
        else:
            for child in item:
                walk(child)

    walk(geometry["coordinates"])
    return found


def exterior_rings(geometry: dict) -> list[Polygon]:
    """Return the exterior rings of a (multi)polygon as polygons."""
    polygons = shape(geometry)
    parts = getattr(polygons, "geoms", [polygons])
    return [p.exterior for p in parts]


def test_geojson_reads_back_with_geopandas(collection, tmp_path):
    path = tmp_path / "map.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    frame = gpd.read_file(path)
    assert len(frame) == len(collection["features"])
    assert set(frame["layer"]) == {"aes", "sahel", "countries", "aes_outline", "legs", "stops"}


def test_geojson_follows_rfc_7946(collection):
    text = json.dumps(collection, allow_nan=False)
    assert '"crs"' not in text
    for feature in collection["features"]:
        geometry = feature["geometry"]
        assert geometry["type"] != "GeometryCollection"
        assert {"layer", "passages"} <= feature["properties"].keys()
        for lon, lat in positions(geometry):
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert round(lon, 5) == lon and round(lat, 5) == lat
        if geometry["type"] in ("Polygon", "MultiPolygon"):
            assert all(ring.is_ccw for ring in exterior_rings(geometry)), feature["id"]


def test_each_country_once(collection):
    codes = [f["properties"]["iso3"] for f in collection["features"] if "iso3" in f["properties"]]
    assert len(codes) == len(set(codes))
    assert {"NER", "MLI", "BFA", "RUS", "FRA"} <= set(codes)


def test_niger_carries_its_passages(collection, seed):
    niger = next(f for f in collection["features"] if f["id"] == "country:NER")
    passages = niger["properties"]["passages"]
    assert passages and niger["properties"]["layer"] == "aes"
    for passage in passages:
        assert passage["text"] == seed.text[passage["start"]:passage["end"]]
        assert passage["mentions"]
        for mention in passage["mentions"]:
            assert seed.text[mention["start"]:mention["end"]] == mention["text"]
            assert "Niger" in mention["text"] or "Niamey" in mention["text"]
            assert mention["reason"]


def test_journey_stops_in_order(collection):
    stops = [f["properties"] for f in collection["features"] if f["properties"]["layer"] == "stops"]
    assert [(s["name"], s["inferred"]) for s in stops] == EXPECTED_STOPS
    assert [s["order"] for s in stops] == [0, 1, 2, 3, 4]
    legs = [f for f in collection["features"] if f["properties"]["layer"] == "legs"]
    assert [f["properties"]["to"] for f in legs] == ["Moscow", "Belgrade", "Ankara", "Tehran"]


@pytest.mark.parametrize("a, b", [
    ((35.68, 139.69), (37.77, -122.42)),   # Tokyo → San Francisco, eastwards over 180°
    ((37.77, -122.42), (35.68, 139.69)),   # and back westwards
    ((-36.85, 174.76), (-17.73, -149.57)),  # Auckland → Papeete
])
def test_legs_across_the_antimeridian_are_split(a, b):
    line = great_circle(a, b)
    assert max(abs(x) for x, _ in line.coords) > 180
    result = rfc7946(line)
    assert result["type"] == "MultiLineString"
    for lon, lat in positions(result):
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    ends = {round(abs(part[-1][0])) for part in result["coordinates"][:-1]}
    assert ends == {180}


def test_a_line_within_range_stays_whole():
    line = LineString([(0, 0), (10.123456789, 5)])
    assert rfc7946(line) == {"type": "LineString",
                                    "coordinates": [[0.0, 0.0], [10.12346, 5.0]]}
    assert split_antimeridian(line).equals(line)
    assert isinstance(split_antimeridian(LineString([(170, 0), (190, 2)])),
                      MultiLineString)


def test_csv_round_trips(seed):
    analysis = analyse(seed)
    mentions = analysis.mentions
    rows = list(csv.DictReader(io.StringIO(export.mentions_csv(analysis))))
    assert tuple(rows[0]) == export.CSV_FIELDS
    expected = []
    for mention in mentions:
        record = {**mention.record(), "passage": seed.passage_at(mention.start).index,
                  "reason": mention.reason}
        expected.append({k: "" if record[k] is None else str(record[k])
                         for k in export.CSV_FIELDS})
    assert rows == expected
    first_russia = next(r for r in rows if r["text"] == "Russian")
    assert first_russia["passage"] == "1"


def test_html_is_self_contained(seed, countries):
    page = export.standalone_html(*pipeline(seed, countries))
    assert not re.search(r"<(?:script|link|img)\b[^>]*\b(?:src|href)\s*=\s*[\"']?https?://",
                         page, re.I)
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", page, re.I)
    assert "Leaflet 1.9.4" in page and "L.geoJSON" in page and ".leaflet-container" in page
    assert "images/layers.png" not in page and "sourceMappingURL" not in page
    assert page.count("</script>") == page.count("<script")
    features = re.search(r'<script type="application/json" id="map-features">(.*?)</script>',
                         page, re.S)
    assert json.loads(features.group(1))["type"] == "FeatureCollection"


def hostile_doc() -> documents.Document:
    """A document whose text tries to inject HTML and script."""
    return documents.parse("hostile <b>.txt", HOSTILE)


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_hostile_text_is_escaped_in_every_format(fmt, tmp_path):
    doc = hostile_doc()
    out = tmp_path / f"hostile.{fmt}"
    export.write(analyse(doc), fmt, out)
    text = out.read_text(encoding="utf-8")
    if fmt == "html":
        assert "<img src=x onerror" not in text
        assert "<script>alert(1)" not in text
        assert "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in text  # title, escaped
        assert "\\u003cimg src=x onerror" in text  # passages, JSON-encoded
        assert "<title>Title &lt;img" in text
    elif fmt == "geojson":
        data = json.loads(text)
        passages = [p["text"] for f in data["features"] for p in f["properties"]["passages"]]
        assert any(PAYLOAD in p and "`x` ${x}" in p for p in passages)
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
        assert {r["text"] for r in rows} >= {"Niger", "Mali"}


def test_unknown_format_is_refused(seed, tmp_path):
    with pytest.raises(ValueError, match="Unknown export format 'kml'"):
        export.write(analyse(seed), "kml", tmp_path / "x.kml")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """Run python -m dashboard with arguments from the repository root."""
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_cli_exports_geojson(tmp_path):
    out = tmp_path / "seed.geojson"
    done = run_cli("export", str(SEED), "--format", "geojson", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


@pytest.mark.parametrize("file, out, says", [
    ("missing.txt", "{tmp}/x.geojson", "no such file"),
    (str(SEED), "{tmp}/no/such/folder/x.geojson", "no such folder"),
])
def test_cli_reports_bad_paths(file, out, says, tmp_path):
    done = run_cli("export", file, "--format", "geojson", "--out", out.format(tmp=tmp_path))
    assert done.returncode != 0
    assert says in done.stderr and "Traceback" not in done.stderr
