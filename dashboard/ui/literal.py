"""Rendered text stays text: branca (under folium) hands every piece a layer renders (its
script, with the layer's GeoJSON data) to a new Element, which compiles it as a Jinja template
before writing it out unchanged. For a map of many countries that compile was a fifth of a
click's server time; text that holds no template delimiter is now kept as the text Jinja would
have written, and any other text is compiled as before.
"""

from __future__ import annotations

import re
from typing import Any

import branca.element
from jinja2 import Template

DELIMITERS = ("{{", "{%", "{#")  # Jinja's defaults, the ones branca's templates use
NEWLINE = re.compile(r"\r\n|\r|\n")


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


def install() -> None:
    """Make branca's elements build their templates through template()."""
    branca.element.Template = template  # type: ignore[assignment]
