"""The table of name kinds covers every kind the gazetteer makes and every mention kind."""

from typing import get_args

from dashboard.core.geoparse import default_gazetteer
from dashboard.core.kinds import BY_HOW, KINDS, Trait, hows
from dashboard.core.models import MentionKind


def test_every_kind_of_name_in_the_gazetteer_has_a_row():
    gaz = default_gazetteer()
    made = {e.how for entries in gaz.index.values() for e in entries}
    made |= {how for packed in gaz.city_index.values() for how in packed.split("\t")[1::3]}
    assert made == set(BY_HOW)
    assert len(BY_HOW) == len(KINDS)


def test_every_row_makes_a_mention_kind_and_explains_itself():
    assert {kind.mention for kind in KINDS} == set(get_args(MentionKind))
    for kind in KINDS:
        assert kind.reason.format(name="N", country="C", members="members: M", government="G")
        assert kind.score > 0


def test_the_traits_are_queries_of_the_table():
    assert hows(Trait.SETTLEMENT) <= hows(Trait.LOCAL) <= hows(Trait.PLACE_NAME)
    assert hows(Trait.COUNTRY_NAME) <= hows(Trait.SETTLES) & hows(Trait.QUALIFIES)
    assert all(hows(trait) for trait in Trait)
