"""Readable tables of an evaluation result, for people at a terminal.

Works on the plain dict :func:`caselens.evaluate.evaluate` returns, so what a
person reads and what ``--json`` prints are the same numbers.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text


def _pct(value: float) -> str:
    return f"{value:.2f}"


def summary_table(result: dict[str, Any]) -> Table:
    table = Table(title=f"Evaluation on {result['n']} labelled records", title_justify="left")
    table.add_column("What")
    table.add_column("Score", justify="right")
    table.add_column("Meaning", style="dim")
    s = result["screening"]
    table.add_row("Screening F1", _pct(s["f1"]), "in scope = positive class")
    table.add_row("Screening precision", _pct(s["precision"]), "predicted in scope that are")
    table.add_row("Screening recall", _pct(s["recall"]), "in scope that were found")
    table.add_row("Screening accuracy", _pct(s["accuracy"]), "")
    table.add_row("Harm types micro-F1", _pct(result["harm_types"]["micro_f1"]), "")
    table.add_row(
        "Outcome accuracy", _pct(result["outcome"]["accuracy"]), "records with a gold outcome"
    )
    table.add_row(
        "Nation accuracy", _pct(result["nation"]["accuracy"]), "records with a gold nation"
    )
    age = result["age"]
    table.add_row(
        "Age error (months)", f"{age['mae_months']:.2f}", "mean absolute, where both have an age"
    )
    table.add_row("Age coverage", _pct(age["coverage"]), "gold ages that were read")
    table.add_row(
        "Themes micro / macro F1",
        f"{_pct(result['themes']['micro_f1'])} / {_pct(result['themes']['macro_f1'])}",
        "",
    )
    ind = result["indicators"]
    table.add_row(
        "Indicators micro / macro F1", f"{_pct(ind['micro_f1'])} / {_pct(ind['macro_f1'])}", ""
    )
    table.add_row("Seconds", f"{result['seconds']:.1f}", "whole pipeline, all records")
    return table


def per_label_table(title: str, scores: dict[str, dict[str, Any]]) -> Table:
    """Precision, recall, F1 and support per label.

    Labels with neither support nor findings are left out: they would only be rows of zeros.
    """
    table = Table(title=title, title_justify="left")
    table.add_column("Label")
    for name in ("Precision", "Recall", "F1", "Support"):
        table.add_column(name, justify="right")
    for label, s in scores.items():
        if not s["support"] and not s["precision"]:
            continue
        table.add_row(
            label, _pct(s["precision"]), _pct(s["recall"]), _pct(s["f1"]), str(s["support"])
        )
    return table


def mistakes_view(
    mistakes: list[dict[str, Any]], limit: int, total: int | None = None
) -> RenderableType:
    if limit <= 0 or not mistakes:
        return Text("")
    total = len(mistakes) if total is None else total
    shown = min(limit, len(mistakes))
    table = Table(title=f"Mistakes (first {shown} of {total})", title_justify="left")
    table.add_column("Record")
    table.add_column("Kind")
    table.add_column("Label")
    table.add_column("Sentence", overflow="fold")
    for m in mistakes[:limit]:
        table.add_row(m["record"], m["kind"], m["label"], m["sentence"] or "")
    return table


def render(result: dict[str, Any], mistakes: int = 20) -> Group:
    """Everything a person sees for ``caselens evaluate`` without ``--json``."""
    return Group(
        summary_table(result),
        per_label_table("Per theme", result["themes"]["per_theme"]),
        per_label_table("Per indicator", result["indicators"]["per_indicator"]),
        mistakes_view(result.get("mistakes", []), mistakes, result.get("mistakes_total")),
    )
