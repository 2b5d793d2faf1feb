"""Shared helpers of the practice tests: the fixture cases, checked once."""

from __future__ import annotations

import functools
from pathlib import Path

from caselens.practice import Reflection, check_case, load_case

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "cases"


@functools.cache
def checked(name: str) -> Reflection:
    """The check of one fixture case, computed once per test session."""
    return check_case(load_case(CASES / name))


def indicator_ids(r: Reflection) -> set[str]:
    return {i.id for i in r.indicators}


def unknown_keys(r: Reflection) -> set[str]:
    return {u.key for u in r.unknowns}


def sleep_status(r: Reflection) -> dict[str, str]:
    return {s.id: s.status for s in r.safer_sleep}


def fact_texts(r: Reflection, indicator: str) -> list[str]:
    item = next(i for i in r.indicators if i.id == indicator)
    return [e.to_dict()["text"] for e in item.evidence if e.to_dict()["source"] == "facts"]
