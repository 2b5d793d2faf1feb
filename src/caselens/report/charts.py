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

import matplotlib

matplotlib.use("Agg")

from markupsafe import Markup, escape
from matplotlib.figure import Figure

from caselens.report.context import BriefingContext, ThemeSection

BAR_COLOUR = "#0072B2"  # Okabe-Ito blue: dark enough to stay distinct in greyscale
TEXT_COLOUR = "#1a1a1a"


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
    with matplotlib.rc_context(
        {
            "svg.fonttype": "none",  # real text, no glyph paths, no font files
            "svg.hashsalt": "caselens",  # stable ids: the same input gives the same file
            "text.parse_math": False,  # a "$" in a label is a dollar sign, not mathtext
            "font.family": "sans-serif",
            "font.size": 10,
        }
    ):
        figure = Figure(figsize=(7.2, height))
        axes = figure.add_subplot()
        positions = list(range(len(labels)))
        axes.barh(positions, percents, color=BAR_COLOUR, height=0.6)
        axes.set_yticks(positions, wrapped, color=TEXT_COLOUR)
        axes.invert_yaxis()
        axes.set_xlim(0, 115)  # room for the label of a full bar
        axes.set_xticks(range(0, 101, 20))
        axes.set_xlabel(f"% of included reviews (n = {total})", color=TEXT_COLOUR)
        for y, (pct, n) in enumerate(zip(percents, counts, strict=True)):
            axes.text(pct + 1.5, y, f"{n} ({pct:.0f}%)", va="center", color=TEXT_COLOUR)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        figure.tight_layout()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    description = "; ".join(
        f"{label}: {n} of {total} reviews ({pct:.0f}%)"
        for label, pct, n in zip(labels, percents, counts, strict=True)
    )
    return _accessible(buffer.getvalue(), chart_id, title, description)


def _accessible(svg: str, chart_id: str, title: str, description: str) -> Markup:
    """Inline-ready SVG: no XML prolog, scalable, with a title and a description of its data."""
    start = svg.find("<svg")
    if start < 0:
        raise ValueError("matplotlib produced no <svg> element")
    svg = svg[start:]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, count=1, flags=re.DOTALL)
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
