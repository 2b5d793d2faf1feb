"""Ages said as "a boy of two and a half" and harm said as "consistent with shaking" (fictional)."""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, harm_types


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("The review concerns Child T, a girl of two and a half, who died of head injuries.", 30),
        ("It is about a toddler of 2 when he was scalded at home.", 24),
    ],
)
def test_child_of_years_is_an_age(text: str, months: float) -> None:
    assert facts_of(text).age_months.value == months


def test_child_of_two_parents_is_not_an_age() -> None:
    text = "She was the child of two young parents and died of a skull fracture."
    assert facts_of(text).age_months.value is None


@pytest.mark.parametrize(
    "text",
    [
        "Scans showed bleeding on the brain consistent with shaking.",
        "The doctors described shaking injuries to the infant's eyes and brain.",
    ],
)
def test_shaking_finding_is_non_accidental(text: str) -> None:
    assert "non_accidental_injury" in harm_types(text)


def test_shaking_a_rattle_is_not_harm() -> None:
    text = "The baby was seen shaking a rattle and smiling at the health visitor."
    assert "non_accidental_injury" not in harm_types(text)
