from __future__ import annotations

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
