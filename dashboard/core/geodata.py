"""Reading the committed geodata files: a missing or damaged file is a GeodataError that names it
and says what to run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
REBUILD = "run `python geodata/build.py` to rebuild it"


class GeodataError(RuntimeError):
    """A geodata file is missing or damaged; the message names it and what to run."""


def read_geodata(folder: Path, name: str) -> str:
    """Return a geodata file's text, or raise GeodataError naming it."""
    path = folder / name
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GeodataError(f"{shown(path)} is missing: {REBUILD}.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise GeodataError(f"{shown(path)} cannot be read ({error}): {REBUILD}.") from None


def read_geodata_json(folder: Path, name: str) -> dict:
    """Return a geodata JSON file's content, or raise GeodataError naming it."""
    try:
        data = json.loads(read_geodata(folder, name))
    except json.JSONDecodeError as error:
        raise GeodataError(f"{shown(folder / name)} is damaged (not JSON: {error.msg}, line "
                           f"{error.lineno}): {REBUILD}.") from None
    if not isinstance(data, dict):
        raise GeodataError(f"{shown(folder / name)} is damaged (not an object): {REBUILD}.")
    return data


@contextmanager
def damaged(path: Path) -> Iterator[None]:
    """Turn a missing field or a malformed value read from a geodata file into GeodataError."""
    try:
        yield
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
        raise GeodataError(f"{shown(path)} is damaged ({type(error).__name__}: {error}): "
                           f"{REBUILD}.") from None


def shown(path: Path) -> str:
    """Return a geodata path as the README names it (geodata/…), wherever the folder is."""
    return f"{path.parent.name}/{path.name}"
