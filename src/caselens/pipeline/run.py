"""The one-way flow for one document: segment → extract facts → screen → code."""

from __future__ import annotations

from dataclasses import dataclass

from caselens.model import Codebook, Document, Facts, Finding, Screening, Sentence
from caselens.pipeline.coding import Coder
from caselens.pipeline.facts import extract_facts
from caselens.pipeline.screen import screen
from caselens.pipeline.segment import segment
from caselens.pipeline.settings import Settings


@dataclass(frozen=True)
class Processed:
    document: Document
    sentences: tuple[Sentence, ...]
    facts: Facts
    screening: Screening
    findings: tuple[Finding, ...]


class Pipeline:
    """Holds what is costly to prepare (compiled patterns, a loaded model) across documents."""

    def __init__(self, codebook: Codebook, settings: Settings | None = None) -> None:
        self.codebook = codebook
        self.settings = settings or Settings()
        self.coder = Coder(codebook, self.settings)

    def process(self, document: Document) -> Processed:
        sentences = segment(document)
        facts = extract_facts(document, sentences)
        screening = screen(document.id, facts, self.codebook, any_year=self.settings.any_year)
        findings = self.coder.code(document, sentences)
        return Processed(document, sentences, facts, screening, tuple(findings))
