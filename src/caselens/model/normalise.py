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
        "\r": None,
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
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ ]{2,}")
_TRAILING = re.compile(r"[ ]+\n")
_BLANKS = re.compile(r"\n{3,}")


def normalise_inline(text: str) -> str:
    """Normalise one piece of running text: NFKC, plain quotes and dashes, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    return _TRAILING.sub("\n", text)


def normalise_text(text: str) -> str:
    """Normalise a whole text; paragraphs stay separated by one blank line."""
    text = normalise_inline(text.replace("\r\n", "\n"))
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip()


def paragraph_blocks(text: str, page: int | None = None) -> Iterator[Block]:
    """Blocks for text whose paragraphs are separated by blank lines."""
    for m in re.finditer(r"[^\n](?:.|\n(?!\n))*", text):
        yield Block(m.start(), m.end(), page, "paragraph")
