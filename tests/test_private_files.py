"""Files that hold case data or review decisions are readable by their owner only."""

from __future__ import annotations

import stat
from pathlib import Path

from click.testing import CliRunner

from caselens.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_library_database_is_private(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    sample = ROOT / "samples" / "hollinsmere-2022-baby-w.txt"
    result = CliRunner().invoke(cli, ["library", "add", str(sample), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert _mode(db) == 0o600


def test_supervision_records_are_private(tmp_path: Path) -> None:
    case = ROOT / "tests" / "fixtures" / "cases" / "settled-baby.yaml"
    out = tmp_path / "records"
    result = CliRunner().invoke(cli, ["case", "check", str(case), "--out", str(out), "--no-pdf"])
    assert result.exit_code == 0, result.output
    written = [p for p in out.iterdir() if p.is_file()]
    assert written and all(_mode(p) == 0o600 for p in written)
