"""Screening: does a review fall within the codebook's population, and why.

Driven entirely by ``codebook.criteria``; nothing here knows what a criterion is
about. Each criterion tests one fact (``below`` exclusive, ``min``/``max``
inclusive, ``any_of`` any overlap) and explains itself in plain words with the
value and the sentence it came from, so a person can check and overrule it.

An unknown fact is reported as unknown, not as a failure. For population
criteria unknown still means "not shown to be in scope"; for the publication
window an unknown year does not exclude a review (most summaries do not say).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from caselens.errors import CaselensError
from caselens.model import Codebook, Criterion, CriterionResult, Fact, Facts, Screening
from caselens.model.facts import readable
from caselens.model.screening import Status
from caselens.model.serial import Serial

# How a fact reads in a sentence. Facts are the model's fixed fields, not codebook data.
_FACT_WORDS: dict[str, tuple[str, str]] = {
    "age_months": ("Child aged", " months"),
    "outcome": ("Outcome", ""),
    "harm_types": ("Harm type", ""),
    "nation": ("Nation", ""),
    "published_year": ("Published", ""),
    "infant": ("Called a baby", ""),
    "document_type": ("Document", ""),
}
_QUOTE_CHARS = 90


def _words(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_words(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return readable(str(value))  # the model's vocabulary (caselens.model.facts), not a codebook's


def _number(value: float) -> str:
    return _words(float(value))


def _describe(fact: Fact) -> str:
    lead, unit = _FACT_WORDS.get(fact.name, (fact.name.replace("_", " ").capitalize(), ""))
    return f"{lead} {_words(fact.value)}{unit}"


def _quote(fact: Fact) -> str:
    if not fact.evidence:
        return ""
    text = " ".join(fact.evidence[0].quote.split())
    if len(text) > _QUOTE_CHARS:
        text = text[: _QUOTE_CHARS - 1].rstrip() + "…"
    return f' — "{text}"'


def _fact(facts: Facts, name: str, criterion: Criterion) -> Fact:
    value: Any = getattr(facts, name, None)
    if not isinstance(value, Fact):
        known = ", ".join(Facts.__dataclass_fields__)
        raise CaselensError(
            f"codebook criterion '{criterion.id}' tests fact '{name}', which caselens does not "
            f"extract; use one of: {known}"
        )
    return value


def _numeric(criterion: Criterion, value: float) -> tuple[bool, str]:
    ok = True
    parts: list[str] = []
    if criterion.below is not None:
        ok = ok and value < criterion.below
        parts.append(f"under {_number(criterion.below)}")
    if criterion.min is not None and criterion.max is not None:
        ok = ok and criterion.min <= value <= criterion.max
        parts.append(f"within {_number(criterion.min)} to {_number(criterion.max)}")
    elif criterion.min is not None:
        ok = ok and value >= criterion.min
        parts.append(f"at least {_number(criterion.min)}")
    elif criterion.max is not None:
        ok = ok and value <= criterion.max
        parts.append(f"at most {_number(criterion.max)}")
    words = " and ".join(parts)
    return ok, f"({words})" if ok else f"(not {words})"


def _evaluate(criterion: Criterion, fact: Fact) -> tuple[bool, str]:
    value = fact.value
    ok = True
    words: list[str] = []
    if criterion.any_of:
        values = list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]
        hit = any(str(v) in criterion.any_of for v in values)
        ok = hit
        accepted = ", ".join(_words(v) for v in criterion.any_of)
        words.append(f"is one of {accepted}" if hit else f"is not one of {accepted}")
    if criterion.below is not None or criterion.min is not None or criterion.max is not None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False, f"is not a number ({_words(value)})"
        num_ok, num_words = _numeric(criterion, float(value))
        ok = ok and num_ok
        words.append(num_words)
    return ok, " ".join(words)


def check(criterion: Criterion, facts: Facts, any_year: bool = False) -> CriterionResult:
    """One criterion against the facts, with its reason."""
    fact = _fact(facts, criterion.fact, criterion)
    status: Status
    off = " (window switched off)" if criterion.window and any_year else ""
    if not fact.known:
        helper = (
            _fact(facts, criterion.unknown_met_by, criterion) if criterion.unknown_met_by else None
        )
        if helper is not None and helper.value is True:
            lead = _FACT_WORDS.get(fact.name, (fact.name, ""))[0]
            reason = (
                f"{lead}: not stated, but the text calls the child a baby or infant, "
                f"which satisfies '{criterion.label}'{_quote(helper)}"
            )
            return CriterionResult(
                criterion.id, criterion.label, "met", reason, helper.evidence, criterion.window
            )
        name = fact.name.replace("_", " ")
        if criterion.window:
            reason = f"{name.capitalize()} unknown: the text does not say; not excluded{off}"
        else:
            reason = (
                f"{name.capitalize()} unknown: the text does not say, "
                f"so '{criterion.label}' is not shown"
            )
        return CriterionResult(
            criterion.id, criterion.label, "unknown", reason, (), criterion.window
        )
    ok, words = _evaluate(criterion, fact)
    status = "met" if ok else "not_met"
    reason = f"{_describe(fact)} {words}{off}{_quote(fact)}"
    if status == "not_met" and fact.note and not fact.evidence:
        reason = fact.note[0].upper() + fact.note[1:]  # e.g. "the text tells of no child ..."
    return CriterionResult(
        criterion.id, criterion.label, status, reason, fact.evidence, criterion.window
    )


def screen(doc_id: str, facts: Facts, codebook: Codebook, any_year: bool = False) -> Screening:
    """Screen one document against every criterion of the codebook.

    ``in_scope``: every population criterion met. ``included``: in scope and,
    unless ``any_year``, no window criterion failed (an unknown year does not exclude).
    """
    results = tuple(check(c, facts, any_year) for c in codebook.criteria)
    in_scope = all(r.status == "met" for r in results if not r.window)
    window_ok = any_year or all(r.status != "not_met" for r in results if r.window)
    return Screening(doc_id, in_scope, in_scope and window_ok, results)


@dataclass(frozen=True, slots=True)
class Exclusion(Serial):
    """How many screened documents one criterion excluded, by why: failed or unknown."""

    criterion: str
    label: str
    not_met: int
    unknown: int

    __shown__ = ("criterion", "label", "not_met", "unknown", "total")

    @property
    def total(self) -> int:
        return self.not_met + self.unknown


def exclusions(
    screenings: Iterable[Screening], criteria: Iterable[tuple[str, str]] = ()
) -> tuple[Exclusion, ...]:
    """Each excluded document counted once, under the criterion that excluded it.

    Every criterion gets a row, zero or not: first those of ``criteria``
    (``(id, label)`` in codebook order), then any others the screenings name, so
    flows of different runs line up.
    """
    labels = dict(criteria)
    counts: dict[str, list[int]] = {cid: [0, 0] for cid in labels}
    for s in screenings:
        for r in s.results:
            labels.setdefault(r.criterion, r.label)
            counts.setdefault(r.criterion, [0, 0])
        if s.included:
            continue
        reason = s.exclusion_reason or "other"
        status = next((r.status for r in s.results if r.criterion == reason), "not_met")
        labels.setdefault(reason, "Other reason")
        counts.setdefault(reason, [0, 0])[status == "unknown"] += 1
    return tuple(Exclusion(cid, labels[cid], *counts[cid]) for cid in counts)


def screening_flow(screenings: Iterable[Screening]) -> list[tuple[str, int]]:
    """PRISMA-style counts: read, excluded by each criterion (its first failure), included."""
    items: Sequence[Screening] = list(screenings)
    flow = [("read", len(items))]
    flow += [(f"excluded: {e.label}", e.total) for e in exclusions(items)]
    flow.append(("included", sum(1 for s in items if s.included)))
    return flow
