"""Reading a saved analysis (``findings.json``) back, strictly.

The file is written by :func:`caselens.services.analysis_to_dict`, but it may
come from another caselens version or have been edited by hand, so every value
is checked as it is read and a wrong one is reported with its place
(``findings[3].confidence: missing``) rather than as a crash or, worse, read
as something else (the text ``"false"`` is not false).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

from caselens.errors import InputError
from caselens.model import Codebook, CriterionResult, Evidence, Fact, Facts, Finding, Screening
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
    SpooledReview,
)
from caselens.spool import Spool, SpooledFindings, SpooledValue
from caselens.userfile import check_regular

T = TypeVar("T")
# The codebook a saved analysis's findings are checked against, chosen once the file's
# other keys (its embedded codebook, its provenance) are read: they may follow the findings.
CodebookFor = Callable[[Analysis, dict[str, Any]], Codebook]


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


def _span(data: dict[str, Any], keys: tuple[str, str], where: str, *, required: bool) -> None:
    """Offsets that can index a text: a quote that starts before the text does, or ends
    before it starts, would be shown as another passage or as nothing."""
    read = _req if required else _opt
    start, end = (read(data, key, int, where) for key in keys)
    if start is not None and start < 0:
        raise _DamagedError(f"{_place(where, keys[0])}: {start} is before the text begins")
    if start is not None and end is not None and end < start:
        raise _DamagedError(f"{_place(where, keys[1])}: {end} is before {keys[0]} {start}")


def _evidence(data: dict[str, Any], where: str) -> Evidence:
    _span(data, ("start", "end"), where, required=True)
    page = _opt(data, "page", int, where)
    if page is not None and page < 1:
        raise _DamagedError(f"{_place(where, 'page')}: {page} is not a page (pages count from 1)")
    return Evidence(_req(data, "quote", str, where), data["start"], data["end"], page)


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
    confidence = _req(data, "confidence", float, where)
    if not 0.0 <= confidence <= 1.0:  # also NaN, which JSON readers take
        raise _DamagedError(f"{_place(where, 'confidence')}: {confidence} is not from 0 to 1")
    _span(data, ("sentence_start", "sentence_end"), where, required=False)
    return Finding(
        document=_req(data, "document", str, where),
        indicator=_req(data, "indicator", str, where),
        theme=_req(data, "theme", str, where),
        evidence=_evidence(data, where),
        confidence=confidence,
        method=_req(data, "method", str, where),
        sentence_start=_opt(data, "sentence_start", int, where),
        sentence_end=_opt(data, "sentence_end", int, where),
        note=_opt(data, "note", str, where),
        section=_opt(data, "section", str, where),
        stance=_opt(data, "stance", str, where),
    )


def _joined(parts: list[Sequence[Finding]]) -> Sequence[Finding]:
    """A review's findings, met in one run (as caselens writes them) or in several."""
    if len(parts) == 1:
        return parts[0]
    return tuple(f for part in parts for f in part)


def _result(d: dict[str, Any], where: str, findings: Sequence[Finding]) -> ReviewResult:
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
    return ReviewResult(info, facts, screening, findings)


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


def _analysis(data: dict[str, Any], codebook_for: CodebookFor | None) -> Analysis:
    kept = _Collected(codebook_for=codebook_for)
    for at, record in _objects(data, "documents", ""):
        kept.document(at, record)
    for at, item in _objects(data, "findings", ""):
        kept.finding(at, item)
    return kept.analysis(data)


def _completed(data: dict[str, Any], results: tuple[ReviewResult, ...]) -> Analysis:
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


def read_analysis(
    data: dict[str, Any], source: str = "analysis", codebook_for: CodebookFor | None = None
) -> Analysis:
    """Rebuild an :class:`Analysis` written by :func:`analysis_to_dict`.

    ``source`` names the file in error messages, which also name the key at
    fault, since a findings.json may have been edited by hand. Extra keys (a
    screening flow or summary added by a writer) are ignored. Given ``codebook_for``,
    every finding's indicator and theme must be the codebook's it returns.
    """
    _check_header(data, source)
    try:
        return _analysis(data, codebook_for)
    except _DamagedError as error:
        raise _damaged(source, error) from error


def _check_header(data: object, source: str) -> None:
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


def _damaged(source: str, error: _DamagedError) -> InputError:
    return InputError(
        source, f"is a damaged caselens analysis: {error}; fix it or run `caselens analyse` again"
    )


def _items(events: Iterator[tuple[str, str, Any]], name: str) -> Iterator[tuple[str, Any]]:
    """The items of the top-level list ``name`` (its opening already read), one at a time,
    each with its place (``findings[3]``); the list's closing is read too."""
    import ijson  # type: ignore[import-untyped]

    number = 0
    item: Any = None
    depth = 0
    for prefix, event, value in events:
        if item is None:
            if prefix == name and event == "end_array":
                return
            if event not in ("start_map", "start_array"):
                yield f"{name}[{number}]", value
                number += 1
                continue
            item = ijson.ObjectBuilder()
        item.event(event, value)
        depth += 1 if event in ("start_map", "start_array") else 0
        depth -= 1 if event in ("end_map", "end_array") else 0
        if depth == 0:
            yield f"{name}[{number}]", item.value
            number += 1
            item = None


