"""Every fictional sample review is screened as its source README intends.

The intended scope of each sample is the table in ``scripts/sample_sources/README.md``;
the test reads that table, so a new sample is checked as soon as it is listed there.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from caselens.codebook import default_codebook
from caselens.ingest import read_document
from caselens.pipeline.run import Pipeline
from caselens.pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
README = ROOT / "scripts" / "sample_sources" / "README.md"
_ROW = re.compile(r"^\|\s*(?P<name>[a-z][a-z0-9-]*)\s*\|[^|]*\|\s*(?P<scope>[^|]+?)\s*\|\s*$")


def intended() -> list[tuple[str, bool, bool]]:
    """(source name, in scope by population, included in the publication window)."""
    rows: list[tuple[str, bool, bool]] = []
    for line in README.read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line)
        if m is None or m["name"] == "source":
            continue
        scope = m["scope"].lower()
        out_of_window = "out of the" in scope and "window" in scope
        in_scope = scope.startswith("in scope")
        rows.append((m["name"], in_scope, in_scope and not out_of_window))
    return rows


def test_readme_table_is_read() -> None:
    rows = intended()
    assert len(rows) >= 15
    assert ("sallowby-2020-baby-a", False, False) in rows
    assert ("redmarsh-2016-child-h", True, False) in rows


@pytest.mark.slow
@pytest.mark.parametrize(("name", "in_scope", "included"), intended())
def test_sample_screening_matches_intended_scope(name: str, in_scope: bool, included: bool) -> None:
    paths = sorted(SAMPLES.glob(f"{name}.*"))
    assert len(paths) == 1, f"expected one rendered sample for {name}, found {paths}"
    pipeline = Pipeline(default_codebook(), Settings(semantic=False))
    screening = pipeline.process(read_document(paths[0])).screening
    reasons = "; ".join(r.reason for r in screening.results)
    assert screening.in_scope is in_scope, reasons
    assert screening.included is included, reasons
