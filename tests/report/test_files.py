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
    with pytest.raises(OutputError, match="choose another folder") as raised:
        atomic_write_text(blocker / "briefing.html", "text")
    assert f"({blocker} is a file, not a folder)" in str(raised.value)


def test_a_file_deeper_in_the_path_is_named_not_the_systems_words(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as raised:
        atomic_write_text(blocker / "a" / "b" / "record.html", "text")
    assert f"({blocker} is a file, not a folder)" in str(raised.value)
    assert "File exists" not in str(raised.value) and "Not a directory" not in str(raised.value)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_folder_that_takes_no_files_is_named() -> None:
    with pytest.raises(OutputError, match=r"cannot write here \(/proc takes no new files\)"):
        atomic_write_text(Path("/proc/cb.yaml"), "text")


def test_a_missing_folder_is_made(tmp_path: Path) -> None:
    target = tmp_path / "new" / "deeper" / "codebook.yaml"
    atomic_write_text(target, "text")
    assert target.read_text(encoding="utf-8") == "text"
