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


def forget_the_desk() -> None:
    """Clear the page's cached desk, so the next run opens the one the environment names."""
    from dashboard.ui import data

    for cached in (data.desk, data.seed_problems, data.drawings):
        cached.clear()


@pytest.fixture()
def seeds(tmp_path, monkeypatch):
    """An empty seeds folder and an empty desk for the page (its caches cleared before and
    after)."""
    from dashboard.ui import data

    folder = tmp_path / "seeds"
    folder.mkdir()
    monkeypatch.setattr(data, "SEEDS", folder)
    monkeypatch.setenv("SAHEL_DATA_DIR", str(tmp_path / "desk"))
    forget_the_desk()
    yield folder
    forget_the_desk()


@pytest.fixture()
def long_article(seeds) -> str:
    """A seeds folder holding one article of 250 passages, each naming a country."""
    names = ["Niger", "Mali", "Niger", "Chad", "Niger", "Ghana"]
    body = "\n\n".join(f"Passage {i + 1} is about {names[i % 6]}." for i in range(250))
    (seeds / "long-report.txt").write_text("A long report\n\n" + body, encoding="utf-8")
    return "long-report"


def shown_numbers(at: AppTest) -> list[int]:
    """Return the ¶ numbers of the passages the pane shows."""
    return [int(n) for e in at.main.markdown for n in re.findall(r"¶(\d+)", e.value)]


def test_a_long_article_is_read_a_hundred_passages_at_a_time(long_article):
    at = run()
    assert [c.value for c in at.main.caption if c.value.startswith("Passages")] == [
        "Passages 1–100 of 251 listed here"]
    assert shown_numbers(at) == list(range(1, 101))
    pager = {b.key: b for b in at.button if b.key and b.key.startswith("page-")}
    assert pager["page-earlier"].disabled and not pager["page-later"].disabled
    pager["page-later"].click().run()
    assert params(at)["passage"] == "100"
    assert shown_numbers(at) == list(range(101, 201))
    at.button(key="page-later").click().run()
    assert shown_numbers(at) == list(range(201, 252))
    assert at.button(key="page-later").disabled
    at.button(key="page-earlier").click().run()
    assert shown_numbers(at) == list(range(101, 201))


def test_a_link_to_a_passage_opens_its_page_and_a_place_pages_its_own_passages(long_article):
    at = run(doc=long_article, passage="180")
    assert shown_numbers(at) == list(range(101, 201))
    at = run(doc=long_article, place="NER")
    niger = list(range(2, 252, 2))  # ¶1 is the headline; every other passage names Niger
    assert subheaders(at) == ["Niger"]
    assert shown_numbers(at) == niger[:100]
    assert all(p.endswith("is about Niger.") for p in passages(at)[0])
    at.button(key="page-later").click().run()
    assert params(at)["place"] == "NER" and params(at)["passage"] == str(niger[100] - 1)
    assert shown_numbers(at) == niger[100:]


def test_a_digest_of_many_places_lists_the_most_mentioned_and_folds_the_rest(seeds):
    countries = ["Niger", "Mali", "Chad", "Ghana", "Togo", "Benin", "Senegal", "Gambia",
                 "Guinea", "Liberia", "Morocco", "Egypt", "Kenya", "Uganda", "Angola", "Zambia"]
    body = "\n\n".join(f"News from {name}." for name in countries) + "\n\nNiger again."
    (seeds / "digest.txt").write_text("Digest\n\n" + body, encoding="utf-8")
    at = run()
    labels = list(place_buttons(at).values())
    assert len(labels) == 16  # every place keeps its button
    assert labels[0] == "Niger · 2"  # most-mentioned first
    folded = at.main.expander[0]
    assert folded.label == "4 more places, mentioned less"
    assert [b.label for b in folded.button] == labels[12:]  # the last four, folded
    folded.button[0].click().run()
    assert subheaders(at) == [labels[12].split(" · ")[0]]


def test_a_digest_of_many_journeys_lists_five_under_the_map_and_the_chosen_one(seeds):
    # Eight travellers (one traveller's trip told eight times would be one journey).
    people = ["Malian", "Nigerien", "Chadian", "Senegalese", "Ghanaian", "Ivorian", "Togolese",
              "Gambian"]
    trips = [f"The {who} minister flew to Paris and then to Berlin. Talks followed."
             for who in people]
    (seeds / "digest.txt").write_text("\n\n".join(trips), encoding="utf-8")
    at = run()
    journeys = sorted({b.key.split("-")[1] for b in at.button
                       if b.key and b.key.startswith("stop-")})
    assert journeys == ["1", "2", "3", "4", "5"]
    captions = [c.value for c in at.main.caption]
    assert ("8 journeys in this article: the first 5 are listed here, the first 8 drawn on "
            "the map.") in captions
    at = run(doc="digest", stop="7-2")
    assert at.button(key="stop-7-2").proto.type == "primary"  # listed, and marked
    assert subheaders(at) == ["Stop 2: Berlin"]


