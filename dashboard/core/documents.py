"""Read articles (.txt, or .md with YAML front matter) into Documents with offsets."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import yaml

from .language import detect
from .lexicon import Lexicon, lexicon_for
from .models import Document, Passage, Sentence

SUFFIXES = (".txt", ".md")
MAX_BYTES = 5_000_000
META_FIELDS = ("title", "source", "url", "published", "language")
MAX_FRONT_MATTER = 20_000  # characters of YAML between the --- lines
MAX_FIELD = 2_000  # characters of one metadata field
# libyaml's loader where PyYAML has it: ten times faster than the pure-Python one, which
# took a quarter of the time to ingest an article with front matter. It is given only plain
# "key: value" lines: no anchor or alias (& *), no flow collection ([ {), which the
# pure-Python loader below reads, refusing aliases and nesting too deep.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NOT_PLAIN = re.compile(r"[&*\[{]")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_BLOCK = re.compile(r"[^\n]+(?:\n[ \t]*[^\s\n][^\n]*)*")
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-Ý])")


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


class _PlainLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases: "&a" and "*a" can multiply a few hundred bytes
    into gigabytes ("billion laughs"), and no article's metadata needs them."""

    def compose_node(self, parent, index):  # PyYAML's signature
        """Compose a node, refusing an alias."""
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed",
                                              event.start_mark)
        return super().compose_node(parent, index)


def split_front_matter(name: str, text: str) -> tuple[dict[str, str], int]:
    """Return the front matter's fields and the offset where the body starts."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    if len(match.group(1)) > MAX_FRONT_MATTER:
        raise DocumentError(f"{name}: the front matter is too long (over "
                            f"{MAX_FRONT_MATTER:,} characters).")
    meta = _load_yaml(name, match.group(1))
    if not isinstance(meta, dict):
        raise DocumentError(f"{name}: the front matter must be 'key: value' lines.")
    return {key: _field(name, key, meta[key]) for key in META_FIELDS
            if meta.get(key) is not None}, match.end()


def _load_yaml(name: str, text: str) -> object:
    """Return the front matter's YAML, or raise DocumentError saying what is wrong with it."""
    loader = _PlainLoader if _NOT_PLAIN.search(text) else _FAST_LOADER
    try:
        return yaml.load(text, Loader=loader) or {}  # safe loaders, the first less aliases
    except yaml.YAMLError as error:
        raise DocumentError(f"{name}: the front matter is not valid YAML "
                            f"({_yaml_problem(error)}).") from None
    except RecursionError:
        raise DocumentError(f"{name}: the front matter is nested too deeply.") from None


def _yaml_problem(error: yaml.YAMLError) -> str:
    """Return what is wrong with some YAML, on one line, with where (line and column)."""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    mark = getattr(error, "problem_mark", None)
    where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    return f"{problem}{where}"


def _field(name: str, key: str, value: object) -> str:
    """Return a metadata field as text: a single value (a date or number is written out)."""
    if isinstance(value, dict | list | tuple | set):
        raise DocumentError(f"{name}: the front matter's {key!r} must be one value, "
                            f"not a list or a mapping.")
    text = str(value).strip()
    if len(text) > MAX_FIELD:
        raise DocumentError(f"{name}: the front matter's {key!r} is too long "
                            f"({len(text):,} characters; at most {MAX_FIELD:,}).")
    return text


def split_sentences(text: str, start: int, end: int, lexicon: Lexicon) -> tuple[Sentence, ...]:
    """Split text[start:end] into sentences, as offsets into text."""
    sentences = []
    begin = start
    abbreviation = lexicon.sentence_abbreviation
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        if abbreviation.search(text, begin, match.start() + 1):
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


def split_passages(text: str, start: int, lexicon: Lexicon) -> tuple[Passage, ...]:
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
            sentences = split_sentences(text, begin, stop, lexicon)
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
    """Return the Document for an article's text, in the language its front matter names, else
    the one its text is detected to be in."""
    meta, body = split_front_matter(name, text)
    meta["language"] = meta.get("language") or detect(text[body:])
    passages = split_passages(text, body, lexicon_for(meta["language"]))
    if not passages:
        raise DocumentError(f"{name}: there is no text after the front matter.")
    slug = slugify(name)
    meta.setdefault("title", _default_title(text, passages, slug))
    return Document(slug=slug, text=text, passages=passages, path=path, **meta)


def load(path: str | Path, shown: str | None = None) -> Document:
    """Read one article file, or raise DocumentError naming the file (as shown, if given)."""
    path = Path(path)
    shown = shown or str(path)
    if not path.exists():
        raise DocumentError(f"{shown}: no such file.")
    if not path.is_file():
        raise DocumentError(f"{shown}: not a file.")
    if path.suffix.lower() not in SUFFIXES:
        raise DocumentError(f"{shown}: expected a .txt or .md file.")
    return parse(path.name, decode(shown, read_limited(path, shown)), str(path))


def read_limited(path: Path, shown: str, limit: int = MAX_BYTES) -> bytes:
    """Return a file's bytes, refusing one over limit before reading it (and while reading:
    a file may grow, or say it is smaller than it is)."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise DocumentError(f"{shown}: too large ({size:,} bytes; the limit is {limit:,}).")
        with path.open("rb") as file:
            data = file.read(limit + 1)
    except OSError as error:
        raise DocumentError(f"{shown}: cannot be read ({error.strerror}).") from None
    if len(data) > limit:
        raise DocumentError(f"{shown}: too large (over {limit:,} bytes).")
    return data


def from_upload(name: str, data: bytes) -> Document:
    """Read an uploaded article, or raise DocumentError naming it."""
    if Path(name).suffix.lower() not in SUFFIXES:
        raise DocumentError(f"{name}: expected a .txt or .md file.")
    return parse(name, decode(name, data))


def article_files(folder: str | Path) -> tuple[list[Path], list[str]]:
    """Return a folder's article files (regular files only: a link could publish any file of
    the server) and one message per file left out, naming the file, not the folder's path."""
    files, problems = [], []
    for path in sorted(Path(folder).iterdir()):
        if path.suffix.lower() not in SUFFIXES or path.name.lower() == "readme.md":
            continue
        if path.is_symlink() or not path.is_file():
            problems.append(f"{path.name}: left out, not a regular file (a link or a folder).")
            continue
        files.append(path)
    return files, problems


def load_folder(folder: str | Path) -> tuple[list[Document], list[str]]:
    """Read every article in a folder; return the documents (each with its own slug) and one
    message per bad file."""
    files, problems = article_files(folder)
    documents: list[Document] = []
    taken: set[str] = set()
    for path in files:
        try:
            doc = load(path, shown=path.name)
        except DocumentError as error:
            problems.append(str(error))
            continue
        slug = unique_slug(doc.slug, taken)
        taken.add(slug)
        documents.append(doc if slug == doc.slug else replace(doc, slug=slug))
    return documents, problems


def unique_slug(slug: str, taken: set[str]) -> str:
    """Return slug, or slug-2, slug-3 … : the first that is not taken."""
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate
