"""French: every French word the core's code reads, as one Lexicon.

French differs from English where the code looks: country names take the article ('le Niger' is
the country; the river is 'le fleuve Niger'), articles and prepositions elide ("l'Algérie",
"d'Iran"), demonyms are adjectives written in lower case after their noun ('les soldats
nigériens'), titles come before the nationality ('le Premier ministre nigérien'), and 'à', 'en',
'au' mean both 'to' and 'in'. The country, capital, city and demonym names themselves come from
the geodata (geodata/build.py: world-countries, CLDR, GeoNames), not from here.
"""

from __future__ import annotations

import re

from .base import Lexicon, abbreviation_pattern, words

# ---------------------------------------------------------------- documents
# Words ending in '.' that do not end a sentence: titles, months, and initials ('M.', 'J.').
SENTENCE_ABBREVIATION = abbreviation_pattern(
    "M MM Mme Mmes Mlle Mlles Me Mgr Dr Pr Gén Gal Col Cdt Cne Lt Sgt Adj St Ste Sts av apr "
    "env etc cf éd coll vol art chap janv févr fév avr juil sept oct nov déc No"
)
# The commonest French words (articles, prepositions, pronouns, conjunctions, elided forms):
# they tell a French text from an English one (language.py), and are never names, even
# capitalised at a sentence's start ('Selon Moscou', 'La France', 'Au Mali').
FUNCTION_WORDS = words(
    "le la les l un une des du de d au aux à a et ou mais donc or ni car que qu qui quoi dont "
    "où ce cet cette ces c ça se s sa son ses leur leurs lui elle elles il ils on nous vous je "
    "j me m te t y en ne n pas plus moins très aussi ainsi alors après avant avec sans sous "
    "sur dans par pour vers chez contre entre depuis pendant selon lors dès outre malgré "
    "parmi hors via est sont été être était étaient sera seront a ont avait avaient aura "
    "auront fait faire comme si tout tous toute toutes même autre autres cela ceci celui "
    "celle ceux celles notre nos votre vos mon ma mes ton ta tes quand puis ensuite enfin "
    "déjà encore toujours jamais"
)

# ---------------------------------------------------------------- geoparse: context rules
# Country names take the article ('le Niger', 'la Guinée'): the article says nothing of a river.
ARTICLES: frozenset[str] = frozenset()
POSSESSIVES: tuple[str, ...] = ()  # French has no "'s"
HONORIFICS = frozenset(
    "m mm mme mmes mlle mlles me mgr dr pr monsieur madame mademoiselle maître".split()
)
# 'le fleuve Niger', 'le lac Tchad', 'le golfe de Guinée', 'les rives du Niger', 'la rue de Paris'
FEATURES_BEFORE = frozenset(
    "fleuve fleuves rivière lac golfe mer océan baie détroit canal mont monts massif désert "
    "delta boucle vallée rive rives berge berges crue crues embouchure rue avenue boulevard "
    "place pont quai".split()
)
FEATURE_LINKS = frozenset("de du des d".split())
FEATURES_AFTER: frozenset[str] = frozenset()  # French puts the feature word first
# 'parle français', 'traduit en russe'
LANGUAGE_VERBS = frozenset(
    "parle parlent parler parlant parlé parlée parlait parlaient en traduit traduite "
    "traduits traduites langue".split()
)
LANGUAGE_SUFFIXES: tuple[str, ...] = ()
# A lower-case demonym after these is the language: 'le français', 'cours de russe', 'en anglais'.
LANGUAGE_MARKERS = frozenset("le du de d en au".split()) | LANGUAGE_VERBS

