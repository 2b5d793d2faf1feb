"""Decisions across a recode, on each database: a judgement follows its finding into the new
run by review, indicator and place; one whose finding is not made again is named, not lost."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from storefakes import FakeProcessed, FakeProcessor, fake_codebook

from caselens import library
from caselens.library_briefing import library_analysis
from caselens.model import Document
from caselens.store import Store
from caselens.store.imported import coders


class WithoutFathers(FakeProcessor):
    """A recode whose codebook no longer finds fathers: the sofa is found again, the father not."""

    def process(self, document: Document) -> FakeProcessed:
        made = super().process(document)
        kept = tuple(f for f in made.findings if not f.indicator.startswith("F."))
        return dataclasses.replace(made, findings=kept)


@pytest.fixture
def decided(store: Store, processor: FakeProcessor, review_files: dict[str, Path]) -> list[int]:
    """sam accepts the sofa and rejects the father in run 1; the decisions' ids."""
    library.add(store, [review_files["a_sofa.txt"]], fake_codebook(), processor=processor)
    sofa, father = library.show(store, library.list_documents(store)[0].id).findings
    return [
        library.decide(store, sofa.id, "accept", "sam").id,
        library.decide(store, father.id, "reject", "sam").id,
    ]


def _accepted(store: Store, notes: list[str] | None = None) -> list[str]:
    analysis, _ = library_analysis(
        store, fake_codebook(), accepted_only=True, on_note=None if notes is None else notes.append
    )
    return [f.indicator for f in analysis.findings]


def _tallies(store: Store) -> dict[str, tuple[int, int]]:
    return {i.indicator: (i.accepted, i.rejected) for i in library.agreement(store).indicators}


def test_a_decision_follows_its_finding_into_the_new_run(
    store: Store, decided: list[int], processor: FakeProcessor
) -> None:
    log = library.decision_log(store)
    library.recode(store, fake_codebook("2.0.0"), processor=processor)
    new = library.show(store, log[0].document_id).findings
    assert {f.id for f in new}.isdisjoint({d.finding_id for d in log})  # new ids
    assert library.decision_log(store) == log  # the log itself is not rewritten
    assert library.verify_log(store).ok
    held = library.current_decisions(store)
    assert [d.finding_id for d in held.counted] == [f.id for f in new]  # sofa, father
    assert held.stale == ()
    notes: list[str] = []
    assert _accepted(store, notes) == ["E.sofa_or_unsafe_surface"] and notes == []
    assert _tallies(store) == {"E.sofa_or_unsafe_surface": (1, 0), "F.fathers_unseen_men": (0, 1)}


def test_a_decision_on_a_finding_not_made_again_is_named_and_not_counted(
    store: Store, decided: list[int]
) -> None:
    library.recode(store, fake_codebook("2.0.0"), processor=WithoutFathers())
    _, rejected_father = decided
    agreement = library.agreement(store)
    assert agreement.stale == (rejected_father,) and agreement.decisions == 2
    assert _tallies(store) == {"E.sofa_or_unsafe_surface": (1, 0)}
    notes: list[str] = []
    assert _accepted(store, notes) == ["E.sofa_or_unsafe_surface"]
    assert len(notes) == 1 and notes[0].startswith(f"1 review decision(s) ({rejected_father})")
    analysis, _ = library_analysis(store, fake_codebook(), accepted_only=True)
    assert analysis.provenance.settings["decisions_not_counted"] == 1
    assert len(library.decision_log(store)) == 2  # still in the log


def test_a_later_decision_on_the_finding_made_again_replaces_the_earlier(
    store: Store, decided: list[int], processor: FakeProcessor
) -> None:
    library.recode(store, fake_codebook("2.0.0"), processor=processor)
    sofa = library.show(store, library.list_documents(store)[0].id).findings[0]
    library.decide(store, sofa.id, "reject", "sam", "read again")  # sam changes their mind
    library.decide(store, sofa.id, "accept", "kim")
    assert _tallies(store)["E.sofa_or_unsafe_surface"] == (1, 1)  # kim's accept, sam's reject
    assert "E.sofa_or_unsafe_surface" in _accepted(store)  # the newest decision: kim's
    (pair,) = library.agreement(store).pairs
    assert (pair.first, pair.second, pair.shared, pair.agreed) == ("kim", "sam", 1, 0)
    with store.transaction() as session:
        sam = coders(session)["sam"]
    assert sam.codings == ()  # sam rejected both: the earlier accept no longer stands
