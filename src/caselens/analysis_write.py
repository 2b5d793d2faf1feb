"""A coding run's :class:`~caselens.services.Analysis` as a plain JSON dict.

What ``findings.json`` holds, so a briefing can be rendered again later without coding
the reviews again. The dict holds no document text: quotes and offsets are enough to
check every finding against the source file. :mod:`caselens.analysis_read` reads it back,
strictly, since a saved file may come from another version or a person's editor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from caselens.services import Analysis, ReviewResult

ANALYSIS_FORMAT = "caselens-analysis"
ANALYSIS_SCHEMA = 1


def document_to_dict(result: ReviewResult) -> dict[str, Any]:
    """One review of a saved analysis: what it is, its facts and its screening."""
    info = result.document
    return {
        "id": info.id,
        "name": info.name,
        "source": info.source,
        "format": info.format,
        "pages": info.pages,
        "sha256": info.sha256,
        "title": info.title,
        "characters": info.characters,
        "facts": result.facts.to_dict(),
        "screening": result.screening.to_dict(),
    }


def analysis_to_dict(analysis: Analysis, *, with_findings: bool = True) -> dict[str, Any]:
    """A JSON-ready dict: documents with facts and screening, then a flat findings list
    (both left empty with ``with_findings=False``, for a writer that streams them)."""
    p = analysis.provenance
    return {
        "format": ANALYSIS_FORMAT,
        "schema_version": ANALYSIS_SCHEMA,
        "provenance": {
            "codebook_id": p.codebook_id,
            "codebook_version": p.codebook_version,
            "software_version": p.software_version,
            "settings": dict(p.settings),
            "started": p.started,
            "finished": p.finished,
            "inputs": list(p.inputs),
        },
        "documents": [document_to_dict(r) for r in analysis.results] if with_findings else [],
        "findings": [f.to_dict() for f in analysis.findings] if with_findings else [],
        "skipped": [{"path": s.path, "reason": s.reason} for s in analysis.skipped],
        "duplicates": [{"path": d.path, "document": d.document} for d in analysis.duplicates],
    }
