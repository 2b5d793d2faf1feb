"""A supervision entry that shows supervision at work, against one that shows its gaps."""

from __future__ import annotations

import pytest

from caselens.practice import case_from_dict, check_case
from caselens.practice.supervision import entry_from, supervision_working


@pytest.mark.parametrize(
    "entry",
    [
        "Supervision 02/03 SW Ola / TM Dev. Baby Kit 5/12, CIN. TM challenged the view that "
        "the home is 'good enough' and asked Ola to see Kit's bedroom at every visit.",
        "Group supervision, HV team. Reflective discussion of how the father is seen.",
        "Supervision note. Agreed to step up to a strategy discussion given the new bruise.",
    ],
)
def test_supervision_that_challenges_and_names_no_gap_is_working(entry: str) -> None:
    assert supervision_working(entry)


@pytest.mark.parametrize(
    "entry",
    [
        # a gap in the supervision itself, beside any sign of it working
        "Supervision 02/03 SW Ola / TM Dev, 10 mins. TM challenged nothing; plan unchanged.",
        "Supervision. Reflective in tone, but the plan was carried over from March.",
        "Supervision note. Agreed to close as mum 'doing well'.",
        # nothing either way: the header is left to the patterns
        "Supervision 02/03 SW Ola / TM Dev.",
    ],
)
def test_supervision_with_a_gap_or_no_sign_is_not_working(entry: str) -> None:
    assert not supervision_working(entry)


def test_an_entry_runs_to_the_next_dated_entry_or_line() -> None:
    notes = "Supervision 02/03. TM challenged the plan. 09/03 HV visit: no answer.\nNext line."
    assert entry_from(notes, 0) == "Supervision 02/03. TM challenged the plan."
    second = notes.index("09/03")
    assert entry_from(notes, second) == "09/03 HV visit: no answer."


def test_a_case_check_shows_supervision_only_where_its_entry_has_a_gap() -> None:
    working = (
        "Supervision 02/03 SW Ola / TM Priya. Baby Kit 5/12, CIN, home conditions poor at "
        "three visits. TM challenged the view that this is 'just how they live' and asked "
        "Ola to explore with mum what a day is like for Kit."
    )
    rushed = (
        "Supervision 02/03 SW Ola / TM Priya, 10 mins. Baby Kit 5/12, CIN, home conditions "
        "poor at three visits. Plan unchanged since January."
    )
    shown = {i.id for i in check_case(case_from_dict({"notes": working})).indicators}
    assert "G.supervision_reflection" not in shown
    shown = {i.id for i in check_case(case_from_dict({"notes": rushed})).indicators}
    assert "G.supervision_reflection" in shown
