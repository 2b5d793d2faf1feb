from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from caselens.errors import InputError
from caselens.ingest import read_document

Write = Callable[[str, bytes | str], Path]


def blocks(path: Path) -> list[tuple[str, str]]:
    doc = read_document(path)
    return [(doc.text[b.start : b.end], b.kind) for b in doc.blocks]


def test_plain_text_paragraphs_and_list_items(write: Write) -> None:
    text = (
        "Review of Baby U\r\n\r\nThe family was known to\r\nchildren's services.\r\n\r\n\r\n"
        "- Father not seen\r\n- Safe sleep advice\r\n  given once only\r\n\r\nEnd.\r\n"
    )
    path = write("notes.txt", text)
    assert blocks(path) == [
        ("Review of Baby U", "paragraph"),
        ("The family was known to children's services.", "paragraph"),
        ("Father not seen", "list_item"),
        ("Safe sleep advice given once only", "list_item"),
        ("End.", "paragraph"),
    ]
    doc = read_document(path)
    assert doc.format == "text"
    assert doc.title == "Review of Baby U"
    assert doc.page_count is None


def test_plain_text_keeps_markdown_like_characters(write: Write) -> None:
    assert blocks(write("a.txt", "# not a heading in plain text *here*"))[0] == (
        "# not a heading in plain text *here*",
        "paragraph",
    )


def test_markdown_headings_emphasis_links_and_tables(write: Write) -> None:
    text = "\n".join(
        [
            "# Fictional review: Baby V",
            "",
            "Intro with **bold**, *italic*, _under_ and `code`, a [link](https://example.invalid)",
            "and snake_case_name kept, 2 * 3 * 4 kept.",
            "",
            "Learning",
            "--------",
            "",
            "1. First point",
            "* Second point with ![a chart](c.png)",
            "",
            "> Quoted practitioner view.",
            "",
            "---",
            "",
            "| Agency | Contact |",
            "|--------|---------|",
            "| GP | None |",
            "",
            "```",
            "kept verbatim",
            "```",
            "## Closing ##",
        ]
    )
    assert blocks(write("review.md", text)) == [
        ("Fictional review: Baby V", "heading"),
        (
            "Intro with bold, italic, under and code, a link and snake_case_name kept, "
            "2 * 3 * 4 kept.",
            "paragraph",
        ),
        ("Learning", "heading"),
        ("First point", "list_item"),
        ("Second point with a chart", "list_item"),
        ("Quoted practitioner view.", "paragraph"),
        ("Agency", "table"),
        ("Contact", "table"),
        ("GP", "table"),
        ("None", "table"),
        ("kept verbatim", "paragraph"),
        ("Closing", "heading"),
    ]
    doc = read_document(write("r2.markdown", text))
    assert doc.format == "markdown"
    assert doc.title == "Fictional review: Baby V"


def test_utf8_bom_is_removed(write: Write) -> None:
    doc = read_document(write("bom.txt", "\ufeffCaf\u00e9 visit.".encode()))
    assert doc.text == "Café visit."


def test_utf16_with_bom_is_read(write: Write) -> None:
    assert read_document(write("u16.txt", "Nurse visit.".encode("utf-16"))).text == "Nurse visit."


def test_cp1252_falls_back_with_a_warning(write: Write, caplog: pytest.LogCaptureFixture) -> None:
    path = write("win.txt", "The \u201cfresh start\u201d cost \u00a35.".encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="caselens.ingest"):
        doc = read_document(path)
    assert doc.text == 'The "fresh start" cost £5.'
    assert any(
        "Windows-1252" in r.getMessage() and "win.txt" in r.getMessage() for r in caplog.records
    )


def test_binary_named_txt_is_not_text(write: Write) -> None:
    with pytest.raises(InputError, match=r"data\.txt: is not text \(binary content\)"):
        read_document(write("data.txt", bytes(range(256)) * 4))
