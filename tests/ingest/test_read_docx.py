from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from caselens.errors import InputError, UnsupportedFormatError
from caselens.ingest import read_document

Write = Callable[[str, bytes | str], Path]


def make_docx(title: str | None = None) -> bytes:
    document = docx.Document()
    if title:
        document.core_properties.title = title
    document.add_heading("Practice episode one", level=1)
    document.add_paragraph("The midwife saw the baby at home twice in the first week.")
    document.add_paragraph("Father not seen at any visit", style="List Bullet")
    document.add_paragraph("Housing officer not told of the birth", style="List Number")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "Agency"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "What happened"
    table.cell(1, 0).text = "Health visiting"
    table.cell(1, 1).text = "Two visits"
    table.cell(1, 2).text = "No concerns noted"
    document.add_heading("Learning", level=2)
    document.add_paragraph("   ")
    document.add_paragraph("Professional curiosity about the adults was limited.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_blocks_in_document_order_with_kinds(write: Write) -> None:
    doc = read_document(write("episode.docx", make_docx()))
    got = [(doc.text[b.start : b.end], b.kind) for b in doc.blocks]
    assert got == [
        ("Practice episode one", "heading"),
        ("The midwife saw the baby at home twice in the first week.", "paragraph"),
        ("Father not seen at any visit", "list_item"),
        ("Housing officer not told of the birth", "list_item"),
        ("Agency", "table"),
        ("What happened", "table"),  # merged cell appears once
        ("Health visiting", "table"),
        ("Two visits", "table"),
        ("No concerns noted", "table"),
        ("Learning", "heading"),
        ("Professional curiosity about the adults was limited.", "paragraph"),
    ]
    assert all(b.page is None for b in doc.blocks)
    assert doc.page_count is None
    assert doc.page_at(0) is None
    assert doc.format == "docx"


def test_docx_title_from_properties_else_first_heading(write: Write) -> None:
    assert read_document(write("a.docx", make_docx("Fictional Review: Baby R"))).title == (
        "Fictional Review: Baby R"
    )
    assert read_document(write("b.docx", make_docx())).title == "Practice episode one"


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],
        lambda b: b"PK\x03\x04" + b"\x00garbage" * 50,
        lambda b: b.replace(b"word/document.xml", b"word/documenx.xml"),
    ],
    ids=["truncated", "garbage-zip", "missing-main-part"],
)
def test_damaged_docx_is_one_clear_input_error(
    write: Write, damage: Callable[[bytes], bytes]
) -> None:
    path = write("broken.docx", damage(make_docx()))
    with pytest.raises(InputError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message


def test_docx_suffix_on_non_zip_bytes_is_refused(write: Write) -> None:
    with pytest.raises(InputError, match="not a valid Word document"):
        read_document(write("notes.docx", b"\x01\x02\x03 definitely not a zip"))


def test_other_office_zip_is_unsupported(write: Write) -> None:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormatError, match=r"Excel workbook.*supported: \.pdf, \.docx"):
        read_document(write("sheet.xlsx", out.getvalue()))


def test_long_docx_reads_every_paragraph(tmp_path: Path) -> None:
    """Reading time is measured by the benchmark; here every paragraph must come through."""
    document = docx.Document()
    for i in range(4000):
        document.add_paragraph(f"Paragraph {i} about the visit.")
    path = tmp_path / "long.docx"
    document.save(str(path))
    doc = read_document(path)
    assert len(doc.blocks) == 4000
