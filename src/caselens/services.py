"""The use cases that the CLI and the web app both call.

``analyse`` is the one place where a coding run meets the outside world: it
expands paths, reads files, takes the clock for provenance and turns a file
that cannot be read into a ``Skipped`` entry instead of stopping the run. The
pipeline underneath stays pure.

An :class:`Analysis` round-trips through a plain JSON dict
(:mod:`caselens.analysis_write` / :mod:`caselens.analysis_read`) so a briefing can be
rendered again later without coding the reviews again. The dict holds no
document text: quotes and offsets are enough to check every finding against
the source file, and a review library need not copy the reviews.

A fresh analysis does keep each review's normalised text in memory
(:attr:`Analysis.texts`), so the briefing's source appendix and the .qdpx
export cut their quotes from the very text that was coded, instead of reading
and parsing every file a second time (twice the work, and wrong offsets if a
file changed in between). A saved analysis has no texts; findings.json keeps the
briefing's appendix beside it (written by the report layer), so only an export of
whole texts re-reads the sources, checking each against its recorded hash.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from caselens import __version__
from caselens.analysis_write import (  # the JSON shape, named here as before
    ANALYSIS_FORMAT,
    ANALYSIS_SCHEMA,
    analysis_to_dict,
    document_to_dict,
)
from caselens.errors import CaselensError
from caselens.model import (
    Codebook,
    Document,
    Facts,
    Finding,
    Screening,
)
from caselens.pipeline.settings import Settings
from caselens.spool import Spool, SpooledFindings, SpooledTexts, SpooledValue

Progress = Callable[[Path, int, int], None]
# Findings a run holds in memory (with their reviews' texts) before it keeps the rest on
# disk (see :func:`analyse`): some 50 MB, a hundred or more long reviews.
KEEP_IN_MEMORY = int(os.environ.get("CASELENS_KEEP_IN_MEMORY", "50000"))

FACT_NAMES = tuple(f.name for f in dataclasses.fields(Facts))


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What a report needs to know about a document, without its text."""

    id: str
    name: str
    source: str | None = None
    format: str = "text"
    pages: int | None = None
    sha256: str | None = None
    title: str | None = None
    characters: int = 0

    @classmethod
    def of(cls, document: Document) -> DocumentInfo:
        return cls(
            id=document.id,
            name=document.name,
            source=document.source,
            format=document.format,
            pages=document.page_count,
            sha256=document.sha256,
            title=document.title,
            characters=len(document.text),
        )


@dataclass(frozen=True)
class ReviewResult:
    """One review after the pipeline: its facts, screening decision and findings."""

    document: DocumentInfo
    facts: Facts
    screening: Screening
    findings: Sequence[Finding]  # a tuple, or on disk for a large run (caselens.spool)

    @property
    def included(self) -> bool:
        return self.screening.included

    @functools.cached_property
    def theme_counts(self) -> Mapping[str, int]:
        """Findings per theme: worked out once, since a briefing asks it in several tables
        and the findings of a large run are read back from disk each time."""
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.theme] = counts.get(finding.theme, 0) + 1
        return counts

    @property
    def themes(self) -> frozenset[str]:
        """The themes the review's findings show."""
        return frozenset(self.theme_counts)


