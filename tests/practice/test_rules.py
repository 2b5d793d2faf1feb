from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from caselens.codebook import default_codebook
from caselens.practice import PracticeDataError, case_from_dict, check_case, load_rules


def test_shipped_rules_load_and_match_the_codebook() -> None:
    codebook = default_codebook()
    rules = load_rules(codebook)
    ids = {i.id for i in codebook.indicators}
    assert rules.mappings and rules.unknowns and rules.safer_sleep
    assert {m.indicator for m in rules.mappings} <= ids
    assert {u.indicator for u in rules.unknowns} <= ids
    for rule in rules.safer_sleep:
        assert rule.advice and rule.why_it_matters and rule.facts and rule.prompt


def test_unknown_without_prompt_uses_codebook_prompt() -> None:
    codebook = default_codebook()
    r = check_case(case_from_dict({}), codebook)
    growth = next(u for u in r.unknowns if u.check == "growth")
    indicator = codebook.indicator("C.poor_weight_gain_or_health_concern")
    assert growth.prompt == indicator.unknown_prompt
    assert growth.why_it_matters


def _copy_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    for name in ("fact_indicators.yaml", "unknowns.yaml", "safer_sleep.yaml", "questions.yaml"):
        src = resources.files("caselens.practice").joinpath(name)
        shutil.copyfile(str(src), folder / name)
    return folder


def test_mapping_is_data(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    mapping = folder / "fact_indicators.yaml"
    text = mapping.read_text().replace(
        "below: 37}\n    says: Born before 37", "below: 34}\n    says: Born before 34"
    )
    mapping.write_text(text)
    codebook = default_codebook()
    case = case_from_dict({"baby": {"gestation_weeks": 35}})
    assert "B.premature" in {i.id for i in check_case(case, codebook).indicators}
    changed = check_case(case, codebook, rules=load_rules(codebook, folder))
    assert "B.premature" not in {i.id for i in changed.indicators}


def test_bad_rule_file_is_reported(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    mapping = folder / "fact_indicators.yaml"
    text = mapping.read_text().replace("indicator: B.premature", "indicator: B.early", 1)
    mapping.write_text(text)
    with pytest.raises(PracticeDataError, match=r"fact_indicators.yaml: mappings\[0\]: .*B.early"):
        load_rules(default_codebook(), folder)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{indicator: E.smoking}", r".*E\.smoking"),
        ("{indicator: E.co_sleeping, quote: 'smok(('}", r"quote is not a valid pattern"),
        ("{indicator: E.co_sleeping, words: smok}", r"expected an indicator id"),
    ],
)
def test_a_bad_notes_differ_entry_is_reported_where_it_is(
    tmp_path: Path, entry: str, message: str
) -> None:
    folder = _copy_rules(tmp_path)
    rules = folder / "safer_sleep.yaml"
    text = rules.read_text()
    start = text.index("    notes_differ:\n      - {indicator: E.sleep_with_alcohol_drugs_smoking")
    end = text.index("\n", text.index("- {indicator", start)) + 1
    rules.write_text(text[:start] + f"    notes_differ: [{entry}]\n" + text[end:])
    where = r"safer_sleep.yaml: rules\[\d+\]\.notes_differ\[0\]: "
    with pytest.raises(PracticeDataError, match=where + message):
        load_rules(default_codebook(), folder)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("needs_a_gap:\n  - G.teamwork\n", r"needs_a_gap\[0\]: .*G.team"),
        ("settled_history:\n  - A.parent_mood\n", r"settled_history\[0\]: .*A.parent_mood"),
        ("settled_history: A.parent_mental_health\n", r"'settled_history' must be a list"),
        ("supervision_working:\n  - G.supervisor\n", r"supervision_working\[0\]: .*G.superv"),
    ],
)
def test_a_notes_reading_list_that_is_wrong_is_reported(
    tmp_path: Path, text: str, message: str
) -> None:
    folder = _copy_rules(tmp_path)
    (folder / "notes_reading.yaml").write_text(text)
    with pytest.raises(PracticeDataError, match=r"notes_reading.yaml: .*" + message):
        load_rules(default_codebook(), folder)


def test_a_rules_folder_without_a_notes_reading_reads_notes_as_shipped(tmp_path: Path) -> None:
    rules = load_rules(default_codebook(), _copy_rules(tmp_path))
    assert rules.needs_a_gap == load_rules(default_codebook()).needs_a_gap
    assert "G.multi_agency_working" in rules.needs_a_gap
    assert rules.settled_history == load_rules(default_codebook()).settled_history
    assert "A.parent_mental_health" in rules.settled_history
    assert rules.supervision_working == {"G.supervision_reflection"}
