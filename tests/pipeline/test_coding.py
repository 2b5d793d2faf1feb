"""The Coder merges rule and semantic findings: one per indicator and sentence."""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Sequence
from types import ModuleType

import pytest

from caselens.codebook import default_codebook
from caselens.model import Block, Document, Evidence, Finding, Sentence
from caselens.pipeline import coding
from caselens.pipeline.coding import Coder, merge
from caselens.pipeline.segment import segment
from caselens.pipeline.settings import Settings

TEXT = "The father used cocaine. Professionals were over-optimistic about the parents."


def _finding(indicator: str, start: int, end: int, confidence: float, method: str) -> Finding:
    return Finding(
        document="d",
        indicator=indicator,
        theme=indicator.split(".")[0],
        evidence=Evidence(TEXT[start:end], start, end),
        confidence=confidence,
        method=method,
        sentence_start=start,
        sentence_end=end,
    )


def test_merge_prefers_rules_and_drops_low_confidence() -> None:
    rules = [_finding("A.parent_substance_misuse", 0, 24, 0.9, "rules")]
    semantic = [
        _finding("A.parent_substance_misuse", 0, 24, 0.95, "semantic"),  # same sentence: rules win
        _finding("D.lack_of_curiosity", 25, 78, 0.7, "semantic"),
        _finding("A.domestic_abuse", 25, 78, 0.3, "semantic"),  # below min_confidence
    ]
    merged = merge(rules, semantic, min_confidence=0.5)
    assert [(f.indicator, f.method) for f in merged] == [
        ("A.parent_substance_misuse", "rules"),
        ("D.lack_of_curiosity", "semantic"),
    ]


class _FakeSemantic:
    """Stands in for the semantic coder: finds one indicator in every sentence."""

    def __init__(self, codebook: object) -> None:
        self.codebook = codebook

    def code(self, doc: Document, sentences: Sequence[Sentence]) -> list[Finding]:
        return [
            Finding(
                document=doc.id,
                indicator="G.older_siblings",
                theme="G",
                evidence=Evidence(doc.text[s.start : s.end], s.start, s.end, s.page),
                confidence=0.8,
                method="semantic",
                sentence_start=s.start,
                sentence_end=s.end,
            )
            for s in sentences
        ]


def test_coder_uses_semantic_coder_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(coding, "_semantic_coder", lambda codebook: _FakeSemantic(codebook))
    doc = Document.from_text(TEXT, "d")
    sentences = segment(doc)
    with_semantic = Coder(default_codebook(), Settings(semantic=True, model=False)).code(
        doc, sentences
    )
    assert {f.method for f in with_semantic} == {"rules", "semantic"}
    assert [f.start for f in with_semantic] == sorted(f.start for f in with_semantic)
    rules_only = Coder(default_codebook(), Settings(semantic=False, model=False)).code(
        doc, sentences
    )
    assert {f.method for f in rules_only} == {"rules"}
    assert {f.indicator for f in rules_only} >= {"A.parent_substance_misuse", "D.lack_of_curiosity"}


def test_missing_semantic_module_falls_back_to_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = importlib.import_module

    def refuse(name: str, package: str | None = None) -> ModuleType:
        if name.endswith("code_semantic"):
            raise ImportError("no semantic coder here")
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", refuse)
    coder = Coder(default_codebook(), Settings(semantic=True, model=False))
    assert coder.semantic is None and coder.methods == ("rules",)
    doc = Document.from_text(TEXT, "d")
    assert {f.method for f in coder.code(doc, segment(doc))} == {"rules"}


REVIEW = (
    "6.3 Domestic abuse and information sharing\n\n"
    "The police did not share the domestic incident with the health visitor.\n\n"
    "Glossary\n\n"
    "MARAC: multi-agency risk assessment conference, a meeting to share information.\n\n"
    "Recommendations\n\n"
    "Children's services should hold a strategy discussion where there is domestic abuse.\n\n"
    "Agencies should have shared the father's history of violence with the midwife."
)


def _coded(text: str) -> list[tuple[str, str]]:
    doc = Document.from_text(text, "r")
    found = Coder(default_codebook(), Settings(semantic=False, model=False)).code(doc, segment(doc))
    return [(f.indicator, f.quote) for f in found]


def test_headings_glossaries_and_general_recommendations_are_not_evidence() -> None:
    quotes = {quote for _, quote in _coded(REVIEW)}
    assert quotes == {
        "The police did not share the domestic incident with the health visitor.",
        "Agencies should have shared the father's history of violence with the midwife.",
    }


def test_marked_heading_blocks_are_skipped_even_with_punctuation() -> None:
    text = "Information sharing was weak.\n\nThe police did not share the record."
    doc = Document.from_text(text, "r")
    heading = Block(doc.blocks[0].start, doc.blocks[0].end, kind="heading")
    doc = dataclasses.replace(doc, blocks=(heading, *doc.blocks[1:]))
    sentences = segment(doc)
    reasons = Coder(default_codebook(), Settings(model=False)).eligible(doc, sentences)
    assert reasons == ["a heading", None]


def test_issue_example_denial_is_not_a_father_unseen() -> None:
    coded = _coded("No concerns were raised about the father's involvement.")
    assert "F.fathers_unseen_men" not in {indicator for indicator, _ in coded}


def test_a_note_clause_before_a_parents_childhood_keeps_its_finding() -> None:
    coded = dict(
        _coded(
            "No pre-birth assessment requested; how her own upbringing might shape her "
            "parenting not explored."
        )
    )
    assert "G.pre_birth_assessment" in coded  # the first clause is about this baby
    assert "D.lack_of_curiosity" not in coded  # 'not explored' is told of her upbringing
