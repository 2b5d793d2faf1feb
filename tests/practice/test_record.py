from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from practice_helpers import CASES, checked

from caselens.errors import CaseError
from caselens.practice import case_from_dict, check_case
from caselens.practice.record import (
    changes_since,
    dump_record,
    load_record,
    new_record,
    record_paths,
)
from caselens.practice.render import render_record_html

FORBIDDEN = re.compile(
    r"\b(score|scores|scored|scoring|rating|ratings|probability|risk level)\b", re.IGNORECASE
)


def _keys(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [str(k) for k in data] + [k for v in data.values() for k in _keys(v)]
    if isinstance(data, list):
        return [k for v in data for k in _keys(v)]
    return []


@pytest.mark.parametrize("name", sorted(p.name for p in CASES.iterdir() if "bad" not in p.name))
def test_never_a_score(name: str) -> None:
    r = checked(name)
    data = r.to_dict()
    for key in _keys(data):
        assert not FORBIDDEN.search(key.replace("_", " ")), key
    assert not FORBIDDEN.search(yaml.safe_dump(data)), name
    html = render_record_html(new_record(r))
    assert not FORBIDDEN.search(html)
    assert "does not grade the family" in html  # the record says what it is not


def test_record_has_the_parts_of_a_supervision_record() -> None:
    record = new_record(
        checked("unseen-partner-grandmother.yaml"),
        date="2026-05-22",
        practitioner="Health visitor",
        supervisor="Named nurse",
    )
    html = render_record_html(record)
    for part in (
        "CL-TEST-003",
        "2026-05-22",
        "Health visitor",
        "Named nurse",
        "What the case shows",
        "Not known:",
        "Questions for discussion",
        "Agreed actions",
        "Adult 2 \u2014 seen: no",  # the case fact in plain words
        'class="answer"',
    ):
        assert part in html, part
    assert "Seen and assessed" not in html
    # no data paths or raw JSON for a person to decode
    assert "adults[" not in html and "siblings[" not in html and "&#34;" not in html


def test_filled_record_round_trip(tmp_path: Path) -> None:
    record = new_record(checked("premature-twin.yaml"), date="2026-07-01")
    path = tmp_path / "r.yaml"
    dump_record(record, path)
    data = yaml.safe_load(path.read_text())
    data["answers"][0]["answer"] = "Discussed the <twins'> routine with both parents."
    data["actions"] = [{"action": "Book a joint visit", "who": "HV", "by_when": "2026-07-15"}]
    path.write_text(yaml.safe_dump(data))
    loaded = load_record(path)
    assert loaded["actions"][0]["action"] == "Book a joint visit"
    html = render_record_html(loaded)
    assert "Book a joint visit" in html
    assert "&lt;twins&#39;&gt;" in html  # what people write is escaped


@pytest.mark.parametrize(
    ("edit", "fragment"),
    [
        (lambda d: d.pop("caselens_record"), "not a caselens supervision record"),
        (lambda d: d["answers"].append({"question": "Q99", "answer": "x"}), "answers[1].question"),
        (lambda d: d["actions"].append({"task": "x"}), "actions[1]: unknown field 'task'"),
        (lambda d: d.update(answers={"Q1": "x"}), "answers: expected a list"),
        (lambda d: d["check"].pop("unknowns"), "check: must hold"),
        (
            lambda d: d["check"]["safer_sleep"][0].update(status="unknown"),
            "check.safer_sleep[0].status: 'unknown' is not one of",
        ),
        (lambda d: d["check"]["unknowns"][0].pop("summary"), "check.unknowns[0].summary"),
        (lambda d: d["check"]["indicators"].append("E.co_sleeping"), "check.indicators[0]"),
    ],
)
def test_record_validation(tmp_path: Path, edit: Any, fragment: str) -> None:
    record = new_record(check_case(case_from_dict({})), date="2026-01-01")
    record["answers"] = record["answers"][:1]
    edit(record)
    path = tmp_path / "bad.yaml"
    dump_record(record, path)
    with pytest.raises(CaseError) as err:
        load_record(path)
    assert str(err.value).startswith(str(path))
    assert fragment in str(err.value)


def test_changes_since_a_record() -> None:
    before = {
        "adults": [
            {
                "relationship": "mothers_partner",
                "gender": "male",
                "seen": False,
                "assessed": False,
                "lives_with_baby": True,
            }
        ],
        "sleep": {"routine_changes": [{"what": "a party", "advice_repeated": None}]},
    }
    after = {
        "adults": [
            {
                "relationship": "mothers_partner",
                "gender": "male",
                "seen": True,
                "assessed": True,
                "lives_with_baby": True,
            }
        ],
        "sleep": {
            "shares_bed": True,
            "smoking_in_home": True,
            "routine_changes": [{"what": "a party", "advice_repeated": True}],
        },
    }
    record = new_record(check_case(case_from_dict(before)), date="2026-01-01")
    record["actions"] = [{"action": "Meet the partner", "who": "SW", "by_when": ""}]
    changes = changes_since(record, check_case(case_from_dict(after)))
    assert "E.co_sleeping" in {i["id"] for i in changes["new_findings"]}
    assert "F.fathers_unseen_men" in {i["id"] for i in changes["no_longer_shown"]}
    resolved = {u["key"] for u in changes["resolved_unknowns"]}
    assert {
        "man_not_seen_or_assessed@adults[0]",
        "advice_after_routine_change@sleep.routine_changes[0]",
    } <= resolved
    sleep = {s["id"]: (s["was"], s["now"]) for s in changes["safer_sleep_changes"]}
    assert sleep["smoke_free"] == ("not_known", "differs")
    assert sleep["plan_for_changes_of_routine"] == ("not_known", "in_line")
    assert changes["agreed_actions"][0]["action"] == "Meet the partner"
    html = render_record_html(record, changes)
    assert "What changed since the record of 2026-01-01" in html


def test_record_paths_for_a_folder(tmp_path: Path) -> None:
    path, html, pdf = record_paths(tmp_path, "CL/7 x", "2026-01-02")
    assert path == tmp_path / "CL-7-x-2026-01-02.record.yaml"
    assert html.name == "CL-7-x-2026-01-02.record.html" and pdf.suffix == ".pdf"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.name for p in CASES.iterdir() if "bad" not in p.name))
def test_a_record_prints_on_two_to_four_pages(name: str) -> None:
    """A supervision record is read in a supervision session: the richest fixture case
    (five unknown adults, a dozen safer-sleep gaps) still fits four A4 pages."""
    weasyprint = pytest.importorskip("weasyprint")
    html = render_record_html(new_record(checked(name)))
    pages = weasyprint.HTML(string=html).render().pages
    assert 2 <= len(pages) <= 4, (name, len(pages))


def test_questions_left_out_are_named() -> None:
    record = new_record(checked("premature-twin.yaml"))
    shown = [q["id"] for q in record["check"]["questions"]]
    html = render_record_html(record)
    numbers = sorted(int(q[1:]) for q in shown)
    missing = [f"Q{n}" for n in range(1, numbers[-1]) if n not in numbers]
    assert missing, shown  # the fixture leaves some out
    assert f"{', '.join(missing)} do not follow from anything in this case" in html
