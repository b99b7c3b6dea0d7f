"""The curated groupings: the hand-edited data file, checked, turned into groupings.json."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from geodata.make.fetch import read_json
from geodata.make.paths import GROUPINGS_DATA
from geodata.make.serialise import json_arrays

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
HEAD = ("id", "kind", "name", "names", "abbreviations")
TAIL = ("events", "source", "note")


def load_groupings(path: Path = GROUPINGS_DATA) -> list[dict]:
    """The groupings of the data file, in its order."""
    return read_json(path)["groupings"]


def is_iso_date(value: object) -> bool:
    """True for a real calendar date written YYYY-MM-DD."""
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def member_problems(gid: str, row: dict, known: set[str]) -> list[str]:
    """What is wrong with one membership row, in words."""
    problems = []
    if set(row) != {"iso3", "from", "to"}:
        problems.append(f"{gid}: a member needs exactly iso3, from, to, got {row!r}")
    if row.get("iso3") not in known:
        problems.append(f"{gid}: {row.get('iso3')!r} is not the ISO3 code of a country")
    for key in ("from", "to"):
        if row.get(key) is not None and not is_iso_date(row[key]):
            problems.append(f"{gid}: {key} of {row.get('iso3')} is not a YYYY-MM-DD date, "
                            f"got {row[key]!r}")
    if is_iso_date(row.get("from")) and is_iso_date(row.get("to")) and row["from"] >= row["to"]:
        problems.append(f"{gid}: {row['iso3']} leaves ({row['to']}) before it joins "
                        f"({row['from']})")
    return problems


def definition_problems(grouping: dict, with_members: set[str]) -> list[str]:
    """What is wrong with a region's definitions, in words."""
    gid, names = grouping["id"], grouping["definitions"]
    problems = [f"{gid}: definition {n!r} is not the id of a grouping with members"
                for n in names if n not in with_members]
    if grouping.get("default_definition") not in names:
        problems.append(f"{gid}: default_definition {grouping.get('default_definition')!r} "
                        f"is not one of its definitions {names!r}")
    return problems


def record_problems(grouping: dict, known: set[str], with_members: set[str]) -> list[str]:
    """What is wrong with one grouping of the data file, in words."""
    gid = grouping.get("id")
    required = (*HEAD, "definitions" if "definitions" in grouping else "members", *TAIL)
    problems = [f"{gid}: {key} is missing" for key in required if key not in grouping]
    if "definitions" in grouping:
        problems += definition_problems(grouping, with_members)
    for row in grouping.get("members", []):
        problems += member_problems(gid, row, known)
    return problems + [f"{gid}: event date {e.get('date')!r} is not a YYYY-MM-DD date"
                       for e in grouping.get("events", []) if not is_iso_date(e.get("date"))]


def grouping_problems(groupings: list[dict], known: Iterable[str]) -> list[str]:
    """What is wrong with the data file's groupings (empty if nothing), in words."""
    known, ids = set(known), [g.get("id") for g in groupings]
    with_members = {g.get("id") for g in groupings if "members" in g}
    problems = [f"grouping id {i!r} appears twice" for i in sorted(set(ids), key=str)
                if ids.count(i) > 1]
    for grouping in groupings:
        problems += record_problems(grouping, known, with_members)
    return problems


def member(iso3: str, start: str | None = None, end: str | None = None) -> dict:
    """One membership row of groupings.json."""
    return {"iso3": iso3, "from": start, "to": end}


def grouping_record(grouping: dict, members_of: dict[str, list[str]]) -> dict:
    """One grouping of groupings.json, keys in their fixed order.

    A region with definitions takes each definition's countries from the grouping of that
    id, and its members (undated) from its default definition.
    """
    record = {key: grouping[key] for key in HEAD}
    if "definitions" in grouping:
        record["definitions"] = {name: members_of[name] for name in grouping["definitions"]}
        record["default_definition"] = grouping["default_definition"]
        record["members"] = [member(iso3) for iso3 in record["definitions"][
            grouping["default_definition"]]]
    else:
        record["members"] = [member(m["iso3"], m["from"], m["to"]) for m in grouping["members"]]
    return record | {key: grouping[key] for key in TAIL}


def groupings_json(groupings: list[dict], known: Iterable[str]) -> str:
    """groupings.json from the data file's groupings; stops with the problems if any."""
    problems = grouping_problems(groupings, known)
    if problems:
        raise SystemExit(f"{GROUPINGS_DATA.name}:\n  " + "\n  ".join(problems))
    members_of = {g["id"]: [m["iso3"] for m in g.get("members", [])] for g in groupings}
    return json_arrays({"groupings": [grouping_record(g, members_of) for g in groupings]})
