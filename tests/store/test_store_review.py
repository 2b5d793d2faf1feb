"""Human review on each database: an append-only log and the agreement it yields."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError
from storefakes import FakeProcessor, fake_codebook

from caselens import library
from caselens.agreement import Coding
from caselens.errors import NotFoundError, StoreError
from caselens.store import Store
from caselens.store import review as review_store
from caselens.store.agreement import measure_agreement
from caselens.store.imported import coders


@pytest.fixture
def findings(store: Store, processor: FakeProcessor, review_files: dict[str, Path]) -> list[int]:
    library.add(store, [review_files["a_sofa.txt"]], fake_codebook(), processor=processor)
    detail = library.show(store, library.list_documents(store)[0].id)
    return [f.id for f in detail.findings]  # sofa, father


def test_decisions_are_appended_and_the_newest_counts(store: Store, findings: list[int]) -> None:
    sofa, father = findings
    library.decide(store, sofa, "reject", "sam", "not about sleep")
    library.decide(store, sofa, "accept", "sam", "read again: it is")
    library.decide(store, father, "correct", "sam", indicator="F.significant_adults_unknown")
    log = library.decision_log(store)
    assert [d.action for d in log] == ["reject", "accept", "correct"]
    assert log[0].reason == "not about sleep" and log[0].created_at.tzinfo is not None
    assert log[2].corrected_indicator == "F.significant_adults_unknown"
    result = library.agreement(store).to_dict()
    by_indicator = {i["indicator"]: i for i in result["indicators"]}
    assert by_indicator["E.sofa_or_unsafe_surface"]["accepted"] == 1
    assert by_indicator["E.sofa_or_unsafe_surface"]["rejected"] == 0
    assert by_indicator["F.fathers_unseen_men"]["precision"] == 0.0
    assert result["decisions"] == 3


def test_a_reviewer_adds_a_missed_finding_by_quote(store: Store, findings: list[int]) -> None:
    doc = library.list_documents(store)[0]
    added = library.add_finding(store, doc.id[:6], "E.co_sleeping", "kim", quote="with a parent")
    assert added.finding_id is None and added.action == "add" and added.document_id == doc.id
    assert added.end - added.start == len("with a parent")
    assert library.decision_log(store, doc.id[:6]) == [added]
    with pytest.raises(StoreError, match="does not occur"):
        library.add_finding(store, doc.id, "E.co_sleeping", "kim", quote="on the moon")
    with pytest.raises(StoreError, match="outside"):
        library.add_finding(store, doc.id, "E.co_sleeping", "kim", start=5, end=99999)


def test_bad_decisions_are_refused(store: Store, findings: list[int]) -> None:
    with pytest.raises(NotFoundError, match="no finding"):
        library.decide(store, 987654, "accept", "sam")
    with pytest.raises(StoreError, match="needs a new indicator"):
        library.decide(store, findings[0], "correct", "sam")
    with pytest.raises(StoreError, match="who reviewed"):
        library.decide(store, findings[0], "accept", "  ")
    with pytest.raises(StoreError, match="one of"):
        library.decide(store, findings[0], "add", "sam")
    assert library.decision_log(store) == []


def test_a_batch_naming_an_unknown_finding_records_nothing(
    store: Store, findings: list[int]
) -> None:
    """The log is append-only: a batch half written would stay half written for good."""
    with pytest.raises(NotFoundError, match=r"no findings 987654, 987655 .*nothing was recorded"):
        library.decide_all(store, [findings[0], 987654, 987655], "accept", "sam")
    with pytest.raises(StoreError, match="one finding at a time"):
        library.decide_all(store, findings, "correct", "sam")
    assert library.decision_log(store) == []
    recorded = library.decide_all(store, [*findings, findings[0]], "reject", "sam", "no")
    assert [d.finding_id for d in recorded] == findings  # named twice, decided once
    assert library.decision_log(store) == recorded and library.verify_log(store).entries == 2


def test_a_review_with_decisions_is_not_removed_and_the_log_stays(
    store: Store, findings: list[int]
) -> None:
    decided = library.decide(store, findings[0], "accept", "sam")
    with pytest.raises(StoreError, match="append-only"):
        library.remove(store, decided.document_id)
    assert len(library.decision_log(store)) == 1
    assert decided.document_id in {d.id for d in library.list_documents(store)}


def _raw(store: Store, statement: str) -> None:
    with store.engine.begin() as connection:
        connection.exec_driver_sql(statement)


def test_the_database_refuses_to_change_or_delete_a_decision(
    store: Store, findings: list[int]
) -> None:
    library.decide(store, findings[0], "accept", "sam")
    for statement in (
        "UPDATE decisions SET action = 'reject'",
        "DELETE FROM decisions",
    ):
        with pytest.raises(DBAPIError, match="append-only"):
            _raw(store, statement)
    if store.dialect == "postgresql":
        with pytest.raises(DBAPIError, match="append-only"):
            _raw(store, "TRUNCATE decisions CASCADE")
    assert len(library.decision_log(store)) == 1


def _around_the_guard(store: Store, statement: str) -> None:
    """What someone with the database's keys could do: lift the guard, change the log."""
    if store.dialect == "sqlite":
        _raw(store, "DROP TRIGGER decisions_append_only")
        _raw(store, "DROP TRIGGER decisions_no_delete")
        _raw(store, statement)
    else:
        _raw(store, "ALTER TABLE decisions DISABLE TRIGGER USER")
        _raw(store, statement)
        _raw(store, "ALTER TABLE decisions ENABLE TRIGGER USER")


