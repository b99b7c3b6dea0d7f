"""The geodata as a name index: surface forms → candidate places, and places by id."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .models import Place

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
TOKEN = re.compile(r"\w+")

# English abbreviations for countries that news text uses but world-countries lists as codes.
ENGLISH_ABBREVIATIONS = {
    "USA": ("US", "U.S.", "USA", "U.S.A."),
    "GBR": ("UK", "U.K."),
    "ARE": ("UAE", "U.A.E."),
    "COD": ("DRC", "DR Congo"),
    "CAF": ("CAR",),
}
# Seats of government that news uses for their governments ("the Kremlin said").
METONYMS = {
    "Kremlin": "Moscow", "White House": "Washington", "Élysée": "Paris", "Elysee Palace": "Paris",
    "Élysée Palace": "Paris", "Downing Street": "London", "Whitehall": "London",
    "Pentagon": "Washington", "Capitol Hill": "Washington", "Quai d'Orsay": "Paris",
    "Zhongnanhai": "Beijing", "Foggy Bottom": "Washington",
}
COMPASS = {"Western": "West", "Eastern": "East", "Northern": "North", "Southern": "South"}
PROMINENT_POPULATION = 100_000
CITY_COLUMNS = ("id", "name", "country", "lat", "lon", "population", "alt_names")
# Month and weekday names: capitalised, common, and never places in running text.
# English names news uses that the registry does not list.
ENGLISH_NAMES = {"GBR": ("Britain",), "NLD": ("Holland",), "MMR": ("Burma",)}
# "Republic of Turkey" → "Turkey": the short form news uses when a registry lists only the long one.
STATE_PREFIX = re.compile(
    r"^(?:(?:Federal|Democratic|Islamic|Socialist|People's|United|Arab|Plurinational|"
    r"Bolivarian|Hashemite|Co-operative|Cooperative|Independent|Oriental|Eastern)\s+)*"
    r"(?:Republic|Kingdom|State|Commonwealth|Principality|Grand Duchy|Sultanate|Emirate|"
    r"Federation|Union)\s+of\s+(?=[A-Z])"
)
CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


class Entry(NamedTuple):
    """One way of naming a place: the form, what kind of name it is, and its place.

    A named tuple, not a frozen dataclass: the gazetteer makes 85,000 of them at start-up,
    and a frozen dataclass's __init__ costs four times as much.
    """

    place: str
    form: str
    how: str  # country official alternative short abbreviation demonym capital seat city admin
    #          grouping region
    exact_case: bool = False


@dataclass
class Gazetteer:
    """Places by id, and the index of every form that names them."""

    places: dict[str, Place] = field(default_factory=dict)
    index: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    starts: frozenset[str] = frozenset()
    prefixes: frozenset[tuple[str, ...]] = frozenset()
    capitals: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    groupings: dict[str, dict] = field(default_factory=dict)
    common_words: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    dependent: set[str] = field(default_factory=set)
    prominent: set[str] = field(default_factory=set)

    def place(self, place_id: str) -> Place:
        """Return the place with this id (KeyError if unknown)."""
        return self.places[place_id]

    def capital_of(self, iso3: str) -> Place | None:
        """Return a country's capital city, if the geodata has one."""
        city = self.capitals.get(iso3)
        return self.places.get(city) if city else None

    def lookup(self, tokens: tuple[str, ...]) -> list[Entry]:
        """Return the entries whose form folds to these tokens."""
        return self.index.get(tokens, [])

    def is_common_word(self, word: str) -> bool:
        """Tell whether a word is common English in lower case (so capitals may mislead)."""
        folded = word.lower()
        return folded in self.common_words or folded in CALENDAR_WORDS

    def is_given_name(self, word: str) -> bool:
        """Tell whether a word is an English first name ("George", "Victoria")."""
        return word.lower() in self.given_names

    def add(self, entry: Entry) -> None:
        """Index one form of a place."""
        key = fold_tokens(entry.form)
        if not key:
            return
        entries = self.index.get(key)
        if entries is None:
            self.index[key] = [entry]
        elif all((e.place, e.how, e.exact_case) != (entry.place, entry.how, entry.exact_case)
               for e in entries):
            entries.append(entry)

    def finish(self) -> None:
        """Record the first tokens of the forms, and the proper prefixes of the longer forms."""
        self.starts = frozenset(key[0] for key in self.index)
        longer = [key for key in self.index if len(key) > 1]
        self.prefixes = frozenset(key[:n] for key in longer for n in range(1, len(key)))


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Return a word case-folded and stripped of accents."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_tokens(text: str) -> tuple[str, ...]:
    """Return the folded word tokens of a name."""
    if text.isalpha() and text.isascii():  # most names: one plain word
        return (text.lower(),)
    if text.isascii():
        return tuple(TOKEN.findall(text.lower()))
    return tuple(map(fold, TOKEN.findall(text)))


def plural(demonym: str) -> str | None:
    """Return the English plural of a demonym used as a noun ("Nigeriens"), if it has one."""
    if demonym.endswith(("s", "sh", "ch", "ese", "x", "z", "i")) or not demonym.isascii():
        return None
    return demonym + "s"


