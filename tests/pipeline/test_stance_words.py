"""The rarer wordings of stance: each is found where its words are, and only there."""

from __future__ import annotations

import pytest

from caselens.pipeline.stance import judge
from caselens.pipeline.stance_words import DENIAL, DOUBT, NOT_THIS_CASE, first_match


@pytest.mark.parametrize(
    ("sentence", "about", "label"),
    [
        (
            "The panel was mindful of a previous review commissioned by the Board, in which a "
            "baby in a different family died after sharing a sofa with a parent.",
            "general",
            "asserts",
        ),
        (
            "NB DA notification on file is for flat 3b (different family), not S.",
            "general",
            "asserts",
        ),
        (
            "He had been known to children's social care as a teenager, and this has no bearing "
            "on the events considered here.",
            "general",
            "asserts",
        ),
        (
            "The health visiting service routinely advises all parents not to share a bed or "
            "sofa with their baby.",
            "general",
            "asserts",
        ),
        ("Asked re drugs/alcohol, both parents said none.", "case", "denies"),
        (
            "Routine DA enquiry made with R alone: says no concerns, partner 'gentle'.",
            "case",
            "denies",
        ),
        ("domestic abuse routine enquiry, G alone - denies.", "case", "denies"),
        ("PNC/DA checks on address nil.", "case", "denies"),
        ("The GP records show no diagnosis of mental illness for either parent.", "case", "denies"),
        (
            "Both parents left school and neither had any learning needs.",
            "case",
            "denies",
        ),
        (
            "Both parents left school with qualifications and neither had any identified "
            "learning needs.",
            "case",
            "denies",
        ),
        ("Megan was not considered to have a learning disability.", "case", "denies"),
        ("Officers note no alcohol involved.", "case", "denies"),
        ("Aunt says nobody smokes at her house, baby in a cot.", "case", "denies"),
        ("Unsafe sleeping was not a feature of Mali's harm.", "case", "doubts"),
        ("Earlier concern re B's alcohol use closed after 6 negative tests.", "case", "doubts"),
        ("Earlier query re mark on V's arm: GP 10/07, birthmark, resolved.", "case", "doubts"),
        (
            "It may be that he was low after losing his job; the review has found nothing in any "
            "record that would confirm this.",
            "case",
            "doubts",
        ),
        (
            "Whether he used cannabis, as a friend suggested, could not be established.",
            "case",
            "doubts",
        ),
        (
            "One practitioner wondered whether M had been born early, because he seemed so small; "
            "he had not.",
            "case",
            "doubts",
        ),
        (
            "Red mark on N's cheek seen by GP same day, confirmed eczema patch, closed.",
            "case",
            "doubts",
        ),
    ],
)
def test_the_rarer_wordings_set_the_sentence_aside(sentence: str, about: str, label: str) -> None:
    stance = judge(sentence)
    assert (stance.about, stance.polarity) == (about, label), stance.reason


@pytest.mark.parametrize(
    "sentence",
    [
        # the same words, saying something else
        "The baby was placed with a different foster carer after the review.",
        "Concern re weight gain not resolved.",
        "A record that said the earlier concern had been resolved was relied on.",
        "The mother said the father drinks most nights and nobody stops him.",
        "Asked re DV, mum said her partner had hit her.",
        "An inquest returned an open verdict because the cause of death could not be established.",
        "Her account that the father had moved out was accepted without checking; he had not.",
    ],
)
def test_near_misses_still_count(sentence: str) -> None:
    stance = judge(sentence)
    assert stance.counts, stance.reason


def test_a_rule_is_only_searched_where_its_words_are() -> None:
    sentence = "PNC/DA checks on address nil."
    assert first_match(sentence, sentence.lower(), DENIAL) is not None
    assert first_match(sentence, "no such words here", DENIAL) is None
    for rules in (DENIAL, DOUBT, NOT_THIS_CASE):
        for words, _ in rules:
            assert words and all(word == word.lower() for word in words)
