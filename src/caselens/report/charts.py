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
LINE_COLOURS = ("#000000", "#E69F00", "#0072B2", "#009E73", "#D55E00", "#CC79A7", "#56B4E9")
MARKERS = ("o", "s", "^", "D", "v", "P", "X")
DASHES = ("-", "--", "-.", ":")
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
    """Reviews per year (bars) and each theme's share of them (lines), known years only.

    Reviews of unknown year are left out of the chart, not of the briefing: the
    trend table beside it has their row. None when fewer than two years are known,
    since one point makes no trend.
    """
    rows = [r for r in context.trend if r.year is not None]
    if len(rows) < 2:
        return None
    years = [r.label for r in rows]
    positions = list(range(len(rows)))
    with matplotlib.rc_context(RC):
        figure = Figure(figsize=(7.2, 5.6))
        bars, lines = figure.subplots(2, 1, sharex=True, height_ratios=(1, 2.4))
        bars.bar(positions, [r.reviews for r in rows], color="#bdbdbd", edgecolor=TEXT_COLOUR)
        for x, row in zip(positions, rows, strict=True):
            bars.text(x, row.reviews, str(row.reviews), ha="center", va="bottom")
        bars.set_ylabel("Reviews", color=TEXT_COLOUR)
        bars.set_ylim(0, max(r.reviews for r in rows) * 1.35 + 0.5)
        for index, theme in enumerate(context.themes):
            lines.plot(
                positions,
                [r.cells[index].percent for r in rows],
                color=LINE_COLOURS[index % len(LINE_COLOURS)],
                marker=MARKERS[index % len(MARKERS)],
                linestyle=DASHES[index % len(DASHES)],
                label=theme.id,
            )
        lines.set_ylim(-5, 105)
        lines.set_ylabel("% of the year's reviews", color=TEXT_COLOUR)
        lines.set_xticks(positions, years)
        lines.legend(title="Theme", loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
        for axes in (bars, lines):
            for side in ("top", "right"):
                axes.spines[side].set_visible(False)
        svg = _svg(figure)
    description = "; ".join(
        f"{r.label}: {r.reviews} reviews, "
        + ", ".join(f"{c.theme} {c.percent:.0f}%" for c in r.cells)
        for r in rows
    )
    return _accessible(
        svg,
        "chart-trend",
        "Reviews per publication year and the share showing each theme",
        description,
    )
