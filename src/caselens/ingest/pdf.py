"""PDF text layers, one page at a time so blocks keep their page.

The text is read with PDFium (pypdfium2: about three times faster than pypdf on
the same pages, and it opens AES-encrypted files that need no password); a file
PDFium cannot open or read is read with pypdf instead, which also gives the reason
when neither can (damaged, encrypted). Either gives lines, not paragraphs;
``pdf_layout`` rebuilds the paragraphs from them.
"""

from __future__ import annotations

import io
import logging
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from caselens.errors import InputError
from caselens.ingest.assemble import Extracted
from caselens.ingest.pdf_layout import page_blocks

log = logging.getLogger(__name__)

# pypdf's documented errors derive from PyPdfError, but on damaged files its
# parser is also seen to raise plain ValueError, KeyError, TypeError, IndexError,
# AttributeError and RecursionError from deep inside object parsing. These are
# caught only around pypdf calls, never around our own code.
_PARSE_ERRORS = (
    PyPdfError,
    NotImplementedError,  # a filter pypdf does not know (a damaged name: /BlateDecode)
    zlib.error,
    EOFError,
    OverflowError,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    RecursionError,
)

# PDFium is not thread-safe; the web app reads uploads in a background thread.
_PDFIUM_LOCK = threading.Lock()
# A printed A4 page holds a few thousand characters (about 10,000 in small type in two
# columns). A page claiming far more is text drawn on top of itself, usually one huge
# content stream shared by every page to exhaust the reader: refused at the first such
# page, in seconds, rather than after minutes of extraction.
MAX_PAGE_CHARACTERS = 100_000
MAX_DOCUMENT_CHARACTERS = 20_000_000


def read_pdf(data: bytes, path: Path) -> Extracted:
    read = _pdfium_pages(data, path)
    if read is None or not _has_text(read[0]):
        reader = _open(data, path)
        read = (list(_page_texts(reader, path)), _metadata_title(reader))
    texts, title = read
    if not _has_text(texts):
        raise InputError(str(path), "has no text layer (scanned?); run OCR first")
    return Extracted("pdf", page_blocks(texts), title, len(texts))


def _has_text(texts: list[str]) -> bool:
    return any(any(ch.isalnum() for ch in text) for text in texts)


def _pdfium_pages(data: bytes, path: Path) -> tuple[list[str], str | None] | None:
    """Every page's text and the title by PDFium, or None when it cannot open or read the
    file (pypdf then tries, and says why if it cannot either)."""
    with _PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except (pdfium.PdfiumError, ValueError, OSError):
            return None
        try:
            texts = []
            total = 0
            for index in range(len(document)):
                page = document[index]
                try:
                    textpage = page.get_textpage()
                    count = textpage.count_chars()
                    total += max(count, 0)
                    if count > MAX_PAGE_CHARACTERS or total > MAX_DOCUMENT_CHARACTERS:
                        textpage.close()
                        what = (
                            f"page {index + 1} holds {count:,} characters of text (a printed "
                            "page holds a few thousand)"
                            if count > MAX_PAGE_CHARACTERS
                            else f"its first {index + 1} pages hold {total:,} characters"
                        )
                        raise InputError(
                            str(path),
                            f"{what}: the file looks built to exhaust the reader; re-save it "
                            "from the original, or print it to PDF again",
                        )
                    texts.append(_as_lines(textpage.get_text_bounded()))
                    textpage.close()
                finally:
                    page.close()
            title = document.get_metadata_dict().get("Title")
        except (pdfium.PdfiumError, ValueError, OSError) as error:
            log.info("%s: PDFium could not read it (%s); trying pypdf", path, error)
            return None
        finally:
            document.close()
    return texts, _usable_title(title)


def _as_lines(text: str) -> str:
    """PDFium's page text in pypdf's shape: lines end with a newline, and a hyphen that
    ended a line (PDFium joins the line and marks it with U+0002) ends it again, so that
    the document's own spelling decides whether it was a hyphen or a line break."""
    return text.replace("\r\n", "\n").replace("\x02", "-\n")


def _usable_title(title: object) -> str | None:
    if not isinstance(title, str) or title.strip().lower() in {"", "untitled", "title"}:
        return None
    return title


def _open(data: bytes, path: Path) -> pypdf.PdfReader:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except _PARSE_ERRORS as error:
        raise InputError(
            str(path), f"is a damaged PDF that cannot be read ({error}); re-save or re-export it"
        ) from None
    if encrypted:
        try:
            unlocked = bool(reader.decrypt(""))
        except (DependencyError, FileNotDecryptedError, *_PARSE_ERRORS):
            unlocked = False
        if not unlocked:
            raise InputError(str(path), "is encrypted; remove the password and try again")
    return reader


def _page_texts(reader: pypdf.PdfReader, path: Path) -> Iterator[str]:
    """Each page's text; a page that fails is logged and read as empty."""
    try:
        pages = list(reader.pages)
    except _PARSE_ERRORS as error:
        raise InputError(
            str(path), f"is a damaged PDF whose pages cannot be listed ({error}); re-save it"
        ) from None
    failed = 0
    for number, page in enumerate(pages, start=1):
        try:
            yield page.extract_text() or ""
        except _PARSE_ERRORS as error:
            failed += 1
            log.warning("%s: page %d could not be read (%s); it is skipped", path, number, error)
            yield ""
    if pages and failed == len(pages):
        raise InputError(str(path), "is a damaged PDF: no page could be read; re-save it")


def _metadata_title(reader: pypdf.PdfReader) -> str | None:
    try:
        metadata = reader.metadata
        title = metadata.title if metadata is not None else None
    except _PARSE_ERRORS:
        return None
    return _usable_title(title)
