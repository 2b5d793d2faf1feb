"""Core types: small, frozen, and free of I/O."""

from caselens.model.codebook import (
    SECTION_CODING,
    Codebook,
    Criterion,
    Indicator,
    Nearby,
    Question,
    SectionRole,
    Theme,
)
from caselens.model.document import Block, Document, Sentence, Span, content_id
from caselens.model.evidence import Evidence, Finding
from caselens.model.facts import HARM_TYPES, NATIONS, OUTCOMES, Fact, Facts
from caselens.model.screening import CriterionResult, Screening

__all__ = [
    "HARM_TYPES",
    "NATIONS",
    "OUTCOMES",
    "SECTION_CODING",
    "Block",
    "Codebook",
    "Criterion",
    "CriterionResult",
    "Document",
    "Evidence",
    "Fact",
    "Facts",
    "Finding",
    "Indicator",
    "Nearby",
    "Question",
    "Screening",
    "SectionRole",
    "Sentence",
    "Span",
    "Theme",
    "content_id",
]
