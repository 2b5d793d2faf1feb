"""Scope facts said in further ways, in new fictional sentences.

A child's own drug test, a hospital admission said as a noun, an age in years
before "when", an untreated illness, a plan's category, a past conviction from
another relationship and "nothing to suggest". Each positive case has a negative
twin so a rule cannot read too much.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, harm_types


@pytest.mark.parametrize(
    "text",
    [
        "Baby Q was drowsy when seen. Blood tests at the hospital detected heroin.",
        "Child W was floppy on arrival. Hair strand analysis confirmed cocaine over months.",
        "Toxicology showed methadone and diazepam in the boy's urine.",
    ],
)
def test_child_drug_test_is_serious_neglect(text: str) -> None:
    facts = facts_of(text)
    assert facts.outcome.value == "serious_harm"
    assert "neglect" in (facts.harm_types.value or ())


@pytest.mark.parametrize(
    "text",
    [
        "Her urine screens showed cocaine on two occasions.",
        "A blood test after the collapse found alcohol in the father's system.",
        "Toxicology found opiates in the mother's blood.",
    ],
)
def test_parent_drug_test_is_not_child_harm(text: str) -> None:
    facts = facts_of(text)
    assert "neglect" not in (facts.harm_types.value or ())


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "Child Y, aged 14 months, needed an urgent admission to the children's hospital.",
            "serious_harm",
        ),
        ("Baby S was admitted to a regional children's hospital with bruising.", "serious_harm"),
        ("She spent three weeks in hospital after she was found.", "serious_harm"),
        ("The mother spent three weeks in hospital after the birth.", None),
    ],
)
def test_hospital_admission_wordings(text: str, outcome: str | None) -> None:
    assert facts_of(text).outcome.value == outcome


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("The review concerns Child B, who was two and a half when she was found.", 30.0),
        ("He was one and a half at the time of the incident.", 18.0),
        ("Her mother was 19 when she was referred.", None),
    ],
)
def test_age_in_years_before_when(text: str, months: float | None) -> None:
    assert facts_of(text).age_months.value == months


def test_untreated_sepsis_and_gross_negligence_are_neglect() -> None:
    facts = facts_of("The toddler died of untreated pneumonia at home.")
    assert facts.harm_types.value == ("neglect",)
    facts = facts_of("Both carers were convicted of gross negligence manslaughter.")
    assert "neglect" in (facts.harm_types.value or ())
    assert "non_accidental_injury" not in (facts.harm_types.value or ())


def test_plan_category_is_not_neglect() -> None:
    facts = facts_of(
        "Baby K suffered a skull fracture. She was subject to a plan under the "
        "categories of emotional abuse and neglect."
    )
    assert facts.harm_types.value == ("non_accidental_injury",)


def test_past_conviction_in_another_relationship_is_not_this_childs_injury() -> None:
    facts = facts_of(
        "The stepfather had been convicted of hitting a child in a previous relationship."
    )
    assert "non_accidental_injury" not in (facts.harm_types.value or ())
    facts = facts_of("The stepfather was convicted of hitting the baby.")
    assert "non_accidental_injury" in (facts.harm_types.value or ())


def test_nothing_to_suggest_denies_the_harm() -> None:
    assert "neglect" not in (
        facts_of("Baby N died. The inquiry found nothing to suggest neglect.").harm_types.value
        or ()
    )
    assert "neglect" in (
        facts_of("Baby N died. The inquiry found evidence of neglect.").harm_types.value or ()
    )


def test_parent_early_childhood_is_not_the_childs_harm() -> None:
    facts = facts_of("The father's history included neglect in early childhood.")
    assert "neglect" not in (facts.harm_types.value or ())


@pytest.mark.parametrize(
    "text",
    [
        "A urine test after the death showed cocaine in her system.",
        "Hair strand testing following his death found heroin, and the mother was arrested.",
    ],
)
def test_urine_or_hair_tests_after_the_death_are_a_surviving_adults(text: str) -> None:
    assert "neglect" not in harm_types(
        "The baby died in the bed she shared with her mother. " + text
    )


@pytest.mark.parametrize(
    "text",
    [
        "A urine test taken after admission found methadone.",
        "Toxicology after the death found methadone in the baby's blood.",
    ],
)
def test_the_childs_own_tests_count_whenever_they_were_taken(text: str) -> None:
    assert "neglect" in harm_types("The infant was taken to hospital. " + text)


def test_a_dated_sudden_infant_death_is_still_the_childs_death() -> None:
    text = "Baby R died of sudden infant death syndrome in 2019 after sleeping on a sofa."
    assert facts_of(text).outcome.value == "death"


def test_a_urine_screen_after_a_parents_account_of_her_use_is_hers() -> None:
    text = (
        "Baby T died in the bed she shared with her mother. The drug service assessed the "
        "mother in October. Mother described smoking two or three cannabis joints each "
        "evening. A urine screen was positive for cannabis only."
    )
    assert "neglect" not in harm_types(text)
