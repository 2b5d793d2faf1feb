"""``caselens review`` over a library made with ``caselens library add``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from caselens.cli.library_cmd import library
from caselens.cli.review_cmd import review

REVIEW = (
    "Published 2020.\n\nBaby D, aged two months, died in England after sleeping on a sofa "
    "with her father, who had drunk alcohol.\n\nNobody asked who else lived in the home.\n"
)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    group = click.Group()
    group.add_command(library)
    group.add_command(review)
    return CliRunner().invoke(group, list(args), env=env)


@pytest.fixture
def db(tmp_path: Path) -> str:
    (tmp_path / "baby-d.txt").write_text(REVIEW, encoding="utf-8")
    path = str(tmp_path / "library.db")
    assert (
        run("library", "add", str(tmp_path / "baby-d.txt"), "--no-semantic", "--db", path).exit_code
        == 0
    )
    return path


def shown(db: str) -> dict[str, Any]:
    listed = json.loads(run("library", "list", "--json", "--db", db).stdout)
    result: dict[str, Any] = json.loads(
        run("library", "show", listed[0]["id"], "--json", "--db", db).stdout
    )
    return result


def test_accept_reject_correct_add_then_log_and_agreement(db: str) -> None:
    detail = shown(db)
    ids = [str(f["id"]) for f in detail["findings"]]
    assert len(ids) >= 2
    doc = detail["document"]["id"]
    steps = [
        ("accept", ids[0], "--reviewer", "sam", "--reason", "clear"),
        ("reject", ids[1], "--reviewer", "sam"),
        ("correct", ids[1], "--indicator", "E.co_sleeping", "--reviewer", "kim"),
        ("add", doc[:6], "--indicator", "F.significant_adults_unknown",
         "--quote", "Nobody asked who else lived in the home", "--reviewer", "kim"),
    ]  # fmt: skip
    for step in steps:
        result = run("review", *step, "--db", db)
        assert result.exit_code == 0, result.output
        assert "Recorded decision" in result.stdout
    log = json.loads(run("review", "log", "--json", "--db", db).stdout)
    assert [d["action"] for d in log] == ["accept", "reject", "correct", "add"]
    assert log[3]["finding_id"] is None and log[0]["reason"] == "clear"
    agreement = json.loads(run("review", "agreement", "--json", "--db", db).stdout)
    assert agreement["decisions"] == 4
    assert {"indicators", "reviewer_pairs"} <= set(agreement)
    assert "Precision" in run("review", "agreement", "--db", db).stdout


def test_reviewer_comes_from_the_environment_or_is_required(db: str) -> None:
    finding = str(shown(db)["findings"][0]["id"])
    missing = run("review", "accept", finding, "--db", db, env={"CASELENS_REVIEWER": ""})
    assert missing.exit_code == 2 and "--reviewer" in missing.output
    ok = run("review", "accept", finding, "--db", db, env={"CASELENS_REVIEWER": "ali"})
    assert ok.exit_code == 0 and "ali accept" in ok.stdout


def test_unknown_finding_is_a_one_line_error(db: str) -> None:
    result = run("review", "reject", "424242", "--reviewer", "sam", "--db", db)
    assert result.exit_code == 1 and "no finding 424242" in result.stderr


def test_a_decision_naming_no_indicator_of_the_codebook_is_refused(db: str) -> None:
    detail = shown(db)
    finding = str(detail["findings"][0]["id"])
    doc = detail["document"]["id"][:6]
    for step in (
        ("add", doc, "--indicator", "Z.nonsense", "--quote", "Nobody asked", "--reviewer", "kim"),
        ("correct", finding, "--indicator", "E.co_sleping", "--reviewer", "kim"),
    ):
        result = run("review", *step, "--db", db)
        assert result.exit_code != 0
        assert "is not an indicator of codebook" in result.output
        assert "Traceback" not in result.output
    assert "did you mean E.co_sleeping" in result.output
    assert json.loads(run("review", "log", "--json", "--db", db).stdout) == []


def test_a_batch_naming_an_unknown_finding_is_refused_whole(db: str) -> None:
    finding = str(shown(db)["findings"][0]["id"])
    result = run("review", "accept", finding, "999999", "--reviewer", "sam", "--db", db)
    assert result.exit_code == 1 and "Recorded" not in result.stdout
    assert "no finding 999999" in result.stderr and "nothing was recorded" in result.stderr
    assert json.loads(run("review", "log", "--json", "--db", db).stdout) == []


def test_decisions_follow_their_findings_through_a_recode(db: str) -> None:
    ids = [str(f["id"]) for f in shown(db)["findings"]]
    assert run("review", "accept", *ids, "--reviewer", "sam", "--db", db).exit_code == 0
    recoded = run("library", "recode", "--any-year", "--no-semantic", "--db", db)
    assert recoded.exit_code == 0, recoded.output
    assert {str(f["id"]) for f in shown(db)["findings"]}.isdisjoint(ids)  # new run, new ids
    agreement = json.loads(run("review", "agreement", "--json", "--db", db).stdout)
    assert agreement["stale_decisions"] == []
    assert sum(i["accepted"] for i in agreement["indicators"]) == len(ids)
    stricter = ("library", "recode", "--any-year", "--no-semantic", "--min-confidence", "0.999")
    assert run(*stricter, "--db", db).exit_code == 0  # the findings are no longer made
    said = run("review", "agreement", "--db", db)
    assert said.exit_code == 0 and "Warning: " in said.stderr
    assert f"{len(ids)} review decision(s)" in said.stderr and "not counted" in said.stderr
