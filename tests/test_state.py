"""URL query parameters ⇄ view state (dashboard/ui/state.py)."""

from __future__ import annotations

import pytest

from dashboard.ui import state
from dashboard.ui.state import View

DOCS = ("first", "second")
PLACES = {"NER", "RUS", "TUR", "SRB", "AES", "SAHEL", "gn:2440485"}
STOPS = {"1-0", "1-1", "1-2", "1-3", "1-4"}
PASSAGES = 11


def parse(params: dict) -> state.Parsed:
    """Parse params against a fixed set of documents, places, stops and passages."""
    return state.parse(params, DOCS, "first", PLACES, STOPS, PASSAGES)


@pytest.mark.parametrize(
    ("params", "view"),
    [
        ({}, View(doc="first")),
        ({"doc": "second"}, View(doc="second")),
        ({"doc": "first", "place": "NER"}, View(doc="first", place="NER")),
        ({"place": "gn:2440485"}, View(doc="first", place="gn:2440485")),
        ({"place": "AES"}, View(doc="first", place="AES")),
        ({"place": "TUR", "stop": "1-3"}, View(doc="first", place="TUR", stop="1-3")),
        ({"passage": "0"}, View(doc="first", passage=0)),
        ({"passage": "10"}, View(doc="first", passage=10)),
        ({"layers": ""}, View(doc="first", layers=())),
        ({"layers": "density,aes"}, View(doc="first", layers=("aes", "density"))),
        ({"layers": "aes,,aes"}, View(doc="first", layers=("aes",))),
        ({"sahel": "G5S"}, View(doc="first", sahel="G5S")),
        ({"basemap": "osm"}, View(doc="first", basemap="osm")),
        (
            {"doc": "second", "place": "RUS", "layers": "sahel", "sahel": "G5S", "basemap": "osm"},
            View(doc="second", place="RUS", layers=("sahel",), sahel="G5S", basemap="osm"),
        ),
    ],
)
def test_valid_params_give_the_view(params, view):
    parsed = parse(params)
    assert parsed.view == view
    assert parsed.notices == []


@pytest.mark.parametrize(
    ("params", "view", "word"),
    [
        ({"doc": "nope"}, View(doc="first"), "Unknown document"),
        ({"doc": "nope", "place": "NER"}, View(doc="first", place="NER"), "Unknown document"),
        ({"place": "XXX"}, View(doc="first"), "Unknown place"),
        ({"place": ""}, View(doc="first"), "Unknown place"),
        ({"place": "FRA", "sahel": "G5S"}, View(doc="first", sahel="G5S"), "Unknown place"),
        ({"stop": "9-9"}, View(doc="first"), "Unknown stop"),
        ({"stop": "1-3x"}, View(doc="first"), "Unknown stop"),
        ({"stop": "0-1"}, View(doc="first"), "Unknown stop"),
        ({"passage": "11"}, View(doc="first"), "Unknown passage"),
        ({"passage": "-1"}, View(doc="first"), "Unknown passage"),
        ({"passage": "two"}, View(doc="first"), "Unknown passage"),
        ({"passage": "²"}, View(doc="first"), "Unknown passage"),
        ({"passage": "١"}, View(doc="first"), "Unknown passage"),
        ({"passage": "1" * 5000}, View(doc="first"), "Unknown passage"),
        ({"passage": "0" * 40 + "3"}, View(doc="first"), "Unknown passage"),
        ({"at": "95,2,4"}, View(doc="first"), "Unknown map position"),
        ({"at": "1,2"}, View(doc="first"), "Unknown map position"),
        ({"layers": "aes,volcanoes"}, View(doc="first", layers=("aes",)), "Unknown layer"),
        ({"sahel": "ECOWAS"}, View(doc="first"), "Unknown sahel"),
        ({"basemap": "google"}, View(doc="first"), "Unknown basemap"),
        ({"basemap": "osm", "sahel": "x"}, View(doc="first", basemap="osm"), "Unknown sahel"),
    ],
)
def test_an_unknown_value_falls_back_with_one_notice(params, view, word):
    parsed = parse(params)
    assert parsed.view == view
    assert len(parsed.notices) == 1
    assert parsed.notices[0].startswith(word)


def test_each_bad_value_gets_its_own_notice():
    parsed = parse({"doc": "x", "place": "y", "stop": "z", "passage": "w", "layers": "v",
                    "sahel": "u", "basemap": "t"})
    assert parsed.view == View(doc="first")  # the default view, default layers included
    assert len(parsed.notices) == 7


@pytest.mark.parametrize("raw", ["volcanoes", "volcanoes,rivers", ",x,"])
def test_a_layers_value_naming_no_known_layer_shows_the_default_layers(raw):
    parsed = parse({"layers": raw})
    assert parsed.view.layers == state.DEFAULT_LAYERS
    assert "showing the default layers" in parsed.notices[0]