@pytest.mark.parametrize(
    ("tamper", "found"),
    [
        ("UPDATE decisions SET action = 'accept' WHERE id = 2", "entry 2 was changed"),
        ("UPDATE decisions SET reviewer = 'kim' WHERE id = 1", "entry 1 was changed"),
        ("DELETE FROM decisions WHERE id = 2", "entry 3 follows an entry that is no longer"),
    ],
)
def test_review_verify_finds_a_changed_or_deleted_decision(
    store: Store, findings: list[int], tamper: str, found: str
) -> None:
    for finding_id, action in ((findings[0], "accept"), (findings[1], "reject")):
        library.decide(store, finding_id, action, "sam")
    library.decide(store, findings[0], "reject", "sam", "on second reading")
    intact = library.verify_log(store)
    assert intact.ok and intact.entries == 3 and intact.head != "0" * 64
    _around_the_guard(store, tamper)
    broken = library.verify_log(store)
    assert not broken.ok and found in (broken.problem or "")


def test_kappa_between_two_reviewers(store: Store, findings: list[int]) -> None:
    sofa, father = findings
    for reviewer, votes in (("sam", ("accept", "reject")), ("kim", ("accept", "accept"))):
        for finding_id, action in zip((sofa, father), votes, strict=True):
            library.decide(store, finding_id, action, reviewer)
    (pair,) = library.agreement(store).pairs
    assert (pair.first, pair.second, pair.shared, pair.agreed) == ("kim", "sam", 2, 1)
    assert pair.kappa == pytest.approx(0.0)  # kim always accepts: no agreement beyond chance
    assert measure_agreement([]).to_dict() == {
        "decisions": 0,
        "stale_decisions": [],
        "indicators": [],
        "reviewer_pairs": [],
    }


def test_decisions_survive_a_recode_with_their_findings_and_still_count(
    store: Store, findings: list[int], processor: FakeProcessor
) -> None:
    sofa, _father = findings
    decided = library.decide(store, sofa, "accept", "sam", "it is a sofa")
    with store.transaction() as session:
        before = review_store.finding(session, sofa)
    report = library.recode(store, fake_codebook("2.0.0"), processor=processor)
    assert report.run_id is not None and report.run_id != before.run_id
    assert library.decision_log(store) == [decided]  # nothing rewritten or lost
    with store.transaction() as session:
        after = review_store.finding(session, sofa)
        work = coders(session)
    assert (after.quote, after.start, after.end, after.run_id) == (
        before.quote, before.start, before.end, before.run_id,
    )  # fmt: skip
    doc = library.show(store, decided.document_id)
    assert all(f.run_id == report.run_id for f in doc.findings)  # show: the newest run
    # The person's judgement is about the text, so it still counts against the new run.
    assert work["sam"].codings == (
        Coding(decided.document_id, before.indicator, before.start, before.end),
    )


def test_agreement_with_a_reviewer_counts_only_what_they_judged(
    store: Store, findings: list[int]
) -> None:
    """A finding a reviewer never looked at is no disagreement with the machine."""
    from caselens.store.imported import compare_coders

    library.decide(store, findings[0], "accept", "sam")  # the sofa; the father not looked at
    with store.transaction() as session:
        (report,) = compare_coders(session, fake_codebook(), ("machine", "sam"))
    overall = report.to_dict()["overall"]["indicators"]
    assert report.units == 1  # the one sentence sam judged, not the whole review
    assert overall["percent_agreement"] == 100.0
    library.decide(store, findings[1], "reject", "sam")  # now the father too: they differ
    with store.transaction() as session:
        (report,) = compare_coders(session, fake_codebook(), ("machine", "sam"))
    assert report.units == 2
    assert report.to_dict()["overall"]["indicators"]["percent_agreement"] < 100.0
