"""Case facts in plain words for a supervision record: "the grandmother (adult 3): seen:
no" rather than ``adults[2].seen: false``. The JSON keeps the data path; people read this."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

_ITEM = re.compile(r"^([a-z_]+)\[(\d+)\]$")
_SINGULAR = {"adults": "adult", "siblings": "sibling", "advice": "advice", "changes": "change"}
_TOP = {"baby": "the baby", "sleep": "sleep", "parents": "the parents", "engagement": "engagement"}


def _words(name: str) -> str:
    return name.replace("_", " ")


def _value(value: Any) -> str:
    if value is None:
        return "not recorded"
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return _words(value)
    if isinstance(value, Mapping):
        parts = [f"{_words(str(k))} {_value(v)}" for k, v in value.items() if v is not None]
        return ", ".join(parts) or "nothing recorded"
    if isinstance(value, Iterable):
        items = [_value(v) for v in value]
        return "; ".join(items) if items else "none"
    return str(value)


def _segment(part: str) -> str:
    """``routine_changes[0]`` reads "routine change 1"."""
    item = _ITEM.match(part)
    if item is None:
        return _words(part)
    kind = _words(item.group(1))
    kind = _SINGULAR.get(item.group(1), kind[:-1] if kind.endswith("s") else kind)
    return f"{_words(kind)} {int(item.group(2)) + 1}"


def spoken_subject(path: str) -> str:
    """A listed person's data path as words: ``siblings[0]`` is "sibling 1"."""
    return " ".join(_segment(p) for p in path.split("."))


def people(evidence: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Who each listed person is, from the relationships the evidence names:
    ``{"adults[2]": "grandmother"}``."""
    found = {}
    for e in evidence:
        path = str(e.get("path") or "")
        if path.endswith(".relationship") and isinstance(e.get("value"), str):
            found[path.rsplit(".", 1)[0]] = _words(e["value"])
    return found


def plain_fact(path: str, value: Any, who: Mapping[str, str] | None = None) -> str:
    """One case fact as a sentence fragment a practitioner would write."""
    who = who or {}
    parts = path.split(".")
    subject, rest = [], parts
    if parts:
        head = _ITEM.match(parts[0])
        if head:
            kind, index = head.group(1), int(head.group(2))
            named = f"{_SINGULAR.get(kind, _words(kind))} {index + 1}"
            person = who.get(parts[0])
            subject = [f"the {person} ({named})" if person else named]
            rest = parts[1:]
        elif parts[0] in _TOP:
            subject, rest = [_TOP[parts[0]]], parts[1:]
    field = " ".join(_segment(p) for p in rest).replace(" months", " (months)")
    text = f"{subject[0]} \u2014 {field}" if subject and field else (subject or [field])[0]
    text = text[:1].upper() + text[1:]
    return f"{text}: {_value(value)}"
