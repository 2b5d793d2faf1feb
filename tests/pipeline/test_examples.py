"""A codebook's examples and counter-examples are checked through the real pipeline."""

from __future__ import annotations

from dataclasses import replace

from caselens.codebook import default_codebook
from caselens.model import Codebook
from caselens.pipeline.examples import check_examples


def _with(indicator_id: str, **changes: tuple[str, ...]) -> Codebook:
    cb = default_codebook()
    indicators = tuple(
        replace(i, **changes)
        if i.id == indicator_id
        else replace(i, examples=(), counter_examples=())
        for i in cb.indicators
    )
    return replace(cb, indicators=indicators)


def test_the_default_codebook_codes_its_own_examples_as_it_says() -> None:
    cb = default_codebook()
    assert all(len(i.examples) >= 2 and len(i.counter_examples) >= 2 for i in cb.indicators)
    assert check_examples(cb) == []


def test_an_example_the_patterns_miss_is_reported() -> None:
    cb = _with("A.young_parent", examples=("The weather was mild that spring.",))
    [problem] = check_examples(cb)
    assert (problem.indicator, problem.kind) == ("A.young_parent", "missed")
    assert "weather" in problem.message()


def test_a_counter_example_found_is_reported_with_what_matched() -> None:
    cb = _with(
        "A.parent_substance_misuse",
        counter_examples=("The father used cannabis daily.",),
    )
    [problem] = check_examples(cb)
    assert (problem.indicator, problem.kind) == ("A.parent_substance_misuse", "found")
    assert "cannabis" in problem.words


def test_a_denial_counts_as_not_found() -> None:
    """Counter-examples are read as a review's sentence is: a denial is dropped by stance."""
    cb = _with(
        "A.parent_substance_misuse",
        counter_examples=("Neither parent was known to misuse alcohol or drugs.",),
    )
    assert check_examples(cb) == []
