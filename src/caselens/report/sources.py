"""The source appendix: each included review's text, with every coded quote marked.

A quote in the briefing links to ``#doc-<id>-<start>``, its place here, so a
reader can check it in context without opening the file. The appendix is cut
from the text at the offsets the coder recorded: the text kept in memory by the
run that coded it, or, for a saved analysis, the source file read again and
checked against its recorded hash. A quote that does not match its text is not
linked at all rather than linked to the wrong words.

Short reviews are shown whole. In a long one only the paragraphs holding a
quote and their neighbours are shown, with the gaps marked, so a briefing over
many long reviews stays a file that opens quickly and can be emailed.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caselens.errors import CaselensError
from caselens.report.quotes import anchor_id, source_id
from caselens.services import Analysis, ReviewResult
from caselens.spool import Spool, SpooledItems

WHOLE_TEXT_LIMIT = 20_000  # characters; longer reviews are shown in excerpts
CONTEXT_PARAGRAPHS = 1  # paragraphs shown either side of one holding a quote

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text; ``marked`` runs are coded quotes; ``anchors`` are ids placed before it."""

    text: str
    marked: bool
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    pieces: tuple[Piece, ...]
    gap_before: bool  # text was left out between this paragraph and the one before


@dataclass(frozen=True, slots=True)
class SourceSection:
    document_id: str
    review: str
    id: str  # fragment id of the section
    complete: bool  # the whole text is shown, not excerpts
    characters: int
    paragraphs: tuple[Paragraph, ...]
    gap_after: bool
    passages_not_shown: int = 0  # coded paragraphs left out to keep a large briefing small

    def anchors(self) -> set[str]:
        """The quote places shown here: only a quote that matches its text has one."""
        return {a for para in self.paragraphs for piece in para.pieces for a in piece.anchors}


def section_to_dict(section: SourceSection) -> dict[str, Any]:
    """A section as findings.json keeps it, so a briefing is rendered again from the file
    alone, without the review files (see :func:`sections_from_data`)."""
    return {
        "document_id": section.document_id,
        "review": section.review,
        "id": section.id,
        "complete": section.complete,
        "characters": section.characters,
        "gap_after": section.gap_after,
        "passages_not_shown": section.passages_not_shown,
        "paragraphs": [
            {
                "start": paragraph.start,
                "gap_before": paragraph.gap_before,
                "pieces": [
                    {"text": piece.text, "marked": piece.marked, "anchors": list(piece.anchors)}
                    for piece in paragraph.pieces
                ],
            }
            for paragraph in section.paragraphs
        ],
    }


class AppendixError(ValueError):
    """A saved appendix that is not what :func:`section_to_dict` writes; says where."""