# ---------------------------------------------------------------- gazetteer
# Case-exact abbreviations French news uses for countries.
ABBREVIATIONS = {
    "USA": ("É.-U.", "E.-U."),
    "GBR": ("R.-U.",),
    "ARE": ("EAU",),
    "COD": ("RDC", "RD Congo"),
    "CAF": ("RCA",),
}
# Names French news uses that the registries do not list (or list only with parentheses).
NAMES = {
    "GBR": ("Grande-Bretagne",), "NLD": ("Hollande",), "MMR": ("Birmanie",),
    "CZE": ("République tchèque",), "COD": ("RD Congo", "République démocratique du Congo"),
}
# Demonyms French news uses beside world-countries' ('qatarien'), in all four forms.
DEMONYMS = {
    "QAT": ("qatari", "qatarie", "qataris", "qataries"),
    "ARE": ("émirati", "émiratie", "émiratis", "émiraties"),
    "BFA": ("burkinabè",),
}
# Seats of government that French news uses for their governments ("l'Élysée a annoncé").
METONYMS = {
    "Kremlin": "Moscow", "Maison-Blanche": "Washington", "Maison Blanche": "Washington",
    "Élysée": "Paris", "Matignon": "Paris", "Quai d'Orsay": "Paris", "Pentagone": "Washington",
    "Koulouba": "Bamako", "Kosyam": "Ouagadougou", "Downing Street": "London",
}
# CLDR's 'Afrique occidentale' is 'Afrique de l'Ouest' in the news (one word each, anywhere).
COMPASS = {"occidentale": "de l'Ouest", "orientale": "de l'Est",
           "septentrionale": "du Nord"}
# "République du Niger" → "Niger": the short form when a name is only given in full.
STATE_PREFIX = re.compile(
    r"^(?:République|Royaume|État|Principauté|Grand-Duché|Sultanat|Émirat|Fédération|"
    r"Commonwealth)(?:\s+(?:fédérale|démocratique|islamique|populaire|arabe|socialiste|"
    r"coopérative))*\s+(?:d['’]\s*|de\s+(?:la\s+|l['’]\s*)?|du\s+|des\s+)(?=[A-ZÉÈÎ])"
)
CALENDAR_WORDS = frozenset(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
)


def plural(demonym: str) -> None:
    """French demonyms come with their plurals in the geodata (geodata/make/french.py)."""
    return None


# ---------------------------------------------------------------- itinerary
_ARTICLE = r"(?:l['’]\s*|la\s+|le\s+|les\s+)?"
_OF = r"d(?:e\s+|u\s+|['’]\s*)"  # 'de ', 'du ', "d'"
_TO_WORDS = r"à|(?-i:A)|en|au|aux|dans"  # 'to' and 'in' alike ('A' only capitalised: 'A Moscou')
_TO = r"(?:" + _TO_WORDS + r")"
_DAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_MONTH = (r"(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
          r"décembre)")
