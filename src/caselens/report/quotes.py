"""A quote as every briefing format shows it: the words, where they are, what they show.

Kept apart from :mod:`.context` so the cross-tabulations (:mod:`.crosstabs`)
and the source appendix (:mod:`.sources`) share one quote type without a
circular import.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from caselens.model import Codebook, Finding
from caselens.services import ReviewResult

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


def anchor_id(document_id: str, start: int) -> str:
    """The fragment id of a place in a review's source text: ``doc-<id>-<start>``."""
    return f"doc-{_UNSAFE_ID.sub('-', document_id)}-{start}"


def source_id(document_id: str) -> str:
    """The fragment id of a review's section in the source appendix."""
    return f"doc-{_UNSAFE_ID.sub('-', document_id)}"


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    review: str
    document_id: str
    page: int | None
    indicator: str
    indicator_label: str
    confidence: float
    start: int = 0
    end: int = 0

    @property
    def anchor(self) -> str:
        return anchor_id(self.document_id, self.start)


def indicator_label(codebook: Codebook, indicator_id: str) -> str:
    try:
        return codebook.indicator(indicator_id).label
    except KeyError:
        return indicator_id


def quote_of(
    result: ReviewResult,
    finding: Finding,
    codebook: Codebook,
    names: Mapping[str, str] | None = None,
) -> Quote:
    """``names``: what the briefing calls each review (see caselens.report.names)."""
    return Quote(
        text=finding.quote,
        review=(names or {}).get(result.document.id, result.document.name),
        document_id=result.document.id,
        page=finding.page,
        indicator=finding.indicator,
        indicator_label=indicator_label(codebook, finding.indicator),
        confidence=finding.confidence,
        start=finding.start,
        end=finding.end,
    )
