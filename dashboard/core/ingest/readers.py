"""What the user names (files, folders, URLs) → jobs, and one job → Documents."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .. import documents
from ..documents import DocumentError
from ..models import Document
from .fetch import check_url, is_url
from .web import feed_documents, page_document, url_documents

TEXT_SUFFIXES = documents.SUFFIXES  # .txt, .md (with front matter)
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES
LEFT_OUT = ("readme.md",)  # a folder's notes, not an article


@dataclass(frozen=True)
class Job:
    """One thing to read: a file (by suffix) or a URL."""

    kind: str  # "file", "url", or "stored" (a document from the desk, analysed again)
    target: str
    document: Document | None = None


@dataclass
class Plan:
    """The jobs the inputs give, and the inputs that give none."""

    jobs: list[Job] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # unreadable: `name: reason`
    skipped: list[str] = field(default_factory=list)  # left out on purpose: `name: reason`


def plan(inputs: list[str]) -> Plan:
    """Return the jobs for files, folders (recursively) and http(s) URLs."""
    found = Plan()
    for text in inputs:
        if is_url(text):
            try:
                check_url(text)
                found.jobs.append(Job("url", text))
            except DocumentError as error:
                found.problems.append(str(error))
            continue
        path = Path(text)
        if path.is_dir():
            walk(path, found)
        elif path.is_file():
            found.jobs.append(Job("file", str(path)))
        elif path.exists():
            found.problems.append(f"{path}: not a regular file or folder.")
        else:
            found.problems.append(f"{path}: no such file or folder.")
    return found


def walk(folder: Path, found: Plan) -> None:
    """Add the article files below a folder: regular files only, hidden ones and links that
    lead out of the folder left out, in name order."""
    root = folder.resolve()
    for here, folders, names in os.walk(folder, followlinks=False):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(names):
            path = Path(here) / name
            if name.startswith(".") or name.lower() in LEFT_OUT:
                continue
            if path.suffix.lower() not in SUFFIXES:
                found.skipped.append(f"{path}: not an article file ({path.suffix or 'no suffix'}).")
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                found.skipped.append(f"{path}: a link to outside the folder; not followed.")
                continue
            try:
                regular = stat.S_ISREG(path.stat().st_mode)
            except OSError:
                regular = False  # a broken link
            if regular:
                found.jobs.append(Job("file", str(path)))
            else:
                found.skipped.append(f"{path}: not a regular file.")


def read_bytes(path: Path) -> bytes:
    """Return a file's bytes, or raise DocumentError naming it."""
    try:
        if path.stat().st_size > documents.MAX_BYTES:
            raise DocumentError(f"{path}: too large ({path.stat().st_size:,} bytes; the limit is "
                                f"{documents.MAX_BYTES:,}).")
        return path.read_bytes()
    except OSError as error:
        raise DocumentError(f"{path}: cannot be read ({error.strerror}).") from None


def read(job: Job, fetch_links: bool = False) -> tuple[list[Document], list[str]]:
    """Return the Documents a job holds and one message per part left out; raise
    DocumentError when none of it can be read."""
    if job.kind == "url":
        return url_documents(job.target, fetch_links)
    path = Path(job.target)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return [documents.load(path)], []
    if suffix in HTML_SUFFIXES:
        return [page_document(str(path), read_bytes(path), str(path),
                              slug=documents.slugify(path.name))], []
    if suffix in FEED_SUFFIXES:
        return feed_documents(str(path), read_bytes(path), str(path), fetch_links)
    raise DocumentError(f"{path}: expected a {', '.join(SUFFIXES[:-1])} or {SUFFIXES[-1]} file.")


def preload(jobs: list[Job]) -> None:
    """Import the page and feed readers the jobs will need, so that forked workers share them
    instead of importing them each (trafilatura takes half a second)."""
    suffixes = {Path(job.target).suffix.lower() for job in jobs if job.kind == "file"}
    urls = any(job.kind == "url" for job in jobs)
    if urls or suffixes & set(HTML_SUFFIXES):
        import trafilatura  # noqa: F401
    if urls or suffixes & set(FEED_SUFFIXES):
        import feedparser  # noqa: F401
