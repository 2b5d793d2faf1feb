"""Findings as CSV (for a spreadsheet) and JSON (for other software and ``caselens report``).

The JSON is the analysis itself (:func:`caselens.services.analysis_to_dict`)
plus what the briefing computed from it (codebook, screening flow, prevalence),
so another tool can read the numbers without recomputing them and caselens can
read the file back to render again.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from caselens.codebook.loader import codebook_to_dict
from caselens.model import Codebook
from caselens.report.context import BriefingContext
from caselens.report.files import atomic_write_text, atomic_write_text_chunks
from caselens.services import Analysis, analysis_to_dict

CSV_COLUMNS = (
    "review",
    "document_id",
    "theme",
    "indicator",
    "indicator_label",
    "quote",
    "page",
    "start",
    "end",
    "confidence",
    "method",
    "status",
)

# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Text that a spreadsheet shows as text: hostile documents must not run formulas."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def finding_rows(analysis: Analysis, codebook: Codebook) -> list[tuple[Any, ...]]:
    """One row per finding in :data:`CSV_COLUMNS` order, as typed values (CSV and XLSX share it).

    ``status`` says whether the finding's review counts in the briefing.
    """
    labels = {i.id: i.label for i in codebook.indicators}
    rows = []
    for result in analysis.results:
        status = "included" if result.included else "excluded"
        for f in result.findings:
            rows.append(
                (
                    result.document.name,
                    result.document.id,
                    f.theme,
                    f.indicator,
                    labels.get(f.indicator, f.indicator),
                    f.quote,
                    f.page,
                    f.start,
                    f.end,
                    round(f.confidence, 4),
                    f.method,
                    status,
                )
            )
    return rows


def findings_csv(analysis: Analysis, codebook: Codebook) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in finding_rows(analysis, codebook):
        writer.writerow(
            [
                ""
                if value is None
                else f"{value:.4f}"
                if isinstance(value, float)
                else _cell(value)
                if isinstance(value, str)
                else value
                for value in row
            ]
        )
    return buffer.getvalue()


def _context_dict(context: BriefingContext) -> dict[str, Any]:
    return {
        "screening_flow": context.flow.to_dict(),
        "prevalence": [
            {
                "theme": t.id,
                "label": t.label,
                "reviews": t.reviews,
                "percent": t.percent,
                "findings": t.findings,
                "indicators": [
                    {
                        "indicator": i.id,
                        "label": i.label,
                        "reviews": i.reviews,
                        "percent": i.percent,
                        "findings": i.findings,
                    }
                    for i in t.indicators
                ],
            }
            for t in context.themes
        ],
    }


class _EachFinding(list[dict[str, Any]]):
    """The findings as the JSON encoder walks them, one dict at a time: a corpus's hundred
    thousand findings are never all dicts at once. (With ``indent`` the encoder is the
    pure-Python one, which asks only truthiness and iteration of a list.)"""

    def __init__(self, analysis: Analysis) -> None:
        super().__init__()
        self._analysis = analysis

    def __bool__(self) -> bool:
        return any(r.findings for r in self._analysis.results)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (f.to_dict() for r in self._analysis.results for f in r.findings)


def findings_json_chunks(
    analysis: Analysis, codebook: Codebook, context: BriefingContext
) -> Iterator[str]:
    """findings.json piece by piece: the same text as :func:`findings_json`."""
    data = analysis_to_dict(analysis, with_findings=False)
    data["findings"] = _EachFinding(analysis)
    # The whole codebook, so `caselens report` renders this file again without the YAML.
    data["codebook"] = codebook_to_dict(codebook)
    data.update(_context_dict(context))
    yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data)
    yield "\n"


def findings_json(analysis: Analysis, codebook: Codebook, context: BriefingContext) -> str:
    return "".join(findings_json_chunks(analysis, codebook, context))


def write_findings_csv(path: Path, analysis: Analysis, codebook: Codebook) -> None:
    # A byte-order mark lets spreadsheet programs read the quotes as UTF-8.
    atomic_write_text(path, "\ufeff" + findings_csv(analysis, codebook))


def write_findings_json(
    path: Path, analysis: Analysis, codebook: Codebook, context: BriefingContext
) -> None:
    atomic_write_text_chunks(path, findings_json_chunks(analysis, codebook, context))
