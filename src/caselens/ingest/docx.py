"""Word documents (.docx), read with python-docx in document order.

Word has no fixed pages, so blocks carry no page; headings and list items are
recognised from paragraph styles and numbering, which is how authors mark them.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import OpcError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import LxmlError  # type: ignore[import-untyped]  # no stubs installed

from caselens.errors import InputError
from caselens.ingest.assemble import Extracted, RawBlock

# python-docx reports a damaged package in several ways: a bad ZIP, a missing
# part (KeyError), malformed XML (lxml) or a broken relationship (OpcError,
# ValueError). All mean the same thing to the person holding the file.
# A part whose compressed bytes are damaged fails while it is inflated (zlib.error, or
# EOFError for one cut short).
_DAMAGED = (zipfile.BadZipFile, OpcError, LxmlError, KeyError, ValueError, zlib.error, EOFError)


def read_docx(data: bytes, path: Path) -> Extracted:
    try:
        document = _open(data)
        blocks = list(_blocks(document))
        title = document.core_properties.title
    except _DAMAGED as error:
        raise InputError(
            str(path),
            f"is a damaged Word document that cannot be read ({error}); "
            "open and re-save it in Word",
        ) from None
    if not title:
        title = next((b.text for b in blocks if b.kind == "heading" and b.text.strip()), None)
    return Extracted("docx", blocks, title)


def _open(data: bytes) -> Any:
    try:
        return docx.Document(io.BytesIO(data))
    except (AttributeError, TypeError) as error:
        # A malformed [Content_Types].xml or relationship part fails inside
        # python-docx's package reader this way; guarded here only, not around our code.
        raise ValueError(str(error)) from None


def _blocks(document: Any) -> Iterator[RawBlock]:
    # python-docx resolves a paragraph's style by scanning every style in the
    # file, so a long document would cost paragraphs x styles; names are cached by id.
    style_names: dict[str | None, str] = {}
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = item.text
            if text.strip():
                yield RawBlock(text, _paragraph_kind(item, style_names))
        elif isinstance(item, Table):
            yield from _table(item)


def _style_name(paragraph: Paragraph, cache: dict[str | None, str]) -> str:
    style_id: str | None = paragraph._p.style
    if style_id not in cache:
        style = paragraph.style
        cache[style_id] = (style.name if style is not None else "") or ""
    return cache[style_id]


def _paragraph_kind(paragraph: Paragraph, style_names: dict[str | None, str]) -> str:
    style = _style_name(paragraph, style_names)
    if style == "Title" or style.startswith("Heading"):
        return "heading"
    properties = paragraph._p.pPr
    if "List" in style or (properties is not None and properties.numPr is not None):
        return "list_item"
    return "paragraph"


def _table(table: Table) -> Iterator[RawBlock]:
    """One block per cell; a merged cell appears once, not once per grid column."""
    seen: dict[int, object] = {}  # holds the elements too, so their ids stay unique
    for row in table.rows:
        for cell in row.cells:
            key = id(cell._tc)
            if key in seen:
                continue
            seen[key] = cell._tc
            text = " ".join(p.text for p in cell.paragraphs if p.text.strip())
            if text.strip():
                yield RawBlock(text, "table")
            for inner in cell.tables:
                yield from _table(inner)
