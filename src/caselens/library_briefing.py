"""A saved analysis from the review library, so `caselens report --library` renders it.

The library already holds each review's text, facts, screening and the
findings of its latest coding run, so nothing is read or coded again. The
result has the shape of ``findings.json`` (:func:`caselens.services.analysis_from_dict`)
and goes through the same renderers as a fresh analysis.

With ``accepted_only`` a finding counts only when the newest human decision on
it (across reviewers) accepts or corrects it; findings a reviewer added by
hand count too. An unreviewed finding does not: the briefing then shows what
people confirmed, not what the machine proposed. A decision made before a recode
counts for the same finding made again (same review, indicator and place,
``store.review.standing``); one whose finding is no longer made is not counted, and
the briefing's method says how many (``decisions_not_counted``), as does ``on_note``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from caselens import __version__
from caselens.errors import CaselensError
from caselens.library_review import stale_note
from caselens.model import Codebook, Document
from caselens.services import ANALYSIS_FORMAT, ANALYSIS_SCHEMA, Analysis, analysis_from_dict
from caselens.store import Store, StoredFinding
from caselens.store import repository as repo
from caselens.store import review as review_store
from caselens.store.records import DecisionRecord, RunInfo, iso


class EmptyLibraryError(CaselensError):
    """The library holds no coded review to report on."""


def _finding(f: StoredFinding) -> dict[str, Any]:
    return f.finding.to_dict()


def _decided(
    findings: list[StoredFinding],
    decisions: list[DecisionRecord],
    document: Document,
    codebook: Codebook,
) -> list[dict[str, Any]]:
    """The accepted, corrected and hand-added findings of one document, as findings.json dicts."""
    newest: dict[int, DecisionRecord] = {}
    out = []
    for decision in decisions:  # in the order made: the last one per finding wins
        if decision.finding_id is not None:
            newest[decision.finding_id] = decision
        elif decision.action == "add":
            out.append(_human(document, decision.indicator, decision.start, decision.end, codebook))
    for f in findings:
        last = newest.get(f.id)
        if last is None or last.action == "reject":
            continue
        if last.action == "correct":
            start = last.corrected_start if last.corrected_start is not None else f.start
            end = last.corrected_end if last.corrected_end is not None else f.end
            out.append(
                _human(document, last.corrected_indicator or f.indicator, start, end, codebook)
            )
        else:
            out.append(_finding(f))
    return out


def _human(
    document: Document, indicator: str, start: int, end: int, codebook: Codebook
) -> dict[str, Any]:
    try:
        theme = codebook.indicator(indicator).theme
    except KeyError:
        theme = indicator.split(".", 1)[0]
    return {
        "document": document.id,
        "indicator": indicator,
        "theme": theme,
        "quote": document.text[start:end],
        "start": start,
        "end": end,
        "page": document.page_at(start),
        "confidence": 1.0,
        "method": "human",
        "note": "added or corrected by a reviewer",
    }


def _provenance(runs: list[RunInfo], codebook: Codebook) -> dict[str, Any]:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    versions = sorted({f"{r.codebook_id} {r.codebook_version}" for r in runs})
    settings: dict[str, Any] = dict(runs[-1].settings) if runs else {}
    if len(versions) > 1:
        settings["codebooks_in_library"] = "; ".join(versions)
    started = min((iso(r.started_at) or now for r in runs), default=now)
    return {
        "codebook_id": codebook.id,
        "codebook_version": codebook.version,
        "software_version": __version__,
        "settings": settings,
        "started": started,
        "finished": now,
        "inputs": ["library"],
    }


def library_analysis(
    store: Store,
    codebook: Codebook,
    *,
    accepted_only: bool = False,
    on_note: Callable[[str], None] | None = None,
) -> tuple[Analysis, dict[str, str]]:
    """Every coded review in the library as an analysis, with the reviews' texts.

    ``on_note`` hears, once, of decisions an accepted-only briefing cannot count."""
    documents: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    runs: dict[int, RunInfo] = {}
    stale: tuple[DecisionRecord, ...] = ()
    with store.transaction() as session:
        decisions: tuple[DecisionRecord, ...] = ()
        if accepted_only:
            held = review_store.standing(session)
            decisions, stale = held.counted, held.stale
        for summary in repo.summaries(session, scope="all"):
            if summary.run_id is None:
                continue  # read but never coded
            detail = repo.detail(session, summary.id)
            document = repo.load_document(session, summary.id)
            if detail.run is not None:
                runs[detail.run.id] = detail.run
            texts[document.id] = document.text
            documents.append(
                {
                    "id": document.id,
                    "name": document.name,
                    "source": document.source,
                    "format": document.format,
                    "pages": document.page_count,
                    "sha256": document.sha256,
                    "title": document.title,
                    "characters": len(document.text),
                    "facts": detail.facts,
                    "screening": detail.screening,
                }
            )
            if accepted_only:
                mine = [d for d in decisions if d.document_id == document.id]
                findings += _decided(list(detail.findings), mine, document, codebook)
            else:
                findings += [_finding(f) for f in detail.findings]
    if not documents:
        raise EmptyLibraryError(
            f"the library ({store.location}) holds no coded review; "
            "add reviews with `caselens library add PATH...` first"
        )
    provenance = _provenance(sorted(runs.values(), key=lambda r: r.id), codebook)
    note = stale_note([d.id for d in stale])
    if note is not None:
        provenance["settings"]["decisions_not_counted"] = len(stale)
        if on_note is not None:
            on_note(note)
    data = {
        "format": ANALYSIS_FORMAT,
        "schema_version": ANALYSIS_SCHEMA,
        "provenance": provenance,
        "documents": documents,
        "findings": findings,
    }
    return analysis_from_dict(data, source=store.location), texts
