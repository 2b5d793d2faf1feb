"""The review library's human decisions: accept, reject or correct a machine finding, add
one it missed, and read the append-only log they go to.

A decision is never changed once written; the newest decision of a reviewer on a finding
is the one that counts, and a finding is known across recodes by its review, indicator and
place (``store.review.standing``). The CLI's `review` commands and the web app call these.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from sqlalchemy.orm import Session

from caselens.codebook import default_codebook
from caselens.errors import NotFoundError, StoreError
from caselens.model import Codebook
from caselens.store import Store, StoredFinding
from caselens.store import repository as repo
from caselens.store import review as review_store
from caselens.store.agreement import Agreement, measure_agreement
from caselens.store.records import DecisionRecord
from caselens.store.review import Standing

REVIEW_ACTIONS = ("accept", "reject", "correct")


def check_indicator(indicator: str, codebook: Codebook) -> None:
    """A decision names an indicator of the codebook in force, or it is refused: the review
    log is append-only, so a typo would stay in it for ever."""
    known = [i.id for i in codebook.indicators]
    if indicator not in known:
        hint = difflib.get_close_matches(indicator, known, n=1)
        did = f" (did you mean {hint[0]}?)" if hint else ""
        raise StoreError(
            f"{indicator!r} is not an indicator of codebook {codebook.id}{did}; "
            "`caselens codebook show` lists them"
        )


def decide(
    store: Store,
    finding_id: int,
    action: str,
    reviewer: str,
    reason: str | None = None,
    *,
    indicator: str | None = None,
    start: int | None = None,
    end: int | None = None,
    codebook: Codebook | None = None,
) -> DecisionRecord:
    """Record a reviewer's accept, reject or correction of a machine finding.

    A corrected indicator is checked against ``codebook`` (the default one if None)."""
    if indicator is not None:
        check_indicator(indicator, codebook or default_codebook())
    _check_action(action)
    who = _reviewer(reviewer)
    if action == "correct" and indicator is None and start is None and end is None:
        raise StoreError("a correction needs a new indicator or new offsets (--start/--end)")
    with store.transaction() as session:
        found = review_store.finding(session, finding_id)
        if action == "correct":
            text = repo.load_document(session, found.document_id).text
            _check_span(
                text,
                start if start is not None else found.start,
                end if end is not None else found.end,
            )
        return _append(
            session,
            found,
            action,
            who,
            reason,
            corrected_indicator=indicator if action == "correct" else None,
            corrected_start=start if action == "correct" else None,
            corrected_end=end if action == "correct" else None,
        )


def decide_all(
    store: Store,
    finding_ids: Sequence[int],
    action: str,
    reviewer: str,
    reason: str | None = None,
) -> list[DecisionRecord]:
    """Accept or reject several findings at once: every one of them, or none.

    The log is append-only, so a batch that stopped at an unknown id would leave its first
    decisions in it for good. Every id is looked up before anything is written, and the
    whole batch goes in one transaction; an id named twice is decided once."""
    _check_action(action)
    if action == "correct":
        raise StoreError("a correction is made one finding at a time: `caselens review correct`")
    who = _reviewer(reviewer)
    wanted = list(dict.fromkeys(finding_ids))
    if not wanted:
        raise StoreError("name at least one finding (numbers from `caselens library show ID`)")
    with store.transaction() as session:
        try:
            found = review_store.findings(session, wanted)
        except NotFoundError as error:
            raise NotFoundError(f"{error}; nothing was recorded") from error
        return [_append(session, f, action, who, reason) for f in found]


def _append(
    session: Session,
    found: StoredFinding,
    action: str,
    reviewer: str,
    reason: str | None,
    *,
    corrected_indicator: str | None = None,
    corrected_start: int | None = None,
    corrected_end: int | None = None,
) -> DecisionRecord:
    """A decision on ``found``, keeping the finding's own document, indicator and place, by
    which it is matched to the same finding made again by a later run."""
    return review_store.append(
        session,
        finding_id=found.id,
        document_id=found.document_id,
        indicator=found.indicator,
        start=found.start,
        end=found.end,
        action=action,
        reviewer=reviewer,
        reason=reason,
        corrected_indicator=corrected_indicator,
        corrected_start=corrected_start,
        corrected_end=corrected_end,
    )


def _check_action(action: str) -> None:
    if action not in REVIEW_ACTIONS:
        raise StoreError(f"a decision on a finding is one of {', '.join(REVIEW_ACTIONS)}")


def _reviewer(name: str) -> str:
    """Every decision names who made it: the log is the record of human judgement."""
    if not name.strip():
        raise StoreError("say who reviewed: give --reviewer NAME or set CASELENS_REVIEWER")
    return name.strip()


def _check_span(text: str, start: int, end: int) -> None:
    if not 0 <= start < end <= len(text):
        raise StoreError(
            f"offsets [{start}, {end}) are outside the review's text (0 to {len(text)}); "
            "`caselens library show ID --json` shows the offsets of each finding"
        )


def add_finding(
    store: Store,
    document: str,
    indicator: str,
    reviewer: str,
    reason: str | None = None,
    *,
    start: int | None = None,
    end: int | None = None,
    quote: str | None = None,
    codebook: Codebook | None = None,
) -> DecisionRecord:
    """Record a finding the machine missed, by offsets or by a quote found in the text."""
    check_indicator(indicator, codebook or default_codebook())
    who = _reviewer(reviewer)
    with store.transaction() as session:
        document_id = repo.resolve_id(session, document)
        text = repo.load_document(session, document_id).text
        if quote is not None:
            start = text.find(quote)
            if start < 0 or not quote:
                raise StoreError(f"the quote {quote!r} does not occur in the review's text")
            end = start + len(quote)
        if start is None or end is None:
            raise StoreError("give the finding's place: --quote TEXT, or --start and --end")
        _check_span(text, start, end)
        return review_store.append(
            session,
            finding_id=None,
            document_id=document_id,
            indicator=indicator,
            start=start,
            end=end,
            action="add",
            reviewer=who,
            reason=reason,
        )


def decision_log(store: Store, document: str | None = None) -> list[DecisionRecord]:
    with store.transaction() as session:
        document_id = None if document is None else repo.resolve_id(session, document)
        return review_store.log(session, document_id)


def agreement(store: Store) -> Agreement:
    """How often reviewers confirm the machine, and how often reviewers agree with each other,
    over the findings the latest runs make: a decision follows its finding through a recode."""
    with store.transaction() as session:
        held = review_store.standing(session)
    return measure_agreement(held.counted, held.stale)


def current_decisions(store: Store, document: str | None = None) -> Standing:
    """The log matched to the latest runs' findings (all reviews, or one): what counts now."""
    with store.transaction() as session:
        document_id = None if document is None else repo.resolve_id(session, document)
        return review_store.standing(session, document_id)


def stale_note(decision_ids: Sequence[int]) -> str | None:
    """What a count leaves out, said once: decisions whose finding no latest run makes."""
    if not decision_ids:
        return None
    shown = ", ".join(str(i) for i in decision_ids[:10]) + (
        ", ..." if len(decision_ids) > 10 else ""
    )
    return (
        f"{len(decision_ids)} review decision(s) ({shown}) are on findings the latest coding "
        "runs no longer make (same review, indicator and place), so they are not counted; "
        "they stay in the review log (`caselens review log`)"
    )


def verify_log(store: Store) -> review_store.ChainCheck:
    """Recompute the review log's hash chain (``caselens review verify``)."""
    with store.transaction() as session:
        return review_store.verify(session)
