"""Text normalisation, done once per document by its reader (or by ``Document.from_text``).

After this step the text never changes: every offset in caselens points into
the string this module returns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from caselens.model.document import Block

_TRANSLATE = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": None,  # zero-width space
        "\u00ad": None,  # soft hyphen
        "\ufeff": None,  # byte-order mark
        "\r": " ",  # a lone carriage return inside running text still separates words
        "\t": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2022": "-",
        "\uf0b7": "-",  # bullet from Symbol fonts in PDFs
    }
)
# Control characters, lone surrogates and Unicode noncharacters (U+FDD0..U+FDEF and the
# last two code points of every plane): none is text, and none may appear in the XML
# that DOCX, XLSX, PPTX and REFI-QDA files are made of, so a stray one in a review would
# otherwise stop those formats being written.
_NONCHARACTERS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}-{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]"
)
_SPACES = re.compile(r"[ ]{2,}")
_TRAILING = re.compile(r"[ ]+\n")
_BLANKS = re.compile(r"\n{3,}")
_NEWLINES = re.compile(r"\r\n?")


def _normalise_once(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    return _CONTROL.sub("", text)


def normalise_inline(text: str) -> str:
    """Normalise one piece of running text: NFKC, plain quotes and dashes, single spaces.

    Removing characters after NFKC (a zero-width space, a control) can leave a
    base letter next to a combining mark that NFKC would join; a second pass
    joins them, so that normalising twice changes nothing and offsets taken on
    the result stay valid if anyone normalises it again.
    """
    text = _normalise_once(text)
    if not unicodedata.is_normalized("NFKC", text):
        text = _normalise_once(text)
    text = _SPACES.sub(" ", text)
    return _TRAILING.sub("\n", text)


def normalise_text(text: str) -> str:
    """Normalise a whole text; paragraphs stay separated by one blank line.

    Windows (CR LF) and old Mac (CR) line endings both end a line.
    """
    text = normalise_inline(_NEWLINES.sub("\n", text))
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip()


# A heading on its own line with its text on the next ("What did not go so well\nAmara's
# mother has bipolar disorder ..."), as briefings are written: a short line that starts
# with a capital and has no digit or closing punctuation, before a line that starts with a
# capital. Glued to the sentence after it, a heading's words are read as that sentence's
# ("did not" denying what follows). Its kind says it was found so: the sections read it as a
# heading, but the facts, which read a text's sections only from the headings it marks or
# sets apart, do not (a briefing's "Learning from reviews" is no end of its account).
_HEADING_LINE = re.compile(
    r"(?:(?<=\n)|^)(?:[A-Z][^\n\d.!?:;,]{0,60}(?<![\s-])"
    # a name with what a list gives in brackets: "Baby 4 (boy, 14 months)", "Child B (6 months)"
    r"|(?:Baby|Child|Infant|Case)\s+[\w-]{1,12}\s+\([^()\n]{1,30}\))"
    r"\n(?=[A-Z\"'\u2018\u201c])"
)
_MOST_HEADING_WORDS = 8


def paragraph_blocks(text: str, page: int | None = None) -> Iterator[Block]:
    """Blocks for text whose paragraphs are separated by blank lines, and a short
    heading line is a block of its own."""
    for m in re.finditer(r"[^\n](?:.|\n(?!\n))*", text):
        start = m.start()
        for heading in _HEADING_LINE.finditer(text, m.start(), m.end()):
            if len(heading.group().split()) > _MOST_HEADING_WORDS:
                continue
            if heading.start() > start:  # the lines before it are the paragraph's, not its
                yield Block(start, heading.start() - 1, page, "paragraph")
            yield Block(heading.start(), heading.end() - 1, page, "heading_line")
            start = heading.end()
        yield Block(start, m.end(), page, "paragraph")
