from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from caselens.cli import cli

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "src" / "caselens" / "codebook" / "infant.yaml"


def test_codebook_commands_take_the_codebook_option_too(tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(cli, ["codebook", "show", "--codebook", str(DEFAULT_PATH), "--json"])
    assert shown.exit_code == 0, shown.output
    assert '"themes"' in shown.output
    checked = runner.invoke(cli, ["codebook", "validate", "--codebook", str(DEFAULT_PATH)])
    assert checked.exit_code == 0 and "valid codebook" in checked.output
    other = tmp_path / "other.yaml"
    both = runner.invoke(cli, ["codebook", "validate", str(other), "--codebook", str(DEFAULT_PATH)])
    assert both.exit_code == 2 and "not both" in both.output


def test_validate_names_an_example_the_codebook_no_longer_codes(tmp_path: Path) -> None:
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    marker = "    examples:\n"
    assert marker in text
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        text.replace(marker, marker + "      - 'The weather was mild that spring.'\n", 1),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["codebook", "validate", str(broken)])
    assert result.exit_code == 1, result.output
    assert "broken.yaml" in result.output
    assert "example not found" in result.output and "weather was mild" in result.output
