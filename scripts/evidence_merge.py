"""Merge the annotators' sentence-evidence files into the project's evidence data.

Annotators labelled sentences by their number in caselens's own segmentation of each
record (``caselens.pipeline.segment``). This script resolves each number to offsets and
the quoted sentence, checks the quote against the labelled set's text, and writes one
file per labelled set to ``data/evidence/``; it also scores the second, blind pass
against the first (``data/evidence/agreement.json``).

    python scripts/evidence_merge.py --eval ../shared/eval
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from caselens.model import Document
from caselens.pipeline.segment import segment

ROOT = Path(__file__).resolve().parent.parent
EVIDENCE = ROOT / "data" / "evidence"


def _records(path: Path) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def _resolve(record: dict[str, Any], annotation: dict[str, Any]) -> dict[str, Any]:
    doc = Document.from_text(record["text"], name=record["id"])
    sentences = segment(doc)
    items = []
    for item in annotation["evidence"]:
        sentence = sentences[item["n"]]
        quote = doc.text[sentence.start : sentence.end]
        assert record["text"][sentence.start : sentence.end] == quote
        out = {
            "start": sentence.start,
            "end": sentence.end,
            "quote": quote,
            "indicator": item["indicator"],
            "label": item["label"],
        }
        if item.get("reason"):
            out["reason"] = item["reason"]
        if item.get("note"):
            out["note"] = item["note"]
        items.append(out)
    items.sort(key=lambda i: (i["start"], i["indicator"]))
    return {
        "id": record["id"],
        "gold_indicators": record["gold"]["indicators"],
        "items": items,
        "unsupported": annotation.get("unsupported", []),
    }


def _pairs(annotation: dict[str, Any], label: str) -> set[tuple[int, str]]:
    return {(e["n"], e["indicator"]) for e in annotation["evidence"] if e["label"] == label}


def _agreement(first: dict[str, dict[str, Any]], second: list[dict[str, Any]]) -> dict[str, Any]:
    """Pairwise F1 of (sentence, indicator) pairs between the two passes, per label."""
    out: dict[str, Any] = {"records": [a["id"] for a in second]}
    for label in ("supports", "not_counted"):
        both = only_first = only_second = 0
        for b in second:
            a = first[b["id"]]
            pa, pb = _pairs(a, label), _pairs(b, label)
            both += len(pa & pb)
            only_first += len(pa - pb)
            only_second += len(pb - pa)
        f1 = 2 * both / (2 * both + only_first + only_second) if both else 0.0
        out[label] = {
            "both": both,
            "first_only": only_first,
            "second_only": only_second,
            "f1": round(f1, 3),
        }
    # The same, ignoring which sentence: does each pass find support for the same gold
    # indicators in the same sentences of a record, counted per record and indicator?
    agree = total = 0
    for b in second:
        a = first[b["id"]]
        for ind in set(a["gold_indicators"]):
            sa = {n for n, i in _pairs(a, "supports") if i == ind}
            sb = {n for n, i in _pairs(b, "supports") if i == ind}
            total += 1
            agree += bool(sa & sb)
    out["gold_indicators_with_a_shared_sentence"] = {"agree": agree, "of": total}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval", type=Path, required=True, help="folder of dev.jsonl, dev2.jsonl")
    parser.add_argument("--parts", type=Path, default=EVIDENCE / "parts")
    args = parser.parse_args()
    first: dict[str, dict[str, Any]] = {}
    for name in ("dev", "dev2"):
        records = _records(args.eval / f"{name}.jsonl")
        merged = []
        for part in sorted(args.parts.glob(f"{name}-part*.jsonl")):
            for line in part.read_text(encoding="utf-8").splitlines():
                annotation = json.loads(line)
                annotation["gold_indicators"] = records[annotation["id"]]["gold"]["indicators"]
                first[annotation["id"]] = annotation
                merged.append(_resolve(records[annotation["id"]], annotation))
        assert {m["id"] for m in merged} == set(records), f"{name}: records missing"
        order = list(records)
        merged.sort(key=lambda m: order.index(m["id"]))
        with (EVIDENCE / f"{name}.evidence.jsonl").open("w", encoding="utf-8") as out:
            for m in merged:
                out.write(json.dumps(m, ensure_ascii=False) + "\n")
        print(f"{name}: {len(merged)} records, {sum(len(m['items']) for m in merged)} items")
    second_path = EVIDENCE / "second-pass.jsonl"
    if second_path.exists():
        second = [json.loads(line) for line in second_path.read_text().splitlines()]
        for b in second:
            b["gold_indicators"] = first[b["id"]]["gold_indicators"]
        result = _agreement(first, second)
        (EVIDENCE / "agreement.json").write_text(json.dumps(result, indent=2) + "\n")
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
