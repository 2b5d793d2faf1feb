"""Core types: small, frozen, and free of I/O."""

from caselens.model.codebook import Codebook, Criterion, Indicator, Nearby, Question, Theme
from caselens.model.document import Block, Document, Sentence, Span, content_id
from caselens.model.evidence import Evidence, Finding
from caselens.model.facts import HARM_TYPES, NATIONS, OUTCOMES, Fact, Facts
from caselens.model.screening import CriterionResult, Screening

__all__ = [
    "HARM_TYPES",
    "NATIONS",
    "OUTCOMES",
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
    "Sentence",
    "Span",
    "Theme",
    "content_id",
]
