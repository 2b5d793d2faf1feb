"""A screening decision that explains itself criterion by criterion."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from caselens.model.evidence import Evidence

Status = Literal["met", "not_met", "unknown"]


@dataclass(frozen=True, slots=True)
class CriterionResult:
    criterion: str
    label: str
    status: Status
    reason: str
    evidence: tuple[Evidence, ...] = ()
    window: bool = False  # a publication-window filter rather than a population criterion

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "label": self.label,
            "status": self.status,
            "reason": self.reason,
            "window": self.window,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Screening:
    """Whether a document falls within the codebook's population, and why.

    ``in_scope`` concerns the population criteria only; ``included`` also applies
    the publication window unless it was switched off.
    """

    document: str
    in_scope: bool
    included: bool
    results: tuple[CriterionResult, ...]

    @property
    def exclusion_reason(self) -> str | None:
        """The criterion that excluded the document: its bucket in the screening flow."""
        if self.included:
            return None
        for wanted in ("not_met", "unknown"):
            for r in self.results:
                if r.status == wanted and (not r.window or self.in_scope):
                    return r.criterion
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "in_scope": self.in_scope,
            "included": self.included,
            "exclusion_reason": self.exclusion_reason,
            "criteria": [r.to_dict() for r in self.results],
        }
