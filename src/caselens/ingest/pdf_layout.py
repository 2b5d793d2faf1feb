"""A PDF's page lines made into blocks.

PDF readers give lines, not paragraphs. Paragraphs are rebuilt from line shapes:
a short line ending a sentence closes a paragraph, a bullet opens a list item,
and a paragraph running over a page break is kept whole (with the page it
starts on). Running headers, footers and bare page numbers are dropped only at
the top or bottom of a page, where they can be recognised safely; a hyphen at a
line's end is kept or undone as the document itself spells the word elsewhere.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from caselens.ingest.assemble import RawBlock

_EDGE = 2  # lines at the top and bottom of a page that may be furniture
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-(\[]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[-*\u2022\u25aa\u25cf\u25e6\u2013\uf0b7\uf0a7]\s+")
_NUMBERED = re.compile(r"^(?:\d{1,3}[.)]|\(?[a-z][.)]|\(\d{1,3}\))\s+\S")
_CLAUSE = re.compile(r"^\d{1,2}[A-Z]?(?:\.\d{1,3})+\.?\s+\S")  # "4.2 The father ..."
# A dated entry opens a paragraph in a chronology: "11 May 2017: The ..."
_DATED = re.compile(r"^\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8} \d{4}\s*[:\-]\s")
_SECTION = re.compile(r"^\d{1,2}[A-Z]?\.?\s+[A-Z]")  # "4. The family"
_TERMINAL = re.compile(r"[.!?:;][\"')\]]*$")
_HYPHEN_END = re.compile(r"([^\W\d_]+)-$")
_LOWER_START = re.compile(r"^([^\W\d_A-Z]+)")
_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Left halves that usually form real hyphenated compounds ("non-accidental",
# "self-harm", "multi-agency"); consulted only when the document itself does
# not show which spelling it uses.
_COMPOUND_PREFIXES = frozenset(
    {"self", "non", "multi", "cross", "well", "step", "half", "ex", "semi", "mid", "pre", "post",
     "co", "inter", "intra", "under", "over", "long", "short", "full", "part", "low", "high",
     "follow", "after", "child", "family", "sub"}
)  # fmt: skip


def page_blocks(texts: list[str]) -> list[RawBlock]:
    """The blocks of a document given as one text per page, each with its page."""
    pages = _drop_furniture([_lines(text) for text in texts])
    return list(_paragraphs(pages, _Vocabulary.of(texts)))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def _edge_indices(lines: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line]
    return sorted(set(filled[:_EDGE] + filled[-_EDGE:]))


def _drop_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Remove running headers/footers and page numbers from page edges.

    A line is a running header when its shape (digits masked) sits at the edge
    of at least half of the pages (and three); when it contains a number, that
    number must also advance with the page, as page numbers do, so numbered
    headings that merely recur at page tops ("Part 2", later "Part 5") are kept.
    """
    furniture: set[str] = set()
    if len(pages) >= 3:
        seen: Counter[str] = Counter()
        # For each shape: (which number in the line, number minus page index) -> pages.
        offsets: dict[str, Counter[tuple[int, int]]] = {}
        for index, lines in enumerate(pages):
            edges = {_shape(lines[i]): lines[i] for i in _edge_indices(lines)}
            for shape, line in edges.items():
                seen[shape] += 1
                for k, number in enumerate(re.findall(r"\d+", line)):
                    offsets.setdefault(shape, Counter())[(k, int(number) - index)] += 1
        needed = max(3, math.ceil(len(pages) / 2))
        for shape, count in seen.items():
            tracking = offsets.get(shape)
            if count >= needed and (tracking is None or tracking.most_common(1)[0][1] >= needed):
                furniture.add(shape)
    cleaned = []
    for lines in pages:
        drop = {
            i
            for i in _edge_indices(lines)
            if _shape(lines[i]) in furniture or _PAGE_NUMBER.match(lines[i])
        }
        cleaned.append([line for i, line in enumerate(lines) if i not in drop])
    return cleaned


_SUFFIXES = ("ions", "ion", "ing", "ers", "er", "ed", "es", "ly", "s", "d")


