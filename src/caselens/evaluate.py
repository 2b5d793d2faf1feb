"""Score the pipeline against labelled case review summaries.

The labelled file is JSON Lines (the format of ``tests/fixtures/eval/*.jsonl``,
described in the README under "How well it works"). Every record is run through the
same :class:`~caselens.pipeline.run.Pipeline` as a real review, so the scores describe
the product, not a special path. The metrics are small and written out here so that
what each number means is plain.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caselens.errors import InputError
from caselens.model import Codebook, Document
from caselens.model.facts import HARM_TYPES, NATIONS, OUTCOMES
from caselens.pipeline.run import Pipeline, Processed
from caselens.pipeline.settings import Settings
from caselens.userfile import read_user_text

_REQUIRED_GOLD = (
    "in_scope",
    "age_months",
    "outcome",
    "harm_types",
    "nation",
    "themes",
    "indicators",
)


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One labelled text; the labels say what the text supports."""

    id: str
    text: str
    in_scope: bool
    age_months: float | None
    outcome: str | None
    harm_types: tuple[str, ...]
    nation: str | None
    published_year: int | None
    themes: tuple[str, ...]
    indicators: tuple[str, ...]


MAX_GOLD_AGE_MONTHS = 1200  # out-of-scope records include adults' deaths; 100 years is a slip


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def _one_of(gold: dict[str, Any], key: str, allowed: Sequence[str]) -> str | None:
    """A fact label that must be one of the values the pipeline gives, or null: any other
    word would never equal a prediction and would silently lower the score."""
    value = gold[key]
    if value is not None and value not in allowed:
        raise ValueError(
            f"'gold.{key}' is {_shown(value)}; use null or one of: {', '.join(allowed)}"
        )
    return None if value is None else str(value)


def _labels(
    gold: dict[str, Any], key: str, allowed: Iterable[str] | None, what: str
) -> tuple[str, ...]:
    """A list of labels, each from ``allowed`` where that is known: a label no prediction
    can carry counts as a miss for ever and distorts every per-label score."""
    values = gold[key]
    if not isinstance(values, list):
        raise ValueError(f"'gold.{key}' must be a list")
    known = None if allowed is None else set(allowed)
    for value in values:
        if not isinstance(value, str):
            raise ValueError(f"'gold.{key}' holds {_shown(value)}, which is not text")
        if known is not None and value not in known:
            raise ValueError(f"'gold.{key}' holds {_shown(value)}, which is not {what}")
    return tuple(values)


def _number(gold: dict[str, Any], key: str, low: float, high: float, unit: str) -> float | None:
    value = gold.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise ValueError(
            f"'gold.{key}' is {_shown(value)}; use null or a number of {unit} "
            f"from {low:g} to {high:g}"
        )
    return float(value)


def _record(data: object, codebook: Codebook | None) -> GoldRecord:
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object with keys id, text and gold")
    missing = [k for k in ("id", "text", "gold") if k not in data]
    if missing:
        raise ValueError(f"missing key(s) {', '.join(missing)}")
    gold = data["gold"]
    if not isinstance(gold, dict):
        raise ValueError("'gold' must be an object")
    missing = [k for k in _REQUIRED_GOLD if k not in gold]
    if missing:
        raise ValueError(f"'gold' lacks key(s) {', '.join(missing)}")
    if not isinstance(data["text"], str) or not data["text"].strip():
        raise ValueError("'text' must be a non-empty string")
    if not isinstance(gold["in_scope"], bool):
        raise ValueError(f"'gold.in_scope' is {_shown(gold['in_scope'])}; use true or false")
    year = _number(gold, "published_year", 1900, 2100, "years")
    if year is not None and not year.is_integer():
        raise ValueError(f"'gold.published_year' is {_shown(gold['published_year'])}; use a year")
    themes = indicators = None  # any label, without a codebook to check it against
    if codebook is not None:
        themes = {t.id for t in codebook.themes}
        indicators = {i.id for i in codebook.indicators}
    of = f"codebook {codebook.id!r}" if codebook else ""
    return GoldRecord(
        id=str(data["id"]),
        text=data["text"],
        in_scope=gold["in_scope"],
        age_months=_number(gold, "age_months", 0, MAX_GOLD_AGE_MONTHS, "months"),
        outcome=_one_of(gold, "outcome", OUTCOMES),
        harm_types=_labels(gold, "harm_types", HARM_TYPES, f"one of: {', '.join(HARM_TYPES)}"),
        nation=_one_of(gold, "nation", NATIONS),
        published_year=None if year is None else int(year),
        themes=_labels(gold, "themes", themes, f"a theme of {of} (codebook show lists them)"),
        indicators=_labels(
            gold, "indicators", indicators, f"an indicator of {of} (codebook show lists them)"
        ),
    )


