"""Negation, denial and general-recommendation checks on a match inside a sentence."""

from __future__ import annotations

import pytest

from caselens.pipeline.case_link import is_general
from caselens.pipeline.negation import negation_reason


def _reason(sentence: str, target: str) -> str | None:
    start = sentence.index(target)
    return negation_reason(sentence, start, start + len(target))


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("There was no evidence of domestic abuse in the household.", "domestic abuse"),
        ("The mother denied any drug use during the pregnancy.", "drug use"),
        ("No concerns were raised about the father's involvement.", "father"),
        ("Neither parent had a history of mental health problems.", "mental health"),
        ("Non-accidental injury was considered, and bed-sharing was ruled out.", "bed-sharing"),
        ("The baby had never shared a bed with the parents.", "shared a bed"),
        # a test's result, as notes write it
        ("Hair strand (Jan) neg for cocaine & cannabis.", "cocaine"),
        # known to an agency is no agency's act: the denial reaches the drugs
        ("Neither parent was known to any agency to use drugs.", "use drugs"),
        ("The pathologist said bed-sharing did not contribute to his death.", "bed-sharing"),
        # what nobody knew is unknown, not told
        ("Nothing was known of his history or his own childhood.", "his own childhood"),
        # information that would suggest it is no practice: "no information ... suggesting"
        (
            "There was no information held by any agency suggesting domestic abuse between "
            "the mother and her partner.",
            "domestic abuse",
        ),
        (
            "She describes a settled childhood, and nothing in the records of any agency "
            "suggests that either parent experienced abuse.",
            "experienced abuse",
        ),
        # tests for it came back clear
        (
            "Investigations for coeliac disease, cystic fibrosis and metabolic conditions "
            "were all negative.",
            "coeliac disease",
        ),
        # a step the review does not say was needed is no gap, though it is practice
        (
            "It does not suggest that a pre-birth assessment should have been undertaken.",
            "pre-birth assessment",
        ),
        # a whole proposition denied, however long, its verbs the family's
        (
            "Freya slept in a crib, and there was no suggestion at any stage that she shared "
            "the adult bed or slept on a sofa.",
            "sofa",
        ),
        # a threshold nothing met: no step was needed
        (
            "Nothing known during the pregnancy would have met the threshold for a pre-birth "
            "assessment.",
            "pre-birth assessment",
        ),
        (
            "Cannabis, which other reviews have found to be minimised, did not feature in this "
            "case.",
            "minimised",
        ),
        (
            "A pre-birth assessment by children's services was not indicated on what was known.",
            "pre-birth assessment",
        ),
        (
            "The review does not regard the absence of a pre-birth assessment as a missed "
            "opportunity.",
            "pre-birth assessment",
        ),
        # "followed a night away" tells when, not what a practitioner did
        (
            "The review found nothing to suggest that the injuries followed a night away.",
            "night away",
        ),
        # notes write none as "nil"
        ("Safe sleep discussed: own cot in parents' room, nil bed-sharing.", "bed-sharing"),
    ],
)
def test_denials_are_negated(sentence: str, target: str) -> None:
    assert _reason(sentence, target) == "negated"


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        # A negated professional action is a learning point about the fact.
        (
            "Practitioners did not explore the impact of domestic abuse on the baby.",
            "domestic abuse",
        ),
        ("No one asked the mother about her cannabis use.", "cannabis use"),
        ("The health visitor was not told about the father's violence.", "violence"),
        # Pseudo-negations do not deny.
        ("The mother was no longer using heroin but was drinking heavily.", "drinking"),
        ("Not only the mother but also her partner used cannabis.", "cannabis"),
        # A cue in an earlier clause does not reach past a boundary.
        ("There were no missed appointments, but the father was violent.", "violent"),
        # A cue that is part of the matched words is not a negation of them.
        ("The mother did not engage with services.", "did not engage"),
        # a suggestion nobody made about an action is a gap in practice
        ("No professional suggested a referral for the father's drinking.", "drinking"),
        # how a baby was found is no denial of where
        (
            "She was found not breathing in a single bed she shared with her mother.",
            "bed she shared with her mother",
        ),
        # what nobody described or looked at is a gap in practice too
        (
            "Reports described his diagnosis, but none described what an ordinary day was like.",
            "what an ordinary day was like",
        ),
        (
            "No one had looked at the accommodation from the baby's point of view.",
            "from the baby's point of view",
        ),
    ],
)
def test_asserted_matches_are_kept(sentence: str, target: str) -> None:
    assert _reason(sentence, target) is None


