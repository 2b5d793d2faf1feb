"""The library use cases with the real readers and pipeline, and an ingest killed mid-way."""

from __future__ import annotations

import dataclasses
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from caselens import library
from caselens.codebook import load_codebook
from caselens.pipeline.settings import Settings
from caselens.store import Store, repository

SETTINGS = Settings(semantic=False)


def _review(n: int) -> str:
    """A small fictional review; each one different so each has its own content hash."""
    return (
        f"Practice review number {n} of a fictional partnership.\n\n"
        f"Published {2018 + n % 5}.\n\n"
        f"Baby {n}, aged {1 + n % 11} months, died in England after sleeping on a sofa "
        "with a parent who had drunk alcohol.\n\n"
        "The father was not seen by any professional.\n"
    )


def _write_reviews(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"review-{n:04d}.txt"
        path.write_text(_review(n), encoding="utf-8")
        paths.append(path)
    return paths


def test_stored_findings_quote_the_stored_text(tmp_path: Path) -> None:
    files = _write_reviews(tmp_path / "in", 3)
    with Store(str(tmp_path / "lib.db")) as store:
        report = library.add(store, files, load_codebook(), SETTINGS)
        assert len(report.added) == 3 and report.skipped == []
        for summary in library.list_documents(store):
            detail = library.show(store, summary.id)
            with store.transaction() as session:
                text = repository.load_document(session, summary.id).text
            assert detail.findings, "each fictional review mentions a sofa"
            for finding in detail.findings:
                assert text[finding.start : finding.end] == finding.quote


def test_recode_keeps_earlier_runs_with_the_real_pipeline(tmp_path: Path) -> None:
    files = _write_reviews(tmp_path / "in", 2)
    codebook = load_codebook()
    with Store(str(tmp_path / "lib.db")) as store:
        first = library.add(store, files, codebook, SETTINGS)
        assert library.add(store, files, codebook, SETTINGS).added == []
        newer = dataclasses.replace(codebook, version=codebook.version + "-local")
        report = library.recode(store, newer, SETTINGS)
        assert len(report.recoded) == 2
        with store.transaction() as session:
            counts = repository.counts(session)
        assert counts["runs"] == 2 and counts["results"] == 4
        detail = library.show(store, report.recoded[0])
        assert [r.id for r in detail.runs] == [first.run_id, report.run_id]


def test_a_new_trained_model_or_floor_makes_a_library_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run keeps which model, and which floor of its check, coded it: findings from an
    older model are recoded, as findings from other settings are."""
    from caselens.pipeline.coding import Coder

    files = _write_reviews(tmp_path / "in", 2)
    codebook = load_codebook()
    with Store(str(tmp_path / "lib.db")) as store:
        library.add(store, files, codebook, SETTINGS)
        assert library.recode(store, codebook, SETTINGS).recoded == []
        detail = library.show(store, library.list_documents(store)[0].id)
        kept = detail.runs[0].settings
        assert kept["model_sha256"] and kept["model_long_floor"] is not None
        real = Coder.provenance
        monkeypatch.setattr(
            Coder, "provenance", lambda self: {**real(self), "model_long_floor": 0.5}
        )
        assert len(library.recode(store, codebook, SETTINGS).recoded) == 2


def _committed(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # not created or not migrated yet
        return 0


@pytest.mark.slow
def test_an_ingest_killed_mid_way_leaves_whole_documents_and_a_rerun_completes(
    tmp_path: Path,
) -> None:
    total = 300
    _write_reviews(tmp_path / "in", total)
    db = tmp_path / "lib.db"
    command = [
        sys.executable, "-m", "caselens",
        "library", "add", str(tmp_path / "in"), "--no-semantic", "--db", str(db),
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _committed(db) < 5:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "the ingest committed nothing within a minute"
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    with Store(str(db)) as store:
        assert store.integrity_ok()
        with store.transaction() as session:
            counts = repository.counts(session)
            runs = [repository.run_info(session, 1)]
        assert 5 <= counts["documents"] < total, "the kill came after the ingest had finished"
        assert counts["results"] == counts["documents"]  # no document without its results
        assert counts["findings"] >= counts["documents"]  # each review has findings
        assert runs[0].finished_at is None  # the run shows it was interrupted
        for summary in library.list_documents(store):
            assert summary.run_id == 1 and summary.finding_count > 0

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{counts['documents']} already in the library" in rerun.stdout
    with Store(str(db)) as store, store.transaction() as session:
        final = repository.counts(session)
        assert final["documents"] == total and final["results"] == total
        assert final["runs"] == 2
