"""A large run keeps findings and texts on disk: the same results, memory that stops growing."""

from __future__ import annotations

import dataclasses
import gc
import os
import pickle
import shutil
import tracemalloc
from pathlib import Path

import pytest

from caselens.codebook import default_codebook
from caselens.model import Evidence, Finding
from caselens.pipeline.settings import Settings
from caselens.report.formats import render
from caselens.services import analyse, analysis_to_dict
from caselens.spool import Spool, SpooledFindings, SpooledItems, SpooledTexts

REVIEWS = Path(__file__).parent / "fixtures" / "reviews"
SETTINGS = Settings(semantic=False)


def _finding(n: int, page: int | None = 2) -> Finding:
    quote = f"The mother said the baby slept in her bed ({n})."
    return Finding(
        f"doc{n % 3}",
        "E.co_sleeping",
        "E",
        Evidence(quote, 10 * n, 10 * n + len(quote), page),
        0.8125,
        "rules",
        sentence_start=10 * n,
        sentence_end=10 * n + len(quote),
        note="bed",
        section="findings",
        stance="asserts",
    )


def test_spooled_findings_read_back_as_the_tuple_they_were() -> None:
    spool = Spool()
    findings = tuple(_finding(n, page=None if n == 1 else n) for n in range(5))
    spooled = SpooledFindings(spool, findings)
    empty = SpooledFindings(spool, ())
    assert len(spooled) == 5 and len(empty) == 0 and not empty
    assert tuple(spooled) == findings and spooled == findings and spooled[1] == findings[1]
    assert spooled[1:3] == findings[1:3]
    assert list(empty) == []
    # sent to another process (or pickled by a caller) it is the plain tuple
    assert pickle.loads(pickle.dumps(spooled)) == findings
    assert isinstance(pickle.loads(pickle.dumps(spooled)), tuple)
    assert spool.size > 0


def test_spooled_texts_keep_the_first_in_memory_and_the_rest_on_disk() -> None:
    spool = Spool()
    texts = SpooledTexts(spool, {"a": "first review"})
    texts["b"] = "second review, with a pound sign \u00a3 and an e acute \u00e9"
    assert dict(texts) == {
        "a": "first review",
        "b": "second review, with a pound sign \u00a3 and an e acute \u00e9",
    }
    assert "b" in texts and "c" not in texts and len(texts) == 2
    assert texts.get("c") is None
    with pytest.raises(KeyError):
        texts["c"]


def test_spooled_items_read_back_in_order_one_at_a_time() -> None:
    spool = Spool()
    items = SpooledItems(spool, iter([{"n": 1}, {"n": 2}]))
    items.append({"n": 3, "text": "\u00e9"})
    assert len(items) == 3 and list(items) == [{"n": 1}, {"n": 2}, {"n": 3, "text": "\u00e9"}]
    assert items[1] == {"n": 2} and items[-1]["n"] == 3 and items[:2] == ({"n": 1}, {"n": 2})
    assert items == [{"n": 1}, {"n": 2}, {"n": 3, "text": "\u00e9"}]
    assert items[0] is not items[0]  # each read is a new copy: nothing is held
    assert pickle.loads(pickle.dumps(items)) == tuple(items)  # sent elsewhere, a tuple
    assert not SpooledItems(spool)


def test_a_spooled_review_holds_only_what_every_table_asks() -> None:
    from caselens.model import Facts
    from caselens.model.facts import Fact
    from caselens.model.screening import Screening
    from caselens.services import DocumentInfo, ReviewResult, SpooledReview

    facts = Facts(age_months=Fact("age_months", 4, (Evidence("four months old", 3, 18),)))
    screening = Screening("doc1", True, True, ())
    findings = (_finding(1), _finding(4))
    plain = ReviewResult(DocumentInfo("doc1", "one.pdf"), facts, screening, findings)
    spooled = SpooledReview(Spool(), DocumentInfo("doc1", "one.pdf"), facts, screening, findings)
    assert spooled == plain and spooled.included and spooled.themes == {"E"}
    assert spooled.facts == facts and spooled.facts is not facts  # read back from disk
    assert spooled.screening == screening and isinstance(spooled.findings, SpooledFindings)
    assert set(vars(spooled)) <= {"document", "findings", "_included", "_scope", "theme_counts"}
    sent = pickle.loads(pickle.dumps(spooled))  # to another process, the plain review
    assert type(sent) is ReviewResult and sent == plain


