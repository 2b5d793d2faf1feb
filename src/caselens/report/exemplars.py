"""Which coded passages a briefing quotes as a theme's exemplars, and in what order.

A theme in a corpus has tens of thousands of findings and the briefing shows three; the
choice is kept apart from the rest of the briefing's context so its rules (whole
sentences first, readable length, the most certain, one per review, the breadth of a
theme) are read and tested in one place.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from caselens.model import Codebook, Finding
from caselens.report.quotes import Quote, quote_of
from caselens.services import ReviewResult

MAX_QUOTES = 3
LONG_QUOTE = 400  # characters; longer or shorter quotes are used only when nothing else fits
SHORT_QUOTE = 30


def spread(finding: Finding) -> str:
    """A stable, arbitrary order for equal candidates, different in each theme.

    Ordering ties by review name would quote the same alphabetically-first
    reviews under every theme.
    """
    return hashlib.sha256(f"{finding.theme}:{finding.document}".encode()).hexdigest()


_SENTENCE_START = re.compile(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?[A-Z\"'\u2018\u201c(]")
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)]?\s*$")


def whole_sentence(text: str) -> bool:
    """A quote a reader can take on its own: it starts as a sentence and ends as one, not
    a list item cut at a semicolon ("what was known about ...;")."""
    return bool(_SENTENCE_START.match(text) and _SENTENCE_END.search(text))


Candidate = tuple[tuple[bool, bool, float], tuple[str, int], ReviewResult, Finding]


def as_candidate(result: ReviewResult, finding: Finding) -> Candidate:
    """A finding as an exemplar quote candidate: what does not change between picks is
    judged once (a corpus's theme has tens of thousands of findings)."""
    return (
        (
            not whole_sentence(finding.quote),
            not SHORT_QUOTE <= len(finding.quote) <= LONG_QUOTE,
            -round(finding.confidence, 2),
        ),
        (spread(finding), finding.start),
        result,
        finding,
    )


def best_quotes(
    candidates: list[Candidate],
    codebook: Codebook,
    names: Mapping[str, str] | None = None,
) -> tuple[Quote, ...]:
    """Up to three quotes, each from a different review, the most certain first.

    Whole sentences come before fragments and list items. Among equally certain
    candidates a quote of readable length is preferred,
    then one showing an indicator not yet quoted, so the exemplars show the
    breadth of a theme rather than one indicator three times.
    """
    quotes: list[Quote] = []
    used_reviews: set[str] = set()
    used_indicators: set[str] = set()
    while candidates and len(quotes) < MAX_QUOTES:
        _, _, result, finding = min(
            candidates, key=lambda c: (c[0], c[3].indicator in used_indicators, c[1])
        )
        used_reviews.add(result.document.id)
        used_indicators.add(finding.indicator)
        candidates = [c for c in candidates if c[2].document.id not in used_reviews]
        quotes.append(quote_of(result, finding, codebook, names))
    return tuple(quotes)
