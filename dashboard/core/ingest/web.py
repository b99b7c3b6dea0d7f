"""Pages and feeds into Documents: HTML through trafilatura (main text, title, date, site,
language, canonical URL), RSS/Atom through feedparser (each entry an article)."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

from ..documents import MAX_BYTES, DocumentError
from ..models import Document
from . import fetch as web_fetch
from .texts import fragment_text, language_code, lines_to_paragraphs, text_document, title_slug

MIN_TEXT = 40  # characters: less than this from a page is navigation, not an article
_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z][A-Za-z_-]*)", re.I)
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def check_bytes(name: str, data: bytes) -> None:
    """Raise DocumentError for an empty, binary or too large page or feed."""
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{name}: too large ({len(data):,} bytes; the limit is {MAX_BYTES:,}).")
    if b"\x00" in data[:MAX_BYTES]:
        raise DocumentError(f"{name}: looks like a binary file, not a page or a feed.")
    if not data.strip():
        raise DocumentError(f"{name}: the file is empty.")


def _slug_of(title: str, url: str, fallback: str) -> str:
    """Return a slug from a title, else the URL's last path segment, else the fallback."""
    segment = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return title_slug(title or segment.replace("-", " "), fallback)


def page_document(name: str, data: bytes, path: str, url: str = "", slug: str = "",
                  fallback: dict | None = None) -> Document:
    """Return the article of a saved or fetched HTML page (fallback: metadata it may lack)."""
    import trafilatura  # 0.5 s to import: only when a page is read

    check_bytes(name, data)
    found = trafilatura.bare_extraction(
        data, url=url or None, with_metadata=True, include_comments=False,
        date_extraction_params=DATE_PARAMS)
    text = lines_to_paragraphs(found.text or "") if found is not None else ""
    if len(text) < MIN_TEXT:
        raise DocumentError(f"{name}: no article text found in the page.")
    fallback = fallback or {}
    lang = _HTML_LANG.search(data[:4096])
    title = found.title or fallback.get("title", "")
    page_url = found.url or url
    return text_document(
        name, slug or _slug_of(title, page_url, "page"), text, path, title=title,
        source=found.sitename or fallback.get("source") or found.hostname, url=page_url,
        published=found.date or fallback.get("published"),
        language=language_code(lang.group(1).decode() if lang else "")
        or fallback.get("language"))


def _entry_text(entry: dict) -> str:
    """Return an entry's longest content, else its summary, as plain paragraphs."""
    contents = [c.get("value", "") for c in entry.get("content", ())]
    markup = max(contents, key=len) if contents and max(map(len, contents)) else ""
    return fragment_text(markup or entry.get("summary", ""))


def _entry_date(entry: dict) -> str:
    """Return when an entry was published (else updated), as ISO 8601 UTC, or ""."""
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", moment) if moment else ""


def feed_documents(name: str, data: bytes, path: str,
                   fetch_links: bool) -> tuple[list[Document], list[str]]:
    """Return each entry of an RSS/Atom feed as a Document, and one message per entry left out;
    an entry with a link and no text is fetched only when fetch_links allows it."""
    import feedparser

    check_bytes(name, data)
    parsed = feedparser.parse(data)
    entries = [e for e in parsed.entries if e.get("link") or _entry_text(e)]
    if not entries:
        problem = parsed.get("bozo_exception")
        raise DocumentError(f"{name}: not a readable RSS or Atom feed ({problem})." if problem
                            else f"{name}: the feed has no entries with text or a link.")
    feed = parsed.get("feed", {})
    docs, problems = [], []
    for number, entry in enumerate(parsed.entries, 1):
        title = entry.get("title", "").strip()
        label = f"{name} › entry {number}" + (f" ({title})" if title else "")
        meta = {"title": title, "source": feed.get("title", ""), "url": entry.get("link", ""),
                "published": _entry_date(entry),
                "language": language_code(entry.get("language") or feed.get("language"))}
        try:
            docs.append(_entry_document(label, entry, meta, path, fetch_links))
        except DocumentError as error:
            problems.append(str(error))
    return docs, problems


def _entry_document(label: str, entry: dict, meta: dict, path: str,
                    fetch_links: bool) -> Document:
    """Return one feed entry's article: its own text, else the page its link leads to."""
    slug = _slug_of(meta["title"], meta["url"], "entry")
    text = _entry_text(entry)
    if text:
        return text_document(label, slug, text, path, **meta)
    if not meta["url"]:
        raise DocumentError(f"{label}: no text and no link.")
    if not fetch_links:
        raise DocumentError(f"{label}: no text, only a link ({meta['url']}); not fetched "
                            "(fetching links is off).")
    answer = web_fetch.fetch(meta["url"])
    return page_document(label, answer.data, answer.url, answer.url, slug, meta)


def url_documents(url: str, fetch_links: bool) -> tuple[list[Document], list[str]]:
    """Return the article(s) at a URL the user gave: a page, a feed's entries or plain text."""
    answer = web_fetch.fetch(url)
    kind = web_fetch.kind_of(answer.media_type, answer.data)
    if kind == "feed":
        return feed_documents(url, answer.data, answer.url, fetch_links)
    if kind == "html":
        return [page_document(url, answer.data, answer.url, answer.url)], []
    if kind == "text":
        check_bytes(url, answer.data)
        text = answer.data.decode("utf-8", errors="replace")
        return [text_document(url, _slug_of("", answer.url, "text"), text, answer.url,
                              url=answer.url)], []
    raise DocumentError(f"{url}: neither a page nor a feed ({answer.media_type}).")