def test_the_topics_of_routine_questions_are_no_facts_however_long_the_list() -> None:
    sentence = (
        "At booking the midwife asked the routine questions about the mother's health, "
        "mental health, alcohol and drug use and domestic abuse."
    )
    for topic in ("mental health", "drug use", "domestic abuse"):
        assert _reason(sentence, topic) == "asked", topic
    # the list ends where the clause does: what staff then did is told, and counts
    told = (
        "Health staff asked routine questions about abuse without knowing the history, and "
        "accepted the mother's assurances that all was well."
    )
    assert _reason(told, "accepted the mother's assurances") is None


def test_a_topic_named_as_the_kind_of_enquiry_is_what_was_asked() -> None:
    """ "Routine domestic violence enquiry: says husband kind": the enquiry's kind, not a
    fact; an enquiry nobody made further is still a learning point."""
    asked = "Routine domestic violence enquiry: says husband kind, no fear at home."
    assert _reason(asked, "domestic violence") == "asked"
    assert _reason("Drug and alcohol screening done, nil of note.", "alcohol") == "asked"
    assert _reason("Police attended a domestic violence incident.", "domestic violence") is None
    further = "She accepted, without further enquiry, the mother's explanation."
    assert _reason(further, "accepted, without further") is None


def test_a_question_an_assessment_answered_no_is_denied() -> None:
    """ "considered whether X had Y ... concluded that she did not" denies Y; the answer
    to whether a bruise was accidental says nothing against the bruise."""
    answered = (
        "An assessment considered whether Mother had a learning disability; the "
        "psychologist concluded that she did not."
    )
    assert _reason(answered, "learning disability") == "negated"
    found = "The review considered whether the mother had a learning disability and found she did."
    assert _reason(found, "learning disability") is None
    bruise = "A doctor considered whether the bruise was accidental and concluded it was not."
    assert _reason(bruise, "bruise") is None


def test_a_denial_reaches_over_not_because() -> None:
    sentence = "She missed the check because she was away, not because she was avoiding contact."
    assert _reason(sentence, "avoiding contact") == "negated"
    assert _reason("She missed it because she was avoiding contact.", "avoiding contact") is None


def test_a_caseload_tells_of_other_families() -> None:
    sentence = (
        "The health visitor carried a caseload of more than four hundred children, including "
        "a high number of teenage parents."
    )
    assert _reason(sentence, "teenage parents") == "other_family"


def test_a_supposition_about_a_person_is_hypothetical() -> None:
    sentence = "At school it was thought that she might have a learning disability."
    assert _reason(sentence, "learning disability") == "hypothetical"


@pytest.mark.parametrize(
    ("sentence", "target", "reason"),
    [
        # what someone was asked about is a topic, not a fact about the family
        ("The midwife asked her about domestic abuse when alone.", "domestic abuse", "asked"),
        ("The health visitor enquired whether the father drank heavily.", "drank heavily", "asked"),
        # notes put the question with "re": "Asked re DV - denies"
        ("Mum seen alone, asked re domestic violence - denies.", "domestic violence", "asked"),
        ("Asked re drug/alcohol use: both say none.", "alcohol use", "asked"),
        # an enquiry that was never made is the learning point: kept
        ("Nobody asked about domestic abuse at any contact.", "domestic abuse", None),
        ("Practitioners failed to ask about the father's drinking.", "drinking", None),
        ("No one asked the mother about her cannabis use.", "cannabis use", None),
        # a gap the review does find is kept: "should have been" without "does not suggest"
        ("A pre-birth assessment should have been undertaken.", "pre-birth assessment", None),
        ("No one followed up the missed appointments.", "missed appointments", None),
        # a gap named by its noun stays a gap inside a denied proposition
        ("There was no evidence that anyone shared information with the GP.", "information", None),
        # a bare topic never talked of is advice not given, not the family's habit
        ("The health visitor never mentioned alcohol or bed-sharing.", "bed-sharing", "asked"),
        ("No one ever talked to the parents about co-sleeping.", "co-sleeping", "asked"),
        ("Co-sleeping was never discussed with either parent.", "Co-sleeping", "asked"),
        # ... but "his drinking" is known, and the gap is in what was done with it
        ("The health visitor never discussed his drinking with him.", "drinking", None),
        ("Her drinking was never discussed with her.", "drinking", None),
    ],
)
def test_the_topic_of_a_question_is_not_asserted(
    sentence: str, target: str, reason: str | None
) -> None:
    assert _reason(sentence, target) == reason


