"""The briefing as Markdown, for wikis, intranets and pull requests.

Markdown passes HTML through, and the quotes come from documents caselens did
not write, so every value from a document or codebook is escaped: it can show
as text, never become a link, an image or markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from caselens.report.context import BriefingContext
from caselens.report.files import atomic_write_text

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!{}~])")


def md(text: object) -> str:
    """Text shown literally in Markdown (one line: table cells and list items need that)."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(md(h) for h in header) + " |"]
    lines.append("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _pct(value: float) -> str:
    return f"{value:.0f}%"


def _overview(ctx: BriefingContext) -> list[str]:
    flow = ctx.flow
    out = [f"# {md(ctx.title)}", ""]
    if ctx.subtitle:
        out += [md(ctx.subtitle), ""]
    out += [
        f"Briefing produced on {ctx.date} by caselens {md(ctx.method.software_version)} with "
        f"codebook {md(ctx.method.codebook_id)} {md(ctx.method.codebook_version)}.",
        "",
        "## Summary",
        "",
        *[f"- {md(line)}" for line in ctx.summary],
        "",
        "## Scope and screening",
        "",
        "A review is counted when it meets every one of these criteria:",
        "",
        *[f"- {md(label)}" for label in ctx.method.criteria],
        "",
    ]
    rows: list[list[object]] = [["Files found", flow.files]]
    if flow.skipped:
        rows.append(["Could not be read", flow.skipped])
    if flow.duplicates:
        rows.append(["Duplicates of another file", flow.duplicates])
    rows.append(["Reviews read and screened", flow.read])
    rows += [[f"Excluded: {e.label}", e.total] for e in flow.excluded]
    rows.append(["Included in this briefing", flow.included])
    return out + _table(["Step", "Reviews"], rows)


def _figures(ctx: BriefingContext) -> list[str]:
    out = ["## How often each theme came up", ""]
    rows: list[list[object]] = []
    for t in ctx.themes:
        rows.append([f"{t.id}. {t.label}", t.reviews, _pct(t.percent)])
        rows += [[f"– {i.label}", i.reviews, _pct(i.percent)] for i in t.indicators]
    out += _table([f"Theme or indicator (n = {ctx.flow.included})", "Reviews", "%"], rows)
    ids = [t.id for t in ctx.themes]
    if ctx.matrix:
        out += ["## Themes in each review", "", "Passages coded to each theme.", ""]
        out += _table(
            ["Review", *ids], [[r.review, *[c.count for c in r.cells]] for r in ctx.matrix]
        )
    if ctx.cooccurrence and ctx.flow.included:
        co = ctx.cooccurrence
        out += ["## Themes seen together", "", "Included reviews showing both themes.", ""]
        out += _table(
            ["Theme", *co.themes],
            [[t, *counts] for t, counts in zip(co.themes, co.counts, strict=True)],
        )
    if ctx.trend:
        out += ["## By year of publication", ""]
        out += _table(
            ["Year", "Reviews", *ids],
            [
                [r.label, r.reviews, *[f"{c.reviews} ({_pct(c.percent)})" for c in r.cells]]
                for r in ctx.trend
            ],
        )
    return out


def _themes(ctx: BriefingContext) -> list[str]:
    out = ["## Themes", ""]
    for t in ctx.themes:
        out += [f"### {md(t.id)}. {md(t.label)}", ""]
        if t.description:
            out += [md(t.description), ""]
        if t.why_it_matters:
            out += [f"**Why it matters.** {md(t.why_it_matters)}", ""]
        out += [
            f"Seen in {t.reviews} of {ctx.flow.included} included reviews ({_pct(t.percent)}), "
            f"in {t.findings} passages.",
            "",
        ]
        for q in t.quotes:
            page = f", page {q.page}" if q.page else ""
            out += [
                f"> “{md(q.text)}”",
                ">",
                f"> — {md(q.review)}{page} · {md(q.indicator_label)}",
                "",
            ]
        if t.questions:
            out += ["To discuss:", "", *[f"- {md(q.text)}" for q in t.questions], ""]
    if ctx.questions:
        out += ["## Discussion questions", ""]
        out += [f"{n}. {md(q.text)}" for n, q in enumerate(ctx.questions, start=1)] + [""]
    return out


def _method(ctx: BriefingContext) -> list[str]:
    m = ctx.method
    settings = "; ".join(f"{k} = {v}" for k, v in sorted(m.settings.items()))
    out = ["## Reviews read", ""]
    out += _table(
        ["Review", "Included", "Themes found"],
        [
            [r.name, "Yes" if r.included else f"No: {r.reason or 'outside the scope'}",
             ", ".join(r.themes) or "none"]
            for r in ctx.reviews
        ],
    )  # fmt: skip
    out += [
        "## Method",
        "",
        f"- Codebook: {md(m.codebook_title)} ({md(m.codebook_id)}, "
        f"version {md(m.codebook_version)})",
        f"- Criteria: {md('; '.join(m.criteria))}",
        f"- Software: caselens {md(m.software_version)}",
        f"- Date: {m.date} (run {m.started} to {m.finished}, UTC)",
        f"- Settings: {md(settings)}",
        f"- Reviews: {ctx.flow.read} read, {ctx.flow.included} included, "
        f"{ctx.flow.skipped} not readable",
        f"- Findings: {m.findings_counted} in included reviews ({m.findings_total} in all)",
        "",
        "Findings are passages matched to the codebook by machine: read the quotes and the "
        "reviews before drawing lessons.",
        "",
    ]
    return out


def render_markdown(context: BriefingContext) -> str:
    lines = _overview(context) + _figures(context) + _themes(context) + _method(context)
    return "\n".join(lines).rstrip() + "\n"


def write_markdown(path: Path, context: BriefingContext) -> None:
    atomic_write_text(path, render_markdown(context))
