"""A parent's difficulty told in notes as past and over, against one that goes on."""

from __future__ import annotations

import pytest

from caselens.practice.settled import says_settled


@pytest.mark.parametrize(
    "passage",
    [
        "Mum had panic attacks at 16, CBT through school, well since and on no medication.",
        "Dad smoked cannabis 17-19, stopped, hair strand clear last month.",
        "GP letter: postnatal depression 2019, resolved; no current treatment.",
        "Hx self-harm as a teenager, no sx now.",
        "Mum's low mood after the birth of her first child has lifted, discharged by the "
        "perinatal team.",
        "Past amphetamine use, abstinent since 2021, tox negative at booking.",
    ],
)
def test_a_history_said_to_be_over_is_settled(passage: str) -> None:
    assert says_settled(passage)


@pytest.mark.parametrize(
    "passage",
    [
        # still going on, or never said to have ended
        "Mum has a history of depression and is on sertraline.",
        "Hx bipolar disorder, stopped lithium herself when pregnant.",
        "Hx alcohol misuse, says abstinent 6/12.",
        "Past heroin use; well for years but relapsed in March.",
        "Dad stopped engaging with the drug service in 2022.",
        "Low mood again since the move, not yet seen by GP.",
        # over, but not said to be in the past (a denial is negation's, not this)
        "Drug screen negative today.",
    ],
)
def test_a_difficulty_that_goes_on_is_not_settled(passage: str) -> None:
    assert not says_settled(passage)
