from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caselens.model import Codebook
from caselens.report.context import build_context
from caselens.services import Analysis


def test_prevalence_counts_included_reviews_once_each(
    analysis: Analysis, codebook: Codebook
) -> None:
    ctx = build_context(analysis, codebook)
    themes = {t.id: t for t in ctx.themes}
    assert [t.id for t in ctx.themes] == ["A", "B", "C"]
    # Two included reviews; review one has A.x twice but counts once.
    assert (themes["A"].reviews, themes["A"].percent, themes["A"].findings) == (2, 100.0, 3)
    assert (themes["B"].reviews, themes["B"].percent) == (1, 50.0)
    # Gamma is only in an excluded review: not counted.
    assert (themes["C"].reviews, themes["C"].percent, themes["C"].findings) == (0, 0.0, 0)
    rows = {r.id: r for r in themes["A"].indicators}
    assert (rows["A.x"].reviews, rows["A.x"].percent, rows["A.x"].findings) == (1, 50.0, 2)
    assert (rows["A.y"].reviews, rows["A.y"].percent) == (1, 50.0)


def test_screening_flow_buckets_exclusions_by_criterion(
    analysis: Analysis, codebook: Codebook
) -> None:
    flow = build_context(analysis, codebook).flow
    assert (flow.files, flow.skipped, flow.read, flow.included) == (5, 1, 4, 2)
    excluded = {e.criterion: e for e in flow.excluded}
    assert [e.criterion for e in flow.excluded] == ["age", "nation"]  # codebook order
    assert (excluded["age"].unknown, excluded["age"].not_met) == (1, 0)
    assert (excluded["nation"].not_met, excluded["nation"].label) == (1, "England or Wales")


def test_exemplar_quotes_are_strongest_one_per_review_and_never_from_excluded(
    analysis: Analysis, codebook: Codebook
) -> None:
    theme_a = build_context(analysis, codebook).themes[0]
    assert [(q.review, q.text) for q in theme_a.quotes] == [
        ("Review Two", "Alpha y in two."),
        ("Review One", "Alpha x was seen in one."),
    ]
    assert theme_a.quotes[0].page == 2
    assert theme_a.quotes[0].indicator_label == "Alpha y"


def test_questions_follow_themes_and_indicators(analysis: Analysis, codebook: Codebook) -> None:
    ctx = build_context(analysis, codebook)
    themes = {t.id: t for t in ctx.themes}
    assert [q.id for q in themes["A"].questions] == ["Q1"]
    assert [q.id for q in themes["B"].questions] == ["Q2"]  # via its indicator B.z
    assert [q.id for q in ctx.questions] == ["Q1", "Q2"]


def test_method_and_summary_record_provenance(analysis: Analysis, codebook: Codebook) -> None:
    ctx = build_context(analysis, codebook)
    assert ctx.method.codebook_id == "test-codebook"
    assert ctx.method.codebook_version == "9.9.9"
    assert ctx.method.software_version == "1.2.3"
    assert ctx.method.date == "2024-05-01"
    assert ctx.method.criteria == (
        "Child under three",
        "England or Wales",
        "Published 2018 to 2022",
    )
    assert (ctx.method.findings_total, ctx.method.findings_counted) == (6, 4)
    assert ctx.summary[0].startswith("4 reviews read; 2 met the scope")
    reviews = {r.name: r for r in ctx.reviews}
    assert reviews["Review Three"].reason == "England or Wales"
    assert reviews["Review One"].themes == ("A", "B")


def test_no_included_reviews_gives_zero_not_division_error(
    analysis: Analysis, codebook: Codebook
) -> None:
    from dataclasses import replace

    only_excluded = replace(analysis, results=analysis.results[2:])
    ctx = build_context(only_excluded, codebook)
    assert ctx.flow.included == 0
    assert all(t.percent == 0.0 and t.reviews == 0 for t in ctx.themes)


