"""The long fictional reviews written blind carry their evidence and planted traps as
quotes; a quote that is not in the text (edited since, or mistyped) would make the notes
on them say something the review does not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caselens.codebook import default_codebook

EVAL = Path(__file__).resolve().parent / "fixtures" / "eval"
FILES = [p for p in sorted(EVAL.glob("long-*.jsonl")) if '"traps"' in p.read_text("utf-8")]


def test_the_blind_long_sets_are_here() -> None:
    names = {"long-blind.jsonl", "long-unread.jsonl", "long-unread2.jsonl", "long-winter.jsonl"}
    names |= {"long-dusk.jsonl", "long-unread3.jsonl", "long-unread4.jsonl"}
    names |= {"long-night.jsonl", "long-unread5.jsonl", "long-unread6.jsonl"}
    names |= {"long-unread7.jsonl", "long-harm.jsonl", "long-unread8.jsonl"}
    names |= {"long-frost.jsonl", "long-unread9.jsonl", "long-unread10.jsonl"}
    names |= {"long-ember.jsonl", "long-unread11.jsonl", "long-unread12.jsonl"}
    names |= {"long-gale.jsonl", "long-unread13.jsonl", "long-unread14.jsonl"}
    names |= {"long-haze.jsonl", "long-unread15.jsonl", "long-mist.jsonl", "long-unread16.jsonl"}
    names |= {"long-rain.jsonl", "long-unread17.jsonl"}
    assert names <= {p.name for p in FILES}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_evidence_and_trap_quote_is_in_its_review(path: Path) -> None:
    known = {i.id for i in default_codebook().indicators}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text, gold = record["text"], record["gold"]
        assert set(gold["indicators"]) <= known, record["id"]
        assert set(gold["themes"]) == {i.split(".")[0] for i in gold["indicators"]}, record["id"]
        assert set(record["evidence"]) == set(gold["indicators"]), record["id"]
        quotes = [q for qs in record["evidence"].values() for q in qs]
        quotes += [t["quote"] for t in record["traps"]]
        missing = [q for q in quotes if q not in text]
        assert not missing, f"{record['id']}: {missing[:2]}"
