"""Live cases kept in the web app, and the supervision records made from them.

Who sees a case: the practitioner who added it, the supervisors of their team, and an
admin; nobody else (analysts and reviewers work on published reviews, not on families).
A record is made from the case's check by its practitioner and signed by a supervisor
of the case's team; once signed it is not changed. The check itself is the same as
``caselens case check``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from caselens.errors import CaseError, NotFoundError, StoreError
from caselens.practice.load import MAX_CASE_BYTES, case_from_dict, parse_structured
from caselens.practice.record import new_record
from caselens.practice.reflect import check_case
from caselens.practice.result import Reflection
from caselens.store import Store
from caselens.store import cases as case_store
from caselens.store.cases import StoredCase, StoredRecord
from caselens.store.users import UserRecord

__all__ = ["StoredCase", "StoredRecord", "add_case", "check", "visible_cases"]


def sees(user: UserRecord, case: StoredCase) -> bool:
    if user.role == "admin":
        return True
    if user.role == "practitioner":
        return case.owner_id == user.id
    if user.role == "supervisor":
        return user.team is not None and case.team == user.team
    return False


def may_sign(user: UserRecord, case: StoredCase) -> bool:
    return user.role == "supervisor" and sees(user, case)


def parse(text: str, reference: str, kind: str = ".yaml") -> Any:
    """The case's facts and notes, checked as ``caselens case check`` checks a file."""
    if len(text.encode("utf-8")) > MAX_CASE_BYTES:
        raise CaseError(
            reference, f"larger than {MAX_CASE_BYTES // 2**20} MB; a case is typed by a person"
        )
    data = parse_structured(text, kind, reference)
    if data is None:  # empty, or comments only: as the command line refuses it
        raise CaseError(reference, "the case is empty; give the notes or at least one fact")
    # the reference the case is kept under is the one on its record, whatever the body says
    return replace(case_from_dict(data, reference), reference=reference)


def add_case(
    store: Store, user: UserRecord, reference: str, text: str, kind: str = ".yaml"
) -> StoredCase:
    if user.role != "practitioner":
        raise StoreError("only a practitioner adds cases")
    reference = reference.strip()
    if not reference or len(reference) > 200:
        raise CaseError("case", "give the case a reference (not a name), at most 200 characters")
    parse(text, reference, kind)
    with store.transaction() as session:
        return case_store.insert_case(session, user.id, user.team, reference, text)


def visible_cases(store: Store, user: UserRecord) -> list[StoredCase]:
    with store.transaction() as session:
        if user.role == "admin":
            return case_store.cases(session)
        if user.role == "practitioner":
            return case_store.cases(session, owner=user.id)
        if user.role == "supervisor" and user.team:
            return case_store.cases(session, team=user.team)
    return []


def get_case(store: Store, user: UserRecord, case_id: int) -> StoredCase:
    """The case, if this person may see it; else the same answer as a case that does not
    exist, so ids do not tell who has which cases."""
    with store.transaction() as session:
        case = case_store.get_case(session, case_id)
    if case is None or not sees(user, case):
        raise NotFoundError(f"no case {case_id} that you may see")
    return case


def check(case: StoredCase) -> Reflection:
    return check_case(parse(case.body, case.reference))


def records(store: Store, case: StoredCase) -> list[StoredRecord]:
    with store.transaction() as session:
        return case_store.records_of(session, case.id)


def make_record(store: Store, user: UserRecord, case: StoredCase) -> StoredRecord:
    if user.role != "practitioner" or case.owner_id != user.id:
        raise StoreError("the case's own practitioner makes its supervision record")
    body = new_record(check(case), practitioner=user.name)
    with store.transaction() as session:
        return case_store.insert_record(session, case.id, user.id, body)


def sign_record(store: Store, user: UserRecord, record_id: int) -> StoredRecord:
    with store.transaction() as session:
        record = case_store.get_record(session, record_id)
        case = None if record is None else case_store.get_case(session, record.case_id)
        if record is None or case is None or not sees(user, case):
            raise NotFoundError(f"no record {record_id} that you may see")
        if not may_sign(user, case):
            raise StoreError("a supervisor of the case's team signs its record")
        if record.signed_by is not None:
            raise StoreError("this record is signed already; make a new one")
        case_store.sign(session, record.id, user.id, {**record.body, "supervisor": user.name})
        signed = case_store.get_record(session, record.id)
    assert signed is not None
    return signed


def get_record(store: Store, user: UserRecord, record_id: int) -> tuple[StoredCase, StoredRecord]:
    with store.transaction() as session:
        record = case_store.get_record(session, record_id)
        case = None if record is None else case_store.get_case(session, record.case_id)
    if record is None or case is None or not sees(user, case):
        raise NotFoundError(f"no record {record_id} that you may see")
    return case, record