def test_the_spool_leaves_no_file_behind() -> None:
    """Review text is confidential: the spool is a file no other process can open, gone
    from the file system from the start."""
    spool = Spool()
    spool.put(b"the text of a review")
    assert os.fstat(spool._file.fileno()).st_nlink == 0
    spool.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "reviews"
    shutil.copytree(REVIEWS, target)
    return target


def _without_clock(data: dict[str, object]) -> dict[str, object]:
    data = dict(data)
    provenance = dict(data.pop("provenance"))  # type: ignore[call-overload]
    provenance.pop("started"), provenance.pop("finished")
    return {**data, "provenance": provenance}


def test_a_run_kept_on_disk_gives_what_one_in_memory_gives(folder: Path, tmp_path: Path) -> None:
    codebook = default_codebook()
    in_memory = analyse([folder], codebook, SETTINGS)
    on_disk = analyse([folder], codebook, SETTINGS, keep_in_memory=0)
    assert any(isinstance(r.findings, SpooledFindings) for r in on_disk.results)
    assert isinstance(on_disk.texts, SpooledTexts)
    assert _without_clock(analysis_to_dict(on_disk)) == _without_clock(analysis_to_dict(in_memory))
    assert dict(on_disk.texts) == dict(in_memory.texts)
    on_disk = dataclasses.replace(on_disk, provenance=in_memory.provenance)  # one clock
    for name, analysis in (("memory", in_memory), ("disk", on_disk)):
        render(tmp_path / name, ["html", "csv", "json", "md"], analysis, codebook)
    for file in ("findings.csv", "findings.json", "briefing.md", "briefing.html"):
        assert (tmp_path / "disk" / file).read_bytes() == (tmp_path / "memory" / file).read_bytes()


def _corpus(folder: Path, reviews: int) -> Path:
    """``reviews`` distinct reviews, each three fixture reviews' length, one line its own."""
    target = folder / f"corpus-{reviews}"
    target.mkdir()
    texts = sorted(REVIEWS.glob("*.txt"))
    for n in range(reviews):
        body = texts[n % len(texts)].read_text("utf-8")
        (target / f"review-{n:04d}.txt").write_text(
            "\n\n".join([body] * 3) + f"\n\nCopy {n} of the set.\n", "utf-8"
        )
    return target


def _held(folder: Path, keep_in_memory: int) -> tuple[int, int]:
    """Bytes still held once the run is analysed and written (the analysis alive, as a
    caller holds it), and its number of findings."""
    codebook = default_codebook()
    gc.collect()
    tracemalloc.start()
    try:
        analysis = analyse([folder], codebook, SETTINGS, keep_in_memory=keep_in_memory)
        render(
            folder.parent / f"out-{folder.name}-{keep_in_memory}",
            ["html", "csv"],
            analysis,
            codebook,
        )
        gc.collect()
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return held, sum(len(r.findings) for r in analysis.results)


@pytest.mark.slow
def test_memory_stops_growing_with_the_corpus_once_findings_go_to_disk(tmp_path: Path) -> None:
    """Measured, not timed: four times the reviews hold little more memory once findings,
    facts, screening and texts go to disk; held in memory, they hold many times more."""
    small, large = _corpus(tmp_path, 8), _corpus(tmp_path, 32)
    _held(small, 0), _held(small, 10**9)  # first use fills caches that both runs share
    growth = {}
    for keep in (0, 10**9):
        (held_small, found_small), (held_large, found_large) = (
            _held(small, keep),
            _held(large, keep),
        )
        assert found_large > 3 * found_small
        growth[keep] = (held_large - held_small) / (found_large - found_small)
    # per extra finding, a review's name, counts and places only (some 50 bytes; its
    # facts and screening held as well were 240), against the finding and its text
    assert growth[0] < 0.12 * growth[10**9], growth
