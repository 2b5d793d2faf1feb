from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest
from report_builders import TEXTS, make_placed_analysis

from caselens.model import Codebook
from caselens.report import formats
from caselens.report.formats import FormatError, parse_formats, render


def test_parse_formats_orders_dedupes_and_expands_all() -> None:
    assert parse_formats("json, HTML,.pdf,html") == ("html", "pdf", "json")
    assert parse_formats("all") == formats.FORMATS
    with pytest.raises(FormatError, match=r"unknown format 'docx'.*choose from"):
        parse_formats("html,docx")
    with pytest.raises(FormatError, match="empty"):
        parse_formats(" , ")


def test_a_missing_extra_names_the_pip_extra_and_nothing_is_written(
    monkeypatch: pytest.MonkeyPatch, codebook: Codebook, tmp_path: Path
) -> None:
    real = importlib.import_module

    def fake(name: str, package: str | None = None) -> ModuleType:
        if name == "pptx":
            raise ImportError("No module named 'pptx'")
        return real(name, package)

    monkeypatch.setattr(formats.importlib, "import_module", fake)
    with pytest.raises(FormatError, match=r"pip install 'caselens\[office\]'"):
        render(tmp_path / "out", ("json", "pptx"), make_placed_analysis(), codebook)
    assert not (tmp_path / "out").exists()


def test_qda_formats_say_when_the_writer_is_not_there(
    monkeypatch: pytest.MonkeyPatch, codebook: Codebook, tmp_path: Path
) -> None:
    real = importlib.import_module

    def fake(name: str, package: str | None = None) -> ModuleType:
        if name == "caselens.report.qda":
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(formats.importlib, "import_module", fake)
    with pytest.raises(FormatError, match="format qdpx not available yet"):
        render(tmp_path, ("qdpx",), make_placed_analysis(), codebook, texts=TEXTS)


def test_every_format_is_written_under_its_usual_name(codebook: Codebook, tmp_path: Path) -> None:
    written = render(tmp_path, formats.FORMATS, make_placed_analysis(), codebook, texts=TEXTS)
    assert written[0].name == "findings.json"  # the saved analysis comes first
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(formats.FILE_NAMES.values())
    assert all(p.stat().st_size > 0 for p in written)
