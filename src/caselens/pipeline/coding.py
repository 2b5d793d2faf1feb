"""Code a document with every available coder and merge their findings.

Patterns are precise and explainable, so where the pattern coder and the semantic
coder both find an indicator in the same sentence the pattern finding is kept.
The semantic coder is optional: when its module or model is not installed the
product still works on patterns alone.

Not every sentence of a review is about the family. Headings name topics
("Information sharing"), glossaries define terms ("MARAC: a meeting to share
information ..."), and a recommendations section speaks to agencies in general;
none of these is evidence that the issue arose in this case. So headings and
reference sections are not coded, and a recommendation is coded only when it
names the case or its family.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Protocol

from caselens.model import Codebook, Document, Finding, Sentence
from caselens.pipeline.code_rules import RuleCoder
from caselens.pipeline.negation import has_case_link
from caselens.pipeline.settings import Settings

_NUMBER = r"^\W*(?:(?:section|part|appendix)\s+)?(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)?[.):]?\s*"
# Sections that describe the review itself or define words, not the family.
_REFERENCE_SECTION = re.compile(
    _NUMBER + r"(?:glossary|abbreviations|acronyms|terms used|key terms|definitions|references"
    r"|bibliography|(?:table of )?contents|acknowledge?ments|appendi(?:x|ces)"
    r"|panel membership|review panel|reviewers?|methodology|terms of reference)\b",
    re.IGNORECASE,
)
_RECOMMENDATIONS = re.compile(_NUMBER + r"(?:\w+\s+){0,2}recommendations?\b", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?:;,\"'\u201d\u2019)\]]\s*$")


def _looks_like_heading(text: str) -> bool:
    """A short single line without closing punctuation, in a text that marks no headings."""
    words = text.split()
    return (
        0 < len(words) <= 10
        and "\n" not in text.strip()
        and not _TERMINAL.search(text)
        and (text.lstrip()[:1].isupper() or text.lstrip()[:1].isdigit())
    )


def codable(doc: Document, sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences that can be evidence about the case: not headings or reference sections.

    A sentence under a "Recommendations" heading is kept only when it names the
    case or its family (the guideline: a general recommendation is no indicator).
    """
    text = doc.text
    section = ""  # the kind of section the current heading opens
    kept: list[Sentence] = []
    last_block = -1
    heading_block = False
    for sentence in sentences:
        if sentence.block != last_block:
            last_block = sentence.block
            block = doc.blocks[sentence.block] if sentence.block < len(doc.blocks) else None
            block_text = text[block.start : block.end] if block is not None else ""
            heading_block = block is not None and (
                block.kind == "heading"
                or (block.kind == "paragraph" and _looks_like_heading(block_text))
            )
            if heading_block:
                if _REFERENCE_SECTION.match(block_text):
                    section = "reference"
                elif _RECOMMENDATIONS.match(block_text):
                    section = "recommendations"
                else:
                    section = ""
        if heading_block or section == "reference":
            continue
        if section == "recommendations" and not has_case_link(text[sentence.start : sentence.end]):
            continue
        kept.append(sentence)
    return kept


class SentenceCoder(Protocol):
    def code(self, doc: Document, sentences: Sequence[Sentence]) -> list[Finding]: ...


def _semantic_coder(codebook: Codebook) -> SentenceCoder | None:
    """The semantic coder if its module and model are available, else None."""
    try:
        module = importlib.import_module("caselens.pipeline.code_semantic")
    except ImportError:
        return None
    try:
        coder: SentenceCoder = module.SemanticCoder(codebook)
    except ImportError:  # the model's runtime (e.g. onnxruntime) is not installed
        return None
    return coder


def _key(finding: Finding) -> tuple[str, int, int]:
    start = finding.sentence_start if finding.sentence_start is not None else finding.start
    end = finding.sentence_end if finding.sentence_end is not None else finding.end
    return (finding.indicator, start, end)


def merge(
    primary: Sequence[Finding], secondary: Sequence[Finding], min_confidence: float
) -> list[Finding]:
    """One finding per (indicator, sentence); ``primary`` wins a tie, weak ones are dropped."""
    chosen: dict[tuple[str, int, int], Finding] = {}
    for finding in list(primary) + list(secondary):
        if finding.confidence < min_confidence:
            continue
        chosen.setdefault(_key(finding), finding)
    return sorted(chosen.values(), key=lambda f: (f.start, f.end, f.indicator))


class Coder:
    """The coding step: patterns always, semantic matching when asked for and available."""

    def __init__(self, codebook: Codebook, settings: Settings | None = None) -> None:
        self.codebook = codebook
        self.settings = settings or Settings()
        self.rules = RuleCoder(codebook)
        self.semantic: SentenceCoder | None = (
            _semantic_coder(codebook) if self.settings.semantic else None
        )

    @property
    def methods(self) -> tuple[str, ...]:
        return ("rules", "semantic") if self.semantic is not None else ("rules",)

    def code(self, doc: Document, sentences: Sequence[Sentence]) -> list[Finding]:
        """Findings of both coders over the sentences that can be evidence about the case."""
        sentences = codable(doc, sentences)
        rule_findings = self.rules.code(doc, sentences)
        semantic_findings = self.semantic.code(doc, sentences) if self.semantic is not None else []
        return merge(rule_findings, semantic_findings, self.settings.min_confidence)
