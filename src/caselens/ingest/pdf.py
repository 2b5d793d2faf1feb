"""PDF text layers, one page at a time so blocks keep their page.

The text is read with PDFium (pypdfium2: about three times faster than pypdf on
the same pages, and it opens AES-encrypted files that need no password); a file
PDFium cannot open or read is read with pypdf instead, which also gives the reason
when neither can (damaged, encrypted). Either gives lines, not paragraphs.
Paragraphs are rebuilt from line shapes:
a short line ending a sentence closes a paragraph, a bullet opens a list item,
and a paragraph running over a page break is kept whole (with the page it
starts on). Running headers, footers and bare page numbers are dropped only at
the top or bottom of a page, where they can be recognised safely.
"""

from __future__ import annotations

import io
import logging
import math
import re
import threading
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from caselens.errors import InputError
from caselens.ingest.assemble import Extracted, RawBlock

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

_EDGE = 2  # lines at the top and bottom of a page that may be furniture
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-(\[]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[-*\u2022\u25aa\u25cf\u25e6\u2013\uf0b7\uf0a7]\s+")
_NUMBERED = re.compile(r"^(?:\d{1,3}[.)]|\(?[a-z][.)]|\(\d{1,3}\))\s+\S")
_CLAUSE = re.compile(r"^\d{1,2}[A-Z]?(?:\.\d{1,3})+\.?\s+\S")  # "4.2 The father ..."
# A dated entry opens a paragraph in a chronology: "11 May 2017: The ..."
_DATED = re.compile(r"^\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8} \d{4}\s*[:\-]\s")
_SECTION = re.compile(r"^\d{1,2}[A-Z]?\.?\s+[A-Z]")  # "4. The family"
_TERMINAL = re.compile(r"[.!?:;][\"')\]]*$")
_HYPHEN_END = re.compile(r"([^\W\d_]+)-$")
_LOWER_START = re.compile(r"^([^\W\d_A-Z]+)")
_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Left halves that usually form real hyphenated compounds ("non-accidental",
# "self-harm", "multi-agency"); consulted only when the document itself does
# not show which spelling it uses.
_COMPOUND_PREFIXES = frozenset(
    {"self", "non", "multi", "cross", "well", "step", "half", "ex", "semi", "mid", "pre", "post",
     "co", "inter", "intra", "under", "over", "long", "short", "full", "part", "low", "high",
     "follow", "after", "child", "family", "sub"}
)  # fmt: skip


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
    pages = _drop_furniture([_lines(text) for text in texts])
    vocabulary = _Vocabulary.of(texts)
    blocks = list(_paragraphs(pages, vocabulary))
    return Extracted("pdf", blocks, title, len(texts))


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


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def _edge_indices(lines: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line]
    return sorted(set(filled[:_EDGE] + filled[-_EDGE:]))


def _drop_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Remove running headers/footers and page numbers from page edges.

    A line is a running header when its shape (digits masked) sits at the edge
    of at least half of the pages (and three); when it contains a number, that
    number must also advance with the page, as page numbers do, so numbered
    headings that merely recur at page tops ("Part 2", later "Part 5") are kept.
    """
    furniture: set[str] = set()
    if len(pages) >= 3:
        seen: Counter[str] = Counter()
        # For each shape: (which number in the line, number minus page index) -> pages.
        offsets: dict[str, Counter[tuple[int, int]]] = {}
        for index, lines in enumerate(pages):
            edges = {_shape(lines[i]): lines[i] for i in _edge_indices(lines)}
            for shape, line in edges.items():
                seen[shape] += 1
                for k, number in enumerate(re.findall(r"\d+", line)):
                    offsets.setdefault(shape, Counter())[(k, int(number) - index)] += 1
        needed = max(3, math.ceil(len(pages) / 2))
        for shape, count in seen.items():
            tracking = offsets.get(shape)
            if count >= needed and (tracking is None or tracking.most_common(1)[0][1] >= needed):
                furniture.add(shape)
    cleaned = []
    for lines in pages:
        drop = {
            i
            for i in _edge_indices(lines)
            if _shape(lines[i]) in furniture or _PAGE_NUMBER.match(lines[i])
        }
        cleaned.append([line for i, line in enumerate(lines) if i not in drop])
    return cleaned


_SUFFIXES = ("ions", "ion", "ing", "ers", "er", "ed", "es", "ly", "s", "d")


def _forms(word: str) -> set[str]:
    """The word and its crude stems, so "coordinate" is seen in "coordinated"."""
    forms = {word}
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.add(word[: -len(suffix)])
    return forms


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """Words as the document spells them, to decide how to undo line-end hyphens."""

    plain: frozenset[str]
    hyphenated: frozenset[str]

    @classmethod
    def of(cls, texts: list[str]) -> _Vocabulary:
        plain: set[str] = set()
        hyphenated: set[str] = set()
        words = {word for text in texts for word in _WORDS.findall(text.lower())}
        for word in words:  # each distinct word once: a review repeats most of its words
            (hyphenated if "-" in word else plain).update(_forms(word))
        return cls(frozenset(plain), frozenset(hyphenated))

    def join(self, left: str, right: str) -> str:
        """Join ``left`` (ending in a hyphen at a line break) with the next line."""
        before = _HYPHEN_END.search(left)
        after = _LOWER_START.match(right)
        if before is None or after is None:
            return f"{left} {right}"
        head, tail = before.group(1).lower(), after.group(1)
        closed = bool(_forms(head + tail) & self.plain)
        hyphenated = bool(_forms(f"{head}-{tail}") & self.hyphenated)
        if hyphenated and not closed:
            keep = True
        elif closed:
            keep = False
        else:
            keep = head in _COMPOUND_PREFIXES
        return left + right if keep else left[:-1] + right


@dataclass(slots=True)
class _Paragraph:
    page: int
    kind: str = "paragraph"
    lines: list[str] = field(default_factory=list)


def _typical_length(pages: list[list[str]]) -> int:
    """The length of a full line of body text, measured over the whole document."""
    lengths = sorted(len(line) for lines in pages for line in lines if line)
    return lengths[math.ceil(0.8 * (len(lengths) - 1))] if lengths else 0


def _is_item(line: str) -> bool:
    return bool(_BULLET.match(line) or _NUMBERED.match(line))


def _opens_paragraph(line: str) -> bool:
    return bool(_CLAUSE.match(line) or _DATED.match(line))


def _kind(line: str, following: str, typical: int) -> str:
    """The kind of a block opened by ``line``."""
    if _SECTION.match(line) and _looks_like_heading(line, typical) and _CLAUSE.match(following):
        return "heading"  # "4. The family" over "4.1 The mother ..."
    return "list_item" if _is_item(line) else "paragraph"


def _ends_paragraph(line: str, following: str, typical: int) -> bool:
    if not following or _is_item(following) or _opens_paragraph(following):
        return True
    if _TERMINAL.search(line):
        return len(line) < 0.85 * typical or _looks_like_heading(following, typical)
    # A short unpunctuated line before a capitalised or numbered one is a heading.
    return _looks_like_heading(line, typical) and (
        following[:1].isupper() or following[:1].isdigit()
    )


def _looks_like_heading(line: str, typical: int) -> bool:
    opening = line.lstrip("0123456789. ")[:1]
    return len(line) < 0.6 * typical and opening.isupper() and not _TERMINAL.search(line)


def _continues(previous: str, following: str, typical: int) -> bool:
    """Whether a paragraph runs on over a page break.

    It does when the next page opens in lower case, or when the page ended on a
    full-width line with no closing punctuation (unless a heading follows).
    """
    if _TERMINAL.search(previous) or _is_item(following) or _opens_paragraph(following):
        return False
    if following[:1].islower():
        return True
    return len(previous) >= 0.85 * typical and not _looks_like_heading(following, typical)


def _paragraphs(pages: list[list[str]], vocabulary: _Vocabulary) -> Iterator[RawBlock]:
    current: _Paragraph | None = None
    typical = _typical_length(pages)
    for number, lines in enumerate(pages, start=1):
        for i, line in enumerate(lines):
            if not line:
                if current is not None:
                    yield _finish(current, vocabulary)
                    current = None
                continue
            following = next((x for x in lines[i + 1 :] if x), "")
            if current is None or _is_item(line) or _opens_paragraph(line):
                if current is not None:
                    yield _finish(current, vocabulary)
                current = _Paragraph(
                    number, _kind(line, following, typical), [_BULLET.sub("", line)]
                )
            else:
                current.lines.append(line)
            if following and _ends_paragraph(line, following, typical):
                yield _finish(current, vocabulary)
                current = None
        if current is not None:
            next_page = next((p for p in pages[number:] if any(p)), [])
            first = next((x for x in next_page if x), "")
            if not first or not _continues(current.lines[-1], first, typical):
                yield _finish(current, vocabulary)
                current = None
    if current is not None:
        yield _finish(current, vocabulary)


def _finish(paragraph: _Paragraph, vocabulary: _Vocabulary) -> RawBlock:
    text = paragraph.lines[0]
    for line in paragraph.lines[1:]:
        text = vocabulary.join(text, line) if text.endswith("-") else f"{text} {line}"
    kind = paragraph.kind
    if (
        kind == "paragraph"
        and len(paragraph.lines) == 1
        and len(text) <= 100
        and not _TERMINAL.search(text)
        and text[:1].isupper()
    ):
        kind = "heading"
    return RawBlock(text, kind, paragraph.page)
