"""Outcome, harm types, nation and year, from fictional sentences."""

from __future__ import annotations

import pytest
from facts_helpers import facts_of

from caselens.model import Document, Fact
from caselens.pipeline.facts import extract_facts
from caselens.pipeline.segment import segment


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("The baby died in hospital two days later.", "death"),
        ("The boy was killed by his stepfather.", "death"),
        ("The father was convicted of manslaughter.", "death"),
        ("The injuries proved fatal.", "death"),
        ("The girl suffered a fractured skull and a brain injury.", "serious_harm"),
        ("The baby was admitted to hospital with life-changing injuries.", "serious_harm"),
        (
            "The child survived an attempted murder by his mother and was seriously injured.",
            "serious_harm",
        ),
        (
            "The baby was hurt. His grandfather had died the year before, and he was injured.",
            "serious_harm",
        ),
        ("Professionals feared there was a risk of death; the baby was injured.", "serious_harm"),
    ],
)
def test_outcome(text: str, outcome: str) -> None:
    assert facts_of(text).outcome.value == outcome


def test_outcome_unknown_when_text_is_silent() -> None:
    assert facts_of("The family moved to a new flat in the spring.").outcome.value is None


@pytest.mark.parametrize(
    "text",
    [
        "A board published a review into the abuse of a baby, called Baby Q here. It said "
        "responsibility for the abuse rested with those who inflicted it.",
        "The review concerned a severely malnourished girl known to social services.",
        "A father gave his two youngest children heroin to help them sleep, after years of "
        "chronic neglect.",
    ],
)
def test_a_harm_told_without_death_or_injury_words_is_serious_harm(text: str) -> None:
    facts = facts_of(text)
    assert facts.outcome.value == "serious_harm"
    assert facts.outcome.note is not None and facts.outcome.note.startswith("no death told")


@pytest.mark.parametrize(
    "text",
    [
        # a death told wins
        "The baby died. A review examined the abuse she had suffered at home.",
        "The baby was found dead at home; the review found she had been neglected for months.",
    ],
)
def test_the_serious_harm_fallback_leaves_a_death_told(text: str) -> None:
    assert facts_of(text).outcome.value == "death"


def test_the_serious_harm_fallback_needs_a_harm_of_the_briefing() -> None:
    # a cause outside the briefing's three harms gives no outcome of itself
    assert facts_of("The boy was bitten by the family's dogs.").outcome.value is None


@pytest.mark.parametrize(
    ("text", "harm"),
    [
        ("The baby had been shaken by his father.", {"non_accidental_injury"}),
        ("Doctors found rib fractures of different ages.", {"non_accidental_injury"}),
        ("The injuries were judged to be non-accidental.", {"non_accidental_injury"}),
        ("The girl was murdered by her mother's partner.", {"non_accidental_injury"}),
        ("There was long-standing neglect of all the children.", {"neglect"}),
        ("The baby showed faltering growth over many weeks.", {"neglect"}),
        ("The toddler died after drinking methadone left within reach.", {"neglect"}),
        ("He drowned after being left unsupervised in the bath.", {"neglect"}),
        (
            "The baby died after being left with her 12-year-old brother while her mother "
            "went out.",
            {"neglect"},
        ),
        ("The baby died while co-sleeping with his mother.", {"unsafe_sleeping"}),
        ("The father fell asleep on the sofa with the baby on his chest.", {"unsafe_sleeping"}),
        (
            "The baby died after bed sharing with a parent who had drunk alcohol.",
            {"unsafe_sleeping"},
        ),
        (  # a possessive ("the parents' bed") is still an adult's bed
            "The baby died after her mother lifted her out of her cot and into the parents' bed.",
            {"unsafe_sleeping"},
        ),
        (
            "The baby died after a night at one end of a small sofa, sharing it with her mother.",
            {"unsafe_sleeping"},
        ),
        (
            "The baby suffered serious injuries. How the baby came to be hurt was never explained.",
            {"non_accidental_injury"},
        ),
        (
            "The seven-week-old was admitted to hospital with life-threatening head injuries.",
            {"non_accidental_injury"},
        ),
        ("The baby suffered a serious head injury in a car accident.", {"other"}),
        ("Her injuries have never been fully explained.", {"non_accidental_injury"}),
        # explained, it is no inflicted injury
        ("The baby was injured. How the baby was hurt was explained by the fall.", set()),
        ("The teenager had disclosed sexual abuse by an adult.", {"other"}),
        ("The death was found to be from natural causes.", {"other"}),
        ("The baby was attacked by the family dog.", {"other"}),
        ("The baby died in her mother's bed in the early hours.", {"unsafe_sleeping"}),
        ("He died after he had shared an adult bed with both parents.", {"unsafe_sleeping"}),
        ("The father admitted he shook him.", {"non_accidental_injury"}),
        ("The toddler had consumed methadone left on a table.", {"neglect"}),
        (  # the perpetrator named by the mother is still the baby's attacker
            "The baby suffered fractures. Her mother's partner was convicted of causing "
            "grievous bodily harm with intent.",
            {"non_accidental_injury"},
        ),
        (  # the adult drank; the baby died in an unsafe sleep
            "She died while sharing a sofa with an adult who had consumed alcohol and cannabis.",
            {"unsafe_sleeping"},
        ),
        (  # harm to an adult, in the father's record
            "The baby died on a sofa with his father. The father had a conviction for assault "
            "occasioning actual bodily harm against a woman he was then seeing.",
            {"unsafe_sleeping"},
        ),
        (  # the twins' mother asleep with both; the older children's neglect is theirs
            "The baby died. Her mother found her face down in the bed where she had been "
            "sleeping with both twins. There had also been neglect of the older children, "
            "including poor school attendance.",
            {"unsafe_sleeping"},
        ),
    ],
)
def test_harm_types(text: str, harm: set[str]) -> None:
    assert set(facts_of(text).harm_types.value) == harm


