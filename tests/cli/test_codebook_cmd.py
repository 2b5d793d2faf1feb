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
