"""Findings a review's kind of harm rules out, set aside with the reason.

A sofa, a party or a night's drinking is learning about a baby's sleep where a baby died
or was harmed asleep. In a review of a shaking or of neglect the same words tell of
something else: a toddler "jumped from a sofa onto a highchair", a baby was "murdered on
Christmas Day", a sibling was "given emergency accommodation", a father "had been
drinking ... and slept through the attack". The codebook says which indicators are tied
so (``review_harms``); the facts say the review's harm, read before coding. Where the
facts name no harm the finding stands: an unknown harm rules nothing out. A live case
has no review harm, so its notes are never judged this way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from caselens.model import Codebook
from caselens.model.facts import readable
from caselens.pipeline.coding import Coding


def _harm(value: str) -> str:
    return "another harm" if value == "other" else readable(value)


def outside_harm(codebook: Codebook, harm_types: Sequence[str] | None) -> dict[str, str]:
    """The indicators this review's harm rules out, each with the reason for a person."""
    if not harm_types:
        return {}
    told = " and ".join(_harm(h) for h in harm_types)
    out: dict[str, str] = {}
    for indicator in codebook.indicators:
        if indicator.review_harms and not set(indicator.review_harms) & set(harm_types):
            wanted = " or ".join(_harm(h) for h in indicator.review_harms)
            out[indicator.id] = (
                f"a review of {told}: {indicator.label.lower()} is learning only in a "
                f"review of {wanted}"
            )
    return out


def within_harm(codebook: Codebook, coding: Coding, harm_types: Sequence[str] | None) -> Coding:
    """``coding`` with the findings the review's harm rules out set aside."""
    ruled_out = outside_harm(codebook, harm_types)
    if not ruled_out or not any(f.indicator in ruled_out for f in coding.findings):
        return coding
    findings = tuple(f for f in coding.findings if f.indicator not in ruled_out)
    considered = tuple(
        replace(c, kept=False, reason=ruled_out[c.indicator])
        if c.kept and c.indicator in ruled_out
        else c
        for c in coding.considered
    )
    return Coding(findings, considered)
