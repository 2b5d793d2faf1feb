"""Shared by the coder tests: code one fictional text and name what was found."""

from __future__ import annotations

from caselens.model import Document, Finding
from caselens.pipeline.code_rules import RuleCoder
from caselens.pipeline.segment import segment


def code(coder: RuleCoder, text: str) -> list[Finding]:
    doc = Document.from_text(text, "fictional")
    return coder.code(doc, segment(doc))


def indicators(coder: RuleCoder, text: str) -> set[str]:
    return {f.indicator for f in code(coder, text)}
