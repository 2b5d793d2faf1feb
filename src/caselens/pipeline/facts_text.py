"""Small helpers shared by the fact extractors: where a match sits and how to quote it.

Fact extractors work sentence by sentence, so a quote is always a whole sentence
a reader can check, and its offsets point into ``Document.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from caselens.model import Document, Evidence, Sentence

NUMBER_WORDS: dict[str, float] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}
TENS: dict[str, float] = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# A number as digits or as words ("twenty-two"); "a"/"an" only count where a unit follows.
# The look-behind keeps "twenty-two" from being read as "two".
NUMBER = (
    r"(?<![\w-])(?:\d{1,3}(?:\.\d+)?|(?:"
    + "|".join(TENS)
    + rf")(?:[\s-](?:{_UNITS})\b)?|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")"
)

MONTHS: dict[str, int] = {
    name: i + 1
    for i, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        )
    )
}
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"


def number_value(token: str) -> float:
    """The value of a number token matched by :data:`NUMBER`."""
    token = token.lower()
    parts = re.split(r"[\s-]", token)
    if parts[0] in TENS:
        return TENS[parts[0]] + (NUMBER_WORDS[parts[1]] if len(parts) > 1 else 0)
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    return float(token)


@dataclass(frozen=True, slots=True)
class Piece:
    """A sentence (or a whole block when no sentences were given) to search in."""

    start: int
    end: int
    text: str


def pieces(doc: Document, sentences: tuple[Sentence, ...] | list[Sentence]) -> list[Piece]:
    """The units facts are read from; falls back to blocks, then the whole text."""
    if sentences:
        return [Piece(s.start, s.end, doc.text[s.start : s.end]) for s in sentences]
    if doc.blocks:
        return [Piece(b.start, b.end, doc.text[b.start : b.end]) for b in doc.blocks]
    return [Piece(0, len(doc.text), doc.text)]


def evidence(doc: Document, piece: Piece) -> Evidence:
    """The whole sentence as evidence: a reader sees the fact in its context."""
    return Evidence(
        doc.text[piece.start : piece.end], piece.start, piece.end, doc.page_at(piece.start)
    )


def phrase_evidence(doc: Document, piece: Piece, match: re.Match[str]) -> Evidence:
    start, end = piece.start + match.start(), piece.start + match.end()
    return Evidence(doc.text[start:end], start, end, doc.page_at(start))


def find_all(pattern: re.Pattern[str], items: list[Piece]) -> Iterator[tuple[Piece, re.Match[str]]]:
    for piece in items:
        for m in pattern.finditer(piece.text):
            yield piece, m


NEGATION_BEFORE = re.compile(
    r"\b(?:no|not|nor|never|without|denied|den(?:y|ies)|ruled\s+out|absence\s+of|free\s+of)\b"
    r"(?:\s+\S+){0,5}\s*$",
    re.IGNORECASE,
)
SHOULD_HAVE = re.compile(r"\b(?:should|must|would|could)\s+(?:not|never)\s+have\b[^.]*$", re.I)
NEGATION_AFTER = re.compile(
    r"^\W*(?:\S+\s+){0,3}?(?:was|were|had\s+been|has\s+been)\s+(?:ruled\s+out|excluded)",
    re.IGNORECASE,
)


def negated(piece: Piece, match: re.Match[str]) -> bool:
    """Whether the text denies the matched phrase ("no signs of neglect", "was ruled out").

    "should never have left him alone" states what happened and is not a denial.
    """
    before = piece.text[max(0, match.start() - 60) : match.start()]
    clause = re.split(r"[;:,]|\bbut\b|\bwhile\b|\bwhich\b", before)[-1]
    if NEGATION_BEFORE.search(clause) and not SHOULD_HAVE.search(clause):
        return True
    after = piece.text[match.end() : match.end() + 40]
    return bool(NEGATION_AFTER.search(after))
