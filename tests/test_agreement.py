"""Agreement statistics against published worked examples, and codings turned into units."""

from __future__ import annotations

import pytest

from caselens.agreement import (
    Coding,
    binary_agreement,
    cohen_kappa,
    compare,
    covered,
    krippendorff_alpha,
    percent_agreement,
)
from caselens.codebook import default_codebook
from caselens.model import Document, Sentence


def test_cohen_kappa_matches_the_textbook_two_by_two_example() -> None:
    # 50 proposals read by two readers: 20 both yes, 15 both no, 5 and 10 split (kappa 0.40).
    first = ["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert percent_agreement(first, second) == pytest.approx(0.7)
    assert cohen_kappa(first, second) == pytest.approx(0.4)
    row = binary_agreement(
        "x", "indicator", 50, set(range(25)), set(range(20)) | set(range(25, 35))
    )
    assert (row.both, row.first_only, row.second_only, row.neither) == (20, 5, 10, 15)
    assert row.kappa == pytest.approx(0.4)
    assert row.percent == pytest.approx(0.7)


def test_krippendorff_alpha_matches_krippendorff_2011_nominal_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers,
    # 12 units, values 1-5 with missing data; nominal alpha = 0.743.
    n = None
    ratings = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
        [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
    ]
    assert krippendorff_alpha(ratings) == pytest.approx(0.743, abs=5e-4)


def test_binary_alpha_agrees_with_alpha_over_the_raw_ratings() -> None:
    first, second = {0, 1, 2, 5}, {0, 1, 3}
    row = binary_agreement("x", "indicator", 10, first, second)
    raw = [[int(u in first) for u in range(10)], [int(u in second) for u in range(10)]]
    assert row.alpha == pytest.approx(krippendorff_alpha(raw))
    assert row.kappa == pytest.approx(cohen_kappa(raw[0], raw[1]))


def test_undefined_statistics_are_none_not_a_number() -> None:
    row = binary_agreement("x", "indicator", 5, set(), set())
    assert row.percent == 1.0
    assert row.kappa is None and row.alpha is None
    assert krippendorff_alpha([[1, 1], [1, 1]]) is None
    assert cohen_kappa([], []) is None
    with pytest.raises(ValueError, match="pair them"):
        percent_agreement([1], [1, 2])


def test_a_span_covers_the_sentences_it_overlaps() -> None:
    sentences = [Sentence(0, 10, 0), Sentence(11, 20, 0), Sentence(22, 30, 1)]
    assert list(covered(sentences, 2, 5)) == [0]
    assert list(covered(sentences, 5, 15)) == [0, 1]
    assert list(covered(sentences, 10, 11)) == []  # only the space between
    assert list(covered(sentences, 0, 30)) == [0, 1, 2]
    assert list(covered(sentences, 25, 26)) == [2]


def test_compare_counts_indicators_and_themes_over_sentences() -> None:
    codebook = default_codebook()
    doc = Document.from_text(
        "The father was never seen. The baby slept on a sofa.\n\n"
        "Nobody shared the police information. The mother drank alcohol.",
        "review.txt",
    )
    s = doc.text

    def at(label: str, quote: str) -> Coding:
        start = s.index(quote)
        return Coding(doc.id, label, start, start + len(quote))

    machine = [
        at("F.fathers_unseen_men", "father was never seen"),
        at("E.sofa_or_unsafe_surface", "slept on a sofa"),
    ]
    person = [
        at("F.fathers_unseen_men", "The father was never seen."),
        at("E", "The baby slept on a sofa."),  # coded at theme level only
        at("G.information_sharing", "Nobody shared the police information."),
        at("a code of their own", "The mother drank alcohol."),
    ]
    report = compare([doc], ("machine", machine), ("ana", person), codebook)
    assert report.units == 4
    rows = {r.label: r for r in report.indicators}
    assert rows["F.fathers_unseen_men"].both == 1
    assert rows["F.fathers_unseen_men"].kappa == pytest.approx(1.0)
    assert rows["E.sofa_or_unsafe_surface"].first_only == 1
    assert rows["G.information_sharing"].second_only == 1
    assert rows["a code of their own"].kind == "code"
    themes = {t.label: t for t in report.themes}
    assert themes["E"].both == 1  # the theme-level coding agrees with the indicator
    assert themes["G"].second_only == 1
    assert report.overall_indicators.units == 4 * len(report.indicators)
    data = report.to_dict()
    assert data["coders"] == ["machine", "ana"] and data["unit"] == "sentence"
