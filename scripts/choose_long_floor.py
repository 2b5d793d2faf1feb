"""Choose the floor under which the trained model overrules a pattern finding in a full review.

In a full review the model proposes nothing (it learned from summaries and notes, and
proposing there added more wrong findings than right ones), but it can read the sentence
a pattern matched and say the words are not about this family: the national context, a
professional, another child, praise. This script codes labelled long reviews with the
patterns, asks the shipped model for each finding's probability in its sentence, and
scores every floor of a grid on them all together (indicator micro-F1; a finding is
dropped where the model gives it less than the floor, an indicator where all its findings
are dropped).

Choose on the long reviews read while the rules were written, then score the chosen
floor once on those never read:

    .venv/bin/python scripts/choose_long_floor.py ../shared/eval/long-dev.jsonl \\
        tests/fixtures/eval/long-blind.jsonl tests/fixtures/eval/long-fresh.jsonl \\
        tests/fixtures/eval/long-own.jsonl --write
    .venv/bin/python scripts/choose_long_floor.py tests/fixtures/eval/long-unread.jsonl

Runs without torch, in the product's own environment.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from caselens.codebook import default_codebook
from caselens.evaluate import load_gold, multilabel_scores
from caselens.model import Document
from caselens.pipeline.run import Pipeline
from caselens.pipeline.sentence_model import DEFAULT_MODEL_DIR
from caselens.pipeline.settings import Settings

GRID = (0.0, 0.001, 0.003, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3)

Scored = list[tuple[set[str], dict[str, list[float]], set[str]]]


def findings_with_probabilities(path: Path, pipeline: Pipeline) -> Scored:
    """Per record of a full review: indicators the model does not know (always kept), each
    known indicator's findings' probabilities, and the gold indicators."""
    coder = pipeline.coder
    assert coder.model is not None
    out: Scored = []
    for record in load_gold(path):
        doc = Document.from_text(record.text, record.id)
        processed = pipeline.process(doc)
        structure = coder.structure.read(doc, processed.sentences)
        if coder.model_reads_whole(doc, structure):
            continue  # a summary: the floor does not apply
        probabilities = coder.model.probabilities(doc, processed.sentences, processed.findings)
        fixed: set[str] = set()
        known: dict[str, list[float]] = {}
        for finding, p in zip(processed.findings, probabilities, strict=True):
            if p is None:
                fixed.add(finding.indicator)
            else:
                known.setdefault(finding.indicator, []).append(p)
        out.append((fixed, known, set(record.indicators)))
    return out


def score(records: Scored, floor: float) -> float:
    found = [
        sorted(fixed | {i for i, ps in known.items() if max(ps) >= floor})
        for fixed, known, _ in records
    ]
    return float(multilabel_scores(found, [sorted(g) for _, _, g in records])["micro_f1"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="labelled long reviews (JSONL)")
    parser.add_argument(
        "--write", action="store_true", help="write the best floor into the shipped config"
    )
    args = parser.parse_args()
    pipeline = Pipeline(default_codebook(), Settings(model=True))
    assert pipeline.coder.model is not None, "the trained model is not installed"
    pipeline.coder.model.long_floor = None  # every pattern finding, unchecked
    records: Scored = []
    for path in args.files:
        scored = findings_with_probabilities(path, pipeline)
        line = "  ".join(f"{f:g}:{score(scored, f):.3f}" for f in GRID)
        print(f"{path.stem:<14} {line}")
        records.extend(scored)
    best = max(GRID, key=lambda f: (score(records, f), -f))
    print(f"{'all':<14} " + "  ".join(f"{f:g}:{score(records, f):.4f}" for f in GRID))
    print(f"best floor {best:g} ({len(records)} reviews)")
    if args.write:
        config_path = DEFAULT_MODEL_DIR / "config.json"
        config = json.loads(config_path.read_text(encoding="utf-8"))
        config["long_floor"] = best
        config["long_floor_chosen_on"] = sorted(p.name for p in args.files)
        config_path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
        print(f"written to {config_path}")


if __name__ == "__main__":
    main()
