"""The trained sentence model: which indicators a sentence expresses, in other words than
the patterns foresaw.

The model is a fastText-style classifier fine-tuned by ``scripts/train_coder.py`` on
sentence-level evidence marked in real-derived review summaries and on a corpus of
sentences written in the registers of real reporting (see its model card,
``caselens/data/coder_model/MODEL_CARD.md``). A sentence is the mean of its word-piece
vectors (initialised from the static MiniLM distillation, then fine-tuned) joined to the
mean of its hashed word-pair vectors (so "not seen" differs from "seen"), and one
logistic output per indicator reads it. At run time that is a table look-up, a mean and
one matrix product in numpy: tens of thousands of sentences a second on two cores, no
torch, no download.

The featurisation below is the single definition used by training and by run time.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from caselens.errors import CaselensError

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "coder_model"
TOKENIZER = Path(__file__).resolve().parent.parent / "data" / "static_model" / "tokenizer.json"
MAX_TOKENS = 128
# the most windows one sentence is read in (about 300 word pieces, far past any real one)
MAX_WINDOWS = 8
_WORD = re.compile(r"[a-z0-9']+")

Matrix = npt.NDArray[np.float32]


class SentenceModelError(CaselensError):
    """The trained model's files are missing or unreadable."""

    def __init__(self, path: Path, problem: str, fix: str | None = None) -> None:
        super().__init__(
            f"cannot load the trained sentence model at {path}: {problem}. "
            + (
                fix
                or "Reinstall caselens, retrain it with scripts/train_coder.py, or code with "
                "patterns only (--no-model)."
            )
        )


def word_pairs(text: str, buckets: int) -> list[int]:
    """Hashed adjacent word pairs of a sentence (crc32, stable across runs and machines)."""
    words = _WORD.findall(text.lower())
    return [zlib.crc32(f"{a} {b}".encode()) % buckets for a, b in itertools.pairwise(words)]


@dataclass(frozen=True)
class Features:
    """Token and word-pair ids of a batch of sentences, as flat arrays with offsets."""

    tokens: npt.NDArray[np.int64]
    token_offsets: npt.NDArray[np.int64]
    pairs: npt.NDArray[np.int64]
    pair_offsets: npt.NDArray[np.int64]


def _flat(lists: Sequence[Sequence[int]]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    offsets = np.zeros(len(lists) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(x) for x in lists])
    flat = np.fromiter((i for x in lists for i in x), dtype=np.int64, count=int(offsets[-1]))
    return flat, offsets


class Featuriser:
    """Word pieces (the static model's tokenizer) and hashed word pairs of sentences."""

    def __init__(self, buckets: int, tokenizer: Path = TOKENIZER) -> None:
        from tokenizers import Tokenizer  # installed with model2vec

        self.buckets = buckets
        self._tokenizer = Tokenizer.from_file(str(tokenizer))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()

    def __call__(self, texts: Sequence[str]) -> Features:
        encoded = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
        tokens, token_offsets = _flat([e.ids[:MAX_TOKENS] for e in encoded])
        pairs, pair_offsets = _flat([word_pairs(t, self.buckets)[:MAX_TOKENS] for t in texts])
        return Features(tokens, token_offsets, pairs, pair_offsets)


def _bag_mean(table: Matrix, ids: npt.NDArray[np.int64], offsets: npt.NDArray[np.int64]) -> Matrix:
    """Mean of the table rows of each bag (by cumulative sums); an empty bag is zeros."""
    sums = np.zeros((len(ids) + 1, table.shape[1]), dtype=np.float64)
    if len(ids):
        np.cumsum(table[ids], axis=0, dtype=np.float64, out=sums[1:])
    counts = np.maximum(np.diff(offsets), 1)[:, None]
    out: Matrix = ((sums[offsets[1:]] - sums[offsets[:-1]]) / counts).astype(np.float32)
    return out


