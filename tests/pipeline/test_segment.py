"""Sentences as offsets into the document: abbreviations kept, dated entries kept apart."""

from __future__ import annotations

import pytest

from caselens.model import Document
from caselens.pipeline.segment import segment


def _sentences(text: str) -> list[str]:
    doc = Document.from_text(text, "t")
    return [doc.text[s.start : s.end] for s in segment(doc)]


def test_abbreviations_do_not_end_a_sentence() -> None:
    assert _sentences("Dr. Patel saw the baby on p. 4 of the record. She was well.") == [
        "Dr. Patel saw the baby on p. 4 of the record.",
        "She was well.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dated entry after a full stop, which Punkt leaves joined
        (
            "Routine enquiry re DA not asked; not revisited. 02/11 MW 22/40: attended alone.",
            ["Routine enquiry re DA not asked; not revisited.", "02/11 MW 22/40: attended alone."],
        ),
        (
            "Plan: universal, NFA. 14/03 HV: weight 9th centile.",
            ["Plan: universal, NFA.", "14/03 HV: weight 9th centile."],
        ),
        # a dated entry on a new line of the same block
        (
            "Not met.\n12/09/24 Joint visit with HV: no concerns.",
            ["Not met.", "12/09/24 Joint visit with HV: no concerns."],
        ),
    ],
)
def test_each_dated_entry_of_case_notes_is_its_own_sentence(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ollie (b. 07/24), M Chloe 16.",  # an abbreviation before a date
        "Weight 4.1 12/3 centile noted.",  # a number, not a word's full stop
    ],
)
def test_a_date_inside_an_entry_does_not_split_it(text: str) -> None:
    assert _sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words Punkt's legal-text model takes for abbreviations (Fed., Ill., Me., No.)
        (
            "Nobody recorded how often she was fed. Managers looked at the case.",
            ["Nobody recorded how often she was fed.", "Managers looked at the case."],
        ),
        ("He hit me. The police came.", ["He hit me.", "The police came."]),
        (
            "There was no report of him sharing a bed. Safer sleep advice was given.",
            ["There was no report of him sharing a bed.", "Safer sleep advice was given."],
        ),
        (
            "Noah weighed 1.48 kg. Both twins needed breathing support.",
            ["Noah weighed 1.48 kg.", "Both twins needed breathing support."],
        ),
    ],
)
def test_an_everyday_word_before_a_capital_ends_a_sentence(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The review cites Hale cf. Jones on the point.",
        "The guidance (ed. Morgan) sets this out.",
        "Fed. Reg. 12 was cited.",  # a capitalised abbreviation is Punkt's to judge
    ],
)
def test_abbreviations_in_running_english_stay_inside_the_sentence(text: str) -> None:
    assert _sentences(text) == [text]
