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


# Punkt's model comes from legal text, whose abbreviations include everyday words: "fed."
# (Federal), "ill." (Illinois), "me." (Maine), "no." (number), "mass.", "miss.", "art.", so
# "how often she was fed. Managers looked at ..." stayed one sentence. A lower-case word
# of two letters or more, its full stop, and a capitalised word after it end a sentence,
# but for the abbreviations that do stand in running English before a name or a capital.
_STOP_BEFORE_CAPITAL = re.compile(r"\.(\s+)(?=[\"'\u2018\u201c(]?[A-Z][a-z])")
_LOWER_WORD_BEFORE = re.compile(r"(?<=\s)[a-z]{2,}$")
_ABBREVIATIONS = frozenset(
    [
        "vs",
        "cf",
        "viz",
        "al",
        "approx",
        "ca",
        "pp",
        "para",
        "paras",
        "fig",
        "figs",
        "ibid",
        "op",
        "cit",
        "nb",
        "ed",
        "eds",
        "incl",
        "esp",
        "resp",
        "dept",
        "govt",
        "est",
    ]
)


def _spans(chunk: str) -> Iterator[tuple[int, int]]:
    for first, last in nupunkt.sent_spans(chunk):
        for start, end in _entries(chunk, first, last):
            for stop in _STOP_BEFORE_CAPITAL.finditer(chunk, start, end):
                word = _LOWER_WORD_BEFORE.search(chunk, max(start, stop.start() - 40), stop.start())
                if word is None or word.group() in _ABBREVIATIONS:
                    continue
                yield start, stop.start(1)
                start = stop.end(1)
            yield start, end


def _entries(chunk: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for entry in _ENTRY.finditer(chunk, start, end):
        yield start, entry.start()
        start = entry.end()
    yield start, end
