"""A document owns its normalised text; everything else points into it by offsets.

Offsets are half-open Python string indices into ``Document.text``. The text is
normalised once by the reader and never changed afterwards, so an offset taken at
any later step (a sentence, a finding, a human decision) stays valid for as long
as the document exists.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Block:
    """A structural unit of the source: a heading, paragraph, list item or table cell.

    Blocks keep the page they came from, because a reviewer checking a quote
    needs to find it in the original file, not only in our text.
    """

    start: int
    end: int
    page: int | None = None
    kind: str = "paragraph"  # heading | heading_line | paragraph | list_item | table


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence inside one block; sentences never cross block boundaries."""

    start: int
    end: int
    block: int
    page: int | None = None


def content_id(data: bytes) -> str:
    """A short stable identifier derived from content, so re-reading a file gives the same id."""
    return id_of_sha256(hashlib.sha256(data).hexdigest())


def id_of_sha256(hexdigest: str) -> str:
    """The content id for bytes whose SHA-256 is already known (one hash, not two)."""
    return hexdigest[:16]


@dataclass(frozen=True)
class Document:
    """A case review (or a case's notes) as normalised text with its structure.

    ``id`` derives from the source bytes so the same file always gets the same id;
    ``name`` is what people see (the file name or the record id).
    """

    id: str
    name: str
    text: str
    blocks: tuple[Block, ...]
    format: str = "text"
    source: str | None = None
    sha256: str | None = None
    title: str | None = None
    page_count: int | None = None
    _page_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _page_numbers: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        starts: list[int] = []
        numbers: list[int] = []
        for block in self.blocks:
            if not (0 <= block.start <= block.end <= len(self.text)):
                raise ValueError(
                    f"block [{block.start}, {block.end}) lies outside the text of {self.name}"
                )
            if block.page is not None and (not numbers or numbers[-1] != block.page):
                starts.append(block.start)
                numbers.append(block.page)
        object.__setattr__(self, "_page_starts", tuple(starts))
        object.__setattr__(self, "_page_numbers", tuple(numbers))

    @classmethod
    def from_text(
        cls,
        text: str,
        name: str,
        *,
        doc_id: str | None = None,
        format: str = "text",
        source: str | None = None,
    ) -> Document:
        """Build a document from already-normalised text, one block per paragraph.

        Used for plain text sources and for labelled records, where there is no
        page structure to keep.
        """
        # Imported here: normalise builds Blocks, so it imports this module.
        from caselens.model.normalise import normalise_text, paragraph_blocks

        text = normalise_text(text)
        data = text.encode("utf-8")
        return cls(
            id=doc_id or content_id(data),
            name=name,
            text=text,
            blocks=tuple(paragraph_blocks(text)),
            format=format,
            source=source,
            sha256=hashlib.sha256(data).hexdigest(),
        )

    def page_at(self, offset: int) -> int | None:
        """The page holding ``offset``, or None for sources without pages."""
        if not self._page_starts:
            return None
        i = bisect.bisect_right(self._page_starts, offset) - 1
        return self._page_numbers[max(i, 0)]

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]