MAX_GOLD_BYTES = 200 * 1024 * 1024  # a labelled set of long reviews is tens of MB at most


def load_gold(path: Path, codebook: Codebook | None = None) -> list[GoldRecord]:
    """Read a labelled JSON Lines file; a bad line is reported with its number and record id.

    Every fact label must be a value the pipeline can give, and with ``codebook`` every
    theme and indicator one of its ids: a label nothing can match would still be scored,
    as a miss, and the figures would be wrong without a word."""
    lines = read_user_text(path, "labelled .jsonl file", MAX_GOLD_BYTES).splitlines()
    records: list[GoldRecord] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        data: Any = None
        try:
            data = json.loads(line)
            records.append(_record(data, codebook))
        except json.JSONDecodeError as e:
            raise InputError(
                str(path), f"line {number}: not valid JSON ({e.msg}, column {e.colno})"
            ) from None
        except RecursionError:
            raise InputError(
                str(path), f"line {number}: nested too deeply to be a record"
            ) from None
        except ValueError as e:
            ident = data.get("id") if isinstance(data, dict) else None
            where = (
                f"line {number} (record {_shown(ident)})" if ident is not None else f"line {number}"
            )
            raise InputError(
                str(path), f"{where}: {e}; see the labelled data README for the format"
            ) from None
    if not records:
        raise InputError(str(path), "holds no records; expected one JSON object per line")
    return records


# ---- metrics --------------------------------------------------------------------------


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1; 0.0 where a ratio has nothing to count."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def binary_scores(predicted: Sequence[bool], gold: Sequence[bool]) -> dict[str, float]:
    """Scores with True as the positive class."""
    tp = sum(1 for p, g in zip(predicted, gold, strict=True) if p and g)
    fp = sum(1 for p, g in zip(predicted, gold, strict=True) if p and not g)
    fn = sum(1 for p, g in zip(predicted, gold, strict=True) if g and not p)
    correct = sum(1 for p, g in zip(predicted, gold, strict=True) if p == g)
    precision, recall, f1 = prf(tp, fp, fn)
    accuracy = correct / len(gold) if gold else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy}


