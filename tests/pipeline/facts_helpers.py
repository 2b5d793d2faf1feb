"""Shared by the facts tests: read the scope facts of one fictional text."""

from __future__ import annotations

from caselens.model import Document, Evidence, Fact, Facts
from caselens.pipeline.facts import extract_facts
from caselens.pipeline.segment import segment


def read(text: str) -> tuple[Document, Facts]:
    """The document made of ``text`` and its facts, for tests that check evidence offsets."""
    doc = Document.from_text(text, "fictional")
    return doc, extract_facts(doc, segment(doc))


def facts_of(text: str) -> Facts:
    return read(text)[1]


def harm_types(text: str) -> tuple[str, ...]:
    """The harm types read from ``text``; none found reads as an empty tuple."""
    value = facts_of(text).harm_types.value
    return tuple(value) if isinstance(value, (list, tuple)) else ()


def quotes_in_text(doc: Document, fact: Fact) -> list[Evidence]:
    """The fact's evidence, after checking every quote is the text at its offsets."""
    for ev in fact.evidence:
        assert doc.text[ev.start : ev.end] == ev.quote
    return list(fact.evidence)
