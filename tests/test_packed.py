"""What a visitor's session keeps of an article they added: packed small, unpacked exactly."""

from __future__ import annotations

from pathlib import Path

from dashboard.core import documents
from dashboard.core.store import content_hash
from dashboard.core.store.packed import pack, unpack

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = [ROOT / "seeds" / "niger-russia-military-cooperation.txt",
            *sorted((ROOT / "tests" / "corpora" / "fr").glob("*.md"))[:3]]


def test_a_packed_article_unpacks_to_the_same_document():
    for path in ARTICLES:
        doc = documents.load(path)
        packed = pack(doc)
        assert unpack(packed) == doc, path.name
        assert (packed.slug, packed.title, packed.content_hash) == (
            doc.slug, doc.title, content_hash(doc))


def test_a_long_article_packs_to_little_more_than_half_its_text():
    corpus = sorted((ROOT / "tests" / "corpora").glob("[ef][nr]/*.*"))
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in corpus)
    doc = documents.parse("long.md", text)
    assert len(doc.passages) > 100
    assert pack(doc).size < 0.6 * len(text.encode())
