"""Bad input gives one clear line naming the file; good input gives a well-formed Document."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from caselens.errors import InputError, UnsupportedFormatError
from caselens.ingest import SUPPORTED_SUFFIXES, read_document
from caselens.model.document import content_id

Write = Callable[[str, bytes | str], Path]

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def problem(path: Path, max_bytes: int | None = None) -> str:
    with pytest.raises(InputError) as caught:
        if max_bytes is None:
            read_document(path)
        else:
            read_document(path, max_bytes=max_bytes)
    message = str(caught.value)
    assert message.startswith(f"{path}: "), message
    assert "\n" not in message
    return caught.value.problem


def test_document_identity_fields(write: Write) -> None:
    data = b"A short fictional note.\n"
    path = write("note.txt", data)
    doc = read_document(path)
    assert doc.id == content_id(data)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.name == "note.txt"
    assert doc.source == str(path)
    assert read_document(path).id == doc.id


def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in problem(tmp_path / "nowhere.pdf")


def test_directory(tmp_path: Path) -> None:
    assert "is a folder" in problem(tmp_path)


def test_unreadable_file(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write("secret.txt", "text")

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Tests may run as root, where chmod 000 does not stop reading.
    monkeypatch.setattr(Path, "open", denied)
    assert "permission denied" in problem(path)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "], ids=["zero-bytes", "whitespace"])
def test_empty_file(write: Write, content: bytes) -> None:
    assert problem(write("empty.txt", content)) == "is empty"


def test_oversize_is_refused_before_reading(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write("big.txt", "x" * 2048)

    def never(self: Path, *args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", never)
    assert "more than the limit" in problem(path, max_bytes=1024)


def test_file_exactly_at_the_limit_is_read(write: Write) -> None:
    assert read_document(write("fits.txt", "y" * 64), max_bytes=64).text == "y" * 64


@pytest.mark.parametrize("name", ["photo.png", "photo.txt", "photo"])
def test_png_is_unsupported_whatever_its_name(write: Write, name: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=r"PNG image.*supported: .*\.md"):
        read_document(write(name, PNG))


@pytest.mark.parametrize("name", ["sheet.xlsx", "old.doc", "scan.jpg"])
def test_unsupported_suffix_with_text_content(write: Write, name: str) -> None:
    with pytest.raises(UnsupportedFormatError, match="supported: " + r"\.pdf"):
        read_document(write(name, "plain words"))


def test_text_without_any_words_block(write: Write) -> None:
    with pytest.raises(InputError, match="no readable text"):
        read_document(write("rules.md", "---\n\n***\n"))


def test_supported_suffixes_are_lowercase_dotted() -> None:
    assert {".pdf", ".docx", ".html", ".htm", ".txt", ".md", ".markdown"} <= set(SUPPORTED_SUFFIXES)
    assert all(s.startswith(".") and s == s.lower() for s in SUPPORTED_SUFFIXES)


def _zip(members: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_docx_zip_bomb_is_refused_before_unpacking(write: Write) -> None:
    from caselens.ingest.reader import MAX_DOCX_XML_BYTES

    xml = b"<w:document>" + b" " * (MAX_DOCX_XML_BYTES + 1) + b"</w:document>"
    path = write("bomb.docx", _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": xml}))
    assert "word/document.xml" in problem(path)
    assert "limit" in problem(path)


def test_docx_with_malformed_content_types_is_damaged_not_a_crash(write: Write) -> None:
    path = write(
        "broken.docx",
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
    )
    assert "damaged Word document" in problem(path)


def test_deeply_nested_html_is_refused_before_parsing(write: Write) -> None:
    depth = 20_000
    html = "<html><body>" + "<div>" * depth + "The baby." + "</div>" * depth + "</body></html>"
    path = write("deep.html", html)
    assert "deep" in problem(path)


def test_moderately_nested_html_is_still_read(write: Write) -> None:
    html = "<html><body>" + "<div>" * 200 + "The baby was seen." + "</div>" * 200 + "</body></html>"
    doc = read_document(write("nested.html", html))
    assert doc.text == "The baby was seen."
