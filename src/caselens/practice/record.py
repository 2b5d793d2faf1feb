"""The supervision record: a YAML/JSON file a practitioner fills in, and what changed since.

A record holds the case check as it stood on the day (so a later check can be
compared with it), the questions with room for answers, and the agreed actions.
It is plain data on purpose: it can be edited in any text editor, kept beside the
case, and rendered to HTML or PDF again once filled in.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

from caselens.errors import CaseError
from caselens.practice.load import parse_structured, read_text_file
from caselens.practice.result import Reflection
from caselens.report.files import atomic_write_text

RECORD_VERSION = 1
RECORD_SUFFIXES = (".yaml", ".yml", ".json")
CHECK_KEYS = ("themes", "indicators", "unknowns", "questions", "safer_sleep")
ACTION_FIELDS = ("action", "who", "by_when")
# What a later check reads from each kept item: (list, keys every item must have).
ITEM_KEYS = {
    "indicators": ("id", "label"),
    "unknowns": ("key", "summary"),
    "questions": ("id",),
    "safer_sleep": ("id", "label", "status"),
}
SLEEP_STATUSES = ("in_line", "differs", "not_known")


def new_record(
    reflection: Reflection,
    *,
    date: str | None = None,
    practitioner: str | None = None,
    supervisor: str | None = None,
    case_file: str | None = None,
) -> dict[str, Any]:
    """A blank record for this check: answers and actions are for people to fill in."""
    check = reflection.to_dict()
    return {
        "caselens_record": RECORD_VERSION,
        "case": {"reference": reflection.reference, "file": case_file, "date": reflection.date},
        "date": date or dt.date.today().isoformat(),
        "practitioner": practitioner or "",
        "supervisor": supervisor or "",
        "statement": reflection.statement,
        "check": {k: check[k] for k in (*CHECK_KEYS, "codebook", "safer_sleep_source")},
        "answers": [
            {"question": q["id"], "text": q["worded"], "answer": ""} for q in check["questions"]
        ],
        "actions": [{"action": "", "who": "", "by_when": ""}],
    }


def dump_record(record: dict[str, Any], path: Path) -> None:
    """Write ``record`` as YAML or JSON by the file's suffix."""
    if path.suffix.lower() == ".json":
        text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
    else:
        text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100)
    atomic_write_text(path, text, private=True)