def _field(item: object, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(item, dict):
        raise AppendixError(f"{where}: expected an object")
    value = item.get(key)
    if (isinstance(value, bool) and kind is int) or not isinstance(value, kind):
        raise AppendixError(f"{where}.{key}: missing or of the wrong kind")
    return value


def sections_from_data(data: object) -> tuple[SourceSection, ...]:
    """The sections written by :func:`section_to_dict`, checked field by field."""
    if not isinstance(data, list):
        raise AppendixError("appendix: expected a list")
    return tuple(section_from_data(item, f"appendix[{i}]") for i, item in enumerate(data))


def section_from_data(item: object, where: str) -> SourceSection:
    """One section of a saved appendix, checked; ``where`` is its place, for the message."""
    paragraphs = []
    for j, para in enumerate(_field(item, "paragraphs", list, where)):
        at = f"{where}.paragraphs[{j}]"
        pieces = []
        for k, piece in enumerate(_field(para, "pieces", list, at)):
            on = f"{at}.pieces[{k}]"
            anchors = _field(piece, "anchors", list, on)
            if not all(isinstance(a, str) for a in anchors):
                raise AppendixError(f"{on}.anchors: expected text")
            pieces.append(
                Piece(
                    _field(piece, "text", str, on),
                    _field(piece, "marked", bool, on),
                    tuple(anchors),
                )
            )
        paragraphs.append(
            Paragraph(
                _field(para, "start", int, at),
                tuple(pieces),
                _field(para, "gap_before", bool, at),
            )
        )
    return SourceSection(
        document_id=_field(item, "document_id", str, where),
        review=_field(item, "review", str, where),
        id=_field(item, "id", str, where),
        complete=_field(item, "complete", bool, where),
        characters=_field(item, "characters", int, where),
        paragraphs=tuple(paragraphs),
        gap_after=_field(item, "gap_after", bool, where),
        passages_not_shown=_field(item, "passages_not_shown", int, where),
    )


def _spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def _merge(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _pieces(
    text: str, start: int, end: int, marks: list[tuple[int, int]], anchors: dict[int, list[str]]
) -> tuple[Piece, ...]:
    """Cut ``text[start:end]`` at the marks' edges and at every anchor (``marks`` sorted and
    not overlapping, so only those around this paragraph are looked at)."""
    first = max(bisect.bisect_right(marks, (start, start)) - 1, 0)
    near = []
    for a, b in marks[first:]:
        if a >= end:
            break
        if b > start:
            near.append((a, b))
    cuts = {start, end}
    for a, b in near:
        cuts.update(x for x in (a, b) if start < x < end)
    cuts.update(x for x in anchors if start < x < end)
    points = sorted(cuts)
    pieces = []
    for a, b in itertools.pairwise(points):
        marked = any(m0 <= a and b <= m1 for m0, m1 in near)
        pieces.append(Piece(text[a:b], marked, tuple(anchors.get(a, ()))))
    return tuple(pieces)


def _holding(spans: Sequence[tuple[int, int]], marks: Sequence[tuple[int, int]]) -> list[int]:
    """The paragraphs a mark overlaps, in one pass over both (each sorted): linear in the
    paragraphs and the quotes, not their product."""
    out: list[int] = []
    j = 0
    for i, (a, b) in enumerate(spans):
        while j < len(marks) and marks[j][1] <= a:
            j += 1
        if j < len(marks) and marks[j][0] < b:
            out.append(i)
    return out


def build_section(
    result: ReviewResult,
    text: str,
    name: str | None = None,
    *,
    max_passages: int | None = None,
    first: frozenset[str] = frozenset(),
) -> SourceSection | None:
    """The appendix section of one review, or None if none of its quotes match ``text``.

    ``max_passages`` keeps at most that many coded paragraphs (those holding a quote
    whose anchor is in ``first`` before the rest, then in text order) and no context
    around them: what a briefing over hundreds of reviews can carry."""
    doc_id = result.document.id
    quotes = [(f.start, f.end) for f in result.findings if text[f.start : f.end] == f.quote]
    if not quotes:
        return None
    marks = _merge(quotes)
    spans = _spans(text)
    holding = _holding(spans, marks)
    complete = len(text) <= WHOLE_TEXT_LIMIT and max_passages is None
    not_shown = 0
    if complete:
        keep = set(range(len(spans)))
    elif max_passages is not None and len(holding) > max_passages:
        wanted = sorted({q for q, _ in quotes if anchor_id(doc_id, q) in first})
        starts = [a for a, _ in spans]
        preferred = {bisect.bisect_right(starts, q) - 1 for q in wanted}
        ordered = [i for i in holding if i in preferred] + [
            i for i in holding if i not in preferred
        ]
        keep = set(ordered[:max_passages])
        not_shown = len(holding) - len(keep)
    else:
        context = 0 if max_passages is not None else CONTEXT_PARAGRAPHS
        keep = {
            j for i in holding for j in range(i - context, i + context + 1) if 0 <= j < len(spans)
        }
    # one anchor per quote start; only those inside a shown paragraph are placed (_pieces)
    anchors = {start: [anchor_id(doc_id, start)] for start, _ in quotes}
    paragraphs = []
    previous = -1
    for i in sorted(keep):
        start, end = spans[i]
        paragraphs.append(
            Paragraph(start, _pieces(text, start, end, marks, anchors), gap_before=i > previous + 1)
        )
        previous = i
    return SourceSection(
        document_id=doc_id,
        review=name or result.document.name,
        id=source_id(doc_id),
        complete=complete,
        characters=len(text),
        paragraphs=tuple(paragraphs),
        gap_after=previous < len(spans) - 1,
        passages_not_shown=not_shown,
    )


def build_sources(
    included: Sequence[ReviewResult],
    texts: Mapping[str, str],
    names: Mapping[str, str] | None = None,
    *,
    max_passages: int | None = None,
    first: frozenset[str] = frozenset(),
    spool: Spool | None = None,
) -> Sequence[SourceSection]:
    """The appendix: a tuple, or, given the run's ``spool``, kept on disk section by
    section, so a briefing over the national repository holds one section at a time."""
    names = names or {r.document.id: r.document.name for r in included}
    sections: list[SourceSection] | SpooledItems[SourceSection] = (
        [] if spool is None else SpooledItems(spool)
    )
    for result in sorted(included, key=lambda r: names[r.document.id].lower()):
        text = texts.get(result.document.id)
        if text is not None:
            section = build_section(
                result, text, names[result.document.id], max_passages=max_passages, first=first
            )
            if section is not None:
                sections.append(section)
    return tuple(sections) if isinstance(sections, list) else sections


@dataclass(frozen=True, slots=True)
class SourceTexts:
    """Review texts for the appendix and the .qdpx, and why any review has none.

    ``notes`` are written for a person, one per review left out, so a briefing
    says plainly why a quote cannot be opened in context.
    """

    texts: dict[str, str]
    notes: tuple[str, ...] = ()


def _unchanged(result: ReviewResult, sha256: str | None, doc_id: str) -> bool:
    """Whether a re-read file is the one that was coded: same full hash, else same id."""
    recorded = result.document.sha256
    if recorded and sha256:
        return recorded == sha256
    return doc_id == result.document.id


def _located(source: str, roots: Sequence[Path]) -> Path | None:
    """Where a review's file is now: as named (from the current folder), or under one of
    ``roots`` (the folder the user says the reviews are in), with or without the first
    folder of the name ("reviews/child-a.pdf" under /data/reviews)."""
    named = Path(source)
    candidates = [named]
    for root in roots:
        candidates.append(root / named)
        if len(named.parts) > 1:
            candidates.append(root.joinpath(*named.parts[1:]))
    return next((c for c in candidates if c.is_file()), None)


def read_texts(
    analysis: Analysis, *, max_bytes: int | None = None, roots: Sequence[Path] = ()
) -> SourceTexts:
    """The text of every review whose source file is still there and unchanged.

    A saved analysis holds no text, so this is the one place sources are read
    again. A review whose file has moved, gone, cannot be read, or now hashes
    differently is left out with a note; its quotes are then shown without a
    link to their place, never linked to the wrong words.
    """
    from caselens.ingest import read_document

    texts: dict[str, str] = {}
    notes: list[str] = []
    for result in analysis.results:
        name, source = result.document.name, result.document.source
        where = _located(source, roots) if source else None
        if where is None:
            notes.append(
                f"{name}: the source file {source} is not there (run the report from the "
                "folder it was analysed from, or say where the reviews are with --sources)"
                if source
                else f"{name}: no source file was recorded"
            )
            continue
        try:
            if max_bytes is None:
                document = read_document(where)
            else:
                document = read_document(where, max_bytes=max_bytes)
        except CaselensError as error:
            problem = getattr(error, "problem", None) or error
            notes.append(f"{name}: {source} cannot be read now ({problem})")
            continue
        if not _unchanged(result, document.sha256, document.id):
            notes.append(
                f"{name}: {source} has changed since it was analysed (its content hash "
                "differs), so its quotes would point at the wrong words; analyse it again"
            )
        elif any(document.text[f.start : f.end] != f.quote for f in result.findings):
            notes.append(
                f"{name}: {source} is unchanged but this caselens reads it differently, "
                "so its quotes would point at the wrong words; analyse it again"
            )
        else:
            texts[result.document.id] = document.text
    return SourceTexts(texts, tuple(notes))
