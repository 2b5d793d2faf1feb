"""Exemplar quotes are whole sentences, never list items cut at a semicolon."""

from __future__ import annotations

import pytest

from caselens.report.exemplars import whole_sentence


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("4.3 The father was not seen by the health visitor.", True),
        ('The mother said she "never thought about it".', True),
        ("Why was the grandmother caring for the baby overnight?", True),
        ("what was known about the mother's mental health and who knew it;", False),
        ("the history of the father's violence", False),
        ("c) how safer sleep advice was given, repeated and tailored:", False),
    ],
)
def test_whole_sentence(text: str, whole: bool) -> None:
    assert whole_sentence(text) is whole
