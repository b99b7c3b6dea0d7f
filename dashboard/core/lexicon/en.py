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
    "islands peninsula plateau street avenue road boulevard bay".split()
)
LANGUAGE_VERBS = frozenset("in speak speaks spoke speaking into from translated".split())
LANGUAGE_SUFFIXES = ("-speaking", "-language", "-speakers", " language", " speakers")
LANGUAGE_MARKERS: frozenset[str] = frozenset()  # English writes demonyms capitalised only
# A person's name, told by the words around it (geoparse/names.py's person rule):
# a title before it ('President Taylor'), a particle inside it ('Dominique de Villepin'),
# or a verb of speech then a personal pronoun ('Victoria said she would stay').
PERSON_TITLES = frozenset(
    "president minister premier chancellor senator sen governor gov mayor judge justice king "
    "queen prince princess emperor sultan sheikh emir pope bishop archbishop cardinal imam "
    "pastor general gen colonel col major captain capt lieutenant lt sergeant sgt commander "
    "admiral marshal secretary ambassador envoy spokesman spokeswoman spokesperson director "
    "professor coach representative rep congressman congresswoman councillor commissioner "
    "superintendent chairman chairwoman actor actress singer striker".split()
)
NAME_PARTICLES = frozenset("de da do dos das del della di du van von der den ter bin ibn al el "
                           "ould bint".split())
SPEECH_VERBS = frozenset(
    "said says say told tells added adds warned warns stated announced announces insisted "
    "insists argued argues claimed claims noted explained replied responded wrote asked urged "
    "urges accused accuses denied denies confirmed confirms declared commented stressed "
    "vowed pledged promised threatened condemned demanded rejected rejects yelled shouted "
    "testified tweeted".split()
)
PERSON_PRONOUNS = frozenset("he she his her him".split())
# A capital speaking for its government: 'Washington said', 'Beijing has warned'.
AUXILIARIES = frozenset("has have had will would is was also again".split())
# Organisations that carry a place in their name are not that place (rules.py, 'organisation's
# name'): news media, airlines, companies, universities and schools, military formations. The
# state's own bodies ('Russian Defense Ministry', 'Nigeria Police') do count: they act for it.
ORGANISATION_BEFORE = frozenset("air radio television agence".split())
ORGANISATION_OF = frozenset(
    "university universities college bank voice times institute school academy church".split())
