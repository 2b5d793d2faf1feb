"""The shipped sentence model: loads offline from the package, reads sentences, and turns
its word into calibrated, explainable findings."""

from __future__ import annotations

import itertools
import socket

import numpy as np
import pytest

from caselens.codebook import default_codebook
from caselens.model import Document
from caselens.pipeline.code_model import ModelCoder
from caselens.pipeline.coding import Coder
from caselens.pipeline.segment import segment
from caselens.pipeline.sentence_model import (
    DEFAULT_MODEL_DIR,
    SentenceModel,
    SentenceModelError,
    default_model,
    windows,
)
from caselens.pipeline.settings import Settings


def test_the_model_ships_with_its_card_and_knows_every_indicator() -> None:
    for name in ("config.json", "MODEL_CARD.md"):
        assert (DEFAULT_MODEL_DIR / name).is_file(), name
    model = default_model()
    assert set(model.labels) == {i.id for i in default_codebook().indicators}
    size = sum(p.stat().st_size for p in DEFAULT_MODEL_DIR.iterdir())
    assert size < 32 * 1024 * 1024  # small enough to ship inside the package


def test_it_runs_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    model = SentenceModel(DEFAULT_MODEL_DIR)  # a fresh load, not the cached one
    texts = ["The father was never seen by the health visitor.", "", "x" * 5000]
    logits = model.logits(texts)
    assert logits.shape == (3, len(model.labels)) and np.isfinite(logits).all()
    again = model.logits(list(reversed(texts)))[::-1]
    assert np.allclose(logits, again, atol=1e-4)  # order changes nothing


def test_a_sentence_reads_the_same_alone_or_among_others() -> None:
    """The int8 model quantises per run: a sentence's probability must not move with the
    sentences read beside it (in a batch it did, by logits of up to 1.4)."""
    model = default_model()
    texts = [
        "The father was never seen by the health visitor.",
        "Nobody asked who else looked after the baby.",
        "The mother had a history of depression and was on medication.",
        "word " * 100,
    ]
    together = model.logits(texts)
    alone = np.vstack([model.logits([t]) for t in texts])
    assert np.array_equal(together, alone)


def test_a_long_sentence_is_cut_into_overlapping_windows_that_cover_it() -> None:
    assert windows([101, 5, 6, 102], 64) == [[101, 5, 6, 102]]
    body = list(range(1000, 1150))  # 150 word pieces between the special ones
    cut = windows([101, *body, 102], 64)
    assert all(len(w) <= 64 and w[0] == 101 and w[-1] == 102 for w in cut)
    assert cut[0][1:-1] == body[:62]  # the first window is what training read
    assert {p for w in cut for p in w[1:-1]} == set(body)  # nothing unread
    assert all(set(a[1:-1]) & set(b[1:-1]) for a, b in itertools.pairwise(cut))
    assert len(windows([101, *range(5000), 102], 64)) == 8  # a hostile sentence is bounded


def test_what_a_long_sentence_says_at_its_end_is_read() -> None:
    """A summary's findings are often one long sentence; the model reads 64 word pieces at
    a time, and before windows the end of such a sentence was never read."""
    model = default_model()
    fathers = model.labels.index("F.fathers_unseen_men")
    start = (
        "The review described the family's housing, the mother's contact with the midwife "
        "during pregnancy, the baby's feeding and weight at each of the routine checks, the "
        "move to a new flat in the spring, and the nursery place arranged for the older "
        "child, "
    )
    end = "and the baby's father was never seen or spoken to by any professional."
    p = 1 / (1 + np.exp(-model.logits([start, start + end])[:, fathers]))
    assert p[0] < 0.1 and p[1] > 0.5


def test_a_missing_model_is_a_clear_error(tmp_path: object) -> None:
    with pytest.raises(SentenceModelError, match=r"retrain it with scripts/train_coder\.py"):
        SentenceModel(tmp_path)  # type: ignore[arg-type]


def test_confidence_is_calibrated_and_rises_with_the_model_s_belief() -> None:
    coder = ModelCoder(default_codebook(), default_model())
    config = default_model().config
    assert {"rules", "model"} <= set(config["calibration"])
    for method in ("rules", "model"):
        values = [coder.confidence(method, x) for x in (-4.0, -1.0, 0.0, 1.0, 4.0)]
        assert all(0.0 < v < 1.0 for v in values)
        assert values == sorted(values) and values[0] < values[-1]


def test_every_policy_is_known_and_findings_say_which_coder_found_them() -> None:
    model = default_model()
    assert set(model.config["policy"].values()) <= {"rules", "verify", "model", "union"}
    doc = Document.from_text(
        "The mother had been in care as a child and the father's cannabis use was never "
        "discussed with him. Nobody asked who else was living in the flat.",
        "notes",
    )
    coding = Coder(default_codebook(), Settings(model=True)).consider(doc, segment(doc))
    assert coding.findings
    for finding in coding.findings:
        assert finding.method in {"rules", "model"}
        assert 0.0 < finding.confidence < 1.0
        assert doc.text[finding.start : finding.end] == finding.quote


