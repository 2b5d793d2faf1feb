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
import types
import typing
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


@dataclass(frozen=True)
class Baby:
    age_weeks: float | None = None
    gestation_weeks: float | None = None
    birth_weight_grams: float | None = None
    multiple_birth: bool | None = None
    conditions: list[str] | None = None  # disabilities or health conditions from birth
    growth: Growth | None = None
    injuries: list[str] | None = None  # marks, bruises or injuries seen, however minor


@dataclass(frozen=True)
class Sibling:
    age_months: float | None = None
    lives_with_baby: bool | None = None
    child_protection: ChildProtection | None = None
    spoken_to: bool | None = None  # has anyone asked this child about life with the baby


@dataclass(frozen=True)
class Adult:
    """Someone in the household or caring for the baby; a role, never a name."""

    relationship: Relationship | None = None
    description: str | None = None
    gender: Gender | None = None
    age: float | None = None
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
    appointments_kept: int | None = None
    appointments_missed: int | None = None
    missed: list[str] | None = None  # which appointments were missed or not brought to
    services_declined: list[str] | None = None
    pre_birth_assessment: PreBirth | None = None
    agencies_involved: list[str] | None = None
    extra_support: list[str] | None = None  # offered because of the baby's own needs


@dataclass(frozen=True)
class Advice:
    date: str | None = None
    by: str | None = None
    tailored: bool | None = None  # fitted to this family's actual circumstances


@dataclass(frozen=True)
class RoutineChange:
    date: str | None = None
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
    date: str | None = None
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
        values[key] = _convert(value, hints[key], path, file)
    return cls(**values)


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
