"""What the reading pane shows: the passages that count for a place, cut into highlights."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .models import Document, Mention, Passage


@dataclass(frozen=True)
class Segment:
    """A run of passage text, and the mention it is (None for plain text)."""

    text: str
    mention: Mention | None
    selected: bool = False


@dataclass(frozen=True)
class Entry:
    """A place in the list of everything the article mentions."""

    key: str
    name: str
    kind: str
    mentions: int


PAGE_SIZE = 100  # passages the pane shows at once: a long report stays readable and quick


def page(total: int, first: int | None, size: int = PAGE_SIZE) -> range:
    """Return the positions of the page of `size` items that holds position `first`."""
    last_page = max(total - 1, 0) // size * size
    start = min((first or 0) // size * size, last_page)
    return range(start, min(start + size, total))


def position(found: list[tuple[Passage, list[Mention]]], passage: int | None) -> int:
    """Return where in a list of passages the passage numbered `passage` is, or would be."""
    if passage is None:
        return 0
    return bisect_left(found, passage, key=lambda item: item[0].index)


def counts_for(mention: Mention, key: str) -> bool:
    """Tell whether a mention counts for a place key (country ISO3, city, grouping, region)."""
    return mention.place == key or mention.country == key


def passages_for(doc: Document, mentions: list[Mention], key: str) -> list[tuple[Passage,
                                                                                list[Mention]]]:
    """Return, in document order, the passages with a mention counting for key, and those."""
    found: dict[int, list[Mention]] = {}
    for mention in mentions:
        if counts_for(mention, key):
            passage = doc.passage_at(mention.start)
            if passage is not None:
                found.setdefault(passage.index, []).append(mention)
    return [(doc.passages[i], found[i]) for i in sorted(found)]


def member_passages(doc: Document, mentions: list[Mention], key: str,
                    members: list[str]) -> list[tuple[Passage, list[Mention]]]:
    """Return the passages that name a bloc's members but not the bloc itself."""
    naming_bloc = {p.index for p, _ in passages_for(doc, mentions, key)}
    found: dict[int, list[Mention]] = {}
    for mention in mentions:
        if mention.country in members:
            passage = doc.passage_at(mention.start)
            if passage is not None and passage.index not in naming_bloc:
                found.setdefault(passage.index, []).append(mention)
    return [(doc.passages[i], found[i]) for i in sorted(found)]


def segments(doc: Document, start: int, end: int, mentions: list[Mention],
             selected: set[int] = frozenset()) -> list[Segment]:
    """Cut text[start:end] into plain runs and mentions (mentions marked selected by start)."""
    return cut_text(doc.text, start, end, mentions, selected)


def cut_text(text: str, start: int, end: int, mentions: list[Mention],
             selected: set[int] = frozenset(), offset: int = 0) -> list[Segment]:
    """Cut text[start:end] into plain runs and mentions; the mentions' offsets are offset
    ahead of the text's (a passage's text cut from its article)."""
    inside = sorted((m for m in mentions
                     if start <= m.start - offset and m.end - offset <= end),
                    key=lambda m: m.start)
    cut, at = [], start
    for mention in inside:
        here, there = mention.start - offset, mention.end - offset
        if here < at:
            continue
        if here > at:
            cut.append(Segment(text[at:here], None))
        cut.append(Segment(text[here:there], mention, mention.start in selected))
        at = there
    if at < end:
        cut.append(Segment(text[at:end], None))
    return cut


def place_list(mentions: list[Mention], gaz: Gazetteer) -> list[Entry]:
    """Return every country, grouping and region the article mentions, most-mentioned first."""
    counts = Counter(m.country or m.place for m in mentions)
    entries = [Entry(key, gaz.place(key).name, gaz.place(key).kind, n)
               for key, n in counts.items() if key in gaz.places]
    return sorted(entries, key=lambda e: (-e.mentions, e.name))
