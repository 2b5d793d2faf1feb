from __future__ import annotations

from report_builders import make_placed_analysis

from caselens.model import Codebook
from caselens.report.context import build_context
from caselens.report.crosstabs import UNKNOWN_YEAR


def test_matrix_counts_passages_per_review_and_theme_with_their_quotes(codebook: Codebook) -> None:
    ctx = build_context(make_placed_analysis(), codebook)
    rows = {r.review: r for r in ctx.matrix}
    assert set(rows) == {"Ash review", "Birch review"}  # the excluded review is not a row
    ash = {c.theme: c for c in rows["Ash review"].cells}
    assert [ash[t].count for t in "ABC"] == [2, 1, 0]
    assert [q.text for q in ash["A"].quotes] == [
        "Alpha x was seen at every visit.",
        "Nobody asked why.",
    ]
    assert ash["A"].quotes[0].anchor == f"doc-t1-{ash['A'].quotes[0].start}"


def test_cooccurrence_counts_reviews_with_both_themes(codebook: Codebook) -> None:
    co = build_context(make_placed_analysis(), codebook).cooccurrence
    assert co is not None
    index = {t: i for i, t in enumerate(co.themes)}
    assert co.counts[index["A"]][index["A"]] == 2  # diagonal: reviews with the theme
    assert co.counts[index["A"]][index["B"]] == 1
    assert co.counts[index["A"]][index["C"]] == 1
    assert co.counts[index["B"]][index["C"]] == 0
    assert co.pairs()[0][2] == 1 and all(n for _, _, n in co.pairs())


def test_trend_by_year_keeps_unknown_years_last(codebook: Codebook) -> None:
    trend = build_context(make_placed_analysis(), codebook).trend
    assert [(r.label, r.reviews) for r in trend] == [("2020", 1), (UNKNOWN_YEAR, 1)]
    unknown = {c.theme: c for c in trend[-1].cells}
    assert (unknown["C"].reviews, unknown["C"].percent) == (1, 100.0)
    assert unknown["B"].reviews == 0


def test_pairs_are_notable_only_when_together_more_than_prevalence_gives() -> None:
    from caselens.report.crosstabs import CoOccurrence

    # 10 reviews: A in all, B in 4, C in 4, B and C together in 4, A with each of them in 4
    co = CoOccurrence(
        themes=("A", "B", "C"),
        labels=("a", "b", "c"),
        counts=((10, 4, 4), (4, 4, 4), (4, 4, 4)),
    )
    notable = co.notable(10)
    assert [(a, b, n) for a, b, n, _ in notable] == [("B", "C", 4)]  # 1.6 expected
    assert notable[0][3] == 1.6
    # A is in every review, so being with it tells nothing
    assert all("A" not in (a, b) for a, b, _, _ in notable)
