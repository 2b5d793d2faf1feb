"""Analyses running in the background for the web app, with their progress.

An upload is saved to a private folder, then ``library.add`` reads, codes and keeps each
review in its own transaction on a worker thread, so a failure or a stopped server
leaves whole reviews only, never half of one; the folder is removed when the job ends.
Jobs live in memory: a restarted server forgets their progress, not their results.
"""

from __future__ import annotations

import shutil
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from caselens import library
from caselens.codebook import default_codebook
from caselens.model.serial import Serial
from caselens.store import Store


@dataclass
class Job(Serial):
    id: str
    owner: int
    files: list[str]
    done: int = 0
    current: str = ""
    state: str = "waiting"  # waiting | running | finished | failed
    added: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None

    __shown__ = (
        "id",
        "state",
        "files",
        "done",
        "total",
        "current",
        ("added", "added_files", None),
        ("duplicates", "duplicate_files", None),
        ("skipped", "skipped_files", None),
        "error",
    )

    @property
    def total(self) -> int:
        return len(self.files)

    @property
    def added_files(self) -> list[dict[str, str]]:
        return [{"file": f, "document": d} for f, d in self.added]

    @property
    def duplicate_files(self) -> list[dict[str, str]]:
        return [{"file": f, "document": d} for f, d in self.duplicates]

    @property
    def skipped_files(self) -> list[dict[str, str]]:
        return [{"file": f, "reason": r} for f, r in self.skipped]


class Jobs:
    """The jobs of one app; each runs on its own thread, one at a time."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._jobs: dict[str, Job] = {}
        self._one_at_a_time = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def start(self, owner: int, folder: Path, names: list[str]) -> Job:
        job = Job(uuid.uuid4().hex, owner, names)
        self._jobs[job.id] = job
        threading.Thread(target=self._run, args=(job, folder), daemon=True).start()
        return job

    def _run(self, job: Job, folder: Path) -> None:
        def progress(name: str, done: int, total: int) -> None:
            job.current, job.done = name, done

        with self._one_at_a_time:
            job.state = "running"
            try:
                # one folder per upload (01/, 02/, ...) under its own name; the review's
                # source is that name, not the copy deleted below
                files = sorted(folder.glob("*/*"))
                report = library.add(
                    self.store,
                    files,
                    default_codebook(),
                    progress=progress,
                    origin={f: f.name for f in files},
                )
                job.added = [(Path(f).name, d) for f, d in report.added]
                job.duplicates = [(Path(f).name, d) for f, d in report.duplicates]
                job.skipped = [(Path(s.path).name, s.reason) for s in report.skipped]
                job.state = "finished"
            except Exception as error:
                job.error = str(error) or type(error).__name__
                job.state = "failed"
            finally:
                shutil.rmtree(folder, ignore_errors=True)
