"""The cities' files: gazetteer.cities.tsv read line by line, and the index of their forms
(geodata/gazetteer.cities.index.tsv), stamped with a digest of the files it is built from."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from .folding import fold_tokens
from .geodata import REBUILD, GeodataError, read_geodata, shown
from .models import Place

CITY_COLUMNS = ("id", "name", "country", "lat", "lon", "population", "alt_names")
CITY_INDEX = "gazetteer.cities.index.tsv"  # built from the cities by index_text()
SOURCES = ("gazetteer.cities.tsv", "gazetteer.json", "common_words.txt")


def city_rows(path: Path) -> list[str]:
    """Return the lines of gazetteer.cities.tsv after its header (checked)."""
    lines = read_geodata(path.parent, path.name).splitlines()
    if not lines or lines[0].split("\t") != list(CITY_COLUMNS):
        raise GeodataError(f"{shown(path)} is damaged (expected the columns "
                           f"{', '.join(CITY_COLUMNS)}): {REBUILD}.")
    return lines[1:]


def city_place(line: str) -> Place:
    """Return the city of a gazetteer.cities.tsv line."""
    city, name, country, lat, lon, population, _ = line.split("\t")
    return Place(city, "city", name, country, float(lat), float(lon), int(population or 0))


def sources_digest(folder: Path) -> str:
    """Return a digest of the files the cities' index is built from."""
    digest = hashlib.blake2b(digest_size=16)
    for name in SOURCES:
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


def index_text(folder: Path, is_common_word: Callable[[str], bool]) -> str:
    """Return the cities' forms as geodata/gazetteer.cities.index.tsv holds them.

    A digest line of the sources, then one line per folded form: the form's tokens, then
    (city id, capital or city, form as written) for each city it names, in the cities' order.
    Names are the city's name and its alternate names longer than three letters that are not
    common English words; capitals are named as such, so resolution can prefer them.
    """
    data = json.loads((folder / "gazetteer.json").read_text(encoding="utf-8"))
    capitals = {row["capital"]["id"] for row in data["countries"] if row.get("capital")}
    index: dict[tuple[str, ...], list[tuple[str, str, str]]] = {}
    for line in city_rows(folder / "gazetteer.cities.tsv"):
        city, name, *_, alt_names = line.split("\t")
        how = "capital" if city in capitals else "city"
        alts = [alt for alt in alt_names.split("|")
                if len(alt) > 3 and not is_common_word(alt)]
        for form in [name, *sorted(alts, key=str.isascii)]:  # 'Genève' before 'Geneve'
            entries = index.setdefault(fold_tokens(form), [])
            if all(place != city for place, _, _ in entries):
                entries.append((city, how, form))
    lines = [" ".join(key) + "\t" + "\t".join("\t".join(e) for e in entries)
             for key, entries in index.items() if key]
    return f"# sources {sources_digest(folder)}\n" + "\n".join(sorted(lines)) + "\n"
