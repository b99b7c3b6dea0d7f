"""Resolution: choose each candidate's entry in context, and say why in words.

A reading's score is its kind's base score (kinds.KINDS) plus the bonuses below; the highest
wins, and ties go to the lower place id. tests/test_resolution.py states the orderings these
numbers must produce.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

from ..gazetteer import Entry, Gazetteer
from ..kinds import KINDS, Trait, hows
from ..models import Place
from .matching import Candidate

BASE_SCORE = {kind.how: kind.score for kind in KINDS}
REASONS = {kind.how: kind.reason for kind in KINDS}
MEMBERS_NAMED = 6  # a bloc's members are named in its reason up to this many, counted beyond
QUALIFYING = hows(Trait.QUALIFIES)
SETTLEMENTS = hows(Trait.SETTLEMENT)
LOCAL = hows(Trait.LOCAL)
RIVALS = hows(Trait.RIVAL)

# A town's population adds log10(people) / POPULATION_DIVISOR: a tenfold larger town gains 0.2.
# Size decides between towns; it lifts a town over a same-named region (4.0) only above 100,000
# people, and never over a capital (5.5).
POPULATION_DIVISOR = 5
MIN_POPULATION = 10  # a town without a population figure counts as this many people (+0.2)
# "French": France before the French Southern Lands (a dependency shares its state's demonym).
DEPENDENT_DEMONYM = 1.0
# A place in a country the text names without ambiguity beats a same-named place elsewhere:
# more than a capital's lead over a town (2.5).
NAMED_COUNTRY = 3.0
NAMINGS_COUNTED = 5  # and each naming of that country adds a little more, up to five namings …
NAMING_DIVISOR = 10  # … a tenth each (min(namings, 5) / 10: kept a division, as the sums were)
# 'Moscow, Idaho': the place right beside a name says where it is; nothing else weighs as much.
QUALIFIED = 10.0


def country_of(entry: Entry, gaz: Gazetteer) -> str | None:
    """Return the ISO3 code an entry's place lies in (None for groupings and regions)."""
    return gaz.place(entry.place).country


def score(entry: Entry, gaz: Gazetteer, anchors: dict[str, int], qualifier: str | None) -> float:
    """Score an entry for resolution: kind of name, population, countries the text names."""
    place = gaz.places[entry.place]
    value = BASE_SCORE[entry.how]
    if entry.how in SETTLEMENTS:
        value += math.log10(max(place.population, MIN_POPULATION)) / POPULATION_DIVISOR
    if entry.how == "demonym" and place.country in gaz.dependent:
        value -= DEPENDENT_DEMONYM
    if place.country and anchors.get(place.country):
        value += NAMED_COUNTRY + min(anchors[place.country], NAMINGS_COUNTED) / NAMING_DIVISOR
    if qualifier and place.country == qualifier:
        value += QUALIFIED
    return value


def resolve(cand: Candidate, gaz: Gazetteer, anchors: dict[str, int],
            qualifier: str | None) -> tuple[Entry, list[Entry]]:
    """Pick the entry that best fits the context; return it and the places passed over."""
    if len(cand.entries) == 1:
        return cand.entries[0], []
    ranked = sorted(cand.entries, key=lambda e: (-score(e, gaz, anchors, qualifier), e.place))
    chosen = ranked[0]
    rivals = LOCAL if chosen.how in LOCAL else RIVALS
    country = gaz.places[chosen.place].country
    others = [e for e in ranked[1:] if e.place != chosen.place and e.how in rivals
              and gaz.places[e.place].country != country]
    return chosen, others


def anchors(cands: list[Candidate], gaz: Gazetteer) -> dict[str, int]:
    """Count the countries named without ambiguity: the context that resolves the rest."""
    counts: dict[str, int] = {}
    for cand in cands:
        countries = {country_of(e, gaz) for e in cand.entries}
        if len(countries) == 1 and not cand.weak:
            (country,) = countries
            if country:
                counts[country] = counts.get(country, 0) + 1
    return counts


def qualifier(text: str, cand: Candidate, before: Candidate | None, after: Candidate | None,
              gaz: Gazetteer) -> str | None:
    """Return the country that 'City, Region' pairs name ('Moscow, Idaho'; 'Atlanta, Georgia')."""
    if after is not None and text[cand.end:after.start] in (", ", ","):
        countries = {country_of(e, gaz) for e in after.entries if e.how in QUALIFYING}
        if len(countries) == 1:
            return countries.pop()
    if before is not None and text[before.end:cand.start] in (", ", ","):
        countries = {country_of(e, gaz) for e in before.entries if e.how in SETTLEMENTS}
        if len(countries) == 1:
            return countries.pop()
    return None


def resolve_all(text: str, cands: list[Candidate], gaz: Gazetteer, counts: dict[str, int]):
    """Resolve every candidate against the same context; return (candidate, entry, others)."""
    resolved = []
    for i, cand in enumerate(cands):
        before = cands[i - 1] if i else None
        after = cands[i + 1] if i + 1 < len(cands) else None
        entry, others = resolve(cand, gaz, counts, qualifier(text, cand, before, after, gaz))
        resolved.append((cand, entry, others))
    return resolved


def count_countries(entries: Iterable[Entry], gaz: Gazetteer) -> dict[str, int]:
    """Count the countries of resolved mentions."""
    counts: dict[str, int] = {}
    for entry in entries:
        country = country_of(entry, gaz)
        if country:
            counts[country] = counts.get(country, 0) + 1
    return counts


def explain(entry: Entry, others: list[Entry], gaz: Gazetteer, on: date) -> str:
    """Say in words why a span counts for its place (a bloc's members as on the date on)."""
    place = gaz.place(entry.place)
    country = gaz.place(place.country).name if place.country in gaz.places else ""
    members = members_said(place, gaz, on) if place.kind in ("grouping", "region") else ""
    # a bloc named by its case-exact abbreviation ('AES') says so, as a country's would
    how = "abbreviation" if entry.how == "grouping" and entry.exact_case else entry.how
    reason = REASONS[how].format(name=place.name, country=country, members=members)
    if how != entry.how:
        reason += f"; {members}"
    if others:
        reason += f"; not {_describe(others[0], gaz)}" + (
            f" or {len(others) - 1} other places" if len(others) > 1 else "")
    return reason


def members_said(place: Place, gaz: Gazetteer, on: date) -> str:
    """Say who belongs to a bloc or region on a date: the names when they are few."""
    names = [gaz.place(code).name for code in gaz.members_on(place.id, on) if code in gaz.places]
    word = "members" if place.kind == "grouping" else "countries"
    if not names:
        return f"no {word} on the article's date"
    if len(names) > MEMBERS_NAMED:
        return f"{len(names)} {word}"
    return f"{word}: {', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else \
        f"{word[:-1]}: {names[0]}"


def _describe(entry: Entry, gaz: Gazetteer) -> str:
    """Name a passed-over place briefly ('Moscow, United States')."""
    place: Place = gaz.place(entry.place)
    if place.kind == "admin" and place.country in gaz.places:
        return f"{place.name}, a region of {gaz.place(place.country).name}"
    if place.country and place.country != place.id and place.country in gaz.places:
        return f"{place.name}, {gaz.place(place.country).name}"
    return place.name

