"""Findings as an Excel workbook: findings, prevalence, and documents with their screening.

Analysts filter and pivot findings in a spreadsheet, so each sheet is a plain
table with a frozen header row and an autofilter. Text from documents is
written as text: a quote starting with "=" must never become a formula, and
characters that Excel forbids are dropped rather than failing the workbook.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from caselens.report.files import atomic_write_bytes
from caselens.report.formats import ReportInputs
from caselens.report.tables import CSV_COLUMNS, finding_rows

PREVALENCE_COLUMNS = ("theme", "indicator", "label", "reviews", "percent_of_included", "findings")
DOCUMENT_COLUMNS = (
    "review",
    "document_id",
    "format",
    "pages",
    "published_year",
    "included",
    "exclusion_reason",
    "findings",
    "source",
)
MAX_WIDTH = 60


def _sheet(workbook: Any, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title)
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(h) for h in header]
    for row in rows:
        values = [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row]
        sheet.append(values)
        for index, value in enumerate(values):
            widths[index] = max(widths[index], min(MAX_WIDTH, len(str(value or ""))))
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # literal text, not a formula
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2
    if "quote" in header:
        column = get_column_letter(list(header).index("quote") + 1)
        for cell in sheet[column][1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def workbook_bytes(inputs: ReportInputs) -> bytes:
    from openpyxl import Workbook

    analysis, context = inputs.analysis, inputs.context
    workbook = Workbook()
    workbook.remove(workbook.active)
    _sheet(workbook, "Findings", CSV_COLUMNS, finding_rows(analysis, inputs.codebook))
    prevalence: list[list[Any]] = []
    for t in context.themes:
        prevalence.append([t.id, "", t.label, t.reviews, t.percent, t.findings])
        prevalence += [
            [t.id, i.id, i.label, i.reviews, i.percent, i.findings] for i in t.indicators
        ]
    _sheet(workbook, "Prevalence", PREVALENCE_COLUMNS, prevalence)
    reasons = {r.document_id: r.reason for r in context.reviews}
    documents = []
    for r in analysis.results:
        year = r.facts.published_year.value
        documents.append(
            [
                r.document.name,
                r.document.id,
                r.document.format,
                r.document.pages,
                year if isinstance(year, int) else None,
                "yes" if r.included else "no",
                reasons.get(r.document.id) or "",
                len(r.findings),
                r.document.source or "",
            ]
        )
    documents += [
        [s.path, "", "", None, None, "not read", s.reason, 0, s.path] for s in context.skipped
    ]
    _sheet(workbook, "Documents", DOCUMENT_COLUMNS, documents)
    flow = context.flow
    steps: list[list[Any]] = [["Files found", flow.files], ["Could not be read", flow.skipped]]
    steps += [["Duplicates", flow.duplicates], ["Reviews read and screened", flow.read]]
    steps += [[f"Excluded: {e.label}", e.total] for e in flow.excluded]
    steps.append(["Included", flow.included])
    _sheet(workbook, "Screening", ("step", "reviews"), steps)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx(path: Path, inputs: ReportInputs) -> None:
    atomic_write_bytes(path, workbook_bytes(inputs))
