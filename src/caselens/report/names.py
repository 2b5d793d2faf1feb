"""What a briefing calls a review: its own title, as a reader would cite it, else its file
name. Two reviews with the same title are told apart by their file names."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Protocol

_SMALL = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "into", "of", "on", "or",
                    "the", "to", "under", "with"})  # fmt: skip


class _Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def title(self) -> str | None: ...


def tidy_title(title: str) -> str:
    """A title set in capitals reads as a title: 'SERIOUS CASE REVIEW: CHILD H' becomes
    'Serious Case Review: Child H'."""
    title = " ".join(title.split())
    if not title.isupper():
        return title
    words = title.lower().split(" ")
    return " ".join(
        w if (i and w in _SMALL) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def own_title(document: _Named) -> str | None:
    title = tidy_title(document.title or "")
    return title if 8 <= len(title) <= 140 else None


def review_names(documents: Iterable[_Named]) -> dict[str, str]:
    """Document id to the name shown for it, the same in every table, quote and format."""
    documents = list(documents)
    titles = {d.id: own_title(d) for d in documents}
    shared = Counter(t for t in titles.values() if t)
    names = {}
    for d in documents:
        title = titles[d.id]
        if title is None:
            names[d.id] = d.name
        elif shared[title] > 1:
            names[d.id] = f"{title} ({d.name})"
        else:
            names[d.id] = title
    return names
