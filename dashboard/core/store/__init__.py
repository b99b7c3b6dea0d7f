"""The news desk: every article, its analysis and its places in one SQLite file, and the
questions the desk's page asks of it."""

from .desk import DATA_ENV, DeskError, Store, Written, data_dir, open_store
from .filters import EVERYTHING, PERIODS, Filter
from .queries import (
    ArticlePassages,
    ArticleRef,
    Count,
    Page,
    PassageHit,
    SearchHit,
    articles,
    co_mentions,
    facet,
    mention_rows,
    place_counts,
    place_passages,
    place_timeline,
    search,
    timeline,
)
from .rows import Prepared, content_hash, day_of, prepare, url_key

__all__ = [
    "DATA_ENV", "EVERYTHING", "PERIODS", "ArticlePassages", "ArticleRef", "Count", "DeskError",
    "Filter", "Page", "PassageHit", "Prepared", "SearchHit", "Store", "Written", "articles",
    "co_mentions", "content_hash", "data_dir", "day_of", "facet", "mention_rows", "open_store",
    "place_counts", "place_passages", "place_timeline", "prepare", "search", "timeline",
    "url_key",
]
