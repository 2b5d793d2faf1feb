"""The training corpus in ``data/corpus/`` is data the model script trusts: every line must
name indicators the default codebook has, and a positive must express what it was
written for (a hard negative must not), or training learns from a mislabelled sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caselens.codebook import default_codebook

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
FILES = sorted(CORPUS.rglob("*.jsonl"))  # those written and measured but not trained on, too
KINDS = {"positive", "hard_negative", "neutral"}


def test_there_is_a_corpus() -> None:
    assert len(FILES) >= 2


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_line_is_labelled_with_the_codebooks_indicators(path: Path) -> None:
    known = {i.id for i in default_codebook().indicators}
    texts: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        item = json.loads(line)
        where = f"{path.name}:{number}"
        assert item["kind"] in KINDS, where
        assert item["text"].strip(), where
        assert set(item["indicators"]) <= known, where
        if item["kind"] == "positive":
            assert item["target"] in item["indicators"], where
        elif item["kind"] == "hard_negative":
            assert item["target"] not in item["indicators"], where
        assert item["text"] not in texts, f"{where}: repeated"
        texts.add(item["text"])
