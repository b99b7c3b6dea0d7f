"""Command line: python -m dashboard mentions|itinerary|export|ingest …"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator

from . import desk_cli
from .core import documents
from .core.analysis import Analysis, analyse
from .core.assets import MissingAsset
from .core.gazetteer import GeodataError


def mention_rows(analysis: Analysis) -> Iterator[dict]:
    """Yield one record per mention of a document."""
    for mention in analysis.mentions:
        yield mention.record()


def stop_rows(analysis: Analysis) -> Iterator[dict]:
    """Yield one record per stop of each journey a document describes."""
    doc = analysis.document
    for journey in analysis.journeys:
        for stop in journey.stops:
            yield {
                "doc": doc.slug, "journey": journey.index, "order": stop.order,
                "place": stop.place, "country": stop.country, "name": stop.name,
                "lat": stop.lat, "lon": stop.lon, "assumed": stop.assumed,
                "start": stop.start, "end": stop.end,
                "pin": stop.city_name, "inferred": stop.inferred, "traveller": journey.traveller,
                "planned": stop.planned,
            }


def print_rows(paths: list[str], rows: Callable[[Analysis], Iterator[dict]]) -> int:
    """Print JSON lines for each readable file; report the others on stderr."""
    status = 0
    for path in paths:
        try:
            doc = documents.load(path)
        except documents.DocumentError as error:
            print(f"error: {error}", file=sys.stderr)
            status = 1
            continue
        for row in rows(analyse(doc)):
            print(json.dumps(row, ensure_ascii=False))
    return status


def run_export(args: argparse.Namespace) -> int:
    """Write one document's layers, or the desk's, as GeoJSON, CSV or a standalone HTML map."""
    from .core import export

    if args.desk or args.file is None:
        return desk_cli.run_export(args)
    if desk_cli.filter_options(args):
        return desk_cli.usage(f"{', '.join(desk_cli.filter_options(args))}: only with --desk "
                              "(an article is exported whole).")
    try:
        doc = documents.load(args.file)
    except documents.DocumentError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return desk_cli.write_out(args.out, lambda out: export.write(analyse(doc), args.format, out))


def parser() -> argparse.ArgumentParser:
    """Return the command-line parser."""
    main = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = main.add_subparsers(dest="command", required=True)
    mentions = commands.add_parser("mentions", help="print one JSON object a line per mention")
    mentions.add_argument("files", nargs="+", metavar="FILE")
    itinerary = commands.add_parser("itinerary", help="print the ordered stops of each journey")
    itinerary.add_argument("files", nargs="+", metavar="FILE")
    export = commands.add_parser("export", help="write GeoJSON, CSV or standalone HTML of an "
                                                 "article, or of the desk with --desk")
    export.add_argument("file", metavar="FILE", nargs="?")
    export.add_argument("--format", required=True, choices=("geojson", "csv", "html"))
    export.add_argument("--out", required=True, metavar="PATH")
    desk_cli.add_export_options(export)
    desk_cli.add_ingest_command(commands)
    return main


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = parser().parse_args(argv)
    if args.command == "mentions":
        return print_rows(args.files, mention_rows)
    if args.command == "itinerary":
        return print_rows(args.files, stop_rows)
    if args.command == "ingest":
        return desk_cli.run_ingest(args)
    return run_export(args)


def guarded(argv: list[str] | None = None) -> int:
    """Run the command line; a missing or damaged data file is one line, not a traceback."""
    try:
        return main(argv)
    except (GeodataError, MissingAsset) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(guarded())
