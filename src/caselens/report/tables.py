"""Findings as CSV (for a spreadsheet) and JSON (for other software and ``caselens report``).

The JSON is the analysis itself (:func:`caselens.services.analysis_to_dict`)
plus what the briefing computed from it (codebook, screening flow, prevalence),
so another tool can read the numbers without recomputing them and caselens can
read the file back to render again.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
import secrets
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from caselens.codebook.loader import codebook_to_dict
from caselens.model import Codebook
from caselens.report.context import BriefingContext
from caselens.report.files import atomic_write_text_chunks, joined
from caselens.report.sources import section_to_dict
from caselens.services import Analysis, analysis_to_dict, document_to_dict

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

_BATCH = 512  # findings per piece written, in the CSV and the JSON

# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Text that a spreadsheet shows as text: hostile documents must not run formulas."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def finding_rows(analysis: Analysis, codebook: Codebook) -> Iterator[tuple[Any, ...]]:
    """One row per finding in :data:`CSV_COLUMNS` order, as typed values (CSV and XLSX share
    it), one review at a time.

    ``status`` says whether the finding's review counts in the briefing.
    """
    labels = {i.id: i.label for i in codebook.indicators}
    for result in analysis.results:
        status = "included" if result.included else "excluded"
        for f in result.findings:
            yield (
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


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    return _cell(value) if isinstance(value, str) else value


def findings_csv_chunks(analysis: Analysis, codebook: Codebook) -> Iterator[str]:
    """findings.csv piece by piece, a few hundred rows a piece, never the whole file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for number, row in enumerate(finding_rows(analysis, codebook), start=1):
        writer.writerow([_csv_value(value) for value in row])
        if number % _BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def findings_csv(analysis: Analysis, codebook: Codebook) -> str:
    return "".join(findings_csv_chunks(analysis, codebook))


def _context_dict(context: BriefingContext) -> dict[str, Any]:
    # The briefing's figures; findings_json_chunks writes the appendix after them (the
    # passages around each quote, piece by piece), so `caselens report` renders this
    # file again without the review files.
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


# The C encoder is used only without ``indent``; findings.json is indented, and a corpus
# holds a hundred thousand findings, so each finding (a flat object of scalars) is
# written here with the encoder's own string escaping, exactly as ``json.dumps(...,
# indent=2)`` lays it out: this is what made writing the file take seconds.
_ESCAPE: Any = json.encoder.encode_basestring


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return str(_ESCAPE(value))
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value)
    return json.dumps(value, ensure_ascii=False)  # NaN, or a value of another kind


def _findings_array(analysis: Analysis) -> Iterator[str]:
    """The findings list as ``json.dumps(..., indent=2)`` writes it two levels deep."""
    keys: dict[str, str] = {}
    batch: list[str] = []
    first = True
    for result in analysis.results:
        for finding in result.findings:
            fields = ",\n".join(
                f"      {keys.get(k) or keys.setdefault(k, _scalar(k))}: {_scalar(v)}"
                for k, v in finding.to_dict().items()
            )
            batch.append(("[\n    {\n" if first else ",\n    {\n") + fields + "\n    }")
            first = False
            if len(batch) >= _BATCH:
                yield "".join(batch)
                batch.clear()
    yield "".join(batch) + ("[]" if first else "\n  ]")


def _array(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A list as ``json.dumps(..., indent=2)`` writes it one level deep, one item at a
    time (JSON strings hold no raw line break, so indenting is safe)."""
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2)
        yield ("[\n    " if first else ",\n    ") + text.replace("\n", "\n    ")
        first = False
    yield "[]" if first else "\n  ]"


def findings_json_chunks(
    analysis: Analysis, codebook: Codebook, context: BriefingContext
) -> Iterator[str]:
    """findings.json piece by piece: the same text as encoding the whole dict, without a
    corpus's documents or findings ever being dicts at once."""
    data = analysis_to_dict(analysis, with_findings=False)
    # The whole codebook, so `caselens report` renders this file again without the YAML.
    data["codebook"] = codebook_to_dict(codebook)
    data.update(_context_dict(context))
    token = secrets.token_hex(16)
    streamed: dict[str, Callable[[], Iterator[str]]] = {
        _ESCAPE(f"documents go here {token}"): lambda: _array(
            document_to_dict(result) for result in analysis.results
        ),
        _ESCAPE(f"findings go here {token}"): lambda: _findings_array(analysis),
        _ESCAPE(f"appendix goes here {token}"): lambda: _array(
            section_to_dict(section) for section in context.sources
        ),
    }
    data["documents"] = f"documents go here {token}"
    data["findings"] = f"findings go here {token}"
    data["appendix"] = f"appendix goes here {token}"
    # The encoder with ``indent`` yields every string value as a piece of its own, so a
    # slot's piece is where its list goes; the rest is passed on a batch at a time,
    # never joined whole (for thousands of reviews it is tens of megabytes of pieces).

    def pieces() -> Iterator[str]:
        for piece in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data):
            writer = streamed.get(piece)
            yield from (piece,) if writer is None else writer()
        yield "\n"

    yield from joined(pieces())


def findings_json(analysis: Analysis, codebook: Codebook, context: BriefingContext) -> str:
    return "".join(findings_json_chunks(analysis, codebook, context))


def write_findings_csv(path: Path, analysis: Analysis, codebook: Codebook) -> None:
    # A byte-order mark lets spreadsheet programs read the quotes as UTF-8.
    atomic_write_text_chunks(
        path, itertools.chain(("\ufeff",), findings_csv_chunks(analysis, codebook))
    )


def write_findings_json(
    path: Path, analysis: Analysis, codebook: Codebook, context: BriefingContext
) -> None:
    atomic_write_text_chunks(path, findings_json_chunks(analysis, codebook, context))
