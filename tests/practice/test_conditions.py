from __future__ import annotations

import pytest

from caselens.practice.case import Sibling
from caselens.practice.conditions import PracticeDataError, check_condition, evaluate

DATA = {
    "baby": {"gestation_weeks": 33.0, "conditions": []},
    "adults": [
        {"relationship": "mother", "seen": True},
        {"relationship": "mothers_partner", "gender": "male", "seen": False, "assessed": None},
    ],
}


def test_leaf_and_evidence_path() -> None:
    ok, hits = evaluate({"path": "baby.gestation_weeks", "below": 37}, DATA)
    assert ok and hits[0].text == "baby.gestation_weeks: 33"


def test_unrecorded_value_never_satisfies_a_comparison() -> None:
    assert not evaluate({"path": "baby.birth_weight_grams", "below": 2500}, DATA)[0]
    assert evaluate({"path": "baby.birth_weight_grams", "known": False}, DATA)[0]
    # an empty list is recorded ("none"), so it is known but not non-empty
    assert evaluate({"path": "baby.conditions", "known": True}, DATA)[0]
    assert not evaluate({"path": "baby.conditions", "not_empty": True}, DATA)[0]


def test_some_names_the_record() -> None:
    cond = {
        "some": "adults",
        "when": {"all": [{"path": "gender", "equals": "male"}, {"path": "seen", "equals": False}]},
    }
    ok, hits = evaluate(cond, DATA)
    assert ok
    assert [h.text for h in hits] == ['adults[1].gender: "male"', "adults[1].seen: false"]


def test_every_needs_at_least_one_record() -> None:
    cond = {"every": "siblings", "when": {"path": "spoken_to", "equals": True}}
    assert not evaluate(cond, DATA)[0]


def test_not_and_any() -> None:
    assert evaluate({"not": {"path": "baby.gestation_weeks", "at_least": 37}}, DATA)[0]
    ok, hits = evaluate(
        {
            "any": [
                {"path": "baby.gestation_weeks", "below": 30},
                {"path": "baby.gestation_weeks", "below": 37},
            ]
        },
        DATA,
    )
    assert ok and len(hits) == 1


@pytest.mark.parametrize(
    ("cond", "fragment"),
    [
        ({"path": "baby.gestation", "below": 37}, "'baby.gestation' is not a field"),
        ({"path": "baby.gestation_weeks", "under": 37}, "needs exactly one of"),
        ({"some": "baby", "when": {"path": "x", "known": True}}, "is not a list of records"),
        ({"some": "adults"}, "needs a 'when'"),
        ({"some": "adults", "when": {"path": "age_weeks", "known": True}}, "not a field of adult"),
        ({"all": []}, "non-empty list"),
    ],
)
def test_check_condition_rejects(cond: dict[str, object], fragment: str) -> None:
    with pytest.raises(PracticeDataError) as err:
        check_condition(cond, "rules.yaml", "mappings[0].when")
    assert "rules.yaml: mappings[0].when" in str(err.value)
    assert fragment in str(err.value)


def test_check_condition_relative_to_record() -> None:
    check_condition({"path": "age_months", "below": 24}, "f", "k", Sibling)


@pytest.mark.parametrize(
    ("cond", "holds"),
    [
        ({"path": "baby.gestation_weeks", "min": 32}, True),
        ({"path": "baby.gestation_weeks", "at_least": 32}, True),  # the older spelling
        ({"path": "baby.gestation_weeks", "min": 33}, False),
        ({"path": "baby.gestation_weeks", "max": 32}, True),
        ({"path": "baby.gestation_weeks", "max": 31}, False),
        ({"path": "baby.gestation_weeks", "below": 32}, False),
    ],
)
def test_min_max_and_below_mean_what_they_mean_in_criteria(
    cond: dict[str, object], holds: bool
) -> None:
    """One vocabulary of comparison for codebook criteria and practice rules: min and max
    include the bound, below does not."""
    ok, hits = evaluate(cond, {"baby": {"gestation_weeks": 32}})
    assert ok is holds
    assert [h.path for h in hits] == (["baby.gestation_weeks"] if holds else [])


def test_a_comparison_needs_a_number() -> None:
    with pytest.raises(PracticeDataError, match="'min' needs a number; got 'x'"):
        check_condition({"path": "baby.gestation_weeks", "min": "x"}, "rules.yaml", "k")
    with pytest.raises(PracticeDataError, match="'below' needs a number; got True"):
        check_condition({"path": "baby.gestation_weeks", "below": True}, "rules.yaml", "k")
