"""A live infant case: structured facts and free-text notes, every field optional.

A real case is half known, so ``None`` always means "not recorded" and is never
read as "no". An empty list means "recorded as none" (no siblings, no missed
appointments), which is different from a list that was never filled in.

The classes below are also the schema: :func:`build` checks a parsed YAML/JSON
mapping against their type hints, so a typo in a case file is reported with the
field path (``adults[1].sen``) instead of being silently ignored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import math
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from caselens.errors import CaseError
from caselens.model.serial import Serial

Growth = Literal["on_track", "faltering", "concern"]
ChildProtection = Literal[
    "none", "child_in_need", "current_plan", "past_plan", "in_care", "adopted"
]
Relationship = Literal[
    "mother",
    "father",
    "stepfather",
    "stepmother",
    "mothers_partner",
    "fathers_partner",
    "grandmother",
    "grandfather",
    "aunt",
    "uncle",
    "adult_sibling",
    "friend",
    "lodger",
    "foster_carer",
    "other",
]
Gender = Literal["female", "male", "other"]
RoleInCare = Literal[
    "main_carer", "shared_care", "overnight_care", "regular_care", "occasional", "none"
]
PreBirth = Literal["done", "late", "not_done"]
SleepPlace = Literal[
    "cot", "moses_basket", "crib", "parents_bed", "sofa", "armchair", "car_seat", "pram", "other"
]
Position = Literal["back", "front", "side"]
Room = Literal["parents_room", "own_room", "other"]


def _between(low: float, high: float, unit: str) -> Any:
    """A number's plausible range: outside it a value is a slip of the keyboard (-5 weeks,
    a weight in kilograms), and would be read as a fact about the baby (-5 weeks'
    gestation is premature), so the file is refused instead."""
    return field(default=None, metadata={"between": (low, high, unit)})


def _date() -> Any:
    """A date field: the record's history is ordered by dates, so each must be a real one."""
    return field(default=None, metadata={"date": True})


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: object) -> str:
    """``value`` as ``YYYY-MM-DD`` if it is a real date written so (a YAML date is one),
    else ValueError: ``20260521`` or ``21/05/2026`` could be read more than one way."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        return dt.date.fromisoformat(value.strip()).isoformat()  # 2026-02-30 is refused
    raise ValueError(f"{value!r} is not a date as YYYY-MM-DD")


@dataclass(frozen=True)
class Baby:
    age_weeks: float | None = _between(0, 156, "weeks (birth to three years)")
    gestation_weeks: float | None = _between(20, 45, "weeks of pregnancy")
    birth_weight_grams: float | None = _between(300, 7000, "grams")
    multiple_birth: bool | None = None
    conditions: list[str] | None = None  # disabilities or health conditions from birth
    growth: Growth | None = None
    injuries: list[str] | None = None  # marks, bruises or injuries seen, however minor


@dataclass(frozen=True)
class Sibling:
    age_months: float | None = _between(
        0, 216, "months; a brother or sister of 18 or more is listed under adults as adult_sibling"
    )
    lives_with_baby: bool | None = None
    child_protection: ChildProtection | None = None
    spoken_to: bool | None = None  # has anyone asked this child about life with the baby


@dataclass(frozen=True)
class Adult:
    """Someone in the household or caring for the baby; a role, never a name."""

    relationship: Relationship | None = None
    description: str | None = None
    gender: Gender | None = None
    age: float | None = _between(10, 110, "years")
    lives_with_baby: bool | None = None
    known_to_services: bool | None = None
    seen: bool | None = None
    assessed: bool | None = None
    role_in_care: RoleInCare | None = None
    reason_for_caring: str | None = None
    smokes: bool | None = None
    substance_use: bool | None = None


@dataclass(frozen=True)
class Parents:
    """Parental factors the learning names; ``details`` says what is known in words."""

    mental_health: bool | None = None
    substance_misuse: bool | None = None
    cannabis_use: bool | None = None
    domestic_abuse: bool | None = None
    learning_disability: bool | None = None
    childhood_adversity: bool | None = None
    care_experienced: bool | None = None
    details: str | None = None


@dataclass(frozen=True)
class Engagement:
    appointments_kept: int | None = _between(0, 1000, "appointments")
    appointments_missed: int | None = _between(0, 1000, "appointments")
    missed: list[str] | None = None  # which appointments were missed or not brought to
    services_declined: list[str] | None = None
    pre_birth_assessment: PreBirth | None = None
    agencies_involved: list[str] | None = None
    extra_support: list[str] | None = None  # offered because of the baby's own needs


@dataclass(frozen=True)
class Advice:
    date: str | None = _date()
    by: str | None = None
    tailored: bool | None = None  # fitted to this family's actual circumstances


@dataclass(frozen=True)
class RoutineChange:
    date: str | None = _date()
    what: str | None = None
    where_baby_slept: SleepPlace | None = None
    advice_repeated: bool | None = None


@dataclass(frozen=True)
class Sleep:
    where: SleepPlace | None = None
    position: Position | None = None
    room: Room | None = None
    shares_bed: bool | None = None
    sofa_or_armchair: bool | None = None
    items_in_cot: list[str] | None = None
    feet_to_foot: bool | None = None
    head_covered: bool | None = None
    too_warm: bool | None = None
    smoking_in_home: bool | None = None
    carer_alcohol_or_drugs: bool | None = None
    drowsy_medication: bool | None = None
    advice: list[Advice] | None = None
    routine_changes: list[RoutineChange] | None = None


@dataclass(frozen=True)
class Case(Serial):
    """One case as caselens sees it; ``notes`` is normalised text that evidence offsets index."""

    reference: str | None = None
    date: str | None = _date()
    baby: Baby = field(default_factory=Baby)
    siblings: list[Sibling] | None = None
    adults: list[Adult] | None = None
    parents: Parents = field(default_factory=Parents)
    engagement: Engagement = field(default_factory=Engagement)
    sleep: Sleep = field(default_factory=Sleep)
    notes: str | None = None


T = TypeVar("T")

# What a person calls each class in an error message.
_NOUNS: dict[type, str] = {
    Case: "a case",
    Baby: "the baby",
    Sibling: "a sibling",
    Adult: "an adult",
    Parents: "the parental factors",
    Engagement: "engagement",
    Advice: "a piece of advice",
    RoutineChange: "a change of routine",
    Sleep: "sleep",
}


def _unwrap_optional(hint: Any) -> Any:
    """``X | None`` -> ``X``; other hints unchanged."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def _hints(cls: type) -> dict[str, Any]:
    return {k: _unwrap_optional(v) for k, v in typing.get_type_hints(cls).items()}