def _add_country(gaz: Gazetteer, row: dict) -> None:
    """Index a country's names, demonyms and capital."""
    iso3 = row["iso3"]
    gaz.places[iso3] = Place(iso3, "country", row["name"], iso3, row.get("lat"), row.get("lon"))
    gaz.country_names[iso3] = tuple(row.get("names", ()))
    gaz.add(Entry(iso3, row["name"], "country"))
    gaz.add(Entry(iso3, row["official"], "official"))
    for name in (*row.get("names", ()), *ENGLISH_NAMES.get(iso3, ())):
        gaz.add(Entry(iso3, name, "alternative"))
        short = STATE_PREFIX.sub("", name)
        if short != name and " " not in short:
            gaz.add(Entry(iso3, short, "short"))
    if not row.get("independent", True):
        gaz.dependent.add(iso3)
    for abbreviation in (*ENGLISH_ABBREVIATIONS.get(iso3, ()), *row.get("abbreviations", ())):
        gaz.add(Entry(iso3, abbreviation, "abbreviation", exact_case=True))
    for demonym in row.get("demonyms", ()):
        gaz.add(Entry(iso3, demonym, "demonym"))
        if many := plural(demonym):
            gaz.add(Entry(iso3, many, "demonym"))
    capital = row.get("capital")
    if capital:
        gaz.capitals[iso3] = capital["id"]


def _read_cities(gaz: Gazetteer, path: Path) -> None:
    """Index the GeoNames cities; capitals are named as such, so resolution can prefer them."""
    capitals = set(gaz.capitals.values())
    with path.open(encoding="utf-8", newline="") as handle:
        header = handle.readline().rstrip("\r\n").split("\t")
        if header != list(CITY_COLUMNS):
            raise ValueError(f"{path}: expected the columns {', '.join(CITY_COLUMNS)}")
        for line in handle:
            city, name, country, lat, lon, population, alt_names = line.rstrip("\r\n").split("\t")
            place = Place(city, "city", name, country, float(lat), float(lon),
                          int(population or 0))
            gaz.places[city] = place
            how = "capital" if city in capitals else "city"
            gaz.add(Entry(city, name, how))
            for alt in alt_names.split("|") if alt_names else ():
                if len(alt) > 3 and not gaz.is_common_word(alt):
                    gaz.add(Entry(city, alt, how))


def _add_admin(gaz: Gazetteer, row: dict) -> None:
    """Index a first-level administrative unit."""
    place = Place(row["id"], "admin", row["name"], row["country"], row.get("lat"), row.get("lon"))
    gaz.places[place.id] = place
    gaz.add(Entry(place.id, place.name, "admin"))


def _mark_prominent_admins(gaz: Gazetteer) -> None:
    """Note the regions named on their own in news: GeoNames' first-level units (US states,
    UK nations), and regions whose namesake city has 100,000 people or more."""
    for place in gaz.places.values():
        if place.kind != "admin":
            continue
        if place.id.startswith("gn:") or any(
            gaz.places[e.place].population >= PROMINENT_POPULATION
            and gaz.places[e.place].country == place.country
            for e in gaz.lookup(fold_tokens(place.name)) if e.how in ("city", "capital")
        ):
            gaz.prominent.add(place.id)


def _add_grouping(gaz: Gazetteer, row: dict) -> None:
    """Index a grouping or region by its names and abbreviations."""
    members = tuple(m["iso3"] for m in row.get("members", ()))
    kind = "region" if row.get("kind") == "region" else "grouping"
    gaz.places[row["id"]] = Place(row["id"], kind, row["name"], None, None, None, members=members)
    gaz.groupings[row["id"]] = row
    gaz.add(Entry(row["id"], row["name"], kind))
    for name in row.get("names", ()):
        gaz.add(Entry(row["id"], name, kind))
    for abbreviation in row.get("abbreviations", ()):
        gaz.add(Entry(row["id"], abbreviation, kind, exact_case=True))


def _add_continents(gaz: Gazetteer, rows: list[dict]) -> None:
    """Add continents and subregions (world-countries' region fields) as regions."""
    members: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        for name in (row.get("region"), row.get("subregion")):
            if name and " and " not in name and fold_tokens(name) not in gaz.index:
                members[name].append(row["iso3"])
    for name, isos in sorted(members.items()):
        region_id = re.sub(r"[^A-Z]+", "-", name.upper()).strip("-")
        gaz.places[region_id] = Place(region_id, "region", name, None, None, None,
                                      members=tuple(isos))
        gaz.add(Entry(region_id, name, "region"))
        first, _, rest = name.partition(" ")
        if first in COMPASS and rest:
            gaz.add(Entry(region_id, f"{COMPASS[first]} {rest}", "region"))


def _add_metonyms(gaz: Gazetteer) -> None:
    """Index the seats of government as names of their capitals."""
    for form, capital in METONYMS.items():
        for entry in gaz.lookup(fold_tokens(capital)):
            if entry.how == "capital":
                gaz.add(Entry(entry.place, form, "seat"))


def load(folder: str | Path = GEODATA) -> Gazetteer:
    """Read the committed geodata into a Gazetteer."""
    folder = Path(folder)
    gaz = Gazetteer()
    words = (folder / "common_words.txt").read_text(encoding="utf-8").split()
    gaz.common_words = frozenset(words)
    names = (folder / "given_names.txt").read_text(encoding="utf-8").split()
    gaz.given_names = frozenset(name.lower() for name in names)
    data = json.loads((folder / "gazetteer.json").read_text(encoding="utf-8"))
    for row in data["countries"]:
        _add_country(gaz, row)
    for row in data.get("admins", ()):
        _add_admin(gaz, row)
    _read_cities(gaz, folder / "gazetteer.cities.tsv")
    groupings = json.loads((folder / "groupings.json").read_text(encoding="utf-8"))
    for row in groupings["groupings"]:
        _add_grouping(gaz, row)
    _add_continents(gaz, data["countries"])
    _mark_prominent_admins(gaz)
    _add_metonyms(gaz)
    gaz.finish()
    return gaz
