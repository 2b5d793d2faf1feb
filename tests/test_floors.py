"""Floors on the accuracy figures, so a later change cannot lower them unnoticed.

The figures themselves are measured by ``caselens evaluate`` (README, "How well it
works"); these floors sit a little below them. The fictional fixture sets and the
project's own real-derived sets (``data/labelled``) are in the repository; the shared
real-derived and long sets live in ``../shared/eval`` beside it where a checkout has
them (CI does), and are skipped elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from caselens.codebook import default_codebook
from caselens.evaluate import evaluate, load_gold
from caselens.pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"

# set: (screening F1, themes micro-F1, indicators micro-F1)
FLOORS = {
    ROOT / "tests/fixtures/eval/long-own.jsonl": (1.0, 0.89, 0.90),
    ROOT / "tests/fixtures/eval/seventh.jsonl": (0.95, 0.88, 0.80),
    ROOT / "tests/fixtures/eval/long-blind.jsonl": (1.0, 0.94, 0.84),
    ROOT / "tests/fixtures/eval/long-unread.jsonl": (1.0, 0.87, 0.81),
    ROOT / "tests/fixtures/eval/long-fresh.jsonl": (1.0, 0.89, 0.83),
    ROOT / "data/labelled/rx.jsonl": (0.90, 0.88, 0.81),
    ROOT / "data/labelled/ry.jsonl": (0.90, 0.76, 0.66),
    ROOT / "data/labelled/rz.jsonl": (0.87, 0.80, 0.70),
    SHARED / "long-dev.jsonl": (1.0, 0.95, 0.88),
    SHARED / "dev.jsonl": (0.98, 0.90, 0.88),
    SHARED / "dev2.jsonl": (0.92, 0.76, 0.68),
}


@pytest.mark.slow
@pytest.mark.parametrize("path", list(FLOORS), ids=lambda p: p.name)
def test_accuracy_stays_above_its_floor(path: Path) -> None:
    if not path.is_file():
        pytest.skip(f"{path} is not in this checkout")
    result = evaluate(load_gold(path), default_codebook(), Settings())
    screening, themes, indicators = FLOORS[path]
    assert result["screening"]["f1"] >= screening
    assert result["themes"]["micro_f1"] >= themes
    assert result["indicators"]["micro_f1"] >= indicators
