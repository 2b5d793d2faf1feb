"""The fixtures read while the rules were written become training sentences
(``scripts/fixture_evidence.py``); the batches never read must stay out, since they are the
measure, and a quote lost on the way (shorthand spelt out, a review's headings) would train
the model that its evidence is a negative."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from caselens.codebook import default_codebook
from caselens.model import Document
from caselens.model.normalise import normalise_inline
from caselens.pipeline.segment import segment
from caselens.pipeline.shorthand import expand

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import fixture_evidence  # noqa: E402

KNOWN = {i.id for i in default_codebook().indicators}
FIXTURES = ROOT / "tests" / "fixtures"


def test_every_labelled_batch_is_either_read_or_never_read() -> None:
    read = {Path(spec.partition(":")[0]).name for spec in fixture_evidence.READ}
    batches = {p.name for p in (FIXTURES / "notes").glob("visit-notes*.jsonl")}
    batches |= {
        p.name
        for p in (FIXTURES / "eval").glob("long-*.jsonl")
        if '"traps"' in p.read_text(encoding="utf-8") or p.name in read
    }
    assert not read & fixture_evidence.NEVER_READ
    assert batches == read | fixture_evidence.NEVER_READ


def test_a_batch_never_read_is_refused_and_the_first_batch_is_read_only_to_vn30() -> None:
    with pytest.raises(ValueError, match="never read"):
        fixture_evidence.load([str(FIXTURES / "notes" / "visit-notes-2.jsonl")], KNOWN)
    with pytest.raises(ValueError, match="vn01-vn30"):
        fixture_evidence.load([str(FIXTURES / "notes" / "visit-notes.jsonl")], KNOWN)
    first = next(s for s in fixture_evidence.READ if s.partition(":")[0].endswith("notes.jsonl"))
    groups = {f.group for f in fixture_evidence.load([first], KNOWN)}
    assert groups == {f"vn{n:02d}" for n in range(1, 31)}


@pytest.mark.parametrize(
    "spec", [s for s in fixture_evidence.READ if "/notes/" in s], ids=lambda s: Path(s).name
)
def test_every_quote_of_a_notes_batch_marks_the_sentence_holding_it(spec: str) -> None:
    for record in fixture_evidence.records(spec):
        sentences = fixture_evidence.from_notes(record, KNOWN)
        found = set().union(*(s.labels for s in sentences))
        assert found == set(record["why"]) & KNOWN, record["id"]
        for s in sentences:
            assert not s.labels & s.ignore
            assert s.labels | s.ignore <= set(record["indicators"])
            assert s.hard == set(record.get("not", [])) & KNOWN  # what a trap looks like
            for ind in s.labels:  # the quote, spelt out as the sentence is, is in it
                parts = [
                    normalise_inline(p).strip(" .'\"") for p in record["why"][ind].split(" ... ")
                ]
                spelt = [expand(p).text for p in parts if len(p) >= 4]
                inside = any(p[:12] in s.text or p[-12:] in s.text for p in spelt)
                assert inside or any(s.text.strip(" .") in p for p in spelt), (ind, s.text)


def test_shorthand_is_spelt_out_as_the_model_reads_it() -> None:
    record = {
        "id": "t1",
        "notes": "HV visit.  Mum says DA from ex, police called twice.\n\n\nBaby well.",
        "indicators": ["A.domestic_abuse"],
        "why": {"A.domestic_abuse": "DA from ex, police called twice"},
    }
    sentences = fixture_evidence.from_notes(record, KNOWN)
    marked = [s for s in sentences if s.labels]
    assert len(marked) == 1
    assert "domestic abuse from ex" in marked[0].text
    others = [s for s in sentences if s is not marked[0]]
    assert others and all(not s.labels and s.ignore == {"A.domestic_abuse"} for s in others)


@pytest.mark.parametrize(
    "spec", [s for s in fixture_evidence.READ if "/eval/" in s], ids=lambda s: Path(s).name
)
def test_a_reviews_sentences_are_its_own_and_its_traps_are_negatives(spec: str) -> None:
    for record in fixture_evidence.records(spec):
        doc = Document.from_text(record["text"], record["id"])
        spans = [(s.start, s.end) for s in segment(doc)]
        own = {doc.text[a:b] for a, b in spans}
        sentences = fixture_evidence.from_review(record, KNOWN, random.Random(1))
        assert all(s.text in own for s in sentences), record["id"]
        for trap in record.get("traps", []):
            looks = trap.get("looks_like") or trap["indicator"]
            if looks not in KNOWN:  # a harm type's trap ("harm:neglect") is the facts' matter
                assert looks.startswith("harm:"), looks
                continue
            # the sentences where the trap's quote is (its opening words may open another
            # sentence of the review too)
            where = fixture_evidence._spans(doc.text, trap["quote"])
            trapped = {
                doc.text[a:b]
                for a, b in spans
                if any(fixture_evidence._holds(p, a, b) for p in where)
            }
            holding = [s for s in sentences if s.text in trapped]
            assert holding, trap["quote"]
            for s in holding:  # a negative for what it only looks like, unless quoted for it
                assert looks not in s.ignore
                assert looks in s.hard or looks in s.labels
        quoted_only = [
            s
            for s in sentences
            if s.labels
            and not any(
                normalise_inline(t["quote"].split(" ... ")[0]).strip(" .'\"")[:40] in s.text
                for t in record.get("traps", [])
            )
        ]
        assert len(quoted_only) <= fixture_evidence.QUOTED_PER_REVIEW
