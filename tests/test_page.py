"""The page under Streamlit's AppTest: every view the URL can ask for, and the widgets."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"
DOC = "niger-russia-military-cooperation"
PASSAGE = re.compile(r"<div class='passage'.*?</div>(?=<div class='passage'|$)", re.S)
MEMBERS_HEADING = "**Passages naming its members**"
NIGER_WORDS = ("Niger", "Nigerien", "Niamey")


def run(**params: str | list[str]) -> AppTest:
    """Run the page with these query parameters and return it (after any rerun)."""
    at = AppTest.from_file(str(APP), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def text_of(fragment: str) -> str:
    """Return a passage's visible text: its body, without the "Why:" line or its number."""
    fragment = re.sub(r"<div class='why'>.*?</div>", "", fragment, flags=re.S)
    fragment = re.sub(r"<span class='num'>.*?</span>", "", fragment, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def passages(at: AppTest) -> tuple[list[str], list[str]]:
    """Return the texts of the passages in the main list and in the members' list."""
    main, members = [], []
    current = main
    for element in at.main.markdown:
        if element.value.startswith(MEMBERS_HEADING):
            current = members
        current.extend(text_of(p) for p in PASSAGE.findall(element.value))
    return main, members


def subheaders(at: AppTest) -> list[str]:
    return [s.value for s in at.subheader]


def place_buttons(at: AppTest) -> dict[str, str]:
    return {b.key: b.label for b in at.button if b.key and b.key.startswith("place-")}


def params(at: AppTest) -> dict[str, str]:
    return {key: at.query_params[key] for key in at.query_params}


def layers(at: AppTest) -> dict[str, bool]:
    return {c.key: c.value for c in at.sidebar.checkbox}


def assert_default_view(at: AppTest) -> None:
    assert [t.value for t in at.title] == ["Sahel news map"]
    assert subheaders(at) == ["Places in this article", "The article"]
    main, members = passages(at)
    assert members == []
    assert len(main) == 11
    assert main[0] == "Niger in Russia"
    assert "will go to Serbia, Turkey, and Iran." in main[-1]


@pytest.fixture(scope="module")
def default() -> AppTest:
    return run()


def test_default_view_shows_places_and_the_article(default: AppTest):
    assert_default_view(default)
    assert not default.warning
    buttons = place_buttons(default)
    for key, name in [("place-NER", "Niger"), ("place-RUS", "Russia"), ("place-AES",
                      "Alliance of Sahel States"), ("place-TUR", "Türkiye"),
                      ("place-MLI", "Mali"), ("place-BFA", "Burkina Faso")]:
        assert buttons[key].startswith(name + " · ")
    assert not any(key.startswith("place-gn:") for key in buttons)  # cities count for countries
    stops = [b.label for b in default.button if b.key and b.key.startswith("stop-")]
    # "has also arrived in Moscow, and then will go to Serbia, Turkey, and Iran": planned legs
    assert stops == ["⌂ Niamey", "1 Moscow", "2 Serbia · planned", "3 Türkiye · planned",
                     "4 Iran · planned"]
    assert params(default) == {}  # a missing value is the default: the URL is left alone
    assert layers(default) == {"layer-sahel": True, "layer-aes": True, "layer-journeys": True,
                               "layer-countries": True, "layer-density": False}


def test_place_niger_shows_its_passages():
    at = run(place="NER")
    assert subheaders(at) == ["Niger"]
    main, members = passages(at)
    assert members == []
    assert len(main) >= 8
    captions = [c.value for c in at.main.caption]
    assert any(re.fullmatch(rf"\d+ mentions in {len(main)} passages", c) for c in captions)
    for text in main:
        assert any(word in text for word in NIGER_WORDS), text
    assert any("Republic of Niger" in t for t in main)
    assert any("Niamey's former military partners" in t for t in main)
    assert not any(t.startswith("Western influence has also dwindled") and "Niger" not in t
                   for t in main)
    assert params(at) == {"place": "NER"}
    assert not at.warning


def test_place_aes_shows_the_bloc_then_its_members():
    at = run(place="AES")
    assert subheaders(at) == ["Alliance of Sahel States"]
    main, members = passages(at)
    assert main and all("Alliance of Sahel States" in t or "AES" in t for t in main)
    assert at.main.caption[0].value.endswith(f"in {len(main)} passage{'s' * (len(main) != 1)}")
    headings = [m.value for m in at.main.markdown if m.value.startswith(MEMBERS_HEADING)]
    assert len(headings) == 1
    for name in ("Niger", "Mali", "Burkina Faso"):
        assert name in headings[0]
    assert members
    assert not set(main) & set(members)
    for text in members:
        assert any(w in text for w in NIGER_WORDS + ("Mali", "Burkina Faso")), text


def test_stop_shows_its_sentence():
    at = run(stop="1-3", place="TUR")
    assert subheaders(at) == ["Stop 3: Türkiye (planned)"]
    main, _ = passages(at)
    assert main == ["Talks on defense cooperation have become part of Nigerien Prime Minister "
                    "Lamine Zeine's tour who has also arrived in Moscow, and then will go to "
                    "Serbia, Turkey, and Iran."]
    assert any("Ankara" in m.value for m in at.main.markdown)
    assert params(at) == {"place": "TUR", "stop": "1-3"}
    assert at.button(key="stop-1-3").proto.type == "primary"


@pytest.mark.parametrize(
    ("key", "value", "notice"),
    [
        ("place", "<script>", "Unknown place"),
        ("place", "<script>alert(1)</script>", "Unknown place"),
        ("place", "X" * 500, "Unknown place"),
        ("place", "FRA'", "Unknown place"),
        ("doc", "../etc/passwd", "Unknown document"),
        ("stop", "9-9", "Unknown stop"),
        ("passage", "99", "Unknown passage"),
        ("sahel", "nope", "Unknown sahel"),
        ("basemap", "<b>", "Unknown basemap"),
    ],
)
def test_a_bad_value_gives_a_notice_and_the_default_view(key, value, notice):
    at = run(**{key: value})
    assert len(at.warning) == 1
    assert notice in at.warning[0].value
    assert_default_view(at)
    assert params(at) == {"doc": DOC}  # the URL is corrected


def test_a_bad_layer_is_dropped_and_the_others_kept():
    at = run(layers="aes,<img>")
    assert len(at.warning) == 1 and "Unknown layer" in at.warning[0].value
    assert params(at) == {"doc": DOC, "layers": "aes"}
    assert layers(at)["layer-aes"] and not layers(at)["layer-sahel"]


def test_all_layers_off():
    at = run(layers="")
    assert not at.warning
    assert not any(layers(at).values())
    assert_default_view(at)
    assert params(at) == {"layers": ""}


def test_g5_sahel_definition():
    at = run(sahel="G5S")
    assert not at.warning
    assert at.sidebar.radio(key="pick-sahel").value == "G5S"
    assert any("G5 Sahel" in c.value for c in at.sidebar.caption)
    assert params(at) == {"sahel": "G5S"}


def test_clicking_a_place_in_the_list_selects_it():
    at = run()
    at.button(key="place-NER").click().run()
    assert not at.exception
    assert params(at) == {"doc": DOC, "place": "NER"}
    assert subheaders(at) == ["Niger"]
    back = [b for b in at.main.button if b.label == "Show the whole article"]
    assert len(back) == 1
    back[0].click().run()
    assert params(at) == {"doc": DOC}
    assert subheaders(at) == ["Places in this article", "The article"]


def test_clicking_a_stop_button_selects_the_stop():
    at = run()
    at.button(key="stop-1-2").click().run()
    assert params(at) == {"doc": DOC, "place": "SRB", "stop": "1-2"}
    assert subheaders(at) == ["Stop 2: Serbia (planned)"]
    more = [b for b in at.main.button if b.label == "All passages about Serbia"]
    more[0].click().run()
    assert params(at) == {"doc": DOC, "place": "SRB"}
    assert subheaders(at) == ["Serbia"]


def test_toggling_a_layer_changes_the_url_and_keeps_the_selection():
    at = run(place="NER")
    at.sidebar.checkbox(key="layer-aes").uncheck().run()
    assert not at.exception
    assert params(at) == {"doc": DOC, "place": "NER", "layers": "sahel,journeys,countries"}
    assert layers(at)["layer-aes"] is False
    at.sidebar.checkbox(key="layer-density").check().run()
    assert params(at)["layers"] == "sahel,journeys,countries,density"
    at.sidebar.checkbox(key="layer-aes").check().run()
    assert params(at)["layers"] == "sahel,aes,journeys,countries,density"
    assert subheaders(at) == ["Niger"]


def share_link(at: AppTest) -> str:
    """Return the link shown in the sidebar's "Share this view" popover."""
    assert [p.proto.popover.label for p in at.sidebar.get("popover")].count("Share this view") == 1
    bodies = [h.proto.body for h in at.sidebar.get("html") if "share-link" in h.proto.body]
    assert len(bodies) == 1 and "Copy link" in bodies[0]
    return html.unescape(re.search(r'id="share-link"[^>]*value="([^"]*)"', bodies[0]).group(1))


def test_the_share_link_is_the_full_url_of_the_view():
    at = run(place="NER", layers="aes,density")
    link = share_link(at)
    assert link.startswith(("http://", "https://"))
    assert "place=NER" in link
    assert f"doc={DOC}" in link and "layers=aes%2Cdensity" in link
    back = [b for b in at.main.button if b.label == "Show the whole article"]
    back[0].click().run()
    assert "place=" not in share_link(at)


def test_the_download_buttons_exist():
    at = run()
    buttons = {b.key: b.proto.label for b in at.sidebar.get("download_button")}
    assert buttons == {"download-geojson": "GeoJSON", "download-csv": "CSV of mentions",
                       "download-html": "Standalone HTML map"}
    for button in at.sidebar.get("download_button"):
        assert button.proto.deferred_file_id  # built on click, not on every run
        assert button.proto.ignore_rerun  # a download does not rerun the page