@pytest.mark.parametrize(
    "place",
    ["<script>", "<script>alert(1)</script>", "NER<b>", "NER;", "N E R", "../NER", "x" * 500,
     "NER" + "R" * 497],
)
def test_a_malformed_place_gives_a_notice_and_no_selection(place):
    # Even when the malformed value is among the known places, it is not selected.
    parsed = state.parse({"place": place}, DOCS, "first", PLACES | {place}, STOPS, PASSAGES)
    assert parsed.view.place is None
    assert parsed.view == View(doc="first")
    assert len(parsed.notices) == 1
    assert "Unknown place" in parsed.notices[0]
    assert len(parsed.notices[0]) < 120  # a long value is shortened, not echoed whole


def test_a_long_value_is_shortened_in_the_notice():
    notice = parse({"stop": "1" * 500}).notices[0]
    assert "1" * 37 + "…" in notice
    assert "1" * 41 not in notice


@pytest.mark.parametrize(
    ("params", "view"),
    [
        ({"place": ["RUS", "NER"]}, View(doc="first", place="NER")),
        ({"place": ("NER",)}, View(doc="first", place="NER")),
        ({"place": []}, View(doc="first")),
        ({"doc": ["nope", "second"]}, View(doc="second")),
        ({"layers": ["aes", "sahel"]}, View(doc="first", layers=("sahel",))),
    ],
)
def test_a_repeated_param_counts_once_with_its_last_value(params, view):
    parsed = parse(params)
    assert parsed.view == view
    assert parsed.notices == []


@pytest.mark.parametrize(
    "view",
    [
        View(doc="first"),
        View(doc="second"),
        View(doc="first", place="NER"),
        View(doc="first", place="gn:2440485", passage=3),
        View(doc="first", place="TUR", stop="1-3"),
        View(doc="first", layers=()),
        View(doc="first", layers=("density",)),
        View(doc="first", layers=state.LAYERS),
        View(doc="second", place="AES", layers=("aes",), sahel="G5S", basemap="osm"),
    ],
)
def test_to_params_then_parse_round_trips(view):
    params = state.to_params(view)
    assert all(isinstance(v, str) for v in params.values())  # what a URL can carry
    parsed = parse(params)
    assert parsed.view == view
    assert parsed.notices == []


@pytest.mark.parametrize(
    ("view", "params"),
    [
        (View(doc="first"), {"doc": "first"}),
        (View(doc="first", layers=state.DEFAULT_LAYERS, sahel="UNISS", basemap="natural-earth"),
         {"doc": "first"}),
        (View(doc="first", place="NER"), {"doc": "first", "place": "NER"}),
        (View(doc="first", passage=0), {"doc": "first", "passage": "0"}),
        (View(doc="first", layers=()), {"doc": "first", "layers": ""}),
        (View(doc="first", sahel="G5S"), {"doc": "first", "sahel": "G5S"}),
        (View(doc="first", basemap="osm"), {"doc": "first", "basemap": "osm"}),
    ],
)
def test_to_params_leaves_defaults_out(view, params):
    assert state.to_params(view) == params


@pytest.mark.parametrize(
    ("properties", "chosen"),
    [
        ({"select": "NER", "layer": "aes", "name": "Niger", "mentions": 12}, ("NER", None)),
        ({"select": "RUS", "layer": "countries", "roles": ""}, ("RUS", None)),
        ({"select": "SRB", "stop": "1-2", "what": "Stop 2: Serbia"}, ("SRB", "1-2")),
        ({"select": "gn:524901", "stop": "1-1"}, ("gn:524901", "1-1")),
        ({"select": "AES"}, ("AES", None)),
        ({"select": "NER", "stop": "junk"}, ("NER", None)),
        ({"select": "NER", "stop": 3}, ("NER", None)),
        (None, None),
        ({}, None),
        ({"select": 5}, None),
        ({"select": None}, None),
        ({"select": ""}, None),
        ({"select": "<x>"}, None),
        ({"select": "<x>", "stop": "1-2"}, None),
        ({"select": "x" * 500}, None),
        ({"name": "Niger"}, None),
        ("NER", None),
        (["NER"], None),
    ],
)
def test_from_click_reads_the_clicked_feature(properties, chosen):
    assert state.from_click(properties) == chosen


def test_select_replaces_the_selection_and_keeps_the_rest():
    view = View(doc="first", place="NER", passage=2, layers=("aes",), sahel="G5S")
    assert state.select(view, "TUR", "1-3") == View(
        doc="first", place="TUR", stop="1-3", layers=("aes",), sahel="G5S")
    assert state.select(view, None) == View(doc="first", layers=("aes",), sahel="G5S")


def test_the_maps_position_is_kept_as_it_is_when_valid():
    parsed = parse({"at": "12.5,-2.1,4.25", "place": "NER"})
    assert parsed.kept == {"at": "12.5,-2.1,4.25"} and parsed.notices == []
    assert parse({"at": "1,2"}).kept == {}


def test_a_change_of_view_carries_the_maps_position_when_it_is_valid():
    assert state.position({"at": "12.5,-2.1,4.25", "doc": "a"}) == {"at": "12.5,-2.1,4.25"}
    assert state.position({"at": "12.5,-2.1"}) == {} and state.position({}) == {}
