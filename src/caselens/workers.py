"""Reviews read and coded in parallel worker processes, results in input order.

Each worker loads the codebook's compiled patterns and any model once (in its
initialiser), then reads and codes one file at a time. Results come back in the order
of the files, as they are ready, so a progress bar and a library write go on while the
rest is coded. One worker, or one file, runs in this process with no pool at all.
A file already known (``known`` document ids) is read but not coded again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from caselens.errors import CaselensError, InputError
from caselens.model import Codebook, Document
from caselens.pipeline.run import Pipeline, Processed
from caselens.pipeline.settings import Settings
from caselens.services import Skipped

log = logging.getLogger(__name__)
_PIPELINE: Pipeline | None = None
_KNOWN: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Outcome:
    """One file's result: coded (``processed``), already known (``known``), or not read."""

    file: Path
    processed: Processed | None = None
    known: str | None = None  # the id of a file already known: recognised by its hash, not parsed
    # not read, and why: the reason as text, since an exception does not always survive
    # the trip between processes
    skipped: Skipped | None = None
    coders: dict[str, Any] | None = None  # the worker's coders, for the run's provenance


def default_jobs() -> int:
    """The cores this process may use (its CPU affinity where the system says)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS and Windows
        return max(1, os.cpu_count() or 1)


def _start(codebook: Codebook, settings: Settings, known: frozenset[str]) -> None:
    global _PIPELINE, _KNOWN
    _PIPELINE = Pipeline(codebook, settings)
    _KNOWN = known


# A review of 300 pages is read and coded in a few seconds; a file that takes minutes is
# built to exhaust the reader (one huge stream shared by every page, millions of
# attributes), and must not hold up the batch.
DOCUMENT_SECONDS = float(os.environ.get("CASELENS_DOCUMENT_SECONDS", "120"))


class _TooSlowError(Exception):
    pass


@contextlib.contextmanager
def _time_bound(seconds: float) -> Iterator[None]:
    """Interrupt the work after ``seconds`` (where a signal can be used: the main thread
    of a POSIX process, which every worker and the command line are)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _TooSlowError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def code_bytes(
    pipeline: Pipeline,
    file: Path,
    data: bytes,
    known: frozenset[str],
    seconds: float = DOCUMENT_SECONDS,
) -> Outcome:
    """One file's outcome from its bytes: known by its hash, coded, or skipped with why.

    The one place a file becomes an outcome, for the local workers and the cluster's;
    ``seconds`` is what is left of the file's time (reading it may have used some)."""
    from caselens.ingest import document_from_bytes
    from caselens.model.document import content_id

    coders = pipeline.coder.provenance()
    try:
        with _time_bound(seconds):
            identity = content_id(data)
            if identity in known:  # re-adding an unchanged file costs its hash, not a parse
                return Outcome(file, known=identity, coders=coders)
            document = document_from_bytes(file, data)
            return Outcome(file, processed=pipeline.process(document), coders=coders)
    except _TooSlowError:
        error = InputError(
            str(file),
            f"took over {DOCUMENT_SECONDS:g} seconds to read and code (a review takes a "
            "few); it may be built to exhaust the reader: re-save it, or split it",
        )
        return Outcome(file, skipped=Skipped.because(file, error), coders=coders)
    except CaselensError as error:
        return Outcome(file, skipped=Skipped.because(file, error), coders=coders)
    except Exception as error:
        # The reason goes to the person with the skipped file; the trace only to a debug log.
        log.debug("%s: unexpected failure", file, exc_info=True)
        reason = (
            f"caselens failed on it ({type(error).__name__}: {error}); the other files were "
            "read; please report this file's kind of problem"
        )
        return Outcome(file, skipped=Skipped(str(file), reason), coders=coders)


def _one(file: Path) -> Outcome:
    from caselens.ingest import read_bytes

    assert _PIPELINE is not None
    coders = _PIPELINE.coder.provenance()
    started = time.monotonic()
    try:
        with _time_bound(DOCUMENT_SECONDS):
            data = read_bytes(file, _PIPELINE.settings.max_file_bytes)
    except _TooSlowError:  # a FIFO or a stalled mount: the read itself would not end
        error = InputError(str(file), f"could not be read in {DOCUMENT_SECONDS:g} seconds")
        return Outcome(file, skipped=Skipped.because(file, error), coders=coders)
    except CaselensError as error:
        return Outcome(file, skipped=Skipped.because(file, error), coders=coders)
    left = max(DOCUMENT_SECONDS - (time.monotonic() - started), 1.0)  # one time for both
    return code_bytes(_PIPELINE, file, data, _KNOWN, left)


def process_files(
    files: Sequence[Path],
    codebook: Codebook,
    settings: Settings,
    *,
    jobs: int = 1,
    known: frozenset[str] = frozenset(),
) -> Iterator[Outcome]:
    """Each file's :class:`Outcome`, in the order of ``files``."""
    workers = max(1, min(jobs, len(files)))
    if workers == 1:
        _start(codebook, settings, known)
        for file in files:
            yield _one(file)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_start, initargs=(codebook, settings, known)
    ) as pool:
        yield from pool.map(_one, files, chunksize=1)


def _code(document: Document) -> Processed:
    assert _PIPELINE is not None
    return _PIPELINE.process(document)


def process_documents(
    documents: Iterable[Document], codebook: Codebook, settings: Settings, *, jobs: int = 1
) -> Iterator[Processed]:
    """Each document coded, in order; at most two per worker in flight, so a library's
    documents are read from the database as the workers need them, not all at once."""
    if jobs <= 1:
        _start(codebook, settings, frozenset())
        for document in documents:
            yield _code(document)
        return
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start, initargs=(codebook, settings, frozenset())
    ) as pool:
        window: deque[Future[Processed]] = deque()
        for document in documents:
            window.append(pool.submit(_code, document))
            if len(window) >= 2 * jobs:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def pipeline_provenance(
    codebook: Codebook, settings: Settings, seen: dict[str, Any] | None
) -> dict[str, Any]:
    """Which coders a run used: as a worker said, else (no file was read) as a pipeline
    built here says."""
    return seen if seen is not None else Pipeline(codebook, settings).coder.provenance()
