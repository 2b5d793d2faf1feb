"""Whose story a sentence tells, and whether it asserts, denies, doubts, praises or asks."""

from __future__ import annotations

import pytest

from caselens.pipeline.stance import judge


@pytest.mark.parametrize(
    ("sentence", "about", "polarity"),
    [
        ("The father was not seen by the health visitor.", "case", "asserts"),
        ("The health visitor did not ask about the father's cannabis use.", "case", "asserts"),
        ("There was no pre-birth assessment.", "case", "asserts"),  # a gap, not a denial
        ("Fathers were not seen by any practitioner.", "case", "asserts"),  # what happened
        ("Chantelle's childhood experiences were not explored.", "case", "asserts"),
        (
            "Research shows that sharing a sofa with a baby greatly increases the risk.",
            "general",
            "asserts",
        ),
        ("Babies who are born prematurely are more vulnerable.", "general", "asserts"),
        (
            "National reviews have highlighted that cannabis use is often minimised.",
            "general",
            "asserts",
        ),
        ("All practitioners should ask who lives in the home.", "general", "asserts"),
        ("Neither parent was known to misuse alcohol or drugs.", "case", "denies"),
        ("There was no history of domestic abuse.", "case", "denies"),
        ("Neglect was suspected at first but was later ruled out.", "case", "doubts"),
        ("Information was shared promptly between agencies.", "case", "praises"),
        ("How well were both parents known?", "case", "asks"),
        (
            "Routine enquiry was repeated when she was alone; no concerns were identified.",
            "case",
            "denies",
        ),
        ("The health visitor observed safe sleeping arrangements.", "case", "praises"),
        (
            "Separately from this case, the partnership will promote safer sleep messages.",
            "general",
            "asserts",
        ),
        (
            "Although the midwife gave safer sleep advice promptly, it was never repeated.",
            "case",
            "asserts",
        ),
    ],
)
def test_stance(sentence: str, about: str, polarity: str) -> None:
    stance = judge(sentence)
    assert (stance.about, stance.polarity) == (about, polarity), stance.reason
    assert stance.counts == (about == "case" and polarity == "asserts")
    assert stance.reason or stance.counts  # every verdict that sets a sentence aside says why
