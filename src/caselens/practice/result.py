"""What a case check produces: items that each carry their evidence and why they matter.

These are the JSON contract of ``caselens case check --json`` (via ``to_dict``)
and what a supervision record keeps. No item has a number that could be read as
a grade of the family.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from caselens.practice.conditions import FactHit


@dataclass(frozen=True, slots=True)
class NoteEvidence:
    """A quote from the case notes; ``notes[start:end] == quote``."""

    quote: str
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.quote

    def to_dict(self) -> dict[str, Any]:
        return {"source": "notes", "quote": self.quote, "start": self.start, "end": self.end}


Evidence = FactHit | NoteEvidence


def _ev(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [e.to_dict() for e in items]


@dataclass(frozen=True)
class ShownIndicator:
    id: str
    theme: str
    label: str
    why_it_matters: str
    says: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "theme": self.theme,
            "label": self.label,
            "says": list(self.says),
            "why_it_matters": self.why_it_matters,
            "evidence": _ev(self.evidence),
        }


@dataclass(frozen=True)
class Unknown:
    key: str
    check: str
    indicator: str
    theme: str
    summary: str
    prompt: str
    why_it_matters: str
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "check": self.check,
            "indicator": self.indicator,
            "theme": self.theme,
            "summary": self.summary,
            "prompt": self.prompt,
            "why_it_matters": self.why_it_matters,
            "evidence": _ev(self.evidence),
        }


@dataclass(frozen=True)
class SleepCheck:
    id: str
    label: str
    theme: str
    advice: str
    why_it_matters: str
    status: str  # in_line | differs | not_known
    prompt: str
    facts: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "theme": self.theme,
            "advice": self.advice,
            "status": self.status,
            "prompt": self.prompt,
            "facts": list(self.facts),
            "why_it_matters": self.why_it_matters,
            "evidence": _ev(self.evidence),
        }


@dataclass(frozen=True)
class CaseQuestion:
    id: str
    text: str
    worded: str
    fits: tuple[str, ...]  # indicator ids, unknown keys and safer-sleep ids it follows from
    points: tuple[str, ...] = ()  # what in this case it follows from, one phrase each, all of them

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "worded": self.worded,
            "fits": list(self.fits),
            "points": list(self.points),
        }


@dataclass(frozen=True)
class ThemeView:
    id: str
    label: str
    why_it_matters: str
    indicators: tuple[str, ...]
    unknowns: tuple[str, ...]
    safer_sleep: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "why_it_matters": self.why_it_matters,
            "indicators": list(self.indicators),
            "unknowns": list(self.unknowns),
            "safer_sleep": list(self.safer_sleep),
        }


@dataclass(frozen=True)
class Reflection:
    """The result of checking one case; ``to_dict`` is the JSON contract."""

    reference: str | None
    date: str | None
    codebook: dict[str, str]
    methods: tuple[str, ...]
    statement: str
    safer_sleep_source: str
    notes: str
    themes: tuple[ThemeView, ...]
    indicators: tuple[ShownIndicator, ...]
    unknowns: tuple[Unknown, ...]
    questions: tuple[CaseQuestion, ...]
    safer_sleep: tuple[SleepCheck, ...]
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "case": {"reference": self.reference, "date": self.date},
            "codebook": dict(self.codebook),
            "methods": list(self.methods),
            "statement": self.statement,
            "themes": [t.to_dict() for t in self.themes],
            "indicators": [i.to_dict() for i in self.indicators],
            "unknowns": [u.to_dict() for u in self.unknowns],
            "questions": [q.to_dict() for q in self.questions],
            "safer_sleep": [s.to_dict() for s in self.safer_sleep],
            "safer_sleep_source": self.safer_sleep_source,
        }
