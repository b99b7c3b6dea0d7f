"""Reading articles: passages and sentences with offsets, and clear errors for bad files."""

import pytest

from dashboard.core import documents
from dashboard.core.documents import DocumentError

ARTICLE = """Niger in Russia
Moscow says it is ready.

Russia and Niger agreed. Mr. Modi met Gen. Tiani in Niamey! Then talks ended.

A hard-wrapped paragraph goes on for a long while and does not end on this line
but continues here, lower-case, as wrapped text does.
"""


def test_passages_and_sentences_are_offsets_into_the_text():
    doc = documents.parse("a.txt", ARTICLE)
    texts = [doc.text[p.start:p.end] for p in doc.passages]
    assert texts[:2] == ["Niger in Russia", "Moscow says it is ready."]
    third = doc.passages[2]
    assert [doc.text[s.start:s.end] for s in third.sentences] == [
        "Russia and Niger agreed.", "Mr. Modi met Gen. Tiani in Niamey!", "Then talks ended."]
    assert texts[3].startswith("A hard-wrapped") and texts[3].endswith("wrapped text does.")
    assert [p.index for p in doc.passages] == [0, 1, 2, 3]


def test_title_defaults_to_a_headline_first_line():
    assert documents.parse("a.txt", ARTICLE).title == "Niger in Russia"


def test_markdown_front_matter_gives_metadata_and_offsets_stay_in_the_original():
    text = ("---\ntitle: Sahel talks\nsource: Example News\npublished: 2023-11-28\n---\n"
            "Body in Mali.\n")
    doc = documents.parse("b.md", text)
    assert (doc.title, doc.source, doc.published) == ("Sahel talks", "Example News", "2023-11-28")
    (passage,) = doc.passages
    assert doc.text[passage.start:passage.end] == "Body in Mali."


def test_seed_reads_with_its_headline_and_glued_credit(tmp_path):
    doc = documents.load("seeds/niger-russia-military-cooperation.txt")
    assert doc.slug == "niger-russia-military-cooperation"
    assert doc.title == "Niger in Russia"
    assert doc.text[doc.passages[1].start:].startswith("© Russian MoDRussia")


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"  \n\n", "empty"),
    ("binary.txt", b"\x89PNG\x00\x01", "binary"),
    ("latin1.txt", "Nigérien".encode("latin-1"), "not UTF-8"),
    ("front.md", b"---\ntitle: [unclosed\n---\nbody\n", "front matter"),
    ("only-front.md", b"---\ntitle: x\n---\n", "no text"),
    ("image.png", b"abc", ".txt or .md"),
])
def test_bad_uploads_give_a_clear_error_naming_the_file(name, data, message):
    with pytest.raises(DocumentError) as error:
        documents.from_upload(name, data)
    assert name in str(error.value) and message in str(error.value)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        documents.load(tmp_path / "nope.txt")


def test_a_bad_file_in_a_folder_does_not_hide_the_others(tmp_path):
    (tmp_path / "good.txt").write_text("Niger and Mali.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    docs, problems = documents.load_folder(tmp_path)
    assert [d.slug for d in docs] == ["good"]
    assert len(problems) == 1 and "bad.txt" in problems[0]
