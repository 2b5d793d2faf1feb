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
from pathlib import Path
from typing import Any

from caselens.model import Codebook
from caselens.report.context import BriefingContext
from caselens.report.files import atomic_write_text
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


def findings_csv(analysis: Analysis, codebook: Codebook) -> str:
    """One row per finding; ``status`` says whether its review counts in the briefing."""
    labels = {i.id: i.label for i in codebook.indicators}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for result in analysis.results:
        status = "included" if result.included else "excluded"
        for f in result.findings:
            writer.writerow(
                (
                    _cell(result.document.name),
                    result.document.id,
                    f.theme,
                    f.indicator,
                    _cell(labels.get(f.indicator, f.indicator)),
                    _cell(f.quote),
                    "" if f.page is None else f.page,
                    f.start,
                    f.end,
                    f"{f.confidence:.4f}",
                    f.method,
                    status,
                )
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


def findings_json(analysis: Analysis, codebook: Codebook, context: BriefingContext) -> str:
    data = analysis_to_dict(analysis)
    data["codebook"] = {
        "id": codebook.id,
        "version": codebook.version,
        "title": codebook.title,
    }
    data.update(_context_dict(context))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_findings_csv(path: Path, analysis: Analysis, codebook: Codebook) -> None:
    # A byte-order mark lets spreadsheet programs read the quotes as UTF-8.
    atomic_write_text(path, "\ufeff" + findings_csv(analysis, codebook))


def write_findings_json(
    path: Path, analysis: Analysis, codebook: Codebook, context: BriefingContext
) -> None:
    atomic_write_text(path, findings_json(analysis, codebook, context))
