"""Read articles (.txt, or .md with YAML front matter) into Documents with offsets."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .models import Document, Passage, Sentence

SUFFIXES = (".txt", ".md")
MAX_BYTES = 5_000_000
META_FIELDS = ("title", "source", "url", "published", "language")
# libyaml's loader where PyYAML has it: ten times faster than the pure-Python one, which
# took a quarter of the time to ingest an article with front matter.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_BLOCK = re.compile(r"[^\n]+(?:\n[ \t]*[^\s\n][^\n]*)*")
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Capt|Sgt|Maj|Adm|Gov|Sen|Rep|Rev|St|Jr|Sr|No|Vol|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|vs|etc|approx)"
    r"|\b[A-Z](?:\.[A-Z])*)\.$"
)


class DocumentError(ValueError):
    """A file or upload that cannot be read as an article; the message names it."""


def slugify(name: str) -> str:
    """Return a URL-safe slug for a file name."""
    stem = Path(name).stem.lower()
    slug = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")
    return slug or "document"


def decode(name: str, data: bytes) -> str:
    """Return the text of a file's bytes, or raise DocumentError saying what is wrong."""
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{name}: too large ({len(data):,} bytes; the limit is {MAX_BYTES:,}).")
    if b"\x00" in data:
        raise DocumentError(f"{name}: looks like a binary file, not text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(
            f"{name}: not UTF-8 text (bad byte at position {error.start})."
        ) from None
    if not text.strip():
        raise DocumentError(f"{name}: the file is empty.")
    return text


def split_front_matter(name: str, text: str) -> tuple[dict[str, str], int]:
    """Return the front matter's fields and the offset where the body starts."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        meta = yaml.load(match.group(1), Loader=_YAML_LOADER) or {}  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        reason = " ".join(str(error).split())  # one line: libyaml's messages span several
        raise DocumentError(f"{name}: the front matter is not valid YAML ({reason}).") from None
    if not isinstance(meta, dict):
        raise DocumentError(f"{name}: the front matter must be 'key: value' lines.")
    fields = {key: str(meta[key]).strip() for key in META_FIELDS if meta.get(key) is not None}
    return fields, match.end()


def split_sentences(text: str, start: int, end: int) -> tuple[Sentence, ...]:
    """Split text[start:end] into sentences, as offsets into text."""
    sentences = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        if _ABBREVIATION.search(text, begin, match.start() + 1):
            continue
        sentences.append(Sentence(begin, stop))
        begin = _skip_space(text, stop, end)
    if begin < end:
        sentences.append(Sentence(begin, end))
    return tuple(sentences)


def _skip_space(text: str, offset: int, end: int) -> int:
    """Return the first offset at or after offset that is not white space."""
    while offset < end and text[offset].isspace():
        offset += 1
    return offset


def _is_wrapped(line: str, following: str) -> bool:
    """Tell whether a line break is a hard wrap inside a paragraph, not a paragraph end."""
    return len(line) >= 60 and line[-1] not in ".!?:\"”" and following[:1].islower()


def split_passages(text: str, start: int = 0) -> tuple[Passage, ...]:
    """Split text (from offset start) into paragraphs: blank lines or unwrapped lines end them."""
    spans: list[tuple[int, int]] = []
    for block in _BLOCK.finditer(text, start):
        lines = list(_LINE.finditer(text, block.start(), block.end()))
        begin = lines[0].start()
        for line, following in zip(lines, lines[1:] + [None], strict=True):
            wrapped = following and _is_wrapped(line.group().strip(), following.group().strip())
            if not wrapped:
                spans.append((begin, line.end()))
                begin = following.start() if following else line.end()
    passages = []
    for begin, stop in spans:
        begin = _skip_space(text, begin, stop)
        while stop > begin and text[stop - 1].isspace():
            stop -= 1
        if begin < stop:
            sentences = split_sentences(text, begin, stop)
            passages.append(Passage(len(passages), begin, stop, sentences))
    return tuple(passages)


def _default_title(text: str, passages: tuple[Passage, ...], slug: str) -> str:
    """Return the first passage when it reads as a headline, else the slug."""
    if passages:
        first = text[passages[0].start : passages[0].end]
        if len(first) <= 140 and first[-1] not in ".!?":
            return first
    return slug


def parse(name: str, text: str, path: str = "") -> Document:
    """Return the Document for an article's text."""
    meta, body = split_front_matter(name, text)
    passages = split_passages(text, body)
    if not passages:
        raise DocumentError(f"{name}: there is no text after the front matter.")
    slug = slugify(name)
    meta.setdefault("title", _default_title(text, passages, slug))
    return Document(slug=slug, text=text, passages=passages, path=path, **meta)


def load(path: str | Path) -> Document:
    """Read one article file, or raise DocumentError naming the file."""
    path = Path(path)
    if not path.exists():
        raise DocumentError(f"{path}: no such file.")
    if not path.is_file():
        raise DocumentError(f"{path}: not a file.")
    if path.suffix.lower() not in SUFFIXES:
        raise DocumentError(f"{path}: expected a .txt or .md file.")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(f"{path}: cannot be read ({error.strerror}).") from None
    return parse(path.name, decode(str(path), data), str(path))


def from_upload(name: str, data: bytes) -> Document:
    """Read an uploaded article, or raise DocumentError naming it."""
    if Path(name).suffix.lower() not in SUFFIXES:
        raise DocumentError(f"{name}: expected a .txt or .md file.")
    return parse(name, decode(name, data))


def load_folder(folder: str | Path) -> tuple[list[Document], list[str]]:
    """Read every article in a folder; return the documents and one message per bad file."""
    documents, problems = [], []
    for path in sorted(Path(folder).iterdir()):
        if path.suffix.lower() not in SUFFIXES or path.name.lower() == "readme.md":
            continue
        try:
            documents.append(load(path))
        except DocumentError as error:
            problems.append(str(error))
    return documents, problems
