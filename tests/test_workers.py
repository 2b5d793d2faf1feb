"""Reviews read and coded in worker processes: the same results, in the same order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from caselens import library
from caselens.codebook import default_codebook
from caselens.pipeline.settings import Settings
from caselens.services import analyse, analysis_to_dict
from caselens.store import Store
from caselens.workers import default_jobs, process_files

REVIEWS = Path(__file__).parent / "fixtures" / "reviews"
SETTINGS = Settings(model=False, semantic=False)


def _dump(jobs: int) -> dict[str, Any]:
    data = analysis_to_dict(analyse([REVIEWS], default_codebook(), SETTINGS, jobs=jobs))
    data["provenance"] = {
        k: v for k, v in data["provenance"].items() if k not in ("started", "finished")
    }  # type: ignore[union-attr]
    return data


def test_two_workers_give_what_one_gives_in_the_same_order() -> None:
    one, two = _dump(1), _dump(2)
    assert json.dumps(one, sort_keys=True) == json.dumps(two, sort_keys=True)
    assert one["skipped"]  # the damaged PDF among the fixtures is skipped, not fatal


def test_outcomes_come_in_the_order_of_the_files_and_known_ones_are_not_coded() -> None:
    files = sorted(p for p in REVIEWS.iterdir() if p.suffix in (".txt", ".md"))
    first = list(process_files(files, default_codebook(), SETTINGS, jobs=2))
    assert [o.file for o in first] == files
    known = frozenset(o.processed.document.id for o in first[:2] if o.processed)
    again = list(process_files(files, default_codebook(), SETTINGS, jobs=2, known=known))
    assert {o.known for o in again[:2]} == known  # recognised by their hash: not parsed, not coded
    assert all(o.processed is None for o in again[:2])
    assert all(o.processed is not None for o in again[2:])
    assert default_jobs() >= 1


def test_library_add_in_workers_keeps_what_one_process_keeps(tmp_path: Path) -> None:
    counts = []
    for jobs in (1, 2):
        with Store(str(tmp_path / f"library-{jobs}.db")) as store:
            report = library.add(store, [REVIEWS], default_codebook(), SETTINGS, jobs=jobs)
            assert report.skipped  # the damaged PDF
            counts.append(sorted((d.id, d.finding_count) for d in library.list_documents(store)))
            again = library.add(store, [REVIEWS], default_codebook(), SETTINGS, jobs=jobs)
            assert again.added == [] and len(again.duplicates) == len(report.added)
    assert counts[0] == counts[1] and counts[0]


def test_a_file_that_breaks_caselens_is_skipped_with_the_reason_and_the_rest_go_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from caselens.pipeline.run import Pipeline

    real = Pipeline.process

    def breaks_on_one(self: Pipeline, document: Any) -> Any:
        if "westbrook" in document.name:
            raise RuntimeError("an unforeseen shape")
        return real(self, document)

    monkeypatch.setattr(Pipeline, "process", breaks_on_one)
    analysis = analyse([REVIEWS], default_codebook(), SETTINGS, jobs=1)
    reasons = {Path(s.path).name: s.reason for s in analysis.skipped}
    assert "RuntimeError: an unforeseen shape" in reasons["infant-m-westbrook-2021.md"]
    assert len(analysis.results) == 3  # the three other readable reviews


def test_a_file_that_takes_too_long_is_skipped_and_the_rest_go_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading
    import time

    from caselens import workers
    from caselens.pipeline.run import Pipeline

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("the time bound needs the main thread's signals")
    real = Pipeline.process

    def slow_on_one(self: Pipeline, document: Any) -> Any:
        if "westbrook" in document.name:
            time.sleep(5)  # interrupted long before this ends
        return real(self, document)

    monkeypatch.setattr(Pipeline, "process", slow_on_one)
    monkeypatch.setattr(workers, "DOCUMENT_SECONDS", 0.5)
    started = time.monotonic()
    analysis = analyse([REVIEWS], default_codebook(), SETTINGS, jobs=1)
    assert time.monotonic() - started < 4.5
    reasons = {Path(s.path).name: s.reason for s in analysis.skipped}
    assert "took over 0.5 seconds" in reasons["infant-m-westbrook-2021.md"]
    assert len(analysis.results) == 3


def test_library_recode_in_workers_codes_what_one_process_codes(tmp_path: Path) -> None:
    found = []
    for jobs in (1, 2):
        with Store(str(tmp_path / f"recode-{jobs}.db")) as store:
            library.add(store, [REVIEWS], default_codebook(), SETTINGS, jobs=1)
            report = library.recode(
                store, default_codebook(), Settings(model=False, semantic=False, any_year=True),
                jobs=jobs,
            )  # fmt: skip
            assert len(report.recoded) == 4  # every readable review, in file order
            found.append(
                sorted(
                    (d.id, f.indicator, f.start)
                    for d in library.list_documents(store)
                    for f in library.show(store, d.id).findings
                )
            )
    assert found[0] == found[1] and found[0]


def test_a_known_file_is_recognised_by_its_hash_without_being_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import caselens.ingest

    files = sorted(p for p in REVIEWS.iterdir() if p.suffix in (".txt", ".md"))
    first = list(process_files(files, default_codebook(), SETTINGS, jobs=1))
    known = frozenset(o.processed.document.id for o in first if o.processed)
    parsed: list[str] = []
    real = caselens.ingest.document_from_bytes

    def counting(path: Path, data: bytes) -> Any:
        parsed.append(path.name)
        return real(path, data)

    monkeypatch.setattr(caselens.ingest, "document_from_bytes", counting)
    again = list(process_files(files, default_codebook(), SETTINGS, jobs=1, known=known))
    assert parsed == [] and {o.known for o in again} == known
