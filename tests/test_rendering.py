"""Rendered text stays text: a map renders the same with rendering.py's templates as with
branca's own, and faster for big layers; text with template marks is compiled as before."""

import json
import re

import branca.element
import folium
import pytest
from jinja2 import Template

from dashboard.ui import rendering


@pytest.mark.parametrize("text", [
    "", "plain", "line\n", "two\nlines\n\n", "crlf\r\nand cr\rend\r\n", '{"type": "Feature"}',
    "a } and { apart", "{ {", "unicode: Niamey → Moscou", "   spaces   \n",
])
def test_plain_text_renders_as_jinja_renders_it(text):
    assert rendering.template(text).render(this=None, kwargs={}) == Template(text).render()


@pytest.mark.parametrize("text", ["{{ 7 * 7 }}", "{% if true %}x{% endif %}", "{# c #}"])
def test_text_with_template_marks_is_still_a_template(text):
    made = rendering.template(text)
    assert isinstance(made, Template)
    assert made.render() == Template(text).render()


def big_map() -> folium.Map:
    """Return a map with a GeoJSON layer of many features and a tooltip, as the page draws."""
    features = [{"type": "Feature", "properties": {"name": f"Place {n}", "count": n},
                 "geometry": {"type": "Point", "coordinates": [n % 180, n % 80]}}
                for n in range(500)]
    fmap = folium.Map(tiles=None)
    folium.GeoJson({"type": "FeatureCollection", "features": features},
                   tooltip=folium.GeoJsonTooltip(["name", "count"])).add_to(fmap)
    folium.Marker([13.5, 2.1], tooltip="Niamey").add_to(fmap)
    return fmap


def test_a_map_renders_the_same_either_way(monkeypatch):
    fmap = big_map()
    monkeypatch.setattr(branca.element, "Template", Template)
    before = fmap.get_root().render()
    fmap = big_map()  # new element ids: compare with them made equal
    rendering.install()
    after = fmap.get_root().render()
    assert branca.element.Template is rendering.template
    assert normalised(after) == normalised(before)
    assert len(after) > 50_000


def normalised(html: str) -> str:
    """Return the page with folium's random element ids replaced by their order of appearance."""
    ids: dict[str, str] = {}
    return re.sub(r"[0-9a-f]{32}", lambda m: ids.setdefault(m.group(), f"id{len(ids)}"), html)


def test_encoded_data_renders_as_a_dict_and_is_encoded_once(monkeypatch):
    rendering.install()
    data = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"select": "NER", "name": "Niger <b>"},
         "geometry": {"type": "Point", "coordinates": [2.1, 13.5]}}]}

    def page(value) -> str:
        fmap = folium.Map(tiles=None)
        folium.GeoJson(value, style_function=lambda f: {"color": "#000"}).add_to(fmap)
        return normalised(fmap.get_root().render())

    encoded = rendering.Encoded(data)
    assert page(encoded) == page(data)
    assert "Niger \\u003cb\\u003e" in page(encoded)  # made safe for a script, as before
    calls = []
    monkeypatch.setattr(rendering.json, "dumps", lambda *a, **k: calls.append(a) or "{}")
    page(encoded)
    assert not [a for a in calls if a and a[0] is encoded]  # its text came from the cache


def test_weighing_encoded_data_makes_the_text_the_map_then_reuses(monkeypatch):
    rendering.install()
    encoded = rendering.Encoded({"type": "FeatureCollection", "features": []})
    assert rendering.encoded_size(encoded) == 2 * len(json.dumps(encoded, sort_keys=True))
    calls = []
    monkeypatch.setattr(rendering.json, "dumps", lambda *a, **k: calls.append(a) or "{}")
    fmap = folium.Map(tiles=None)
    folium.GeoJson(encoded).add_to(fmap)
    fmap.get_root().render()
    assert not [a for a in calls if a and a[0] is encoded]
