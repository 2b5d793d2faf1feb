"""Whose story a sentence tells, and whether it asserts, denies, doubts, praises or asks."""

from __future__ import annotations

import pytest

from caselens.pipeline.stance import judge, outside_parents_past


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
        # a screen's clear answer denies the sentence's mental-health words
        (
            "Her answers at the six-week check did not suggest depression, and she never saw "
            "her GP about her mental health.",
            "case",
            "denies",
        ),
        # another case told beside this one
        (
            "Another review in the same batch criticised workers for missing a mother's "
            "reports of domestic abuse.",
            "general",
            "asserts",
        ),
        ("Other cases in the report included a toddler who drank methadone.", "general", "asserts"),
        # no record of a question asked is a gap; no record of a fact denies it
        ("No record of what a day looks like for Jaxon (11/12).", "case", "asserts"),
        ("No record of domestic abuse.", "case", "denies"),
        ("No concerns about how she manages.", "case", "denies"),
        (
            "In the other two cases in this review, parents had drunk alcohol before sharing a "
            "bed with their babies.",
            "general",
            "asserts",
        ),
        (
            "Meanwhile another baby in the same town died while sharing a sofa with his father.",
            "general",
            "asserts",
        ),
        # a later baby of this family is not another case
        ("Another baby was born a year later and was placed on a plan.", "case", "asserts"),
        # the review's own work is not the case
        ("4.1 The lead reviewer met the boy, now nine, at his aunt's flat.", "general", "asserts"),
        ("The reviewer found that the father was never seen.", "case", "asserts"),
        # what it looked at, and the keywords it is filed under, are its scope; a finding
        # word makes it a finding
        (
            "The report also looked at the pre-birth assessment and at the discharge summaries.",
            "general",
            "asserts",
        ),
        ("The keywords attached to the review were neglect and unknown men.", "general", "asserts"),
        (
            "The review looked at how information was shared and found that it was not.",
            "case",
            "asserts",
        ),
        # its statutory purpose and its publication notes, as summaries keep them
        (
            "The review was to establish whether there were lessons about how local "
            "professionals and organisations work together to safeguard children.",
            "general",
            "asserts",
        ),
        (
            "Published by the partnership, which has changed the children's names and "
            "avoided exact dates.",
            "general",
            "asserts",
        ),
        ("To protect the privacy of the children, dates have been left out.", "general", "asserts"),
        # its word on its own fairness, set in its method; a finding seen in hindsight stands
        (
            "The reviewer has tried to avoid hindsight bias: the practitioners did not know "
            "what we now know, and most carried high caseloads.",
            "general",
            "asserts",
        ),
        (
            "It used a systems approach, which seeks to understand why practice happened as "
            "it did rather than to judge individuals with hindsight.",
            "general",
            "asserts",
        ),
        (
            "On two of those occasions she had an injury which, with hindsight, was an early "
            "sign of the harm she was suffering.",
            "case",
            "asserts",
        ),
        (
            "Mindful of hindsight bias, the review nonetheless found that the bruise should "
            "have been referred.",
            "case",
            "asserts",
        ),
        # a parent changing a name is the case's story
        ("The mother changed her name and moved to another county.", "case", "asserts"),
        (
            "Professionals did not work together: no lessons were drawn about how the "
            "agencies shared information.",
            "case",
            "asserts",
        ),
        # the author's verdict closing the sentence
        (
            "An uncle sometimes minded the baby; this was known and was not an area of concern.",
            "case",
            "denies",
        ),
        (
            "The records showed the father's contact with social care as a child and his "
            "sister's care order.",
            "parents_past",
            "asserts",
        ),
        # "generally" of what this case's agencies did is not a general statement
        ("Agencies had generally acted in isolation from one another.", "case", "asserts"),
        ("Agencies generally work in isolation when thresholds are high.", "general", "asserts"),
        ("Neither parent was known to misuse alcohol or drugs.", "case", "denies"),
        (
            "The review does not suggest that any drug use, including cannabis, was minimised.",
            "case",
            "denies",
        ),
        (
            "No agency held any information suggesting that either parent misused drugs.",
            "case",
            "denies",
        ),
        (
            "She had grown up in a household where a younger sibling was on a plan.",
            "parents_past",
            "asserts",
        ),
        (
            "6.3 This was not a case in which the move was treated as a new beginning.",
            "case",
            "denies",
        ),
        # what practitioners did not do is the concern, not a denial of one
        ("Neither of the older children was spoken to about home.", "case", "asserts"),
        ("Neither parent was asked who else lived in the flat.", "case", "asserts"),
        ("Neither parent used drugs.", "case", "denies"),
        # what this case's practitioners did, in the simple past, is about the case
        ("Practitioners failed to listen to children.", "case", "asserts"),
        ("Agencies missed several chances to intervene.", "case", "asserts"),
        ("Professionals need to be curious about who lives there.", "general", "asserts"),
        ("There was no history of domestic abuse.", "case", "denies"),
        ("The review has not found any shortcoming in management oversight.", "case", "denies"),
        (
            "Her EPDS scores were low, and there is nothing in any record, or in what the family"
            " has told the review, to suggest that she had a mental health difficulty.",
            "case",
            "denies",
        ),
        (
            "The father drank heavily, and there was nothing in the records about it.",
            "case",
            "asserts",
        ),
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
        # nothing in any agency's records "to suggest that ..." denies what follows; a
        # missing assessment "to show" or "to indicate how" is still the gap
        (
            "There is nothing in the records of any agency to suggest that either parent "
            "was abused as a child.",
            "case",
            "denies",
        ),
        ("There was no pre-birth assessment to show what support was needed.", "case", "asserts"),
        ("There was no assessment to indicate how the family would cope.", "case", "asserts"),
        # the review's own question, answered after it, is no finding; as reporting puts a
        # finding ("the review asked whether ...") it is one
        (
            "9.10 The review considered whether practitioners had treated the new "
            "relationship as a fresh start.",
            "case",
            "asks",
        ),
        (
            "The review asked whether professionals had been too ready to believe the mother.",
            "case",
            "asserts",
        ),
        (
            "It is possible that the routine was disrupted over Christmas, but the review has "
            "found no information to confirm this.",
            "case",
            "doubts",
        ),
        # another child's review, a call about another flat, what the review leaves aside
        (
            "The Board's earlier review concerning Child R, a baby who died in 2016 while "
            "sharing a sofa with a parent who had used cannabis, led to a campaign.",
            "general",
            "asserts",
        ),
        (
            "A call about cannabis being smoked on the landing was traced to a neighbouring "
            "flat and had no connection with Kai's family.",
            "general",
            "asserts",
        ),
        (
            "The older sibling's own experience is not considered further in this review.",
            "general",
            "asserts",
        ),
        # a note of this family, with no verb: not "Parents who ... are" in general
        ("Parents both solicitors, articulate, say feeding is going fine.", "case", "asserts"),
        ("Parents present, articulate, dad a solicitor; registrar reassured.", "case", "asserts"),
        ("Parents who misuse alcohol often struggle to keep a baby safe.", "general", "asserts"),
        (
            "8.12 The Review has considered whether the mother may have had an unrecognised "
            "learning difficulty.",
            "case",
            "asks",
        ),
        (
            "Her brother spent most weekends with his grandmother, an arrangement of long "
            "standing that raised no concern.",
            "case",
            "doubts",
        ),
        (
            "Practitioners in some reviews assumed better-off parents would cope; that was not "
            "a feature of practice here.",
            "case",
            "doubts",
        ),
        (
            "The reviewer asked whether anything unusual had happened in the days before, such "
            "as a night away or a family celebration.",
            "general",
            "asserts",
        ),
        (
            "A neighbour thought the men used cannabis; the police made enquiries and found "
            "nothing to support this.",
            "case",
            "doubts",
        ),
        # what other reviews found, said not to hold here
        (
            "Some reviews elsewhere have found that professionals assumed better-off parents "
            "could cope; that was not a factor here, where the family lived on a low income.",
            "case",
            "doubts",
        ),
        # a want in the baby's care is a concern, not a concern denied
        ("There was no cot at the friend's flat.", "case", "asserts"),
        ("There was no food in the house and the heating was off.", "case", "asserts"),
        ("There was no cot death in the family.", "case", "denies"),
        ("There was no evidence of drug use.", "case", "denies"),
    ],
)
def test_stance(sentence: str, about: str, polarity: str) -> None:
    stance = judge(sentence)
    assert (stance.about, stance.polarity) == (about, polarity), stance.reason
    assert stance.counts == (about == "case" and polarity == "asserts")
    assert stance.reason or stance.counts  # every verdict that sets a sentence aside says why


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2017, when Sam was 14, she was accommodated after a relapse in her mother's drinking.",
        "Sam and her brothers were on child protection plans from 2012 until 2015, when Sam was "
        "between nine and twelve years old.",
        "As a teenager he was excluded from school and was known to youth offending services.",
        "Her own child protection history and her mother's alcohol misuse were known in part.",
        "Her own mother had misused alcohol throughout the mother's early childhood.",
    ],
)
def test_a_parents_own_childhood_is_told_as_the_parents_past(sentence: str) -> None:
    stance = judge(sentence)
    assert stance.about == "parents_past", stance.reason
    assert not stance.counts  # evidence only of the indicators that concern a parent's past
    assert "childhood" in stance.reason


