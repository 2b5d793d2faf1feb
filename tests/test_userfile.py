"""Special files given as a codebook, case, saved analysis, labelled set or QDA project:
a clear one-line error, no hang, no memory blow-up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from caselens.cli import cli
from caselens.errors import InputError
from caselens.userfile import read_user_bytes

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "hollinsmere-2022-baby-w.txt"


def _commands(tmp_path: Path, special: object) -> list[list[str]]:
    def named(suffix: str) -> str:
        """The special file under a name of the kind the command expects."""
        path = tmp_path / f"special{suffix}"
        if not path.exists() and not path.is_symlink():
            special(path)  # type: ignore[operator]
        return str(path)

    return [
        ["codebook", "validate", named(".yaml")],
        ["analyse", str(SAMPLE), "--out", str(tmp_path / "o"), "--codebook", named(".yaml")],
        ["case", "check", named(".yaml")],
        ["report", named(".json"), "--out", str(tmp_path / "r")],
        ["evaluate", named(".jsonl")],
        ["qda", "import", named(".qdpx"), "--db", str(tmp_path / "l.db")],
    ]


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_special_files_are_refused_before_reading(kind: str, tmp_path: Path) -> None:
    def make(path: Path) -> None:
        if kind == "device":
            path.symlink_to("/dev/zero")
        else:
            os.mkfifo(path)

    runner = CliRunner()
    for args in _commands(tmp_path, make):
        result = runner.invoke(cli, args)
        assert result.exit_code != 0, args
        assert "not a regular file" in result.output, (args, result.output)
        assert "Traceback" not in result.output


def test_a_file_is_read_no_further_than_its_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(InputError, match=r"at most 0\.0 MB"):
        read_user_bytes(big, "codebook YAML file", 1000)
    assert read_user_bytes(big, "codebook YAML file", 5000) == b"x" * 2000


@pytest.mark.parametrize(
    "content",
    [
        "baby:\n  age_weeks: " + "9" * 5000 + "\n",  # a number no Python int may be read from
        "date: 2024-02-31\nbaby:\n  age_weeks: 3\n",  # a date that does not exist
        "[" * 5000 + "]" * 5000,  # nesting deeper than any parser's recursion
    ],
    ids=["huge-number", "impossible-date", "deep-nesting"],
)
def test_hostile_values_are_one_line_errors(content: str, tmp_path: Path) -> None:
    runner = CliRunner()
    for name, args in (
        ("case.yaml", ["case", "check"]),
        ("codebook.yaml", ["codebook", "validate"]),
        ("gold.jsonl", ["evaluate"]),
    ):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        result = runner.invoke(cli, [*args, str(path)])
        assert result.exit_code != 0, (args, result.output)
        assert "Traceback" not in result.output and str(path) in result.output
        assert not isinstance(result.exception, (ValueError, RecursionError)), result.exception
