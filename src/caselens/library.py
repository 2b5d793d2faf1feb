"""The review library's use cases: add, list, search, show, remove, recode.

The CLI (and later the web app) are a few lines over these functions. Each
document is written with all its results in one transaction, so an ingest that
is interrupted (Ctrl-C, a crash, a killed process) leaves only whole documents,
and running the same command again completes it: documents already in the
library are recognised by their content hash and left alone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Protocol

from sqlalchemy.orm import Session

from caselens import __version__
from caselens.errors import CaselensError, StoreError
from caselens.library_review import (  # the human decisions, named here too as before
    REVIEW_ACTIONS as REVIEW_ACTIONS,
)
from caselens.library_review import add_finding as add_finding
from caselens.library_review import agreement as agreement
from caselens.library_review import check_indicator as check_indicator
from caselens.library_review import current_decisions as current_decisions
from caselens.library_review import decide as decide
from caselens.library_review import decide_all as decide_all
from caselens.library_review import decision_log as decision_log
from caselens.library_review import stale_note as stale_note
from caselens.library_review import verify_log as verify_log
from caselens.model import Codebook, Document, Facts, Finding, Screening, Sentence
from caselens.pipeline.settings import Settings
from caselens.services import Skipped, expand
from caselens.store import DocumentDetail, DocumentSummary, SearchHit, Store
from caselens.store import repository as repo
from caselens.store import review as review_store
from caselens.store import search as fts

Progress = Callable[[str, int, int], None]  # (what was just done, done, total)
SCOPES = ("in", "out", "all")


class Processed(Protocol):
    """What the library keeps of a pipeline result (``caselens.pipeline.run.Processed``)."""

    @property
    def document(self) -> Document: ...
    @property
    def sentences(self) -> Sequence[Sentence]: ...
    @property
    def facts(self) -> Facts: ...
    @property
    def screening(self) -> Screening: ...
    @property
    def findings(self) -> Sequence[Finding]: ...


class Processor(Protocol):
    def process(self, document: Document) -> Processed: ...


@dataclass
class AddReport:
    """What ``add`` did, file by file, so the CLI can say it plainly."""

    added: list[tuple[str, str]] = field(default_factory=list)  # (path, document id)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    run_id: int | None = None


@dataclass
class RecodeReport:
    recoded: list[str] = field(default_factory=list)
    current: int = 0  # documents already coded with this codebook
    run_id: int | None = None


def codebook_hash(codebook: Codebook) -> str:
    """A hash of the codebook's meaning, not its file: reformatting the YAML changes nothing."""
    canonical = json.dumps(asdict(codebook), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def open_library(db: str | None = None, *, must_exist: bool = False) -> Store:
    """The library at ``db`` (path or URL), else ``CASELENS_DATABASE_URL``, else the default.

    ``must_exist``: for use cases that only read or judge a library; see :class:`Store`.
    """
    return Store(db, must_exist=must_exist)


def _pipeline(codebook: Codebook, settings: Settings) -> Processor:
    from caselens.pipeline.run import Pipeline

    return Pipeline(codebook, settings)


class CodingRun:
    """A coding run created lazily inside the first document's transaction.

    Adding only duplicates therefore creates no run at all, and a run never
    exists without at least one whole document behind it.
    """

    def __init__(self, purpose: str, codebook: Codebook, settings: Settings) -> None:
        self.purpose = purpose
        self.codebook = codebook
        self.settings = settings
        self.hash = codebook_hash(codebook)
        self.id: int | None = None
        self._coders: dict[str, object] | None = None

    @property
    def coders(self) -> dict[str, object]:
        """Which coders and trained model this run codes with (worked out once)."""
        if self._coders is None:
            self._coders = coders(self.codebook, self.settings)
        return self._coders

    def ensure(self, session: Session) -> int:
        """The run's id, creating its row in ``session`` if no document was committed yet."""
        if self.id is not None:
            return self.id
        return repo.create_run(
            session,
            purpose=self.purpose,
            codebook_id=self.codebook.id,
            codebook_version=self.codebook.version,
            codebook_hash=self.hash,
            software_version=__version__,
            settings={**self.settings.to_dict(), **self.coders},
        )

    def finish(self, store: Store) -> None:
        if self.id is not None:
            with store.transaction() as session:
                repo.finish_run(session, self.id)


def keep_result(session: Session, run: CodingRun, processed: Processed) -> int:
    """This run's facts, screening and findings for a document already in ``session``.

    Returns the run's id; the caller sets ``run.id`` once the transaction committed.
    """
    facts, screening = processed.facts, processed.screening
    year = facts.published_year.value
    run_id = run.ensure(session)
    repo.add_result(
        session,
        run_id=run_id,
        document_id=processed.document.id,
        facts=facts.to_dict(),
        screening=screening.to_dict(),
        published_year=int(year) if isinstance(year, int | float) else None,
        sentence_count=len(processed.sentences),
        findings=processed.findings,
    )
    return run_id


def _write(store: Store, run: CodingRun, processed: Processed, *, new_document: bool) -> bool:
    """One document and everything this run found in it: all of it or none of it.

    Returns False when another process added the same document meanwhile.
    """
    with store.transaction() as session:
        if new_document:
            if repo.has_document(session, processed.document.id):
                return False
            repo.add_document(session, processed.document)
        run_id = keep_result(session, run, processed)
    run.id = run_id  # only now is the run row surely committed
    return True


def add(
    store: Store,
    paths: Sequence[Path],
    codebook: Codebook,
    settings: Settings | None = None,
    *,
    processor: Processor | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    origin: Mapping[Path, str] | None = None,
) -> AddReport:
    """Read, code and keep every new review under ``paths``; known ones are left as they are.

    With ``jobs`` above one (and no ``processor`` given), reviews are read and coded in
    worker processes while this one writes each finished review in its own transaction,
    in the order of the files; with ``scheduler``, on that Dask cluster
    (:mod:`caselens.cluster`), the writing staying here. ``origin`` names where a file read
    from a temporary copy came from (an upload's own name): kept as the review's source,
    so the library never points at a copy that is gone."""
    from caselens.ingest import read_document

    settings = settings or Settings()
    files, skipped = expand(paths)
    report = AddReport(skipped=skipped)
    run = CodingRun("add", codebook, settings)
    given = {path.resolve(): name for path, name in (origin or {}).items()}
    if given and (scheduler is not None or jobs > 1):
        raise ValueError("origin is kept by the one-process reading only")
    if processor is None and (scheduler is not None or (jobs > 1 and len(files) > 1)):
        try:
            _add_parallel(store, files, codebook, settings, run, report, progress, jobs, scheduler)
        finally:
            run.finish(store)
            report.run_id = run.id
        return report
    pipeline = processor
    try:
        for index, file in enumerate(files, start=1):
            try:
                document = read_document(file, max_bytes=settings.max_file_bytes)
                if file.resolve() in given:
                    document = replace(document, source=given[file.resolve()])
            except CaselensError as error:
                report.skipped.append(Skipped.because(file, error))
            else:
                with store.transaction() as session:
                    known = repo.has_document(session, document.id)
                if known or any(doc_id == document.id for _, doc_id in report.added):
                    report.duplicates.append((str(file), document.id))
                else:
                    pipeline = pipeline or _pipeline(codebook, settings)
                    processed = pipeline.process(document)
                    if _write(store, run, processed, new_document=True):
                        report.added.append((str(file), document.id))
                    else:
                        report.duplicates.append((str(file), document.id))
            if progress is not None:
                progress(file.name, index, len(files))
    finally:
        run.finish(store)
        report.run_id = run.id
    return report


def _add_parallel(
    store: Store,
    files: Sequence[Path],
    codebook: Codebook,
    settings: Settings,
    run: CodingRun,
    report: AddReport,
    progress: Progress | None,
    jobs: int,
    scheduler: str | None = None,
) -> None:
    from caselens.workers import process_files

    with store.transaction() as session:
        known = frozenset(repo.document_ids(session))
    seen: set[str] = set()
    if scheduler is not None:
        from caselens.cluster import process_files_on

        outcomes = process_files_on(scheduler, files, codebook, settings, known=known)
    else:
        outcomes = process_files(files, codebook, settings, jobs=jobs, known=known)
    for index, (file, outcome) in enumerate(zip(files, outcomes, strict=True), start=1):
        if outcome.skipped is not None:
            report.skipped.append(outcome.skipped)
        elif outcome.known is not None:
            report.duplicates.append((str(file), outcome.known))
        elif outcome.processed is not None:
            doc_id = outcome.processed.document.id
            if doc_id in seen or not _write(store, run, outcome.processed, new_document=True):
                report.duplicates.append((str(file), doc_id))
            else:
                seen.add(doc_id)
                report.added.append((str(file), doc_id))
        if progress is not None:
            progress(file.name, index, len(files))


def list_documents(
    store: Store, *, scope: str = "all", theme: str | None = None, year: int | None = None
) -> list[DocumentSummary]:
    if scope not in SCOPES:
        raise StoreError(f"scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    with store.transaction() as session:
        return repo.summaries(session, scope=scope, theme=theme, year=year)


def search(store: Store, text: str, *, limit: int = 50) -> list[SearchHit]:
    with store.transaction() as session:
        return fts.search(session, text, limit=limit)


def show(store: Store, document: str) -> DocumentDetail:
    """One document by id or unambiguous id prefix."""
    with store.transaction() as session:
        return repo.detail(session, repo.resolve_id(session, document))


def find(store: Store, document: str) -> DocumentSummary:
    with store.transaction() as session:
        document_id = repo.resolve_id(session, document)
        return repo.summaries(session, ids=[document_id])[0]


def remove(store: Store, document_id: str) -> None:
    """Delete a document with its results and findings: the one thing that deletes. A
    review people have made decisions on stays: the review log is never cut."""
    with store.transaction() as session:
        resolved = repo.resolve_id(session, document_id)
        decided = review_store.log(session, resolved)
        if decided:
            raise StoreError(
                f"review {resolved[:12]} has {len(decided)} review decision(s), and the review "
                "log is append-only, so it stays in the library; leave it out of a briefing "
                "with --accepted-only or a codebook criterion instead"
            )
        repo.delete_document(session, resolved)


def coders(codebook: Codebook, settings: Settings) -> dict[str, object]:
    """Which coders, and which trained model with which floor, a run codes with. Kept with
    the run's settings: a new model, or a new floor of its check of full reviews, changes
    what a run finds as a setting does, so ``recode`` recodes what an older one coded."""
    from caselens.pipeline.coding import Coder

    return Coder(codebook, settings).provenance()


def _coding_settings(settings: Settings) -> dict[str, object]:
    """The settings that change what a run finds (the file size limit does not)."""
    return {k: v for k, v in settings.to_dict().items() if k != "max_file_bytes"}


def recode(
    store: Store,
    codebook: Codebook,
    settings: Settings | None = None,
    *,
    processor: Processor | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
) -> RecodeReport:
    """A new run for every document last coded with another codebook or other settings
    (``--any-year``, ``--model``, ``--min-confidence`` ...); earlier runs stay. With
    ``jobs`` above one, documents are coded in worker processes and written here in order."""
    settings = settings or Settings()
    run = CodingRun("recode", codebook, settings)
    with store.transaction() as session:
        stale = repo.stale_documents(
            session, run.hash, {**_coding_settings(settings), **run.coders}
        )
        total = len(repo.document_ids(session))
    report = RecodeReport(current=total - len(stale))
    if processor is None and jobs > 1 and len(stale) > 1:
        from caselens.workers import process_documents

        def stored() -> Iterator[Document]:
            for document_id in stale:
                with store.transaction() as session:
                    yield repo.load_document(session, document_id)

        try:
            coded = process_documents(stored(), codebook, settings, jobs=jobs)
            for index, processed in enumerate(coded, start=1):
                _write(store, run, processed, new_document=False)
                report.recoded.append(processed.document.id)
                if progress is not None:
                    progress(processed.document.name, index, len(stale))
        finally:
            run.finish(store)
            report.run_id = run.id
        return report
    pipeline = processor
    try:
        for index, document_id in enumerate(stale, start=1):
            with store.transaction() as session:
                document = repo.load_document(session, document_id)
            pipeline = pipeline or _pipeline(codebook, settings)
            _write(store, run, pipeline.process(document), new_document=False)
            report.recoded.append(document_id)
            if progress is not None:
                progress(document.name, index, len(stale))
    finally:
        run.finish(store)
        report.run_id = run.id
    return report