@pytest.mark.parametrize(
    ("sentence", "target", "reason"),
    [
        # a supposition opening the sentence asserts nothing about the family ...
        (
            "Had Child T been born early or small, the programme would have added contacts.",
            "born early",
            "hypothetical",
        ),
        (
            "Had any appointment been missed, the surgery would have rung.",
            "appointment",
            "hypothetical",
        ),
        # ... but what practice should have done is a learning point, even after a list
        (
            "Had the missed appointments, the weight loss and the hunger been linked together, "
            "staff would have acted sooner.",
            "missed appointments",
            None,
        ),
        # another family's story is not this one's; the mother's other children are hers
        (
            "Cots had been given to another family in the building with twins.",
            "twins",
            "other_family",
        ),
        ("The mother had twins, and her other children were at school.", "twins", None),
        # what happened at the address before the family moved in
        (
            "Police check showed a domestic violence call-out at the address, confirmed as "
            "previous tenants.",
            "domestic violence",
            "other_family",
        ),
        ("Mum disclosed domestic violence from her previous partner.", "domestic violence", None),
        # advice about a danger is not the danger in this family
        (
            "She discussed the cot and the risks of sharing a bed with a baby.",
            "sharing a bed",
            "danger",
        ),
        ("The mother shared a bed with the baby.", "shared a bed", None),
        # told at length, as advice is: the danger's gerund, then what it is about
        (
            "She talked with Jade about the risks of falling asleep with a baby on a sofa.",
            "sofa",
            "danger",
        ),
        ("The danger of this was missed when she fell asleep on the sofa.", "sofa", None),
        # the danger of the baby's own life is this family's, and a finite verb ends advice
        (
            "The growing dangers of living with a methadone-using mother were not shared.",
            "methadone",
            None,
        ),
        (
            "The risks of leaving him with the father do not seem to have been shared.",
            "shared",
            None,
        ),
        ("Domestic abuse was a known risk in the couple's relationship.", "relationship", None),
    ],
)
def test_suppositions_and_other_families(sentence: str, target: str, reason: str | None) -> None:
    assert _reason(sentence, target) == reason


def test_general_recommendation_without_case_link() -> None:
    sentence = "All practitioners should always give safer sleep advice at every contact."
    assert is_general(sentence)
    assert _reason(sentence, "safer sleep advice") == "general"


def test_case_learning_point_is_not_general() -> None:
    sentence = (
        "Practitioners should have given the parents safer sleep advice again after the move."
    )
    assert not is_general(sentence)
    assert _reason(sentence, "safer sleep advice") is None


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("If the father had been violent, the health visitor would have referred.", "violent"),
        ("The midwife asked the mother if she used cannabis.", "cannabis"),
    ],
)
def test_hypotheticals_are_not_asserted(sentence: str, target: str) -> None:
    assert _reason(sentence, target) == "hypothetical"


def test_a_counterfactual_about_practice_is_a_learning_point() -> None:
    sentence = "He might not have been harmed if agencies had worked together more fully."
    assert _reason(sentence, "worked together") is None


def test_no_records_of_a_fact_deny_it() -> None:
    assert _reason("There were no police records of domestic abuse.", "domestic abuse") == (
        "negated"
    )
    # ... while not recording it is a learning point about the fact.
    assert _reason("The GP did not record the domestic abuse.", "domestic abuse") is None


def test_no_reports_of_a_fact_deny_it() -> None:
    assert _reason("There were no reports of violence between the couple.", "violence") == (
        "negated"
    )
    # ... while reports not passed on are a learning point about the fact.
    assert _reason("Police did not share reports of violence with the GP.", "violence") is None


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        # a reported clause of its own is out of the denial's reach
        (
            "The review said assessments were not robust enough and that some professionals "
            "were insufficiently curious.",
            "insufficiently curious",
        ),
        (
            "The reviewer judged that his death could not have been predicted, noting that "
            "the mother and her partner were manipulative and had hindered services.",
            "hindered services",
        ),
        # a want that sets the scene: the bed is still where the twin slept
        (
            "With no travel cots, one twin slept in a pram and the other in the adult bed.",
            "the adult bed",
        ),
        # what the assessments did not describe, the verb left out
        (
            "Assessments described her mother's drinking, but not what it was like to be "
            "three years old in that home.",
            "what it was like to be",
        ),
        # a question nobody wrote down
        (
            "There was no record of what it was like to be a baby in that home.",
            "what it was like to be",
        ),
    ],
)
def test_a_negation_before_a_new_clause_or_an_unasked_question_denies_nothing(
    sentence: str, target: str
) -> None:
    assert _reason(sentence, target) is None


def test_a_practitioner_s_act_denied_at_the_start_of_the_match_is_a_learning_point() -> None:
    sentence = "No one sought his view of life at home with his baby sister."
    assert _reason(sentence, "sought his view of life at home") is None


def test_a_carer_who_never_looked_after_the_baby_is_still_denied() -> None:
    sentence = "The baby was never looked after by anyone else."
    assert _reason(sentence, "looked after by anyone else") == "negated"
