"""Files, folders, pages, feeds and URLs into the desk, analysed on every core."""

from .pipeline import Progress, Report, ingest, reanalyse

__all__ = ["Progress", "Report", "ingest", "reanalyse"]
