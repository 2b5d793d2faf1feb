"""Harm as news reports and briefings tell it (fictional sentences in their registers)."""

from __future__ import annotations

import pytest
from facts_helpers import harm_types

from caselens.codebook import default_codebook
from caselens.model import Document
from caselens.pipeline.run import Pipeline


@pytest.mark.parametrize(
    "text",
    [
        # the subject taken up again after an aside naming other children
        "Twin boys, born early to a father who had neglected his other children, suffered "
        "multiple fractures weeks after coming home.",
        # injuries while in the care of named carers
        "Ava suffered serious injuries while she was in the care of her mother and her boyfriend.",
        # a carer's blow told with an aside
        "She told a nurse that her stepfather, who drank heavily, had hit her with a belt.",
        # a carer's stabbing of the baby (a stabbing is otherwise a young person's harm)
        "A few hours later the mother telephoned to say that she had stabbed the baby.",
    ],
)
def test_inflicted_injury_told_in_reporting(text: str) -> None:
    assert "non_accidental_injury" in harm_types(text)


@pytest.mark.parametrize(
    "text",
    [
        # the statutory criteria for a review
        "A baby boy died. Guidance required a review because abuse or neglect was proven or "
        "suspected.",
        # a belief the review corrects
        "A baby boy was killed by his father; a court judgement fed the mistaken belief that "
        "this was a neglect case.",
        # adults drinking, in advice
        "A baby girl died in her parents' bed. Sharing a bed with anyone who has been drinking "
        "or using drugs is never safe.",
        # an earlier plan's reason
        "A toddler was killed by his father. Twice before he had been on a protection plan "
        "because of neglect.",
    ],
)
def test_what_is_not_this_childs_neglect(text: str) -> None:
    assert "neglect" not in harm_types(text)


def test_should_have_had_a_plan_for_neglect_still_tells_of_neglect() -> None:
    text = (
        "A boy of two was beaten to death by his mother. He should have had a child "
        "protection plan for neglect on at least two occasions."
    )
    assert "neglect" in harm_types(text)


def test_other_possible_injuries_do_not_hedge_the_fractures_found() -> None:
    text = (
        "A girl of 13 months died at home. X-rays after her death showed healing fractures "
        "of her leg, and the post-mortem found signs of other possible injuries."
    )
    doc = Document.from_text(text, "fictional")
    facts = Pipeline(default_codebook()).process(doc).facts
    assert "non_accidental_injury" in (facts.harm_types.value or ())


@pytest.mark.parametrize(
    "text",
    [
        "A baby of four months died. Her parents had gone to sleep either side of her after "
        "an evening of drinking.",
        "A boy of ten weeks died at home; he was accidentally suffocated in the night.",
        # caught in what surrounds the sleeping place
        "A girl of 13 months died. She had been put to bed in a cot-bed she could climb out "
        "of, and she became trapped in a toy box and suffocated.",
        "The baby, four months old, was found wedged between the mattress and the wall, "
        "having asphyxiated.",
    ],
)
def test_a_death_in_the_adults_sleep_is_unsafe_sleeping(text: str) -> None:
    assert "unsafe_sleeping" in harm_types(text)


def test_a_limb_caught_in_cot_bars_is_not_unsafe_sleeping() -> None:
    # the carer's account of a fracture: no suffocation, so not a sleeping death
    text = (
        "A baby of three months had a fractured arm. Her father said it had been caught "
        "in the cot bars; the doctors found the account implausible."
    )
    assert "unsafe_sleeping" not in harm_types(text)


@pytest.mark.parametrize(
    "text",
    [
        # a cause the inquest could not find (unexplained, no neglect named)
        "A baby girl was found unresponsive at home and died. The cause of her death could "
        "not be established, and the coroner found no one responsible.",
        "An inquest could not find a conclusive cause of death for the two-year-old.",
        "The baby's cause of death remained undetermined after the post-mortem.",
        # the source does not say what happened
        "A partnership published a review about a boy who died at four months old. The "
        "bulletin does not say what caused the death.",
        # a sudden death, said without "unexpected"
        "The review followed the sudden death of a baby girl at around three months old.",
        # an attack by more than one dog
        "The boy was fifteen days old when he was attacked by two of the family's pet dogs.",
        # a young person's self-harm
        "The 14-year-old died after self-harming; the review found nobody had failed her.",
        # a young person stabbed by others
        "The 16-year-old was stabbed by other young people near his school.",
    ],
)
def test_unexplained_causes_accidents_and_self_harm_are_other(text: str) -> None:
    assert set(harm_types(text)) == {"other"}