def test_equal_quotes_prefer_a_new_indicator_and_a_readable_length(
    analysis: Analysis, codebook: Codebook
) -> None:
    from dataclasses import replace

    from report_builders import finding, review

    long = "x" * 500
    results = (
        review("e1", "One", (finding("e1", "A.x", 0.9, "Alpha x is described at length in one."),)),
        review("e2", "Two", (finding("e2", "A.x", 0.9, "Alpha x is described at length in two."),)),
        review(
            "e3",
            "Three",
            (
                finding("e3", "A.y", 0.9, "Alpha y is described at length in three."),
                finding("e3", "A.x", 0.9, long),
            ),
        ),
    )
    theme_a = build_context(replace(analysis, results=results), codebook).themes[0]
    assert len(theme_a.quotes) == 3
    assert {q.indicator for q in theme_a.quotes[:2]} == {"A.x", "A.y"}
    assert long not in {q.text for q in theme_a.quotes}


def test_a_large_corpus_gets_a_briefing_that_stays_small(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above LARGE_CORPUS included reviews, table cells are counts that open the review
    and each review's appendix entry is bounded; below it, cells list their quotes."""
    from report_builders import TEXTS, make_codebook, make_placed_analysis

    from caselens.report import context as context_module
    from caselens.report.html import render_html

    codebook = make_codebook()
    analysis = make_placed_analysis()
    small = context_module.build_context(analysis, codebook, texts=TEXTS)
    assert any(cell.quotes for row in small.matrix for cell in row.cells)
    monkeypatch.setattr(context_module, "LARGE_CORPUS", 1)
    monkeypatch.setattr(context_module, "PASSAGES_WHEN_LARGE", 1)
    large = context_module.build_context(analysis, codebook, texts=TEXTS)
    assert all(not cell.quotes for row in large.matrix for cell in row.cells)
    assert [c.count for r in large.matrix for c in r.cells] == [
        c.count for r in small.matrix for c in r.cells
    ]  # the counts never change
    assert all(len(s.paragraphs) <= 1 for s in large.sources)
    page = render_html(large)
    assert '<td><a href="#doc-t1" title="Open the review">' in page
    assert "not shown, to keep a briefing" in page


_QUOTES = (
    "Alpha x was seen by the visitor.",
    "alpha x, noted in a list item;",
    "Alpha y was said plainly.",
    "x" * 420,
    "Short.",
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(
                st.sampled_from(("A.x", "A.y", "B.z")),
                st.sampled_from((0.5, 0.7, 0.9)),
                st.sampled_from(_QUOTES),
            ),
            min_size=1,
            max_size=5,
        ),
        min_size=1,
        max_size=14,
    )
)
def test_exemplars_are_what_every_candidate_would_give(
    reviews: list[list[tuple[str, float, str]]],
) -> None:
    """Only each indicator's best few candidates are held while a corpus is walked (what
    is held must not grow with it); the quotes chosen are those a choice among every
    review's every candidate gives."""
    from collections import defaultdict
    from dataclasses import replace

    from report_builders import finding, make_analysis, make_codebook, review

    from caselens.report import exemplars

    codebook = make_codebook()
    results = tuple(
        review(
            f"r{n}",
            f"Review {n}",
            tuple(
                finding(f"r{n}", indicator, confidence, quote, start=50 * i)
                for i, (indicator, confidence, quote) in enumerate(found)
            ),
        )
        for n, found in enumerate(reviews)
    )
    every: dict[str, list[exemplars.Candidate]] = defaultdict(list)
    for result in results:
        best: dict[str, exemplars.Candidate] = {}
        for f in result.findings:
            candidate = exemplars.as_candidate(result, f)
            held = best.get(f.indicator)
            if held is None or (candidate[0], candidate[1]) < (held[0], held[1]):
                best[f.indicator] = candidate
        for candidate in best.values():
            every[candidate[3].theme].append(candidate)
    themes = build_context(replace(make_analysis(), results=results), codebook).themes
    for theme in themes:
        assert theme.quotes == exemplars.best_quotes(every[theme.id], codebook), theme.id
