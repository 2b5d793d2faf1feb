"""Ages of the child at the centre of a review, from fictional sentences."""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, quotes_in_text, read


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("The review concerned a 7-week-old boy who died at home.", 1.6),
        ("Child P, aged 18 months, was admitted to hospital.", 18),
        ("A six-month-old girl suffered fractures.", 6),
        ("The two-year-old was found in the garden pond.", 24),
        ("The review concerned Child Q, aged two, who died in 2019.", 24),
        ("The baby was three days old when he collapsed.", 0.1),
        ("The review looked at a baby of 10 weeks who was shaken.", 2.3),
        ("A 16-month-old boy died after ingesting methadone.", 16),
        ("A sixteen-month-old girl was injured.", 16),
        ("A twenty-two-month-old boy was injured by his father.", 22),
        ("The girl, aged two and a half, drowned in the bath.", 30),
        ("She died aged one year and 17 days.", 12.6),
        ("He was aged two years and one month when he died.", 25),
        ("A baby girl aged six or seven months was attacked.", 6.5),
        ("The boy was 14 weeks of age when he was admitted.", 3.2),
        ("The baby died at five weeks after a sudden collapse.", 1.2),
        ("A 2-3 month old baby was found unresponsive.", 2.5),
        # the event as a noun, the child's name between, after "by the"
        ("The review was prompted by the death of a girl, here called Child C, at 13 months.", 13),
        # three children's ages, the unit written once at the end: the youngest counts
        ("The review concerned three children aged six, four and ten months when seen.", 10),
        ("The review concerned children aged 5, 3 and 1 years.", 12),
        # hyphens all through; a name with the age in brackets, as a title gives it
        ("A review about Poppy, a two-and-a-half-year-old who drowned in a pond.", 30),
        ("Child Safeguarding Practice Review: Harley (22 months). Harley died in 2021.", 22),
    ],
)
def test_age_forms(text: str, months: float) -> None:
    assert facts_of(text).age_months.value == pytest.approx(months, abs=0.05)


def test_age_from_dates_of_birth_and_death() -> None:
    text = (
        "Child D was born in October 2011 in a small town. "
        "He died in November 2011 after being found unresponsive."
    )
    age = facts_of(text).age_months
    assert age.value == 1
    assert age.note is not None and "dates" in age.note


def test_older_childs_birth_date_is_not_used() -> None:
    text = (
        "Her first son was born in March 2010. "
        "A baby girl was found unresponsive and died in April 2014."
    )
    assert facts_of(text).age_months.value is None


@pytest.mark.parametrize(
    "text",
    [
        "The mother, aged 19, had left care the year before. A baby boy was shaken.",
        "A 17-year-old father cared for the baby alone. The baby was injured.",
        "She had used heroin since the age of sixteen. The baby died.",
        "The baby was bathing with his one-year-old brother when he drowned.",
        "His sister, then aged 4, was at school. The baby died.",
        # the sibling named between: "his sister Jade, aged nine"
        "The baby lived with his parents and his sister Jade, aged nine. The baby died.",
        # one more child of the household
        "M's family, which also included a five-year-old, moved often. The baby died.",
    ],
)
def test_adult_and_sibling_ages_are_ignored(text: str) -> None:
    facts = facts_of(text)
    assert facts.age_months.value is None
    assert facts.infant.value is True


def test_youngest_harmed_child_in_the_first_sentence_with_ages() -> None:
    text = (
        "The review examined the deaths of five-year-old Child E and 9-month-old Child F. "
        "Child E had been seen at school aged four."
    )
    assert facts_of(text).age_months.value == 9


def test_later_age_of_an_earlier_event_is_not_taken() -> None:
    text = (
        "The review concerned Child K, who was attacked when he was about four years old. "
        "At four weeks old he had suffered a broken arm."
    )
    assert facts_of(text).age_months.value == 48


def test_upper_bound_is_not_an_age_but_says_infant() -> None:
    facts = facts_of("A baby girl, less than three months old, died while bed-sharing.")
    assert facts.age_months.value is None
    assert facts.infant.value is True


def test_a_date_before_the_birth_bounds_the_age_at_the_last_event() -> None:
    text = (
        "The review looked at the death in May 2014 of a girl, here called Child P, whose "
        "name went onto a protection plan in July 2012, before she was born. Care "
        "proceedings began in May 2013."
    )
    doc, facts = read(text)
    assert facts.age_months.value is None  # a bound, not an age
    assert facts.infant.value is True
    assert facts.infant.note is not None and "under 22 months" in facts.infant.note
    assert quotes_in_text(doc, facts.infant)


def test_a_bound_over_three_years_says_nothing() -> None:
    text = "A plan was made in July 2010, before he was born. He died in May 2016 after a fall."
    assert facts_of(text).infant.value is None


def test_no_baby_word_no_age_stays_unknown() -> None:
    facts = facts_of(
        "A primary school child suffered an attempted strangulation. "
        "He had been born early and spent a week in a special care baby unit."
    )
    assert facts.age_months.value is None
    assert facts.infant.value is None


def test_gestation_is_not_an_age() -> None:
    facts = facts_of("The boy was born at 26 weeks. The mother was 18 weeks pregnant when seen.")
    assert facts.age_months.value is None


def test_a_loss_at_weeks_of_gestation_is_not_an_age() -> None:
    assert facts_of("The baby died at six weeks of gestation.").age_months.value is None


def test_toddler_is_infant_without_age() -> None:
    facts = facts_of("The toddler was found alone in the flat.")
    assert facts.age_months.value is None
    assert facts.infant.value is True


def test_age_evidence_points_into_the_text() -> None:
    text = "Background.\n\nThe review concerned a six-week-old girl who died."
    doc, facts = read(text)
    (ev,) = quotes_in_text(doc, facts.age_months)
    assert "six-week-old" in ev.quote


def test_parent_age_at_becoming_a_parent_is_ignored() -> None:
    text = "The mother had her first child when she was 15 years old. The baby was later shaken."
    assert facts_of(text).age_months.value is None


@pytest.mark.parametrize(
    "text",
    [
        "A significant case review looked at a 23-month-old boy murdered by his mother in Glasgow.",
        "A child practice review in Cardiff concerned a baby of 10 weeks who died of neglect.",
    ],
)
def test_whole_record_facts_carry_evidence(text: str) -> None:
    doc, facts = read(text)
    for fact in (facts.age_months, facts.outcome, facts.harm_types, facts.nation):
        assert fact.known
        quotes_in_text(doc, fact)


@pytest.mark.parametrize(
    "text",
    [
        # "an", not only "a"
        "A partnership held an appreciative inquiry after an injury to an infant in 2020.",
        # a few babies, each a case
        "The board published two reviews into the deaths of two babies who died while co-sleeping.",
        # a span of life the harm filled
        "She suffered chronic neglect and serious injuries during the first 17 months of her life.",
        # a thematic review's babies, counted
        "The panel was notified of the deaths of 40 babies who died suddenly while co-sleeping.",
    ],
)
def test_a_baby_told_without_an_age_still_says_infant(text: str) -> None:
    facts = facts_of(text)
    assert facts.age_months.value is None
    assert facts.infant.value is True


def test_a_child_of_many_years_is_not_made_an_infant_by_a_plural() -> None:
    facts = facts_of("The review of a 15-year-old noted that babies in the area were well served.")
    assert facts.infant.value is None


def test_one_childs_years_and_months_are_not_a_list() -> None:
    # two numbers joined by "and" are not read as two children (the list form needs three)
    assert facts_of("Child K, aged two and a half, was injured.").age_months.value == 30
