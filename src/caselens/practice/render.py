"""Render a supervision record (blank or filled in) as self-contained HTML, and PDF.

Both outputs come from the record data alone, so a record rendered today and
the same file rendered after it was filled in differ only in what people wrote.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2

from caselens.practice.wording import people, plain_fact
from caselens.report.files import atomic_write_bytes, atomic_write_text

STATUS_WORDS = {
    "in_line": "In line with the advice",
    "differs": "Differs from the advice",
    "not_known": "Not known",
}
BLANK_ACTION_ROWS = 3  # room to write by hand on a printed record


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("caselens.practice", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _all_evidence(check: dict[str, Any]) -> list[dict[str, Any]]:
    items = [*check["indicators"], *check["unknowns"], *check["safer_sleep"]]
    return [e for item in items for e in item.get("evidence", []) if e.get("source") == "facts"]


def _themes(check: dict[str, Any]) -> list[dict[str, Any]]:
    """Each theme with its items, in codebook order; only themes with something to show."""
    indicators = {i["id"]: i for i in check["indicators"]}
    unknowns = {u["key"]: u for u in check["unknowns"]}
    sleep = {s["id"]: s for s in check["safer_sleep"]}
    out = []
    for theme in check["themes"]:
        view = {
            "id": theme["id"],
            "label": theme["label"],
            "why_it_matters": theme.get("why_it_matters", ""),
            "indicators": [indicators[i] for i in theme["indicators"] if i in indicators],
            "unknowns": [unknowns[k] for k in theme["unknowns"] if k in unknowns],
            "safer_sleep": [sleep[s] for s in theme.get("safer_sleep", []) if s in sleep],
        }
        if view["indicators"] or view["unknowns"] or view["safer_sleep"]:
            out.append(view)
    return out


def _checklists(questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each question with the points of this case it follows from, each point listed once:
    under the first question it belongs to; later questions say how many they share."""
    seen: set[str] = set()
    out = []
    for q in questions:
        points = list(q.get("points") or [])
        new = [p for p in points if p not in seen]
        seen.update(points)
        out.append({**q, "new_points": new, "shared": len(points) - len(new)})
    return out


def _skipped(questions: list[dict[str, Any]]) -> list[str]:
    """Codebook questions numbered before the last one shown that this case left out
    ("Q3", "Q4" between "Q2" and "Q5"), so a reader does not look for a missing page."""
    numbers = []
    for q in questions:
        found = re.fullmatch(r"Q(\d{1,3})", str(q.get("id", "")))
        if found is None:
            return []  # a codebook with its own identifiers: nothing to infer
        numbers.append(int(found.group(1)))
    if not numbers:
        return []
    return [f"Q{n}" for n in range(1, max(numbers)) if n not in set(numbers)]


def render_record_html(record: dict[str, Any], changes: dict[str, Any] | None = None) -> str:
    check = record["check"]
    answers = {a["question"]: a.get("answer", "") for a in record.get("answers", [])}
    actions = [a for a in record.get("actions", []) if any(a.get(k) for k in a)]
    blank_rows = max(BLANK_ACTION_ROWS - len(actions), 1)
    who = people(_all_evidence(check))
    questions = _checklists(check["questions"])
    environment = _environment()
    environment.filters["plain"] = lambda e: plain_fact(e.get("path", ""), e.get("value"), who)
    return environment.get_template("record.html.j2").render(
        r=record,
        themes=_themes(check),
        questions=questions,
        skipped_questions=_skipped(check["questions"]),
        answers=answers,
        actions=actions,
        blank_rows=blank_rows,
        changes=changes,
        status_words=STATUS_WORDS,
        empty_themes=[
            t
            for t in check["themes"]
            if not (t["indicators"] or t["unknowns"] or t.get("safer_sleep"))
        ],
    )


def write_record_html(
    path: Path, record: dict[str, Any], changes: dict[str, Any] | None = None
) -> None:
    atomic_write_text(path, render_record_html(record, changes), private=True)


def write_record_pdf(
    path: Path, record: dict[str, Any], changes: dict[str, Any] | None = None
) -> None:
    from caselens.report.pdf_render import html_to_pdf

    atomic_write_bytes(path, html_to_pdf(render_record_html(record, changes)), private=True)
