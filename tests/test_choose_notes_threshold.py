"""The script that chooses the model's threshold for notes reads labelled notes as `case
check` does, narrows a file to a range of records, and writes nothing unless told."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from caselens.pipeline.sentence_model import DEFAULT_MODEL_DIR, default_model

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "choose_notes_threshold.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("choose_notes_threshold", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _notes(tmp_path: Path) -> Path:
    lines = [
        {"id": "vn01", "notes": "Mum 17, care leaver. Dad not seen at any visit.",
         "indicators": ["A.young_parent", "F.fathers_unseen_men"], "not": [], "why": {}},
        {"id": "vn02", "notes": "Asked alone re DV, none disclosed. Cot in parents' room.",
         "indicators": [], "not": ["A.domestic_abuse"], "why": {}},
        {"id": "vn03", "notes": "Baby born 32+1, in SCBU 3 weeks.",
         "indicators": ["B.premature"], "not": [], "why": {}},
    ]  # fmt: skip
    path = tmp_path / "notes.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def test_a_file_is_narrowed_to_a_range_of_records(tmp_path: Path) -> None:
    script = _script()
    path = _notes(tmp_path)
    assert [r["id"] for r in script.records(f"{path}:2-3")] == ["vn02", "vn03"]
    assert len(script.records(str(path))) == 3


def test_notes_are_scored_as_case_check_reads_them(tmp_path: Path) -> None:
    script = _script()
    right, wrong, missed, traps = script.counts(script.records(str(_notes(tmp_path))))
    assert right == 3 and missed == 0 and traps == 0  # the denial is not taken
    assert script.f1((right, wrong, missed, traps)) == pytest.approx(6 / (6 + wrong))


@pytest.mark.slow
def test_it_prints_every_threshold_and_writes_only_when_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    script = _script()
    config = DEFAULT_MODEL_DIR / "config.json"
    before = config.read_bytes()
    shipped = default_model().config.get("notes_threshold")
    path = _notes(tmp_path)
    monkeypatch.setattr(sys, "argv", ["choose", str(path), "--grid", "0.9", "0.97"])
    try:
        script.main()
    finally:
        default_model().config["notes_threshold"] = shipped
        script.reflect._notes_coder.cache_clear()
    out = capsys.readouterr().out
    assert out.startswith("0.9 ") and "\n0.97 " in out
    assert "best threshold" in out and "written" not in out
    assert config.read_bytes() == before
