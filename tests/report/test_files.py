from __future__ import annotations

from pathlib import Path

import pytest

from caselens.report.files import OutputError, atomic_write_text


def test_replaces_the_whole_file_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "briefing.html"
    target.write_text("old", encoding="utf-8")
    atomic_write_text(target, "new – ünïcode")
    assert target.read_text(encoding="utf-8") == "new – ünïcode"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.html"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "briefing.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(target, "bad \udcff surrogate")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.html"]


def test_unwritable_place_is_an_error_for_a_person(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="choose another --out folder"):
        atomic_write_text(blocker / "briefing.html", "text")