def _config(model_dir: Path) -> dict[str, Any]:
    try:
        config: dict[str, Any] = json.loads((model_dir / "config.json").read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise SentenceModelError(model_dir, str(error)) from error
    return config


class SentenceModel:
    """A trained model: indicator logits per sentence, plus how to use them (its config).

    ``SentenceModel(dir)`` opens the kind of model the folder holds: the static
    classifier (``weights.npz``) or the fine-tuned encoder (``model.onnx``).
    """

    labels: tuple[str, ...]
    config: dict[str, Any]

    def __new__(cls, model_dir: Path | None = None) -> SentenceModel:
        folder = Path(model_dir) if model_dir is not None else DEFAULT_MODEL_DIR
        if cls is SentenceModel and _config(folder).get("encoder") == "minilm":
            return super().__new__(EncoderModel)
        return super().__new__(cls)

    def __init__(self, model_dir: Path | None = None) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else DEFAULT_MODEL_DIR
        config = _config(self.model_dir)
        try:
            with np.load(self.model_dir / "weights.npz") as weights:
                self._unigrams = weights["unigrams"]
                self._pairs = weights["pairs"]
                self._weight = weights["weight"].astype(np.float32)
                self._bias = weights["bias"].astype(np.float32)
        except (OSError, ValueError, KeyError) as error:
            raise SentenceModelError(self.model_dir, str(error)) from error
        self.labels: tuple[str, ...] = tuple(config["labels"])
        self.config = config
        self.featurise = Featuriser(int(config["pair_buckets"]))

    def logits(self, texts: Sequence[str]) -> Matrix:
        """One row of indicator logits per sentence."""
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        f = self.featurise(texts)
        hidden = np.concatenate(
            [
                _bag_mean(self._unigrams, f.tokens, f.token_offsets),
                _bag_mean(self._pairs, f.pairs, f.pair_offsets),
            ],
            axis=1,
        )
        out: Matrix = hidden @ self._weight.T + self._bias
        return out


_NO_RUNTIME = (
    "Install it with: pip install onnxruntime (a dependency of caselens), or code with the "
    "patterns alone (--no-model)."
)


class EncoderModel(SentenceModel):
    """The fine-tuned MiniLM encoder, int8 ONNX, run by onnxruntime (one thread: on two
    cores two worker processes use them better than one process with two threads).

    The session is opened on the first sentence the model reads, not before: most of a
    corpus is full reviews, which the model does not read, and a worker that never opens
    it stays about 65 MB smaller."""

    def __init__(self, model_dir: Path | None = None) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else DEFAULT_MODEL_DIR
        self.config = _config(self.model_dir)
        self.labels = tuple(self.config["labels"])
        if not (self.model_dir / "model.onnx").is_file():
            raise SentenceModelError(self.model_dir, "model.onnx is missing")
        if importlib.util.find_spec("onnxruntime") is None:  # say so now, not mid-corpus
            raise SentenceModelError(self.model_dir, "onnxruntime is not installed", _NO_RUNTIME)
        self._session: Any = None
        self._tokenizer: Any = None
        self._max_tokens = int(self.config.get("max_tokens", 64))  # what training read
        self._opening = threading.Lock()

    def _open(self) -> None:
        with self._opening:
            if self._session is not None:
                return
            try:
                import onnxruntime
                from tokenizers import Tokenizer

                options = onnxruntime.SessionOptions()
                options.intra_op_num_threads = int(self.config.get("threads", 1))
                options.inter_op_num_threads = 1
                session = onnxruntime.InferenceSession(
                    str(self.model_dir / "model.onnx"),
                    options,
                    providers=["CPUExecutionProvider"],
                )
                tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
            except ImportError as error:
                raise SentenceModelError(
                    self.model_dir, f"{error.name} is not installed", _NO_RUNTIME
                ) from error
            except Exception as error:  # onnxruntime raises its own exception types
                raise SentenceModelError(self.model_dir, str(error)) from error
            tokenizer.no_truncation()  # a long sentence is read in windows
            tokenizer.no_padding()  # one sentence a run; the file's own setting pads to 128
            self._tokenizer = tokenizer
            self._session = session

    def logits(self, texts: Sequence[str]) -> Matrix:
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        if self._session is None:
            self._open()
        # One sentence a run: the int8 model quantises its activations per run, so in a
        # batch a sentence's probability moved with its neighbours (logits by up to 1.4,
        # 13 of 600 sentences across the 0.9 threshold); alone it is the sentence's own,
        # the same in a summary, a review or a case's notes. As fast on one core (374
        # against 379 sentences a second): padding to one length cost what batching saved.
        out = np.zeros((len(texts), len(self.labels)), dtype=np.float32)
        for i, text in enumerate(texts):
            encoded = self._tokenizer.encode(text)
            for k, ids in enumerate(windows(encoded.ids, self._max_tokens)):
                feeds = {
                    "input_ids": np.array([ids], dtype=np.int64),
                    "attention_mask": np.ones((1, len(ids)), dtype=np.int64),
                }
                row = self._session.run(["logits"], feeds)[0][0]
                out[i] = row if k == 0 else np.maximum(out[i], row)
        return out


def windows(ids: Sequence[int], size: int) -> list[list[int]]:
    """The word pieces of a sentence longer than the model reads, as overlapping windows
    of ``size`` (each with the sentence's first and last special pieces).

    Training reads a sentence's first ``size`` pieces; a long sentence of a summary packs
    several findings ("...; agencies did not talk to one another enough; and his father
    was never consulted"), and truncated, its tail would never be read. The sentence's
    logits are the most of its windows' (``scripts/train_encoder.py`` predicts the same
    way, so the thresholds chosen there hold here)."""
    ids = list(ids)
    if len(ids) <= size:
        return [ids]
    first, body, last = ids[0], ids[1:-1], ids[-1]
    inner = size - 2
    stride = inner // 2
    out: list[list[int]] = []
    for start in range(0, len(body), stride):
        if len(out) == MAX_WINDOWS:  # a hostile "sentence" of thousands of pieces
            break
        out.append([first, *body[start : start + inner], last])
        if start + inner >= len(body):
            break
    return out


_default: SentenceModel | None = None
_lock = threading.Lock()


def default_model() -> SentenceModel:
    """The shipped model, loaded once per process."""
    global _default
    with _lock:
        if _default is None:
            _default = SentenceModel()
        return _default
