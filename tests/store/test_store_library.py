"""The library use cases on each database, with a keyword stand-in for the pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from storefakes import FakeProcessor, fake_codebook

from caselens import library
from caselens.errors import NotFoundError
from caselens.ingest import read_document
from caselens.store import Store, repository


def _add(store: Store, paths: list[Path], processor: FakeProcessor, version: str = "1.0.0") -> Any:
    return library.add(store, paths, fake_codebook(version), processor=processor)


def _counts(store: Store) -> dict[str, int]:
    with store.transaction() as session:
        return repository.counts(session)


def test_add_twice_changes_nothing(
    store: Store, processor: FakeProcessor, review_files: dict[str, Path]
) -> None:
    folder = review_files["a_sofa.txt"].parent
    first = _add(store, [folder], processor)
    assert len(first.added) == 3 and first.duplicates == [] and first.run_id is not None
    before = _counts(store)
    assert before == {"documents": 3, "runs": 1, "results": 3, "findings": 4, "decisions": 0}

    second = _add(store, [folder, review_files["a_sofa.txt"]], processor)
    assert second.added == [] and len(second.duplicates) == 3
    assert second.run_id is None  # no run is recorded when nothing was coded
    assert _counts(store) == before
    assert len(processor.seen) == 3  # duplicates are not even coded again


def test_a_failure_mid_transaction_leaves_nothing_of_that_document(
    store: Store,
    processor: FakeProcessor,
    review_files: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_add_result = repository.add_result

    def write_then_fail(session: Any, **kwargs: Any) -> None:
        real_add_result(session, **kwargs)
        session.flush()  # the rows really reach the database before the failure
        if kwargs["document_id"] == doomed:
            raise RuntimeError("power cut")

    doomed = read_document(review_files["b_cannabis.txt"]).id
    monkeypatch.setattr(repository, "add_result", write_then_fail)
    with pytest.raises(RuntimeError, match="power cut"):
        _add(store, sorted(review_files.values()), processor)

    with store.transaction() as session:
        ids = repository.document_ids(session)
        assert doomed not in ids and len(ids) == 1  # a_sofa was committed before the failure
        counts = repository.counts(session)
        assert counts["results"] == 1 and counts["findings"] == 2
    assert library.search(store, "cannabis") == []

    monkeypatch.setattr(repository, "add_result", real_add_result)
    rerun = _add(store, sorted(review_files.values()), processor)
    assert len(rerun.added) == 2 and len(rerun.duplicates) == 1
    assert _counts(store)["documents"] == 3


def test_a_failure_in_the_first_document_leaves_no_run_behind(
    store: Store, processor: FakeProcessor, review_files: dict[str, Path]
) -> None:
    def explode(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("disk full")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(repository, "add_result", explode)
        with pytest.raises(RuntimeError, match="disk full"):
            _add(store, [review_files["a_sofa.txt"]], processor)
    assert set(_counts(store).values()) == {0}
    assert len(_add(store, [review_files["a_sofa.txt"]], processor).added) == 1


def test_list_filters_by_scope_theme_and_year(
    store: Store, processor: FakeProcessor, review_files: dict[str, Path]
) -> None:
    _add(store, sorted(review_files.values()), processor)
    everything = library.list_documents(store)
    assert [d.name for d in everything] == ["a_sofa.txt", "b_cannabis.txt", "c_older.txt"]
    assert [d.name for d in library.list_documents(store, scope="in")] == [
        "a_sofa.txt",
        "b_cannabis.txt",
    ]
    assert [d.name for d in library.list_documents(store, scope="out")] == ["c_older.txt"]
    assert [d.name for d in library.list_documents(store, theme="e")] == [
        "a_sofa.txt",
        "c_older.txt",
    ]
    assert [d.name for d in library.list_documents(store, year=2020)] == ["b_cannabis.txt"]
    sofa = everything[0]
    assert sofa.themes == ("E", "F") and sofa.finding_count == 2 and sofa.published_year == 2019


def test_list_json_shape(
    store: Store, processor: FakeProcessor, review_files: dict[str, Path]
) -> None:
    _add(store, [review_files["a_sofa.txt"]], processor)
    (item,) = [d.to_dict() for d in library.list_documents(store)]
    assert set(item) == {
        "id", "name", "title", "format", "source", "page_count", "added_at", "run_id",
        "in_scope", "included", "exclusion_reason", "published_year", "themes", "finding_count",
    }  # fmt: skip
    assert item["included"] is True and item["themes"] == ["E", "F"]
    assert item["added_at"].endswith("+00:00")


def test_search_finds_words_and_stems(
    store: Store, processor: FakeProcessor, review_files: dict[str, Path]
) -> None:
    _add(store, sorted(review_files.values()), processor)
    assert {h.summary.name for h in library.search(store, "sofa")} == {
        "a_sofa.txt",
        "c_older.txt",
    }
    hits = library.search(store, "slept parent")
    assert [h.summary.name for h in hits] == ["a_sofa.txt"]
    assert "slept" in hits[0].snippet
    assert [h.summary.name for h in library.search(store, "fathers")] == ["a_sofa.txt"]
    assert library.search(store, 'cannabis* "(mother:') != []  # FTS5 syntax is plain text
    assert library.search(store, "***") == []
    assert set(hits[0].to_dict()) >= {"id", "name", "snippet", "rank"}


def test_show_by_prefix_has_facts_screening_findings_and_run(
    store: Store, processor: FakeProcessor, review_files: dict[str, Path]
) -> None:
    _add(store, [review_files["a_sofa.txt"]], processor)
    doc_id = library.list_documents(store)[0].id
    detail = library.show(store, doc_id[:5])
    data = detail.to_dict()
    assert set(data) == {"document", "run", "facts", "screening", "findings", "runs"}
    assert data["document"]["id"] == doc_id
    assert data["facts"]["published_year"]["value"] == 2019
    assert data["screening"]["included"] is True
    assert [f["quote"] for f in data["findings"]] == ["sofa", "father"]
    assert data["run"]["codebook_id"] == "test-codebook"
    assert data["run"]["finished_at"] is not None
    assert set(data["findings"][0]) >= {"id", "indicator", "theme", "quote", "start", "end"}


def test_show_unknown_or_ambiguous_ids(
    store: Store, processor: FakeProcessor, tmp_path: Path
) -> None:
    with pytest.raises(NotFoundError, match="library list"):
        library.show(store, "ffff")
    for n in range(17):  # 17 ids over 16 hex digits: two must share a first character
        (tmp_path / f"r{n}.txt").write_text(f"Review number {n} of a baby.", encoding="utf-8")
    _add(store, [tmp_path], processor)
    firsts = [d.id[0] for d in library.list_documents(store)]
    shared = next(c for c in firsts if firsts.count(c) > 1)
    with pytest.raises(NotFoundError, match="several documents"):
        library.show(store, shared)
    with pytest.raises(NotFoundError, match="library list"):
        library.show(store, "%")  # LIKE wildcards in a prefix are plain characters


def test_remove_deletes_the_document_and_its_rows(
    store: Store, processor: FakeProcessor, review_files: dict[str, Path]
) -> None:
    _add(store, sorted(review_files.values()), processor)
    sofa = library.list_documents(store)[0]
    library.remove(store, sofa.id)
    counts = _counts(store)
    assert counts["documents"] == 2 and counts["findings"] == 2
    assert [h.summary.name for h in library.search(store, "sofa")] == ["c_older.txt"]
    with pytest.raises(NotFoundError):
        library.show(store, sofa.id)


def test_recode_adds_a_run_and_keeps_earlier_ones(
    store: Store, processor: FakeProcessor, review_files: dict[str, Path]
) -> None:
    first = _add(store, sorted(review_files.values()), processor)
    same = library.recode(store, fake_codebook("1.0.0"), processor=processor)
    assert same.recoded == [] and same.current == 3 and same.run_id is None

    changed = library.recode(store, fake_codebook("2.0.0"), processor=processor)
    assert len(changed.recoded) == 3 and changed.run_id not in (None, first.run_id)
    counts = _counts(store)
    assert counts["runs"] == 2 and counts["results"] == 6 and counts["findings"] == 8
    detail = library.show(store, changed.recoded[0])
    assert [r.codebook_version for r in detail.runs] == ["1.0.0", "2.0.0"]
    assert detail.run is not None and detail.run.id == changed.run_id
    assert all(f.run_id == changed.run_id for f in detail.findings)
    assert library.recode(store, fake_codebook("2.0.0"), processor=processor).recoded == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"sofa', {"a_sofa.txt", "c_older.txt"}),
        ("sofa NEAR flat", set()),  # NEAR is a word like any other, and no review has it
        ("NEAR(sofa flat)", set()),
        ("sofa* -teenager", {"c_older.txt"}),
        ("sofa & !flat:* | (", {"c_older.txt"}),
        ("sofa<->flat", {"c_older.txt"}),
    ],
)
def test_search_reads_fts5_and_tsquery_syntax_as_plain_words(
    store: Store,
    processor: FakeProcessor,
    review_files: dict[str, Path],
    query: str,
    expected: set[str],
) -> None:
    _add(store, sorted(review_files.values()), processor)
    assert {h.summary.name for h in library.search(store, query)} == expected


def test_recode_also_codes_documents_that_were_never_coded(
    store: Store, processor: FakeProcessor, review_files: dict[str, Path]
) -> None:
    _add(store, [review_files["a_sofa.txt"]], processor)
    uncoded = read_document(review_files["b_cannabis.txt"])
    with store.transaction() as session:  # as `caselens qda import --no-code` leaves one
        repository.add_document(session, uncoded)
    report = library.recode(store, fake_codebook("1.0.0"), processor=processor)
    assert report.recoded == [uncoded.id] and report.current == 1
    assert library.show(store, uncoded.id).summary.themes == ("A",)
