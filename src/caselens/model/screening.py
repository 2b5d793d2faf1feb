"""A screening decision that explains itself criterion by criterion."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from caselens.model.evidence import Evidence
from caselens.model.serial import Serial, shown

Status = Literal["met", "not_met", "unknown"]


@dataclass(frozen=True, slots=True)
class CriterionResult(Serial):
    criterion: str
    label: str
    status: Status
    reason: str
    evidence: tuple[Evidence, ...] = ()
    window: bool = False  # a publication-window filter rather than a population criterion

    __shown__ = ("criterion", "label", "status", "reason", "window", "evidence")


@dataclass(frozen=True, slots=True)
class Screening(Serial):
    """Whether a document falls within the codebook's population, and why.

    ``in_scope`` concerns the population criteria only; ``included`` also applies
    the publication window unless it was switched off.
    """

    document: str
    in_scope: bool
    included: bool
    results: tuple[CriterionResult, ...] = field(metadata=shown(key="criteria"))

    __shown__ = ("document", "in_scope", "included", "exclusion_reason", "criteria")

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
