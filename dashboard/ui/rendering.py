"""Drawing a map again costs less: two changes to how folium writes a map out, both made once.

- Rendered text stays text: branca (under folium) hands every piece a layer renders (its script,
  with the layer's GeoJSON data) to a new Element, which compiles it as a Jinja template before
  writing it out unchanged. For a map of many countries that compile was a fifth of a click's
  server time; text that holds no template delimiter is now kept as the text Jinja would have
  written, and any other text is compiled as before.
- Data encoded once: streamlit-folium writes the whole map out on every rerun, and folium
  encodes each layer's GeoJSON again each time. Data given as Encoded (a dict that is never
  changed once made) is encoded the first time and its text reused.
"""

from __future__ import annotations

import json
import re
from typing import Any

import branca.element
import folium.template
from jinja2 import Template

DELIMITERS = ("{{", "{%", "{#")  # Jinja's defaults, the ones branca's templates use
NEWLINE = re.compile(r"\r\n|\r|\n")
# The one environment every folium template is compiled in (jinja shares it between them).
FOLIUM = folium.template.Template("").environment


class Literal:
    """A template of plain text: renders it as Jinja renders text without delimiters."""

    def __init__(self, source: str) -> None:
        text = NEWLINE.sub("\n", source)  # Jinja writes every line ending as '\n' …
        self.text = text[:-1] if text.endswith("\n") else text  # … and drops the last one

    def render(self, *args: Any, **kwargs: Any) -> str:
        """Return the text (the arguments a template would read are not needed)."""
        return self.text


def template(source: Any, *args: Any, **kwargs: Any) -> Template | Literal:
    """Return a Literal for plain text, else the Jinja template branca would have made."""
    if isinstance(source, str) and not args and not kwargs and \
            not any(mark in source for mark in DELIMITERS):
        return Literal(source)
    return Template(source, *args, **kwargs)


class Encoded(dict):
    """GeoJSON (or any JSON object) that is not changed once made: encoded once, when a map is
    first written out."""

    def encode(self, **options: Any) -> str:
        """Return the JSON text of this object (made the first time, for these options)."""
        key = tuple(sorted(options.items()))
        cache = self.__dict__.setdefault("_texts", {})
        if key not in cache:
            cache[key] = json.dumps(self, **options)
        return cache[key]


def encoded_size(value: Encoded) -> int:
    """Return about how many bytes an Encoded value holds: its text, made now with the options
    folium's templates will ask for (so it is made once), twice over for the objects."""
    return 2 * len(value.encode(**FOLIUM.policies["json.dumps_kwargs"]))


def dumps(value: Any, **options: Any) -> str:
    """Encode a value as JSON for folium's templates (Encoded values from their cache)."""
    if isinstance(value, Encoded):
        return value.encode(**options)
    return json.dumps(value, **options)


def install() -> None:
    """Make branca's elements build their templates through template(), and folium's templates
    encode JSON through dumps()."""
    branca.element.Template = template  # type: ignore[assignment]
    FOLIUM.policies["json.dumps_function"] = dumps
