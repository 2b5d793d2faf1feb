"""Turn the raw blocks a format reader found into one normalised ``Document``.

Every reader hands over plain ``RawBlock`` objects; this module is the single
place where text is normalised and offsets are assigned, so the offset
invariant (``doc.text[b.start:b.end]`` is the block's text) holds for every
format by construction.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from caselens.errors import InputError
from caselens.model.document import Block, Document, id_of_sha256
from caselens.model.normalise import normalise_inline

BLOCK_SEPARATOR = "\n\n"
_WHITESPACE = re.compile(r"\s+")
_MAX_TITLE = 300


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A block of source text before normalisation, with where it came from."""

    text: str
    kind: str = "paragraph"  # heading | paragraph | list_item | table
    page: int | None = None


@dataclass(slots=True)
class Extracted:
    """What a format reader found in one file."""

    format: str
    blocks: list[RawBlock] = field(default_factory=list)
    title: str | None = None
    page_count: int | None = None


def normalise_block(text: str) -> str:
    """One block on one line: sentence splitting later must not see layout line breaks."""
    return _WHITESPACE.sub(" ", normalise_inline(text)).strip()


def clean_title(title: str | None) -> str | None:
    """A title fit to show people, or None when the source gave nothing useful."""
    if not title:
        return None
    text = normalise_block(title)
    if not any(ch.isalnum() for ch in text):
        return None
    if len(text) > _MAX_TITLE:
        text = text[: _MAX_TITLE - 3].rstrip() + "..."
    return text


def _first_heading(text: str, blocks: list[Block]) -> str | None:
    heading = next((b for b in blocks if b.kind == "heading"), None)
    return clean_title(text[heading.start : heading.end]) if heading else None


def build_document(path: Path, data: bytes, extracted: Extracted) -> Document:
    """Normalise each block once, join them with blank lines, and record offsets."""
    parts: list[str] = []
    blocks: list[Block] = []
    position = 0
    for raw in extracted.blocks:
        text = normalise_block(raw.text)
        if not text:
            continue
        if parts:
            position += len(BLOCK_SEPARATOR)
        blocks.append(Block(position, position + len(text), raw.page, raw.kind))
        parts.append(text)
        position += len(text)
    if not blocks:
        raise InputError(str(path), "contains no readable text; check that it is the right file")
    text = BLOCK_SEPARATOR.join(parts)
    digest = hashlib.sha256(data).hexdigest()
    return Document(
        id=id_of_sha256(digest),
        name=path.name,
        text=text,
        blocks=tuple(blocks),
        format=extracted.format,
        source=str(path),
        sha256=digest,
        title=clean_title(extracted.title) or _first_heading(text, blocks),
        page_count=extracted.page_count,
    )
