"""The fixtures read while the rules were written become training sentences
(``scripts/fixture_evidence.py``); the batches never read must stay out, since they are the
measure, and a quote lost on the way (shorthand spelt out, a review's headings) would train
the model that its evidence is a negative."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from caselens.codebook import default_codebook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import fixture_evidence  # noqa: E402

KNOWN = {i.id for i in default_codebook().indicators}
NEVER_READ = {
    "visit-notes-2.jsonl",
    "visit-notes-4.jsonl",
    "visit-notes-6.jsonl",
    "visit-notes-7.jsonl",
    "visit-notes-9.jsonl",
    "visit-notes-11.jsonl",
    "visit-notes-12.jsonl",
    "long-unread.jsonl",
    "long-unread2.jsonl",
    "long-unread3.jsonl",
    "long-unread4.jsonl",
    "long-unread5.jsonl",
    "long-unread6.jsonl",
    "long-unread7.jsonl",
}


def _records(spec: str) -> list[dict]:
    name, _, lines = spec.partition(":")
    rows = Path(name).read_text(encoding="utf-8").splitlines()
    if lines:
        first, _, last = lines.partition("-")
        rows = rows[int(first) - 1 : int(last)]
    return [json.loads(r) for r in rows if r.strip()]


def test_no_batch_never_read_is_trained_on() -> None:
    names = {Path(spec.partition(":")[0]).name for spec in fixture_evidence.READ}
    assert not names & NEVER_READ
    first = next(s for s in fixture_evidence.READ if s.partition(":")[0].endswith("notes.jsonl"))
    assert first.endswith(":1-30")  # vn31-60 were never read
    assert all(r["id"] in {f"vn{n:02d}" for n in range(1, 31)} for r in _records(first))


@pytest.mark.parametrize(
    "spec", [s for s in fixture_evidence.READ if "/notes/" in s], ids=lambda s: Path(s).name
)
def test_every_quote_of_a_notes_batch_marks_its_sentence(spec: str) -> None:
    for record in _records(spec):
        sentences = fixture_evidence.from_notes(record, KNOWN)
        found = set().union(*(s.labels for s in sentences))
        assert found == set(record["why"]) & KNOWN, record["id"]
        for s in sentences:
            assert not s.labels & s.ignore
            assert s.labels | s.ignore <= set(record["indicators"])


def test_shorthand_is_spelt_out_as_the_model_reads_it() -> None:
    record = {
        "id": "t1",
        "notes": "HV visit. Mum says DA from ex, police called twice. Baby well.",
        "indicators": ["A.domestic_abuse"],
        "why": {"A.domestic_abuse": "DA from ex, police called twice"},
    }
    sentences = fixture_evidence.from_notes(record, KNOWN)
    marked = [s for s in sentences if s.labels]
    assert len(marked) == 1
    assert "domestic abuse" in marked[0].text
    assert all(
        not s.labels and s.ignore == {"A.domestic_abuse"}
        for s in sentences
        if s.text != marked[0].text
    )


def test_a_reviews_traps_are_negatives_and_its_quotes_positives() -> None:
    spec = next(s for s in fixture_evidence.READ if s.endswith("long-night.jsonl"))
    record = _records(spec)[0]
    sentences = fixture_evidence.from_review(record, KNOWN, random.Random(1))
    texts = {s.text: s for s in sentences}
    for trap in record["traps"]:
        part = trap["quote"].split(" ... ")[0].strip(" .'\"")
        holding = [s for t, s in texts.items() if part[:40] in t]
        assert holding, trap["quote"]
        if trap["looks_like"] not in record["gold"]["indicators"]:
            assert all(trap["looks_like"] not in s.labels | s.ignore for s in holding)
    assert sum(1 for s in sentences if s.labels) <= fixture_evidence.QUOTED_PER_REVIEW
