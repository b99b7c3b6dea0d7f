"""A document held compactly: its text and passages compressed, its metadata plain. What a
visitor's session keeps of an article they added; the Document is rebuilt when it is shown."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, fields, replace

from ..models import Document
from .rows import content_hash, passage_from, sentence_pairs

LEVEL = 1  # zlib's fastest: news text packs to about half, a 4.9 MB article in 0.2 s
META = tuple(f.name for f in fields(Document) if f.name not in ("slug", "text", "passages"))


@dataclass(frozen=True)
class Packed:
    """A document's metadata, its content's digest, and its text and passages compressed."""

    slug: str
    title: str
    content_hash: str
    data: bytes

    @property
    def size(self) -> int:
        """Return the bytes the packed text and passages take."""
        return len(self.data)


def pack(doc: Document) -> Packed:
    """Return a document packed: zlib-compressed JSON of its text, passages and metadata."""
    body = {"text": doc.text, "meta": {name: getattr(doc, name) for name in META},
            "passages": [(p.index, p.start, p.end, sentence_pairs(p)) for p in doc.passages]}
    data = zlib.compress(json.dumps(body, ensure_ascii=False).encode(), LEVEL)
    return Packed(doc.slug, doc.title, content_hash(doc), data)


def unpack(packed: Packed) -> Document:
    """Return the document a Packed holds, exactly as it was packed."""
    body = json.loads(zlib.decompress(packed.data))
    passages = tuple(passage_from(row) for row in body["passages"])
    return replace(Document(packed.slug, body["text"], passages), **body["meta"])
