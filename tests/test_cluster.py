"""Coding on a real Dask cluster gives what coding here gives, review for review.

The cluster is real: a scheduler and two workers started as their own processes, as an
operator would start them, with caselens pointed at the scheduler's address.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from caselens.codebook import default_codebook
from caselens.errors import CaselensError
from caselens.pipeline.settings import Settings
from caselens.services import analyse, analysis_to_dict

pytest.importorskip("distributed")
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def _start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", *args],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        env={**os.environ, "OMP_NUM_THREADS": "1", "PYTHONWARNINGS": "ignore"},
    )


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("dask")
    where = folder / "scheduler.json"
    processes = [
        _start(
            [
                "distributed.cli.dask_scheduler",
                "--scheduler-file", str(where),
                "--host", "127.0.0.1",
                "--port", "0",
                "--dashboard-address", ":0",
            ],
            folder / "scheduler.log",
        )
    ]  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not where.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert where.exists(), (folder / "scheduler.log").read_text(errors="replace")
        address = json.loads(where.read_text())["address"]
        for n in range(2):
            processes.append(
                _start(
                    [
                        "distributed.cli.dask_worker", address,
                        "--nthreads", "1",
                        "--nworkers", "1",
                        "--dashboard-address", ":0",
                        "--local-directory", str(folder / f"worker{n}"),
                    ],
                    folder / f"worker{n}.log",
                )
            )  # fmt: skip
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _comparable(data: dict[str, object]) -> str:
    provenance = dict(data["provenance"])  # type: ignore[call-overload]
    for key in ("started", "finished"):
        provenance.pop(key, None)
    return json.dumps({**data, "provenance": provenance}, sort_keys=True)


def test_the_cluster_codes_as_this_machine_does(scheduler: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLES, corpus)
    (corpus / "damaged.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Length 5 >>\nstream\n")
    codebook, settings = default_codebook(), Settings()
    here = analyse([corpus], codebook, settings, jobs=1)
    there = analyse([corpus], codebook, settings, scheduler=scheduler)
    assert len(there.results) == len(here.results) == 15
    assert [s.path for s in there.skipped] == [s.path for s in here.skipped]
    assert any("damaged.pdf" in s.path for s in there.skipped)
    assert _comparable(analysis_to_dict(there)) == _comparable(analysis_to_dict(here))
    assert there.texts == here.texts


def test_library_add_on_the_cluster_keeps_each_review_once(scheduler: str, tmp_path: Path) -> None:
    from caselens import library as lib

    codebook = default_codebook()
    with lib.open_library(str(tmp_path / "library.db")) as store:
        first = lib.add(store, [SAMPLES], codebook, Settings(), scheduler=scheduler)
        again = lib.add(store, [SAMPLES], codebook, Settings(), scheduler=scheduler)
    assert len(first.added) == 15 and not first.skipped
    assert not again.added and len(again.duplicates) == 15  # known by hash on the workers


def test_an_unreachable_scheduler_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from caselens import cluster
    from caselens.cluster import process_files_on

    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 2)

    with pytest.raises(
        CaselensError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    ):
        list(
            process_files_on(
                "tcp://127.0.0.1:9", [SAMPLES / "redmarsh-2016-child-h.txt"],
                default_codebook(), Settings(),
            )
        )  # fmt: skip


@pytest.mark.parametrize("address", ["tls://127.0.0.1:9", "not an address"])
def test_a_malformed_scheduler_address_is_a_clear_error(
    address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caselens import cluster

    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 2)
    with pytest.raises(CaselensError, match="cannot reach the Dask scheduler"):
        list(
            cluster.process_files_on(
                address, [SAMPLES / "redmarsh-2016-child-h.txt"], default_codebook(), Settings()
            )
        )


def test_a_blank_scheduler_means_local_processes() -> None:
    from caselens.cli.common import scheduler_address

    assert scheduler_address(None) is None
    assert scheduler_address("  ") is None
    assert scheduler_address(" tcp://h:8786 ") == "tcp://h:8786"
