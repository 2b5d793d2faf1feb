"""A review's text cut into runs, each with the findings that cover it, for highlighting
in place. Findings may overlap; every boundary of every finding starts a new run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from caselens.store import StoredFinding


@dataclass(frozen=True)
class Run:
    text: str
    start: int
    findings: tuple[int, ...] = ()  # ids of the findings covering this run
    indicators: tuple[str, ...] = ()


def runs(text: str, findings: Sequence[StoredFinding]) -> list[Run]:
    """Consecutive runs covering ``text`` exactly once."""
    cuts = {0, len(text)}
    for f in findings:
        if 0 <= f.start < f.end <= len(text):
            cuts.update((f.start, f.end))
    edges = sorted(cuts)
    out = []
    for a, b in pairwise(edges):
        here = [f for f in findings if f.start <= a and b <= f.end]
        out.append(
            Run(
                text[a:b],
                a,
                tuple(f.id for f in here),
                tuple(sorted({f.indicator for f in here})),
            )
        )
    return out
