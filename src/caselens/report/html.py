"""The briefing as one self-contained HTML file.

Everything is inline (CSS, SVG charts), nothing is fetched: the file can be
emailed, opened offline or printed. Autoescaping is on for every value, since
quotes come from documents that caselens did not write; only the SVG produced
by :mod:`.charts` is marked safe, and it escapes its own text.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from caselens.report import charts
from caselens.report.context import BriefingContext
from caselens.report.files import atomic_write_text


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("caselens.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = lambda value: f"{value:.0f}%"
    return env


def render_html(context: BriefingContext) -> str:
    """The briefing page; charts are drawn here because only HTML needs them."""
    theme_chart = charts.theme_chart(context) if context.themes else Markup("")
    theme_charts = {
        t.id: charts.indicator_chart(t, context.flow.included)
        for t in context.themes
        if t.indicators and context.flow.included
    }
    template = _environment().get_template("briefing.html.j2")
    return template.render(ctx=context, theme_chart=theme_chart, theme_charts=theme_charts)


def write_html(path: Path, context: BriefingContext) -> None:
    atomic_write_text(path, render_html(context))