@pytest.mark.parametrize(
    "sentence",
    [
        # the baby's age, not a parent's
        "When Ava was 10 weeks old she was seen with a bruise to her cheek.",
        # a relative clause about the mother's past inside a sentence about now
        "The mother, who had spent much of her own childhood in foster care, was frightened of "
        "him, and professionals took her word without checking.",
        # her own mother is the grandmother today, not a childhood
        "The case was closed when the mother said she had more help from her own mother.",
    ],
)
def test_the_present_is_not_taken_for_a_parents_childhood(sentence: str) -> None:
    assert judge(sentence).about == "case"


def test_a_clause_before_a_parents_childhood_is_about_the_case() -> None:
    note = (
        "No pre-birth assessment requested; how her own upbringing might shape her "
        "parenting not explored."
    )
    assert judge(note).about == "parents_past"  # the whole sentence, judged as one
    assert outside_parents_past(note, ["Pre-birth"])  # the first clause: this baby's care
    assert not outside_parents_past(note, ["not explored"])  # the clause of the cue
    assert not outside_parents_past(note.replace(";", ","), ["pre-birth"])  # one clause


def test_a_clause_after_a_parents_childhood_goes_on_with_the_story() -> None:
    sentence = (
        "Dean was placed in foster care at the age of 13 after he was found caring for "
        "his younger brother alone; he remained in care until he was 16."
    )
    assert not outside_parents_past(sentence, ["remained in care"])


