"""Many ways of saying the same outcome or harm, in new fictional sentences.

Each case is a phrasing the rules are meant to generalise to; the negative cases
guard against the same words read where they tell of someone else or of safe care.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, harm_types


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Ambulance staff were unable to revive her.", "death"),
        ("Despite efforts by paramedics the boy could not be resuscitated.", "death"),
        ("The infant was pronounced dead at the scene.", "death"),
        ("Sadly the little girl passed away the following week.", "death"),
        ("The post-mortem gave the cause as SUDI.", "death"),
        ("The toddler did not survive the night.", "death"),
        ("The baby suffered catastrophic head injuries.", "serious_harm"),
        ("The girl sustained life-threatening injuries.", "serious_harm"),
        ("Scans showed the boy had brain damage.", "serious_harm"),
        ("She was admitted to the paediatric intensive care unit.", "serious_harm"),
        ("The child will have a permanent disability.", "serious_harm"),
        ("The boy needed ventilation for two days.", "serious_harm"),
        ("He was brought to the emergency department drowsy and floppy.", "serious_harm"),
        ("The baby was found unresponsive in the early hours.", "serious_harm"),
    ],
)
def test_outcome_phrasings(text: str, outcome: str) -> None:
    assert facts_of(text).outcome.value == outcome


def test_a_parents_suicide_is_not_the_childs_death() -> None:
    assert facts_of("The boy's father took his own life when he was small.").outcome.value is None


@pytest.mark.parametrize(
    "text",
    [
        "The baby was discovered lying between his mother and father on the couch.",
        "Her parents had dozed off on the settee with the infant between them.",
        "The baby was found wedged between the adults in the double bed.",
        "The mother woke in the morning to find her daughter lifeless beside her.",
        "The twins slept every night with both parents on a mattress.",
        "The mother slept with her baby in a single bed after smoking cannabis.",
        "After drinking heavily the father took the baby into a single bed with him.",
        "The girl died from asphyxia in an adult bed.",
        "He had been left in his car seat overnight.",
        "The infant spent the whole night asleep in a bouncer.",
        "The post-mortem concluded that the baby had been overlain.",
        "The baby died sharing a sofa with her intoxicated father.",
        "The baby died after his father fell asleep while cuddling him in an armchair.",
    ],
)
def test_unsafe_sleeping_phrasings(text: str) -> None:
    assert "unsafe_sleeping" in harm_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The baby slept in a cot beside her mother's bed and was found unwell in the morning.",
        "The parents woke to find him unresponsive in his own cot and called an ambulance.",
    ],
)
def test_safe_sleep_is_not_unsafe_sleeping(text: str) -> None:
    assert "unsafe_sleeping" not in harm_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Police described the poor state of the home, with rubbish on every floor.",
        "Social workers had raised concerns about home conditions for two years.",
        "The toddler was unwashed and wore the same clothes for days.",
        "Doctors found the baby malnourished and dehydrated.",
        "The girl had severe nappy rash that had gone untreated.",
        "The two-year-old was regularly left alone in the flat.",
        "The boy had not been fed for more than a day.",
        "He had not been given his prescribed medication for a week.",
        "His parents did not take him to his hospital appointments.",
        "She had not been brought to any of her clinic appointments.",
        "A neighbour found the toddler wandering in the street at night.",
        "The flat was filthy and there was no food in the house.",
    ],
)
def test_neglect_phrasings(text: str) -> None:
    assert "neglect" in harm_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The baby's injuries were inflicted.",
        "The boy was the victim of abusive head trauma.",
        "The radiologist found unexplained fractures of different ages.",
        "Bite marks were seen on the girl's arm.",
        "The infant had been assaulted by his mother's boyfriend.",
        "The baby was killed by her father.",
        "The burns on the toddler were found to be deliberate.",
        "The stepfather admitted that he had thrown the baby onto the bed.",
        "The toddler was scalded in a bath of very hot water.",
    ],
)
def test_inflicted_injury_phrasings(text: str) -> None:
    assert "non_accidental_injury" in harm_types(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "The mother had grown up in foster care after being neglected. "
            "The baby was shaken by her partner.",
            "neglect",
        ),
        (
            "The father had been sexually abused as a child. "
            "The baby died after sharing a sofa with him.",
            "other",
        ),
        (
            "Her first child had been adopted following neglect. The baby suffered rib fractures.",
            "neglect",
        ),
        (
            "Her partner assaulted her in front of the children. "
            "The baby died while co-sleeping with his mother.",
            "non_accidental_injury",
        ),
        ("The baby was attacked by the family's dog and died.", "non_accidental_injury"),
        (
            "The mother was convicted of manslaughter after her son died "
            "of dehydration and starvation.",
            "non_accidental_injury",
        ),
        (
            "The toddler was scalded in an accident at the nursery.",
            "non_accidental_injury",
        ),
    ],
)
def test_harm_of_someone_else_or_another_cause_does_not_count(text: str, absent: str) -> None:
    assert absent not in harm_types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The baby died of meningococcal septicaemia despite prompt care.",
        "He died of a metabolic crisis caused by his rare condition.",
    ],
)
def test_natural_causes_are_other(text: str) -> None:
    assert facts_of(text).harm_types.value == ("other",)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("A toddler was found alone; the older children, aged nine and eleven, were out.", None),
        ("The baby, 10 weeks old, was injured. Her elder son - aged 12 - was at school.", 2.3),
        ("Her older daughter (aged seven) found the four-month-old baby.", 4),
    ],
)
def test_older_childrens_ages_are_not_the_childs(text: str, age: float | None) -> None:
    assert facts_of(text).age_months.value == age
