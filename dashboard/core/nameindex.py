"""The gazetteer's data: places by id, and the index of every form that names them (built by
gazetteer.py from the geodata, or read from its prepared file)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from . import cityfiles
from .folding import fold_tokens
from .geodata import GEODATA
from .kinds import Trait, hows
from .lexicon import every_lexicon
from .models import Place

AFTER_CITIES = hows(Trait.AFTER_CITIES)  # kinds of name indexed after the cities
CALENDAR_WORDS = frozenset().union(*(lexicon.calendar_words for lexicon in every_lexicon()))


class Entry(NamedTuple):
    """One way of naming a place: the form, what kind of name it is, and its place.

    A named tuple, not a frozen dataclass: the gazetteer makes 85,000 of them at start-up,
    and a frozen dataclass's __init__ costs four times as much.
    """

    place: str
    form: str
    how: str  # the kind of name: a row of kinds.KINDS ("country", "demonym", "city" …)
    exact_case: bool = False


class Places(dict):
    """Places by id; a city becomes a Place the first time it is asked for.

    Start-up then makes 34,000 fewer objects. values() holds only the places made so far.
    """

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, str] = {}  # city id → its line of gazetteer.cities.tsv

    def __missing__(self, place_id: str) -> Place:
        place = cityfiles.city_place(self.rows[place_id])
        self[place_id] = place
        return place

    def __contains__(self, place_id: object) -> bool:
        return dict.__contains__(self, place_id) or place_id in self.rows

    def get(self, place_id: str, default: Place | None = None) -> Place | None:
        """Return the place with this id, or default."""
        return self[place_id] if place_id in self else default


@dataclass
class Gazetteer:
    """Places by id, and the index of every form that names them.

    The cities' forms are kept as built (city_index: folded form → its lines) and become
    entries the first time a lookup asks for them (merged: their entries with the others').
    """

    places: Places = field(default_factory=Places)
    index: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    city_index: dict[str, str] = field(default_factory=dict)
    merged: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    starts: frozenset[str] = frozenset()
    prefixes: frozenset[tuple[str, ...]] = frozenset()
    capitals: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    government_names: dict[str, str] = field(default_factory=dict)  # 'the US government'
    groupings: dict[str, dict] = field(default_factory=dict)
    common_words: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    dependent: set[str] = field(default_factory=set)
    prominent: set[str] = field(default_factory=set)
    groups: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)  # a cache
    within: dict[str, str] = field(default_factory=dict)  # a county → its state
    folder: Path = GEODATA  # where the geodata was read (a language's common words are read
    #                         from there when a document in that language first asks)
    lower_forms: dict[str, set[str]] = field(default_factory=dict)  # language → the names it
    #                                  writes in lower case ('nigérienne'), lower-cased
    lower_case: re.Pattern[str] | None = None  # a language's view: where those names start
    views: dict[str, Gazetteer] = field(default_factory=dict)  # by language (geoparse/wording)

    def place(self, place_id: str) -> Place:
        """Return the place with this id (KeyError if unknown)."""
        return self.places[place_id]

    def members_on(self, place_id: str, on: date) -> list[str]:
        """Return a bloc's or region's members on a date (ISO3 codes, the geodata's order); a
        region without dated members (a continent) has its own list."""
        row = self.groupings.get(place_id)
        if row is None:
            return list(self.place(place_id).members)
        day = on.isoformat()
        return [m["iso3"] for m in row.get("members", ())
                if (m.get("from") or "0000") <= day and (m.get("to") or "9999") > day]

    def capital_of(self, iso3: str) -> Place | None:
        """Return a country's capital city, if the geodata has one."""
        city = self.capitals.get(iso3)
        return self.places.get(city) if city else None

    def lookup(self, tokens: tuple[str, ...]) -> list[Entry]:
        """Return the entries whose form folds to these tokens (in the order they were read:
        countries and admin units, then cities, then groupings, regions and seats)."""
        found = self.merged.get(tokens)
        if found is not None:
            return found
        packed = self.city_index.get(" ".join(tokens))
        if packed is None:
            return self.index.get(tokens, [])
        others = self.index.get(tokens, [])
        fields = packed.split("\t")
        cities = [Entry(place, form, how) for place, how, form
                  in zip(fields[::3], fields[1::3], fields[2::3], strict=True)]
        found = ([e for e in others if e.how not in AFTER_CITIES] + cities
                 + [e for e in others if e.how in AFTER_CITIES])
        self.merged[tokens] = found  # the same list whichever thread makes it
        return found

    def knows(self, tokens: tuple[str, ...]) -> bool:
        """Tell whether some form folds to these tokens."""
        return tokens in self.index or " ".join(tokens) in self.city_index

    def is_common_word(self, word: str) -> bool:
        """Tell whether a word is common in lower case (so capitals may mislead)."""
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
        self.merged.pop(key, None)  # a lookup made before this entry would leave it out
        entries = self.index.get(key)
        if entries is None:
            self.index[key] = [entry]
        elif all((e.place, e.how, e.exact_case) != (entry.place, entry.how, entry.exact_case)
               for e in entries):
            entries.append(entry)

    def finish(self) -> None:
        """Record the first tokens of the forms, and the proper prefixes of the longer forms."""
        longer = [key for key in self.index if len(key) > 1]
        longer += [tuple(key.split(" ")) for key in self.city_index if " " in key]
        self.starts = frozenset(key[0] for key in self.index) | frozenset(
            key.partition(" ")[0] for key in self.city_index)
        self.prefixes = frozenset(key[:n] for key in longer for n in range(1, len(key)))


def to_state(gaz: Gazetteer) -> dict:
    """Return a gazetteer as plain containers, sets as sorted lists (for a prepared file)."""
    def entries(table: dict[tuple[str, ...], list[Entry]]) -> dict:
        return {key: [tuple(entry) for entry in found] for key, found in table.items()}

    return {
        "places": [vars(place) for place in dict.values(gaz.places)],
        "rows": gaz.places.rows, "index": entries(gaz.index), "merged": entries(gaz.merged),
        "city_index": gaz.city_index, "starts": sorted(gaz.starts),
        "prefixes": sorted(gaz.prefixes), "capitals": gaz.capitals,
        "country_names": gaz.country_names, "government_names": gaz.government_names,
        "groupings": gaz.groupings, "common_words": sorted(gaz.common_words),
        "given_names": sorted(gaz.given_names), "dependent": sorted(gaz.dependent),
        "prominent": sorted(gaz.prominent), "within": gaz.within,
        "lower_forms": {language: sorted(words) for language, words in gaz.lower_forms.items()},
    }


def from_state(state: dict, folder: Path) -> Gazetteer:
    """Return the gazetteer a prepared file's state holds (read from folder)."""
    def entries(table: dict) -> dict[tuple[str, ...], list[Entry]]:
        return {key: [*map(Entry._make, found)] for key, found in table.items()}

    places = Places()
    places.update((fields["id"], _place(fields)) for fields in state["places"])
    places.rows = state["rows"]
    return Gazetteer(
        places=places, index=entries(state["index"]), city_index=state["city_index"],
        merged=entries(state["merged"]), starts=frozenset(state["starts"]),
        prefixes=frozenset(state["prefixes"]), capitals=state["capitals"],
        country_names=state["country_names"], government_names=state["government_names"],
        groupings=state["groupings"], common_words=frozenset(state["common_words"]),
        given_names=frozenset(state["given_names"]), dependent=set(state["dependent"]),
        prominent=set(state["prominent"]), within=state["within"], folder=folder,
        lower_forms={language: set(words) for language, words in state["lower_forms"].items()},
    )


def _place(fields: dict) -> Place:
    """Return the Place of these field values, made as copy and pickle make one (its __dict__
    filled): a frozen dataclass's __init__ sets each field through object.__setattr__, three
    times slower, and a prepared gazetteer makes 9,000 places."""
    place = object.__new__(Place)
    vars(place).update(fields)
    return place
