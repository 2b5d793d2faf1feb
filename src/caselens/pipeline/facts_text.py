"""Small helpers shared by the fact extractors: where a match sits and how to quote it.

Fact extractors work sentence by sentence, so a quote is always a whole sentence
a reader can check, and its offsets point into ``Document.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from caselens.model import Document, Evidence, Sentence
from caselens.pipeline.negation import CHILD_STATE, NO_PART, denied_proposition

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


# Parts of a long review. Facts about the case are stated on the title page and in the
# introduction, terms of reference and outline of circumstances; the chronology and
# analysis also give the ages, deaths and troubles of other people; recommendations,
# learning and glossaries speak of risks in general, not of what happened to the child.
TITLE, FRONT, BODY, ADVICE = "title", "front", "body", "advice"
ZONE_ORDER = {TITLE: 0, FRONT: 1, BODY: 2, ADVICE: 3}


# Characters that ``re.IGNORECASE`` takes for an ASCII letter but ``str.lower`` does not
# turn into it ("İ" lowers to two characters).
_FOLD_FIXES = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))


def fold(text: str) -> str:
    """``text`` lower-cased so that a case-sensitive search of lower-case ASCII words in it
    finds every place a case-insensitive pattern could match those words in ``text``.

    A lower-case scan is many times quicker than an ``IGNORECASE`` one, which is what
    makes the keyword prefilters (see :func:`find_all`) worth having.
    """
    if not text.isascii():
        for char, ascii_letter in _FOLD_FIXES:
            text = text.replace(char, ascii_letter)
    return text.lower()


@dataclass(frozen=True, slots=True)
class Piece:
    """A sentence (or a whole block when no sentences were given) to search in.

    ``zone`` is the part of the review the piece sits in (see :func:`zones`);
    ``folded`` is the text as :func:`fold` gives it, made once for every prefilter.
    """

    start: int
    end: int
    text: str
    zone: str = BODY
    folded: str = field(default="", compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.folded and self.text:
            object.__setattr__(self, "folded", fold(self.text))


_NUMBERING = r"^\s*(?:(?:section|part|chapter)\s+)?(?:\d+[a-z]?(?:\.\d+)*\.?|[ivx]+\.|[a-z]\))?\s*"
_FRONT_HEADING = re.compile(
    _NUMBERING
    + r"(?:introduction|(?:executive\s+)?summary(?!\s+of\s+(?:agency|professional|events))|"
    r"overview\s+of\s+the\s+case|"
    r"(?:brief\s+)?outline\s+of\s+(?:the\s+)?circumstances|circumstances|the\s+incident|"
    r"what\s+happened|why\s+(?:this|the)\s+review|reasons?\s+for\s+(?:the|this)\s+review|"
    r"purpose|terms\s+of\s+reference|scope)\b",
    re.IGNORECASE,
)
_BODY_HEADING = re.compile(
    _NUMBERING + r"(?:background|the\s+family|chronology|timeline|key\s+(?:events|practice)|"
    r"summary\s+of\s+(?:agency|professional)|analysis|conclusions?|family\b|"
    r"agency\s+involvement|professional\s+involvement|narrative|history)\b",
    re.IGNORECASE,
)
_ADVICE_HEADING = re.compile(
    _NUMBERING + r"(?:recommendations?|(?:key\s+)?learning|lessons|(?:key\s+)?findings|"
    r"practice\s+and\s+organisational\s+learning|improving\s+systems|good\s+practice|"
    r"glossary|appendi(?:x|ces)|references|bibliography|publication|methodology|method|"
    r"review\s+process|process|statement\s+by|acknowledg\w*|contents)\b",
    re.IGNORECASE,
)
_TOP_NUMBERED = re.compile(r"^\s*\d+[A-Za-z]?\.?\s+\D")
_LABEL_WITH_YEAR = re.compile(r":[^:]*\b(?:19|20)\d\d\b")
_HEADING_MAX = 90
_HEADING_WORDS = 10


def _heading_zone(text: str, kind: str) -> str | None:
    """The zone a heading opens, or None when the block is no section heading.

    A plain-text review has no marked headings, so a short line without closing
    punctuation that starts with a section name counts as one.
    """
    text = text.strip()
    if not text or len(text) > _HEADING_MAX or len(text.split()) > _HEADING_WORDS:
        return None
    is_heading = kind == "heading"
    if not is_heading and (kind != "paragraph" or text[-1] in ".;:?!,\"'"):
        return None
    if _LABEL_WITH_YEAR.search(text):  # "Publication date: 2 November 2021" is a label
        return None
    for pattern, zone in (
        (_FRONT_HEADING, FRONT),
        (_BODY_HEADING, BODY),
        (_ADVICE_HEADING, ADVICE),
    ):
        if pattern.match(text):
            return zone
    # An unknown numbered section ("4. Involvement of the family") is part of the account.
    return BODY if is_heading and _TOP_NUMBERED.match(text) else None


def zones(doc: Document) -> list[str]:
    """The zone of every block, in one pass over the blocks.

    Blocks before the first recognised section heading are the title page; a
    heading that names no known section (a sub-heading) keeps the zone it sits in.
    A document without recognised sections (a short summary) is all ``body``.
    """
    out: list[str] = []
    current: str | None = None
    for block in doc.blocks:
        opened = _heading_zone(doc.text[block.start : block.end], block.kind)
        if opened is not None:
            current = opened
        out.append(current or TITLE)
    if current is None:
        return [BODY] * len(out)
    return out


def structured(items: list[Piece]) -> bool:
    """Whether the document has a recognised title page or introduction."""
    return any(p.zone in (TITLE, FRONT) for p in items)


def by_weight(items: list[Piece]) -> list[Piece]:
    """Pieces with the title page and introduction first, advice last (stable sort)."""
    return sorted(items, key=lambda p: ZONE_ORDER[p.zone])


def pieces(doc: Document, sentences: tuple[Sentence, ...] | list[Sentence]) -> list[Piece]:
    """The units facts are read from; falls back to blocks, then the whole text."""
    block_zones = zones(doc)

    def zone_of(index: int) -> str:
        return block_zones[index] if 0 <= index < len(block_zones) else BODY

    if sentences:
        return [
            Piece(s.start, s.end, doc.text[s.start : s.end], zone_of(s.block)) for s in sentences
        ]
    if doc.blocks:
        return [
            Piece(b.start, b.end, doc.text[b.start : b.end], zone_of(i))
            for i, b in enumerate(doc.blocks)
        ]
    return [Piece(0, len(doc.text), doc.text)]


def evidence(doc: Document, piece: Piece) -> Evidence:
    """The whole sentence as evidence: a reader sees the fact in its context."""
    return Evidence(
        doc.text[piece.start : piece.end], piece.start, piece.end, doc.page_at(piece.start)
    )


def phrase_evidence(doc: Document, piece: Piece, match: re.Match[str]) -> Evidence:
    start, end = piece.start + match.start(), piece.start + match.end()
    return Evidence(doc.text[start:end], start, end, doc.page_at(start))


def find_all(
    pattern: re.Pattern[str], items: Iterable[Piece], need: re.Pattern[str] | None = None
) -> Iterator[tuple[Piece, re.Match[str]]]:
    """Every match of ``pattern``, piece by piece, lazily so a caller can stop at the first.

    ``need`` is a quick case-sensitive pattern of lower-case words, at least one of which
    is in every match of ``pattern`` (it is searched in :attr:`Piece.folded`): a piece
    without one cannot match, so the slow pattern is never run on it. The results are
    the same as without ``need``; only the time differs.
    """
    for piece in items:
        if need is not None and not need.search(piece.folded):
            continue
        for m in pattern.finditer(piece.text):
            yield piece, m


NEGATION_BEFORE = re.compile(
    # not a state of the child: "found not breathing", "was not responding"
    r"\b(?:no|(?!" + CHILD_STATE + r")not|nor|never|nothing|"
    r"without|denied|den(?:y|ies)|ruled\s+out|absence\s+of|free\s+of|rather\s+than)\b"
    r"(?:\s+\S+){0,5}\s*$",
    re.IGNORECASE,
)
SHOULD_HAVE = re.compile(r"\b(?:should|must|would|could)\s+(?:not|never)\s+have\b[^.]*$", re.I)
NEGATION_AFTER = re.compile(
    r"^\W*(?:\S+\s+){0,3}?(?:(?:was|were|had\s+been|has\s+been)\s+(?:ruled\s+out|excluded)"
    # "unsafe sleeping had no part in what happened", as coding's negation reads it
    r"|" + NO_PART + r"|(?:was|were)\s+not\s+a\s+factor)",
    re.IGNORECASE,
)


_CLAUSE_BREAK = re.compile(r"[;:,]|\bbut\b|\bwhile\b|\bwhich\b")
# The words between a list's last comma and the matched item ("neglect or an "), and a
# short item inside a list ("abuse"); a verb ends the list ("and the baby was").
_LIST_TAIL = re.compile(
    r"^\s*(?:(?:(?!(?:was|were|is|are|had|has|did)\b)[\w'-]+\s+){0,3}(?:or|and|nor)\s+"
    r"(?:(?:a|an|the|any)\s+)?)?$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(
    r"^\s*(?:(?:or|and|nor)\s+)?(?:(?!(?:was|were|is|are|had|has|did)\b)[\w'-]+\s*){1,4}$",
    re.IGNORECASE,
)
_LIST_STEPS = 4


def negated(piece: Piece, match: re.Match[str]) -> bool:
    """Whether the text denies the matched phrase ("no signs of neglect", "was ruled out").

    A denial reaches along a list: in "not the result of abuse, neglect or an
    unsafe sleeping environment" every item is denied. "should never have left him
    alone" states what happened and is not a denial.
    """
    before = piece.text[max(0, match.start() - 120) : match.start()]
    parts = _CLAUSE_BREAK.split(before)
    clause = parts[-1]
    if NEGATION_BEFORE.search(clause) and not SHOULD_HAVE.search(clause):
        return True
    # Walk back over short list items joined by commas to the clause that opens the list.
    for step in range(2, min(len(parts), _LIST_STEPS + 1) + 1):
        item = _LIST_TAIL if step == 2 else _LIST_ITEM
        if not item.match(parts[-step + 1]):
            break
        opener = parts[-step]
        if NEGATION_BEFORE.search(opener) and not SHOULD_HAVE.search(opener):
            return True
    # a denial that governs a whole clause, as coding reads it: "found no evidence that
    # her physical care had been neglected"
    if denied_proposition(piece.text, match.start()):
        return True
    after = piece.text[match.end() : match.end() + 40]
    return bool(NEGATION_AFTER.search(after))
