"""Choose the union threshold with which the trained model reads a case's notes.

The model's union threshold was chosen out of fold on summaries of reviews. Notes are
another register (shorthand, fragments, one household), and the same probability does
not mean the same there. This script checks labelled visit notes as `caselens case
check` does, once for every threshold of a grid, and prints indicator micro-F1 and the
traps taken (indicators a record lists under ``not``) for each file and for all together.

Choose on one group of batches never read, then score the chosen threshold once on
another group (the choice printed for the first is not made from the second):

    .venv/bin/python scripts/choose_notes_threshold.py \\
        tests/fixtures/notes/visit-notes.jsonl:31-60 tests/fixtures/notes/visit-notes-2.jsonl \\
        tests/fixtures/notes/visit-notes-4.jsonl tests/fixtures/notes/visit-notes-6.jsonl \\
        tests/fixtures/notes/visit-notes-7.jsonl --write
    .venv/bin/python scripts/choose_notes_threshold.py \\
        tests/fixtures/notes/visit-notes-9.jsonl tests/fixtures/notes/visit-notes-11.jsonl ... \\
        --grid 0.92 0.97

A file may be narrowed to a range of record numbers (``FILE:31-60``). Runs without torch,
in the product's own environment.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from caselens.evaluate import prf
from caselens.pipeline.sentence_model import DEFAULT_MODEL_DIR, default_model
from caselens.practice import case_from_dict, check_case, reflect

GRID = (0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.95, 0.97, 0.98, 0.99)

Counts = tuple[int, int, int, int]  # right, wrong, missed, traps taken


def records(spec: str) -> list[dict[str, object]]:
    """The records of ``FILE`` or ``FILE:FIRST-LAST`` (by the number in the id)."""
    path, _, span = spec.partition(":")
    first, last = (int(n) for n in span.split("-")) if span else (0, 10**9)
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if first <= int(str(record["id"])[2:]) <= last:
            out.append(record)
    return out


def counts(batch: list[dict[str, object]]) -> Counts:
    right = wrong = missed = traps = 0
    for record in batch:
        found = {s.id for s in check_case(case_from_dict({"notes": record["notes"]})).indicators}
        gold = set(record["indicators"])  # type: ignore[call-overload]
        right, wrong = right + len(found & gold), wrong + len(found - gold)
        missed += len(gold - found)
        traps += len(found & set(record["not"]))  # type: ignore[call-overload]
    return right, wrong, missed, traps


def f1(c: Counts) -> float:
    right, wrong, missed, _ = c
    return prf(right, wrong, missed)[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", help="labelled visit notes, FILE or FILE:FIRST-LAST")
    parser.add_argument("--grid", nargs="+", type=float, default=GRID)
    parser.add_argument(
        "--write", action="store_true", help="write the best threshold into the shipped config"
    )
    args = parser.parse_args()
    config = default_model().config
    batches = {spec: records(spec) for spec in args.files}
    totals: dict[float, Counts] = {}
    for threshold in args.grid:
        config["notes_threshold"] = threshold
        reflect._notes_coder.cache_clear()  # built again with this threshold
        per = {spec: counts(batch) for spec, batch in batches.items()}
        total: Counts = tuple(sum(c[k] for c in per.values()) for k in range(4))  # type: ignore[assignment]
        totals[threshold] = total
        line = "  ".join(f"{Path(s).stem}:{f1(c):.3f}/{c[3]}" for s, c in per.items())
        print(f"{threshold:<5g} all {f1(total):.4f} traps {total[3]:<3}  {line}", flush=True)
    # ties go to the higher threshold: fewer of the model's findings for the same F1
    best = max(args.grid, key=lambda t: (round(f1(totals[t]), 3), t))
    print(f"best threshold {best:g} ({sum(len(b) for b in batches.values())} sets of notes)")
    if args.write:
        path = DEFAULT_MODEL_DIR / "config.json"
        shipped = json.loads(path.read_text(encoding="utf-8"))
        shipped["notes_threshold"] = best
        shipped["notes_threshold_chosen_on"] = [
            f"{Path(p).name}{':' + s if s else ''}"
            for p, _, s in (spec.partition(":") for spec in args.files)
        ]
        path.write_text(json.dumps(shipped, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"written to {path}")


if __name__ == "__main__":
    main()
