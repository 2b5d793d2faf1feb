"""``--format all`` writes every format it can and says, for each other one, why not."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from caselens.cli import cli
from caselens.report import formats

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "hollinsmere-2022-baby-w.txt"


def test_a_missing_system_library_is_named_and_the_rest_is_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = importlib.import_module

    def no_pango(name: str, package: str | None = None) -> ModuleType:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0': not found")
        return real(name, package)

    monkeypatch.setattr(formats.importlib, "import_module", no_pango)
    result = CliRunner().invoke(
        cli, ["analyse", str(SAMPLE), "--out", str(tmp_path), "--format", "json,pdf,md"]
    )
    assert result.exit_code == 3, result.output
    assert "Will not write pdf" in result.output and "libpango" in result.output
    assert "Not written: pdf" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.md", "findings.json"]
    assert "Traceback" not in result.output
