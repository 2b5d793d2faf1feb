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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from caselens.model import Codebook, Document
from caselens.pipeline.settings import Settings
from caselens.qda.model import (
    CASELENS_USER,
    QdaCoding,
    QdaProject,
    QdaSource,
    source_guid,
    user_guid,
)
from caselens.qda.offsets import Aligned, align
from caselens.qda.placing import place
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
    machine: int = 0  # caselens's own codings coming back: the machine's, not a person's
    notes: list[str] = field(default_factory=list)  # positions converted, codings left out
    unmatched: Counter[str] = field(default_factory=Counter)  # code path -> codings
    run_id: int | None = None


def _coder(project: QdaProject, user: str | None, fixed: str | None) -> str | None:
    """Who made a coding: its own user as the file says; ``--coder`` names only codings
    that carry no user. None for caselens's own codings coming back: they are the
    machine's findings, in the library already, not a person's."""
    found = project.user(user)
    if found is not None:
        if user == user_guid(CASELENS_USER) or found.display == CASELENS_USER:
            return None
        return found.display
    return fixed or DEFAULT_CODER


def _existing(session: Session, source: QdaSource, text: str) -> str | None:
    """The library document this source already is, if any."""
    same = imported_store.documents_with_text(session, text)
    for document_id in same:
        if source_guid(document_id) == source.guid:
            return document_id
    return same[0] if same else None


def _place(store: Store, source: QdaSource, aligned: Aligned, origin: str) -> tuple[Document, bool]:
    """The source's library document if it is there already (True), else a new one (False)."""
    with store.transaction() as session:
        known = _existing(session, source, aligned.text)
        if known is not None:
            return repo.load_document(session, known), True
    document = Document.from_text(
        aligned.raw, source.name, format="text", source=f"{origin}#{source.guid}"
    )
    return document, False


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
    """Add the project's sources and codings, each source in one transaction.

    A new document, the machine's coding of it and the person's codings are
    written together, so an import that is interrupted leaves whole sources
    only, and importing again completes it.
    """
    from caselens.library import CodingRun, keep_result
    from caselens.pipeline.run import Pipeline

    settings = settings or Settings()
    report = ImportReport()
    run = CodingRun("import", codebook, settings)
    pipeline: Pipeline | None = None
    try:
        for source in project.sources:
            if source.text is None:
                report.skipped.append((source.name, "its text is not inside the project"))
                continue
            aligned = align(source.text)
            if not aligned.text:
                report.skipped.append((source.name, "it has no text"))
                continue
            document, known = _place(store, source, aligned, origin.name)
            processed = None
            if not known and code_new:
                pipeline = pipeline or Pipeline(codebook, settings)
                processed = pipeline.process(document)
            run_id = None
            with store.transaction() as session:
                if not known and repo.has_document(session, document.id):
                    known = True  # another process added it meanwhile
                elif not known:
                    repo.add_document(session, document)
                    if processed is not None:
                        run_id = keep_result(session, run, processed)
                placed = place(
                    source.text,
                    [c for c in project.codings if c.source == source.guid],
                    source.name,
                )
                report.notes.extend(placed.notes)
                counted = _decisions(
                    session, project, placed.codings, aligned, document, coder, origin
                )
            run.id = run_id or run.id  # only now is the run row surely committed
            (report.known if known else report.added).append((source.name, document.id))
            report.codings.update(counted.codings)
            report.unmatched.update(counted.unmatched)
            report.repeated += counted.repeated
            report.machine += counted.machine
    finally:
        run.finish(store)
        report.run_id = run.id
    return report


@dataclass
class _Counted:
    codings: Counter[str] = field(default_factory=Counter)
    unmatched: Counter[str] = field(default_factory=Counter)
    repeated: int = 0
    machine: int = 0  # caselens's own codings coming back


def _decisions(
    session: Session,
    project: QdaProject,
    codings: Sequence[QdaCoding],
    aligned: Aligned,
    document: Document,
    coder: str | None,
    origin: Path,
) -> _Counted:
    """The source's codings as ``add`` decisions, leaving out those already recorded."""
    counted = _Counted()
    seen: dict[str, set[tuple[str, int, int]]] = {}
    for coding in codings:
        start, end = aligned.span(coding.start, coding.end)
        if start >= end:
            continue
        code = project.code(coding.code)
        label = code.label or code.path
        if code.label is None:
            counted.unmatched[code.path] += 1
        name = _coder(project, coding.user, coder)
        if name is None:
            counted.machine += 1
            continue
        if name not in seen:
            seen[name] = imported_store.added_spans(session, document.id, name)
        if (label, start, end) in seen[name]:
            counted.repeated += 1
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
        counted.codings[name] += 1
    return counted
