"""The context rules: every row's example, run through the real parser, does what its tier says."""

import pytest

from dashboard.core import documents
from dashboard.core.geoparse import default_gazetteer, find_mentions
from dashboard.core.geoparse.matching import candidates
from dashboard.core.geoparse.names import Site
from dashboard.core.geoparse.parser import candidates_in
from dashboard.core.geoparse.rules import (
    DROP_CANDIDATE,
    DROP_READING,
    MARK_WEAK,
    RULES,
    filter_candidate,
    rule_book,
)
from dashboard.core.geoparse.tokens import Reader
from dashboard.core.lexicon import lexicon_for


def fate(text: str, span: str, rules) -> tuple[frozenset, bool] | None:
    """Return the readings and weakness of the candidate at span's first occurrence, or None."""
    doc = documents.parse("rule.txt", text)
    start = text.index(span)
    kept = candidates_in(doc, default_gazetteer(), lexicon_for(doc.language), rule_book(rules))
    for cand in kept:
        if cand.start == start:
            return frozenset((e.place, e.how) for e in cand.entries), cand.weak
    return None


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_each_rule_does_what_its_tier_says_to_its_example(rule):
    with_it = fate(rule.example, rule.span, RULES)
    without = fate(rule.example, rule.span, [r for r in RULES if r is not rule])
    assert without is not None, "the other rules already drop the example's name"
    if rule.tier is DROP_CANDIDATE:
        assert with_it is None
    elif rule.tier is DROP_READING:
        kept = with_it[0] if with_it else frozenset()
        dropped = without[0] - kept
        assert kept < without[0] and {how for _, how in dropped} <= rule.kinds
    else:
        assert rule.tier is MARK_WEAK
        assert with_it == (without[0], True) and without[1] is False


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_each_rule_example_gives_the_mentions_its_row_states(rule):
    doc = documents.parse("rule.txt", rule.example)
    found = tuple((m.text, m.place) for m in find_mentions(doc, default_gazetteer()))
    assert found == rule.found


def test_rules_are_named_once_and_reading_rules_say_which_readings():
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert all(rule.span in rule.example for rule in RULES)
    assert {rule.tier for rule in RULES} == {DROP_CANDIDATE, DROP_READING, MARK_WEAK}


@pytest.mark.parametrize("text, span", [
    ("Boats sailed up the Niger.", "Niger"),  # a reading dropped (all of them)
    ("Turkey is cheap this year.", "Turkey"),  # marked weak
    ("Niger and Mali.", "Niger"),  # kept as it is
])
def test_filter_candidate_returns_a_new_candidate_and_leaves_its_argument_alone(text, span):
    doc = documents.parse("rule.txt", text)
    gaz, lexicon = default_gazetteer(), lexicon_for(doc.language)
    reader = Reader(doc.text, doc.text[::-1], doc.passages[0], False)
    (cand,) = [c for c in candidates(reader, gaz) if c.text == span]
    before = (list(cand.entries), cand.weak, cand.entries)
    kept = filter_candidate(Site(doc.text, cand.tokens, cand, gaz, lexicon, frozenset(),
                                 reader.loose_capital, lambda: reader.headline))
    assert (list(cand.entries), cand.weak, cand.entries) == before
    assert kept is not cand and (kept is None or kept.entries is not cand.entries)
