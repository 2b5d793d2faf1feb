"""More ways of saying scope facts, in new fictional sentences.

Sentence-case kinds of review, agencies and programmes of England and Wales, ages
from dates to the day, drug ingestion, falls, unexplained infant deaths and a
parent's own childhood. Negative cases keep each rule from reading too much.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, harm_types

from caselens.codebook import default_codebook
from caselens.pipeline.screen import screen


@pytest.mark.parametrize(
    ("text", "nation"),
    [
        ("Child safeguarding practice review into the death of a baby girl.", "England"),
        ("Serious case review, published in 2016, about a boy of four months.", "England"),
        ("Local Child Safeguarding Practice Review: Baby M.", "England"),
        ("The review looked at how the Family Hub had supported the mother.", "England"),
        ("Concise child practice review for a boy of three months.", "Wales"),
        ("A Regional safeguarding board commissioned the review.", "Wales"),
        ("The family were known to the Flying Start team.", "Wales"),
        ("Health visitors from Hywel Dda had seen the baby twice.", "Wales"),
        ("She had a care and support plan from the age of three weeks.", "Wales"),
        ("Significant case review into the death of an infant.", "Scotland"),
        ("A study of English serious case reviews described a baby's death.", "England"),
    ],
)
def test_nation_terms_in_any_case(text: str, nation: str) -> None:
    assert facts_of(text).nation.value == nation


def test_english_the_language_names_no_nation() -> None:
    text = "The mother spoke little English. The baby, four months old, was shaken."
    assert facts_of(text).nation.value is None


def test_working_together_of_wales_is_not_englands() -> None:
    text = "Agencies followed Working Together to Safeguard People when the baby was injured."
    assert facts_of(text).nation.value == "Wales"


@pytest.mark.parametrize(
    ("text", "months"),
    [
        (
            "Baby L was born on 3 March 2021. On 18 May 2021 his mother took him to the "
            "emergency department with a swollen arm.",
            2.5,
        ),
        (
            "Child N was born on 20 June 2019. On 1 December 2019 she was taken to "
            "hospital by ambulance.",
            5.4,
        ),
        (
            "The review concerns a boy born on 9 October 2020, who was found unresponsive "
            "on 30 November 2020.",
            1.7,
        ),
        ("The death of a girl born on 5 May 2018 was reviewed. She died in July 2018.", 2.0),
    ],
)
def test_age_from_dates_to_the_day(text: str, months: float) -> None:
    assert facts_of(text).age_months.value == pytest.approx(months, abs=0.1)


def test_a_meeting_date_before_the_birth_is_no_incident() -> None:
    text = (
        "On 4 March 2015 the board considered a review into the death of a boy. "
        "He was born in June 2012 and died in May 2014."
    )
    assert facts_of(text).age_months.value == 23


@pytest.mark.parametrize(
    "text",
    [
        "The toddler had eaten cannabis edibles left on the kitchen table.",
        "Her son swallowed several of his grandmother's pregabalin tablets.",
        "The boy got hold of his father's methadone and drank it.",
        "Tests showed that the girl had consumed ecstasy tablets found in a handbag.",
    ],
)
def test_drug_ingestion_is_neglect_and_serious_harm(text: str) -> None:
    facts = facts_of(text)
    assert "neglect" in facts.harm_types.value
    assert facts.outcome.value == "serious_harm"


@pytest.mark.parametrize(
    "text",
    [
        "The boy was rushed to hospital after the fire.",
        "She spent two nights on the children's ward.",
    ],
)
def test_hospital_stays_are_serious_harm(text: str) -> None:
    assert facts_of(text).outcome.value == "serious_harm"


@pytest.mark.parametrize(
    "text",
    [
        "The baby died from blunt force trauma to the head.",
        "The post-mortem found blunt-force injuries to his abdomen.",
    ],
)
def test_blunt_force_is_inflicted(text: str) -> None:
    assert "non_accidental_injury" in harm_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The baby was found unresponsive on an adult bed beside her father.",
        "He was lying face down in his parents' bed when the ambulance arrived.",
        "The infant had been placed to sleep on a pillow on the sofa and died.",
        "Baby F was found dead, lying on a cushion on the floor.",
    ],
)
def test_adult_beds_and_pillows_are_unsafe_sleeping(text: str) -> None:
    assert "unsafe_sleeping" in harm_types(text)


def test_an_adult_asleep_while_a_toddler_wanders_is_not_unsafe_sleeping() -> None:
    text = (
        "A two-year-old girl was found alone in the street late at night and treated for "
        "hypothermia. Officers found her father asleep on the sofa after drinking."
    )
    harm = facts_of(text).harm_types.value
    assert "unsafe_sleeping" not in harm
    assert "neglect" in harm


def test_a_fracture_from_a_stated_fall_is_not_inflicted() -> None:
    text = (
        "A toddler fell from an open first-floor window while the adults were drinking. "
        "She fractured her arm and had been left alone for an hour."
    )
    assert facts_of(text).harm_types.value == ("neglect",)


def test_a_fall_given_as_an_account_leaves_fractures_inflicted() -> None:
    text = (
        "The father said the baby had fallen from the sofa. X-rays showed fractures to three ribs."
    )
    assert "non_accidental_injury" in harm_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The death was recorded as sudden unexpected death in infancy.",
        "The cause of the boy's death remains unexplained.",
        "A sudden and unexpected death of a baby in a safe cot was reviewed.",
    ],
)
def test_unexplained_infant_deaths_are_other(text: str) -> None:
    assert facts_of(text).harm_types.value == ("other",)


@pytest.mark.parametrize(
    "text",
    [
        "The mother spent much of her adolescence in care after neglect by her own parents.",
        "The father had been in foster care from the age of 11 because of neglect.",
        "During his teenage years the father was neglected and often went hungry.",
    ],
)
def test_a_parents_own_neglect_is_not_the_childs(text: str) -> None:
    assert "neglect" not in facts_of(text + " The baby died in her cot.").harm_types.value


def test_neglect_from_an_early_age_of_the_child_still_counts() -> None:
    text = "The baby girl had been neglected from the age of six weeks and was underweight."
    assert "neglect" in harm_types(text)


def test_sentence_case_review_names_bring_a_record_into_scope() -> None:
    text = (
        "Child safeguarding practice review, anonymised. A nine-week-old boy died after "
        "his mother fell asleep with him on the sofa."
    )
    facts = facts_of(text)
    result = screen("t", facts, default_codebook(), any_year=True)
    assert result.in_scope
