"""Commands that only read or judge the library refuse a ``--db`` that holds none.

A mistyped path used to become a new, empty library ("No reviews match.", exit 0); an
empty file of another kind became a database. Only adding may make a library.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from caselens.cli import cli

READ_ONLY = [
    ["library", "list"],
    ["library", "search", "sofa"],
    ["library", "show", "abc"],
    ["library", "remove", "abc", "--yes"],
    ["library", "recode", "--no-model"],
    ["review", "log"],
    ["review", "verify"],
    ["review", "agreement"],
    ["review", "accept", "1", "--reviewer", "ana"],
    ["review", "add", "abc", "--indicator", "A.x", "--quote", "q", "--reviewer", "ana"],
    ["users", "list"],
]


def run(args: list[str], db: Path | str) -> Result:
    return CliRunner().invoke(cli, [*args, "--db", str(db)])


def _one_error_line(result: Result) -> str:
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # handled, not a traceback
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    return lines[0]


@pytest.mark.parametrize("args", READ_ONLY, ids=lambda a: " ".join(a[:2]))
def test_a_path_with_no_library_is_refused_and_nothing_is_made(
    args: list[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nodir" / "x" / "lib.db"
    line = _one_error_line(run(args, missing))
    assert f"{missing}: no library here" in line
    assert list(tmp_path.iterdir()) == []


def test_report_from_a_missing_library_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "lib.db"
    args = ["report", "--library", "--out", str(tmp_path / "out"), "--format", "md"]
    assert "no library here" in _one_error_line(run(args, missing))
    assert list(tmp_path.iterdir()) == []


def test_an_empty_file_of_another_kind_is_left_as_it_was(tmp_path: Path) -> None:
    pdf = tmp_path / "zero.pdf"
    pdf.write_bytes(b"")
    assert "not a caselens library" in _one_error_line(run(["library", "list"], pdf))
    assert pdf.read_bytes() == b"" and [p.name for p in tmp_path.iterdir()] == ["zero.pdf"]


def test_only_adding_makes_a_library(tmp_path: Path) -> None:
    review = tmp_path / "baby-d.txt"
    review.write_text(
        "Published 2020.\n\nBaby D, aged two months, died in England after sleeping on a "
        "sofa with her father.\n",
        encoding="utf-8",
    )
    db = tmp_path / "new" / "lib.db"
    added = run(["library", "add", str(review), "--no-model"], db)
    assert added.exit_code == 0, added.output
    listed = run(["library", "list"], db)
    assert listed.exit_code == 0 and "baby-d.txt" in listed.output
