"""The news desk: every article, its analysis and its places in one SQLite file."""

from .desk import DATA_ENV, DeskError, Store, Written, data_dir, open_store
from .rows import Prepared, content_hash, day_of, prepare, url_key

__all__ = ["DATA_ENV", "DeskError", "Prepared", "Store", "Written", "content_hash", "data_dir",
           "day_of", "open_store", "prepare", "url_key"]
