"""Screening is driven by the codebook's criteria and explains each decision."""

from __future__ import annotations

import pytest

from caselens.errors import CaselensError
from caselens.model import Codebook, Criterion, CriterionResult, Evidence, Fact, Facts, Screening
from caselens.pipeline.screen import screen, screening_flow

CRITERIA = (
    Criterion("age", "Child under three", "age_months", below=36, unknown_met_by="infant"),
    Criterion("outcome", "Died or seriously harmed", "outcome", any_of=("death", "serious_harm")),
    Criterion(
        "harm",
        "Harm of the three kinds",
        "harm_types",
        any_of=("non_accidental_injury", "neglect", "unsafe_sleeping"),
    ),
    Criterion("nation", "England or Wales", "nation", any_of=("England", "Wales")),
    Criterion(
        "published", "Published 2018 to 2022", "published_year", min=2018, max=2022, window=True
    ),
)
CODEBOOK = Codebook(id="test", version="1", title="Test", criteria=CRITERIA)
EV = Evidence("A 7-week-old boy died.", 0, 22, None)


def make(**values: object) -> Facts:
    base: dict[str, object] = {
        "age_months": 1.6,
        "outcome": "death",
        "harm_types": ("unsafe_sleeping",),
        "nation": "England",
        "published_year": 2020,
    }
    base.update(values)
    return Facts(**{name: Fact(name, value, (EV,)) for name, value in base.items()})


def result(screening: Screening, criterion: str) -> CriterionResult:
    return next(r for r in screening.results if r.criterion == criterion)


def test_all_met_is_in_scope_and_included() -> None:
    s = screen("d", make(), CODEBOOK)
    assert s.in_scope and s.included
    age = result(s, "age")
    assert age.status == "met"
    assert age.reason.startswith("Child aged 1.6 months (under 36)")
    assert '"A 7-week-old boy died."' in age.reason
    assert age.evidence == (EV,)


def test_below_is_exclusive() -> None:
    s = screen("d", make(age_months=36.0), CODEBOOK)
    assert not s.in_scope
    assert result(s, "age").reason.startswith("Child aged 36 months (not under 36)")
    assert s.exclusion_reason == "age"


def test_any_of_on_a_list_fact_needs_one_overlap() -> None:
    s = screen("d", make(harm_types=("other", "neglect")), CODEBOOK)
    assert result(s, "harm").status == "met"
    s = screen("d", make(harm_types=("other",)), CODEBOOK)
    r = result(s, "harm")
    assert r.status == "not_met"
    assert r.reason.startswith(
        "Harm type other is not one of non-accidental injury, neglect, unsafe sleeping"
    )


def test_unknown_fact_is_unknown_and_not_in_scope() -> None:
    s = screen("d", make(nation=None), CODEBOOK)
    r = result(s, "nation")
    assert r.status == "unknown"
    assert "does not say" in r.reason
    assert not s.in_scope and not s.included
    assert s.exclusion_reason == "nation"


def test_unknown_age_met_by_infant() -> None:
    facts = make(age_months=None, infant=True)
    s = screen("d", facts, CODEBOOK)
    r = result(s, "age")
    assert r.status == "met"
    assert "baby" in r.reason
    assert s.in_scope


def test_unknown_age_without_infant_is_unknown() -> None:
    s = screen("d", make(age_months=None), CODEBOOK)
    assert result(s, "age").status == "unknown"
    assert not s.in_scope


def test_window_excludes_but_keeps_in_scope() -> None:
    s = screen("d", make(published_year=2016), CODEBOOK)
    r = result(s, "published")
    assert r.status == "not_met" and r.window
    assert r.reason.startswith("Published 2016 (not within 2018 to 2022)")
    assert s.in_scope and not s.included
    assert s.exclusion_reason == "published"


def test_any_year_switches_the_window_off() -> None:
    s = screen("d", make(published_year=2016), CODEBOOK, any_year=True)
    assert s.in_scope and s.included
    assert "window switched off" in result(s, "published").reason


def test_unknown_year_is_not_excluded() -> None:
    s = screen("d", make(published_year=None), CODEBOOK)
    r = result(s, "published")
    assert r.status == "unknown"
    assert "not excluded" in r.reason
    assert s.included


def test_min_and_max_are_inclusive() -> None:
    assert screen("d", make(published_year=2018), CODEBOOK).included
    assert screen("d", make(published_year=2022), CODEBOOK).included
    assert not screen("d", make(published_year=2023), CODEBOOK).included


def test_criterion_naming_an_unknown_fact_is_a_clear_error() -> None:
    book = Codebook(
        id="b", version="1", title="B", criteria=(Criterion("x", "X", "shoe_size", below=3),)
    )
    with pytest.raises(CaselensError, match="shoe_size"):
        screen("d", make(), book)


def test_screening_flow_counts_first_failure() -> None:
    screenings = [
        screen("a", make(), CODEBOOK),
        screen("b", make(age_months=48.0, nation="Scotland"), CODEBOOK),  # age first
        screen("c", make(nation="Scotland"), CODEBOOK),
        screen("d", make(published_year=2010), CODEBOOK),
        screen("e", make(outcome=None), CODEBOOK),
    ]
    flow = dict(screening_flow(screenings))
    assert flow["read"] == 5
    assert flow["excluded: Child under three"] == 1
    assert flow["excluded: England or Wales"] == 1
    assert flow["excluded: Published 2018 to 2022"] == 1
    assert flow["excluded: Died or seriously harmed"] == 1
    assert flow["excluded: Harm of the three kinds"] == 0
    assert flow["included"] == 1
    labels = [label for label, _ in screening_flow(screenings)]
    assert labels[0] == "read" and labels[-1] == "included"
