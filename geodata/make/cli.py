"""The command line of geodata/build.py: build, --check, --offline, --prepared."""

from __future__ import annotations

import argparse
import sys

from geodata.make.fetch import MissingTarball
from geodata.make.outputs import check, copy_static_basemap, write_all, write_prepared
from geodata.make.paths import GEODATA, ROOT

DESCRIPTION = "Rebuild every file in geodata/ from pinned registry packages."


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line's options."""
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--check", action="store_true",
                      help="rebuild into a temporary directory and compare bytes")
    parser.add_argument("--offline", action="store_true",
                        help="never run npm; exit with status 3 if a tarball is not cached")
    what.add_argument("--prepared", action="store_true",
                      help="rebuild only the prepared files, from the committed geodata "
                           "(after a change to a lexicon or to the code that reads geodata)")
    return parser.parse_args(argv)


def run_check(offline: bool) -> int:
    """Rebuild in a temporary folder; name each file that differs; 1 if any does."""
    differing = check(offline=offline)
    for name in differing:
        print(f"{name} differs from a fresh build", file=sys.stderr)
    return 1 if differing else 0


def run_build(offline: bool, only_prepared: bool = False) -> int:
    """Write every output file (or only the prepared ones) and the app's copy of the basemap;
    print their sizes."""
    written = (write_prepared(GEODATA) if only_prepared
               else [*write_all(GEODATA, offline), copy_static_basemap()])
    for path in written:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: 0 ok, 1 files differ (--check), 3 tarball missing (--offline)."""
    args = parse_args(argv)
    try:
        if args.check:
            return run_check(args.offline)
        return run_build(args.offline, args.prepared)
    except MissingTarball as error:
        print(error, file=sys.stderr)
        return 3
