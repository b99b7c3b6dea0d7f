"""The reason a mention shows: why a span counts for its place, in words."""

from __future__ import annotations

from datetime import date

from ..gazetteer import Entry, Gazetteer
from ..kinds import KINDS
from ..models import Place

REASONS = {kind.how: kind.reason for kind in KINDS}
MEMBERS_NAMED = 6  # a bloc's members are named in its reason up to this many, counted beyond


def explain(entry: Entry, others: list[Entry], gaz: Gazetteer, on: date,
            government: bool = False) -> str:
    """Say in words why a span counts for its place (a bloc's members as on the date on; a
    capital that speaks for its government as that government's seat)."""
    place = gaz.place(entry.place)
    country = gaz.place(place.country).name if place.country in gaz.places else ""
    if place.id in gaz.within:  # a county: its state, then its country
        country = f"{gaz.place(gaz.within[place.id]).name}, {country}"
    members = members_said(place, gaz, on) if place.kind in ("grouping", "region") else ""
    # a bloc named by its case-exact abbreviation ('AES') says so, as a country's would
    how = "abbreviation" if entry.how == "grouping" and entry.exact_case else entry.how
    how = "seat" if government and how == "capital" else how
    reason = REASONS[how].format(name=place.name, country=country, members=members,
                                 government=gaz.government_names.get(place.country, country))
    if how == "abbreviation" and entry.how == "grouping":
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
