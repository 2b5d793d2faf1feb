"""How often each indicator's patterns were found right, to calibrate their findings.

The figures are measured by ``scripts/train_coder.py --rule-confidence`` on labelled
sentences and shipped as data; they hold only for the codebook they were measured on.
"""

from __future__ import annotations

import json
from pathlib import Path

from caselens.model import Codebook

RULE_CONFIDENCE = Path(__file__).resolve().parent.parent / "data" / "rule_confidence.json"


def measured_precision(codebook: Codebook, path: Path = RULE_CONFIDENCE) -> dict[str, float]:
    """How often each indicator's pattern findings were right on labelled sentences
    (``scripts/train_coder.py --rule-confidence``), for the codebook it was measured on;
    another codebook's patterns keep the fixed confidences."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    measured = data.get("codebook", {})
    if (measured.get("id"), measured.get("version")) != (codebook.id, codebook.version):
        return {}
    return {str(k): float(v) for k, v in data.get("indicators", {}).items()}
