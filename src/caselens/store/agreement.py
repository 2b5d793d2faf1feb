"""Agreement over the review log: machine against reviewers, and reviewer against reviewer.

Pure arithmetic over :class:`DecisionRecord` entries (no SQL), kept beside the
log it reads. Only a reviewer's newest decision on a finding counts, because the
log is append-only and a change of mind is a new entry. The entries come matched to the
findings the latest runs make (``store.review.standing``), so a recode neither drops a
judgement nor counts one twice; those on findings no longer made are named, not counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from caselens.agreement import cohen_kappa
from caselens.model.serial import Serial, shown
from caselens.store.records import DecisionRecord


@dataclass(frozen=True)
class IndicatorAgreement(Serial):
    indicator: str
    accepted: int
    rejected: int
    corrected: int
    added: int

    __shown__ = (
        "indicator",
        "reviewed",
        "accepted",
        "rejected",
        "corrected",
        "added",
        ("precision", "precision", 4),
    )

    @property
    def reviewed(self) -> int:
        return self.accepted + self.rejected + self.corrected

    @property
    def precision(self) -> float | None:
        """Share of reviewed machine findings that reviewers accepted as they were."""
        return self.accepted / self.reviewed if self.reviewed else None


@dataclass(frozen=True)
class ReviewerPair(Serial):
    """Two reviewers over the findings both judged: raw agreement and Cohen's kappa."""

    first: str
    second: str
    shared: int
    agreed: int
    kappa: float | None

    __shown__ = (
        "reviewers",
        "shared",
        "agreed",
        ("percent_agreement", "percent_agreement", 1),
        ("kappa", "kappa", 4),
    )

    @property
    def reviewers(self) -> list[str]:
        return [self.first, self.second]

    @property
    def percent_agreement(self) -> float | None:
        return 100 * self.agreed / self.shared if self.shared else None


@dataclass(frozen=True)
class Agreement(Serial):
    indicators: tuple[IndicatorAgreement, ...]
    pairs: tuple[ReviewerPair, ...] = field(metadata=shown(key="reviewer_pairs"))
    decisions: int  # every entry of the log, counted or not
    stale: tuple[int, ...] = field(default=(), metadata=shown(key="stale_decisions"))

    __shown__ = ("decisions", "stale_decisions", "indicators", "reviewer_pairs")


def measure_agreement(
    log: Sequence[DecisionRecord], stale: Sequence[DecisionRecord] = ()
) -> Agreement:
    """Agreement over ``log``; ``stale`` (decisions on findings no latest run makes) are
    only named, by id, so a reader sees what the figures leave out."""
    newest: dict[tuple[int, str], DecisionRecord] = {}
    added: dict[str, int] = defaultdict(int)
    for decision in sorted(log, key=lambda d: d.id):
        if decision.finding_id is None:
            added[decision.indicator] += 1
        else:
            newest[(decision.finding_id, decision.reviewer)] = decision
    tallies: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_finding: dict[int, dict[str, bool]] = defaultdict(dict)
    for (finding_id, reviewer), decision in newest.items():
        tallies[decision.indicator][decision.action] += 1
        by_finding[finding_id][reviewer] = decision.action == "accept"
    indicators = tuple(
        IndicatorAgreement(
            indicator=name,
            accepted=tallies[name]["accept"],
            rejected=tallies[name]["reject"],
            corrected=tallies[name]["correct"],
            added=added[name],
        )
        for name in sorted(set(tallies) | set(added))
    )
    reviewers = sorted({reviewer for _, reviewer in newest})
    pairs = []
    for first, second in combinations(reviewers, 2):
        labels = [
            (votes[first], votes[second])
            for votes in by_finding.values()
            if first in votes and second in votes
        ]
        if labels:
            agreed = sum(a == b for a, b in labels)
            kappa = cohen_kappa([a for a, _ in labels], [b for _, b in labels])
            pairs.append(ReviewerPair(first, second, len(labels), agreed, kappa))
    return Agreement(indicators, tuple(pairs), len(log) + len(stale), tuple(d.id for d in stale))
