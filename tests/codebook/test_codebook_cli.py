"""``caselens codebook show`` and ``validate`` through click's test runner."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from caselens.cli.codebook_cmd import codebook
from caselens.codebook import codebook_from_dict, codebook_to_dict, default_codebook, load_codebook


def test_show_lists_themes_indicators_criteria_and_questions(minimal_path: Path) -> None:
    result = CliRunner().invoke(codebook, ["show", str(minimal_path)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Test codebook" in out
    assert "test-mini version 0.1.0" in out
    assert "Home life" in out
    assert "A.noisy_home  A noisy household  2 patterns, 1 exclude, 1 exemplars" in out
    assert "below 36" in out
    assert "What would a day look like for this baby?" in out


def test_show_without_file_shows_the_default_codebook() -> None:
    result = CliRunner().invoke(codebook, ["show"])
    assert result.exit_code == 0, result.output
    for ind in default_codebook().indicators:
        assert ind.id in result.stdout


def test_show_json_is_the_whole_codebook(minimal_path: Path) -> None:
    result = CliRunner().invoke(codebook, ["show", "--json", str(minimal_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    cb = load_codebook(minimal_path)
    assert data == codebook_to_dict(cb)
    assert codebook_from_dict(data, "stdout") == cb


def test_validate_good_file(minimal_path: Path) -> None:
    result = CliRunner().invoke(codebook, ["validate", str(minimal_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        f"{minimal_path}: valid codebook test-mini version 0.1.0, 2 themes, 3 indicators"
    )


def test_validate_bad_file_prints_problems_verbatim_and_exits_1(
    minimal_data: dict[str, Any], write_codebook: Callable[..., Path]
) -> None:
    minimal_data["indicators"][0]["patterns"][0] = "[bold]baby("  # looks like rich markup
    minimal_data["criteria"][0]["fact"] = "weight"
    path = write_codebook(minimal_data)
    result = CliRunner().invoke(codebook, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    err = result.stderr
    assert f"{path}: 2 problems" in err
    assert "indicators[0].patterns[0]" in err
    assert "'[bold]baby('" in err
    assert "criteria[0].fact" in err


def test_show_and_validate_name_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    for args in (["validate", str(missing)], ["show", str(missing)]):
        result = CliRunner().invoke(codebook, args)
        assert result.exit_code == 1
        assert f"{missing}: no such file" in result.stderr


def test_validate_refuses_an_alias_bomb_under_extra(minimal_path: Path, tmp_path: Path) -> None:
    """Nine lines standing for 9**9 strings: parsed they are small, written out they
    filled the disk; validate says so instead of calling the codebook valid."""
    lines = ["  a0: &a0 [" + ", ".join(['"lol"'] * 9) + "]"]
    lines += [f"  a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 9)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(minimal_path.read_text("utf-8") + "extra:\n" + "\n".join(lines) + "\n")
    result = CliRunner().invoke(codebook, ["validate", str(bomb)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"error: {bomb}: line ") and "aliases" in result.stderr
