"""Sentence embeddings for semantic coding, offline and without torch.

The default embedder is a static (model2vec) distillation of all-MiniLM-L6-v2
committed under ``caselens/data/static_model`` (see ``docs/semantic-model.md``):
a token lookup plus a mean, so it embeds tens of thousands of sentences a second
on two cores, needs only numpy and model2vec, and never touches the network.
Anything with the same ``embed`` method (a bigger transformer, a test double)
can be passed to the semantic coder instead.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from caselens.errors import CaselensError

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "static_model"
_REQUIRED_FILES = ("config.json", "model.safetensors", "tokenizer.json")

Matrix = npt.NDArray[np.float32]


class EmbeddingModelError(CaselensError):
    """The embedding model's files are missing or unreadable."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(
            f"cannot load the semantic model at {path}: {problem}. Reinstall caselens, "
            "rebuild the model with scripts/build_static_model.py, or turn semantic "
            "matching off (Settings(semantic=False))."
        )


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into vectors whose dot product is their cosine similarity."""

    @property
    def dim(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> Matrix:
        """One L2-normalised float32 row per text (all-zero rows for texts with no known token)."""
        ...


def normalise_rows(matrix: npt.NDArray[Any]) -> Matrix:
    """L2-normalise each row; rows of zeros stay zero instead of becoming NaN."""
    out = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.maximum(norms, 1e-12, out=norms)
    result: Matrix = (out / norms).astype(np.float32, copy=False)
    return result


class StaticEmbedder:
    """The committed model2vec model; loads lazily-imported model2vec from a local folder only."""

    def __init__(self, model_dir: Path | None = None, batch_size: int = 1024) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else DEFAULT_MODEL_DIR
        self.batch_size = batch_size
        missing = [name for name in _REQUIRED_FILES if not (self.model_dir / name).is_file()]
        if missing:
            raise EmbeddingModelError(self.model_dir, f"missing {', '.join(missing)}")
        # model2vec resolves an existing folder locally; setting the flag as well
        # guarantees that a broken path can never turn into a hub download.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from model2vec import StaticModel  # imported here so rule-only runs never pay for it

        try:
            self._model = StaticModel.from_pretrained(self.model_dir)
        except (OSError, ValueError, KeyError) as error:
            raise EmbeddingModelError(self.model_dir, str(error)) from error
        self._dim = int(self._model.dim)

    @property
    def dim(self) -> int:
        return self._dim

    def embed(self, texts: Sequence[str]) -> Matrix:
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        vectors = self._model.encode(
            list(texts),
            batch_size=self.batch_size,
            show_progress_bar=False,
            use_multiprocessing=False,
        )
        return normalise_rows(vectors)


_default: StaticEmbedder | None = None
_default_lock = threading.Lock()


def default_embedder() -> StaticEmbedder:
    """The shared static embedder, loaded once per process (about 0.1 s, 30 MB of RAM)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = StaticEmbedder()
        return _default
