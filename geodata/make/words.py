"""Word lists the geoparser uses: common English words and English given names."""

from __future__ import annotations

from pathlib import Path

from geodata.make.fetch import read_json
from geodata.make.pins import FIRST_NAME_PACKAGES, WORDLISTS


def given_names(packages: dict[str, Path]) -> list[str]:
    """English first names (Moby Words II, via stdlib's datasets), sorted and de-duplicated."""
    names: set[str] = set()
    for name in FIRST_NAME_PACKAGES:
        names.update(n.strip() for n in read_json(packages[name] / "data" / "names.json"))
    return sorted(n for n in names if n)


def common_words(folder: Path, lists: list[str] = WORDLISTS) -> set[str]:
    """The union of the chosen SCOWL lists, lower-case."""
    words: set[str] = set()
    for name in lists:
        words.update(w.lower() for w in read_json(folder / f"{name}.json"))
    return words
