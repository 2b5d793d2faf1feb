"""Damaged files of every kind: read, or refused with a clear error; never a crash.

Each sample review is damaged a few hundred ways (bytes flipped, runs deleted, repeated
or cut off, seeded so a failure can be replayed), as files arrive from broken downloads,
half-synced folders and hostile senders. Every reader must then give a document or an
:class:`~caselens.errors.InputError`, within a bounded time, and a batch of them must end
with an exit code a script can trust and no traceback.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from caselens.errors import CaselensError
from caselens.ingest import read_document

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(
    p for p in (ROOT / "samples").iterdir() if p.suffix in {".pdf", ".docx", ".html", ".md", ".txt"}
)
PER_FILE = 40


def _mutant(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    kind = rng.randrange(4)
    if kind == 0:  # bytes flipped
        for _ in range(rng.randint(1, 40)):
            out[rng.randrange(len(out))] = rng.randrange(256)
    elif kind == 1:  # a run deleted
        start = rng.randrange(len(out))
        del out[start : start + rng.randint(1, 4096)]
    elif kind == 2:  # a run repeated
        start = rng.randrange(len(out))
        piece = out[start : start + rng.randint(1, 2048)]
        out[start:start] = piece * rng.randint(2, 20)
    else:  # cut off
        del out[rng.randrange(1, len(out)) :]
    return bytes(out)


def _mutants(tmp_path: Path) -> list[Path]:
    made = []
    for sample in SAMPLES:
        rng = random.Random(f"{sample.name}-mutants")
        data = sample.read_bytes()
        for n in range(PER_FILE):
            path = tmp_path / f"{sample.stem}-m{n:02d}{sample.suffix}"
            path.write_bytes(_mutant(data, rng))
            made.append(path)
    return made


@pytest.mark.slow
def test_every_reader_reads_or_refuses_a_damaged_file_quickly(tmp_path: Path) -> None:
    assert {p.suffix for p in SAMPLES} >= {".pdf", ".docx", ".html", ".md", ".txt"}
    outcomes = {"read": 0, "refused": 0}
    for path in _mutants(tmp_path):
        started = time.monotonic()
        try:
            read_document(path)
            outcomes["read"] += 1
        except CaselensError as error:
            outcomes["refused"] += 1
            message = str(error)
            assert path.name in message and "\n" not in message and "Traceback" not in message
        assert time.monotonic() - started < 20, path.name
    # Most damage leaves a readable review: the readers are tolerant, not brittle.
    assert outcomes["read"] > outcomes["refused"]


@pytest.mark.slow
def test_a_batch_of_damaged_files_ends_with_a_code_a_script_can_trust(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    mutants = _mutants(folder)[:: PER_FILE // 4]  # a few of each kind of file
    command = [sys.executable, "-m", "caselens", "analyse", str(folder)]
    command += ["--out", str(tmp_path / "out"), "--format", "json", "--jobs", "1"]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode in (0, 3), done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "out" / "findings.json").is_file()
    assert len(mutants) >= 10
