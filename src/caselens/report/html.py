"""The briefing as one self-contained HTML file, for the screen or for print.

Everything is inline (CSS, SVG charts), nothing is fetched: the file can be
emailed, opened offline or printed. Autoescaping is on for every value, since
quotes come from documents that caselens did not write; only the SVG produced
by :mod:`.charts` is marked safe, and it escapes its own text.

``print_mode`` lays the same context out for WeasyPrint (:mod:`.pdf`): A4
pages with page numbers, a contents list with page numbers, matrix cells as
plain counts (a PDF cannot open them) and no source appendix.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from caselens.report import charts
from caselens.report.context import BriefingContext
from caselens.report.files import atomic_write_text_chunks, joined
from caselens.report.quotes import source_id


@functools.cache
def _environment() -> jinja2.Environment:
    """One environment per process: its templates compile once, not once per HTML and PDF."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("caselens.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = lambda value: f"{value:.0f}%"
    return env


def contents(context: BriefingContext, print_mode: bool) -> list[tuple[str, str]]:
    """The sections the briefing will show, as (fragment id, heading), in order."""
    entries = [("summary", "Summary"), ("scope", "Scope and screening")]
    entries.append(("prevalence", "How often each theme came up"))
    if context.matrix:
        entries.append(("matrix", "Themes in each review"))
    if context.cooccurrence and context.flow.included:
        entries.append(("cooccurrence", "Themes seen together"))
    if context.trend:
        entries.append(("trend", "By year of publication"))
    entries.append(("themes", "Themes"))
    if context.questions:
        entries.append(("questions", "Discussion questions"))
    entries += [("reviews", "Reviews read"), ("method", "Method")]
    if (context.sources or context.source_notes) and not print_mode:
        entries.append(("sources", "Appendix: the quotes in their reviews"))
    return entries


def chart_set(context: BriefingContext) -> dict[str, Any]:
    """Every chart of the briefing.

    The same for screen and print, so a run writing both HTML and PDF draws
    them once and passes them to both (see ``ReportInputs.charts``).
    """
    included = context.flow.included
    return {
        "themes": charts.theme_chart(context) if context.themes else Markup(""),
        "indicators": {
            t.id: charts.indicator_chart(t, included)
            for t in context.themes
            if t.indicators and included
        },
        "trend": charts.trend_chart(context),
    }


def render_html(
    context: BriefingContext,
    *,
    print_mode: bool = False,
    charts: Mapping[str, Any] | None = None,
) -> str:
    """The briefing page; ``charts`` from :func:`chart_set` of this context, or drawn here."""
    return "".join(html_chunks(context, print_mode=print_mode, charts=charts))


def html_chunks(
    context: BriefingContext,
    *,
    print_mode: bool = False,
    charts: Mapping[str, Any] | None = None,
) -> Iterator[str]:
    """The briefing page piece by piece, as the template makes it: a briefing over
    thousands of reviews is written without the whole page (and every piece of it) held
    at once."""
    template = _environment().get_template("briefing.html.j2")
    pieces = template.generate(
        ctx=context,
        charts=chart_set(context) if charts is None else charts,
        print=print_mode,
        toc=contents(context, print_mode),
        source_ids={s.document_id: source_id(s.document_id) for s in context.sources},
    )
    return joined(pieces)


def write_html(
    path: Path, context: BriefingContext, charts: Mapping[str, Any] | None = None
) -> None:
    atomic_write_text_chunks(path, html_chunks(context, charts=charts))
