"""Adding articles from the page: files (several at once), pasted text, a feed or page URL.

Who sees what is added: by default the visitor alone, for their visit (a hosted page is shared
by everyone who opens its link); with SAHEL_DESK_ADD=shared the server puts it on the desk
for every visitor, as `python -m dashboard ingest` does. Duplicates (same text, same URL) are
said, never added twice.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import streamlit as st
import yaml
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ..core import documents, ingest
from ..core.documents import DocumentError
from ..core.ingest import readers
from ..core.models import Document
from ..core.store import content_hash, url_key
from . import data, deskstate, library, manners, state

MODE_ENV = "SAHEL_DESK_ADD"  # "shared": what a visitor adds goes on the desk for everyone
POPOVER = "add-popover"
UPLOADER = "add-files-box"  # session key: how many times the file box was emptied (its key)
REPORT = "add-report"  # session key: what the last addition did
FILE_TYPES = ["txt", "md", "html", "htm", "xml", "rss", "atom"]
MAX_FILES = 50  # files one addition reads


@dataclass
class Added:
    """What one addition did: slugs added, duplicates and unreadable inputs, one line each."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def shared() -> bool:
    """Tell whether what visitors add goes on the desk for everyone (else: for their visit)."""
    return os.environ.get(MODE_ENV, "").strip().lower() == "shared"


def add_box() -> None:
    """Offer to add articles: files, pasted text, or a feed or page URL.

    In a popover: mounted on the page, Streamlit's drop zone delays the map's drawing by about
    200 ms on every visit; in a closed popover it costs nothing. The popover closes once
    something was added, and stays open on what could not be.
    """
    with st.sidebar.popover("Add articles", use_container_width=True, key=POPOVER,
                            on_change="rerun"):
        st.caption("Added to the desk for every visitor." if shared() else
                   "Kept for your visit only: the desk on this server stays as it is.")
        files, pasted, link = st.tabs(["Files", "Paste", "Feed or page"])
        with files:
            key = f"add-files-{st.session_state.get(UPLOADER, 0)}"
            st.file_uploader("Text, Markdown, saved web pages or feeds",
                             type=FILE_TYPES, accept_multiple_files=True, key=key,
                             on_change=read_files, args=(key,))
        with pasted:
            paste_form()
        with link:
            st.text_input("The address of an RSS/Atom feed or an article page", key="add-url",
                          placeholder="https://…")
            st.button("Read it", key="add-url-go", on_click=read_url)
        show_report()


def paste_form() -> None:
    """Offer a form for an article's text and its title, source and date."""
    with st.form("add-paste", clear_on_submit=False, border=False):
        st.text_input("Title", key="paste-title")
        st.text_input("Source", key="paste-source")
        st.text_input("Date (YYYY-MM-DD)", key="paste-date")
        st.text_area("Text", key="paste-text", height=160)
        st.form_submit_button("Add this article", on_click=read_pasted)


def show_report() -> None:
    """Say what the last addition did, where the visitor is looking."""
    report: Added | None = st.session_state.get(REPORT)
    if report is None:
        return
    if report.added:
        st.success(f"Added {len(report.added)} article{'s' * (len(report.added) != 1)}.")
    for line in report.duplicates:
        st.info(line)
    for line in report.problems:
        st.error(line)


def read_files(key: str) -> None:
    """Read the files just chosen (a widget callback); then let them go (an empty box)."""
    files = st.session_state.get(key) or []
    if not files:
        return
    st.session_state[UPLOADER] = st.session_state.get(UPLOADER, 0) + 1
    with tempfile.TemporaryDirectory(prefix="sahel-add-") as folder:
        paths, report = [], Added()
        for file in files[:MAX_FILES]:
            path = Path(folder) / safe_name(file.name)
            path.write_bytes(file.getvalue())
            paths.append(str(path))
        release(files)
        if len(files) > MAX_FILES:
            report.problems.append(f"Only the first {MAX_FILES} files were read.")
        finish(add(paths, report, names={p: f.name for p, f in zip(paths, files, strict=False)}))


