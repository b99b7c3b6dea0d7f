"""Reading articles: passages and sentences with offsets, and clear errors for bad files."""

import tracemalloc

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


LAUGHS = ("---\na: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n"
          + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n"
                    for i in range(8))
          + "title: *i\n---\nNiger.\n")


@pytest.mark.parametrize("front, message", [
    (LAUGHS[4:LAUGHS.index("---", 4)], "aliases"),  # "billion laughs": refused, not expanded
    ("base: &b {x: 1}\ntitle: *b\n", "aliases"),
    ("title: " + "[" * 1200 + "]" * 1200 + "\n", "nested too deeply"),
    ("title: [a, b]\n", "'title' must be one value"),
    ("source: {name: x}\n", "'source' must be one value"),
    ("title: " + "x" * 3000 + "\n", "'title' is too long"),
    ("title: x\nnotes: " + "y" * 30_000 + "\n", "front matter is too long"),
    ("!!python/object/apply:os.system ['true']\n", "not valid YAML"),
])
def test_hostile_front_matter_is_refused_quickly_with_a_reason(front, message):
    with pytest.raises(DocumentError) as error:
        documents.from_upload("hostile.md", f"---\n{front}---\nNiger.\n".encode())
    assert "hostile.md" in str(error.value) and message in str(error.value)


def test_dates_and_numbers_in_front_matter_are_read_as_text():
    doc = documents.parse("d.md", "---\npublished: 2023-11-28\ntitle: 1984\n---\nBody.\n")
    assert (doc.published, doc.title) == ("2023-11-28", "1984")


def test_a_link_in_the_folder_is_left_out_and_named(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "real.txt").write_text("Niger and Mali.", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("the server's secret", encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    docs, problems = documents.load_folder(folder)
    assert [d.slug for d in docs] == ["real"]
    assert problems == ["passwd.txt: left out, not a regular file (a link or a folder)."]
    assert str(tmp_path) not in " ".join(problems)


def test_files_whose_names_give_one_slug_get_distinct_slugs(tmp_path):
    (tmp_path / "Same Name.md").write_text("Niger.", encoding="utf-8")
    (tmp_path / "same-name.txt").write_text("Mali.", encoding="utf-8")
    docs, problems = documents.load_folder(tmp_path)
    assert sorted(d.slug for d in docs) == ["same-name", "same-name-2"] and problems == []


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as file:  # sparse: 2 GB on paper, nothing on disk
        file.truncate(2_000_000_000)
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError, match="too large"):
            documents.load(huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10_000_000


def test_a_bad_file_in_a_folder_is_named_without_the_servers_path(tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: [a\n---\nx\n", encoding="utf-8")
    _, problems = documents.load_folder(tmp_path)
    assert problems[0].startswith("bad.md:") and str(tmp_path) not in problems[0]
