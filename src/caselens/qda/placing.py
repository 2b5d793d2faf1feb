"""Do a project's positions fall on the text its selections quote?

A QDA tool stores a source's text and counts each selection's start and end in it, and
many also write the selected words into the selection's ``name``. Tools disagree on line
ends: a text stored with Windows line ends (``\\r\\n``) may have had its positions counted
as if each line end were one character, which shifts every selection after the first
line. Where selections quote their text, the convention is decided by which reading
makes the quotes match, the positions are converted if need be, and a selection whose
quote matches under neither is named and left out: never shifted silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from caselens.qda.model import QdaCoding

_SPACE = re.compile(r"\s+")
MIN_QUOTE = 8  # shorter names are labels more often than quotes


def _same(quoted: str, found: str) -> bool:
    """The selection's quote and the text at its place say the same. Tools write a
    preview: the first characters of the selection, often cut short (with or without an
    ellipsis), so the place's text must begin with it."""
    want = _SPACE.sub(" ", quoted).strip().rstrip(".\u2026").rstrip()
    have = _SPACE.sub(" ", found).strip()
    return (len(want) >= MIN_QUOTE and have.startswith(want)) or want == have


def _single_ends(raw: str) -> list[int]:
    """Raw positions of each position counted with one-character line ends."""
    positions = []
    for index, char in enumerate(raw):
        if char == "\r" and raw.startswith("\r\n", index):
            continue
        positions.append(index)
    positions.append(len(raw))
    return positions


def _span(mapped: list[int], coding: QdaCoding) -> tuple[int, int]:
    """A selection's raw span: its end just after its last character, not at the line
    end's "\\r" that the one-character count never saw."""
    start = mapped[coding.start]
    end = mapped[coding.end - 1] + 1 if coding.end > coding.start else start
    return start, end


@dataclass(frozen=True)
class Placed:
    codings: tuple[QdaCoding, ...]  # positions into the stored text, as stored
    notes: tuple[str, ...] = ()


def place(raw: str, codings: Sequence[QdaCoding], source: str) -> Placed:
    """The codings with positions into ``raw`` as stored, checked against their quotes."""
    quoted = [c for c in codings if c.quoted and len(c.quoted.strip()) >= MIN_QUOTE]
    if not quoted:
        return Placed(tuple(codings))
    stored = sum(_same(c.quoted or "", raw[c.start : c.end]) for c in quoted)
    mapped: list[int] | None = None
    single = 0
    if "\r\n" in raw:
        mapped = _single_ends(raw)
        single = sum(
            c.end < len(mapped)
            and _same(c.quoted or "", raw[_span(mapped, c)[0] : _span(mapped, c)[1]])
            for c in quoted
        )
    notes: list[str] = []
    if mapped is not None and single > stored:
        notes.append(
            f"source {source!r}: positions were counted with one-character line ends though "
            "the text is stored with Windows line ends; converted"
        )
        codings = [
            replace(c, start=_span(mapped, c)[0], end=_span(mapped, c)[1])
            if c.end < len(mapped)
            else c
            for c in codings
        ]
    kept = []
    for coding in codings:
        checkable = bool(coding.quoted) and len((coding.quoted or "").strip()) >= MIN_QUOTE
        if checkable and not _same(coding.quoted or "", raw[coding.start : coding.end]):
            notes.append(
                f"source {source!r}: the text at [{coding.start}, {coding.end}) is not "
                f"the selection's own quote ({(coding.quoted or '')[:60]!r}); that coding "
                "was left out"
            )
            continue
        kept.append(coding)
    return Placed(tuple(kept), tuple(notes))
