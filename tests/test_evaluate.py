"""Metrics on hand-computed cases, gold loading errors, and the ``evaluate`` command's JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from caselens.cli import cli
from caselens.codebook import default_codebook
from caselens.errors import CaselensError
from caselens.evaluate import (
    accuracy_known,
    age_scores,
    binary_scores,
    load_gold,
    multilabel_scores,
    prf,
)

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
GOLD = FIXTURES / "gold_small.jsonl"


def test_prf_by_hand() -> None:
    # tp=2, fp=1, fn=3: p=2/3, r=2/5, f1=2pr/(p+r)=0.5
    p, r, f1 = prf(2, 1, 3)
    assert p == pytest.approx(2 / 3)
    assert r == pytest.approx(0.4)
    assert f1 == pytest.approx(0.5)
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)


def test_binary_scores_by_hand() -> None:
    predicted = [True, True, False, False, True]
    gold = [True, False, True, False, True]
    s = binary_scores(predicted, gold)
    # tp=2 fp=1 fn=1 tn=1
    assert s["precision"] == pytest.approx(2 / 3)
    assert s["recall"] == pytest.approx(2 / 3)
    assert s["f1"] == pytest.approx(2 / 3)
    assert s["accuracy"] == pytest.approx(3 / 5)


def test_multilabel_micro_and_macro_by_hand() -> None:
    predicted = [{"A", "B"}, {"A"}, set()]
    gold = [{"A"}, {"A", "C"}, {"C"}]
    s = multilabel_scores(predicted, gold, labels=["A", "B", "C", "D"])
    # pooled: tp=2 (A,A) fp=1 (B) fn=2 (C,C): p=2/3 r=1/2 f1=4/7
    assert s["micro_f1"] == pytest.approx(4 / 7)
    # per label with support: A f1=1, C f1=0 -> macro 0.5 (B and D have no support)
    assert s["macro_f1"] == pytest.approx(0.5)
    assert s["per_label"]["A"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 2}
    assert s["per_label"]["B"]["support"] == 0 and s["per_label"]["B"]["precision"] == 0.0
    assert s["per_label"]["D"]["support"] == 0


def test_accuracy_counts_only_known_gold() -> None:
    assert accuracy_known(["death", "other", "death"], ["death", None, "serious_harm"]) == 0.5
    assert accuracy_known(["x"], [None]) == 0.0


def test_age_scores_by_hand() -> None:
    s = age_scores([1.6, None, 10.0, 5.0], [2.0, 6.0, 12.0, None])
    # both present: |1.6-2|=0.4, |10-12|=2 -> mae 1.2; gold ages 3, predicted for 2
    assert s["mae_months"] == pytest.approx(1.2)
    assert s["coverage"] == pytest.approx(2 / 3)


def test_load_gold_reads_records() -> None:
    records = load_gold(GOLD)
    assert [r.id for r in records] == ["f1", "f2", "f3", "f4"]
    assert records[0].harm_types == ("unsafe_sleeping",)
    assert records[3].age_months is None


def test_load_gold_bad_json_names_file_and_line() -> None:
    with pytest.raises(CaselensError, match=r"bad_json\.jsonl: line 2: not valid JSON"):
        load_gold(FIXTURES / "bad_json.jsonl")


def test_load_gold_missing_key_names_file_line_and_key() -> None:
    with pytest.raises(
        CaselensError,
        match=r"missing_key\.jsonl: line 3 \(record \"f2\"\): 'gold' lacks key\(s\) outcome",
    ):
        load_gold(FIXTURES / "missing_key.jsonl")


def test_load_gold_missing_file() -> None:
    with pytest.raises(CaselensError, match="no such file"):
        load_gold(FIXTURES / "absent.jsonl")


BAD_GOLD = [
    ("indicators", ["A.domestic_abuse", "Z.unknown"], '"Z.unknown", which is not an indicator'),
    ("themes", ["A", "Q"], '"Q", which is not a theme'),
    ("outcome", "exploded", "'gold.outcome' is \"exploded\"; use null or one of: death"),
    ("nation", ["England"], "'gold.nation' is [\"England\"]; use null or one of: England"),
    ("harm_types", ["shaking"], '"shaking", which is not one of: non_accidental_injury'),
    ("in_scope", "yes", "'gold.in_scope' is \"yes\"; use true or false"),
    ("age_months", float("nan"), "'gold.age_months' is NaN; use null or a number of months"),
    ("age_months", -2, "from 0 to 1200"),
    ("published_year", 20.5, "'gold.published_year' is 20.5"),
]


@pytest.mark.parametrize(("key", "value", "fragment"), BAD_GOLD)
def test_a_gold_value_nothing_can_predict_names_file_line_record_and_value(
    tmp_path: Path, key: str, value: object, fragment: str
) -> None:
    good, *_ = GOLD.read_text("utf-8").splitlines()
    bad = json.loads(good)
    bad["id"], bad["gold"][key] = "r9", value
    path = tmp_path / "labelled.jsonl"
    path.write_text(good + "\n" + json.dumps(bad) + "\n", "utf-8")
    with pytest.raises(CaselensError) as caught:
        load_gold(path, default_codebook())
    message = str(caught.value)
    assert message.startswith(f'{path}: line 2 (record "r9"): '), message
    assert fragment in message, message


def test_evaluate_refuses_a_label_outside_the_codebook_and_scores_nothing(
    tmp_path: Path,
) -> None:
    record = json.loads(GOLD.read_text("utf-8").splitlines()[0])
    record["gold"]["indicators"] = ["Z.unknown"]
    path = tmp_path / "labelled.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(path), "--json", "--no-model"])
    assert result.exit_code == 1 and result.stdout == ""
    assert f'{path}: line 1 (record "f1")' in result.stderr and "Z.unknown" in result.stderr


LABELLED_SETS = sorted(
    [*FIXTURES.glob("*.jsonl"), *(FIXTURES.parents[2] / "data" / "labelled").glob("*.jsonl")]
)
# Broken on purpose, and a second coder's labels (no text, no gold: not a set to score).
NOT_GOLD = {"bad_json.jsonl", "missing_key.jsonl", "rz-second-pass.jsonl"}


@pytest.mark.parametrize(
    "path", [p for p in LABELLED_SETS if p.name not in NOT_GOLD], ids=lambda p: p.name
)
def test_every_labelled_set_loads_against_the_default_codebook(path: Path) -> None:
    assert load_gold(path, default_codebook())


def test_evaluate_json_shape() -> None:
    result = CliRunner().invoke(
        cli,
        ["evaluate", str(GOLD), "--json", "--no-semantic", "--mistakes", "3"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in (
        "n",
        "screening",
        "harm_types",
        "outcome",
        "nation",
        "age",
        "themes",
        "indicators",
        "seconds",
    ):
        assert key in data
    assert data["n"] == 4
    assert set(data["screening"]) >= {"precision", "recall", "f1", "accuracy"}
    assert set(data["age"]) >= {"mae_months", "coverage"}
    assert set(data["themes"]) >= {"micro_f1", "macro_f1", "per_theme"}
    assert set(data["indicators"]) >= {"micro_f1", "macro_f1", "per_indicator"}
    assert set(data["themes"]["per_theme"]["G"]) == {"precision", "recall", "f1", "support"}
    assert "A.domestic_abuse" in data["indicators"]["per_indicator"]
    # The fictional records are plain enough that the facts are read right.
    assert data["screening"]["f1"] == 1.0
    assert data["nation"]["accuracy"] == 1.0
    assert data["outcome"]["accuracy"] == 1.0
    assert data["age"]["coverage"] == 1.0
    assert len(data["mistakes"]) <= 3
    for m in data["mistakes"]:
        assert set(m) == {"record", "kind", "label", "sentence"}
        assert m["kind"] in {"missed", "wrong"}


def test_evaluate_tables() -> None:
    result = CliRunner().invoke(
        cli, ["evaluate", str(GOLD), "--no-semantic"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert "Screening F1" in result.output
    assert "Per theme" in result.output
    assert "Per indicator" in result.output


@pytest.mark.slow
def test_worker_processes_score_exactly_as_one_process() -> None:
    from caselens.codebook import default_codebook
    from caselens.evaluate import evaluate, load_gold

    records = load_gold(Path(__file__).parent / "fixtures" / "eval" / "seventh.jsonl")
    one = evaluate(records, default_codebook(), jobs=1)
    two = evaluate(records, default_codebook(), jobs=2)
    assert one.pop("seconds") > 0 and two.pop("seconds") > 0  # the one thing that differs
    assert json.dumps(one, sort_keys=True, default=str) == json.dumps(
        two, sort_keys=True, default=str
    )
