"""The desk's commands: ingest PATH_OR_URL… and export --desk, with their options checked
where they come in (one `error:` line each) and a progress line on stderr."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from .core.ingest import Report, ingest, reanalyse
from .core.store import DATA_ENV, DeskError, Filter, Store, facet, open_store

FILTER_OPTIONS = {"date_from": "--from", "date_to": "--to", "sources": "--source",
                  "languages": "--language", "query": "--query"}
# A Filter's message names its field; the command line names the option.
OPTION_OF = {"from": "--from", "to": "--to", "dates": "--from/--to", "language": "--language",
             "search": "--query"}
SHOWN = 20  # duplicates and left-out files listed one a line; the rest counted
PAUSE_TTY, PAUSE_LOG = 0.1, 5.0  # seconds between progress updates: a terminal, a log


class ProgressLine:
    """Progress on stderr: a bar redrawn in place on a terminal, else a line now and then."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        """Start with nothing shown."""
        self.label, self.stream = label, stream or sys.stderr
        self.tty = self.stream.isatty()
        self.shown = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        """Show done out of total, if enough time has passed since the last update."""
        now = time.monotonic()
        if done < total and now - self.shown < (PAUSE_TTY if self.tty else PAUSE_LOG):
            return
        self.shown = now
        if self.tty:
            filled = 30 * done // max(total, 1)
            end = "\n" if done >= total else ""
            self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] "
                              f"{done}/{total}{end}")
        elif done < total:
            self.stream.write(f"{self.label}: {done}/{total}\n")
        self.stream.flush()


def usage(message: str) -> int:
    """Print one error line about the command line; return exit status 2."""
    print(f"error: {message}", file=sys.stderr)
    return 2


def add_data_option(command: argparse.ArgumentParser) -> None:
    """Add --data DIR: the desk's folder."""
    command.add_argument("--data", metavar="DIR",
                         help=f"the desk's data folder (default: ${DATA_ENV}, else ./data)")


def add_ingest_command(commands: argparse._SubParsersAction) -> None:
    """Add `ingest PATH_OR_URL…`."""
    command = commands.add_parser("ingest", help="read files, folders, pages, feeds and URLs "
                                                 "into the desk")
    command.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    command.add_argument("--fetch-links", action="store_true",
                         help="fetch the page of a feed entry that has only a link")
    command.add_argument("--workers", type=int, metavar="N",
                         help="processes that read and analyse (default: one per core)")
    add_data_option(command)


def add_export_options(command: argparse.ArgumentParser) -> None:
    """Add --desk and its filter options to `export`."""
    command.add_argument("--desk", action="store_true", help="export the desk (filtered)")
    command.add_argument("--from", dest="date_from", metavar="DATE", help="YYYY-MM-DD")
    command.add_argument("--to", dest="date_to", metavar="DATE", help="YYYY-MM-DD")
    command.add_argument("--source", dest="sources", action="append", default=[], metavar="S")
    command.add_argument("--language", dest="languages", action="append", default=[],
                         metavar="L")
    command.add_argument("--query", metavar="Q", help="only articles holding these words")
    add_data_option(command)


def filter_options(args: argparse.Namespace) -> list[str]:
    """Return the desk's filter options given (and --data, which also needs --desk)."""
    given = [option for field, option in FILTER_OPTIONS.items() if getattr(args, field)]
    return given + (["--data"] if args.data else [])


def open_desk(folder: str | None) -> Store | None:
    """Open the desk (analysing again what an older parser did); None after an error line."""
    try:
        store = open_store(folder)
    except DeskError as error:
        print(f"error: {error}", file=sys.stderr)
        return None
    stale = len(store.stale())
    if stale:
        print(f"the parser changed: analysing {stale} articles again", file=sys.stderr)
        reanalyse(store, progress=ProgressLine("analyse"))
    return store


def run_ingest(args: argparse.Namespace) -> int:
    """Read inputs into the desk; print a summary; exit 1 if anything was unreadable."""
    if args.workers is not None and args.workers < 1:
        return usage(f"--workers: expected 1 or more, got {args.workers}.")
    store = open_desk(args.data)
    if store is None:
        return 1
    try:
        report = ingest(store, args.inputs, fetch_links=args.fetch_links, workers=args.workers,
                        progress=ProgressLine("ingest"))
    except KeyboardInterrupt:
        print("\ninterrupted: the batches written so far are in the desk", file=sys.stderr)
        return 130
    print_report(report)
    return 1 if report.problems else 0


def print_report(report: Report) -> None:
    """Print each problem, the first duplicates and files left out on stderr, and a summary
    line on stdout."""
    for problem in report.problems:
        print(f"error: {problem}", file=sys.stderr)
    for label, lines in (("duplicate", report.duplicates), ("skipped", report.skipped)):
        for line in lines[:SHOWN]:
            print(f"{label}: {line}", file=sys.stderr)
        if len(lines) > SHOWN:
            print(f"{label}: … and {len(lines) - SHOWN} more", file=sys.stderr)
    print(f"added {len(report.added)}, duplicates {len(report.duplicates)}, "
          f"unreadable {len(report.problems)}"
          + (f", skipped {len(report.skipped)}" if report.skipped else ""))


def desk_filter(args: argparse.Namespace, store: Store) -> Filter:
    """Return the filter the options describe; raise ValueError naming a bad option."""
    try:
        flt = Filter.parse(args.date_from or "", args.date_to or "", args.sources,
                           args.languages, args.query or "")
    except ValueError as error:
        field, _, rest = str(error).partition(": ")
        raise ValueError(f"{OPTION_OF.get(field, field)}: {rest}") from None
    for values, column, option in ((flt.sources, "source", "--source"),
                                   (flt.languages, "language", "--language")):
        known = [c.key for c in facet(store, column)]
        for value in values:
            if value not in known:
                listed = ", ".join(repr(k) for k in known[:10]) or "none yet"
                raise ValueError(f"{option}: no article in the desk has {column} {value!r} "
                                 f"(the desk's: {listed}).")
    return flt


def run_export(args: argparse.Namespace) -> int:
    """Write the desk, or its filtered part, as GeoJSON, CSV or a standalone HTML map."""
    from .core import desk_export

    if args.desk and args.file is not None:
        return usage("export: give a FILE or --desk, not both.")
    if not args.desk:
        return usage("export: give a FILE, or --desk for the desk.")
    store = open_desk(args.data)
    if store is None:
        return 1
    try:
        flt = desk_filter(args, store)
    except ValueError as error:
        return usage(str(error))
    return write_out(args.out, lambda out: desk_export.write(store, flt, args.format, out))


def write_out(out_option: str, write: Callable[[Path], None]) -> int:
    """Write an export to the --out path, or print why it cannot be written (exit 1)."""
    out = Path(out_option)
    if not out.parent.is_dir():
        print(f"error: {out.parent}: no such folder for --out.", file=sys.stderr)
        return 1
    try:
        write(out)
    except OSError as error:
        print(f"error: {out}: cannot be written ({error.strerror}).", file=sys.stderr)
        return 1
    print(f"wrote {out}", file=sys.stderr)
    return 0
