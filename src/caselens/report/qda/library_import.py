"""Bring a REFI-QDA project into the review library as another coder's work.

Each text source becomes a library document (or is recognised as one already
there: by the GUID caselens gave it on export, or by identical text), and each
coded selection becomes that coder's ``add`` decision, with its positions
mapped into the document's normalised text (:mod:`.offsets`). New documents are
coded by the machine too, so the researcher's coding has something to be
compared with (``caselens review agreement``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from caselens import __version__
from caselens.model import Codebook, Document
from caselens.pipeline.settings import Settings
from caselens.report.qda.model import QdaProject, QdaSource, source_guid
from caselens.report.qda.offsets import Aligned, align
from caselens.store import Store
from caselens.store import imported as imported_store
from caselens.store import repository as repo
from caselens.store import review as review_store

DEFAULT_CODER = "qda-import"


@dataclass
class ImportReport:
    """What an import did, so the CLI can say it plainly."""

    added: list[tuple[str, str]] = field(default_factory=list)  # (source name, document id)
    known: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source name, reason)
    codings: Counter[str] = field(default_factory=Counter)  # coder -> new decisions
    repeated: int = 0  # codings already in the library
    unmatched: Counter[str] = field(default_factory=Counter)  # code path -> codings
    run_id: int | None = None


def _coder(project: QdaProject, user: str | None, fixed: str | None) -> str:
    if fixed:
        return fixed
    found = project.user(user)
    return found.display if found is not None else DEFAULT_CODER


def _existing(session: Session, source: QdaSource, text: str) -> str | None:
    """The library document this source already is, if any."""
    same = imported_store.documents_with_text(session, text)
    for document_id in same:
        if source_guid(document_id) == source.guid:
            return document_id
    return same[0] if same else None


def _code(store: Store, document: Document, codebook: Codebook, settings: Settings,
          report: ImportReport) -> None:  # fmt: skip
    """The machine's coding of a new document, as its own run (created on first use)."""
    from caselens.library import codebook_hash
    from caselens.pipeline.run import Pipeline

    processed = Pipeline(codebook, settings).process(document)
    year = processed.facts.published_year.value
    with store.transaction() as session:
        if report.run_id is None:
            report.run_id = repo.create_run(
                session,
                purpose="import",
                codebook_id=codebook.id,
                codebook_version=codebook.version,
                codebook_hash=codebook_hash(codebook),
                software_version=__version__,
                settings=settings.to_dict(),
            )
        repo.add_result(
            session,
            run_id=report.run_id,
            document_id=document.id,
            facts=processed.facts.to_dict(),
            screening=processed.screening.to_dict(),
            published_year=int(year) if isinstance(year, int | float) else None,
            sentence_count=len(processed.sentences),
            findings=processed.findings,
        )


def _document(
    store: Store, source: QdaSource, aligned: Aligned, origin: str, report: ImportReport
) -> tuple[Document, bool]:
    """The source's library document and whether it is new (added here)."""
    with store.transaction() as session:
        known = _existing(session, source, aligned.text)
        if known is not None:
            report.known.append((source.name, known))
            return repo.load_document(session, known), False
        document = Document.from_text(
            aligned.raw, source.name, format="text", source=f"{origin}#{source.guid}"
        )
        if repo.has_document(session, document.id):
            report.known.append((source.name, document.id))
            return repo.load_document(session, document.id), False
        repo.add_document(session, document)
    report.added.append((source.name, document.id))
    return document, True


def import_project(
    store: Store,
    project: QdaProject,
    codebook: Codebook,
    *,
    origin: Path,
    coder: str | None = None,
    settings: Settings | None = None,
    code_new: bool = True,
) -> ImportReport:
    """Add the project's sources and codings; each source is one transaction."""
    settings = settings or Settings()
    report = ImportReport()
    for source in project.sources:
        if source.text is None:
            report.skipped.append((source.name, "its text is not inside the project"))
            continue
        aligned = align(source.text)
        if not aligned.text:
            report.skipped.append((source.name, "it has no text"))
            continue
        document, new = _document(store, source, aligned, origin.name, report)
        if new and code_new:
            _code(store, document, codebook, settings, report)
        _decisions(store, project, source, aligned, document, coder, origin, report)
    if report.run_id is not None:
        with store.transaction() as session:
            repo.finish_run(session, report.run_id)
    return report


def _decisions(
    store: Store,
    project: QdaProject,
    source: QdaSource,
    aligned: Aligned,
    document: Document,
    coder: str | None,
    origin: Path,
    report: ImportReport,
) -> None:
    with store.transaction() as session:
        seen: dict[str, set[tuple[str, int, int]]] = {}
        for coding in project.codings:
            if coding.source != source.guid:
                continue
            start, end = aligned.span(coding.start, coding.end)
            if start >= end:
                continue
            code = project.code(coding.code)
            label = code.label or code.path
            if code.label is None:
                report.unmatched[code.path] += 1
            name = _coder(project, coding.user, coder)
            if name not in seen:
                seen[name] = imported_store.added_spans(session, document.id, name)
            if (label, start, end) in seen[name]:
                report.repeated += 1
                continue
            seen[name].add((label, start, end))
            review_store.append(
                session,
                finding_id=None,
                document_id=document.id,
                indicator=label,
                start=start,
                end=end,
                action="add",
                reviewer=name,
                reason=f"imported from {origin.name} (code {code.path!r})",
            )
            report.codings[name] += 1
