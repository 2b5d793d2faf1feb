"""Records to JSON-ready data, in one place.

Every JSON shape caselens writes (findings.json, ``case check --json``, the library's
``--json``, the web API) comes from its dataclass through :func:`to_data`, so a shape
changes where its type is declared and nowhere else. A type says how it is shown by its
fields' metadata, made with :func:`shown`: ``key`` renames a field, ``digits`` rounds a
number, ``hidden`` leaves a field out (a password hash, a text too long to repeat),
``flat`` puts a nested record's keys in its place. A type whose JSON orders its keys
otherwise, or shows a computed value, names its keys in a class attribute ``__shown__``:
each a field's key, a property's name, or ``(key, attribute, digits)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import Field, fields, is_dataclass
from datetime import UTC, datetime
from typing import Any

# (key, attribute, digits, flat) per key shown, in order
_Plan = tuple[tuple[str, str, int | None, bool], ...]


def shown(
    *, key: str | None = None, digits: int | None = None, hidden: bool = False, flat: bool = False
) -> dict[str, Any]:
    """A field's metadata saying how it is shown: ``field(metadata=shown(key="document"))``."""
    meta: dict[str, Any] = {}
    if key is not None:
        meta["key"] = key
    if digits is not None:
        meta["digits"] = digits
    if hidden:
        meta["hidden"] = True
    if flat:
        meta["flat"] = True
    return {"caselens": meta}


def _meta(f: Field[Any]) -> Mapping[str, Any]:
    meta: Mapping[str, Any] = f.metadata.get("caselens", {})
    return meta


# Annotations of fields whose values are already JSON: shown as they are, unconverted.
_PLAIN = frozenset(
    f"{kind}{none}" for kind in ("str", "int", "float", "bool") for none in ("", " | None")
)


def _make_plan(cls: type) -> _Plan:
    by_key: dict[str, tuple[str, str, int | None, bool]] = {}
    for f in fields(cls):
        meta = _meta(f)
        if meta.get("hidden"):
            continue
        key = meta.get("key", f.name)
        by_key[key] = (key, f.name, meta.get("digits"), bool(meta.get("flat")))
    order = cls.__dict__.get("__shown__")
    if order is None:
        return tuple(by_key.values())
    plan: list[tuple[str, str, int | None, bool]] = []
    for item in order:
        if isinstance(item, tuple):
            key, attribute, digits = item
            plan.append((key, attribute, digits, False))
        else:
            plan.append(by_key.get(item, (item, item, None, False)))
    return tuple(plan)


def _compile(cls: type) -> Callable[[Any], dict[str, Any]]:
    """One function per type that builds its dict as a literal.

    Generated once, as dataclasses generates ``__init__``, because findings.json holds
    hundreds of thousands of findings: a loop over the plan per finding was ten times
    slower than the hand-written dict it replaced; this is as fast. Keys and attributes
    come from the type's own declaration, never from data.
    """
    annotations = {f.name: str(f.type) for f in fields(cls)}
    parts = []
    for key, attribute, digits, flat in _make_plan(cls):
        value = f"r.{attribute}"
        if flat:
            parts.append(f"**to_data({value})")
        elif digits is not None:
            parts.append(f"{key!r}: _round({value}, {digits})")
        elif annotations.get(attribute) in _PLAIN:
            parts.append(f"{key!r}: {value}")
        else:
            parts.append(f"{key!r}: value_data({value})")
    source = "def shown(r):\n    return {" + ", ".join(parts) + "}\n"
    scope: dict[str, Any] = {"to_data": to_data, "value_data": value_data, "_round": _round}
    exec(compile(source, f"<to_data {cls.__qualname__}>", "exec"), scope)
    shown_fn: Callable[[Any], dict[str, Any]] = scope["shown"]
    return shown_fn


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


_WRITERS: dict[type, Callable[[Any], dict[str, Any]]] = {}


def to_data(record: Any) -> dict[str, Any]:
    """The JSON-ready dict of one dataclass record, nested records and all."""
    cls = type(record)
    writer = _WRITERS.get(cls)
    if writer is None:
        writer = _WRITERS[cls] = _compile(cls)
    return writer(record)


def value_data(value: Any) -> Any:
    """Any value as JSON-ready data: records as dicts, tuples as lists, times in ISO 8601."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if is_dataclass(value) and not isinstance(value, type):
        return to_data(value)
    if isinstance(value, tuple | list):
        return [value_data(v) for v in value]
    if isinstance(value, Mapping):
        return {k: value_data(v) for k, v in value.items()}
    if isinstance(value, datetime):
        # the store keeps UTC only; SQLite hands its times back without a zone
        moment = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return moment.isoformat(timespec="seconds")
    return value


class Serial:
    """What a record type inherits to be shown as JSON by :func:`to_data`."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return to_data(self)


__all__ = ["Serial", "shown", "to_data", "value_data"]
