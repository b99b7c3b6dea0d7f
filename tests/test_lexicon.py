"""Languages as data: the sentence splitter, the geoparser and the itinerary read the document's
lexicon, chosen by Document.language, and hard-code none."""

import re
from dataclasses import fields, replace

import pytest

from dashboard.core import documents, lexicon
from dashboard.core.geoparse import default_gazetteer, find_mentions
from dashboard.core.geoparse.context import SUFFIX_WINDOW
from dashboard.core.itinerary import extract_journeys
from dashboard.core.lexicon import en, lexicon_for

NEVER = re.compile(r"(?!)")  # a pattern that matches nothing


@pytest.mark.parametrize("language", ["en", "EN", "en-GB", "en_US", "", "zz", "xx-YY"])
def test_english_and_every_language_without_a_lexicon_get_the_english_one(language):
    assert lexicon_for(language) is en.LEXICON


def test_a_language_is_its_lexicon_module():
    assert "en" in lexicon.LEXICONS
    for name, words in lexicon.LEXICONS.items():
        assert words.language == name
        assert all(getattr(words, f.name) is not None for f in fields(words))
        assert all(len(suffix) <= SUFFIX_WINDOW for suffix in words.language_suffixes)


@pytest.fixture
def other_language(monkeypatch):
    """Register 'xx': English, but with no sentence abbreviations, features or movement words."""
    words = replace(en.LEXICON, language="xx", sentence_abbreviation=NEVER,
                    features_before=frozenset(), movement=NEVER)
    monkeypatch.setitem(lexicon.LEXICONS, "xx", words)
    return words


def article(language: str, body: str) -> documents.Document:
    """Return an article whose front matter names its language."""
    return documents.parse("a.md", f"---\nlanguage: {language}\n---\n{body}\n")


def test_the_sentence_splitter_reads_the_documents_lexicon(other_language):
    body = "Mr. Tiani met Gen. Modi in Niamey. Talks ended."
    count = {lang: len(article(lang, body).passages[0].sentences) for lang in ("en", "xx")}
    assert count == {"en": 2, "xx": 4}


def test_the_geoparser_reads_the_documents_lexicon(other_language):
    body = "Fishermen on Lake Malawi."
    found = {lang: [m.text for m in find_mentions(article(lang, body), default_gazetteer())]
             for lang in ("en", "xx")}
    assert found == {"en": [], "xx": ["Malawi"]}


def test_the_itinerary_reads_the_documents_lexicon(other_language):
    body = "The delegation flew to Moscow and then to Beijing."
    gaz = default_gazetteer()
    trips = {}
    for lang in ("en", "xx"):
        doc = article(lang, body)
        trips[lang] = len(extract_journeys(doc, find_mentions(doc, gaz), gaz))
    assert trips == {"en": 1, "xx": 0}
