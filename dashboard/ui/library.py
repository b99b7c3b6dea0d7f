"""The articles the page can show: the desk's, and those a visitor added for their visit."""

from __future__ import annotations

import streamlit as st

from ..core.models import Document
from ..core.store import EVERYTHING, ArticleRef, articles, place_passages
from ..core.store.packed import Packed, pack
from . import data

UPLOADS = "uploads"  # session key: the visitor's own articles, by slug, packed
PICKED = 30  # articles the article view's picker lists (the newest; the desk finds the rest)


class Known:
    """The slugs the page can show, asked one at a time (the desk may hold many thousands)."""

    def __contains__(self, slug: object) -> bool:
        return isinstance(slug, str) and (slug in uploads() or data.stored_key(slug) is not None)


def uploads() -> dict[str, Packed]:
    """Return the articles this visitor added for this visit, by slug (packed)."""
    return st.session_state.get(UPLOADS, {})


def keep_upload(doc: Document) -> None:
    """Keep an article added by this visitor, for this visit: packed, since Streamlit holds a
    session for minutes after its visitor left; its analysis is in the process's bounded cache."""
    st.session_state.setdefault(UPLOADS, {})[doc.slug] = pack(doc)


def article(slug: str) -> data.Article | None:
    """Return the article with this slug (the visitor's own first), or None."""
    if slug in uploads():
        return data.upload_article(uploads()[slug])
    key = data.stored_key(slug)
    return data.stored_article(key) if key else None


def newest(limit: int = PICKED) -> list[ArticleRef]:
    """Return the desk's newest articles (undated last)."""
    return list(articles(data.desk().store, size=limit).items)


def count() -> int:
    """Return how many articles the desk holds."""
    return data.desk().store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def articles_naming(place: str) -> int:
    """Return how many articles of the desk name a place."""
    return place_passages(data.desk().store, place, EVERYTHING, 0, 1).total


def first_slug() -> str | None:
    """Return the article shown when no article is named: the desk's newest, or the visitor's
    own when the desk is empty."""
    found = newest(1)
    if found:
        return found[0].slug
    return next(iter(uploads()), None)


def titles() -> dict[str, str]:
    """Return the picker's articles (the visitor's own, then the desk's newest): slug → title."""
    own = {slug: f"{doc.title or slug} (added this visit)" for slug, doc in uploads().items()}
    return {**own, **{ref.slug: ref.title or ref.slug for ref in newest()}}