ORGANISATION_AFTER = frozenset(
    "corps legion airways airlines times post herald tribune daily journal gazette telegraph "
    "chronicle observer today broadcasting television radio tv news presse university college "
    "institute school elementary academy polytechnic llc inc ltd plc corp corporation company "
    "holdings industries laboratories labs telecom telecommunications bank fc".split()
)
# 'the state of Victoria', 'Zaire province', 'Kano State': the region, not a town of its name.
ADMIN_WORDS = frozenset(
    "state states province provinces region regions county parish department district "
    "governorate prefecture oblast canton municipality territory".split()
)
COMPASS_WORDS = frozenset(
    "north south east west central northern southern eastern western north-east north-west "
    "south-east south-west northeast northwest southeast southwest north-eastern "
    "north-western south-eastern south-western northeastern northwestern southeastern "
    "southwestern".split()
)
# Descriptions written in lower case that news uses as names of a region.
DESCRIPTIONS = {
    "tri-border area": "Liptako-Gourma", "tri-border region": "Liptako-Gourma",
    "tri-border zone": "Liptako-Gourma", "three-border area": "Liptako-Gourma",
    "three borders area": "Liptako-Gourma", "three-border zone": "Liptako-Gourma",
}

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
    "Zhongnanhai": "Beijing", "Foggy Bottom": "Washington", "Elysee": "Paris",
    "Aso Rock": "Abuja", "Aso Villa": "Abuja", "Koulouba": "Bamako", "Kosyam": "Ouagadougou",
    "Moncloa": "Madrid", "Casa Rosada": "Buenos Aires", "Planalto": "Brasília",
    "Union Buildings": "Pretoria", "Palazzo Chigi": "Rome", "Blue House": "Seoul",
    "Rashtrapati Bhavan": "New Delhi",
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
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")
_NTH = r"\d{1,2}(?:st|nd|rd|th)?"
# 'on Tuesday', 'last week', 'on March 12', 'in December', 'two days later': when a leg was
# made, between a movement word and its stop or between two stops.
_WHEN = (
    r"(?:on\s+)?(?:(?:last|next|this)\s+)?" + _DAY + r"(?:\s+(?:morning|afternoon|evening|night|"
    r"" + _NTH + r"(?:\s+" + _MONTH + r")?))?|(?:on\s+)?(?:" + _MONTH + r"\s+" + _NTH + r"|"
    + _NTH + r"\s+" + _MONTH + r")(?:,?\s+\d{4})?|(?:in|early|late|mid-?)\s*(?:early\s+|late\s+)?"
    + _MONTH + r"(?:\s+\d{4})?|in\s+\d{4}|(?:last|next|this|earlier\s+this|later\s+this|"
    r"the\s+following|the\s+previous)\s+(?:week|month|year|weekend|morning|evening)|"
    r"yesterday|today|tomorrow|tonight|overnight|(?:over|at)\s+the\s+weekend|"
    r"the\s+(?:next|following|same)\s+day|(?:a|one|two|three|four|five|a\s+few|several|\d+)"
    r"\s+(?:days?|weeks?)\s+later|shortly\s+after(?:wards)?"
)
_TIMES = r"(?:\s*,?\s*(?:" + _WHEN + r")\b)*"
MOVEMENT = re.compile(
    r"\b(?:tour(?:s|ed|ing)?|visit(?:s|ed|ing)?|trip|travel(?:s|led|ed|ling|ing)?|"
    r"arriv(?:e|es|ed|ing)|fl(?:y|ies|ew|own|ying)|(?:go(?:es|ing)?|went|gone)(?! on\b)|"
    r"head(?:s|ed|ing)?(?! of\b)|"
    r"depart(?:s|ed|ing)?|leav(?:e|es|ing)|left|return(?:s|ed|ing)?|land(?:s|ed|ing)?|"
    r"stop(?:s|ped)? (?:over|off)|proceed(?:s|ed)?|journey(?:s|ed)?|mov(?:e|es|ed) on|"
    r"(?:then|and|later|next|continu(?:e|es|ed|ing))\s+on(?=\s+to\b)|"  # "then on to Minsk"
    r"(?:take|takes|took|taken|taking)\s+(?:him|her|them)(?=\s+to\b)|"  # "will take him to"
    r"(?:due|expected)(?=\s+(?:in|at)\b))\b",  # "is due in Nairobi on Friday"
    re.I,
)
# A host receives the traveller: the person after the word travels, to where it happens.
RECEPTION = re.compile(r"\b(?:receiv(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|host(?:s|ed|ing)?|"
                       r"greet(?:s|ed|ing)?)\b", re.I)
# Between a place and a reception word when the place is the host: 'Niamey has received a
# Russian delegation', 'Moscow will host', 'Bamako is hosting'.
HOSTING = re.compile(r"\s+(?:(?:has|had|will|is|was|would)\s+(?:be\s+|been\s+)?)?")
# After a reception word, these make the person a noun's complement, not the guest: 'Abuja
# has welcomed the decision of the Malian president'.
COMPLEMENT_LINKS = frozenset("of".split())
# Before a movement word (in its clause), or the word itself: the leg is still to come.
PLANNED = re.compile(
    r"\b(?:will|shall|would|'ll|(?:is|are|was|were)\s+(?:(?:due|set|expected|scheduled|slated|"
    r"going|about|planning|preparing|poised)\s+)?to|(?:is|are)\s+(?:due|expected)|plans?|"
    r"planning|planned|intends?|"
    r"intending|hopes?|upcoming|forthcoming)\b", re.I)
# An auxiliary before a movement word, or the word itself in the past: the leg has been made.
COMPLETED = re.compile(
    r"\b(?:has|have|had|was|were|did)\b.*\Z|\b(?:\w+ed|flew|flown|went|gone|left|took|came)"
    r"(?:\s+(?:him|her|them|over|off|on))?\Z", re.I)
# A stop returned to is made again, not told again ("returned to Niamey").
RETURNING = re.compile(r"\b(?:return\w*|back|home)\b[^,;:]{0,20}?\b(?:to|in)\s+(?:the\s+)?\Z",
                       re.I)
# What stands between a movement word (or the previous stop) and a stop.
INTO_STOP = re.compile(
    r"(?:\b(?:in|to|for|from|via|through|at|(?:tour|visit|trip) of|visit(?:s|ed|ing)?|"
    r"tour(?:s|ed|ing)?|left|leav(?:e|es|ing)|depart(?:s|ed|ing)?|"
    r"reach(?:es|ed|ing)?))\s+(?:the\s+)?\Z",
    re.I,
)
# A stop said to be "in" or "at" a place is one only after a movement word in its own clause
# ("arrived in Moscow"), not in a clause of its own ("cases were found in Dakar").
LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?\Z", re.I)
MOVES_ON = re.compile(r"[^;:()]{0,80}?\b(?:before|then)\b", re.I)
LIST_GAP = re.compile(r"\A" + _TIMES + r"\s*(?:,|,?\s*and|,?\s*(?:and\s+)?then|,?\s*before|"
                      r",?\s*after)?(?:\s+(?:then|finally|next|on|to|in|visit\w*)\b|"
                      r"\s*,?\s*(?:" + _WHEN + r")\b)*\s*(?:the\s+)?\Z", re.I)
