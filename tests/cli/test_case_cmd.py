from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from caselens.cli.case_cmd import case

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "cases"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(case, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_check_json_contract() -> None:
    code, out = _run(
        "check", str(CASES / "unseen-partner-grandmother.yaml"), "--json", "--no-semantic"
    )
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"themes", "indicators", "unknowns", "questions", "safer_sleep"}
    unseen = next(i for i in data["indicators"] if i["id"] == "F.fathers_unseen_men")
    facts = [e for e in unseen["evidence"] if e["source"] == "facts"]
    assert {
        "source": "facts",
        "path": "adults[1].seen",
        "value": False,
        "text": "adults[1].seen: false",
    } in facts
    other = next(i for i in data["indicators"] if i["id"] == "F.other_carers_unexplored")
    notes = [e for e in other["evidence"] if e["source"] == "notes"]
    for e in notes:
        assert set(e) == {"source", "quote", "start", "end"}
    assert all(i["why_it_matters"] for i in data["indicators"])


def test_check_text_output_theme_by_theme() -> None:
    code, out = _run("check", str(CASES / "premature-twin.yaml"), "--no-semantic")
    assert code == 0
    assert out.index("B. Vulnerable infants") < out.index("E. Unsafe sleeping")
    assert "Shows: Born prematurely or small" in out
    assert "baby.gestation_weeks: 32" in out
    assert "Questions for discussion" in out


def test_record_written_then_filled_then_compared(tmp_path: Path) -> None:
    case_file = tmp_path / "case.yaml"
    data = yaml.safe_load((CASES / "unseen-partner-grandmother.yaml").read_text())
    case_file.write_text(yaml.safe_dump(data))
    records = tmp_path / "records"
    records.mkdir()
    code, _ = _run(
        "check",
        str(case_file),
        "--out",
        str(records / "first.yaml"),
        "--no-pdf",
        "--date",
        "2026-05-22",
        "--practitioner",
        "HV",
        "--no-semantic",
    )
    assert code == 0
    assert (records / "first.yaml").exists() and (records / "first.html").exists()
    assert not (records / "first.pdf").exists()

    record = yaml.safe_load((records / "first.yaml").read_text())
    record["answers"][0]["answer"] = "Agreed we know too little about the partner."
    record["actions"] = [
        {"action": "Joint visit to meet the partner", "who": "HV and SW", "by_when": "2026-06-05"}
    ]
    (records / "first.yaml").write_text(yaml.safe_dump(record))
    html = tmp_path / "filled.html"
    code, out = _run("record", str(records / "first.yaml"), "--html", str(html))
    assert code == 0 and "1 actions agreed" in out
    assert "Joint visit to meet the partner" in html.read_text()

    data["adults"][1].update(seen=True, assessed=True)
    case_file.write_text(yaml.safe_dump(data))
    code, out = _run("check", str(case_file), "--since", str(records), "--json", "--no-semantic")
    changes = json.loads(out)["changes"]
    assert "man_not_seen_or_assessed@adults[1]" in {u["key"] for u in changes["resolved_unknowns"]}
    assert changes["agreed_actions"][0]["who"] == "HV and SW"


def test_existing_record_is_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "r.yaml"
    out.write_text("caselens_record: 1\n")
    result = CliRunner().invoke(
        case,
        ["check", str(CASES / "settled-baby.yaml"), "--out", str(out), "--no-pdf", "--no-semantic"],
    )
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert out.read_text() == "caselens_record: 1\n"


def test_a_record_rendered_under_a_file_names_that_file_not_file_exists(tmp_path: Path) -> None:
    code, _ = _run(
        "check", str(CASES / "settled-baby.yaml"), "--out", str(tmp_path / "r.yaml"),
        "--no-pdf", "--no-model",
    )  # fmt: skip
    assert code == 0
    blocker = tmp_path / "latin1.txt"
    blocker.write_text("notes", encoding="utf-8")
    result = CliRunner().invoke(
        case, ["record", str(tmp_path / "r.yaml"), "--html", str(blocker / "r.html")]
    )
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert f"({blocker} is a file, not a folder)" in result.output
    assert "File exists" not in result.output and blocker.read_text(encoding="utf-8") == "notes"


def test_bad_case_file_is_one_line_error() -> None:
    result = CliRunner().invoke(case, ["check", str(CASES / "bad-field.yaml")])
    assert result.exit_code == 1
    assert "adults[1].sen" in result.output
    assert "Traceback" not in result.output


def test_pdf_record(tmp_path: Path) -> None:
    code, _ = _run(
        "check",
        str(CASES / "settled-baby.yaml"),
        "--out",
        str(tmp_path),
        "--no-semantic",
        "--date",
        "2026-03-03",
    )
    assert code == 0
    pdf = tmp_path / "CL-TEST-001-2026-03-03.record.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")


def _record_of(case_file: Path, out: Path) -> None:
    code, _ = _run("check", str(case_file), "--out", str(out), "--no-pdf", "--no-semantic")
    assert code == 0


def test_since_a_record_of_another_case_is_refused(tmp_path: Path) -> None:
    record = tmp_path / "r.yaml"
    _record_of(CASES / "settled-baby.yaml", record)
    result = CliRunner().invoke(
        case, ["check", str(CASES / "premature-twin.yaml"), "--since", str(record), "--json"]
    )
    assert result.exit_code == 1
    assert str(record) in result.output and "CL-TEST-001" in result.output
    assert "{" not in result.output  # no comparison of two families was printed


def test_since_a_hand_edited_record_is_shown_as_written(tmp_path: Path) -> None:
    record = tmp_path / "r.yaml"
    _record_of(CASES / "settled-baby.yaml", record)
    data = yaml.safe_load(record.read_text())
    data["date"] = "[/] 3 May [bold]"  # rich markup in a field people type
    record.write_text(yaml.safe_dump(data))
    code, out = _run("check", str(CASES / "settled-baby.yaml"), "--since", str(record))
    assert code == 0
    assert "Since the record of [/] 3 May [bold]" in out


def test_since_a_record_with_an_unknown_status_is_one_line_error(tmp_path: Path) -> None:
    record = tmp_path / "r.yaml"
    _record_of(CASES / "settled-baby.yaml", record)
    data = yaml.safe_load(record.read_text())
    data["check"]["safer_sleep"][0]["status"] = "fine"
    record.write_text(yaml.safe_dump(data))
    result = CliRunner().invoke(
        case, ["check", str(CASES / "settled-baby.yaml"), "--since", str(record)]
    )
    assert result.exit_code == 1
    assert "check.safer_sleep[0].status: 'fine'" in result.output
    assert "Traceback" not in result.output


def test_a_record_date_must_be_a_date_it_names_the_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        case,
        ["check", str(CASES / "settled-baby.yaml"), "--out", str(tmp_path / "records"),
         "--date", "../../elsewhere", "--no-pdf", "--no-semantic"],
    )  # fmt: skip
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    assert not (tmp_path / "records").exists() and not (tmp_path.parent / "elsewhere").exists()


def test_an_empty_case_file_and_an_undated_date_are_one_line_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    result = CliRunner().invoke(case, ["check", str(empty), "--no-semantic"])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {empty}: the case file is empty; give the notes")
    assert result.output.count("\n") == 1
    result = CliRunner().invoke(
        case, ["check", str(CASES / "settled-baby.yaml"), "--date", "20260521", "--no-pdf"]
    )
    assert result.exit_code == 2 and "'20260521' is not a date as YYYY-MM-DD" in result.output
