"""``caselens explain``: each proposal with its section, stance, what fired and why."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from tests.pipeline.test_reading import REVIEW

from caselens.cli import cli
from caselens.ingest import read_document


def _review(tmp_path: Path) -> Path:
    path = tmp_path / "baby-j.txt"
    path.write_text(REVIEW, encoding="utf-8")
    return path


def test_explain_json_shows_why_each_sentence_was_or_was_not_counted(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["explain", str(_review(tmp_path)), "--json", "--no-model", "--indicator", "E.co_sleeping"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["indicator"] == "E.co_sleeping"
    assert {s["role"] for s in data["sections"]} >= {
        "national_context",
        "glossary",
        "family_background",
    }
    considered = data["considered"]
    assert considered and {c["indicator"] for c in considered} == {"E.co_sleeping"}
    research = next(c for c in considered if c["quote"].startswith("2.1 Research"))
    assert not research["kept"] and research["section"] == "national_context"
    assert "National context" in research["reason"]
    glossary = next(c for c in considered if c["quote"].startswith("Co-sleeping:"))
    assert not glossary["kept"] and glossary["section"] == "glossary"
    text = read_document(tmp_path / "baby-j.txt").text
    for c in considered:
        assert text[c["start"] : c["end"]].startswith(c["quote"])
        assert c["method"] in {"rules", "model"} and c["fired"]


def test_explain_for_people_and_bad_input(tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(cli, ["explain", str(_review(tmp_path)), "--no-model"])
    assert shown.exit_code == 0 and "not counted" in shown.output
    unknown = runner.invoke(cli, ["explain", str(_review(tmp_path)), "--indicator", "Z.nope"])
    assert unknown.exit_code != 0 and "not an indicator" in unknown.output
    missing = runner.invoke(cli, ["explain", str(tmp_path / "nowhere.pdf")])
    assert missing.exit_code != 0 and "nowhere.pdf" in missing.output
    assert "Traceback" not in missing.output