_DATE = r"(?:1er|\d{1,2})\s+" + _MONTH + r"(?:\s+\d{4})?"
# 'mardi', 'lundi dernier', 'le 12 mars', 'en décembre', 'la semaine dernière', 'le lendemain':
# when a leg was made, between a movement word and its stop or between two stops.
_WHEN = (
    r"(?:(?:le|ce)\s+)?" + _DAY + r"(?:\s+(?:dernier|prochain|matin|soir|après-midi|" + _DATE
    + r"))?|(?:le\s+)?" + _DATE + r"|(?:en|début|fin|mi-)\s*" + _MONTH + r"(?:\s+\d{4})?|"
    r"en\s+\d{4}|(?:la|cette)\s+semaine(?:\s+(?:dernière|passée|prochaine))?|"
    r"(?:le|ce)\s+(?:mois|week-end)(?:\s+(?:dernier|passé|prochain))?|"
    r"l['’]\s*(?:an|année)\s+(?:dernier|dernière|passé|passée|prochain|prochaine)|cette\s+année|"
    r"(?:avant-)?hier(?:\s+(?:matin|soir))?|aujourd['’]hui|(?:après-)?demain(?:\s+(?:matin|soir))?|"
    r"ce\s+(?:matin|soir)|le\s+(?:lendemain|surlendemain|même\s+jour)|"
    r"dans\s+la\s+(?:soirée|matinée|journée|nuit)|en\s+fin\s+de\s+(?:semaine|journée)|"
    r"(?:deux|trois|quatre|quelques|\d+)\s+jours\s+plus\s+tard|peu\s+après"
)
_TIMES = r"(?:\s*,?\s*(?:" + _WHEN + r")\b)*"
MOVEMENT = re.compile(
    r"\b(?:(?:s['’]\s?(?:y\s+)?(?:est|sont|était|étaient)|se|s['’]y)\s+rend\w*|"
    r"visit\w*|voyag\w*|tournée|périple|arriv\w*|quitt\w*|envol\w*|atterri\w*|regagn\w*|"
    r"rejoin\w*|rejoint|retourn\w*|retour|déplac\w*|séjourn\w*|séjour|escale|"
    r"(?:est|sont|était)\s+parti(?:e|s|es)?|partir(?:a|ont)?|attendue?s?|"
    r"(?:l['’]\s*|le\s+|la\s+|les\s+)(?:condui\w*|mèner\w*|emmèner\w*))\b",  # 'le conduira à'
    re.I,
)
# Un hôte reçoit le voyageur: la personne nommée après le mot voyage, là où cela se passe.
RECEPTION = re.compile(r"\b(?:re[çc]u(?:e|s|es)?|re[çc]oi\w*|recev\w*|accueill\w*)\b", re.I)
# Entre un lieu et le mot de réception, quand le lieu est l'hôte: 'Niamey a reçu mardi une
# délégation russe', 'Bamako va accueillir', 'Alger vient d'accueillir'.
HOSTING = re.compile(r"\s+(?:(?:a|avait|aura|va|doit|devait|devrait|vient\s+d['’])\s*)?")
# Après le mot de réception, la personne est le complément d'un nom, non l'invitée: 'Dakar a
# accueilli la décision du président malien'.
COMPLEMENT_LINKS = frozenset("de du d".split())
# Avant le mot de mouvement, ou le mot lui-même au futur: l'étape est encore à venir.
PLANNED = re.compile(
    r"\b(?:va|vont|doit|doivent|devra|devront|devrait|devraient|compte|comptent|prévoit|"
    r"prévoient|envisage|envisagent|s['’]apprête\w*|attendue?s?|prochaine?)\b|\w(?:ra|ront)\Z",
    re.I)
# Un auxiliaire avant le mot de mouvement, ou le mot lui-même au passé: l'étape est faite.
COMPLETED = re.compile(
    r"\b(?:a|ont|avait|avaient|est|sont|était|étaient|eut|fut)\b.*\Z|"
    r"\w(?:é|ée|és|ées|it|a)\Z", re.I)
# Une étape où l'on revient est refaite, non racontée à nouveau ('est rentré à Niamey').
RETURNING = re.compile(r"\b(?:regagn\w*|retourn\w*|rentr\w*|retour|reven\w*|revien\w*)\b"
                       r"[^,;:]{0,20}?\Z", re.I)
INTO_STOP = re.compile(
    r"(?:\b(?:" + _TO + r"|pour|vers|via|par|depuis|jusqu['’]à|à\s+destination\s+" + _OF
    + r"|en\s+provenance\s+" + _OF + r"|(?:visit\w*|quitt\w*|regagn\w*|rejoin\w*|rejoint)"
    + _TIMES + r"))\s*" + _ARTICLE + r"\Z",
    re.I,
)
LOCATIVE = re.compile(r"\b" + _TO + r"\s*" + _ARTICLE + r"\Z", re.I)
MOVES_ON = re.compile(r"[^;:()]{0,80}?\b(?:avant|puis|ensuite)\b", re.I)
LIST_GAP = re.compile(
    r"\A" + _TIMES + r"\s*(?:,|,?\s*et|,?\s*(?:et\s+)?puis|,?\s*ensuite|,?\s*avant|,?\s*après)?"
    r"(?:\s+(?:puis|enfin|ensuite|" + _TO + r"|pour|vers)\b|\s*,?\s*(?:" + _WHEN + r")\b)*"
    r"\s*" + _ARTICLE + r"\Z",
    re.I,
)
DEPARTURE = re.compile(
    r"\b(?:depuis|en\s+provenance\s+" + _OF + r"|au\s+départ\s+" + _OF + r"|"
    r"quitt\w*" + _TIMES + r"|après\s+(?:\w+\s+){0,3}" + _TO + r")\s*" + _ARTICLE + r"\Z",
    re.I,
)
LATER = re.compile(r"\bavant\s+(?:d['’]\s*|de\s+)?(?:\w+\s+){0,3}(?:" + _TO_WORDS
                   + r"|pour|vers)\s*" + _ARTICLE + r"\Z", re.I)
