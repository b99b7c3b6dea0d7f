"""The share link and the cached exports, without a browser."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qs, urlsplit

from dashboard.core import export
from dashboard.ui import data, share, state

DOC = "niger-russia-military-cooperation"


def test_share_url_keeps_scheme_host_and_base_path_and_drops_the_old_query():
    view = state.View(doc=DOC, place="NER")
    url = share.share_url("https://news.example.org:8443/maps/sahel/?doc=old&x=1#top", view)
    assert url == f"https://news.example.org:8443/maps/sahel/?doc={DOC}&place=NER"


def test_share_url_carries_every_parameter_that_is_not_a_default():
    view = state.View(doc=DOC, place="TUR", stop="1-3", passage=4, layers=("aes", "density"),
                      sahel="G5S", basemap="osm")
    parts = urlsplit(share.share_url("http://127.0.0.1:8501/", view))
    assert (parts.scheme, parts.netloc, parts.path, parts.fragment) == (
        "http", "127.0.0.1:8501", "/", "")
    params = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    assert params == state.to_params(view)
    assert state.parse(params, [DOC], DOC, {"TUR"}, {"1-3"}, 11).view == view


def test_share_url_of_a_base_path_without_its_slash():
    url = share.share_url("http://127.0.0.1:8501/maps/sahel", state.View(doc=DOC))
    assert url == f"http://127.0.0.1:8501/maps/sahel/?doc={DOC}"


def test_share_url_of_the_default_view_and_of_no_layers():
    assert share.share_url("http://h", state.View(doc=DOC)) == f"http://h/?doc={DOC}"
    url = share.share_url("http://h/", state.View(doc=DOC, layers=()))
    assert url == f"http://h/?doc={DOC}&layers="


def test_exports_are_the_page_analysis_in_each_format():
    doc = data.load_seeds()[0][0]
    assert doc.slug == DOC
    collection = json.loads(share.export_text(doc, "UNISS", "geojson"))
    assert collection["type"] == "FeatureCollection" and collection["features"]
    assert {f["id"] for f in collection["features"]} >= {"country:NER", "bloc:AES"}
    table = list(csv.DictReader(io.StringIO(share.export_text(doc, "UNISS", "csv"))))
    assert tuple(table[0]) == export.CSV_FIELDS
    assert len(table) == len(data.analyse(doc).mentions)
    page = share.export_text(doc, "G5S", "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script src=" not in page
