"""What the reading pane lists: passages for a place, mentions within a span, pages."""

import pytest

from dashboard.core import documents, reading
from dashboard.core.geoparse import default_gazetteer, find_mentions
from dashboard.core.models import within


@pytest.mark.parametrize("total, first, expected", [
    (0, None, range(0, 0)),
    (42, None, range(0, 42)),
    (250, None, range(0, 100)),
    (250, 99, range(0, 100)),
    (250, 100, range(100, 200)),
    (250, 249, range(200, 250)),
    (250, 999, range(200, 250)),  # past the end: the last page
    (200, 200, range(100, 200)),
])
def test_pages_of_a_hundred(total, first, expected):
    assert reading.page(total, first) == expected


def test_passages_for_a_place_and_mentions_within_a_span():
    text = "Niger and Mali met.\n\nNothing here.\n\nNiamey hosted Chad; Nigerien officials came."
    doc = documents.parse("t", text)
    mentions = find_mentions(doc, default_gazetteer())
    found = reading.passages_for(doc, mentions, "NER")
    assert [p.index for p, _ in found] == [0, 2]
    assert [m.text for m in found[1][1]] == ["Niamey", "Nigerien"]
    assert reading.position(found, 1) == 1 and reading.position(found, None) == 0
    third = doc.passages[2]
    assert [m.text for m in within(mentions, third.start, third.end)] == [
        "Niamey", "Chad", "Nigerien"]
    assert within(mentions, doc.passages[1].start, doc.passages[1].end) == []
    assert doc.passage_at(third.start + 3) == third and doc.passage_at(len(text) + 5) is None