def test_several_harm_types() -> None:
    text = (
        "The baby died after sleeping in his parents' bed. "
        "The post-mortem found healing rib fractures. "
        "The home showed signs of chronic neglect."
    )
    assert set(facts_of(text).harm_types.value) == {
        "non_accidental_injury",
        "neglect",
        "unsafe_sleeping",
    }


def test_denied_harm_does_not_count() -> None:
    text = (
        "The baby died of asphyxia in a pram with unsuitable bedding. "
        "Non-accidental injury was ruled out. There were no signs of neglect."
    )
    assert facts_of(text).harm_types.value == ("unsafe_sleeping",)


@pytest.mark.parametrize(
    "habit",
    [
        "He shook the bottle till the lumps went, as he had been shown.",
        "The health visitor shook her head when asked about it later.",
        "The father's weekend drinking and cannabis use were known to the midwife.",
        "His drinking, smoking and cannabis use were never discussed.",
        'He said he had been "shaken" by the attendance and meant to lock the box away.',
        "The mother said she was shaken by the news of the arrest.",
        "On some evenings the father was left to settle her on his own.",
        "The father was charged with assault occasioning actual bodily harm and bailed, with "
        "conditions not to contact the mother.",
        "There was no discussion of the risks of sleeping with a baby after drinking alcohol or "
        "using drugs.",
        "Toxicology found no alcohol or illicit drugs in Ms L's blood.",
    ],
)
def test_a_thing_shaken_or_an_adult_s_habits_are_no_harm_to_the_child(habit: str) -> None:
    """A bottle shaken is not a baby shaken; an adult's drinking listed beside drugs is
    not a child drinking them."""
    text = "The baby died after sleeping on the sofa with her father. " + habit
    assert facts_of(text).harm_types.value == ("unsafe_sleeping",)


def test_other_is_not_added_beside_a_briefing_harm() -> None:
    text = "The baby was shaken by his father. An earlier allegation of sexual assault was dropped."
    assert facts_of(text).harm_types.value == ("non_accidental_injury",)


def test_killing_by_peers_is_not_non_accidental_injury() -> None:
    text = (
        "The 15-year-old died in a confrontation with other young people, "
        "one of whom admitted manslaughter."
    )
    assert facts_of(text).harm_types.value == ("other",)


def test_child_protection_plan_category_is_not_neglect() -> None:
    text = (
        "The children were on plans under the category of neglect. "
        "The baby's death was unascertained but natural."
    )
    assert facts_of(text).harm_types.value == ("other",)


def test_harm_evidence_invariant() -> None:
    doc = Document.from_text("Intro.\n\nThe baby was shaken. He also showed neglect.", "t")
    facts = extract_facts(doc, segment(doc))
    assert facts.harm_types.evidence
    for ev in facts.harm_types.evidence:
        assert doc.text[ev.start : ev.end] == ev.quote


