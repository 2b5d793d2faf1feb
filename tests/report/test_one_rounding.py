"""One rounding rule, applied once: every format shows the same percentages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from report_builders import TEXTS, make_placed_analysis

from caselens.model import Codebook
from caselens.report.context import build_context
from caselens.report.crosstabs import percent
from caselens.report.formats import render


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [(6, 11, 55), (1, 8, 13), (3, 8, 38), (1, 3, 33), (2, 3, 67), (0, 5, 0), (3, 0, 0)],
)
def test_percent_is_exact_and_rounds_halves_up(part: int, whole: int, shown: int) -> None:
    assert percent(part, whole) == shown


def test_every_format_shows_the_same_percentages(codebook: Codebook, tmp_path: Path) -> None:
    analysis = make_placed_analysis()
    render(tmp_path, ("html", "md", "pptx"), analysis, codebook, texts=TEXTS)
    context = build_context(analysis, codebook, None, TEXTS, ())
    expected = [t.percent for t in context.themes]
    assert all(isinstance(p, int) for p in expected)
    markdown = (tmp_path / "briefing.md").read_text(encoding="utf-8")
    html = (tmp_path / "briefing.html").read_text(encoding="utf-8")
    for theme in context.themes:
        assert f"{theme.percent}%" in markdown and f"{theme.percent}%" in html
    deck = Presentation(str(tmp_path / "briefing.pptx"))
    charted = [
        list(plot.series[0].values)
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_chart
        for plot in shape.chart.plots
    ]
    assert charted, "the deck has a native chart"
    assert any(sorted(values) == sorted(expected) for values in charted)
