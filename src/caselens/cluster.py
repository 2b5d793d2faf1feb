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
import os
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from caselens.errors import CaselensError
from caselens.model import Codebook
from caselens.pipeline.run import Pipeline
from caselens.pipeline.settings import Settings
from caselens.services import Skipped
from caselens.workers import Outcome, code_bytes

log = logging.getLogger(__name__)
SCHEDULER_ENV = "CASELENS_DASK_SCHEDULER"
IN_FLIGHT_PER_THREAD = 2  # reviews waiting per worker thread: enough to keep it busy
CONNECT_SECONDS = 20

# One pipeline per codebook and settings in each worker process (a worker is reused for
# many reviews and, in a long-lived cluster, for many runs).
_PIPELINES: dict[str, Pipeline] = {}


class ClusterError(CaselensError):
    """The Dask cluster could not be used: not installed, or not reachable."""


def scheduler_address(given: str | None) -> str | None:
    """The scheduler to use: the one given, else ``CASELENS_DASK_SCHEDULER``, else none."""
    chosen = given if given is not None else os.environ.get(SCHEDULER_ENV)
    return chosen.strip() or None if chosen is not None else None


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
    except (OSError, TimeoutError, ValueError) as error:
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
    try:
        threads = max(1, sum(client.nthreads().values()))
        key = _key(codebook, settings)
        # sent once to every worker, not once per review
        shared = client.scatter([codebook, settings, known], broadcast=True)
        window: deque[tuple[Path, Any]] = deque()

        def collect(file: Path, future: Any) -> Outcome:
            if isinstance(future, Outcome):  # settled here: the file could not be read
                return future
            try:
                outcome: Outcome = future.result()
            except Exception as error:  # the worker died or the task was lost
                log.debug("%s: cluster task failed", file, exc_info=True)
                reason = (
                    f"the cluster worker coding it failed ({type(error).__name__}: {error}); "
                    "the other files were coded"
                )
                return Outcome(file, skipped=Skipped(str(file), reason))
            finally:
                if not isinstance(future, Outcome):
                    future.release()
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
