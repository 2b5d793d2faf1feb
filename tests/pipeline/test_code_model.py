"""In a full review the trained model proposes nothing but checks the patterns: an
indicator whose every matched sentence it all but rules out is set aside, and says why."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pytest

from caselens.codebook import default_codebook
from caselens.model import Document, Finding, Sentence
from caselens.pipeline.code_model import ModelCoder
from caselens.pipeline.coding import Coder
from caselens.pipeline.segment import segment
from caselens.pipeline.settings import Settings

TEXT = (
    "The father was never seen by the health visitor. "
    "The father was not seen at any home visit either. "
    "Isla was an articulate child."
)
FIRST, SECOND, THIRD = (
    "The father was never seen by the health visitor.",
    "The father was not seen at any home visit either.",
    "Isla was an articulate child.",
)


class Scripted:
    """A stand-in for the trained model that gives each sentence the probabilities it was
    told (and almost nothing otherwise), and keeps what it was asked to read."""

    def __init__(self, said: dict[str, dict[str, float]], floor: float | None = 0.03) -> None:
        self.labels = tuple(i.id for i in default_codebook().indicators)
        self.config: dict[str, object] = {"policy": {}, "long_floor": floor}
        self.said = said
        self.read: list[str] = []

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        self.read.extend(texts)
        out = np.full((len(texts), len(self.labels)), -10.0, dtype=np.float32)
        for k, text in enumerate(texts):
            for label, p in self.said.get(text, {}).items():
                out[k, self.labels.index(label)] = math.log(p / (1 - p))
        return out


def _patterns(doc: Document) -> tuple[list[Sentence], list[Finding]]:
    sentences = segment(doc)
    findings = Coder(default_codebook(), Settings(model=False)).rules.code(doc, sentences, [])
    assert [f.indicator for f in findings] == [
        "F.fathers_unseen_men",
        "F.fathers_unseen_men",
        "D.affluence_assumption",
    ]
    return sentences, findings


def _check(model: Scripted) -> tuple[list[Finding], list[Finding]]:
    doc = Document.from_text(TEXT, "review")
    sentences, findings = _patterns(doc)
    coder = ModelCoder(default_codebook(), model)  # type: ignore[arg-type]
    return coder.check(doc, sentences, findings)


def test_an_indicator_all_of_whose_sentences_the_model_rules_out_is_overruled() -> None:
    model = Scripted(
        {
            FIRST: {"F.fathers_unseen_men": 0.01},
            SECOND: {"F.fathers_unseen_men": 0.6},
            THIRD: {"D.affluence_assumption": 0.001},
        }
    )
    kept, overruled = _check(model)
    # one sentence the model believes keeps both of the indicator's findings
    assert [f.indicator for f in kept] == ["F.fathers_unseen_men"] * 2
    assert [f.indicator for f in overruled] == ["D.affluence_assumption"]
    assert overruled[0].note == "articulate; model p=0.001"  # the words, and what it gave


def test_reading_stops_at_the_first_sentence_the_model_believes() -> None:
    model = Scripted({FIRST: {"F.fathers_unseen_men": 0.9}, THIRD: {"D.affluence_assumption": 0.5}})
    kept, overruled = _check(model)
    assert len(kept) == 3 and not overruled
    assert sorted(model.read) == sorted([FIRST, THIRD])  # the fathers' second is not read


@pytest.mark.parametrize("floor", [None, 0.03])
def test_without_a_floor_or_outside_the_open_sentences_nothing_is_overruled(
    floor: float | None,
) -> None:
    doc = Document.from_text(TEXT, "review")
    sentences, findings = _patterns(doc)
    model = Scripted({}, floor=floor)  # every indicator almost ruled out
    coder = ModelCoder(default_codebook(), model)  # type: ignore[arg-type]
    if floor is None:
        kept, overruled = coder.check(doc, sentences, findings)
    else:  # sentences in a section that cannot hold findings are set aside later anyway
        kept, overruled = coder.check(doc, [], findings)
    assert kept == findings and not overruled and not model.read


def test_a_full_review_s_pattern_finding_the_model_rules_out_is_set_aside_with_why() -> None:
    """With the shipped model: a housing officer who did not attend a meeting is not a
    parent reluctant to engage."""
    # a full review runs to pages: the agencies' work, told at length before the analysis
    agencies = "".join(
        f"\n\nThe {agency} kept its records of the family on its own system, and the review"
        " read them in full before meeting the practitioners involved in this period."
        for agency in ["health visiting service", "midwifery service", "GP practice"] * 20
    )
    review = Document.from_text(
        "Introduction\n\nThis review concerns Baby K, who was seriously injured at nine weeks"
        " old.\n\nBackground\n\nBaby K lived with his mother, his father and his sister Isla."
        " The housing officer was invited to the core group but did not attend either meeting."
        " The father was never seen by the health visitor." + agencies + "\n\nAnalysis\n\n"
        "Nobody asked who else looked after the baby.",
        "review",
    )
    assert len(review.text) > 10_000
    with_model = Coder(default_codebook(), Settings(model=True)).consider(review, segment(review))
    alone = Coder(default_codebook(), Settings(model=False)).consider(review, segment(review))
    assert "C.reluctance_to_engage" in {f.indicator for f in alone.findings}
    found = {f.indicator for f in with_model.findings}
    assert "C.reluctance_to_engage" not in found and "F.fathers_unseen_men" in found
    aside = [c for c in with_model.considered if c.indicator == "C.reluctance_to_engage"]
    assert aside and not aside[0].kept and "ruled it out" in aside[0].reason
    assert "model p=" in aside[0].detail


def _union(notes_threshold: float | None) -> Scripted:
    model = Scripted({THIRD: {"G.child_lived_experience": 0.95}})
    model.config = {
        "policy": {"G.child_lived_experience": "union"},
        "threshold": 0.97,
        "notes_threshold": notes_threshold,
    }
    return model


def test_a_case_s_notes_are_read_with_the_notes_threshold() -> None:
    doc = Document.from_text(THIRD, "notes")
    sentences = segment(doc)
    coder = ModelCoder(default_codebook(), _union(0.92))  # type: ignore[arg-type]
    # 0.95 is under the threshold chosen on reporting and over the one chosen on notes
    assert coder.code(doc, sentences, [])[0] == []
    found = coder.for_notes().code(doc, sentences, [])[0]
    assert [f.indicator for f in found] == ["G.child_lived_experience"]
    assert coder.threshold["G.child_lived_experience"] == 0.97  # the original is untouched


def test_without_a_notes_threshold_notes_are_read_as_reporting_is() -> None:
    coder = ModelCoder(default_codebook(), _union(None))  # type: ignore[arg-type]
    assert coder.for_notes() is coder


def test_the_notes_coder_uses_the_notes_threshold_and_says_so() -> None:
    from caselens.pipeline.sentence_model import default_model

    config = default_model().config
    notes = Coder(default_codebook(), Settings(model=True), one_account=True)
    reviews = Coder(default_codebook(), Settings(model=True))
    assert notes.model is not None and reviews.model is not None
    assert set(notes.model.threshold.values()) == {config["notes_threshold"]}
    assert notes.provenance()["model_notes_threshold"] == config["notes_threshold"]
    assert "model_notes_threshold" not in reviews.provenance()


def _found(doc: Document, sentence: Sentence, indicator: str) -> Finding:
    from caselens.model import Evidence

    quote = doc.text[sentence.start : sentence.end]
    return Finding(
        document=doc.id,
        indicator=indicator,
        theme=indicator.split(".")[0],
        evidence=Evidence(quote, sentence.start, sentence.end, None),
        confidence=0.8,
        method="rules",
        sentence_start=sentence.start,
        sentence_end=sentence.end,
    )


def test_a_sentence_holding_two_open_indicators_is_read_first_and_decides_both() -> None:
    """The verdicts do not depend on the order the sentences are read in, so the one that
    can settle most indicators is read first: here one reading instead of two."""
    text = "The father drank. The father drank and was never seen. The father was never seen."
    doc = Document.from_text(text, "review")
    one, both, other = segment(doc)
    findings = [
        _found(doc, one, "A.parent_substance_misuse"),
        _found(doc, both, "A.parent_substance_misuse"),
        _found(doc, both, "F.fathers_unseen_men"),
        _found(doc, other, "F.fathers_unseen_men"),
    ]
    sure = {"A.parent_substance_misuse": 0.9, "F.fathers_unseen_men": 0.9}
    model = Scripted({doc.text[both.start : both.end]: sure})
    kept, overruled = ModelCoder(default_codebook(), model).check(  # type: ignore[arg-type]
        doc, [one, both, other], findings
    )
    assert len(kept) == 4 and not overruled
    assert model.read == ["The father drank and was never seen."]
    # and where every sentence is under the floor, all are read, the note in text order
    model = Scripted({})
    kept, overruled = ModelCoder(default_codebook(), model).check(  # type: ignore[arg-type]
        doc, [one, both, other], findings
    )
    assert not kept and len(overruled) == 4 and len(model.read) == 3


def test_a_briefing_with_headings_is_read_whole_and_a_full_review_is_only_checked() -> None:
    """A page or two with "What happened" and "What we learned" is the kind of text the
    model learned from; a review of many pages with its sections is not."""
    coder = Coder(default_codebook(), Settings(model=True))
    briefing = Document.from_text(
        "Learning briefing\n\nWhat happened\nBaby K was injured at nine weeks.\n\n"
        "What went well\nThe midwife referred promptly.\n\nWhat did not go so well\n"
        "Nobody asked who else looked after the baby.",
        "briefing",
    )
    sentences = segment(briefing)
    structure = coder.structure.read(briefing, sentences)
    assert len(structure.headings) >= 3
    assert coder.model_reads_whole(briefing, structure)
    long_review = Document.from_text(briefing.text + "\n\nMore." * 3_000, "review")
    assert not coder.model_reads_whole(
        long_review, coder.structure.read(long_review, segment(long_review))
    )