def _convert(value: Any, hint: Any, where: str, file: str) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin is Literal:
        allowed = typing.get_args(hint)
        if value not in allowed:
            raise CaseError(
                file, f"{where}: {value!r} is not one of the allowed values: {', '.join(allowed)}"
            )
        return value
    if origin is list:
        if not isinstance(value, list):
            raise CaseError(file, f"{where}: expected a list, got {type(value).__name__}")
        (item,) = typing.get_args(hint)
        return [_convert(v, item, f"{where}[{i}]", file) for i, v in enumerate(value)]
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return build(hint, value, file, where)
    if hint is bool:
        if not isinstance(value, bool):
            raise CaseError(file, f"{where}: expected true or false, got {value!r}")
        return value
    if hint in (int, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise CaseError(file, f"{where}: expected a number, got {value!r}")
        if abs(value) > 1e15 or not math.isfinite(value):  # a field without a range
            raise CaseError(file, f"{where}: expected a finite number of sensible size")
        if hint is int and not float(value).is_integer():
            raise CaseError(file, f"{where}: expected a whole number, got {value!r}")
        return hint(value)
    if hint is str:
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise CaseError(file, f"{where}: expected text, got {type(value).__name__}")
        return str(value)
    raise TypeError(f"unsupported schema type {hint!r} at {where}")  # a bug in the schema


def build(cls: type[T], data: Any, file: str, where: str = "") -> T:
    """An instance of ``cls`` from a parsed mapping, or a CaseError naming the file and field."""
    noun = _NOUNS.get(cls, cls.__name__)
    label = where or "the file"
    if not isinstance(data, dict):
        raise CaseError(
            file, f"{label}: expected a mapping of fields for {noun}, got {type(data).__name__}"
        )
    hints = _hints(cls)
    checks = {f.name: f.metadata for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    values: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{where}.{key}" if where else str(key)
        if key not in hints:
            close = difflib.get_close_matches(str(key), list(hints), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise CaseError(
                file,
                f"{path}: not a field of {noun}{hint} (fields: {', '.join(hints)})",
            )
        values[key] = _field(value, hints[key], checks[key], path, file)
    return cls(**values)


def _field(value: Any, hint: Any, checks: Mapping[str, Any], where: str, file: str) -> Any:
    """One field's value, converted to its type and checked as the field says (a real
    date; a number in its plausible range), or a CaseError naming the field."""
    if value is not None and "date" in checks:
        try:
            return iso_date(value)
        except ValueError:
            shown = repr(value) if isinstance(value, str) else str(value)
            raise CaseError(
                file, f"{where}: {shown} is not a date as YYYY-MM-DD (e.g. 2026-05-21)"
            ) from None
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if number and "between" in checks:  # before converting: nan, inf and 10**400 fail here
        low, high, unit = checks["between"]
        if not low <= value <= high:
            large = isinstance(value, int) and abs(value) >= 1e15  # too large for :g
            shown = "a number that large" if large else f"{value:g}"
            raise CaseError(
                file, f"{where}: {shown} is not plausible; give a number from {low:g} to "
                f"{high:g} {unit}"
            )  # fmt: skip
    return _convert(value, hint, where, file)


def schema_path_type(path: str, root: type = Case) -> Any:
    """The type at a dotted field path (``sleep.advice``), or None when there is no such field.

    Used to check the practice rule files against the case schema when they load,
    so a rule naming a field that does not exist fails at once, not silently never.
    """
    hint: Any = root
    for part in path.split("."):
        if typing.get_origin(hint) is list:
            hint = typing.get_args(hint)[0]
        if not (dataclasses.is_dataclass(hint) and isinstance(hint, type)):
            return None
        hints = _hints(hint)
        if part not in hints:
            return None
        hint = hints[part]
    return hint


def list_item_type(hint: Any) -> type | None:
    """The element class of a ``list[SomeDataclass]`` hint, else None."""
    if typing.get_origin(hint) is list:
        item = typing.get_args(hint)[0]
        if dataclasses.is_dataclass(item) and isinstance(item, type):
            return item
    return None
