"""Files, folders, pages, feeds and URLs into the desk, analysed on every core."""

from .pipeline import Progress, Report, ingest, reanalyse
from .sync import SEEDS, open_desk, sync_folder

__all__ = ["SEEDS", "Progress", "Report", "ingest", "open_desk", "reanalyse", "sync_folder"]
