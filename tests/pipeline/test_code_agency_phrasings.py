"""Ways of saying the practice-system indicators (fictional sentences).

Information sharing, joint working, desensitisation, fresh starts, minimised
cannabis and the pull of adult relationships are said in many ways; each case
below is one of a family of phrasings. The NOT_CODED cases pin down the usual
false findings: a neutral step in the process, a case closed once with nothing
continuing, a review's name, a parent or child rather than an agency.
"""

from __future__ import annotations

import pytest
from coding_helpers import indicators

from caselens.pipeline.code_rules import RuleCoder

CODED = [
    # information held by one agency, not passed on or not asked for
    ("G.information_sharing", "The receiving team did not ask for the earlier files."),
    ("G.information_sharing", "Probation never forwarded its records to the new area."),
    ("G.information_sharing", "Only the mother's health notes were transferred when she moved."),
    ("G.information_sharing", "No check was ever requested from the police."),
    ("G.information_sharing", "No checks were made with the probation service."),
    ("G.information_sharing", "The clinic did not discuss the burn with the health visitor."),
    ("G.information_sharing", "The discharge summary reached the GP two weeks late."),
    ("G.information_sharing", "There was a delay before the police report reached the school."),
    ("G.information_sharing", "The intelligence was never linked to the family's address."),
    # joint working, thresholds, closure between agencies
    ("G.multi_agency_working", "The referral was closed after one phone call."),
    ("G.multi_agency_working", "The first referral was closed with advice and nothing more."),
    ("G.multi_agency_working", "The nurse made no referral to children's services."),
    ("G.multi_agency_working", "The doctor did not refer the baby for a medical."),
    ("G.multi_agency_working", "The family was moved down to early help."),
    (
        "G.multi_agency_working",
        "The MARAC meeting agreed actions that were never carried out by children's services.",
    ),
    ("G.multi_agency_working", "The reports were never put side by side by any agency."),
    # concerns repeated without action; closure while concerns go on
    (
        "D.desensitisation",
        "The plan was stepped down although the home conditions were no better.",
    ),
    ("D.desensitisation", "Each time the case closed, the worries came back within weeks."),
    ("D.desensitisation", "The neglect had become familiar to the social workers."),
    ("D.desensitisation", "Each visit was judged against the family's usual standard."),
    ("D.desensitisation", "The family improved for a while, then slipped back."),
    ("D.desensitisation", "Visits continued for a year, though little changed."),
    ("D.desensitisation", "Nursery staff noted nine bruises on the toddler in a term."),
    ("D.desensitisation", "Every notification was screened separately."),
    ("D.desensitisation", "The decision to close the case so soon was unwise."),
    # a move, baby or partner read as a new beginning
    ("D.fresh_start", "The move was treated as a line drawn under the past."),
    ("D.fresh_start", "The new worker did not look at the family's history."),
    ("D.fresh_start", "Each new worker started afresh with a new assessment."),
    ("D.fresh_start", "Agencies assumed that the risk had ended when she left him."),
    # cannabis named and then played down or left alone
    ("D.minimising_cannabis", "His daily cannabis use was noted but never explored."),
    ("D.minimising_cannabis", "A test positive only for cannabis was read as progress."),
    # the adults' relationship shaping the risk
    ("F.adult_relationship_impact", "The conflict between the parents grew over the summer."),
    ("F.adult_relationship_impact", "A bitter contact dispute added to the father's stress."),
    ("F.adult_relationship_impact", "She was too frightened of her partner to say more."),
]

NOT_CODED = [
    # following something up is not sharing it between agencies
    ("G.information_sharing", "The weight loss at the clinic was never followed up."),
    (
        "G.information_sharing",
        "The father, unused to night feeds, later told police what happened.",
    ),
    # a neutral step in the process, or the kind of review
    ("G.multi_agency_working", "A referral led to a strategy discussion and an assessment."),
    ("G.multi_agency_working", "The family had an open early help plan."),
    ("G.multi_agency_working", "A multi-agency practice review looked at the baby's death."),
    # a case closed once, with nothing said of concerns continuing
    ("D.desensitisation", "After the assessment the case was then closed."),
    ("D.desensitisation", "The review identified several missed opportunities."),
    ("D.desensitisation", "When the family moved, the first authority closed the case."),
    # a child's reluctance is not a parent avoiding services
    (
        "C.reluctance_to_engage",
        "The toddler had become reluctant to go home at the end of the day.",
    ),
    # denied
    ("F.adult_relationship_impact", "There was no conflict between the parents."),
    ("D.minimising_cannabis", "Neither parent used cannabis."),
]


@pytest.mark.parametrize(("indicator", "text"), CODED)
def test_way_of_saying_is_coded(coder: RuleCoder, indicator: str, text: str) -> None:
    assert indicator in indicators(coder, text)


@pytest.mark.parametrize(("indicator", "text"), NOT_CODED)
def test_neutral_or_denied_is_not_coded(coder: RuleCoder, indicator: str, text: str) -> None:
    assert indicator not in indicators(coder, text)


def test_closure_then_concerns_continuing_is_coded_nearby(coder: RuleCoder) -> None:
    text = (
        "The child in need plan was closed in the spring. "
        "The concerns about his weight had not gone away."
    )
    assert "D.desensitisation" in indicators(coder, text)


def test_cannabis_called_recreational_in_a_later_sentence(coder: RuleCoder) -> None:
    text = (
        "The midwife noted the father's cannabis use. Nobody asked more. "
        'The notes described it as "recreational".'
    )
    assert "D.minimising_cannabis" in indicators(coder, text)