def test_the_model_is_on_unless_turned_off() -> None:
    assert Coder(default_codebook(), Settings()).methods[:2] == ("rules", "model")
    assert Coder(default_codebook(), Settings(model=False)).model is None
    assert Coder(default_codebook(), Settings(model=False)).methods == ("rules",)


def _count_model_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many sentences the model is asked about, once per text it reads."""
    asked: list[int] = []
    real = ModelCoder.code

    def counting(self: ModelCoder, doc: object, sentences: list[object], rules: object) -> object:
        asked.append(len(sentences))
        return real(self, doc, sentences, rules)

    monkeypatch.setattr(ModelCoder, "code", counting)
    return asked


def test_in_a_full_review_with_its_sections_the_model_proposes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The model learned from summaries and notes; a review with headings it does not read
    whole (it only checks the patterns' sentences: test_code_model.py)."""
    asked = _count_model_reads(monkeypatch)
    coder = Coder(default_codebook(), Settings(model=True))
    summary = Document.from_text("The father was never seen by the health visitor.", "summary")
    coder.consider(summary, segment(summary))
    assert asked == [1]
    # a review runs to pages (a briefing of a page or two with headings is read whole)
    records = "\n\nThe agency's records were read in full for the review." * 200
    review = Document.from_text(
        "Introduction\n\nThis review concerns Baby A.\n\nBackground\n\nThe father was never "
        "seen by the health visitor." + records + "\n\nAnalysis\n\nNobody asked who lived "
        "in the flat.",
        "review",
    )
    assert len(review.text) > 10_000
    sentences = segment(review)
    assert len(coder.structure.read(review, sentences).headings) >= 3
    coder.consider(review, sentences)
    assert asked == [1]  # not asked again


def test_a_long_text_without_headings_is_not_read_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What the model learned from was short; a long text whose headings were lost (or a
    generated one) is not read whole by it, but a case's notes are, however many."""
    asked = _count_model_reads(monkeypatch)
    paragraph = "The father was never seen by the health visitor at any of her visits. " * 20
    long_text = Document.from_text("\n\n".join([paragraph] * 25), "long")
    assert len(long_text.text) > 30_000
    Coder(default_codebook(), Settings(model=True)).consider(long_text, segment(long_text))
    assert asked == []
    notes = Coder(default_codebook(), Settings(model=True), one_account=True)
    notes.consider(long_text, segment(long_text))
    assert len(asked) == 1


def test_the_model_does_not_find_what_the_patterns_read_as_denied(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A note lists many things in one sentence; where the patterns found an indicator's
    words denied in their clause, the model's proposal there is set aside too, and says so.
    The model before the one shipped did propose co-sleeping here (p = 0.95); the shipped
    one learned such lists from notes, so the model is made as sure as that one was."""
    model = default_model()
    real = model.logits
    labels = list(model.labels)

    def as_sure_as_before(texts: list[str]) -> np.ndarray:
        out = np.array(real(texts))
        for row, text in enumerate(texts):
            if "bed-sharing" in text:
                for ind in ("E.co_sleeping", "E.sleep_with_alcohol_drugs_smoking"):
                    out[row, labels.index(ind)] = 6.0
        return out

    monkeypatch.setattr(model, "logits", as_sure_as_before)
    coder = Coder(default_codebook(), Settings(model=True), one_account=True)
    doc = Document.from_text(
        "Safe sleep discussed: cot in parents' room, no bed-sharing, no smokers.", "note"
    )
    coding = coder.consider(doc, segment(doc))
    # nor another of the theme's indicators, whose words were read as denied beside it
    assert not {f.indicator for f in coding.findings if f.theme == "E"}
    theirs = [c for c in coding.considered if c.method == "model" and "its theme" in c.reason]
    assert theirs, "the model's other unsafe-sleep indicator was not set aside"
    set_aside = [c for c in coding.considered if c.indicator == "E.co_sleeping" and not c.kept]
    assert set_aside and all(c.method != "rules" or "denies" in c.reason for c in set_aside)
    modelled = [c for c in set_aside if c.method == "model"]
    assert modelled and "the patterns read" in modelled[0].reason


def test_the_shipped_model_learned_that_a_safer_sleep_list_is_no_unsafe_sleep() -> None:
    """What the notes it was trained on taught it: the same list, unaided."""
    coder = Coder(default_codebook(), Settings(model=True), one_account=True)
    doc = Document.from_text(
        "Safe sleep discussed: cot in parents' room, no bed-sharing, no smokers.", "note"
    )
    coding = coder.consider(doc, segment(doc))
    assert not [c for c in coding.considered if c.method == "model" and c.indicator[0] == "E"]


def test_a_missing_runtime_is_said_at_once_with_the_way_round_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not mid-corpus, at the first summary: the model is opened lazily, but whether its
    runtime is there is asked when it is made."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "onnxruntime" else real(name, *a),
    )
    with pytest.raises(SentenceModelError, match=r"onnxruntime is not installed.*--no-model"):
        SentenceModel(DEFAULT_MODEL_DIR)
