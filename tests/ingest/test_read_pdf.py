from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from caselens.errors import InputError
from caselens.ingest import read_document

Write = Callable[[str, bytes | str], Path]
MakePdf = Callable[..., bytes]

# Full-width lines, as a real report's body text has.
P1 = [
    "Fictional Review of Baby Q",
    "",
    "Background",
    "The health visitor recorded concerns about the home conditions and about the mother's",
    "new partner, whose part in the safe-",
    "guarding plan was never explored by any of the agencies that knew the family well.",
    "",
    "- Lack of involvement of fathers and of other men in the household",
    "- Reasons why relatives took on a caring role for the baby left unexplored by staff",
    "The first strategy meeting took place in March and agreed a plan for weekly visits, but",
]
P2 = [
    "the visits lapsed after two weeks and nobody noticed that the plan had stopped working.",
    "Learning",
    "Practitioners did not ask about the multi-",
    "agency plan at the review meeting, and the midwife was not invited to the co-",
    "ordinate session, so nobody coordinated the work across the different services at all.",
]
P3 = [
    "Conclusion",
    "The review ends here with a plain closing sentence on the third and final page of it.",
]


@pytest.fixture
def review(write: Write, make_pdf: MakePdf) -> Path:
    return write(
        "review.pdf", make_pdf([P1, P2, P3], header="Fictional LSCP - Confidential", footer=True)
    )


def test_pdf_blocks_keep_their_physical_page(review: Path) -> None:
    doc = read_document(review)
    assert doc.format == "pdf"
    assert doc.page_count == 3
    pages = {doc.text[b.start : b.end]: b.page for b in doc.blocks}
    assert pages["Background"] == 1
    assert pages["Learning"] == 2
    assert pages["Conclusion"] == 3
    closing = doc.text.index("plain closing sentence")
    assert doc.page_at(closing) == 3
    assert doc.page_at(doc.text.index("Practitioners did not ask")) == 2


def test_pdf_paragraphs_headings_and_list_items(review: Path) -> None:
    doc = read_document(review)
    kinds = {doc.text[b.start : b.end]: b.kind for b in doc.blocks}
    assert kinds["Background"] == "heading"
    assert kinds["Lack of involvement of fathers and of other men in the household"] == "list_item"
    assert doc.title == "Fictional Review of Baby Q"
    # The paragraph opening with the health visitor is one block, lines joined by spaces.
    block = next(
        b for b in doc.blocks if doc.text[b.start : b.end].startswith("The health visitor")
    )
    assert doc.text[block.start : block.end].endswith("knew the family well.")


def test_pdf_paragraph_running_over_a_page_break_stays_whole(review: Path) -> None:
    doc = read_document(review)
    block = next(b for b in doc.blocks if "strategy meeting" in doc.text[b.start : b.end])
    text = doc.text[block.start : block.end]
    assert text.endswith("had stopped working.")
    assert block.page == 1


def test_pdf_line_end_hyphens_are_joined_by_the_documents_own_spelling(review: Path) -> None:
    text = read_document(review).text
    assert "safeguarding plan" in text  # no compound: the hyphen was only a line break
    assert "multi-agency plan" in text  # a real compound keeps its hyphen
    assert "coordinate session" in text  # the document itself writes "coordinated"
    assert "safe- guarding" not in text


def test_pdf_running_header_footer_and_page_numbers_are_dropped(review: Path) -> None:
    text = read_document(review).text
    assert "Confidential" not in text
    assert "Page 2 of 3" not in text


def test_pdf_without_furniture_keeps_a_short_numbered_heading(
    write: Write, make_pdf: MakePdf
) -> None:
    doc = read_document(write("two.pdf", make_pdf([["Part 2", *P1[3:6]], ["Part 5", *P3[1:]]])))
    assert "Part 2" in doc.text and "Part 5" in doc.text


def test_pdf_named_docx_is_read_as_pdf(write: Write, make_pdf: MakePdf) -> None:
    doc = read_document(write("misnamed.docx", make_pdf([P3])))
    assert doc.format == "pdf"
    assert "plain closing sentence" in doc.text


def test_encrypted_pdf_is_refused_with_advice(
    write: Write, make_pdf: MakePdf, encrypted_pdf: Callable[[bytes, str], bytes]
) -> None:
    path = write("locked.pdf", encrypted_pdf(make_pdf([P3]), "secret"))
    with pytest.raises(InputError, match=r"locked\.pdf: is encrypted; remove the password"):
        read_document(path)


def test_pdf_with_empty_user_password_is_opened(
    write: Write, make_pdf: MakePdf, encrypted_pdf: Callable[[bytes, str], bytes]
) -> None:
    path = write("owner-only.pdf", encrypted_pdf(make_pdf([P3]), ""))
    assert "plain closing sentence" in read_document(path).text


def test_image_only_pdf_asks_for_ocr(write: Write, image_only_pdf: bytes) -> None:
    with pytest.raises(InputError, match=r"scan\.pdf: has no text layer \(scanned\?\); run OCR"):
        read_document(write("scan.pdf", image_only_pdf))


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],
        lambda b: b[:200],
        lambda b: b"%PDF-1.7\n" + bytes(range(256)) * 8,
        lambda b: b.replace(b"xref", b"xxxx").replace(b"obj", b"ojb"),
    ],
    ids=["half", "header-only", "garbage", "scrambled"],
)
def test_damaged_pdf_is_one_clear_input_error(
    write: Write, make_pdf: MakePdf, damage: Callable[[bytes], bytes]
) -> None:
    path = write("broken.pdf", damage(make_pdf([P1, P2])))
    with pytest.raises(InputError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message


def test_pdf_suffix_without_pdf_content_is_refused(write: Write) -> None:
    with pytest.raises(InputError, match="not a valid PDF"):
        read_document(write("fake.pdf", b"\x01\x02 not a pdf at all"))


def test_numbered_sections_clauses_and_dated_entries_open_blocks(
    write: Write, make_pdf: MakePdf
) -> None:
    page = [
        "4. The family",
        "4.1 The mother grew up in the area and told the reviewer about her own childhood at",
        "home with her grandparents, where she felt safe and was well looked after by them all.",
        "4.2 The father worked nights, and agencies held no record of him at any point at all.",
        "12 March 2019: The health visitor called at the flat and saw the baby asleep in a cot.",
        "3 April 2019: The GP saw the mother about low mood and did not ask about the baby at.",
    ]
    doc = read_document(write("sections.pdf", make_pdf([page])))
    got = [(doc.text[b.start : b.end][:14], b.kind) for b in doc.blocks]
    assert got == [
        ("4. The family", "heading"),
        ("4.1 The mother", "paragraph"),
        ("4.2 The father", "paragraph"),
        ("12 March 2019:", "paragraph"),
        ("3 April 2019: ", "paragraph"),
    ]