@pytest.mark.parametrize(
    "text",
    [
        # the cause unknown, but the sleep is named: unsafe sleeping, not "other"
        "The baby died in his parents' bed after they had been drinking; the cause of "
        "death could not be established.",
        # a fire the review lays at a carer's door is not an accident without neglect
        "The boy died in a house fire while left alone in charge of his younger siblings; "
        "the review found they had been neglected for years.",
        # a cause found, not an unknown one
        "The cause of death was established as a head injury inflicted by his father.",
        # a parent's history and a relative's death are not the child's harm
        "The mother had a history of self-harm and depression.",
        "The family moved after the sudden death of her father in 2019.",
    ],
)
def test_an_unknown_cause_does_not_displace_a_named_harm(text: str) -> None:
    assert "other" not in harm_types(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a denial governing a whole clause
        (
            "She had suffered a severe head injury. The post-mortem examination found no "
            "evidence that her physical care had been neglected.",
            "neglect",
        ),
        # a harm set against the one investigated
        (
            "The boy was scalded by a cup of tea; the police investigation concentrated on "
            "neglect rather than on an inflicted injury.",
            "non_accidental_injury",
        ),
        # "home alone with" an adult is not alone
        (
            "A skeletal survey found healing fractures to two of her ribs. At the time she "
            "was at home alone with her mother's partner.",
            "neglect",
        ),
        # a mother's own past, told as "a time in care"
        (
            "The baby died on the sofa on her mother's chest. Her mother was a young woman "
            "with a history of neglect and a time in care.",
            "neglect",
        ),
    ],
)
def test_harm_denied_contrasted_or_of_someone_else_is_not_counted(text: str, absent: str) -> None:
    assert absent not in harm_types(text)


def test_a_denial_does_not_reach_past_its_clause() -> None:
    # the denial of one harm leaves the next clause's harm standing
    text = (
        "There was no evidence that the baby had been shaken, but he had been left "
        "alone for hours and was found severely dehydrated."
    )
    assert "neglect" in harm_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "A partnership held an appreciative inquiry after an injury to an infant in 2020.",
        "The review was commissioned after Child D was seriously injured in June 2008 at the "
        "age of five months.",
        "The review followed injuries suffered by a baby, referred to here as W, at the age of "
        "16 weeks.",
    ],
)
def test_an_injury_reviewed_with_no_cause_told_is_an_inflicted_injury(text: str) -> None:
    """A case review of a baby's injury is held because abuse was suspected; reporting that
    tells only of the injury tells of a suspected inflicted injury."""
    assert harm_types(text) == ("non_accidental_injury",)


@pytest.mark.parametrize(
    ("text", "harm"),
    [
        # an accident told in the same sentence (an accident without neglect is "other")
        ("The review followed injuries a baby suffered in a car accident.", ("other",)),
        ("The boy was seriously injured when he fell from a first-floor window.", ()),
        # another harm named: the injury does not add an inflicted one
        ("The baby was seriously injured and had been neglected for months.", ("neglect",)),
        # no injury: a death with no cause is not made an injury
        ("A partnership published a review about a boy who died at four months old.", ()),
    ],
)
def test_an_injury_with_an_accident_or_a_named_harm_is_not_made_inflicted(
    text: str, harm: tuple[str, ...]
) -> None:
    assert harm_types(text) == harm


def test_a_hedged_sentence_still_says_where_the_review_was() -> None:
    # "possible neglect" hedges the sentence's harm, not the board's place
    text = (
        "A serious case review for a county's safeguarding children board in the East "
        "Midlands looked at the death of a girl whose name went onto a plan because of "
        "concerns about possible neglect. Agencies had been involved with her throughout "
        "her short life."
    )
    facts = Pipeline(default_codebook()).process(Document.from_text(text, "fictional")).facts
    assert facts.nation.value == "England"


def test_a_hedged_sentence_still_gives_the_dates_but_not_the_harm() -> None:
    # "possible neglect" hedges the neglect; the dates bound the child's age all the same
    text = (
        "A review looked at the death in May 2014 of a girl whose name went onto a plan in "
        "July 2012, before she was born, because of concerns about possible neglect. She "
        "was pronounced dead in hospital."
    )
    facts = Pipeline(default_codebook()).process(Document.from_text(text, "fictional")).facts
    assert facts.infant.value is True
    assert "neglect" not in (facts.harm_types.value or ())


def test_an_adult_named_by_title_asleep_on_a_sofa_is_not_the_childs_unsafe_sleep() -> None:
    text = (
        "Poppy died at four months of a head injury inflicted by her mother's partner. "
        "Mr K told the police that he had been staying most weeks since the spring, "
        "sleeping on the sofa in the living room."
    )
    assert "unsafe_sleeping" not in harm_types(text)
    # ... but with the baby in the same sentence, the sofa is hers too
    text = "A boy of ten weeks died. Mr K had fallen asleep on the sofa with the baby on his chest."
    assert "unsafe_sleeping" in harm_types(text)


def test_an_adult_treated_for_an_injury_is_not_the_childs_harm() -> None:
    text = (
        "A girl of ten months was admitted to hospital with severe malnutrition. "
        "On 12 August 2020 Mr T attended the emergency department with a fractured wrist "
        "after falling from a ladder at work."
    )
    assert harm_types(text) == ("neglect",)
    # the adult named as the one who caused the injuries is not the injured one
    text = "A baby of three months died. Mr K was convicted of causing the fractures."
    assert "non_accidental_injury" in harm_types(text)


def test_a_term_of_reference_put_as_a_question_is_not_the_childs_harm() -> None:
    text = (
        "A girl of two years and three months became critically ill after swallowing her "
        "mother's methadone. The terms of reference asked:\n\nh) whether there was any "
        "evidence that she had been deliberately given methadone, or that she had been "
        "physically abused;\n\nAlfie was asleep in his own Moses basket, and unsafe sleeping "
        "had no part in what happened to her."
    )
    facts = Pipeline(default_codebook()).process(Document.from_text(text, "fictional")).facts
    assert facts.harm_types.value == ("neglect",)
