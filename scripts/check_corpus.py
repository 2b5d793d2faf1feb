"""Check mechanically that the training corpus holds nothing taken from an evaluation set.

Every corpus sentence is compared with every text of the labelled sets given: a shared
run of ``--n`` words (lower-cased, punctuation dropped) is reported. Exit 1 if any.

    python scripts/check_corpus.py ../shared/eval/*.jsonl data/labelled/*.jsonl \
        tests/fixtures/eval/*.jsonl tests/fixtures/notes/*.jsonl

Every file under ``data/corpus`` is checked, those in its folders too (sentences written
and measured but not in the default training).

``--drop`` rewrites the corpus files without the sentences it reports.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"[a-z0-9']+")


def grams(text: str, n: int) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--n", type=int, default=8)
    parser.add_argument(
        "--drop", action="store_true", help="rewrite the corpus files without the sentences found"
    )
    args = parser.parse_args()
    seen: dict[tuple[str, ...], str] = {}
    for path in args.sets:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                try:
                    record = json.loads(line)
                except ValueError:  # the fixture of a broken file, say
                    print(f"{path}: not JSON Lines, skipped", file=sys.stderr)
                    break
                # a labelled review or summary has its text; a notes fixture, its notes
                for gram in grams(record.get("text") or record.get("notes") or "", args.n):
                    seen.setdefault(gram, f"{path.name}:{record['id']}")
    hits = 0
    total = 0
    for path in sorted((ROOT / "data" / "corpus").rglob("*.jsonl")):
        kept = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            total += 1
            shared = [g for g in grams(json.loads(line)["text"], args.n) if g in seen]
            if shared:
                hits += 1
                print(
                    f"{path.name}:{number}: shares {' '.join(shared[0])!r} with {seen[shared[0]]}"
                )
            else:
                kept.append(line)
        if args.drop:
            path.write_text("".join(f"{line}\n" for line in kept), encoding="utf-8")
    print(f"{total} corpus sentences, {hits} sharing a run of {args.n} words with a labelled set")
    return 1 if hits and not args.drop else 0


if __name__ == "__main__":
    sys.exit(main())
