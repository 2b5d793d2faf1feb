"""Check a codebook's own examples: the sentences each indicator must find, and must not.

A pattern edited to catch one more phrasing can silently stop catching another, or start
firing on a denial. Keeping the sentences beside the indicator, and running them through
the same pipeline a review goes through, makes the codebook its own test: ``caselens
codebook validate`` reports every example missed and every counter-example found.
"""

from __future__ import annotations

from dataclasses import dataclass

from caselens.model import Codebook, Document
from caselens.pipeline.run import Pipeline
from caselens.pipeline.settings import Settings


@dataclass(frozen=True, slots=True)
class ExampleProblem:
    """One example the codebook gets wrong."""

    indicator: str
    kind: str  # "missed": an example not found | "found": a counter-example found
    sentence: str
    words: str = ""  # what matched, for a counter-example found

    def message(self) -> str:
        if self.kind == "missed":
            return f"{self.indicator}: example not found: {self.sentence!r}"
        return (
            f"{self.indicator}: counter-example found ({self.words!r} matched): {self.sentence!r}"
        )


def check_examples(codebook: Codebook) -> list[ExampleProblem]:
    """Every example and counter-example, each read alone as a one-sentence document with
    the default settings (patterns, sections and stance), as a summary would be."""
    pipeline = Pipeline(codebook, Settings(semantic=False, model=False))
    problems: list[ExampleProblem] = []
    for indicator in codebook.indicators:
        for sentence in indicator.examples:
            found = _found(pipeline, sentence, indicator.id)
            if found is None:
                problems.append(ExampleProblem(indicator.id, "missed", sentence))
        for sentence in indicator.counter_examples:
            found = _found(pipeline, sentence, indicator.id)
            if found is not None:
                problems.append(ExampleProblem(indicator.id, "found", sentence, found))
    return problems


def _found(pipeline: Pipeline, sentence: str, indicator: str) -> str | None:
    processed = pipeline.process(Document.from_text(sentence, "example"))
    for finding in processed.findings:
        if finding.indicator == indicator:
            return finding.note or finding.evidence.quote
    return None
