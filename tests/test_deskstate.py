"""The desk's URL ⇄ its view: every filter read back, each unusable value dropped with a notice."""

from datetime import date

import pytest

from dashboard.ui.deskstate import DeskView, narrowed, parse, select, to_params

PLACES, SOURCES, LANGUAGES = {"NER", "MLI", "AES"}, {"RFI", "Le Faso", "AFP"}, {"en", "fr"}


def read(params: dict):
    return parse(params, PLACES, SOURCES, LANGUAGES)


@pytest.mark.parametrize("params, view", [
    ({"view": "desk"}, DeskView()),
    ({"from": "2024-01-01", "to": "2024-03-31"},
     DeskView(date_from=date(2024, 1, 1), date_to=date(2024, 3, 31))),
    ({"source": ["RFI", "AFP"], "lang": ["fr"]}, DeskView(sources=("RFI", "AFP"),
                                                          languages=("fr",))),
    ({"source": "Le Faso"}, DeskView(sources=("Le Faso",))),
    ({"q": "  uranium Tillabéri "}, DeskView(query="uranium Tillabéri")),
    ({"place": "AES", "page": "2", "by": "month"}, DeskView(place="AES", page=2, by="month")),
    ({"layers": "aes", "sahel": "G5S", "basemap": "osm"},
     DeskView(layers=("aes",), sahel="G5S", basemap="osm")),
    ({"layers": ""}, DeskView(layers=())),
])
def test_a_desk_view_is_read_from_its_url_and_written_back(params, view):
    parsed = read(params)
    assert parsed.view == view and parsed.notices == []
    assert read(to_params(view)).view == view


@pytest.mark.parametrize("params, view, word", [
    ({"from": "2024-13-01"}, DeskView(), "Unknown date"),
    ({"from": "２０２４-01-01"}, DeskView(), "Unknown date"),
    ({"from": "2024-03-01", "to": "2024-01-01"}, DeskView(), "The date window ends"),
    ({"source": ["RFI", "<script>"]}, DeskView(sources=("RFI",)), "Unknown source"),
    ({"lang": "xx"}, DeskView(), "Unknown lang"),
    ({"q": "***"}, DeskView(), "Nothing to search for"),
    ({"place": "XYZ"}, DeskView(), "Unknown place"),
    ({"page": "²"}, DeskView(), "Unknown page"),
    ({"by": "hour"}, DeskView(), "Unknown step"),
    ({"layers": "aes,journeys"}, DeskView(layers=("aes",)), "Unknown desk layer"),
    ({"basemap": "google"}, DeskView(), "Unknown basemap"),
    ({"at": "200,2,4"}, DeskView(), "Unknown map position"),
])
def test_an_unusable_value_falls_back_with_one_notice(params, view, word):
    parsed = read(params)
    assert parsed.view == view
    assert len(parsed.notices) == 1 and parsed.notices[0].startswith(word)


def test_a_long_search_is_cut_and_many_sources_are_bounded():
    parsed = read({"q": "uranium " * 100, "source": ["RFI"] * 500})
    assert len(parsed.view.query) <= 200 and parsed.view.sources == ("RFI",)


def test_selecting_and_narrowing_start_the_passages_from_page_one():
    view = DeskView(place="NER", page=3)
    assert select(view, "MLI") == DeskView(place="MLI")
    assert narrowed(view, query="Wagner") == DeskView(place="NER", query="Wagner")
    assert view.filter().query == "" and narrowed(view, query="Wagner").filter().query == "Wagner"