def release(files: list) -> None:
    """Let Streamlit drop uploaded files' bytes now they are read: it keeps them until their
    session ends, and a session whose visitor left is kept for minutes (its files longer)."""
    ctx = get_script_run_ctx()
    remove = getattr(ctx.uploaded_file_mgr, "remove_file", None) if ctx else None
    for file in files if remove else ():
        remove(session_id=ctx.session_id, file_id=file.file_id)


def read_pasted() -> None:
    """Read the pasted article (a form's callback)."""
    text = st.session_state.get("paste-text", "")
    title = st.session_state.get("paste-title", "").strip()
    day = st.session_state.get("paste-date", "").strip()
    report = Added()
    if not text.strip():
        report.problems.append("Pasted text: there is no text to add.")
    if day and deskstate.iso_day(day) is None:
        report.problems.append(f"Pasted text: the date “{day[:40]}” is not YYYY-MM-DD.")
    if report.problems:
        finish(report)
        return
    meta = {"title": title, "source": st.session_state.get("paste-source", "").strip(),
            "published": day}
    front = yaml.safe_dump({k: v for k, v in meta.items() if v}, allow_unicode=True)
    name = documents.slugify(title or "pasted") + ".md"
    with tempfile.TemporaryDirectory(prefix="sahel-add-") as folder:
        path = Path(folder) / name
        path.write_text(f"---\n{front}---\n{text.strip()}\n", encoding="utf-8")
        finish(add([str(path)], report, names={str(path): "Pasted text"}))


def read_url() -> None:
    """Read the feed or page at the URL given (a widget callback)."""
    url = st.session_state.get("add-url", "").strip()
    finish(add([url], Added()) if url else Added(problems=["Give the address to read."]))


def safe_name(name: str) -> str:
    """Return an uploaded file's name as a plain file name (no folder, no leading dot)."""
    return Path(name).name.lstrip(".") or "article.txt"


def add(inputs: list[str], report: Added, names: dict[str, str] | None = None) -> Added:
    """Add inputs to the desk (shared) or to the visit; return what happened."""
    names = names or {}
    if shared():
        done = ingest.ingest(data.desk().store, inputs)
        report.added += done.added
        report.duplicates += done.duplicates
        report.problems += [_named(line, names) for line in done.problems]
        return report
    return add_for_visit(inputs, report, names)


def add_for_visit(inputs: list[str], report: Added, names: dict[str, str]) -> Added:
    """Read inputs into this visitor's own articles, the desk's duplicates said."""
    hashes, urls = data.desk().store.known()
    found = readers.plan(inputs)
    report.problems += [_named(line, names) for line in found.problems]
    for job in found.jobs:
        try:
            docs, problems = readers.read(job)
        except DocumentError as error:
            report.problems.append(_named(str(error), names))
            continue
        report.problems += [_named(line, names) for line in problems]
        for doc in docs:
            keep_for_visit(doc, hashes, urls, report, names.get(job.target, doc.slug))
    return report


def keep_for_visit(doc: Document, hashes: frozenset[str], urls: frozenset[str], report: Added,
                   name: str) -> None:
    """Keep one article for this visit, unless the desk or the visit already has it."""
    own = library.uploads()
    if content_hash(doc) in hashes or (url_key(doc.url) or "") in urls:
        report.duplicates.append(f"{name}: already on the desk.")
        return
    if any(kept.content_hash == content_hash(doc) for kept in own.values()):
        report.duplicates.append(f"{name}: already added in this visit.")
        return
    slug = documents.unique_slug(f"upload-{doc.slug}", set(own) | set(report.added))
    library.keep_upload(replace(doc, slug=slug))
    report.added.append(slug)


def _named(line: str, names: dict[str, str]) -> str:
    """Return a message with a temporary file's path replaced by the name the visitor knows."""
    for path, name in names.items():
        line = line.replace(path, name)
    return line


def finish(report: Added) -> None:
    """Say what was added; show it (one article: its view; several: the desk)."""
    st.session_state[REPORT] = report
    if not report.added:
        return
    st.session_state[POPOVER] = False
    manners.ask_to_close_sidebar()
    if len(report.added) > 1 and shared():  # several on the desk: the desk shows them
        st.query_params.from_dict(deskstate.to_params(deskstate.DeskView()))
    else:  # the first one (a visitor's own are listed first in the article picker)
        st.query_params.from_dict(state.to_params(state.View(doc=report.added[0])))
