"""Fetch one http(s) URL the user gave: with a timeout, a size limit and one clear error."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..documents import MAX_BYTES, DocumentError

TIMEOUT = 15.0  # seconds for the whole answer, not only for each read
CHUNK = 64 * 1024
USER_AGENT = "sahel-news-map/0.1 (news desk ingest)"
ACCEPT = ("text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
          "application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.8, */*;q=0.5")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
XML_TYPES = ("application/xml", "text/xml")
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class Fetched:
    """An answer: the final URL, its media type and its body."""

    url: str
    media_type: str
    data: bytes


def is_url(text: str) -> bool:
    """Tell whether an input names an http(s) URL rather than a path."""
    return text.lower().startswith(("http://", "https://"))


def check_url(url: str) -> None:
    """Raise DocumentError unless url is an http(s) URL with a host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise DocumentError(f"{url}: not an http(s) URL with a host.")


def fetch(url: str, timeout: float | None = None, limit: int | None = None) -> Fetched:
    """Return the answer to a GET of url (within TIMEOUT seconds and MAX_BYTES unless told
    otherwise), or raise DocumentError saying what went wrong."""
    check_url(url)
    timeout, limit = timeout or TIMEOUT, limit or MAX_BYTES
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 (checked)
            declared = answer.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise DocumentError(f"{url}: too large ({int(declared):,} bytes; the limit is "
                                    f"{limit:,}).")
            data = _read(answer, url, deadline, limit)
            media_type = answer.headers.get_content_type()
            return Fetched(answer.geturl(), media_type, data)
    except urllib.error.HTTPError as error:
        raise DocumentError(f"{url}: the server answered {error.code} {error.reason}.") from None
    except urllib.error.URLError as error:
        raise DocumentError(f"{url}: cannot be fetched ({error.reason}).") from None
    except TimeoutError:
        raise DocumentError(f"{url}: no answer within {timeout:g} s.") from None
    except (http.client.HTTPException, OSError, ValueError) as error:
        raise DocumentError(f"{url}: cannot be fetched ({error}).") from None


def _read(answer: http.client.HTTPResponse, url: str, deadline: float, limit: int) -> bytes:
    """Read an answer's body in chunks, within the deadline and the size limit."""
    chunks, size = [], 0
    while chunk := answer.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise DocumentError(f"{url}: too large (over the limit of {limit:,} bytes).")
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
    return b"".join(chunks)


def kind_of(media_type: str, data: bytes) -> str:
    """Return what an answer holds: "feed", "html" or "text" ("" when none of them)."""
    head = data[:2048].lstrip().lower()
    looks_like_feed = any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))
    if media_type in FEED_TYPES or (media_type in XML_TYPES and looks_like_feed):
        return "feed"
    if media_type in HTML_TYPES or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if looks_like_feed:
        return "feed"
    return "text" if media_type == "text/plain" else ""
