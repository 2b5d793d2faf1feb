"""Sentences within blocks, as offsets into the document text.

Punkt (via nupunkt) handles abbreviations such as "Dr." and "p. 4" that a
full-stop split gets wrong; sentences never cross a block boundary, so a
heading is never glued to the paragraph after it.
"""

from __future__ import annotations

import nupunkt

from caselens.model.document import Document, Sentence


def segment(document: Document) -> tuple[Sentence, ...]:
    text = document.text
    sentences: list[Sentence] = []
    for index, block in enumerate(document.blocks):
        chunk = text[block.start : block.end]
        if not chunk.strip():
            continue
        for start, end in nupunkt.sent_spans(chunk):
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
