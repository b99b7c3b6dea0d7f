"""The page under AppTest on articles of its own: long ones, digests, several in the folder,
missing geodata, and a link to an article that is not on this server."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.test_page import APP, layers, params, passages, place_buttons, run, subheaders


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
