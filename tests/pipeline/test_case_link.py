"""Whether a sentence speaks of this case or of every case like it (recommendations)."""

from __future__ import annotations

import pytest

from caselens.pipeline.case_link import has_case_link, is_general, names_this_case


@pytest.mark.parametrize(
    "sentence",
    [
        "Children's services should hold a strategy discussion where there is domestic abuse.",
        "Ensure that settings share concerns about low attendance with the health visitor.",
        "3. The Partnership should produce guidance on parental cannabis use.",
        "Its purpose is to identify learning and to improve the way agencies work together.",
    ],
)
def test_recommendations_to_agencies_are_general(sentence: str) -> None:
    assert is_general(sentence)


def test_recommendation_about_this_family_is_not_general() -> None:
    assert not is_general("Agencies should have shared the mother's history with the midwife.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The board will relaunch its domestic abuse training for all frontline staff.",
        "The review reminded agencies of the importance of safer sleep messages.",
        "Safer sleep leaflets were refreshed as part of a wider campaign.",
    ],
)
def test_training_reminders_and_campaigns_are_general(sentence: str) -> None:
    assert is_general(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "He has not been seen by any professional.",
        "The lodger was not known to any agency.",
        # this family's case, closed to or known to every service
        "22/03 Family Hub: mum declined EH offer, case closed to all services.",
        "The family was known to all agencies in the area.",
    ],
)
def test_none_of_them_is_not_a_recommendation_for_all(sentence: str) -> None:
    """'Not ... by any professional' says no professional did; it is not advice to all."""
    assert not is_general(sentence)


def test_any_practitioner_opening_advice_is_still_general() -> None:
    assert is_general("Any practitioner who sees a bruise on a baby should always refer.")


def test_a_recommendation_names_this_case_only_by_its_child_or_family() -> None:
    """In a recommendation "the baby" is any baby; "Baby T" or "this family" is this one."""
    assert names_this_case("Agencies should have shared concerns about Baby T sooner.")
    assert names_this_case("Practitioners working with this family did not share concerns.")
    assert not names_this_case("Health visitors should ask where the baby sleeps.")
    # elsewhere "the mother" ties a sentence to the case
    assert has_case_link("The mother was not asked where the baby slept.")
    assert not has_case_link("Practitioners must ask every family about sleep.")


def test_any_practitioner_after_a_past_denial_is_what_happened() -> None:
    assert not is_general(
        "What life was like for Alfie was not something any practitioner thought to explore."
    )
    assert is_general("Any practitioner should ask about sleep.")
