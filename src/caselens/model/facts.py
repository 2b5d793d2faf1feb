"""The facts that decide whether a review is in scope, each with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from caselens.model.evidence import Evidence
from caselens.model.serial import Serial, shown

OUTCOMES = ("death", "serious_harm", "other")
HARM_TYPES = ("non_accidental_injury", "neglect", "unsafe_sleeping", "other")
NATIONS = ("England", "Wales", "Scotland", "Northern Ireland", "other")
DOCUMENT_TYPES = ("case_review", "other")
# Readable forms of these vocabularies, for messages to a person; a value not here reads
# as itself with its underscores as spaces.
_VALUE_WORDS: dict[str, str] = {
    "non_accidental_injury": "non-accidental injury",
    "serious_harm": "serious harm",
    "unsafe_sleeping": "unsafe sleeping",
    "case_review": "a case review",
}


def readable(value: str) -> str:
    """``unsafe_sleeping`` as "unsafe sleeping", for a person."""
    return _VALUE_WORDS.get(value, value.replace("_", " "))


@dataclass(frozen=True, slots=True)
class Fact(Serial):
    """A value read from the text, or ``None`` when the text does not say.

    A fact is never guessed: an unknown stays unknown, and screening reports it
    as such rather than as a failure.
    """

    name: str = field(metadata=shown(hidden=True))  # its key in Facts says it
    value: Any
    evidence: tuple[Evidence, ...] = ()
    note: str | None = None

    @property
    def known(self) -> bool:
        return self.value is not None and self.value != () and self.value != []


def _unknown(name: str) -> Fact:
    return Fact(name, None)


@dataclass(frozen=True, slots=True)
class Facts(Serial):
    """The scope facts of one document.

    ``infant`` records that the text calls the child a baby, infant or newborn
    without giving an age: enough to know the child is under three, not enough
    to give a number of months.
    """

    age_months: Fact = field(default_factory=lambda: _unknown("age_months"))
    infant: Fact = field(default_factory=lambda: _unknown("infant"))
    outcome: Fact = field(default_factory=lambda: _unknown("outcome"))
    harm_types: Fact = field(default_factory=lambda: Fact("harm_types", ()))
    nation: Fact = field(default_factory=lambda: _unknown("nation"))
    published_year: Fact = field(default_factory=lambda: _unknown("published_year"))
    # "case_review" when the text tells of a child who died or was harmed; "other" for a
    # README, a policy or a leaflet, which says nothing of any one child
    document_type: Fact = field(default_factory=lambda: _unknown("document_type"))

    def get(self, name: str) -> Fact:
        fact = getattr(self, name, None)
        if not isinstance(fact, Fact):
            raise KeyError(f"no fact named {name!r}")
        return fact
