"""The command line of geodata/build.py: build, --check, --offline."""

from __future__ import annotations

import argparse
import sys

from geodata.make.fetch import MissingTarball
from geodata.make.outputs import check, copy_static_basemap, write_all
from geodata.make.paths import GEODATA, ROOT

DESCRIPTION = "Rebuild every file in geodata/ from pinned registry packages."


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line's options."""
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument("--check", action="store_true",
                        help="rebuild into a temporary directory and compare bytes")
    parser.add_argument("--offline", action="store_true",
                        help="never run npm; exit with status 3 if a tarball is not cached")
    return parser.parse_args(argv)


def run_check(offline: bool) -> int:
    """Rebuild in a temporary folder; name each file that differs; 1 if any does."""
    differing = check(offline=offline)
    for name in differing:
        print(f"{name} differs from a fresh build", file=sys.stderr)
    return 1 if differing else 0


def run_build(offline: bool) -> int:
    """Write every output file and the app's copy of the basemap; print their sizes."""
    for path in [*write_all(GEODATA, offline), copy_static_basemap()]:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: 0 ok, 1 files differ (--check), 3 tarball missing (--offline)."""
    args = parse_args(argv)
    try:
        return run_check(args.offline) if args.check else run_build(args.offline)
    except MissingTarball as error:
        print(error, file=sys.stderr)
        return 3
