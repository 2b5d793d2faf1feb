"""The sections of a review and the role of each, read from its headings.

A reviewer reads "research shows that sharing a sofa with a baby ..." in a national
context section differently from the same words in the chronology: the first is what
babies in general face, the second what happened to this one. So before coding, each
sentence gets the role of the section it sits in (front matter, terms of reference,
methodology, national context, family background, chronology, analysis, good practice,
recommendations, glossary, references, appendices). The roles and the headings that
signal them are codebook data (``sections``; defaults in ``codebook/sections.yaml``).

Headings come from the reader where the format marks them (DOCX styles, HTML ``h1``..,
PDF font sizes) and otherwise from the shape of a line: short, no closing punctuation,
numbered ("4. Family background") or in capitals. A heading that matches no role is a
sub-heading and keeps the role of the section around it, unless it is numbered at the
top level, when it starts a section of its own. A paragraph numbered "6.8" belongs to
the section headed "6." even where that heading was not recognised in between. Text
before the first heading, and every sentence of a text with no headings, is
"unsectioned": it is judged sentence by sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from caselens.model import Document, SectionRole, Sentence

UNSECTIONED = SectionRole("unsectioned", "No section heading", coding="case", facts=True)
OTHER = SectionRole("other", "Other section", coding="case", facts=True)

_TERMINAL = re.compile(r"[.!?;:,\"'\u201d\u2019)\]]\s*$")
_TOP_NUMBER = re.compile(
    r"^\W*(?:(?:section|part|chapter)\s+)?(\d+|[ivx]+|one|two|three|four|five|six|seven|eight|nine|ten)\b\.?(?!\d)\s*[:.\-\u2013]?\s*\S",
    re.IGNORECASE,
)
_PARAGRAPH_NUMBER = re.compile(r"^\s*(\d+)\.\d+(?:\.\d+)*\b")
_MAX_HEADING_WORDS = 16


@dataclass(frozen=True, slots=True)
class Section:
    """A run of the document under one heading, with the role the heading gives it."""

    start: int
    end: int
    heading: str
    role: SectionRole


@dataclass(frozen=True)
class Structure:
    """Sections of a document and, for each sentence, its section's role."""

    sections: tuple[Section, ...]
    roles: tuple[SectionRole, ...]  # one per sentence, in sentence order
    headings: frozenset[int]  # indexes of sentences that are headings

    def role(self, index: int) -> SectionRole:
        return self.roles[index]


def looks_like_heading(text: str) -> bool:
    """A short single line without closing punctuation, starting with a capital or number."""
    stripped = text.strip()
    words = stripped.split()
    if not (0 < len(words) <= _MAX_HEADING_WORDS) or "\n" in stripped:
        return False
    if _TERMINAL.search(stripped) and not stripped.isupper():
        return False
    first = stripped[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    # A long line in sentence case without a number is more likely a sentence fragment.
    return len(words) <= 10 or stripped.isupper() or bool(_TOP_NUMBER.match(stripped))


def _match_role(
    heading: str, roles: Sequence[tuple[SectionRole, re.Pattern[str] | None]]
) -> SectionRole | None:
    for role, pattern in roles:
        if pattern is not None and pattern.search(heading):
            return role
    return None


class StructureReader:
    """Compiled section roles of one codebook; build once, read many documents."""

    def __init__(self, roles: Sequence[SectionRole]) -> None:
        self._roles = [
            (
                role,
                re.compile("|".join(f"(?:{h})" for h in role.headings), re.IGNORECASE)
                if role.headings
                else None,
            )
            for role in roles
        ]

    def read(self, doc: Document, sentences: Sequence[Sentence]) -> Structure:
        text = doc.text
        roles: list[SectionRole] = []
        headings: set[int] = set()
        sections: list[Section] = []
        by_number: dict[str, SectionRole] = {}  # "6" -> the role of the section headed "6."
        current = UNSECTIONED
        is_heading = False
        role = current
        last_block = -1
        # A briefing's heading on a line of its own labels the paragraph under it ("What
        # went well\nThe midwife referred promptly."): the paragraphs after that one go
        # back to the section around it, and one naming no role is no sub-heading.
        labelled: tuple[int, SectionRole] | None = None  # (its paragraph, the role around)
        for i, sentence in enumerate(sentences):
            if sentence.block != last_block:
                last_block = sentence.block
                block = doc.blocks[sentence.block]
                block_text = text[block.start : block.end]
                is_heading = block.kind == "heading" or (
                    block.kind in ("paragraph", "list_item", "heading_line")
                    and looks_like_heading(block_text)
                )
                if labelled is not None and not is_heading and sentence.block > labelled[0]:
                    current, labelled = labelled[1], None
                if is_heading:
                    heading = " ".join(block_text.split())
                    around = current
                    if block.kind == "heading_line":
                        around = labelled[1] if labelled is not None else current
                        labelled = (sentence.block + 1, around)
                        around = OTHER if around is UNSECTIONED else around
                    current = self._role_of_heading(heading, around, by_number)
                    if sections:
                        sections[-1] = replace(sections[-1], end=block.start)
                    sections.append(Section(block.start, len(text), heading, current))
                    role = current
                else:
                    numbered = _PARAGRAPH_NUMBER.match(block_text)
                    role = by_number.get(numbered.group(1), current) if numbered else current
            if is_heading:
                headings.add(i)
            roles.append(role)
        return Structure(tuple(sections), tuple(roles), frozenset(headings))

    def _role_of_heading(
        self, heading: str, current: SectionRole, by_number: dict[str, SectionRole]
    ) -> SectionRole:
        """The role a heading gives its section: its own if it names one; a numbered
        top-level heading that names none starts an unnamed section; any other keeps the
        role around it (a sub-heading)."""
        matched = _match_role(heading, self._roles)
        number = _TOP_NUMBER.match(heading)
        top = number.group(1) if number is not None and number.group(1).isdigit() else None
        role = matched or (OTHER if top is not None else current)
        if top is not None:
            by_number[top] = role
        return role
