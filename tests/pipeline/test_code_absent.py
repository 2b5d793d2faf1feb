"""An indicator's ``absent`` words (a negative test, a weight on its centile) set aside the
model's proposal of it in their sentence; the patterns' own findings stand."""

from __future__ import annotations

import numpy as np
import pytest

from caselens.codebook import codebook_from_dict, codebook_to_dict, default_codebook
from caselens.model import Document
from caselens.pipeline.coding import Coder, Coding
from caselens.pipeline.segment import segment
from caselens.pipeline.sentence_model import default_model
from caselens.pipeline.settings import Settings

SUBSTANCE = "A.parent_substance_misuse"
WEIGHT = "C.poor_weight_gain_or_health_concern"


def _notes(monkeypatch: pytest.MonkeyPatch, text: str, sure_of: tuple[str, ...]) -> Coding:
    """The notes coded with the shipped model made sure of ``sure_of`` in every sentence,
    so what decides is the sentence's words, not how the model happens to weigh them."""
    model = default_model()
    real = model.logits
    labels = list(model.labels)

    def sure(texts: list[str]) -> np.ndarray:
        out = np.array(real(texts))
        for indicator in sure_of:
            out[:, labels.index(indicator)] = 6.0
        return out

    monkeypatch.setattr(model, "logits", sure)
    coder = Coder(default_codebook(), Settings(model=True), one_account=True)
    doc = Document.from_text(text, "note")
    return coder.consider(doc, segment(doc))


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Mum asked re drugs, says none; hair strand clear.", SUBSTANCE),
        ("Booking bloods and tox screen neg.", SUBSTANCE),
        ("Baby E, 6/12, cough 5 days, chest clear, sats 98%, wt on 50th centile.", WEIGHT),
        ("Wt 9th centile, tracking since birth.", WEIGHT),
        ("P examined: wt 4.9kg, on 50th centile, hips and eyes normal.", WEIGHT),
        ("Asked about her mood: 'tired but fine', Whooley neg.", "A.parent_mental_health"),
        ("Mood today bright, EPDS 4.", "A.parent_mental_health"),
        ("She reports a happy childhood, close to her parents.", "A.parent_childhood_adversity"),
    ],
)
def test_a_sentence_saying_the_concern_is_not_there_sets_the_model_aside(
    monkeypatch: pytest.MonkeyPatch, text: str, indicator: str
) -> None:
    coding = _notes(monkeypatch, text, (indicator,))
    assert indicator not in {f.indicator for f in coding.findings}
    why = [c.reason for c in coding.considered if c.indicator == indicator and c.method == "model"]
    assert why and why[0].startswith("the sentence says it is not so")


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        # a weight gone from one centile to another, or static, is the concern itself
        ("Wt dropped from 50th to 9th centile since the new birth visit.", WEIGHT),
        ("Wt on 2nd centile, static for six weeks.", WEIGHT),
        # a test result that is not clear
        ("Hair strand positive for cocaine.", SUBSTANCE),
        # a score that is not low
        ("EPDS 19 at the 6-8 week review.", "A.parent_mental_health"),
    ],
)
def test_a_concern_told_beside_centiles_or_tests_is_not_set_aside(
    monkeypatch: pytest.MonkeyPatch, text: str, indicator: str
) -> None:
    coding = _notes(monkeypatch, text, (indicator,))
    assert indicator in {f.indicator for f in coding.findings}


def test_the_patterns_finding_in_the_same_sentence_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    # the father's drinking is the patterns' finding; the mother's clear test does not undo it
    coding = _notes(
        monkeypatch, "Dad drinks 8 cans most nights; mum's hair strand clear.", (SUBSTANCE,)
    )
    found = [f for f in coding.findings if f.indicator == SUBSTANCE]
    assert found and found[0].method == "rules"


def test_a_codebook_without_absent_words_keeps_the_models_proposal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = codebook_to_dict(default_codebook())
    for item in data["indicators"]:
        item.pop("absent", None)
    bare = codebook_from_dict(data, "bare")
    model = default_model()
    real = model.logits
    column = list(model.labels).index(SUBSTANCE)

    def sure(texts: list[str]) -> np.ndarray:
        out = np.array(real(texts))
        out[:, column] = 6.0
        return out

    monkeypatch.setattr(model, "logits", sure)
    doc = Document.from_text("Mum asked re drugs, says none; hair strand clear.", "note")
    coding = Coder(bare, Settings(model=True), one_account=True).consider(doc, segment(doc))
    assert SUBSTANCE in {f.indicator for f in coding.findings}
