"""The one-way flow for one document: segment → extract facts → screen → code."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from caselens.model import Codebook, Document, Facts, Finding, Screening, Sentence
from caselens.pipeline.coding import Coder, Coding, Considered
from caselens.pipeline.facts import extract_facts
from caselens.pipeline.harm_scope import within_harm
from caselens.pipeline.screen import screen
from caselens.pipeline.segment import segment
from caselens.pipeline.settings import Settings
from caselens.pipeline.stance import Stance, judge
from caselens.pipeline.structure import Structure


@dataclass(frozen=True)
class Processed:
    document: Document
    sentences: tuple[Sentence, ...]
    facts: Facts
    screening: Screening
    findings: tuple[Finding, ...]
    set_aside: tuple[Considered, ...] = ()  # proposals not counted, with the reason


@dataclass(frozen=True)
class Reading:
    """One document read: what :meth:`Pipeline.process` keeps, and what ``explain`` and
    the trainer need besides (the sections, every sentence's stance, every proposal)."""

    sentences: tuple[Sentence, ...]
    structure: Structure
    stances: tuple[Stance, ...]
    facts: Facts
    coding: Coding


class Pipeline:
    """Holds what is costly to prepare (compiled patterns, a loaded model) across documents."""

    def __init__(self, codebook: Codebook, settings: Settings | None = None) -> None:
        self.codebook = codebook
        self.settings = settings or Settings()
        self.coder = Coder(codebook, self.settings)

    def read(self, document: Document) -> Reading:
        """Sentences, sections, stances, facts, then the coding, with the findings the
        review's harm rules out set aside (the facts are read first for that)."""
        sentences = segment(document)
        structure = self.coder.structure.read(document, sentences)
        # each sentence judged once, for the facts and for the coders
        stances = tuple(judge(document.text[s.start : s.end]) for s in sentences)
        facts = read_facts(document, sentences, structure, stances)
        coding = self.coder.consider(document, sentences, structure, stances)
        coding = within_harm(self.codebook, coding, facts.harm_types.value)
        return Reading(sentences, structure, stances, facts, coding)

    def process(self, document: Document) -> Processed:
        r = self.read(document)
        screening = screen(document.id, r.facts, self.codebook, any_year=self.settings.any_year)
        return Processed(
            document, r.sentences, r.facts, screening, r.coding.findings, r.coding.set_aside
        )


def read_facts(
    document: Document,
    sentences: Sequence[Sentence],
    structure: Structure,
    stances: Sequence[Stance],
) -> Facts:
    """The document's scope facts, read from the sentences :func:`fact_sentences` allows."""
    case, context, hedged = fact_sentences(document, sentences, structure, stances)
    return extract_facts(document, case, context=context, hedged=hedged)


# A fact put as a possibility ("a possible subtle abnormality, which might have been a
# healing fracture"); not what practice might have done ("could have been prevented").
_HEDGE = re.compile(
    # "... and signs of other possible injuries" hedges the addition, not the claim
    r"\b(?:(?<!\bother )(?<!\bfurther )possible|possibly|queried|query"
    r"|(?:might|may|could) have been(?! (?:\w+ly )?(?:prevented|avoided|foreseen|predicted"
    r"|anticipated|stopped|protected|saved|done|better|different\w*|handled|recognised"
    r"|identified|shared|acted|taken|made|offered|given|asked|explored|reduced|picked up"
    r"|spotted|seen|referred|escalated|assessed|challenged)\b))\b",
    re.IGNORECASE,
)


def fact_sentences(
    document: Document,
    sentences: Sequence[Sentence],
    structure: Structure,
    stances: Sequence[Stance],
) -> tuple[list[Sentence], list[Sentence], list[Sentence]]:
    """The sentences the child's facts may come from: about this case, not withdrawn;
    and, in the same pass, those together with the sentences about practice or the
    country at large, and the case's sentences put as a possibility.

    "England and Wales" in a national-context paragraph, a half-sister's age in a
    general statement, or "neglect was suspected" later ruled out must not decide the
    facts; a glossary or the references say nothing about the child. Only where the
    case's own sentences name no nation may the general ones ("a national study of
    serious case reviews in England ... described the death of a baby").
    """
    case: list[Sentence] = []
    wider: list[Sentence] = []
    hedged: list[Sentence] = []
    for i, sentence in enumerate(sentences):
        if not structure.role(i).facts:
            continue
        stance = stances[i]
        if stance.polarity in ("doubts", "denies"):
            continue
        wider.append(sentence)  # a hedged claim still says where the review was held
        if stance.about != "case":
            continue
        # "a possible ...", or a question ("h) whether she had been physically abused")
        if stance.polarity == "asks" or _HEDGE.search(document.text[sentence.start : sentence.end]):
            hedged.append(sentence)
        else:
            case.append(sentence)
    return case, wider, hedged
