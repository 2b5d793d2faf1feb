"""From positions in a project's plain text to offsets in caselens' normalised text.

A QDA tool counts characters in the plain text it stored, which may have
Windows line ends (``\\r\\n`` is two characters there), tabs, runs of spaces,
curly quotes or a byte-order mark. caselens keeps one normalised text per
document (:func:`caselens.model.normalise.normalise_text`). :func:`align`
walks both texts once and records, for every position of the raw text, how
many normalised characters come before it, so any selection maps in O(1) and a
text that is already normalised maps to itself.

Normalisation only deletes characters (``\\r``, extra spaces, soft hyphens,
control characters) or replaces one character or cluster by a short string
(NFKC, quotes, dashes), which is what the greedy walk assumes; where it cannot
follow (an exotic composition), it resynchronises a few characters later.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from caselens.model.normalise import normalise_inline, normalise_text

_RESYNC_WINDOW = 8


@dataclass(frozen=True)
class Aligned:
    """A raw text's normalised form and where each raw position lands in it."""

    raw: str
    text: str
    positions: tuple[int, ...]  # len(raw) + 1 entries, non-decreasing

    def offset(self, position: int) -> int:
        """The normalised offset of a raw position (0 <= position <= len(raw))."""
        if not 0 <= position <= len(self.raw):
            raise ValueError(f"position {position} is outside a text of {len(self.raw)} characters")
        return self.positions[position]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The normalised half-open span of raw ``[start, end)``, trimmed of edge whitespace."""
        first, last = self.offset(start), self.offset(end)
        while first < last and self.text[first].isspace():
            first += 1
        while last > first and self.text[last - 1].isspace():
            last -= 1
        return first, last


def _clusters(raw: str) -> list[tuple[int, str]]:
    """Base characters with the combining marks after them, which NFKC may compose."""
    clusters: list[tuple[int, str]] = []
    for index, char in enumerate(raw):
        if clusters and unicodedata.combining(char):
            start, text = clusters[-1]
            clusters[-1] = (start, text + char)
        else:
            clusters.append((index, char))
    return clusters


def align(raw: str) -> Aligned:
    """Normalise ``raw`` and map every raw position into the normalised text."""
    text = normalise_text(raw)
    positions = [0] * (len(raw) + 1)
    j = 0
    for start, cluster in _clusters(raw):
        form = normalise_inline(cluster)
        at = j
        if form and not form.isspace():
            found = text.find(form, j, j + _RESYNC_WINDOW + len(form))
            if found >= 0:
                at, j = found, found + len(form)
        elif form and text.startswith(form, j):
            j += len(form)
        for k in range(len(cluster)):
            positions[start + k] = at
    positions[len(raw)] = len(text)
    # A position inside deleted trailing text must not pass the end, and order must hold.
    for k in range(len(raw) - 1, -1, -1):
        positions[k] = min(positions[k], positions[k + 1])
    return Aligned(raw, text, tuple(positions))