_ER = r"(?:e|es|ent|er|ez|ons|é|ée|és|ées|ait|aient|ant|era|eront|erait|eraient|a|èrent)"
# A verb that is not one of movement: the 'à' after it gives or binds, and names no stop
# ('les accords qui les liaient à la France', 'des armes livrées à la Russie', 'a vendu à la
# Chine'). Read between the last movement word and the place.
NOT_MOVING = re.compile(
    r"\b(?:(?:re)?li|livr|donn|c[èé]d|accord|attach|rattach|reproch|adress|attribu|confi|vers|"
    r"transf[èé]r|prêt|pay|associ|alli|destin|réserv|propos|demand|parl|export|impos|oppos|"
    r"achet|command|emprunt|réclam|dédi|succéd)" + _ER + r"\b|"
    r"\b(?:vend(?:u|ue|us|ues|re|ait|aient|ent|ra|ront|rait|raient|ant|ons|ez)?|revend\w*|"
    r"offr\w*|offert(?:e|s|es)?|fourni\w*|remi(?:s|se|ses)|remet\w*|promi(?:s|se|ses)|"
    r"promet\w*|appart[ie]\w*|di(?:t|te|ts|tes|sent|sait|saient|re)|répond\w*|"
    r"écri(?:t|te|ts|tes|vent|vait|vaient|re))\b",
    re.I,
)
# A group of people opening a clause, as its subject: their departure or arrival is nobody's
# leg ('Les derniers militaires de l'opération Barkhane ont quitté Niamey'). Not after 'avec',
# 'par', 'accompagné de' (the traveller's escort).
OTHERS = re.compile(
    r"(?:\A|[,;:]\s*|\b(?:et|mais|alors\s+que|tandis\s+que|où|quand|lorsque|dont)\s+)"
    r"(?:(?!(?:avec|par|parmi|accompagn\w*|escort\w*|entour\w*)\b)[\w'’-]+\s+){0,4}?"
    r"(?:militaires|soldats|troupes|forces|casques\s+bleus|réfugiés|migrants|déplacés|"
    r"manifestants|habitants|civils|d?jihadistes|combattants|rebelles|insurgés|instructeurs|"
    r"mercenaires|otages|touristes|ressortissants|expatriés|travailleurs|étudiants|pèlerins|"
    r"supporters|paramilitaires|gendarmes|policiers|éléments|contingents?)\b",
    re.I,
)
# French puts the title after the nationality only in a few fixed phrases; never read here.
# A person's name, told by the words around it (geoparse/names.py): titles and verbs are
# compared folded (no accents), as tokens are; particles as written.
PERSON_TITLES = frozenset(
    "president presidente ministre premier chancelier chanceliere senateur gouverneur maire "
    "juge roi reine prince princesse empereur sultan cheikh emir pape eveque archeveque "
    "cardinal imam pasteur general colonel commandant capitaine lieutenant sergent amiral "
    "marechal secretaire ambassadeur ambassadrice envoye envoyee porte-parole directeur "
    "directrice professeur entraineur depute deputee chef".split()
)
# Not 'de', 'du', 'des': French puts them before every country ('le président du Niger').
NAME_PARTICLES = frozenset("da dos del della di van von der den bin ibn al el ould ag".split())
_SAID = ("declare affirme annonce estime averti denonce assure indique precise souligne "
         "explique repondu insiste ajoute dementi confirme rejete condamne exige promis menace "
         "dit")
SPEECH_VERBS = frozenset(_SAID.split()) | frozenset(
    "déclaré affirmé annoncé estimé dénoncé assuré indiqué précisé souligné expliqué insisté "
    "ajouté démenti confirmé rejeté condamné exigé menacé déclare affirme annonce estime "
    "dénonce assure indique précise souligne explique insiste ajoute dément confirme rejette "
    "condamne exige menace".split())
