"""Every string from a document is escaped before it reaches HTML: the pane and the map."""

import html

import pytest
from streamlit_folium import _get_map_string

from dashboard.core import documents
from dashboard.core.analysis import analyse
from dashboard.core.geoparse import default_gazetteer
from dashboard.core.layers import build_layers, read_countries
from dashboard.core.reading import passages_for
from dashboard.ui import mapview, panels

PAYLOAD = '<img src=x onerror="window.__xss=1">'
TEXT = (f"---\ntitle: Niger {PAYLOAD} `x` ${{x}}\nsource: {PAYLOAD}\n---\n"
        f"Niger {PAYLOAD} and Mali, `x` ${{x}}, met.\n\n"
        f"The Nigerien President {PAYLOAD} flew to Paris and then to Moscow.\n")


@pytest.fixture(scope="module")
def hostile():
    doc = documents.parse("hostile.md", TEXT)
    gaz = default_gazetteer()
    analysis = analyse(doc, gaz)
    return doc, list(analysis.mentions), build_layers(analysis, gaz, read_countries())


def test_the_payload_is_read_as_text_around_real_places(hostile):
    doc, mentions, _ = hostile
    assert {m.place for m in mentions} >= {"NER", "MLI"}
    assert PAYLOAD in doc.text and PAYLOAD in doc.title


@pytest.mark.parametrize("key", [None, "NER"])
def test_reading_pane_escapes_passages_and_reasons(hostile, key):
    doc, mentions, _ = hostile
    shown = [str(panels.passage_html(doc, passage, mentions, key))
             for passage, _ in passages_for(doc, mentions, "NER")]
    assert len(shown) == 2
    for markup in shown:
        assert "<img" not in markup and "&lt;img src" in markup
        assert "`" not in markup and "$" not in markup  # no Markdown code span, no LaTeX
    assert "`x` ${x}" in html.unescape(shown[0])  # shown as typed


def test_map_script_carries_no_raw_markup(hostile):
    _, _, layers = hostile
    fmap = mapview.build_map(layers, ("sahel", "aes", "journeys", "countries", "density"),
                             "natural-earth")
    fmap.get_root().render()
    script = _get_map_string(fmap)
    assert "<img src=x onerror" not in script
    assert len(layers.stops) >= 2 and "Nigerien President" in script  # the journey is drawn


def test_header_escapes_title_and_source(hostile, monkeypatch):
    doc, _, _ = hostile
    shown = []
    monkeypatch.setattr(panels.st, "title", lambda text: shown.append(text))
    monkeypatch.setattr(panels.st, "markdown", lambda text, **_: shown.append(str(text)))
    panels.header(doc)
    assert "<img" not in "".join(shown) and "&lt;img src=x onerror=" in shown[-1]


MARKDOWN_TITLE = "Sahel ![](http://tracker.example/t.png) [link](http://x.example) **bold** $x$"


@pytest.mark.parametrize("value", [MARKDOWN_TITLE, "a_b_c *d* `e` ~f~ #g", PAYLOAD])
def test_text_from_a_document_is_inert_for_markdown_and_html(value):
    shown = str(panels.inert(value))
    assert html.unescape(shown) == value  # read as typed
    assert not any(c in shown for c in "<>[]()!*_`$~") and "http:" not in shown


def test_the_header_shows_a_markdown_title_as_text(monkeypatch):
    doc = documents.parse("t.md", f"---\ntitle: '{MARKDOWN_TITLE}'\n---\nNiger.\n")
    shown = []
    monkeypatch.setattr(panels.st, "title", lambda text: None)
    monkeypatch.setattr(panels.st, "markdown", lambda text, **_: shown.append(str(text)))
    panels.header(doc)
    assert "![](" not in shown[-1] and "](http" not in shown[-1]
    assert MARKDOWN_TITLE in html.unescape(shown[-1])
