"""The geoparser: text → place mentions (matching, then resolution in context).

Modules, each importing only those above it:
tokens.py (words with offsets, the Reader over a passage) → matching.py (candidates: the longest
gazetteer matches) → names.py (names that are not places: a person's, an organisation's, a
currency's; a capital speaking for its government) → context.py (what else the words around a
name say) → rules.py (the context rules as rows) → resolution.py (choosing an entry in context)
→ reasons.py (the reason text) → nearby.py (each name's neighbourhood: what the sentences
around it name) → parser.py (find_mentions: two rounds of resolution). The kinds of name are
one table, dashboard/core/kinds.py; every word of a language is in its lexicon,
dashboard/core/lexicon/ (both sit below the gazetteer, which reads them too, so they live beside
it rather than in this package).

How to add a rule
-----------------
1. Write its predicate in geoparse/context.py (names.py for a name that is no place's):
   `(site) -> bool` to drop a candidate,
   `(site, entry) -> bool` to drop one reading, `(site, readings) -> bool` to mark it weak.
   Take every word it looks for from `site.lexicon` (a new list: a field in lexicon/base.py,
   filled in lexicon/en.py and every other language's module).
2. Add a row to RULES in geoparse/rules.py: name, predicate, tier (DROP_CANDIDATE, DROP_READING
   or MARK_WEAK), an example text, the name in it that the rule acts on, the mentions the parser
   then finds in the example, (DROP_READING) the kinds of reading it is asked about
   (`hows(Trait.…)`), and (DROP_CANDIDATE) whether it acts on case-exact readings too
   (`exact=True`: 'US$', 'USA Today').
3. Run tests/test_rules.py: it parses the example with and without the rule and checks the tier's
   effect; the accuracy benchmark (benchmarks/accuracy.py) says what the rule costs or gains.

How to add a language (French, say)
-----------------------------------
1. dashboard/core/lexicon/fr.py: the words and patterns of every field of lexicon/base.py's
   Lexicon (copy en.py and translate; the patterns are the language's grammar), ending in
   `LEXICON = Lexicon(language="fr", …)`.
2. dashboard/core/lexicon/__init__.py: add `fr.LEXICON` to LEXICONS. Documents whose front
   matter says `language: fr` then get it; the gazetteer takes its abbreviations, names,
   metonyms, compass words, state prefixes and demonym plurals too (one gazetteer for all).
3. geodata/build.py: the country, capital and city names in that language (registry names),
   so that gazetteer.json and the cities' alternate names hold them.
4. A gold file: tests/gold/<article>.json for a French article in seeds/ (a .md with
   `language: fr`), checked like the first article's in tests/test_geoparse.py.
Not yet per language: the common words (geodata/common_words.txt) and given names
(geodata/given_names.txt) that some rules read through the gazetteer are English lists.
"""

from .parser import default_gazetteer, find_mentions

__all__ = ["default_gazetteer", "find_mentions"]
