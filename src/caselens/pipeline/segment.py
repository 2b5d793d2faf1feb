"""Sentences within blocks, as offsets into the document text.

Punkt (via nupunkt) handles abbreviations such as "Dr." and "p. 4" that a
full-stop split gets wrong; sentences never cross a block boundary, so a
heading is never glued to the paragraph after it.

Case notes are entries, each opened by its date ("not revisited. 02/11 MW 22/40:
attended alone ..."; "Not met.\n12/09/24 Joint visit"); Punkt, which wants a capital
after a full stop, leaves such entries joined, so a sentence is also ended before a
day/month date that follows a full stop or opens a new line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import nupunkt

from caselens.model.document import Document, Sentence

# a dated entry: after a word's full stop ("revisited. 02/11", "NFA. 14/03", not "(b. 07/24)")
# or at a new line inside a block
_ENTRY = re.compile(r"(?:(?<=[a-zA-Z0-9)\]'\"]{2}\.)\s+|(?<=\S)[ \t]*\n\s*)(?=\d{1,2}/\d{1,2}\b)")


def segment(document: Document) -> tuple[Sentence, ...]:
    text = document.text
    sentences: list[Sentence] = []
    for index, block in enumerate(document.blocks):
        chunk = text[block.start : block.end]
        if not chunk.strip():
            continue
        for start, end in _spans(chunk):
            # Trim the whitespace Punkt leaves at the edges so quotes are clean.
            while start < end and chunk[start].isspace():
                start += 1
            while end > start and chunk[end - 1].isspace():
                end -= 1
            if end > start:
                sentences.append(
                    Sentence(block.start + start, block.start + end, index, block.page)
                )
    return tuple(sentences)


def _spans(chunk: str) -> Iterator[tuple[int, int]]:
    for start, end in nupunkt.sent_spans(chunk):
        for entry in _ENTRY.finditer(chunk, start, end):
            yield start, entry.start()
            start = entry.end()
        yield start, end
