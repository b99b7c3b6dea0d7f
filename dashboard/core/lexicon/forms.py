"""The names every lexicon derives from a place's name or adds to it, for the gazetteer."""

from __future__ import annotations

from . import every_lexicon

ALL_LEXICONS = every_lexicon()  # one gazetteer for every language: it holds the names of all


def lexicon_forms(table: str, key: str) -> tuple[str, ...]:
    """Return the forms every lexicon's table (abbreviations, names) holds for a key."""
    return tuple(form for lexicon in ALL_LEXICONS for form in getattr(lexicon, table).get(key, ()))


def short_names(name: str) -> list[str]:
    """Return a name without a state prefix, by each lexicon ("Republic of Turkey" → "Turkey")."""
    shorts = (lexicon.state_prefix.sub("", name) for lexicon in ALL_LEXICONS)
    return [short for short in shorts if short != name and " " not in short]


def without_article(name: str) -> list[str]:
    """Return a name without its article after 'of', by each lexicon ('Democratic Republic of
    the Congo' → 'Democratic Republic of Congo', as news often writes it)."""
    # sorted: the order the gazetteer indexes forms in may not hang on the hash seed
    bares = (name.replace(f" {link} {article} ", f" {link} ") for lexicon in ALL_LEXICONS
             for article in sorted(lexicon.articles) for link in sorted(lexicon.feature_links))
    return [bare for bare in bares if bare != name]


def plurals(demonym: str) -> list[str]:
    """Return a demonym's plurals as a noun, by each lexicon ("Nigeriens")."""
    return [many for lexicon in ALL_LEXICONS if (many := lexicon.plural(demonym))]


def government_name(row: dict) -> str:
    """Return the word news puts before 'government' for a country: a short abbreviation
    ('US', 'UK'), else its first demonym ('Russian'), else its name."""
    short = [a for a in lexicon_forms("abbreviations", row["iso3"]) if a.isalpha()
             and len(a) <= 3]
    return (short or row.get("demonyms") or [row["name"]])[0]


def compass_forms(name: str) -> list[str]:
    """Return a region's name as news says it, by each lexicon ('Western Africa' → 'West
    Africa', 'Afrique occidentale' → "Afrique de l'Ouest")."""
    forms = []
    for lexicon in ALL_LEXICONS:
        words = name.split(" ")
        said = [lexicon.compass.get(word, word) for word in words]
        if said != words and len(words) > 1:
            forms.append(" ".join(said))
    return forms