class SpooledReview(ReviewResult):
    """A review of a large run whose facts, screening and findings are on disk
    (:mod:`caselens.spool`), read back when asked for; only what every table asks of
    every review (its document, whether it is included, its theme counts) is held.

    Held in memory, a review's facts and screening with their evidence are some 10 KB:
    for the national repository, most of what would still grow with the corpus."""

    _included: bool
    _scope: SpooledValue[tuple[Facts, Screening]]

    def __init__(
        self,
        spool: Spool,
        document: DocumentInfo,
        facts: Facts,
        screening: Screening,
        findings: Sequence[Finding],
    ) -> None:
        object.__setattr__(self, "document", document)
        if not isinstance(findings, SpooledFindings):
            findings = SpooledFindings(spool, findings)
        object.__setattr__(self, "findings", findings)
        object.__setattr__(self, "_included", screening.included)
        object.__setattr__(self, "_scope", SpooledValue(spool, (facts, screening)))

    @property
    def facts(self) -> Facts:
        return self._scope.get()[0]

    @property
    def screening(self) -> Screening:
        return self._scope.get()[1]

    @property
    def included(self) -> bool:
        return self._included

    def _fields(self) -> tuple[Any, ...]:
        return (self.document, self.facts, self.screening, tuple(self.findings))

    def __eq__(self, other: object) -> bool:
        """Equal to the review it stands for, held in memory or not."""
        if isinstance(other, ReviewResult):
            return self._fields() == (
                other.document,
                other.facts,
                other.screening,
                tuple(other.findings),
            )
        return NotImplemented

    __hash__ = ReviewResult.__hash__

    def __reduce__(self) -> tuple[Any, ...]:
        # sent elsewhere (another process) as the plain review it stands for
        return (ReviewResult, self._fields())


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that could not be read, with the reason written for a person."""

    path: str
    reason: str

    @classmethod
    def because(cls, path: Path | str, error: CaselensError) -> Skipped:
        """Skipped for ``error``'s problem without its path, which the report shows beside it."""
        problem = getattr(error, "problem", None)
        return cls(str(path), str(problem) if problem else str(error))


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A file whose content was already analysed under another path."""

    path: str
    document: str


@dataclass(frozen=True)
class Provenance:
    """What produced an analysis, so a result can be traced and repeated."""

    codebook_id: str
    codebook_version: str
    software_version: str
    settings: dict[str, Any]
    started: str  # ISO 8601, UTC
    finished: str  # ISO 8601, UTC
    inputs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """The outcome of one run over a set of review files.

    ``texts`` maps review id to the normalised text that was coded, for a run
    made in this process; it is empty for an analysis read back from JSON and
    is never written there (see the module docstring).
    """

    results: tuple[ReviewResult, ...]
    skipped: tuple[Skipped, ...]
    provenance: Provenance
    duplicates: tuple[Duplicate, ...] = field(default=())
    texts: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def included(self) -> tuple[ReviewResult, ...]:
        return tuple(r for r in self.results if r.included)

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for r in self.results for f in r.findings)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def expand(paths: Sequence[Path]) -> tuple[list[Path], list[Skipped]]:
    """Every supported file under ``paths``, once each, in a stable order.

    A path that cannot be listed (missing, unsupported) is skipped, not fatal, so
    one mistyped argument never costs the run of all the others.
    """
    from caselens.ingest import iter_documents

    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()
    for path in paths:
        try:
            found = list(iter_documents([path]))
        except CaselensError as error:
            skipped.append(Skipped.because(path, error))
            continue
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, skipped


def shown_path(file: Path | str, inputs: Sequence[Path]) -> str:
    """How an output names an input file: never by an absolute path of the user's machine.

    A path given relative stays as given; an absolute one is named relative to the
    current folder when it is under it, else from the folder the user pointed at down
    ("reviews/2021/child-a.pdf" for a file found under /home/jo/reviews).
    ``caselens report`` re-reads sources by these names from the current folder."""
    path = Path(file)
    if not path.is_absolute():
        return str(path)
    with contextlib.suppress(ValueError):
        return str(path.relative_to(Path.cwd()))
    for root in inputs:
        if root.is_absolute():
            with contextlib.suppress(ValueError):
                return str(path.relative_to(root.parent))
    return path.name


def shown_paths(files: Iterable[Path | str], inputs: Sequence[Path]) -> dict[str, str]:
    """Each file's :func:`shown_path`, told apart: two files shown alike (/a/x.pdf and
    /b/x.pdf, each given alone, are both "x.pdf") keep as many of their folders as tell
    them apart, or a message about one would seem to be about the other."""
    names = {str(f): shown_path(f, inputs) for f in files}
    alike: dict[str, list[str]] = {}
    for file, name in names.items():
        alike.setdefault(name, []).append(file)
    for name, group in alike.items():
        different = len({Path(f).resolve() for f in group})  # one file named two ways is one
        parts = [Path(f).parts for f in group]
        for depth in range(len(Path(name).parts) + 1, max(map(len, parts)) + 1):
            tails = [str(Path(*p[-depth:])) for p in parts]
            if different > 1 and len(set(tails)) >= different:
                names.update(zip(group, tails, strict=True))
                break
    return names


def analyse(
    paths: Sequence[Path],
    codebook: Codebook,
    settings: Settings,
    progress: Progress | None = None,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    keep_in_memory: int = KEEP_IN_MEMORY,
) -> Analysis:
    """Read, screen and code every review under ``paths``, in ``jobs`` worker processes,
    or on the Dask cluster whose scheduler is at ``scheduler`` (:mod:`caselens.cluster`).

    Once ``keep_in_memory`` findings are held, the findings, facts, screening and text
    of each further review are kept in a private temporary file (:mod:`caselens.spool`),
    so memory stops growing with the corpus; a run of a few hundred reviews never
    touches the disk.

    A file that cannot be read is recorded as skipped and the run goes on, so one
    damaged PDF never costs a partnership the rest of its briefing. ``progress``
    is called after each file with (file, files done, files in total). Results are in
    the order of the files whatever the number of workers.
    """
    from caselens.workers import pipeline_provenance, process_files

    started = _now()
    files, skipped = expand(paths)
    names = shown_paths([*paths, *files], paths)

    def shown(file: Path | str) -> str:
        return names.get(str(file)) or shown_path(file, paths)

    results: list[ReviewResult] = []
    duplicates: list[Duplicate] = []
    texts: dict[str, str] | SpooledTexts = {}
    spool: Spool | None = None
    held = 0  # findings held in memory
    if scheduler is not None:
        from caselens.cluster import process_files_on

        outcomes = process_files_on(scheduler, files, codebook, settings)
    else:
        outcomes = process_files(files, codebook, settings, jobs=jobs)
    coders: dict[str, Any] | None = None
    for index, (file, outcome) in enumerate(zip(files, outcomes, strict=True), start=1):
        coders = coders or outcome.coders
        if outcome.skipped is not None:
            skipped.append(outcome.skipped)
        elif outcome.processed is not None:
            processed = outcome.processed
            document = processed.document
            if document.id in texts:
                duplicates.append(Duplicate(shown(file), document.id))
            else:
                if spool is None and held + len(processed.findings) > keep_in_memory:
                    spool = Spool()
                    texts = SpooledTexts(spool, texts)
                held += len(processed.findings) if spool is None else 0
                texts[document.id] = document.text
                info = DocumentInfo.of(processed.document)
                if info.source is not None:
                    info = dataclasses.replace(info, source=shown(info.source))
                facts, screening = processed.facts, processed.screening
                if spool is None:
                    results.append(ReviewResult(info, facts, screening, processed.findings))
                else:
                    results.append(SpooledReview(spool, info, facts, screening, processed.findings))
        if progress is not None:
            progress(file, index, len(files))
    provenance = Provenance(
        codebook_id=codebook.id,
        codebook_version=codebook.version,
        software_version=__version__,
        settings={**settings.to_dict(), **pipeline_provenance(codebook, settings, coders)},
        started=started,
        finished=_now(),
        inputs=tuple(shown(p) for p in paths),
    )
    # every skipped path, from listing or from reading, named once here
    skipped = [dataclasses.replace(s, path=shown(s.path)) for s in skipped]
    return Analysis(tuple(results), tuple(skipped), provenance, tuple(duplicates), texts)


def analysis_from_dict(data: dict[str, Any], source: str = "analysis") -> Analysis:
    """Rebuild an :class:`Analysis` written by :func:`analysis_to_dict`.

    ``source`` names the file in error messages; see :mod:`caselens.analysis_read`.
    """
    from caselens.analysis_read import read_analysis

    return read_analysis(data, source)


__all__ = [
    "ANALYSIS_FORMAT",
    "ANALYSIS_SCHEMA",
    "Analysis",
    "DocumentInfo",
    "Duplicate",
    "Provenance",
    "ReviewResult",
    "Skipped",
    "SpooledReview",
    "analyse",
    "analysis_from_dict",
    "analysis_to_dict",
    "document_to_dict",
    "expand",
    "shown_path",
    "shown_paths",
]
