"""Charts as inline SVG strings, so a briefing is one file that works offline.

matplotlib runs on the Agg backend through the object API (no pyplot state),
text stays text in the SVG (searchable, read by screen readers, no embedded
fonts), and each chart carries a ``<title>`` and ``<desc>`` that state its
numbers. One dark blue from the Okabe-Ito palette with black value labels
reads the same in colour, for colour-blind readers and in greyscale print.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")

from markupsafe import Markup, escape
from matplotlib.figure import Figure

from caselens.report.context import BriefingContext, ThemeSection

BAR_COLOUR = "#0072B2"  # Okabe-Ito blue: dark enough to stay distinct in greyscale
TEXT_COLOUR = "#1a1a1a"
# Okabe-Ito, most distinct in greyscale first; each line also has its own marker
# and dash pattern, so the trend chart reads without colour.
RC: Any = {  # typed loosely: matplotlib types keys as a Literal of every rc name
    "svg.fonttype": "none",  # real text, no glyph paths, no font files
    "svg.hashsalt": "caselens",  # stable ids: the same input gives the same file
    "text.parse_math": False,  # a "$" in a label is a dollar sign, not mathtext
    "font.family": "sans-serif",
    "font.size": 10,
}


def _svg(figure: Figure) -> str:
    figure.tight_layout()
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


def bar_chart_svg(
    chart_id: str,
    labels: Sequence[str],
    percents: Sequence[float],
    counts: Sequence[int],
    total: int,
    title: str,
) -> Markup:
    """A horizontal bar chart of percentages, with "n (p%)" written at each bar."""
    wrapped = ["\n".join(textwrap.wrap(label, 42)) or label for label in labels]
    lines = sum(max(1, w.count("\n") + 1) for w in wrapped)
    height = 0.9 + 0.28 * lines + 0.12 * len(labels)
    with matplotlib.rc_context(RC):
        figure = Figure(figsize=(7.2, height))
        axes = figure.add_subplot()
        positions = list(range(len(labels)))
        axes.barh(positions, percents, color=BAR_COLOUR, height=0.6)
        axes.set_yticks(positions, wrapped, color=TEXT_COLOUR)
        axes.invert_yaxis()
        axes.set_xlim(0, 130)  # room for the "n (100%)" label of a full bar
        axes.set_xticks(range(0, 101, 20))
        axes.set_xlabel(f"% of included reviews (n = {total})", color=TEXT_COLOUR)
        for y, (pct, n) in enumerate(zip(percents, counts, strict=True)):
            axes.text(pct + 1.5, y, f"{n} ({pct:.0f}%)", va="center", color=TEXT_COLOUR)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        svg = _svg(figure)
    description = "; ".join(
        f"{label}: {n} of {total} reviews ({pct:.0f}%)"
        for label, pct, n in zip(labels, percents, counts, strict=True)
    )
    return _accessible(svg, chart_id, title, description)


def _accessible(svg: str, chart_id: str, title: str, description: str) -> Markup:
    """Inline-ready SVG: no XML prolog, scalable, with a title and a description of its data."""
    start = svg.find("<svg")
    if start < 0:
        raise ValueError("matplotlib produced no <svg> element")
    svg = svg[start:]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, count=1, flags=re.DOTALL)
    # matplotlib numbers ids from 1 in every figure; several charts in one page
    # would repeat them, so each chart's ids and references get its own prefix.
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{chart_id}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{chart_id}-\1)", svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{chart_id}-\1"', svg)
    head_end = svg.find(">") + 1
    head = svg[:head_end]
    head = re.sub(r'\s(width|height)="[^"]*"', "", head)
    head = head[:-1] + (
        f' role="img" aria-labelledby="{chart_id}-title {chart_id}-desc"'
        ' style="max-width:100%;height:auto" class="chart">'
    )
    extra = (
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )
    return Markup(head + extra + svg[head_end:])


def theme_chart(context: BriefingContext) -> Markup:
    """Share of included reviews in which each theme was seen."""
    themes = context.themes
    return bar_chart_svg(
        "chart-themes",
        [f"{t.id}. {t.label}" for t in themes],
        [t.percent for t in themes],
        [t.reviews for t in themes],
        context.flow.included,
        "Themes: share of included reviews in which each was seen",
    )


def indicator_chart(theme: ThemeSection, total: int) -> Markup:
    """Share of included reviews in which each indicator of one theme was seen."""
    return bar_chart_svg(
        f"chart-theme-{re.sub(r'[^A-Za-z0-9_-]', '-', theme.id)}",
        [row.label for row in theme.indicators],
        [row.percent for row in theme.indicators],
        [row.reviews for row in theme.indicators],
        total,
        f"{theme.label}: share of included reviews in which each indicator was seen",
    )


def trend_chart(context: BriefingContext) -> Markup | None:
    """Reviews per year, and for each theme how many of that year's reviews showed it.

    Counts, not percentages: a year of one to four reviews swings between 0 and 100%
    and a line through such points tells nothing. Each theme gets a small row of bars,
    drawn over the year's total in grey, so "3 of 4" is seen as such. Reviews of unknown
    year are left out of the chart, not of the briefing: the table beside it has their
    row. None when fewer than two years are known, since one point makes no trend.
    """
    rows = [r for r in context.trend if r.year is not None]
    if len(rows) < 2:
        return None
    years = [r.label for r in rows]
    positions = list(range(len(rows)))
    totals = [r.reviews for r in rows]
    top = max(totals)
    themes = list(context.themes)
    with matplotlib.rc_context(RC):
        figure = Figure(figsize=(7.2, 1.5 + 0.62 * len(themes)))
        axes = figure.subplots(
            len(themes) + 1, 1, sharex=True, height_ratios=(1.6, *([1] * len(themes)))
        )
        first = axes[0]
        first.bar(positions, totals, color="#bdbdbd", edgecolor=TEXT_COLOUR, width=0.6)
        for x, total in zip(positions, totals, strict=True):
            first.text(x, total, str(total), ha="center", va="bottom")
        first.set_ylim(0, top * 1.45 + 0.5)
        first.set_ylabel("Reviews", color=TEXT_COLOUR, rotation=0, ha="right", va="center")
        for index, (theme, row_axes) in enumerate(zip(themes, axes[1:], strict=True)):
            counts = [r.cells[index].reviews for r in rows]
            row_axes.bar(positions, totals, color="#e6e6e6", width=0.6)
            row_axes.bar(positions, counts, color=BAR_COLOUR, width=0.6)
            for x, (count, total) in enumerate(zip(counts, totals, strict=True)):
                row_axes.text(x + 0.34, count, f"{count}/{total}", va="bottom", fontsize=7.5)
            row_axes.set_ylim(0, top * 1.3 + 0.5)
            row_axes.set_yticks([])
            row_axes.set_ylabel(theme.id, color=TEXT_COLOUR, rotation=0, ha="right", va="center")
        axes[-1].set_xticks(positions, years)
        for row_axes in axes:
            for side in ("top", "right", "left"):
                row_axes.spines[side].set_visible(False)
        first.spines["left"].set_visible(True)
        svg = _svg(figure)
    description = "; ".join(
        f"{r.label}: {r.reviews} reviews, "
        + ", ".join(f"{c.theme} in {c.reviews}" for c in r.cells)
        for r in rows
    )
    return _accessible(
        svg,
        "chart-trend",
        "Reviews per publication year and how many of them showed each theme",
        description,
    )
