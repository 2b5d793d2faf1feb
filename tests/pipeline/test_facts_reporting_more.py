"""Facts told the ways briefings and news reports tell them, from fictional sentences:
an age before the incident, a review's name for the child, a death from head injuries, an
airbed shared, a drowning while the carer slept, and what each must not be read as."""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, harm_types


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("At six months Kai was admitted to hospital with a spiral fracture.", 6),
        ("At four months she was admitted to hospital weighing less than at birth.", 4),
        (
            "The review was about one of twin boys, born at 31 weeks, who at four months was "
            "found to have a subdural haemorrhage.",
            4,
        ),
        ("At 10 weeks old, Baby T suffered a serious head injury.", 2.3),
        ("Baby 4 (boy, 14 months) died in hospital after taking methadone.", 14),
    ],
)
def test_an_age_told_before_the_incident(text: str, months: float) -> None:
    assert facts_of(text).age_months.value == pytest.approx(months, abs=0.1)


@pytest.mark.parametrize(
    "text",
    [
        # a gestation, not an age
        "Mia was born at 34 weeks and admitted to hospital.",
        # an everyday event of the chronology, not the incident
        "At 6 weeks the health visitor saw a small bruise.",
    ],
)
def test_an_age_before_an_everyday_event_or_a_gestation_is_not_the_child_s(text: str) -> None:
    assert facts_of(text).age_months.value is None


def test_a_review_s_name_for_the_child_is_not_a_parent_s_childhood() -> None:
    text = (
        "A father who killed his 10-month-old son had never been seen by the health visitors. "
        "The man was jailed for life for the murder of the boy, referred to as Child J."
    )
    assert harm_types(text) == ("non_accidental_injury",)
    # a parent's own childhood still belongs to the parent
    assert harm_types("The mother had been neglected as a child. The baby died.") == ()


@pytest.mark.parametrize(
    ("text", "harm"),
    [
        ("Baby Frankie died aged nine weeks from head injuries.", ("non_accidental_injury",)),
        ("Willow died from a head injury after a fall down the stairs.", ()),
        (
            "Child D died from head injuries after a television toppled onto him. The coroner "
            "recorded accidental death.",
            ("other",),
        ),
        (
            "Ava died while sharing an airbed with her mother at a friend's flat.",
            ("unsafe_sleeping",),
        ),
        (
            "Poppy drowned in a garden pond while in the care of her father, who had fallen "
            "asleep after taking heroin.",
            ("neglect",),
        ),
        (
            "The post-mortem gave hypothermia and lack of care after birth as the cause.",
            ("neglect",),
        ),
        # a poisoning the child took is the neglect of leaving it in reach
        (
            "The review concerns the near-fatal poisoning of a toddler, known as Child H, who "
            "swallowed methadone kept in a handbag.",
            ("neglect",),
        ),
        ("The baby's father poisoned him with salt.", ("non_accidental_injury",)),
        # the adults' own test results are not the baby's
        (
            "Baby T died in his sleep. Blood tests showed the parents' alcohol levels were low.",
            (),
        ),
        ("Toxicology showed cocaine in the baby's blood.", ("neglect",)),
        (
            "The twins were left upright on a bunk bed; at 10am Child M was found unresponsive "
            "in her car seat.",
            ("unsafe_sleeping",),
        ),
        # a want in the baby's care is no denial: "There was no cot ..."
        (
            "Isla died. There was no cot at the friend's flat, and Isla was left to sleep in "
            "her car seat.",
            ("unsafe_sleeping",),
        ),
        # "not breathing" is the child's state, not a denial of what follows
        (
            "V was found not breathing in a single bed she shared with her mother.",
            ("unsafe_sleeping",),
        ),
        ("Baby T was found not breathing; there was no bed-sharing.", ()),
        # bleeding over the brain and behind the eyes together
        (
            "Rhodri was admitted with a subdural haemorrhage and bleeding behind both eyes.",
            ("non_accidental_injury",),
        ),
        (
            "Her mother, during a psychotic episode, caused her serious injuries.",
            ("non_accidental_injury",),
        ),
        ("Police found her alone in a nappy that had not been changed for a day.", ("neglect",)),
    ],
)
def test_harm_told_in_reporting(text: str, harm: tuple[str, ...]) -> None:
    assert harm_types(text) == harm


@pytest.mark.parametrize(
    ("text", "nation"),
    [
        ("Wexcombe Safeguarding Children Board has since changed its tool.", "England"),
        ("Haverleigh and Corran Safeguarding Children Partnerships reviewed it.", "England"),
        # a Welsh place outweighs an area's board
        ("Bro Arian Safeguarding Children Board in Ceredigion reviewed it.", "Wales"),
    ],
)
def test_an_area_s_board_or_partnerships_name_the_nation(text: str, nation: str) -> None:
    assert facts_of("A three-month-old died after her father shook her. " + text).nation.value == (
        nation
    )


def test_an_adult_dozing_apart_from_a_baby_asleep_in_her_basket_is_no_unsafe_sleep() -> None:
    apart = (
        "The midwife recorded that Poppy was asleep in the Moses basket in the living room "
        "while Shannon dozed on the sofa beside her."
    )
    assert "unsafe_sleeping" not in harm_types(apart)
    together = "Poppy died after she fell asleep on the sofa with her mother."
    assert "unsafe_sleeping" in harm_types(together)
