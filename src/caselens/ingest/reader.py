"""``read_document``: check the file, sniff its type, hand it to the right reader.

The type comes from the bytes first and the name second, because files arrive
renamed, mis-saved and downloaded with the wrong extension; a PDF called
``.docx`` is still read as the PDF it is.
"""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

from caselens.errors import InputError, UnsupportedFormatError
from caselens.ingest.assemble import Extracted, build_document
from caselens.model.document import Document

MIB = 1024 * 1024
DEFAULT_MAX_BYTES = 100 * MIB
# A long review's document.xml is a few MiB; this leaves room for several times that,
# while a 60 MiB part (a 217 KB file) took four minutes and 4 GB to parse.
MAX_DOCX_XML_BYTES = 24 * MIB
MAX_DOCX_UNPACKED_BYTES = 512 * MIB

SUPPORTED_SUFFIXES: tuple[str, ...] = (
    ".pdf", ".docx", ".html", ".htm", ".txt", ".text", ".md", ".markdown",
)  # fmt: skip
_TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

# Formats recognised only to be refused with a useful message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0", "an old-style Office file (.doc/.xls); save it as .docx or PDF"),
    (b"{\\rtf", "a Rich Text file; save it as .docx or PDF"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
    (b"Rar!", "a RAR archive; unpack it first"),
    (b"7z\xbc\xaf", "a 7-Zip archive; unpack it first"),
)
_ZIP_KINDS = (
    ("xl/", "an Excel workbook"),
    ("ppt/", "a PowerPoint presentation"),
    ("content.xml", "an OpenDocument file; save it as .docx or PDF"),
)
_REFUSED_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".webp", ".heic", ".xlsx", ".xls",
     ".pptx", ".ppt", ".doc", ".odt", ".rtf", ".zip", ".7z", ".gz", ".msg", ".exe"}
)  # fmt: skip


def supported_list() -> str:
    return ", ".join(SUPPORTED_SUFFIXES)


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a normalised ``Document``.

    Raises ``InputError`` (or ``UnsupportedFormatError``) with a one-line message
    naming the file for anything caselens cannot use.
    """
    path = Path(path)
    return document_from_bytes(path, read_bytes(path, max_bytes))


def document_from_bytes(path: Path, data: bytes) -> Document:
    """``read_document`` for bytes already read (and checked) by :func:`read_bytes`, so a
    caller can recognise a file it already has by its hash before parsing it."""
    return build_document(path, data, _extract(path, data))


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes after the checks that need no parsing (regular, size, not empty)."""
    return _read_bytes(path, max_bytes)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, after checks that need no reading (the size is checked first)."""
    where = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(where, "does not exist; check the path") from None
    except PermissionError:
        raise InputError(where, "cannot be read (permission denied)") from None
    except OSError as error:
        raise InputError(where, f"cannot be read ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(where, "is a folder, not a file; give the files inside it")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(where, "is not a regular file")
    if info.st_size > max_bytes:
        raise InputError(
            where,
            f"is {info.st_size / MIB:.1f} MiB, more than the limit of {max_bytes / MIB:.1f} MiB; "
            "split the file or raise the limit",
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError(where, "cannot be read (permission denied)") from None
    except OSError as error:
        raise InputError(where, f"cannot be read ({error.strerror or error})") from None
    if len(data) > max_bytes:  # the file grew after stat
        raise InputError(where, f"is larger than the limit of {max_bytes / MIB:.1f} MiB")
    if not data.strip():
        raise InputError(where, "is empty")
    return data


def _extract(path: Path, data: bytes) -> Extracted:
    suffix = path.suffix.lower()
    # The PDF header may follow a little junk; trust that only for .pdf files.
    if data.lstrip()[:5] == b"%PDF-" or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        from caselens.ingest.pdf import read_pdf

        return read_pdf(data, path)
    if data.startswith(b"PK\x03\x04") or (suffix == ".docx" and data.startswith(b"PK")):
        return _extract_zip(path, data)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise UnsupportedFormatError(
                str(path), f"is {kind}, which caselens does not read; supported: {supported_list()}"
            )
    markup = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:256].lower()
    if markup.startswith((b"<!doctype html", b"<html")) or (
        suffix in _HTML_SUFFIXES and markup.startswith(b"<")
    ):
        from caselens.ingest.html import read_html

        return read_html(data, path)
    if suffix == ".pdf":
        raise InputError(
            str(path), "is not a valid PDF (no PDF header); it may be damaged or mis-named"
        )
    if suffix == ".docx":
        raise InputError(
            str(path), "is not a valid Word document (not a ZIP package); re-save it in Word"
        )
    if suffix in _REFUSED_SUFFIXES:
        raise UnsupportedFormatError(
            str(path),
            f"is a {suffix} file, which caselens does not read; supported: {supported_list()}",
        )
    from caselens.ingest.text import read_text

    return read_text(data, path, markdown=suffix in _MARKDOWN_SUFFIXES)


def _extract_zip(path: Path, data: bytes) -> Extracted:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(
            str(path), "is a damaged Word document or ZIP file (cannot be unpacked); re-save it"
        ) from None
    names = [m.filename for m in members]
    if "word/document.xml" in names:
        _check_unpacked(path, members)
        from caselens.ingest.docx import read_docx

        return read_docx(data, path)
    if path.suffix.lower() == ".docx" and not any(n.startswith(("xl/", "ppt/")) for n in names):
        raise InputError(
            str(path), "is not a valid Word document (no word/document.xml); re-save it in Word"
        )
    kind = next(
        (kind for prefix, kind in _ZIP_KINDS if any(n.startswith(prefix) for n in names)),
        "a ZIP archive",
    )
    raise UnsupportedFormatError(
        str(path), f"is {kind}, which caselens does not read; supported: {supported_list()}"
    )


def _check_unpacked(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a package that would unpack to far more than any review (a ZIP bomb).

    python-docx unpacks every part into memory and parses the XML whole, so the
    sizes the ZIP directory declares are checked before anything is unpacked; a
    part that lies about its size fails its checksum when read.
    """
    total = sum(m.file_size for m in members)
    xml = [m for m in members if m.filename.endswith((".xml", ".rels"))]
    largest = max(xml, key=lambda m: m.file_size)
    if largest.file_size > MAX_DOCX_XML_BYTES:
        raise InputError(
            str(path),
            f"unpacks to {largest.file_size / MIB:.0f} MiB of text in {largest.filename}, "
            f"more than the limit of {MAX_DOCX_XML_BYTES // MIB} MiB; split the document "
            "or save it as PDF",
        )
    if total > MAX_DOCX_UNPACKED_BYTES:
        raise InputError(
            str(path),
            f"unpacks to {total / MIB:.0f} MiB, more than the limit of "
            f"{MAX_DOCX_UNPACKED_BYTES // MIB} MiB; remove large images or save it as PDF",
        )