PERSON_PRONOUNS = frozenset("il elle lui".split())
AUXILIARIES = frozenset("a avait aura ont avaient auront aussi encore".split())
# Organisations that carry a place in their name are not that place ('Air France', 'Radio
# France Internationale', 'Université de Niamey', 'Africa Corps').
ORGANISATION_BEFORE = frozenset("air radio television agence compagnie".split())
ORGANISATION_OF = frozenset("universite universites ecole institut banque eglise".split())
ORGANISATION_AFTER = frozenset(
    "corps airways airlines tv news presse television radio telecom holding sa sarl".split())
# 'la région de Tillabéri', 'le cercle de Kidal': the region, not a town of its name.
ADMIN_WORDS = frozenset(
    "region regions région régions province provinces departement département prefecture "
    "préfecture commune cercle wilaya etat état district canton territoire".split())
COMPASS_WORDS = frozenset(
    "nord sud est ouest centre nord-est nord-ouest sud-est sud-ouest".split())
DESCRIPTIONS = {
    "zone des trois frontières": "Liptako-Gourma", "région des trois frontières":
    "Liptako-Gourma", "zone dite des trois frontières": "Liptako-Gourma",
}
NEVER = re.compile(r"(?!)")
# 'le Premier ministre nigérien', 'le chef de la diplomatie russe', 'la délégation malienne'
TITLE_BEFORE = re.compile(
    r"\b(?:(?:nouveau|nouvelle|ancien|ancienne|actuel|actuelle)\s+)?"
    r"(?:premier\s+ministre|président(?:e)?(?:\s+de\s+la\s+transition)?|"
    r"chef\s+de\s+(?:l['’]\s*état|la\s+junte|la\s+diplomatie|la\s+transition|l['’]\s*armée|"
    r"la\s+délégation|l['’]\s*exécutif)|chef\s+d['’]\s*état|"
    r"ministre(?:\s+(?:des\s+affaires\s+étrangères|de\s+la\s+défense|d['’]\s*état|"
    r"de\s+l['’]\s*\w+|des\s+\w+|du\s+\w+))?|général|colonel|capitaine|ambassadeur|ambassadrice|"
    r"envoyée?\s+spéciale?|délégation|diplomate|émissaire|dirigeant|dirigeante|"
    r"homologue)\s+\Z",
    re.I,
)
QUALIFIER_GAPS = (", ", ", en ", ", au ", ", aux ")

LEXICON = Lexicon(
    # documents
    language="fr", name="French", function_words=FUNCTION_WORDS,
    sentence_abbreviation=SENTENCE_ABBREVIATION,
    # geoparse
    articles=ARTICLES, possessives=POSSESSIVES, honorifics=HONORIFICS,
    features_before=FEATURES_BEFORE, feature_links=FEATURE_LINKS,
    features_after=FEATURES_AFTER, features_lower_case=True,
    language_verbs=LANGUAGE_VERBS, language_suffixes=LANGUAGE_SUFFIXES,
    language_markers=LANGUAGE_MARKERS, lower_case_kinds=frozenset({"demonym"}),
    person_titles=PERSON_TITLES, name_particles=NAME_PARTICLES, speech_verbs=SPEECH_VERBS,
    person_pronouns=PERSON_PRONOUNS, auxiliaries=AUXILIARIES,
    organisation_before=ORGANISATION_BEFORE, organisation_of=ORGANISATION_OF,
    organisation_after=ORGANISATION_AFTER, admin_words=ADMIN_WORDS,
    compass_words=COMPASS_WORDS, descriptions=DESCRIPTIONS,
    # gazetteer
    abbreviations=ABBREVIATIONS, names=NAMES, demonyms=DEMONYMS, metonyms=METONYMS,
    compass=COMPASS, state_prefix=STATE_PREFIX,
    calendar_words=CALENDAR_WORDS, plural=plural,
    # itinerary
    movement=MOVEMENT, reception=RECEPTION, hosting=HOSTING,
    complement_links=COMPLEMENT_LINKS, planned=PLANNED, completed=COMPLETED,
    returning=RETURNING, into_stop=INTO_STOP, locative=LOCATIVE,
    moves_on=MOVES_ON, list_gap=LIST_GAP,
    departure=DEPARTURE, later=LATER, not_moving=NOT_MOVING, others=OTHERS,
    title=NEVER, title_before=TITLE_BEFORE, qualifier_gaps=QUALIFIER_GAPS,
)
