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


def paragraph_blocks(text: str, page: int | None = None) -> Iterator[Block]:
    """Blocks for text whose paragraphs are separated by blank lines."""
    for m in re.finditer(r"[^\n](?:.|\n(?!\n))*", text):
        yield Block(m.start(), m.end(), page, "paragraph")
