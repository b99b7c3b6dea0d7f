"""English: every English word the core's code reads, as one Lexicon."""

from __future__ import annotations

import re

from .base import Lexicon, abbreviation_pattern, words

# ---------------------------------------------------------------- documents
# Words ending in '.' that do not end a sentence: titles, months, and initials ('U.S.').
SENTENCE_ABBREVIATION = abbreviation_pattern(
    "Mr Mrs Ms Dr Prof Gen Col Lt Capt Sgt Maj Adm Gov Sen Rep Rev St Jr Sr No Vol "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Inc Ltd Co Corp vs etc approx"
)

# The commonest English words: they tell an English text from a French one (language.py), and
# are never names.
FUNCTION_WORDS = words(
    "the a an of and or but to in on at by for from with without into onto over under about "
    "after before since until during between against through is are was were be been being "
    "has have had do does did will would shall should can could may might must not no this "
    "that these those which who whom whose what when where why how it its he him his she her "
    "they them their we our you your i me my as than then there here also only very more most "
    "such said says say while if so up out all any some other each both few many much"
)

# ---------------------------------------------------------------- geoparse: context rules
ARTICLES = frozenset({"the"})
POSSESSIVES = ("'s", "’s")
HONORIFICS = frozenset("mr mrs ms miss mx dr sir lord lady dame rev prof".split())
FEATURES_BEFORE = frozenset("lake river mount mt gulf sea bay strait cape".split())
FEATURE_LINKS = frozenset({"of"})
FEATURES_AFTER = frozenset(
    "river delta basin valley mountains mountain hills desert sea ocean gulf lake island "
    "islands peninsula plateau street avenue road boulevard".split()
)
LANGUAGE_VERBS = frozenset("in speak speaks spoke speaking into from translated".split())
LANGUAGE_SUFFIXES = ("-speaking", "-language", "-speakers", " language", " speakers")
LANGUAGE_MARKERS: frozenset[str] = frozenset()  # English writes demonyms capitalised only

# ---------------------------------------------------------------- gazetteer
# Abbreviations for countries that news text uses but world-countries lists as codes.
ABBREVIATIONS = {
    "USA": ("US", "U.S.", "USA", "U.S.A."),
    "GBR": ("UK", "U.K."),
    "ARE": ("UAE", "U.A.E."),
    "COD": ("DRC", "DR Congo"),
    "CAF": ("CAR",),
}
# Names news uses that the registry does not list.
NAMES = {"GBR": ("Britain",), "NLD": ("Holland",), "MMR": ("Burma",)}
# Seats of government that news uses for their governments ("the Kremlin said").
METONYMS = {
    "Kremlin": "Moscow", "White House": "Washington", "Élysée": "Paris", "Elysee Palace": "Paris",
    "Élysée Palace": "Paris", "Downing Street": "London", "Whitehall": "London",
    "Pentagon": "Washington", "Capitol Hill": "Washington", "Quai d'Orsay": "Paris",
    "Zhongnanhai": "Beijing", "Foggy Bottom": "Washington",
}
COMPASS = {"Western": "West", "Eastern": "East", "Northern": "North", "Southern": "South"}
# "Republic of Turkey" → "Turkey": the short form news uses when a registry lists only the long one.
STATE_PREFIX = re.compile(
    r"^(?:(?:Federal|Democratic|Islamic|Socialist|People's|United|Arab|Plurinational|"
    r"Bolivarian|Hashemite|Co-operative|Cooperative|Independent|Oriental|Eastern)\s+)*"
    r"(?:Republic|Kingdom|State|Commonwealth|Principality|Grand Duchy|Sultanate|Emirate|"
    r"Federation|Union)\s+of\s+(?=[A-Z])"
)
# Month and weekday names: capitalised, common, and never places in running text.
CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def plural(demonym: str) -> str | None:
    """Return the plural of a demonym used as a noun ("Nigeriens"), if it has one."""
    if demonym.endswith(("s", "sh", "ch", "ese", "x", "z", "i")) or not demonym.isascii():
        return None
    return demonym + "s"


