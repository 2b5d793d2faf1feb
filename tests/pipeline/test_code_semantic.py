"""Semantic coding finds paraphrases the patterns miss, and stays quiet elsewhere."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from caselens.errors import CodebookError
from caselens.model import Codebook, Document, Indicator, Theme
from caselens.pipeline.code_rules import RuleCoder
from caselens.pipeline.code_semantic import CONFIDENCE_CEILING, SemanticCoder
from caselens.pipeline.embed import Matrix, normalise_rows
from caselens.pipeline.segment import segment

SUBSTANCE_PATTERNS = (r"\bdrugs?\b", r"\balcohol\b", r"\bdrunk\b")
SOFA_PATTERNS = (r"\bsofa\b", r"\bsettee\b", r"\barmchair\b")


def fixture_codebook(extra: dict[str, Any] | None = None) -> Codebook:
    """Two fictional indicators whose exemplars use words their patterns do not."""
    return Codebook(
        id="fixture",
        version="0",
        title="fixture",
        themes=(Theme("A", "Parents"), Theme("E", "Sleep")),
        indicators=(
            Indicator(
                id="A.substance",
                theme="A",
                label="Parental substance use",
                patterns=SUBSTANCE_PATTERNS,
                exemplars=(
                    "The mother drank heavily most evenings.",
                    "The father used cannabis every day.",
                ),
            ),
            Indicator(
                id="E.sofa",
                theme="E",
                label="Sleeping on a sofa",
                patterns=SOFA_PATTERNS,
                exemplars=(
                    "The baby was found dead after sleeping with his father on the sofa.",
                    "The infant had been put down to sleep on a couch.",
                ),
            ),
        ),
        extra=extra or {},
    )


def code(text: str, codebook: Codebook | None = None) -> tuple[Document, list[Any]]:
    doc = Document.from_text(text, "fixture.txt")
    findings = SemanticCoder(codebook or fixture_codebook()).code(doc, segment(doc))
    return doc, findings


PARAPHRASE = "The little boy was discovered lifeless having dozed off with his dad on the couch."


def test_finds_paraphrase_that_patterns_miss() -> None:
    text = f"The review was commissioned in the spring. {PARAPHRASE} The dad smoked weed daily."
    # The default bar is set high for precision on real reviews; a codebook may lower it.
    doc, findings = code(text, fixture_codebook(extra={"semantic": {"min_cosine": 0.72}}))
    assert not any(re.search(p, text, re.I) for p in SUBSTANCE_PATTERNS + SOFA_PATTERNS)
    assert RuleCoder(fixture_codebook()).code(doc, segment(doc)) == []
    by_indicator = {f.indicator: f for f in findings}
    assert set(by_indicator) == {"E.sofa", "A.substance"}
    sofa = by_indicator["E.sofa"]
    assert sofa.quote == PARAPHRASE
    assert sofa.method == "semantic"
    assert sofa.theme == "E"
    assert 0.5 <= sofa.confidence <= CONFIDENCE_CEILING


def test_evidence_offsets_are_exact() -> None:
    text = f"Background.\n\nThe family had moved twice.  {PARAPHRASE}\n\nThe dad smoked weed daily."
    doc, findings = code(text)
    assert findings
    for f in findings:
        assert doc.text[f.start : f.end] == f.quote
        assert (f.sentence_start, f.sentence_end) == (f.start, f.end)


def test_silent_on_unrelated_text() -> None:
    text = (
        "The review was published in the autumn after the trial. "
        "The council repaired the roof of the primary school last year. "
        "The health visitor completed the new birth visit at home."
    )
    assert code(text)[1] == []


def test_denial_is_not_coded_even_when_close() -> None:
    lenient = fixture_codebook({"semantic": {"min_cosine": 0.6, "min_margin": 0.15}})
    affirmed = "Mum consumed a lot of wine every evening."
    denied = "There was no suggestion that the mother drank heavily."
    _, findings = code(f"{affirmed} {denied}", lenient)
    assert [f.quote for f in findings] == [affirmed]


def test_thresholds_come_from_codebook_extra() -> None:
    strict = fixture_codebook({"semantic": {"thresholds": {"E.sofa": 0.9}}})
    _, findings = code(PARAPHRASE, strict)
    assert findings == []
    with pytest.raises(CodebookError, match="min_margin"):
        SemanticCoder(fixture_codebook({"semantic": {"min_margin": "high"}}))


class CountingEmbedder:
    """A deterministic stand-in that counts calls, to check exemplars are embedded once."""

    dim = 8

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> Matrix:
        self.calls += 1
        rows = [[float(len(t) % (i + 2)) + 1.0 for i in range(self.dim)] for t in texts]
        return normalise_rows(np.array(rows, dtype=np.float32).reshape(len(texts), self.dim))


def test_exemplars_are_embedded_once_per_codebook_and_embedder() -> None:
    embedder = CountingEmbedder()
    SemanticCoder(fixture_codebook(), embedder=embedder)
    after_first = embedder.calls
    SemanticCoder(fixture_codebook(), embedder=embedder)
    assert after_first == 2  # exemplars and background
    assert embedder.calls == after_first