class _Collected:
    """A saved analysis's reviews and findings as they are met, grouped by review (a saved
    analysis lists the findings review by review), the ids checked at the end. Given a
    ``spool`` (a streaming read), each review's record and findings go to disk as they
    are met, so what is held does not grow with the corpus."""

    def __init__(self, spool: Spool | None = None, codebook_for: CodebookFor | None = None) -> None:
        self.spool = spool
        self.codebook_for = codebook_for
        self.labels: dict[tuple[str, str], str] = {}  # (indicator, theme): its first place
        self.documents: list[tuple[str, dict[str, Any] | SpooledValue[dict[str, Any]]]] = []
        self.ids: set[str] = set()
        self.by_doc: dict[str, list[Sequence[Finding]]] = {}
        self.group: list[Finding] = []
        self.first_at: dict[str, str] = {}  # each review's first finding, to name a wrong id

    def document(self, at: str, item: Any) -> None:
        record = _as(item, dict, at)
        self.ids.add(_req(record, "id", str, at))
        held = record if self.spool is None else SpooledValue(self.spool, record)
        self.documents.append((at, held))

    def finding(self, at: str, item: Any) -> None:
        if not isinstance(item, dict):
            raise _DamagedError(f"{at}: should be an object")
        finding = _finding(item, at)
        self.first_at.setdefault(finding.document, at)
        self.labels.setdefault((finding.indicator, finding.theme), at)
        if self.group and self.group[0].document != finding.document:
            self._keep()
        self.group.append(finding)

    def _keep(self) -> None:
        if self.group:
            group = self.group
            kept = tuple(group) if self.spool is None else SpooledFindings(self.spool, group)
            self.by_doc.setdefault(group[0].document, []).append(kept)
            self.group = []

    def analysis(self, data: dict[str, Any]) -> Analysis:
        self._keep()
        for key in ("documents", "findings"):  # a streaming read takes them only as lists
            _req(data, key, list, "")  # without them a briefing would say: nothing found
        for doc, at in self.first_at.items():
            if doc not in self.ids:
                raise _DamagedError(f"{at}.document: {doc!r} is not the id of a document here")
        results: list[ReviewResult] = []
        for at, held in self.documents:
            record = held.get() if isinstance(held, SpooledValue) else held
            r = _result(record, at, _joined(self.by_doc.get(record["id"], [])))
            if self.spool is not None:
                r = SpooledReview(self.spool, r.document, r.facts, r.screening, r.findings)
            results.append(r)
        analysis = _completed(data, tuple(results))
        if self.codebook_for is not None:
            self._check_labels(self.codebook_for(analysis, data))
        return analysis

    def _check_labels(self, codebook: Codebook) -> None:
        """Each finding's indicator is the codebook's, under its own theme: a briefing
        counts findings by both, and one it cannot place would be dropped or miscounted."""
        themes = {i.id: i.theme for i in codebook.indicators}
        for (indicator, theme), at in self.labels.items():
            if indicator not in themes:
                raise _DamagedError(
                    f"{at}.indicator: {indicator!r} is not an indicator of codebook {codebook.id!r}"
                )
            if theme != themes[indicator]:
                raise _DamagedError(
                    f"{at}.theme: {theme!r} is not the theme of {indicator!r} "
                    f"({themes[indicator]!r})"
                )


def read_analysis_file(
    path: Path,
    max_bytes: int,
    stream: Mapping[str, Callable[[str, Any], None]] | None = None,
    codebook_for: CodebookFor | None = None,
) -> tuple[Analysis, dict[str, Any]]:
    """A saved analysis read piece by piece, for one too large to parse whole (a national
    corpus's findings.json is hundreds of megabytes, and its objects several times that):
    each review's record and findings go to a private temporary file (:mod:`caselens.spool`)
    as they are met, so what is held does not grow with the corpus. Returns the analysis
    and the file's other top-level keys (codebook, ...), checked exactly as
    :func:`read_analysis` checks a parsed file. ``stream`` names other top-level lists to
    be handed over item by item (``appendix``: the report keeps it on disk too); they are
    left empty in the keys returned. ``codebook_for`` as for :func:`read_analysis`."""
    import ijson

    source = str(path)
    check_regular(path, "findings.json that analyse wrote", max_bytes)
    kept = _Collected(Spool(), codebook_for)
    handlers = {"documents": kept.document, "findings": kept.finding, **(stream or {})}
    try:
        with Path(path).open("rb") as handle:
            events = iter(ijson.parse(handle, use_float=True))
            top = ijson.ObjectBuilder()
            for prefix, event, value in events:
                handler = handlers.get(prefix) if event == "start_array" else None
                if handler is None:
                    top.event(event, value)
                    continue
                if isinstance(top.value, dict) and "format" in top.value:
                    _check_header(top.value, source)  # refused before its lists are read
                top.event("start_array", None)
                top.event("end_array", None)  # the list stays empty here
                for at, item in _items(events, prefix):
                    handler(at, item)
            data = top.value
            _check_header(data, source)
            return kept.analysis(data), data
    except _DamagedError as error:
        raise _damaged(source, error) from error
    except ijson.JSONError as error:
        raise InputError(source, f"cannot be read as JSON ({error})") from None
    except OSError as error:
        raise InputError(source, f"cannot be read ({error.strerror or error})") from None
