"""Another coder's work in the library, and every coder's codings for agreement.

Imported codings need no table of their own: a person's coding of a span is what
the review log already records as an ``add`` decision (a finding the reviewer
put there), with the importing file named in its reason. Importing the same
project again adds nothing, because a coder's existing additions are checked
first. Reading coders back turns the log and the latest run into
:class:`caselens.agreement.Coding` lists: the machine's findings as coded, and
each person's accepted, corrected and added findings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from caselens.agreement import MACHINE, AgreementReport, Coding, compare
from caselens.errors import NotFoundError
from caselens.model import Codebook, Document, Sentence
from caselens.store import review as review_store
from caselens.store.records import DecisionRecord
from caselens.store.schema import DecisionRow, DocumentRow, ResultRow


def documents_with_text(session: Session, text: str) -> list[str]:
    """Ids of the documents whose normalised text is exactly ``text``."""
    return list(
        session.scalars(
            select(DocumentRow.id).where(DocumentRow.text == text).order_by(DocumentRow.id)
        ).all()
    )


def added_spans(session: Session, document_id: str, reviewer: str) -> set[tuple[str, int, int]]:
    """What ``reviewer`` already added to a document, as (indicator, start, end)."""
    rows = session.execute(
        select(DecisionRow.indicator, DecisionRow.start, DecisionRow.end).where(
            DecisionRow.document_id == document_id,
            DecisionRow.reviewer == reviewer,
            DecisionRow.action == "add",
        )
    ).all()
    return {(r[0], r[1], r[2]) for r in rows}


@dataclass(frozen=True)
class CoderWork:
    """A coder's codings and the documents they coded (including those left unmarked).

    ``judged``: for a reviewer who judged the machine's findings one by one, the spans
    they looked at in each document; None for a coder who coded whole documents (the
    machine, a QDA project's coder). Agreement with a reviewer is measured only over the
    sentences they judged: a finding they never looked at is no disagreement."""

    codings: tuple[Coding, ...]
    documents: frozenset[str]
    judged: dict[str, list[tuple[int, int]]] | None = None


def coders(session: Session) -> dict[str, CoderWork]:
    """Every coder's work: the machine's latest findings and each person's judgement.

    A person's coding is their newest decision on each machine finding of any run
    (accept keeps it, correct moves or relabels it, reject drops it) plus the findings
    they added;
    a document counts as coded by a person once they made any decision in it.
    """
    result: dict[str, list[Coding]] = defaultdict(list)
    documents: dict[str, set[str]] = defaultdict(set)
    documents[MACHINE] = set(session.scalars(select(ResultRow.document_id).distinct()).all())
    for f in review_store.latest_findings(session):
        result[MACHINE].append(Coding(f.document_id, f.indicator, f.start, f.end))
    newest: dict[tuple[int, str], DecisionRecord] = {}
    spans: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    reviewers: set[str] = set()  # people who judged machine findings, not only added
    held = review_store.standing(session)  # one key per finding across runs, not per run
    for decision in sorted((*held.counted, *held.stale), key=lambda d: d.id):
        documents[decision.reviewer].add(decision.document_id)
        spans[decision.reviewer][decision.document_id].append((decision.start, decision.end))
        if decision.corrected_start is not None or decision.corrected_end is not None:
            spans[decision.reviewer][decision.document_id].append(
                (
                    decision.corrected_start
                    if decision.corrected_start is not None
                    else decision.start,
                    decision.corrected_end if decision.corrected_end is not None else decision.end,
                )
            )
        if decision.finding_id is not None:
            reviewers.add(decision.reviewer)
        if decision.finding_id is None:
            result[decision.reviewer].append(
                Coding(decision.document_id, decision.indicator, decision.start, decision.end)
            )
        else:
            newest[(decision.finding_id, decision.reviewer)] = decision
    # A decision on a finding of an earlier run still counts: it says what the person
    # saw in the text, which a recode with another codebook does not change. One made
    # again by the latest run is keyed by its current id, so a later decision on it
    # replaces the earlier one instead of standing beside it.
    for (_finding_id, reviewer), decision in sorted(newest.items()):
        if decision.action == "reject":
            result.setdefault(reviewer, [])
            continue
        result[reviewer].append(
            Coding(
                decision.document_id,
                decision.corrected_indicator or decision.indicator,
                decision.corrected_start
                if decision.corrected_start is not None
                else decision.start,
                decision.corrected_end if decision.corrected_end is not None else decision.end,
            )
        )
    return {
        coder: CoderWork(
            tuple(result.get(coder, ())),
            frozenset(docs),
            {d: list(s) for d, s in spans[coder].items()} if coder in reviewers else None,
        )
        for coder, docs in documents.items()
    }


def _judged_sentences(document: Document, works: Sequence[CoderWork]) -> list[Sentence] | None:
    """The sentences of ``document`` that every reviewer among ``works`` judged; None
    when neither is such a reviewer (every sentence counts)."""
    from caselens.agreement import covered
    from caselens.pipeline.segment import segment

    limits = [w.judged for w in works if w.judged is not None]
    if not limits:
        return None
    sentences = segment(document)
    keep = set(range(len(sentences)))
    for judged in limits:
        seen: set[int] = set()
        for start, end in judged.get(document.id, []):
            seen.update(covered(sentences, start, end))
        keep &= seen
    return [s for i, s in enumerate(sentences) if i in keep]


def compare_coders(
    session: Session, codebook: Codebook, between: tuple[str, str] | None = None
) -> list[AgreementReport]:
    """Sentence-level agreement for one pair of coders, or the machine against each person.

    A pair is compared over the documents both of them coded.
    """
    from caselens.store.repository import load_document

    work = coders(session)
    if between is None:
        pairs = [(MACHINE, person) for person in sorted(work) if person != MACHINE]
    else:
        missing = [c for c in between if c not in work]
        if missing:
            raise NotFoundError(
                f"no coder called {missing[0]!r} in the library; coders are "
                f"{', '.join(sorted(work)) or 'none yet'} (`caselens review log` shows reviewers)"
            )
        pairs = [between]
    loaded: dict[str, Document] = {}
    reports = []
    for first, second in pairs:
        shared = sorted(work[first].documents & work[second].documents)
        for document_id in shared:
            if document_id not in loaded:
                loaded[document_id] = load_document(session, document_id)
        cut: dict[str, Sequence[Sentence]] = {}
        for document_id in shared:
            judged = _judged_sentences(loaded[document_id], (work[first], work[second]))
            if judged is not None:
                cut[document_id] = judged
        reports.append(
            compare(
                [loaded[d] for d in shared],
                (first, work[first].codings),
                (second, work[second].codings),
                codebook,
                sentences=cut or None,
            )
        )
    return reports
