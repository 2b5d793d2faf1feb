"""What a case check produces: items that each carry their evidence and why they matter.

These are the JSON contract of ``caselens case check --json`` (via ``to_dict``)
and what a supervision record keeps. No item has a number that could be read as
a grade of the family.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from caselens.model.serial import Serial
from caselens.practice.conditions import FactHit


@dataclass(frozen=True, slots=True)
class NoteEvidence(Serial):
    """A quote from the case notes; ``notes[start:end] == quote``."""

    quote: str
    start: int
    end: int

    __shown__ = ("source", "quote", "start", "end")

    @property
    def source(self) -> str:
        return "notes"

    @property
    def text(self) -> str:
        return self.quote


Evidence = FactHit | NoteEvidence


@dataclass(frozen=True)
class ShownIndicator(Serial):
    id: str
    theme: str
    label: str
    why_it_matters: str
    says: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    __shown__ = ("id", "theme", "label", "says", "why_it_matters", "evidence")


@dataclass(frozen=True)
class Unknown(Serial):
    key: str
    check: str
    indicator: str
    theme: str
    summary: str
    prompt: str
    why_it_matters: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class SleepCheck(Serial):
    id: str
    label: str
    theme: str
    advice: str
    why_it_matters: str
    status: str  # in_line | differs | not_known
    prompt: str
    facts: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    __shown__ = (
        "id",
        "label",
        "theme",
        "advice",
        "status",
        "prompt",
        "facts",
        "why_it_matters",
        "evidence",
    )


@dataclass(frozen=True)
class CaseQuestion(Serial):
    id: str
    text: str
    worded: str
    fits: tuple[str, ...]  # indicator ids, unknown keys and safer-sleep ids it follows from
    points: tuple[str, ...] = ()  # what in this case it follows from, one phrase each, all of them


@dataclass(frozen=True)
class ThemeView(Serial):
    id: str
    label: str
    why_it_matters: str
    indicators: tuple[str, ...]
    unknowns: tuple[str, ...]
    safer_sleep: tuple[str, ...]


@dataclass(frozen=True)
class Reflection(Serial):
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

    # the JSON contract of ``case check --json``: the notes themselves are not repeated
    __shown__ = (
        "case",
        "codebook",
        "methods",
        "statement",
        "themes",
        "indicators",
        "unknowns",
        "questions",
        "safer_sleep",
        "safer_sleep_source",
    )

    @property
    def case(self) -> dict[str, str | None]:
        return {"reference": self.reference, "date": self.date}
