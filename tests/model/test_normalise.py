"""Normalisation is done once and must be stable: offsets depend on it."""

from __future__ import annotations

import unicodedata

import pytest

from caselens.model import Document
from caselens.model.normalise import normalise_inline, normalise_text

# A zero-width space or a control between a letter and its combining mark: once
# removed, the two must be joined, or a second normalisation would change the text.
SPLIT_COMBINING = ["Jose\u200b\u0301 visited.", "Zoe\x00\u0308 was seen.", "\u1100\u200b\u1161"]


@pytest.mark.parametrize("text", SPLIT_COMBINING)
def test_normalise_text_is_idempotent_and_nfkc(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert unicodedata.is_normalized("NFKC", once)


@pytest.mark.parametrize("text", SPLIT_COMBINING)
def test_normalise_inline_is_idempotent(text: str) -> None:
    once = normalise_inline(text)
    assert normalise_inline(once) == once


def test_from_text_keeps_text_that_is_already_normalised() -> None:
    doc = Document.from_text("Jose\u200b\u0301 visited the baby.", "note")
    assert Document.from_text(doc.text, "again").text == doc.text


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_every_line_ending_ends_a_line(ending: str) -> None:
    text = f"First line.{ending}Second line.{ending}{ending}Next paragraph."
    doc = Document.from_text(text, "note")
    assert doc.text == "First line.\nSecond line.\n\nNext paragraph."
    assert [doc.text[b.start : b.end] for b in doc.blocks] == [
        "First line.\nSecond line.",
        "Next paragraph.",
    ]


def test_a_carriage_return_inside_running_text_still_separates_words() -> None:
    assert normalise_inline("seen\rby") == "seen by"


def test_rtl_marks_emoji_and_nul_keep_offsets_exact() -> None:
    text = "\u200fThe baby\u200e was seen \U0001f476 by Zoe\u0308\x00 today."
    doc = Document.from_text(text, "note")
    assert "\x00" not in doc.text
    assert "Zo\u00eb" in doc.text
    (block,) = doc.blocks
    assert doc.text[block.start : block.end] == doc.text


def test_noncharacters_and_lone_surrogates_are_not_text() -> None:
    """None may appear in the XML of DOCX, XLSX, PPTX or REFI-QDA files."""
    from caselens.model.normalise import normalise_text

    raw = "The father\ufffe was\uffff not\U0001fffe seen\ufdd0.\ud800"
    assert normalise_text(raw) == "The father was not seen."


def test_a_heading_on_its_own_line_is_a_block_of_its_own() -> None:
    """A briefing's heading with its text on the next line: glued together, the heading's
    "did not" would deny the sentence after it."""
    doc = Document.from_text(
        "What did not go so well\nThe mother stopped her medication.\nShe was not seen.\n\n"
        "12/03/24 HV visit\nMum well.",
        "b",
    )
    blocks = [doc.text[b.start : b.end] for b in doc.blocks]
    assert [b.kind for b in doc.blocks] == ["heading_line", "paragraph", "paragraph"]
    assert blocks == [
        "What did not go so well",
        "The mother stopped her medication.\nShe was not seen.",
        "12/03/24 HV visit\nMum well.",  # a dated entry of notes is no heading
    ]


def test_a_case_s_name_with_its_bracketed_details_on_its_own_line_is_a_heading() -> None:
    """A thematic review's vignette: "Baby 4 (boy, 14 months)" above its story would glue
    the story's first sentence to the review's opening line; and the lines before a heading
    line stay a paragraph of their own, not part of the heading."""
    doc = Document.from_text(
        "From a thematic review, Pellow Cross Partnership\nBaby 4 (boy, 14 months)\n"
        "Baby 4 died in hospital, aged 14 months.\nWhat went well\nThe GP referred promptly.",
        "v",
    )
    assert [(doc.text[b.start : b.end], b.kind) for b in doc.blocks] == [
        ("From a thematic review, Pellow Cross Partnership", "paragraph"),
        ("Baby 4 (boy, 14 months)", "heading_line"),
        ("Baby 4 died in hospital, aged 14 months.", "paragraph"),
        ("What went well", "heading_line"),
        ("The GP referred promptly.", "paragraph"),
    ]
