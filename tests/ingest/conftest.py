"""Small fictional source files, generated per test so no binaries are committed."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from fpdf import FPDF

PageSpec = Sequence[str]  # lines of one page; "" leaves a paragraph gap


def _make_pdf(
    pages: Sequence[PageSpec], *, header: str | None = None, footer: bool = False
) -> bytes:
    """A PDF whose line breaks we choose, so paragraph and hyphen handling can be tested."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=11)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        if header:
            pdf.set_font("Helvetica", size=8)
            pdf.cell(0, 5, header, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", size=11)
        for line in lines:
            if line:
                pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.ln(6)
        if footer:
            pdf.set_y(-15)
            pdf.cell(0, 5, f"Page {number} of {len(pages)}", align="C")
    return bytes(pdf.output())


def _image_only_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    return bytes(pdf.output())


def _encrypted_pdf(plain: bytes, user_password: str) -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    def _write(name: str, content: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return _write


@pytest.fixture
def make_pdf() -> Callable[..., bytes]:
    return _make_pdf


@pytest.fixture
def image_only_pdf() -> bytes:
    return _image_only_pdf()


@pytest.fixture
def encrypted_pdf() -> Callable[[bytes, str], bytes]:
    return _encrypted_pdf
