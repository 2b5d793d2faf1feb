"""Theme-level error families on unseen sets: whole themes missed or wrongly present (fictional).

Each case is a way of saying, not one sentence: a father seen once or treated as a
helper, a partner no agency knew of, carers nobody asked about; and the precision
side: an injury told near the word cot, a parent out at a friend's home, a missed
sign (which is C or B, not D), a carer telling the reviewer what she was never told.
"""

from __future__ import annotations

import pytest
from coding_helpers import indicators

from caselens.pipeline.code_rules import RuleCoder

CODED = [
    ("F.fathers_unseen_men", "Her father was present at only one home visit in six months."),
    ("F.fathers_unseen_men", "The stepfather had been seen only once by the nursery nurse."),
    (
        "F.fathers_unseen_men",
        "The partner was regarded as a helper to the mother rather than as a carer.",
    ),
    ("F.fathers_unseen_men", "The feeding leaflet was never given to the father."),
    ("F.fathers_unseen_men", "He came to every scan, yet he was never assessed."),
    (
        "F.significant_adults_unknown",
        "Her new boyfriend had a record for assault, but none of the agencies knew of him.",
    ),
    ("F.significant_adults_unknown", "Nobody in the practice knew he was living at the flat."),
    (
        "F.significant_adults_unknown",
        "The lodger's background and history were never checked by anyone.",
    ),
    (
        "F.significant_adults_unknown",
        "Its lessons include checking every new adult joining the household.",
    ),
    (
        "F.other_carers_unexplored",
        "The toddler often stayed with their grandmother, and nobody wondered about it.",
    ),
    (
        "F.other_carers_unexplored",
        "The other adults looking after the baby were not considered in the assessment.",
    ),
]

NOT_CODED = [
    # an injury explanation or a death told near the word cot is not a safe-sleep gap
    (
        "E.safe_sleep_advice_gap",
        "The carers said she had trapped her arm in the cot rails, and no one doubted it.",
    ),
    (
        "E.safe_sleep_advice_gap",
        "He was found lifeless in his cot one morning and could not be woken.",
    ),
    (
        "E.safe_sleep_advice_gap",
        "The room was checked and the cot arrangement followed safer sleep guidance.",
    ),
    # a parent out at someone else's home is not the baby's routine broken
    (
        "E.out_of_routine",
        "Their father had spent the evening at a neighbour's house playing cards.",
    ),
    ("E.out_of_routine", "The mother was at a friend's flat when the older boy rang for help."),
    # a missed sign is C or B, not a lack of curiosity
    ("D.lack_of_curiosity", "Staff did not recognise that the weight loss was serious."),
    # a carer telling the reviewer what she was never told is not a gap between agencies
    (
        "G.information_sharing",
        "The uncle told the review he had never been given information about safe sleep.",
    ),
    (
        "G.information_sharing",
        "Advice was not tailored for a father who told the reviewer he had lost the leaflet.",
    ),
    # denied: no one at all
    ("F.fathers_unseen_men", "The father was present at every visit and was fully assessed."),
]


@pytest.mark.parametrize(("indicator", "sentence"), CODED)
def test_way_of_saying_is_coded(coder: RuleCoder, indicator: str, sentence: str) -> None:
    assert indicator in indicators(coder, sentence)


@pytest.mark.parametrize(("indicator", "sentence"), NOT_CODED)
def test_near_miss_is_not_coded(coder: RuleCoder, indicator: str, sentence: str) -> None:
    assert indicator not in indicators(coder, sentence)


def test_parent_away_with_the_baby_still_breaks_routine(coder: RuleCoder) -> None:
    text = "The mother spent the night at a friend's house with the baby, where there was no cot."
    assert "E.out_of_routine" in indicators(coder, text)


def test_incurious_acceptance_is_still_lack_of_curiosity(coder: RuleCoder) -> None:
    text = "The health visitor did not question the mother's account of the bruise."
    assert "D.lack_of_curiosity" in indicators(coder, text)