# ---------------------------------------------------------------- itinerary
MOVEMENT = re.compile(
    r"\b(?:tour(?:s|ed|ing)?|visit(?:s|ed|ing)?|trip|travel(?:s|led|ed|ling|ing)?|"
    r"arriv(?:e|es|ed|ing)|fl(?:y|ies|ew|own|ying)|(?:go(?:es|ing)?|went|gone)(?! on\b)|"
    r"head(?:s|ed|ing)?(?! of\b)|"
    r"depart(?:s|ed|ing)?|leav(?:e|es|ing)|left|return(?:s|ed|ing)?|land(?:s|ed|ing)?|"
    r"stop(?:s|ped)? (?:over|off)|proceed(?:s|ed)?|journey(?:s|ed)?|mov(?:e|es|ed) on)\b",
    re.I,
)
# What stands between a movement word (or the previous stop) and a stop.
INTO_STOP = re.compile(
    r"(?:\b(?:in|to|for|from|via|through|at|(?:tour|visit|trip) of|visit(?:s|ed|ing)?|"
    r"tour(?:s|ed|ing)?|"
    r"reach(?:es|ed|ing)?))\s+(?:the\s+)?\Z",
    re.I,
)
# A stop said to be "in" or "at" a place is one only after a movement word in its own clause
# ("arrived in Moscow"), not in a clause of its own ("cases were found in Dakar").
LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?\Z", re.I)
MOVES_ON = re.compile(r"[^;:()]{0,80}?\b(?:before|then)\b", re.I)
LIST_GAP = re.compile(r"\A\s*(?:,|,?\s*and|,?\s*(?:and\s+)?then|,?\s*before|,?\s*after)?"
                      r"(?:\s+(?:then|finally|next|on|to|in|visit\w*))*\s*(?:the\s+)?\Z", re.I)
DEPARTURE = re.compile(r"\b(?:from|after\s+(?:\w+\s+){0,3}(?:in|to|at))\s+(?:the\s+)?\Z", re.I)
LATER = re.compile(r"\bbefore\s+(?:\w+\s+){0,2}(?:to|in|for)\s+(?:the\s+)?\Z", re.I)
# "official" and "general" are adjectives as often: "official news agency", "general election".
OFFICIAL_NOUNS = (
    "news media agency figures data statistics statement website sources results toll language "
    "languages residence television radio gazette report records"
).split()
GENERAL_NOUNS = "election elections strike assembly public population staff amnesty".split()
TITLE = re.compile(
    r"[\s'’s]*(?:(?:new|former|interim|acting|transitional|deputy|junta|military|top|chief|"
    r"defen[cs]e|foreign|prime|vice|head of state)\s+)*(?:prime minister|president|minister|"
    r"premier|chancellor|king|queen|leader|chief|envoy|delegation|official|diplomat|"
    r"ambassador|general|head of state|secretary)\b"
    r"(?<!official(?= (?:" + "|".join(OFFICIAL_NOUNS) + r")\b))"
    r"(?<!general(?= (?:" + "|".join(GENERAL_NOUNS) + r")\b))",
    re.I,
)
# English puts the title after the nationality ("the Nigerien Prime Minister"), never before.
NEVER = re.compile(r"(?!)")
# "Sofia, Bulgaria", "Dongguan, in China's south": a country that only says where a stop is.
QUALIFIER_GAPS = (", ", ", in ")

LEXICON = Lexicon(
    language="en", name="English", function_words=FUNCTION_WORDS,
    sentence_abbreviation=SENTENCE_ABBREVIATION,
    articles=ARTICLES, possessives=POSSESSIVES, honorifics=HONORIFICS,
    features_before=FEATURES_BEFORE, feature_links=FEATURE_LINKS, features_after=FEATURES_AFTER,
    language_verbs=LANGUAGE_VERBS, language_suffixes=LANGUAGE_SUFFIXES,
    language_markers=LANGUAGE_MARKERS, features_lower_case=False, lower_case_kinds=frozenset(),
    abbreviations=ABBREVIATIONS, names=NAMES, demonyms={}, metonyms=METONYMS, compass=COMPASS,
    state_prefix=STATE_PREFIX, calendar_words=CALENDAR_WORDS, plural=plural,
    movement=MOVEMENT, into_stop=INTO_STOP, locative=LOCATIVE, moves_on=MOVES_ON,
    list_gap=LIST_GAP, departure=DEPARTURE, later=LATER, title=TITLE, title_before=NEVER,
    qualifier_gaps=QUALIFIER_GAPS,
)
