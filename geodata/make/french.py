"""French names and words: world-countries' French names and demonyms (with their plurals),
CLDR's French territory, region and city names (through babel), Grammalecte's French words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from geodata.make.names import fold, is_name_form, unique
from geodata.make.pins import BABEL_VERSION, FRENCH_LOCALES

INVARIABLE = ("s", "x", "z", "è")  # 'français', 'burkinabè': the same in the plural
HUNSPELL_RULE = re.compile(r"SFX (\S\S) (\S+) (\S+) (\S+)")
ARTICLE = re.compile(r"^(?:le|la|les|l['’]\s*)\s*", re.I)


def plural(demonym: str) -> str:
    """The plural of a French demonym: -ien → -iens, -ienne → -iennes, -ais and -ois invariable,
    -al → -aux, -eau → -eaux, otherwise an -s ('russe' → 'russes', 'burkinabé' → 'burkinabés')."""
    if demonym.endswith(INVARIABLE):
        return demonym
    if demonym.endswith("al"):
        return demonym[:-2] + "aux"
    if demonym.endswith("eau"):
        return demonym + "x"
    return demonym + "s"


def demonyms(country: dict) -> list[str]:
    """The French demonyms of a world-countries entry: masculine, feminine and their plurals."""
    entry = country.get("demonyms", {}).get("fra", {})
    forms = [entry.get(gender, "").strip() for gender in ("m", "f")]
    forms = [f for f in forms if f and " " not in f]  # 'Antiguaise et barbudien': not one word
    return unique([*forms, *map(plural, forms)])


def check_babel() -> None:
    """Stop unless the pinned babel (its CLDR data decides the output) is installed."""
    import babel

    if babel.__version__ != BABEL_VERSION:
        raise SystemExit(f"babel {BABEL_VERSION} is required, found {babel.__version__}: "
                         "pip install -r requirements-dev.txt")


def territory_names(locales: Iterable[str] = FRENCH_LOCALES) -> dict[str, list[str]]:
    """CLDR's French names of each territory (ISO alpha-2 or UN M49 code), every locale's."""
    from babel import Locale

    names: dict[str, list[str]] = {}
    for locale in locales:
        for code, name in Locale.parse(locale).territories.items():
            names.setdefault(code, []).append(name)
    return {code: unique(found) for code, found in names.items()}


def country_translation(country: dict, cldr: dict[str, list[str]]) -> dict:
    """The French names and demonyms of a world-countries entry, for gazetteer.json."""
    french = country["translations"].get("fra", {})
    name = " ".join(french.get("common", "").split())
    official = re.sub(r"\s+(?=-)|(?<=['’])\s+", "", " ".join(french.get("official", "").split()))
    others = [n for n in cldr.get(country["cca2"], []) if is_name_form(n)]
    others = [n for n in unique([name, official, *others]) if n not in (name, official)]
    return {"name": name, "official": official, "names": others, "demonyms": demonyms(country)}


def region_names(countries: Iterable[dict], cldr: dict[str, list[str]]) -> list[dict]:
    """The French names of world-countries' regions and subregions, by their English CLDR
    name ('Western Africa' → 'Afrique occidentale'), sorted by the English name."""
    from babel import Locale

    english = {fold(name): code for code, name in Locale("en").territories.items()
               if code.isdigit()}
    used = sorted({c[key] for c in countries for key in ("region", "subregion") if c.get(key)})
    return [{"name": name, "names": [n for n in cldr[english[fold(name)]] if is_name_form(n)]}
            for name in used if fold(name) in english]


def exemplar_cities(locales: Iterable[str] = FRENCH_LOCALES) -> dict[tuple[str, str], list[str]]:
    """CLDR's French names of the time zones' exemplar cities ('Vienne', 'Le Caire'), by
    (ISO alpha-2, the city's English name folded)."""
    from babel import Locale
    from babel.core import get_global

    territory = get_global("zone_territories")
    english = Locale("en").time_zones
    found: dict[tuple[str, str], list[str]] = {}
    for locale in locales:
        for zone, data in Locale.parse(locale).time_zones.items():
            city = data.get("city")
            if city and zone in territory and "/" in zone:
                own = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[1]
                key = (territory[zone], fold(own.replace("_", " ")))
                found.setdefault(key, []).append(city)
    return {key: unique(names) for key, names in found.items()}


def hunspell_words(folder: Path) -> tuple[set[str], set[str]]:
    """Every word form of a Hunspell dictionary (index.aff, index.dic): those in lower case
    and those capitalised (proper nouns). Suffix rules only: French inflects at the end."""
    rules: dict[str, list[tuple[str, str, re.Pattern[str]]]] = {}
    for match in HUNSPELL_RULE.finditer((folder / "index.aff").read_text(encoding="utf-8")):
        flag, strip, add, condition = match.groups()
        rules.setdefault(flag, []).append((
            "" if strip == "0" else strip, "" if add.startswith("0") else add.split("/")[0],
            re.compile(f"(?:{condition})$")))
    lower, proper = set(), set()
    for word, units in _entries(folder):
        forms = set() if "()" in units else {word}  # '()': a stem that needs a suffix
        for unit in units:
            forms.update(word[:len(word) - len(strip)] + add for strip, add, condition
                         in rules.get(unit, ()) if word.endswith(strip) and condition.search(word))
        for form in forms:
            (proper if form[:1].isupper() else lower).add(form)
    return lower, proper


def common_words(lemmas: set[str], proper: set[str], local_names: set[str]) -> list[str]:
    """French common words for the geoparser, sorted: Grammalecte's lower-case lemmas, but for
    a word it also spells as a proper noun ('Paris' is a name first, 'paris' bets second) and
    for the own name of a place where French is official ('Diffa' is a town of Niger first, a
    'diffa' a feast second): local_names, folded."""
    names = {w.lower() for w in proper}
    return sorted(w for w in lemmas if w not in names and fold(w) not in local_names
                  and len(w) > 1)


def speaks_french(iso2: str) -> bool:
    """Tell whether French is an official language of a country (CLDR, through babel)."""
    from babel.languages import get_territory_language_info

    status = get_territory_language_info(iso2).get("fr", {}).get("official_status")
    return status in ("official", "de_facto_official")


def _entries(folder: Path) -> list[tuple[str, list[str]]]:
    """The entries of a Hunspell dictionary: each word and its two-character flags."""
    entries = []
    for line in (folder / "index.dic").read_text(encoding="utf-8").splitlines()[1:]:
        word, _, flags = line.strip().partition("/")
        flags = flags.split()[0] if flags.strip() else ""
        entries.append((word, [flags[i:i + 2] for i in range(0, len(flags), 2)]))
    return entries


def lemmas(folder: Path) -> set[str]:
    """The lower-case entries of a Hunspell dictionary that are words of their own."""
    return {word for word, units in _entries(folder) if word[:1].islower() and "()" not in units}


def strip_article(name: str) -> str:
    """A name without its leading French article ('Le Caire' → 'Caire')."""
    return ARTICLE.sub("", name)
