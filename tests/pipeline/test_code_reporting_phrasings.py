"""Ways reviews are reported that the patterns had not read (fictional sentences).

Each case is one of a family of phrasings found in news reports and summaries of
reviews: a parent's age told against a named child's birth, curiosity told as a degree,
a home visitors could not get into, a parent on a sofa with the baby, communication told
by its verb, assessments before a named child was born, a partner's risk assessment that
fell short, harm brought to hospital again and again. The NOT_CODED cases keep the
neighbouring sentences that do not count: a sibling's plan made before the birth, the
harm itself brought to hospital once, the same words denied.
"""

from __future__ import annotations

import pytest
from coding_helpers import indicators

from caselens.pipeline.code_rules import RuleCoder

CODED = [
    ("A.young_parent", "Her mother had been 18 when Dot was born."),
    ("A.young_parent", "The father was 17 when she was born."),
    ("D.lack_of_curiosity", "Some professionals were insufficiently curious about the bruise."),
    ("D.lack_of_curiosity", "The health visitor was not curious enough about the marks."),
    ("D.lack_of_curiosity", "Practitioners seldom asked about the couple's arguments."),
    ("D.lack_of_curiosity", "Agencies failed to find out whether she was being abused."),
    ("C.reluctance_to_engage", "The mother was often hard to get hold of."),
    ("C.reluctance_to_engage", "A community nurse struggled to get into the house."),
    ("C.reluctance_to_engage", "Another health worker was not let in the day before she died."),
    ("C.reluctance_to_engage", "The parents pretended to be out when people called."),
    ("C.reluctance_to_engage", "Staff struggled to get the family to engage for three years."),
    ("C.reluctance_to_engage", "She had hidden her heroin use during the pregnancy."),
    ("E.co_sleeping", "He died while sleeping on a sofa with a parent at home."),
    ("E.co_sleeping", "The baby slept on the settee with his father."),
    ("G.information_sharing", "The agencies communicated poorly with each other."),
    ("G.information_sharing", "There were failures to pull together and analyse information."),
    ("G.information_sharing", "Agencies had not pieced together the evidence they each held."),
    ("G.pre_birth_assessment", "A conference should have been held before Child F was born."),
    ("G.pre_birth_assessment", "The review questioned the assessment made before she was born."),
    ("F.fathers_unseen_men", "Risk assessments of the girls' father were insufficient."),
    (
        "F.significant_adults_unknown",
        "Risk assessments of the girls' father and of the mother's new partner were insufficient.",
    ),
    (
        "C.parental_needs_overshadow_infant",
        "The mother had put her drug habit ahead of her baby's needs.",
    ),
    (
        "A.impact_on_care_unexplored",
        "There was no clear assessment of whether her drinking outweighed her capacity to "
        "care safely for the baby.",
    ),
    (
        "D.desensitisation",
        "The children spent 18 months on child protection plans, yet there was little sign "
        "that their lives got better.",
    ),
    (
        "D.desensitisation",
        "It would probably have taken serious harm to a child before anyone acted.",
    ),
    (
        "C.poor_weight_gain_or_health_concern",
        "From time to time the girl was taken to hospital with injuries.",
    ),
    (
        "C.poor_weight_gain_or_health_concern",
        "The boy was brought to the emergency department with bruises on several occasions.",
    ),
]

NOT_CODED = [
    # a sibling's protection plan made before the birth is not a pre-birth assessment
    (
        "G.pre_birth_assessment",
        "The older children were made subject to plans in March 2020, before Fay was born.",
    ),
    # the harm itself, brought to hospital once
    ("C.poor_weight_gain_or_health_concern", "The girl was taken to hospital with injuries."),
    # the same words denied, or a parent's age that is not young
    ("D.lack_of_curiosity", "The social worker was curious and asked about every mark."),
    ("A.young_parent", "Her mother had been 28 when Dot was born."),
    ("E.co_sleeping", "The baby slept on the sofa on her own."),
    ("C.reluctance_to_engage", "The visitors were let in at every visit."),
]


@pytest.mark.parametrize(("indicator", "text"), CODED)
def test_way_of_reporting_is_coded(coder: RuleCoder, indicator: str, text: str) -> None:
    assert indicator in indicators(coder, text)


@pytest.mark.parametrize(("indicator", "text"), NOT_CODED)
def test_neighbouring_sentence_is_not_coded(coder: RuleCoder, indicator: str, text: str) -> None:
    assert indicator not in indicators(coder, text)
