"""Positions checked against each selection's own quote, line-end conventions told apart."""

from __future__ import annotations

from caselens.qda.model import QdaCoding
from caselens.qda.placing import place

RAW = "First line of the review.\r\nThe father was never seen.\r\nThe baby slept on a sofa.\r\n"


def _coding(text: str, start: int, end: int, quoted: str | None) -> QdaCoding:
    return QdaCoding(source="s", start=start, end=end, code="c", quoted=quoted)


def test_positions_counted_as_stored_are_kept() -> None:
    start = RAW.index("The father")
    coding = _coding(RAW, start, start + 26, "The father was never seen.")
    placed = place(RAW, [coding], "review")
    assert placed.codings == (coding,) and placed.notes == ()


def test_positions_counted_with_one_character_line_ends_are_converted() -> None:
    single = RAW.replace("\r\n", "\n")
    codings = [
        _coding(single, single.index(q), single.index(q) + len(q), q)
        for q in ("The father was never seen.", "The baby slept on a sofa.")
    ]
    placed = place(RAW, codings, "review")
    assert [RAW[c.start : c.end] for c in placed.codings] == [
        "The father was never seen.",
        "The baby slept on a sofa.",
    ]
    assert any("one-character line ends" in n for n in placed.notes)


def test_a_coding_whose_quote_is_not_at_its_place_is_left_out_and_named() -> None:
    start = RAW.index("The father")
    good = _coding(RAW, start, start + 26, "The father was never seen.")
    bad = _coding(RAW, 0, 10, "The baby slept on a sofa.")
    placed = place(RAW, [good, bad], "review")
    assert placed.codings == (good,)
    assert any("left out" in n and "[0, 10)" in n for n in placed.notes)


def test_a_preview_cut_short_still_matches_and_no_quote_is_not_checked() -> None:
    start = RAW.index("The baby")
    cut = _coding(RAW, start, start + 25, "The baby slept\u2026")
    unquoted = _coding(RAW, 0, 5, None)
    placed = place(RAW, [cut, unquoted], "review")
    assert placed.codings == (cut, unquoted) and placed.notes == ()
