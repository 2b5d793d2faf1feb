from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from caselens.model import Codebook
from caselens.report.context import build_context
from caselens.report.tables import (
    CSV_COLUMNS,
    findings_csv,
    findings_json,
    write_findings_csv,
)
from caselens.services import Analysis, analysis_from_dict


def test_csv_has_the_columns_and_one_row_per_finding(
    analysis: Analysis, codebook: Codebook, tmp_path: Path
) -> None:
    path = tmp_path / "findings.csv"
    write_findings_csv(path, analysis, codebook)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS == (
        "review", "document_id", "theme", "indicator", "indicator_label", "quote",
        "page", "start", "end", "confidence", "method", "status",
    )  # fmt: skip
    assert len(rows) == 6
    first = rows[0]
    assert first["review"] == "Review One"
    assert first["indicator_label"] == "Alpha x"
    assert (first["page"], first["start"], first["end"]) == ("2", "0", "24")
    assert {r["status"] for r in rows if r["document_id"] == "d3"} == {"excluded"}
    assert {r["status"] for r in rows if r["document_id"] == "d1"} == {"included"}


def test_csv_neutralises_spreadsheet_formulas(analysis: Analysis, codebook: Codebook) -> None:
    from dataclasses import replace

    from caselens.model import Evidence

    r = analysis.results[0]
    evil = replace(r.findings[0], evidence=Evidence("=HYPERLINK(1)", 0, 13, None))
    analysis = replace(analysis, results=(replace(r, findings=(evil,)),))
    rows = list(csv.DictReader(io.StringIO(findings_csv(analysis, codebook))))
    assert rows[0]["quote"] == "'=HYPERLINK(1)"
    assert rows[0]["page"] == ""


def test_json_round_trips_and_carries_the_briefing_numbers(
    analysis: Analysis, codebook: Codebook
) -> None:
    data = json.loads(findings_json(analysis, codebook, build_context(analysis, codebook)))
    from caselens.codebook.loader import codebook_from_dict

    assert (data["codebook"]["id"], data["codebook"]["version"]) == ("test-codebook", "9.9.9")
    assert codebook_from_dict(data["codebook"], "findings.json") == codebook  # self-contained
    assert data["screening_flow"]["included"] == 2
    assert data["prevalence"][0]["theme"] == "A" and data["prevalence"][0]["reviews"] == 2
    assert {"document", "indicator", "theme", "quote", "start", "end", "page", "confidence",
            "method"} <= set(data["findings"][0])  # fmt: skip
    assert analysis_from_dict(data) == analysis
