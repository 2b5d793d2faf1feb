"""What the machine (or a person) found, always tied to a quote and its place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quote from a document with its half-open offsets and page.

    The invariant ``document.text[start:end] == quote`` holds for every evidence
    object the pipeline makes; tests check it.
    """

    quote: str
    start: int
    end: int
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"quote": self.quote, "start": self.start, "end": self.end, "page": self.page}


@dataclass(frozen=True, slots=True)
class Finding:
    """One indicator of the codebook seen in one place of one document.

    ``confidence`` is the coder's own certainty that the quote expresses the
    indicator, not a statement about the family; ``method`` names the coder
    (``rules``, ``semantic``, ``human``, or an imported coder's name).
    """

    document: str
    indicator: str
    theme: str
    evidence: Evidence
    confidence: float
    method: str
    sentence_start: int | None = None
    sentence_end: int | None = None
    note: str | None = None
    section: str | None = None  # the role of the section holding the sentence
    stance: str | None = None  # how the sentence speaks: asserts, denies, doubts, praises

    @property
    def quote(self) -> str:
        return self.evidence.quote

    @property
    def start(self) -> int:
        return self.evidence.start

    @property
    def end(self) -> int:
        return self.evidence.end

    @property
    def page(self) -> int | None:
        return self.evidence.page

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "indicator": self.indicator,
            "theme": self.theme,
            "quote": self.evidence.quote,
            "start": self.evidence.start,
            "end": self.evidence.end,
            "page": self.evidence.page,
            "confidence": round(self.confidence, 4),
            "method": self.method,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "note": self.note,
            "section": self.section,
            "stance": self.stance,
        }