@pytest.mark.parametrize(
    "sentence",
    [
        "h) whether there was any evidence that she had been deliberately given methadone;",
        "(iii) whether agencies shared what they knew of the father's violence",
        "- whether the father's history was known to the health visitor",
    ],
)
def test_a_term_of_reference_put_as_whether_is_a_question(sentence: str) -> None:
    assert judge(sentence).polarity == "asks"


def test_a_sentence_opening_with_whether_may_still_be_a_finding() -> None:
    assert judge("Whether she understood the risk was never explored.").counts


def test_the_reviews_own_verdict_denies_a_piece_of_practice_too() -> None:
    # "no pre-birth assessment" is a gap; "the review has not found that X was a factor" is not
    verdict = judge("The review has not found that supervision was a factor in this case.")
    assert verdict.polarity == "denies"
    assert judge("There was no pre-birth assessment.").counts


@pytest.mark.parametrize(
    "sentence",
    [
        # a denial the sentence takes back
        "She told the midwife that she did not drink, although she later admitted drinking "
        "and smoking while pregnant.",
        # concerns nobody raised after a failing: the failing's end
        "The review found that each injury was treated on its own, that nobody looked at the "
        "pattern, and that no safeguarding concerns were raised.",
        # none of the professionals did it: a gap in practice
        "None of the professionals involved noticed the change in caring arrangements.",
        # a question nobody wrote down
        "There was no record of what it was like to be a baby in that home.",
    ],
)
def test_a_denial_taken_back_or_a_gap_told_as_none_asserts(sentence: str) -> None:
    assert judge(sentence).polarity == "asserts"


@pytest.mark.parametrize(
    "sentence",
    [
        "She said she did not drink during the pregnancy.",
        "None of the children had been known to social care.",
        "At the visit no concerns were raised.",
    ],
)
def test_a_plain_denial_still_denies(sentence: str) -> None:
    assert judge(sentence).polarity == "denies"


def test_records_silent_on_a_question_assert_a_gap() -> None:
    assert judge("None of the records describes what a day was like for Reuben.").polarity == (
        "asserts"
    )
    assert judge("None of the records suggested domestic abuse.").polarity == "denies"
