"""A small condition language over case facts, so practice rules stay data.

A condition is a mapping, one of:

* a test of one field: ``{path: baby.gestation_weeks, below: 37}`` with one of
  ``equals``, ``not_equals``, ``any_of``, ``none_of``, ``below`` (less than), ``min``
  and ``max`` (at least, at most: the words the codebook's criteria use; ``at_least`` is
  the older spelling of ``min``), ``known`` (true: recorded, even as an empty list;
  false: not recorded) or ``not_empty`` (a list with at least one entry);
* ``{all: [...]}``, ``{any: [...]}``, ``{not: {...}}``;
* ``{some: adults, when: {...}}`` / ``{every: adults, when: {...}}``: over a list of
  records, with paths in ``when`` relative to each record (``every`` needs at least one).

Evaluation returns the fields that made it true, as evidence (``adults[1].seen``
with its value), because every prompt caselens shows must say where it came from.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from caselens.errors import CaselensError
from caselens.model.serial import Serial
from caselens.practice.case import Case, list_item_type, schema_path_type

LEAF_OPS = (
    "equals",
    "not_equals",
    "any_of",
    "none_of",
    "below",
    "min",
    "max",
    "at_least",
    "known",
    "not_empty",
)
NUMERIC_OPS = ("below", "min", "max", "at_least")
GROUP_OPS = ("all", "any", "not", "some", "every")


class PracticeDataError(CaselensError):
    """A practice rule file (safer sleep, unknowns, fact mapping) is malformed."""

    def __init__(self, path: str, problem: str, key: str | None = None) -> None:
        self.path = path
        self.key = key
        where = f"{path}: {key}: " if key else f"{path}: "
        super().__init__(where + problem)


@dataclass(frozen=True, slots=True)
class FactHit(Serial):
    """One case field that a condition relied on: its full path and value."""

    path: str
    value: Any

    __shown__ = ("source", "path", "value", "text")

    @property
    def source(self) -> str:
        return "facts"

    @property
    def text(self) -> str:
        value = self.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        shown = "not recorded" if value is None else json.dumps(value)
        return f"{self.path}: {shown}"


def lookup(data: Any, path: str) -> Any:
    """The value at a dotted path in nested dicts, or None where any step is missing."""
    for part in path.split("."):
        if not isinstance(data, Mapping):
            return None
        data = data.get(part)
    return data


def _join(base: str, path: str) -> str:
    return f"{base}.{path}" if base else path


def _leaf(cond: Mapping[str, Any], data: Any, base: str) -> tuple[bool, list[FactHit]]:
    path = str(cond["path"])
    value = lookup(data, path)
    op = next(k for k in cond if k != "path")
    arg = cond[op]
    if op == "known":
        ok = (value is not None) == bool(arg)
    elif op == "not_empty":
        ok = (isinstance(value, list) and len(value) > 0) == bool(arg)
    elif value is None:
        ok = False  # an unrecorded value never satisfies a comparison
    elif op == "equals":
        ok = value == arg
    elif op == "not_equals":
        ok = value != arg
    elif op == "any_of":
        ok = value in arg
    elif op == "none_of":
        ok = value not in arg
    elif op == "below":
        ok = value < arg
    elif op == "max":
        ok = value <= arg
    else:  # min, or its older spelling at_least
        ok = value >= arg
    return ok, ([FactHit(_join(base, path), value)] if ok else [])


def evaluate(cond: Mapping[str, Any], data: Any, base: str = "") -> tuple[bool, list[FactHit]]:
    """Whether ``cond`` holds for ``data`` (a case dict or one list record) and why."""
    if "path" in cond:
        return _leaf(cond, data, base)
    if "all" in cond:
        hits: list[FactHit] = []
        for sub in cond["all"]:
            ok, found = evaluate(sub, data, base)
            if not ok:
                return False, []
            hits.extend(found)
        return True, hits
    if "any" in cond:
        results = [evaluate(sub, data, base) for sub in cond["any"]]
        return any(ok for ok, _ in results), [h for ok, found in results if ok for h in found]
    if "not" in cond:
        ok, _ = evaluate(cond["not"], data, base)
        return not ok, []
    key = "some" if "some" in cond else "every"
    items = lookup(data, str(cond[key])) or []
    results = [
        evaluate(cond["when"], item, f"{_join(base, str(cond[key]))}[{i}]")
        for i, item in enumerate(items)
    ]
    if key == "some":
        hits = [h for ok, found in results if ok for h in found]
        return any(ok for ok, _ in results), hits
    if not results or not all(ok for ok, _ in results):
        return False, []
    return True, [h for _, found in results for h in found]


def check_condition(cond: Any, file: str, key: str, root: type = Case) -> None:
    """Refuse a malformed condition, or one naming a field the case schema lacks."""
    if not isinstance(cond, Mapping):
        raise PracticeDataError(file, "a condition must be a mapping", key)
    if "path" in cond:
        ops = [k for k in cond if k != "path"]
        if len(ops) != 1 or ops[0] not in LEAF_OPS:
            raise PracticeDataError(
                file, f"a field test needs exactly one of {', '.join(LEAF_OPS)}", key
            )
        if schema_path_type(str(cond["path"]), root) is None:
            raise PracticeDataError(
                file, f"{cond['path']!r} is not a field of {root.__name__.lower()}", key
            )
        arg = cond[ops[0]]
        if ops[0] in NUMERIC_OPS and (isinstance(arg, bool) or not isinstance(arg, int | float)):
            raise PracticeDataError(file, f"'{ops[0]}' needs a number; got {arg!r}", key)
        return
    ops = [k for k in cond if k in GROUP_OPS]
    if len(ops) != 1:
        raise PracticeDataError(
            file, f"a condition needs 'path' or exactly one of {', '.join(GROUP_OPS)}", key
        )
    op = ops[0]
    if op in ("all", "any"):
        if not isinstance(cond[op], list) or not cond[op]:
            raise PracticeDataError(file, f"'{op}' needs a non-empty list of conditions", key)
        for i, sub in enumerate(cond[op]):
            check_condition(sub, file, f"{key}.{op}[{i}]", root)
    elif op == "not":
        check_condition(cond["not"], file, f"{key}.not", root)
    else:
        item = list_item_type(schema_path_type(str(cond[op]), root))
        if item is None:
            raise PracticeDataError(file, f"{cond[op]!r} is not a list of records", key)
        if "when" not in cond:
            raise PracticeDataError(file, f"'{op}' needs a 'when' condition", key)
        check_condition(cond["when"], file, f"{key}.when", item)
