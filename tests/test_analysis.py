"""The one pipeline: analyse() bounds the work one very long document costs, and says so."""

from dashboard.core import analysis, documents
from dashboard.core.analysis import analyse, bounded


def test_a_short_article_is_read_whole_and_says_nothing():
    doc = documents.parse("a.txt", "Talks\n\nNiger and Mali met in Niamey.\n")
    assert bounded(doc) is doc and analyse(doc).note == ""


def test_a_very_long_paragraph_is_read_up_to_the_limit_and_says_so(monkeypatch):
    monkeypatch.setattr(analysis, "READ_CHARACTERS", 2_000)
    doc = documents.parse("long.txt", "Report\n\n" + "Niger and Mali met. " * 500)
    read = bounded(doc)
    last = read.passages[-1]
    assert last.end == 2_000 and all(s.end <= 2_000 for s in last.sentences)
    found = analyse(doc)
    assert found.mentions and max(m.end for m in found.mentions) <= 2_000
    assert found.note.startswith("This article is long (10,008 characters)")


def test_the_mentions_kept_are_bounded(monkeypatch):
    monkeypatch.setattr(analysis, "MAX_MENTIONS", 10)
    found = analyse(documents.parse("many.txt", "Many\n\n" + "Niger and Mali. " * 40))
    assert len(found.mentions) == 10 and "first 10 are shown" in found.note
