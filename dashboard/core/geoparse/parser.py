"""Text → place mentions: match every name the gazetteer knows, then resolve in context."""

from __future__ import annotations

import gc
from datetime import date
from functools import lru_cache, partial

from .. import gazetteer as gazetteer_module
from ..gazetteer import Entry, Gazetteer
from ..kinds import Trait, hows, mention_kind
from ..lexicon import Lexicon, lexicon_for
from ..models import Document, Mention
from .context import Site
from .matching import Candidate, candidates
from .resolution import anchors, count_countries, country_of, explain, resolve_all
from .rules import BOOK, RuleBook, filter_candidate, person_words
from .tokens import Reader
from .wording import in_language

SETTLING = hows(Trait.SETTLES)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """Return the committed geodata's gazetteer, loaded once per process and kept out of the
    garbage collector's way (a quarter of a million objects that live as long as the process:
    a full collection, which Streamlit runs after every script run, walked them in 0.12 s).

    Collection is paused while they are made: every few hundred new objects would otherwise
    start a collection that walks the growing index (a third of the load time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gaz = gazetteer_module.load()
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()
    return gaz


def candidates_in(doc: Document, gaz: Gazetteer, lexicon: Lexicon,
                  book: RuleBook = BOOK) -> list[Candidate]:
    """Return the filtered candidates of every passage, in text order."""
    text, credits = doc.text, "©" in doc.text
    backwards = text[::-1]  # one reversed copy shared by every passage's reader
    readers = [Reader(text, backwards, passage, credits) for passage in doc.passages]
    kinds = lexicon.lower_case_kinds
    matched = [(reader, candidates(reader, gaz, kinds)) for reader in readers]
    people = person_words(text, [c for _, cands in matched for c in cands], gaz, lexicon)
    found: list[Candidate] = []
    for reader, cands in matched:
        for cand in cands:
            loose = partial(reader.loose_capital, cand.start)
            site = Site(text, cand.tokens, cand, gaz, lexicon, people, loose)
            kept = filter_candidate(site, book)
            if kept is not None:
                found.append(kept)
    return found


def find_mentions(document: Document, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Return every place mention in a document, resolved in context, in text order."""
    lexicon = lexicon_for(document.language)
    gaz = in_language(gazetteer or default_gazetteer(), lexicon)
    cands = candidates_in(document, gaz, lexicon)
    named = anchors(cands, gaz)
    mentions = resolve_all(document.text, cands, gaz, named)
    settled = count_countries((e for c, e, _ in mentions if not c.weak and e.how in SETTLING), gaz)
    mentions = resolve_all(document.text, cands, gaz, {**settled, **named})
    strong = {country_of(e, gaz) or e.place for c, e, _ in mentions if not c.weak}
    reasons: dict[tuple[Entry, ...], str] = {}  # a place named ten times is explained once
    on = document.reference_date
    return [
        _mention(document, cand, entry, _reason(reasons, entry, others, gaz, on), gaz)
        for cand, entry, others in mentions
        if not cand.weak or (country_of(entry, gaz) or entry.place) in strong
    ]


def _reason(reasons: dict[tuple[Entry, ...], str], entry: Entry, others: list[Entry],
            gaz: Gazetteer, on: date) -> str:
    """Return why an entry was chosen over others, said once per document for each."""
    key = (entry, *others)
    if key not in reasons:
        reasons[key] = explain(entry, others, gaz, on)
    return reasons[key]


def _mention(doc: Document, cand: Candidate, entry: Entry, reason: str,
             gaz: Gazetteer) -> Mention:
    """Build the Mention for a resolved candidate."""
    place = gaz.place(entry.place)
    return Mention(
        doc=doc.slug, start=cand.start, end=cand.end, text=cand.text, place=place.id,
        country=place.country, kind=mention_kind(entry.how), name=place.name,
        lat=place.lat, lon=place.lon, reason=reason,
    )
