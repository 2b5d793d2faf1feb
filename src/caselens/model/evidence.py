"""What the machine (or a person) found, always tied to a quote and its place."""

from __future__ import annotations

from dataclasses import dataclass, field

from caselens.model.serial import Serial, shown


@dataclass(frozen=True, slots=True)
class Evidence(Serial):
    """A quote from a document with its half-open offsets and page.

    The invariant ``document.text[start:end] == quote`` holds for every evidence
    object the pipeline makes; tests check it.
    """

    quote: str
    start: int
    end: int
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Finding(Serial):
    """One indicator of the codebook seen in one place of one document.

    ``confidence`` is the coder's own certainty that the quote expresses the
    indicator, not a statement about the family; ``method`` names the coder
    (``rules``, ``semantic``, ``human``, or an imported coder's name).
    """

    document: str
    indicator: str
    theme: str
    evidence: Evidence = field(metadata=shown(flat=True))
    confidence: float = field(metadata=shown(digits=4))
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
