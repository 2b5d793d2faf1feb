from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from caselens.errors import CaseError
from caselens.practice import Case, case_from_dict, load_case


def test_every_field_is_optional() -> None:
    case = case_from_dict({}, "empty.yaml")
    assert case == Case()
    assert case.adults is None  # not recorded, which is not the same as "nobody"


def test_yaml_case_is_typed(cases_dir: Path) -> None:
    case = load_case(cases_dir / "premature-twin.yaml")
    assert case.baby.gestation_weeks == 32.0
    assert case.baby.multiple_birth is True
    assert case.siblings is not None and case.siblings[1].child_protection == "past_plan"
    assert case.engagement.missed == ["neonatal follow-up clinic", "hearing screen", "8-week check"]
    assert case.date == "2026-06-30"  # a YAML date becomes ISO text


def test_json_case(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text('{"reference": "J1", "adults": [{"relationship": "father", "seen": false}]}')
    case = load_case(path)
    assert case.adults is not None and case.adults[0].seen is False


def test_notes_only_text_file(cases_dir: Path) -> None:
    case = load_case(cases_dir / "notes-only.txt")
    assert case.reference == "notes-only"
    assert case.notes is not None and "sleeps in her bed" in case.notes
    assert case.baby.gestation_weeks is None


def test_unknown_field_names_file_and_path(cases_dir: Path) -> None:
    with pytest.raises(CaseError) as err:
        load_case(cases_dir / "bad-field.yaml")
    message = str(err.value)
    assert "bad-field.yaml" in message
    assert "adults[1].sen" in message
    assert "did you mean 'seen'" in message


def test_wrong_type_names_field(cases_dir: Path) -> None:
    expected = r"bad-value\.yaml: baby\.gestation_weeks: expected a number"
    with pytest.raises(CaseError, match=expected):
        load_case(cases_dir / "bad-value.yaml")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"adults": [{"gender": "man"}]}, "adults[0].gender: 'man' is not one of"),
        ({"adults": {"relationship": "mother"}}, "adults: expected a list"),
        ({"sleep": {"shares_bed": "yes"}}, "sleep.shares_bed: expected true or false"),
        ({"engagement": {"appointments_missed": 1.5}}, "expected a whole number"),
        (["not", "a", "mapping"], "the file: expected a mapping"),
    ],
)
def test_validation_messages(data: object, fragment: str) -> None:
    with pytest.raises(CaseError) as err:
        case_from_dict(data, "case.yaml")
    assert str(err.value).startswith("case.yaml: ")
    assert fragment in str(err.value)


def test_bad_yaml_and_suffix(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("baby:\n  age_weeks: [1\n")
    with pytest.raises(CaseError, match=r"broken\.yaml: not valid YAML: line"):
        load_case(bad)
    odd = tmp_path / "case.docx"
    odd.write_text("x")
    with pytest.raises(CaseError, match="unknown kind of case file"):
        load_case(odd)
    with pytest.raises(CaseError, match="no such case file"):
        load_case(tmp_path / "missing.yaml")


@pytest.mark.parametrize("text", ["", "\n", "# notes to come\n", "null\n"])
def test_an_empty_yaml_case_is_refused_as_an_empty_notes_file_is(tmp_path: Path, text: str) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(text)
    with pytest.raises(CaseError, match=r"case\.yaml: the case file is empty"):
        load_case(path)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"baby": {"age_weeks": -5}}, "baby.age_weeks: -5 is not plausible; give a number from 0"),
        ({"baby": {"age_weeks": float("nan")}}, "baby.age_weeks: nan is not plausible"),
        ({"baby": {"age_weeks": float("inf")}}, "baby.age_weeks: inf is not plausible"),
        ({"baby": {"age_weeks": 10**400}}, "baby.age_weeks: a number that large"),
        ({"baby": {"gestation_weeks": -5}}, "from 20 to 45 weeks of pregnancy"),
        ({"baby": {"birth_weight_grams": 3.1}}, "from 300 to 7000 grams"),
        ({"siblings": [{"age_months": 300}]}, "siblings[0].age_months: 300 is not plausible"),
        ({"adults": [{"age": 0}]}, "adults[0].age: 0 is not plausible"),
        ({"engagement": {"appointments_missed": -1}}, "engagement.appointments_missed: -1"),
    ],
)
def test_a_number_outside_its_plausible_range_names_field_and_range(
    data: object, fragment: str
) -> None:
    with pytest.raises(CaseError) as err:
        case_from_dict(data, "case.yaml")
    assert str(err.value).startswith("case.yaml: ") and fragment in str(err.value)


def test_a_premature_gestation_is_still_read() -> None:
    case = case_from_dict({"baby": {"gestation_weeks": 33.5, "age_weeks": 0}}, "case.yaml")
    assert case.baby.gestation_weeks == 33.5 and case.baby.age_weeks == 0


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("date: not-a-date", "date: 'not-a-date' is not a date as YYYY-MM-DD"),
        ("date: 20260521", "date: 20260521 is not a date as YYYY-MM-DD"),
        ("date: '2026-02-30'", "date: '2026-02-30' is not a date"),
        ("date: 2026-05-21 10:30:00", "date: 2026-05-21 10:30:00 is not a date"),
        ("sleep: {advice: [{date: 15/02/2026}]}", "sleep.advice[0].date: '15/02/2026'"),
        ("sleep: {routine_changes: [{date: May}]}", "sleep.routine_changes[0].date: 'May'"),
    ],
)
def test_a_date_that_is_not_an_iso_date_names_file_and_field(
    tmp_path: Path, line: str, fragment: str
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(line + "\n")
    with pytest.raises(CaseError) as err:
        load_case(path)
    assert str(err.value).startswith(f"{path}: ") and fragment in str(err.value)


def test_dates_written_as_text_or_as_yaml_dates_read_alike() -> None:
    case = case_from_dict(
        {"date": "2026-05-21", "sleep": {"advice": [{"date": dt.date(2026, 2, 15)}]}}, "c.yaml"
    )
    assert case.date == "2026-05-21"
    assert case.sleep.advice is not None and case.sleep.advice[0].date == "2026-02-15"


def test_a_case_with_an_alias_bomb_or_a_repeated_key_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    lines = ["  - &a0 [" + ", ".join(['"lol"'] * 9) + "]"]
    lines += [f"  - &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 9)]
    bomb.write_text("baby:\n conditions:\n" + "\n".join(" " + x for x in lines) + "\n")
    with pytest.raises(CaseError, match=r"bomb\.yaml: line \d+: its aliases"):
        load_case(bomb)
    twice = tmp_path / "twice.yaml"
    twice.write_text("baby: {age_weeks: 3}\nbaby: {age_weeks: 4}\n")
    with pytest.raises(CaseError, match=r"twice\.yaml: line 2: the key 'baby' appears twice"):
        load_case(twice)
