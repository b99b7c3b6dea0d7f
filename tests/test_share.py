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
    url = share.share_url("https://news.example.org:8443/maps/sahel/?doc=old&x=1#top",
                          state.to_params(view))
    assert url == f"https://news.example.org:8443/maps/sahel/?doc={DOC}&place=NER"


def test_share_url_carries_every_parameter_that_is_not_a_default():
    view = state.View(doc=DOC, place="TUR", stop="1-3", passage=4, layers=("aes", "density"),
                      sahel="G5S", basemap="osm")
    parts = urlsplit(share.share_url("http://127.0.0.1:8501/", state.to_params(view)))
    assert (parts.scheme, parts.netloc, parts.path, parts.fragment) == (
        "http", "127.0.0.1:8501", "/", "")
    params = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    assert params == state.to_params(view)
    assert state.parse(params, [DOC], DOC, {"TUR"}, {"1-3"}, 11).view == view


def test_share_url_of_a_base_path_without_its_slash():
    url = share.share_url("http://127.0.0.1:8501/maps/sahel",
                          state.to_params(state.View(doc=DOC)))
    assert url == f"http://127.0.0.1:8501/maps/sahel/?doc={DOC}"


def test_share_url_of_the_default_view_and_of_no_layers():
    default = state.to_params(state.View(doc=DOC))
    assert share.share_url("http://h", default) == f"http://h/?doc={DOC}"
    url = share.share_url("http://h/", state.to_params(state.View(doc=DOC, layers=())))
    assert url == f"http://h/?doc={DOC}&layers="


def test_exports_are_the_page_analysis_in_each_format():
    article = data.stored_article(data.stored_key(DOC))
    doc = article.document
    assert doc.slug == DOC

    def exported(sahel: str, fmt: str) -> str:
        return share.export_text(article.key, sahel, fmt, article)

    collection = json.loads(exported("UNISS", "geojson"))
    assert collection["type"] == "FeatureCollection" and collection["features"]
    assert {f["id"] for f in collection["features"]} >= {"country:NER", "bloc:AES"}
    table = list(csv.DictReader(io.StringIO(exported("UNISS", "csv"))))
    assert tuple(table[0]) == export.CSV_FIELDS
    assert len(table) == len(article.analysis.mentions)
    page = exported("G5S", "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script src=" not in page


def test_a_desk_link_repeats_the_sources_it_narrows_to():
    from datetime import date

    from dashboard.ui import deskstate

    view = deskstate.DeskView(date_from=date(2024, 1, 1), sources=("RFI", "Le Faso"),
                              languages=("fr",), query="uranium Tillabéri", place="NER")
    url = share.share_url("http://h/", deskstate.to_params(view))
    query = parse_qs(urlsplit(url).query)
    assert query == {"view": ["desk"], "from": ["2024-01-01"], "source": ["RFI", "Le Faso"],
                     "lang": ["fr"], "q": ["uranium Tillabéri"], "place": ["NER"]}
    back = deskstate.parse({k: v if k in ("source", "lang") else v[-1] for k, v in query.items()},
                           {"NER"}, {"RFI", "Le Faso"}, {"fr"})
    assert back.view == view and back.notices == []