def multilabel_scores(
    predicted: Sequence[Iterable[str]], gold: Sequence[Iterable[str]], labels: Iterable[str] = ()
) -> dict[str, Any]:
    """Micro-F1 over all (record, label) pairs; macro-F1 over labels with gold support.

    ``per_label`` covers ``labels`` and every label seen in either side.
    """
    pred_sets = [set(p) for p in predicted]
    gold_sets = [set(g) for g in gold]
    every = set(labels).union(*pred_sets, *gold_sets) if pred_sets or gold_sets else set(labels)
    per_label: dict[str, dict[str, float | int]] = {}
    tp_all = fp_all = fn_all = 0
    for label in sorted(every):
        tp = sum(1 for p, g in zip(pred_sets, gold_sets, strict=True) if label in p and label in g)
        fp = sum(
            1 for p, g in zip(pred_sets, gold_sets, strict=True) if label in p and label not in g
        )
        fn = sum(
            1 for p, g in zip(pred_sets, gold_sets, strict=True) if label in g and label not in p
        )
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        precision, recall, f1 = prf(tp, fp, fn)
        per_label[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    supported = [s["f1"] for s in per_label.values() if s["support"]]
    return {
        "micro_f1": prf(tp_all, fp_all, fn_all)[2],
        "macro_f1": sum(supported) / len(supported) if supported else 0.0,
        "per_label": per_label,
    }


def accuracy_known(predicted: Sequence[object], gold: Sequence[object]) -> float:
    """Share of records with a gold value whose prediction equals it."""
    pairs = [(p, g) for p, g in zip(predicted, gold, strict=True) if g is not None]
    return sum(1 for p, g in pairs if p == g) / len(pairs) if pairs else 0.0


def age_scores(predicted: Sequence[float | None], gold: Sequence[float | None]) -> dict[str, float]:
    """Mean absolute error where both sides have an age; coverage of the gold ages."""
    both = [(p, g) for p, g in zip(predicted, gold, strict=True) if p is not None and g is not None]
    with_gold = sum(1 for g in gold if g is not None)
    mae = sum(abs(p - g) for p, g in both) / len(both) if both else 0.0
    return {"mae_months": mae, "coverage": len(both) / with_gold if with_gold else 0.0}


# ---- running --------------------------------------------------------------------------


def _mistakes(record: GoldRecord, processed: Processed) -> list[dict[str, Any]]:
    """What the pipeline got wrong on one record, with the sentence where there is one."""
    out: list[dict[str, Any]] = []
    screening = processed.screening
    if screening.in_scope != record.in_scope:
        failing = next((r for r in screening.results if r.status != "met" and not r.window), None)
        out.append(
            {
                "record": record.id,
                "kind": "missed" if record.in_scope else "wrong",
                "label": "in_scope",
                "sentence": failing.reason if failing else None,
            }
        )
    predicted_harm = set(processed.facts.harm_types.value or ())
    for label in sorted(predicted_harm ^ set(record.harm_types)):
        kind = "wrong" if label in predicted_harm else "missed"
        out.append({"record": record.id, "kind": kind, "label": f"harm:{label}", "sentence": None})
    found = {f.indicator: f.quote for f in processed.findings}
    for label in sorted(set(found) - set(record.indicators)):
        out.append({"record": record.id, "kind": "wrong", "label": label, "sentence": found[label]})
    for label in sorted(set(record.indicators) - set(found)):
        out.append({"record": record.id, "kind": "missed", "label": label, "sentence": None})
    return out


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


CONFIDENCE_BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def calibration(findings: Sequence[tuple[float, bool]]) -> list[dict[str, Any]]:
    """How often a finding's indicator is in the record's gold, by confidence band: a
    finding at 0.8 should be right about four times in five."""
    bands = []
    for low, high in itertools.pairwise(CONFIDENCE_BINS):
        inside = [right for confidence, right in findings if low <= confidence < high]
        if inside:
            bands.append(
                {
                    "from": low,
                    "to": min(high, 1.0),
                    "findings": len(inside),
                    "right": round(sum(inside) / len(inside), 4),
                }
            )
    return bands


def evaluate(
    records: Sequence[GoldRecord],
    codebook: Codebook,
    settings: Settings | None = None,
    *,
    jobs: int = 1,
) -> dict[str, Any]:
    """Run every record through the pipeline and score it (shape: the labelled data README),
    in ``jobs`` worker processes; the scores do not depend on how many."""
    settings = settings or Settings()
    started = time.perf_counter()
    documents = (Document.from_text(r.text, r.id) for r in records)
    if jobs > 1 and len(records) > 1:
        from caselens.workers import process_documents

        processed = list(process_documents(documents, codebook, settings, jobs=jobs))
    else:
        pipeline = Pipeline(codebook, settings)
        processed = [pipeline.process(document) for document in documents]
    seconds = time.perf_counter() - started
    facts = [p.facts for p in processed]
    themes = multilabel_scores(
        [{f.theme for f in p.findings} for p in processed],
        [r.themes for r in records],
        [t.id for t in codebook.themes],
    )
    indicators = multilabel_scores(
        [{f.indicator for f in p.findings} for p in processed],
        [r.indicators for r in records],
        [i.id for i in codebook.indicators],
    )
    harm = multilabel_scores(
        [f.harm_types.value or () for f in facts], [r.harm_types for r in records]
    )
    result: dict[str, Any] = {
        "n": len(records),
        "screening": binary_scores(
            [p.screening.in_scope for p in processed], [r.in_scope for r in records]
        ),
        "harm_types": {"micro_f1": harm["micro_f1"], "per_type": harm["per_label"]},
        "outcome": {
            "accuracy": accuracy_known(
                [f.outcome.value for f in facts], [r.outcome for r in records]
            )
        },
        "nation": {
            "accuracy": accuracy_known([f.nation.value for f in facts], [r.nation for r in records])
        },
        "age": age_scores([f.age_months.value for f in facts], [r.age_months for r in records]),
        "themes": {
            "micro_f1": themes["micro_f1"],
            "macro_f1": themes["macro_f1"],
            "per_theme": themes["per_label"],
        },
        "indicators": {
            "micro_f1": indicators["micro_f1"],
            "macro_f1": indicators["macro_f1"],
            "per_indicator": indicators["per_label"],
        },
        "calibration": calibration(
            [
                (f.confidence, f.indicator in r.indicators)
                for r, p in zip(records, processed, strict=True)
                for f in p.findings
            ]
        ),
        "seconds": seconds,
        "codebook": {"id": codebook.id, "version": codebook.version},
        "settings": settings.to_dict(),
    }
    result = _rounded(result)
    result["mistakes"] = [
        m for r, p in zip(records, processed, strict=True) for m in _mistakes(r, p)
    ]
    return result
