"""Text from the web made into Documents: HTML fragments to paragraphs, titles to slugs, and
metadata to the Document's fields (documents.parse does the splitting)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from html.parser import HTMLParser

from .. import documents
from ..models import Document

BLOCKS = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote tr table section article "
                   "header footer pre figure figcaption hr".split())
SKIPPED = frozenset("script style noscript template".split())
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACE = re.compile(r"\s+")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?=$|[-_])")
SLUG_LENGTH = 60


class _TextParser(HTMLParser):
    """Collects an HTML fragment's text, with a paragraph break at each block element."""

    def __init__(self) -> None:
        """Start with no text."""
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        """Break the text at a block, or start skipping a script."""
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        """Break the text after a block, or stop skipping a script."""
        if tag in SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        """Keep the text outside scripts and styles."""
        if not self.skipping:
            self.parts.append(data)


def paragraphs(text: str) -> str:
    """Return text as paragraphs separated by one blank line, spaces collapsed inside each."""
    found = (_SPACE.sub(" ", part).strip() for part in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(part for part in found if part)


def fragment_text(markup: str) -> str:
    """Return the text of an HTML fragment (a feed's summary or content) as paragraphs."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    return paragraphs("".join(parser.parts))


def lines_to_paragraphs(text: str) -> str:
    """Return text whose lines are paragraphs (trafilatura's output) with blank lines between."""
    return paragraphs(text.replace("\n", "\n\n"))


def title_slug(title: str, fallback: str = "article") -> str:
    """Return a short URL-safe slug for a title ("Tillabéri: attack" → "tillaberi-attack")."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > SLUG_LENGTH:
        slug = slug[:SLUG_LENGTH].rsplit("-", 1)[0]
    return slug or fallback


def language_code(value: str | None) -> str:
    """Return a language tag's primary subtag, lower-case ("en-US" → "en"); "" if none."""
    match = _LANGUAGE.match((value or "").strip())
    return match.group().lower() if match else ""


def text_document(name: str, slug: str, text: str, path: str, **meta: str | None) -> Document:
    """Return a Document of extracted text (paragraphs) with the metadata that is known."""
    if not text.strip():
        raise documents.DocumentError(f"{name}: no article text.")
    doc = documents.parse(f"{slug}.txt", text, path)
    known = {key: value.strip() for key, value in meta.items() if value and value.strip()}
    return replace(doc, **known)
