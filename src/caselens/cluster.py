"""Reviews read and coded on a Dask cluster, for corpora beyond one machine.

The work per review is the same as in :mod:`caselens.workers` (read, segment, screen,
code); only where it runs changes. This machine reads each file's bytes (so the workers
need no shared disk), and the cluster's workers each build the pipeline once per
codebook and settings, then code the reviews they are given. Results come back in the
order of the files, with a bounded number in flight, so memory here does not grow with
the corpus. A review a worker cannot read is that review's error, as it is locally; a
worker that dies costs only the reviews it held.

Needs ``pip install 'caselens[dask]'`` here and on the workers (the same caselens
version). ``--scheduler ADDRESS`` or ``CASELENS_DASK_SCHEDULER`` points caselens at the
cluster's scheduler (``tcp://host:8786``).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from caselens.errors import CaselensError
from caselens.model import Codebook
from caselens.pipeline.run import Pipeline
from caselens.pipeline.settings import Settings
from caselens.services import Skipped
from caselens.workers import DOCUMENT_SECONDS, Outcome, code_bytes

log = logging.getLogger(__name__)
IN_FLIGHT_PER_THREAD = 2  # reviews waiting per worker thread: enough to keep it busy
CONNECT_SECONDS = 20

# One pipeline per codebook and settings in each worker process (a worker is reused for
# many reviews and, in a long-lived cluster, for many runs).
_PIPELINES: dict[str, Pipeline] = {}


class ClusterError(CaselensError):
    """The Dask cluster could not be used: not installed, or not reachable."""


def _key(codebook: Codebook, settings: Settings) -> str:
    from caselens.codebook import codebook_to_dict

    blob = json.dumps([codebook_to_dict(codebook), settings.to_dict()], sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _code_on_worker(
    name: str,
    data: bytes,
    key: str,
    codebook: Codebook,
    settings: Settings,
    known: frozenset[str],
) -> Outcome:
    """Runs on a Dask worker: one review's outcome, the pipeline built once per key."""
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        pipeline = _PIPELINES[key] = Pipeline(codebook, settings)
    return code_bytes(pipeline, Path(name), data, known)


FAILURES_IN_A_ROW = 5  # tasks failing one after another: the cluster, not the reviews


def _client(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError as error:
        raise ClusterError(
            f"--scheduler {address}: Dask is not installed here; "
            "pip install 'caselens[dask]' (here and on the cluster's workers)"
        ) from error
    try:
        return Client(address, timeout=CONNECT_SECONDS, set_as_default=False)  # type: ignore[no-untyped-call]
    except Exception as error:  # refused, timed out, a malformed or unsupported address
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} ({error}); check the address "
            f"(tcp://host:8786) and that the scheduler is running"
        ) from error


def process_files_on(
    address: str,
    files: Sequence[Path],
    codebook: Codebook,
    settings: Settings,
    *,
    known: frozenset[str] = frozenset(),
) -> Iterator[Outcome]:
    """Each file's :class:`Outcome`, coded on the cluster at ``address``, in file order."""
    from caselens.ingest import read_bytes

    client = _client(address)
    # A task waits behind at most the others in the window on its thread: past this, it is
    # stuck (a file built to exhaust the reader; a worker thread cannot be interrupted).
    wait = DOCUMENT_SECONDS * (IN_FLIGHT_PER_THREAD + 1)
    failures = 0
    try:
        threads = max(1, sum(client.nthreads().values()))
        key = _key(codebook, settings)
        # sent once to every worker, not once per review
        shared = client.scatter([codebook, settings, known], broadcast=True)
        window: deque[tuple[Path, Any]] = deque()

        def collect(file: Path, future: Any) -> Outcome:
            nonlocal failures
            if isinstance(future, Outcome):  # settled here: the file could not be read
                return future
            try:
                outcome: Outcome = future.result(timeout=wait)
            except TimeoutError:
                future.cancel()
                reason = (
                    f"took over {wait:g} seconds on the cluster (a review takes a few); it may "
                    "be built to exhaust the reader: re-save it, or split it"
                )
                return Outcome(file, skipped=Skipped(str(file), reason))
            except Exception as error:  # the worker died, the task was lost, or cancelled
                log.debug("%s: cluster task failed", file, exc_info=True)
                failures += 1
                if client.status != "running" or failures >= FAILURES_IN_A_ROW:
                    raise ClusterError(
                        f"the Dask cluster at {address} stopped coding ({type(error).__name__}: "
                        f"{error}); check the scheduler and that its workers run caselens "
                        "with the same version and extras, then run again"
                    ) from error
                reason = (
                    f"the cluster worker coding it failed ({type(error).__name__}: {error}); "
                    "the other files were coded"
                )
                return Outcome(file, skipped=Skipped(str(file), reason))
            finally:
                future.release()
            failures = 0
            return outcome

        for file in files:
            try:
                data = read_bytes(file, settings.max_file_bytes)
            except CaselensError as error:
                window.append((file, Outcome(file, skipped=Skipped.because(file, error))))
            else:
                future = client.submit(_code_on_worker, str(file), data, key, *shared, pure=False)
                window.append((file, future))
            while len(window) >= threads * IN_FLIGHT_PER_THREAD:
                yield collect(*window.popleft())
        while window:
            yield collect(*window.popleft())
    finally:
        client.close()
