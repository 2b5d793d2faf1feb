"""Which pattern shapes can hang the coder, and which everyday shapes stay allowed."""

from __future__ import annotations

import pytest

from caselens.codebook import default_codebook
from caselens.codebook.regex_safety import danger
from caselens.model.codebook import SIBLING


@pytest.mark.parametrize(
    "pattern",
    [r"(a+)+$", r"(\w+\s?)*$", r"(?:x*)*y", r"(?:\w+\s+){0,40}bed", r"(?:(?:a|b)+c?)+d"],
)
def test_a_repetition_inside_an_unbounded_one_is_refused(pattern: str) -> None:
    assert danger(pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:\w+\s+){0,4}bed",  # "up to four words": bounded outside
        r"\bfather\b[^.]{0,60}\bnot seen\b",
        r"(?:mother|father|parents?)+",  # no repetition inside
        r"(?:\w++\s?)*$",  # possessive inside: cannot backtrack
        r"(?>\w+\s?)*$",  # atomic group
        r"(?=\w+)",
    ],
)
def test_everyday_and_non_backtracking_shapes_are_allowed(pattern: str) -> None:
    assert danger(pattern) is None


def test_no_pattern_of_the_default_codebook_is_refused() -> None:
    codebook = default_codebook()
    for indicator in codebook.indicators:
        shapes = [*indicator.patterns, *indicator.exclude, *indicator.absent]
        shapes += [p.replace(SIBLING, "(?-i:Ava|Kai)") for p in indicator.sibling_patterns]
        shapes += [x for n in indicator.nearby for x in (n.pattern, n.near)]
        for pattern in shapes:
            assert danger(pattern) is None, (indicator.id, pattern)


@pytest.mark.parametrize("pattern", [r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?definitions\b", r"((?:ab)+c)*"])
def test_a_repetition_with_a_fixed_separator_each_round_is_allowed(pattern: str) -> None:
    assert danger(pattern) is None