@pytest.mark.parametrize(
    ("text", "nation"),
    [
        (
            "Newbridgeshire Safeguarding Children Partnership published a child safeguarding "
            "practice review.",
            "England",
        ),
        ("The Kent serious case review was discussed at the board.", "England"),
        ("Ofsted had judged the council's services inadequate.", "England"),
        ("A concise child practice review was commissioned by the regional board.", "Wales"),
        ("The Cwm Taf board reviewed the case of a baby in Merthyr Tydfil.", "Wales"),
        ("The review was carried out by the Newport Local Safeguarding Children Board.", "Wales"),
        (
            "A significant case review was commissioned by the child protection committee.",
            "Scotland",
        ),
        ("The Fife learning review examined the baby's death.", "Scotland"),
        (
            "A case management review was completed by the Safeguarding Board "
            "for Northern Ireland.",
            "Northern Ireland",
        ),
        ("A coroner in Queensland, Australia, examined the death.", "other"),
        # England's and Wales's boards before 2006, not Scotland's child protection committees
        (
            "The area child protection committee of a city in south-west England "
            "published the review.",
            "England",
        ),
        ("A north London council admitted failings in the case of a baby boy.", "England"),
        ("The board of an East Midlands city published six reviews.", "England"),
    ],
)
def test_nation(text: str, nation: str) -> None:
    assert facts_of(text).nation.value == nation


def test_nation_unknown_when_nothing_says() -> None:
    facts = facts_of("An anonymous review published in 2019 looked at the baby's death.")
    assert facts.nation.value is None


def test_bath_is_not_a_place() -> None:
    assert facts_of("The baby was left in the bath. Reading the file helped.").nation.value is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The review was published in 2019. The baby died in 2016.", 2019),
        ("The partnership published the report on 8 March 2021.", 2021),
        ("In October 2016 the board published a serious case review.", 2016),
        ("The child died in March 2017 and the inquest was held in 2018.", None),
    ],
)
def test_published_year(text: str, year: int | None) -> None:
    assert facts_of(text).published_year.value == year


def test_facts_with_no_sentences_fall_back_to_blocks() -> None:
    doc = Document.from_text("A 7-week-old boy died in Kent after co-sleeping.", "t")
    facts = extract_facts(doc, ())
    assert facts.age_months.value == 1.6
    assert facts.nation.value == "England"
    assert facts.harm_types.value == ("unsafe_sleeping",)


def _pipeline_nation(text: str) -> Fact:
    from caselens.codebook import default_codebook
    from caselens.pipeline.run import Pipeline

    return Pipeline(default_codebook()).process(Document.from_text(text, "fictional")).facts.nation


def test_a_nation_said_only_of_the_wider_context_is_read_when_the_case_names_none() -> None:
    """A national study's case: the country is named once, of the study, not the baby."""
    nation = _pipeline_nation(
        "A national study of neglect in serious case reviews in England, published in "
        "2013, looked at many cases. One was that of a baby boy who died at three months "
        "old after his parents left him alone overnight."
    )
    assert nation.value == "England" and "wider context" in (nation.note or "")
    assert nation.evidence and "in England" in nation.evidence[0].quote


def test_the_case_s_own_place_wins_over_the_wider_context() -> None:
    nation = _pipeline_nation(
        "Research on serious case reviews in England has found that fathers are often "
        "unseen. Baby T lived with his parents in Wrexham and died at four months old "
        "after he was shaken."
    )
    assert nation.value == "Wales" and "wider context" not in (nation.note or "")


def test_a_review_of_two_babies_deaths_is_a_case_review() -> None:
    facts = facts_of(
        "The board published two reviews into the deaths of two babies who died while "
        "co-sleeping with their parents."
    )
    assert facts.document_type.value == "case_review"
    leaflet = facts_of("Sharing a bed with a baby raises the risk of sudden infant death.")
    assert leaflet.document_type.value == "other"


def test_missed_appointments_are_the_neglect_only_where_nothing_else_harmed_the_child() -> None:
    """In a review of an inflicted injury, a child not brought to appointments is a missed
    warning, not a second harm; where nothing else is named it is the neglect."""
    injured = (
        "The baby was seriously harmed by an inflicted head injury caused by her father. "
        "She had not been brought to three health appointments."
    )
    assert facts_of(injured).harm_types.value == ("non_accidental_injury",)
    missed = (
        "The 14-month-old was seriously harmed. He had never been brought to his health "
        "appointments, and the review found he had been seriously harmed as a result."
    )
    assert facts_of(missed).harm_types.value == ("neglect",)
