"""Case facts in plain words for the supervision record."""

from __future__ import annotations

import pytest

from caselens.practice.wording import people, plain_fact


@pytest.mark.parametrize(
    ("path", "value", "said"),
    [
        ("adults[1].seen", False, "Adult 2 \u2014 seen: no"),
        ("adults[2].role_in_care", "overnight_care",
         "The grandmother (adult 3) \u2014 role in care: overnight care"),
        ("adults[2].reason_for_caring", None,
         "The grandmother (adult 3) \u2014 reason for caring: not recorded"),
        ("sleep.routine_changes[0].advice_repeated", None,
         "Sleep \u2014 routine change 1 advice repeated: not recorded"),
        ("sleep.advice", [{"date": "2026-02-15", "by": "community midwife", "tailored": None}],
         "Sleep \u2014 advice: date 2026-02-15, by community midwife"),
        ("siblings[0].age_months", 30.0, "Sibling 1 \u2014 age (months): 30"),
        ("baby.premature", True, "The baby \u2014 premature: yes"),
    ],
)  # fmt: skip
def test_a_fact_reads_as_a_person_would_write_it(path: str, value: object, said: str) -> None:
    who = people([{"path": "adults[2].relationship", "value": "grandmother"}])
    assert plain_fact(path, value, who) == said