def _text(value: Any, file: str, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise CaseError(file, f"{where}: expected text, got {type(value).__name__}")


def _list_of_maps(value: Any, file: str, where: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise CaseError(file, f"{where}: expected a list of entries (each a mapping)")
    return value


def _check_items(check: dict[str, Any], file: str) -> None:
    """Every kept item has what ``--since`` and the renderer read, so an edit fails here, named."""
    for name, keys in ITEM_KEYS.items():
        for i, item in enumerate(check[name]):
            where = f"check.{name}[{i}]"
            if not isinstance(item, dict):
                raise CaseError(
                    file, f"{where}: expected an entry (a mapping) as caselens wrote it"
                )
            for key in keys:
                if not isinstance(item.get(key), str) or not item[key]:
                    raise CaseError(file, f"{where}.{key}: missing; caselens writes it, restore it")
            status = item.get("status", SLEEP_STATUSES[0])
            if status not in SLEEP_STATUSES:
                raise CaseError(
                    file, f"{where}.status: {status!r} is not one of {', '.join(SLEEP_STATUSES)}"
                )


def validate_record(data: Any, file: str) -> dict[str, Any]:
    """Check a (possibly filled-in) record; return it with answers and actions tidied."""
    if not isinstance(data, dict) or data.get("caselens_record") != RECORD_VERSION:
        raise CaseError(
            file,
            "not a caselens supervision record (no 'caselens_record: 1' at the top); "
            "make one with 'caselens case check CASE --out RECORD.yaml'",
        )
    check = data.get("check")
    if not isinstance(check, dict) or any(not isinstance(check.get(k), list) for k in CHECK_KEYS):
        raise CaseError(
            file, f"check: must hold the lists {', '.join(CHECK_KEYS)} as caselens wrote them"
        )
    _check_items(check, file)
    known = {q.get("id") for q in check["questions"] if isinstance(q, dict)}
    answers = []
    for i, item in enumerate(_list_of_maps(data.get("answers"), file, "answers")):
        where = f"answers[{i}]"
        extra = set(item) - {"question", "text", "answer"}
        if extra:
            raise CaseError(
                file,
                f"{where}: unknown field {sorted(extra)[0]!r}; "
                "an answer has question, text and answer",
            )
        qid = _text(item.get("question"), file, f"{where}.question")
        if qid not in known:
            raise CaseError(file, f"{where}.question: {qid!r} is not a question of this record")
        answers.append(
            {
                "question": qid,
                "text": _text(item.get("text"), file, f"{where}.text"),
                "answer": _text(item.get("answer"), file, f"{where}.answer"),
            }
        )
    actions = []
    for i, item in enumerate(_list_of_maps(data.get("actions"), file, "actions")):
        extra = set(item) - set(ACTION_FIELDS)
        if extra:
            raise CaseError(
                file,
                f"actions[{i}]: unknown field {sorted(extra)[0]!r}; "
                f"an action has {', '.join(ACTION_FIELDS)}",
            )
        actions.append({k: _text(item.get(k), file, f"actions[{i}].{k}") for k in ACTION_FIELDS})
    out = dict(data)
    out["date"] = _text(data.get("date"), file, "date")
    for key in ("practitioner", "supervisor"):
        out[key] = _text(data.get(key), file, key)
    out["answers"], out["actions"] = answers, actions
    return out


def load_record(path: Path) -> dict[str, Any]:
    """Read and validate a record file; a folder means its newest record."""
    if path.is_dir():
        path = latest_record(path)
    if path.suffix.lower() not in RECORD_SUFFIXES:
        raise CaseError(str(path), "a record is a .yaml, .yml or .json file")
    text = read_text_file(path, "record file")
    return validate_record(parse_structured(text, path.suffix.lower(), str(path)), str(path))


def latest_record(folder: Path) -> Path:
    """The newest record in a history folder, by its date and then its file name."""
    found: list[tuple[str, str, Path]] = []
    for p in folder.iterdir():
        if p.suffix.lower() in RECORD_SUFFIXES and p.is_file():
            try:
                data = parse_structured(read_text_file(p, "record file"), p.suffix.lower(), str(p))
            except CaseError:
                continue
            if isinstance(data, dict) and data.get("caselens_record") == RECORD_VERSION:
                found.append((str(data.get("date") or ""), p.name, p))
    if not found:
        raise CaseError(str(folder), "no caselens supervision record in this folder")
    return max(found)[2]


def record_paths(out: Path, reference: str | None, date: str) -> tuple[Path, Path, Path]:
    """The record file and its HTML and PDF twins; a folder gets a dated file name."""
    if out.is_dir() or out.suffix.lower() not in RECORD_SUFFIXES:
        stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in (reference or "case"))
        out = out / f"{stem}-{date}.record.yaml"
    base = out.with_suffix("")
    return out, out.with_name(base.name + ".html"), out.with_name(base.name + ".pdf")


def _by(items: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {str(i.get(key)): i for i in items if isinstance(i, dict)}


def same_case(record: dict[str, Any], now: Reflection, file: str) -> None:
    """Refuse to compare two different cases: their differences would read as change.

    Only a reference both sides state can tell; a record without one is taken
    at the practitioner's word.
    """
    case = record.get("case")
    then = case.get("reference") if isinstance(case, dict) else None
    if then is not None and now.reference is not None and str(then) != str(now.reference):
        raise CaseError(
            file,
            f"the record is of case {str(then)!r}, not {now.reference!r}; give --since a "
            "record (or folder of records) of this case (a notes file's reference is its name)",
        )


def changes_since(record: dict[str, Any], now: Reflection) -> dict[str, Any]:
    """What changed between the check kept in ``record`` and this one."""
    then, current = record["check"], now.to_dict()
    was_ind, now_ind = _by(then["indicators"], "id"), _by(current["indicators"], "id")
    was_unk, now_unk = _by(then["unknowns"], "key"), _by(current["unknowns"], "key")
    was_sleep = _by(then["safer_sleep"], "id")
    new_evidence = []
    for iid, item in now_ind.items():
        if iid in was_ind:
            old = {json.dumps(e, sort_keys=True) for e in was_ind[iid].get("evidence", [])}
            fresh = [e for e in item["evidence"] if json.dumps(e, sort_keys=True) not in old]
            if fresh:
                new_evidence.append({"id": iid, "label": item["label"], "evidence": fresh})
    return {
        "record": {
            "date": record.get("date"),
            "practitioner": record.get("practitioner"),
            "supervisor": record.get("supervisor"),
        },
        "new_findings": [now_ind[i] for i in now_ind if i not in was_ind],
        "new_evidence": new_evidence,
        "no_longer_shown": [was_ind[i] for i in was_ind if i not in now_ind],
        "resolved_unknowns": [was_unk[k] for k in was_unk if k not in now_unk],
        "new_unknowns": [now_unk[k] for k in now_unk if k not in was_unk],
        "safer_sleep_changes": [
            {
                "id": s["id"],
                "label": s["label"],
                "was": was_sleep[s["id"]].get("status"),
                "now": s["status"],
                "evidence": s["evidence"],
            }
            for s in current["safer_sleep"]
            if s["id"] in was_sleep and was_sleep[s["id"]].get("status") != s["status"]
        ],
        "agreed_actions": [a for a in record.get("actions", []) if a.get("action")],
    }