def _forms(word: str) -> set[str]:
    """The word and its crude stems, so "coordinate" is seen in "coordinated"."""
    forms = {word}
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.add(word[: -len(suffix)])
    return forms


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """Words as the document spells them, to decide how to undo line-end hyphens."""

    plain: frozenset[str]
    hyphenated: frozenset[str]

    @classmethod
    def of(cls, texts: list[str]) -> _Vocabulary:
        plain: set[str] = set()
        hyphenated: set[str] = set()
        words = {word for text in texts for word in _WORDS.findall(text.lower())}
        for word in words:  # each distinct word once: a review repeats most of its words
            (hyphenated if "-" in word else plain).update(_forms(word))
        return cls(frozenset(plain), frozenset(hyphenated))

    def join(self, left: str, right: str) -> str:
        """Join ``left`` (ending in a hyphen at a line break) with the next line."""
        before = _HYPHEN_END.search(left)
        after = _LOWER_START.match(right)
        if before is None or after is None:
            return f"{left} {right}"
        head, tail = before.group(1).lower(), after.group(1)
        closed = bool(_forms(head + tail) & self.plain)
        hyphenated = bool(_forms(f"{head}-{tail}") & self.hyphenated)
        if hyphenated and not closed:
            keep = True
        elif closed:
            keep = False
        else:
            keep = head in _COMPOUND_PREFIXES
        return left + right if keep else left[:-1] + right


@dataclass(slots=True)
class _Paragraph:
    page: int
    kind: str = "paragraph"
    lines: list[str] = field(default_factory=list)


def _typical_length(pages: list[list[str]]) -> int:
    """The length of a full line of body text, measured over the whole document."""
    lengths = sorted(len(line) for lines in pages for line in lines if line)
    return lengths[math.ceil(0.8 * (len(lengths) - 1))] if lengths else 0


def _is_item(line: str) -> bool:
    return bool(_BULLET.match(line) or _NUMBERED.match(line))


def _opens_paragraph(line: str) -> bool:
    return bool(_CLAUSE.match(line) or _DATED.match(line))


def _kind(line: str, following: str, typical: int) -> str:
    """The kind of a block opened by ``line``."""
    if _SECTION.match(line) and _looks_like_heading(line, typical) and _CLAUSE.match(following):
        return "heading"  # "4. The family" over "4.1 The mother ..."
    return "list_item" if _is_item(line) else "paragraph"


def _ends_paragraph(line: str, following: str, typical: int) -> bool:
    if not following or _is_item(following) or _opens_paragraph(following):
        return True
    if _TERMINAL.search(line):
        return len(line) < 0.85 * typical or _looks_like_heading(following, typical)
    # A short unpunctuated line before a capitalised or numbered one is a heading.
    return _looks_like_heading(line, typical) and (
        following[:1].isupper() or following[:1].isdigit()
    )


def _looks_like_heading(line: str, typical: int) -> bool:
    opening = line.lstrip("0123456789. ")[:1]
    return len(line) < 0.6 * typical and opening.isupper() and not _TERMINAL.search(line)


def _continues(previous: str, following: str, typical: int) -> bool:
    """Whether a paragraph runs on over a page break.

    It does when the next page opens in lower case, or when the page ended on a
    full-width line with no closing punctuation (unless a heading follows).
    """
    if _TERMINAL.search(previous) or _is_item(following) or _opens_paragraph(following):
        return False
    if following[:1].islower():
        return True
    return len(previous) >= 0.85 * typical and not _looks_like_heading(following, typical)


def _paragraphs(pages: list[list[str]], vocabulary: _Vocabulary) -> Iterator[RawBlock]:
    current: _Paragraph | None = None
    typical = _typical_length(pages)
    for number, lines in enumerate(pages, start=1):
        for i, line in enumerate(lines):
            if not line:
                if current is not None:
                    yield _finish(current, vocabulary)
                    current = None
                continue
            following = next((x for x in lines[i + 1 :] if x), "")
            if current is None or _is_item(line) or _opens_paragraph(line):
                if current is not None:
                    yield _finish(current, vocabulary)
                current = _Paragraph(
                    number, _kind(line, following, typical), [_BULLET.sub("", line)]
                )
            else:
                current.lines.append(line)
            if following and _ends_paragraph(line, following, typical):
                yield _finish(current, vocabulary)
                current = None
        if current is not None:
            next_page = next((p for p in pages[number:] if any(p)), [])
            first = next((x for x in next_page if x), "")
            if not first or not _continues(current.lines[-1], first, typical):
                yield _finish(current, vocabulary)
                current = None
    if current is not None:
        yield _finish(current, vocabulary)


def _finish(paragraph: _Paragraph, vocabulary: _Vocabulary) -> RawBlock:
    text = paragraph.lines[0]
    for line in paragraph.lines[1:]:
        text = vocabulary.join(text, line) if text.endswith("-") else f"{text} {line}"
    kind = paragraph.kind
    if (
        kind == "paragraph"
        and len(paragraph.lines) == 1
        and len(text) <= 100
        and not _TERMINAL.search(text)
        and text[:1].isupper()
    ):
        kind = "heading"
    return RawBlock(text, kind, paragraph.page)
