"""Reading a saved analysis (``findings.json``) back, strictly.

The file is written by :func:`caselens.services.analysis_to_dict`, but it may
come from another caselens version or have been edited by hand, so every value
is checked as it is read and a wrong one is reported with its place
(``findings[3].confidence: missing``) rather than as a crash or, worse, read
as something else (the text ``"false"`` is not false).
"""

from __future__ import annotations

import json
from typing import Any, TypeVar, cast

from caselens.errors import InputError
from caselens.model import CriterionResult, Evidence, Fact, Facts, Finding, Screening
from caselens.model.screening import Status
from caselens.services import (
    ANALYSIS_FORMAT,
    ANALYSIS_SCHEMA,
    FACT_NAMES,
    Analysis,
    DocumentInfo,
    Duplicate,
    Provenance,
    ReviewResult,
    Skipped,
)

T = TypeVar("T")


class _DamagedError(ValueError):
    """One wrong value in a saved analysis, with its place (``findings[3].confidence``)."""


_KINDS: dict[type, str] = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "an object",
}


def _place(where: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else key


def _as(value: Any, kind: type[T], where: str) -> T:
    """``value`` if it is a ``kind`` (an int counts as a float, a bool never as a number)."""
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        shown = json.dumps(value, ensure_ascii=False, default=str)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        raise _DamagedError(f"{where}: should be {_KINDS[kind]}, not {shown}")
    return value


def _req(data: dict[str, Any], key: str, kind: type[T], where: str) -> T:
    if key not in data:
        raise _DamagedError(f"{_place(where, key)}: missing")
    return _as(data[key], kind, _place(where, key))


def _opt(data: dict[str, Any], key: str, kind: type[T], where: str) -> T | None:
    value = data.get(key)
    return None if value is None else _as(value, kind, _place(where, key))


def _objects(data: dict[str, Any], key: str, where: str) -> list[tuple[str, dict[str, Any]]]:
    """The objects listed under ``key`` (none if absent), each with its place."""
    items = _opt(data, key, list, where) or []
    return [
        (_place(_place(where, key), i), _as(item, dict, _place(_place(where, key), i)))
        for i, item in enumerate(items)
    ]


def _evidence(data: dict[str, Any], where: str) -> Evidence:
    return Evidence(
        _req(data, "quote", str, where),
        _req(data, "start", int, where),
        _req(data, "end", int, where),
        _opt(data, "page", int, where),
    )


def _facts(data: dict[str, Any], where: str) -> Facts:
    facts = {}
    for name in FACT_NAMES:
        item = _opt(data, name, dict, where)
        if item is not None:
            at = _place(where, name)
            value = item.get("value")
            evidence = tuple(_evidence(e, w) for w, e in _objects(item, "evidence", at))
            value = tuple(value) if isinstance(value, list) else value
            facts[name] = Fact(name, value, evidence, _opt(item, "note", str, at))
    return Facts(**facts)


def _screening(data: dict[str, Any], where: str) -> Screening:
    results = []
    for at, c in _objects(data, "criteria", where):
        status = _req(c, "status", str, at)
        if status not in ("met", "not_met", "unknown"):
            raise _DamagedError(f"{at}.status: {status!r} is not met, not_met or unknown")
        results.append(
            CriterionResult(
                criterion=_req(c, "criterion", str, at),
                label=_req(c, "label", str, at),
                status=cast(Status, status),
                reason=_req(c, "reason", str, at),
                evidence=tuple(_evidence(e, w) for w, e in _objects(c, "evidence", at)),
                window=bool(_opt(c, "window", bool, at)),
            )
        )
    return Screening(
        document=_req(data, "document", str, where),
        in_scope=_req(data, "in_scope", bool, where),
        included=_req(data, "included", bool, where),
        results=tuple(results),
    )


def _finding(data: dict[str, Any], where: str) -> Finding:
    return Finding(
        document=_req(data, "document", str, where),
        indicator=_req(data, "indicator", str, where),
        theme=_req(data, "theme", str, where),
        evidence=_evidence(data, where),
        confidence=_req(data, "confidence", float, where),
        method=_req(data, "method", str, where),
        sentence_start=_opt(data, "sentence_start", int, where),
        sentence_end=_opt(data, "sentence_end", int, where),
        note=_opt(data, "note", str, where),
        section=_opt(data, "section", str, where),
        stance=_opt(data, "stance", str, where),
    )


def _result(d: dict[str, Any], where: str, findings: list[Finding]) -> ReviewResult:
    info = DocumentInfo(
        id=_req(d, "id", str, where),
        name=_req(d, "name", str, where),
        source=_opt(d, "source", str, where),
        format=_opt(d, "format", str, where) or "text",
        pages=_opt(d, "pages", int, where),
        sha256=_opt(d, "sha256", str, where),
        title=_opt(d, "title", str, where),
        characters=_opt(d, "characters", int, where) or 0,
    )
    facts = _facts(_opt(d, "facts", dict, where) or {}, _place(where, "facts"))
    screening = _screening(_req(d, "screening", dict, where), _place(where, "screening"))
    return ReviewResult(info, facts, screening, tuple(findings))


def _provenance(p: dict[str, Any]) -> Provenance:
    where = "provenance"
    return Provenance(
        codebook_id=_req(p, "codebook_id", str, where),
        codebook_version=_req(p, "codebook_version", str, where),
        software_version=_req(p, "software_version", str, where),
        settings=_opt(p, "settings", dict, where) or {},
        started=_req(p, "started", str, where),
        finished=_req(p, "finished", str, where),
        inputs=tuple(
            _as(i, str, f"{where}.inputs[{n}]")
            for n, i in enumerate(_opt(p, "inputs", list, where) or [])
        ),
    )


def _analysis(data: dict[str, Any]) -> Analysis:
    documents = _objects(data, "documents", "")
    ids = {_req(d, "id", str, at) for at, d in documents}
    by_doc: dict[str, list[Finding]] = {}
    for at, item in _objects(data, "findings", ""):
        finding = _finding(item, at)
        if finding.document not in ids:
            raise _DamagedError(
                f"{at}.document: {finding.document!r} is not the id of a document here"
            )
        by_doc.setdefault(finding.document, []).append(finding)
    results = tuple(_result(d, at, by_doc.get(d["id"], [])) for at, d in documents)
    skipped = tuple(
        Skipped(_req(s, "path", str, at), _req(s, "reason", str, at))
        for at, s in _objects(data, "skipped", "")
    )
    duplicates = tuple(
        Duplicate(_req(d, "path", str, at), _req(d, "document", str, at))
        for at, d in _objects(data, "duplicates", "")
    )
    provenance = _provenance(_req(data, "provenance", dict, ""))
    return Analysis(results, skipped, provenance, duplicates)


def read_analysis(data: dict[str, Any], source: str = "analysis") -> Analysis:
    """Rebuild an :class:`Analysis` written by :func:`analysis_to_dict`.

    ``source`` names the file in error messages, which also name the key at
    fault, since a findings.json may have been edited by hand. Extra keys (a
    screening flow or summary added by a writer) are ignored.
    """
    if not isinstance(data, dict) or data.get("format") != ANALYSIS_FORMAT:
        raise InputError(
            source, f'is not a caselens analysis (expected "format": "{ANALYSIS_FORMAT}")'
        )
    schema = data.get("schema_version", ANALYSIS_SCHEMA)
    if not isinstance(schema, int) or isinstance(schema, bool) or schema > ANALYSIS_SCHEMA:
        raise InputError(
            source,
            f"schema_version {schema!r} was written by a newer caselens (this one reads up to "
            f"{ANALYSIS_SCHEMA}); update caselens, or run `caselens analyse` again",
        )
    try:
        return _analysis(data)
    except _DamagedError as error:
        raise InputError(
            source,
            f"is a damaged caselens analysis: {error}; fix it or run `caselens analyse` again",
        ) from error
