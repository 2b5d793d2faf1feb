"""A fictional, tiny stand-in for the pipeline, shared by the store and library tests."""

from __future__ import annotations

import re
from dataclasses import dataclass

from caselens.model import (
    Codebook,
    CriterionResult,
    Document,
    Evidence,
    Fact,
    Facts,
    Finding,
    Screening,
    Sentence,
    Theme,
)

# A fictional, tiny stand-in for the pipeline: keywords instead of a coder, so
# store tests say exactly which findings to expect.
KEYWORDS = {
    "sofa": ("E.sofa_or_unsafe_surface", "E"),
    "cannabis": ("A.parent_substance_misuse", "A"),
    "father": ("F.fathers_unseen_men", "F"),
}


def fake_codebook(version: str = "1.0.0") -> Codebook:
    return Codebook(
        id="test-codebook",
        version=version,
        title="Test codebook",
        themes=(Theme("A", "Parents"), Theme("E", "Sleep"), Theme("F", "Fathers")),
    )


@dataclass(frozen=True)
class FakeProcessed:
    document: Document
    sentences: tuple[Sentence, ...]
    facts: Facts
    screening: Screening
    findings: tuple[Finding, ...]


class FakeProcessor:
    def __init__(self, section: str | None = None, stance: str | None = None) -> None:
        self.seen: list[str] = []
        self.section = section  # how the pipeline read each finding's sentence
        self.stance = stance

    def process(self, document: Document) -> FakeProcessed:
        self.seen.append(document.id)
        text = document.text
        findings = []
        for word, (indicator, theme) in KEYWORDS.items():
            at = text.lower().find(word)
            if at >= 0:
                evidence = Evidence(text[at : at + len(word)], at, at + len(word), None)
                findings.append(
                    Finding(
                        document.id,
                        indicator,
                        theme,
                        evidence,
                        0.9,
                        "rules",
                        section=self.section,
                        stance=self.stance,
                    )
                )
        year_match = re.search(r"\b(20\d\d)\b", text)
        year = int(year_match.group(1)) if year_match else None
        baby = "baby" in text.lower()
        included = baby and year is not None and 2018 <= year <= 2022
        facts = Facts(published_year=Fact("published_year", year), infant=Fact("infant", baby))
        screening = Screening(
            document.id,
            in_scope=baby,
            included=included,
            results=(
                CriterionResult("age", "Baby", "met" if baby else "unknown", "test"),
                CriterionResult(
                    "published", "Window", "met" if included else "not_met", "t", window=True
                ),
            ),
        )
        sentences = (Sentence(0, len(text), 0),)
        return FakeProcessed(document, sentences, facts, screening, tuple(findings))