def test_picking_another_article_shows_it_and_keeps_the_layers(seeds):
    """The sidebar's article popover is named after the article shown; picking one opens it."""
    (seeds / "first.txt").write_text("First *story*\n\nNiger and Mali met.", encoding="utf-8")
    (seeds / "second.txt").write_text("Second\n\nChad and Niger met.", encoding="utf-8")
    at = run(doc="first", layers="aes,countries")
    labels = [p.proto.popover.label for p in at.sidebar.get("popover")]
    assert "Article: First \\*story\\*" in labels  # the title as typed, not as Markdown
    at.sidebar.radio(key="pick-doc-first").set_value("second").run()
    assert params(at)["doc"] == "second" and params(at)["layers"] == "aes,countries"
    assert "Article: Second" in [p.proto.popover.label for p in at.sidebar.get("popover")]
    assert "Chad · 1" in place_buttons(at).values()


def test_the_sidebar_follows_the_url_when_it_changes(seeds):
    """A link, the Back button or an upload changes the view: the sidebar must say so too."""
    (seeds / "first.txt").write_text("First\n\nNiger and Mali met.", encoding="utf-8")
    (seeds / "second.txt").write_text("Second\n\nChad and Niger met.", encoding="utf-8")
    at = run(doc="first")
    assert at.sidebar.radio(key="pick-doc-first").value == "first"
    at.query_params.update({"doc": "second", "layers": "aes", "sahel": "G5S"})
    at.run()
    assert at.sidebar.radio(key="pick-doc-second").value == "second"
    assert layers(at) == {"layer-sahel": False, "layer-aes": True, "layer-journeys": False,
                          "layer-countries": False, "layer-density": False}
    assert at.sidebar.radio(key="pick-sahel").value == "G5S"
    assert not at.exception and not at.warning


def test_a_missing_geodata_file_is_named_on_the_page(monkeypatch, tmp_path):
    """The page says which file is missing and what to run, and draws no map over it."""
    from dashboard.ui import assets, data

    monkeypatch.setattr(assets, "STATIC_DIR", tmp_path)  # no Leaflet, no basemap
    monkeypatch.setattr(data, "load_countries", lambda: (_ for _ in ()).throw(
        data.gazetteer.GeodataError("geodata/countries.geojson is missing: run "
                                    "`python geodata/build.py` to rebuild it.")))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert "dashboard/static/vendor/leaflet/leaflet.js is missing" in errors[0]
    assert any("basemap.json is missing: run `python geodata/build.py`" in e for e in errors)
    assert any(e.startswith("geodata/countries.geojson is missing") for e in errors)
    assert not at.get("iframe") and not at.subheader


def test_a_download_that_cannot_be_made_says_why(monkeypatch, tmp_path):
    """Without the basemap the HTML map cannot be made: the menu says so, with what to run,
    instead of a button that does nothing; the other downloads stay."""
    from dashboard.core import assets

    monkeypatch.setitem(assets.ROOTS, "geodata", (tmp_path, assets.ROOTS["geodata"][1]))
    at = run()
    (error,) = [e.value for e in at.sidebar.error]
    assert error.startswith("Standalone HTML map: ") and "basemap.geojson is missing" in error
    assert "python geodata/build.py" in error
    labels = [b.proto.label for b in at.sidebar.get("download_button")]
    assert labels == ["GeoJSON", "CSV of mentions"]


def test_a_link_to_an_article_not_on_this_server_says_so_until_the_reader_moves_on():
    at = run(doc="upload-gone")
    (warning,) = [w.value for w in at.warning]
    assert "no article of that name is on this server" in warning
    at.sidebar.checkbox(key="layer-density").check().run()  # still on the view it was sent to
    assert [w.value for w in at.warning] == []  # a change of view is moving on
    at = run(doc="upload-gone")
    at.run()  # a rerun of the same view (a widget elsewhere, a reconnect) keeps it
    assert len(at.warning) == 1
