"""Code a document with every available coder and merge their findings.

Patterns are precise and explainable, so where the pattern coder and the semantic
coder both find an indicator in the same sentence the pattern finding is kept.
The semantic coder is optional: when its module or model is not installed the
product still works on patterns alone.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Protocol

from caselens.model import Codebook, Document, Finding, Sentence
from caselens.pipeline.code_rules import RuleCoder
from caselens.pipeline.settings import Settings


class SentenceCoder(Protocol):
    def code(self, doc: Document, sentences: Sequence[Sentence]) -> list[Finding]: ...


def _semantic_coder(codebook: Codebook) -> SentenceCoder | None:
    """The semantic coder if its module and model are available, else None."""
    try:
        module = importlib.import_module("caselens.pipeline.code_semantic")
    except ImportError:
        return None
    try:
        coder: SentenceCoder = module.SemanticCoder(codebook)
    except ImportError:  # the model's runtime (e.g. onnxruntime) is not installed
        return None
    return coder


def _key(finding: Finding) -> tuple[str, int, int]:
    start = finding.sentence_start if finding.sentence_start is not None else finding.start
    end = finding.sentence_end if finding.sentence_end is not None else finding.end
    return (finding.indicator, start, end)


def merge(
    primary: Sequence[Finding], secondary: Sequence[Finding], min_confidence: float
) -> list[Finding]:
    """One finding per (indicator, sentence); ``primary`` wins a tie, weak ones are dropped."""
    chosen: dict[tuple[str, int, int], Finding] = {}
    for finding in list(primary) + list(secondary):
        if finding.confidence < min_confidence:
            continue
        chosen.setdefault(_key(finding), finding)
    return sorted(chosen.values(), key=lambda f: (f.start, f.end, f.indicator))


class Coder:
    """The coding step: patterns always, semantic matching when asked for and available."""

    def __init__(self, codebook: Codebook, settings: Settings | None = None) -> None:
        self.codebook = codebook
        self.settings = settings or Settings()
        self.rules = RuleCoder(codebook)
        self.semantic: SentenceCoder | None = (
            _semantic_coder(codebook) if self.settings.semantic else None
        )

    @property
    def methods(self) -> tuple[str, ...]:
        return ("rules", "semantic") if self.semantic is not None else ("rules",)

    def code(self, doc: Document, sentences: Sequence[Sentence]) -> list[Finding]:
        rule_findings = self.rules.code(doc, sentences)
        semantic_findings = self.semantic.code(doc, sentences) if self.semantic is not None else []
        return merge(rule_findings, semantic_findings, self.settings.min_confidence)
