"""Positions in a project's plain text mapped into caselens' normalised text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from caselens.model.normalise import normalise_text
from caselens.qda import align


def test_normalised_text_maps_to_itself() -> None:
    text = normalise_text("Baby Q was seen.\n\nHer father was not seen - twice.")
    aligned = align(text)
    assert aligned.text == text
    assert aligned.positions == tuple(range(len(text) + 1))


def test_crlf_tabs_runs_of_spaces_and_curly_quotes_are_mapped_explicitly() -> None:
    raw = "\ufeffLine one.\r\n  Line\t two \u2018here\u2019.\r\n\r\n\r\nLast."
    aligned = align(raw)
    assert aligned.text == "Line one.\nLine two 'here'.\n\nLast."
    start = raw.index("Line\t")
    end = raw.index("\u2019") + 1
    s, e = aligned.span(start, end)
    assert aligned.text[s:e] == "Line two 'here'"
    s, e = aligned.span(raw.index("Last"), len(raw))
    assert aligned.text[s:e] == "Last."
    # a selection that took in the line end is trimmed to its words
    s, e = aligned.span(raw.index("Line one"), raw.index("Line\t"))
    assert aligned.text[s:e] == "Line one."


WORD = st.text(alphabet="abcdefXYZ.\u2019\u00e9", min_size=1, max_size=6)
GAP = st.sampled_from([" ", "  ", "\t", "\r\n", "\n", "\n\n\n", " \r\n ", "\u00a0"])


@given(st.lists(st.tuples(WORD, GAP), min_size=1, max_size=30))
def test_every_word_maps_onto_the_same_word(parts: list[tuple[str, str]]) -> None:
    raw = ""
    spans = []
    for word, gap in parts:
        spans.append((len(raw), len(raw) + len(word), word))
        raw += word + gap
    aligned = align(raw)
    for start, end, word in spans:
        s, e = aligned.span(start, end)
        assert aligned.text[s:e] == normalise_text(word)
