"""Properties every reader's output must have, whatever the format or input."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caselens.errors import InputError
from caselens.ingest import read_document
from caselens.ingest.assemble import normalise_block
from caselens.model.document import Document

Write = Callable[[str, bytes | str], Path]

# Characters that normalisation must deal with: CR, NUL-like controls, soft hyphen,
# zero-width and no-break spaces, ligatures, full-width letters, combining marks,
# curly quotes, and line/paragraph separators.
AWKWARD = "\r\x00\x07\u00ad\u200b\u00a0\ufb01\uff21\u0301\u2019\u201c\u2028\u2029\u0085\ufeff\t"


def check(doc: Document) -> None:
    assert doc.blocks
    assert "\r" not in doc.text and "\x00" not in doc.text
    assert unicodedata.is_normalized("NFKC", doc.text)
    pieces = []
    for block in doc.blocks:
        piece = doc.text[block.start : block.end]
        assert piece, block
        assert piece == normalise_block(piece)  # already normalised: one line, stable
        assert "\n" not in piece
        pieces.append(piece)
    assert doc.text == "\n\n".join(pieces)


def _docx_bytes(text: str) -> bytes:
    document = docx.Document()
    document.add_heading("Heading \ufb01rst", level=1)
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


SAMPLE = "Cafe\u0301 visit\u00a0by the \u201chealth\u201d visitor\u200b; \ufb01le noted\u00ad."


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.txt", SAMPLE + "\r\n\r\nSecond\x00 para\x07graph."),
        ("a.md", "# Head\u2019s title\r\n\r\n" + SAMPLE),
        (
            "a.html",
            f"<html><body><h2>T\u00edtle</h2><p>{SAMPLE}</p><td>\u2028cell</td></body></html>",
        ),
        ("a.docx", _docx_bytes(SAMPLE)),
    ],
)
def test_every_format_gives_clean_offset_exact_blocks(
    write: Write, name: str, content: bytes | str
) -> None:
    check(read_document(write(name, content)))


def test_pdf_gives_clean_offset_exact_blocks(write: Write, make_pdf: Callable[..., bytes]) -> None:
    pages = [["Caf\u00e9 notes", "The health visitor called."], ["Another page."]]
    doc = read_document(write("a.pdf", make_pdf(pages)))
    check(doc)
    assert [(b.kind, b.page) for b in doc.blocks] == [
        ("heading", 1),
        ("paragraph", 1),
        ("paragraph", 2),
    ]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(alphabet=st.sampled_from(list(AWKWARD + "ab Z.#*_-[]()>|`\n1")), max_size=200),
    suffix=st.sampled_from([".txt", ".md"]),
)
def test_any_text_input_is_either_refused_clearly_or_clean(
    tmp_path: Path, text: str, suffix: str
) -> None:
    path = tmp_path / f"generated{suffix}"
    path.write_bytes(text.encode("utf-8"))
    try:
        doc = read_document(path)
    except InputError as error:
        assert str(error).startswith(f"{path}: ")
        assert "\n" not in str(error)
        return
    check(doc)