# "after a week-long tour that took him to Paris": words of one clause between.
DEPARTURE = re.compile(r"\b(?:from|left|leav(?:e|es|ing)|depart(?:s|ed|ing)?|"
                       r"after\s+(?:[^\s,;.]+\s+){0,8}?(?:in|to|at))\s+(?:the\s+)?\Z", re.I)
LATER = re.compile(r"\bbefore\s+(?:\w+\s+){0,2}(?:to|in|for)\s+(?:the\s+)?\Z", re.I)
# A verb that is not one of movement: the 'to' after it gives, binds or speaks, and names no
# stop ('the accords that tied them to France', 'arms sold to China'). Read between the last
# movement word and the place.
NOT_MOVING = re.compile(
    r"\b(?:tie[sd]?|tying|link(?:s|ed|ing)?|bound|binds?|sold|sell(?:s|ing)?|resold|"
    r"deliver(?:s|ed|ing)?|suppl(?:y|ies|ied|ying)|g(?:ive|ives|ave|iven|iving)|"
    r"hand(?:s|ed|ing)\s+over|handed|export(?:s|ed|ing)?|offer(?:s|ed|ing)?|grant(?:s|ed|ing)?|"
    r"leas(?:e|es|ed|ing)|loan(?:s|ed)?|lent|lend(?:s|ing)?|transfer(?:s|red|ring)?|allied|"
    r"belong(?:s|ed|ing)?|ow(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|said|says?|told|tells?|"
    r"sp(?:oke|oken|eak|eaks|eaking)|talk(?:ed|ing)|wr(?:ote|ite|ites|itten|iting)|"
    r"appeal(?:s|ed|ing)?|ship(?:s|ped|ping))\b",
    re.I,
)
# A group of people opening a clause, as its subject: their departure or arrival is nobody's
# leg ('French troops left Niamey in December'). Not after 'with', 'by', 'accompanied by' (the
# traveller's escort).
OTHERS = re.compile(
    r"(?:\A|[,;:]\s*|\b(?:and|but|as|while|when|where|whose)\s+)"
    r"(?:(?!(?:with|by|among|including|accompanied|escorted|alongside)\b)[\w'’-]+\s+){0,4}?"
    r"(?:troops|soldiers|forces|peacekeepers|refugees|migrants|displaced|protesters|"
    r"demonstrators|residents|civilians|jihadists|militants|fighters|rebels|insurgents|"
    r"instructors|mercenaries|hostages|tourists|nationals|expatriates|workers|students|"
    r"pilgrims|fans|paramilitaries|gendarmes|police(?:men)?|personnel|contingents?)\b",
    re.I,
)
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
    r"ambassador|general|head of state|secretary|counterpart)\b"
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
    person_titles=PERSON_TITLES, name_particles=NAME_PARTICLES, speech_verbs=SPEECH_VERBS,
    person_pronouns=PERSON_PRONOUNS, auxiliaries=AUXILIARIES,
    organisation_before=ORGANISATION_BEFORE,
    organisation_of=ORGANISATION_OF, organisation_after=ORGANISATION_AFTER,
    admin_words=ADMIN_WORDS, compass_words=COMPASS_WORDS, descriptions=DESCRIPTIONS,
    language_markers=LANGUAGE_MARKERS, features_lower_case=False, lower_case_kinds=frozenset(),
    abbreviations=ABBREVIATIONS, names=NAMES, demonyms={}, metonyms=METONYMS, compass=COMPASS,
    state_prefix=STATE_PREFIX, calendar_words=CALENDAR_WORDS, plural=plural,
    movement=MOVEMENT, reception=RECEPTION, hosting=HOSTING,
    complement_links=COMPLEMENT_LINKS, planned=PLANNED, completed=COMPLETED,
    returning=RETURNING, into_stop=INTO_STOP, locative=LOCATIVE, moves_on=MOVES_ON,
    list_gap=LIST_GAP, departure=DEPARTURE, later=LATER, not_moving=NOT_MOVING, others=OTHERS,
    title=TITLE,
    title_before=NEVER,
    qualifier_gaps=QUALIFIER_GAPS,
)
