"""Anchors: the words a pattern needs, and the sentence filter built on them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from caselens.codebook import default_codebook
from caselens.ingest import read_document
from caselens.model import Codebook, Document, Indicator, Theme
from caselens.pipeline.anchor_index import AnchorSet
from caselens.pipeline.anchors import ANY, derive
from caselens.pipeline.code_rules import RuleCoder
from caselens.pipeline.segment import segment

REVIEWS = Path(__file__).parents[1] / "fixtures" / "reviews"
SAMPLES = Path(__file__).parents[2] / "samples"


def _texts(pattern: str) -> set[str]:
    return {t.replace("\x00", "") for t in derive(pattern).literals()}


def test_alternatives_become_a_set_of_words() -> None:
    assert _texts(r"\b(?:sofa|settee|cushions?)\b") == {"sofa", "settee", "cushion", "cushions"}


def test_every_part_of_a_sequence_is_required() -> None:
    anchor = derive(r"\b(?:mother|father)\b[^.]{0,60}\b(?:in care|looked[- ]after)\b")
    assert anchor.kind == "and"
    assert _texts(r"\b(?:mother|father)\b[^.]{0,60}\b(?:in care|looked[- ]after)\b") == {
        "mother",
        "father",
        "in care",
        "looked after",
        "looked-after",
    }


@pytest.mark.parametrize(
    "pattern",
    [r"\w+ly", r"(?:cot)?", r"\b(?:he|she)\b", r"[a-z]{3,}", r"(\w+) \1", r"a|\bsofa\b"],
)
def test_nothing_certain_gives_any(pattern: str) -> None:
    assert derive(pattern) == ANY


def test_sentences_without_the_words_are_not_candidates() -> None:
    anchors = AnchorSet()
    node = anchors.add(derive(r"\bnot\b[^.]*\bshar(?:ed|ing)\b"))
    text = "the record was not shared. the baby slept. it was not clear."
    index = anchors.index(text, [0, 27, 43], [26, 42, 61])
    assert index.candidates(node) == 0b001


def _brute_force_equal(codebook: Codebook, doc: Document) -> None:
    sentences = segment(doc)
    fast = RuleCoder(codebook).code(doc, sentences)
    slow = RuleCoder(codebook, prefilter=False).code(doc, sentences)
    assert [f.to_dict() for f in fast] == [f.to_dict() for f in slow]


@pytest.mark.parametrize("path", sorted(REVIEWS.glob("*.txt")) + sorted(REVIEWS.glob("*.md")))
def test_prefilter_never_changes_findings_on_reviews(path: Path) -> None:
    _brute_force_equal(default_codebook(), read_document(path))


@pytest.mark.slow
@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.*")))
def test_prefilter_never_changes_findings_on_samples(path: Path) -> None:
    _brute_force_equal(default_codebook(), read_document(path))


def test_user_codebook_with_unusual_patterns_gets_the_same_findings() -> None:
    patterns = (
        r"\bChild [A-Z]\b",  # upper case: matched case-insensitively on the original text
        r"(?:grand)?mother.s house",
        r"\d+ (?:weeks?|months?) old",
        r"(?i:Sofa)",
        r"\bnot?\b.{0,20}\bseen\b",
        r"caf\u00e9",
    )
    codebook = Codebook(
        id="t",
        version="1",
        title="t",
        themes=(Theme("X", "X"),),
        indicators=tuple(
            Indicator(f"X.p{i}", "X", f"p{i}", patterns=(p,)) for i, p in enumerate(patterns)
        ),
    )
    text = (
        "Child Q lived at her grandmother's house. She was 6 weeks old.\n\n"
        "The SOFA was in the caf\u00e9. The baby was not seen. Nobody saw the father."
    )
    _brute_force_equal(codebook, Document.from_text(text, "t"))
    found = RuleCoder(codebook).code(
        Document.from_text(text, "t"), segment(Document.from_text(text, "t"))
    )
    assert {f.indicator for f in found} == {f"X.p{i}" for i in range(len(patterns))}


def test_folding_oddities_fall_back_to_a_full_scan() -> None:
    codebook = Codebook(
        id="t",
        version="1",
        title="t",
        themes=(Theme("X", "X"),),
        indicators=(Indicator("X.s", "X", "s", patterns=(r"\bSofa\b",)),),
    )
    doc = Document.from_text("The baby slept on the \u017fofa.", "t")  # long s folds to "s"
    assert re.search(r"\bSofa\b", doc.text, re.IGNORECASE)
    assert [f.indicator for f in RuleCoder(codebook).code(doc, segment(doc))] == ["X.s"]
