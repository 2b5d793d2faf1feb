"""Records become JSON through one function, declared on the record's type."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from caselens.model import Evidence, Finding
from caselens.model.serial import Serial, shown, to_data


@dataclass(frozen=True, slots=True)
class Inner(Serial):
    a: int
    b: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outer(Serial):
    name: str = field(metadata=shown(key="title"))
    secret: str = field(metadata=shown(hidden=True))
    score: float = field(metadata=shown(digits=2))
    inner: Inner = field(metadata=shown(flat=True))
    items: tuple[Inner, ...] = ()
    when: datetime | None = None
    extra: dict[str, tuple[int, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Ordered(Serial):
    first: str
    second: float

    __shown__ = ("second", "both", ("half", "half", 1), "first")

    @property
    def both(self) -> list[str]:
        return [self.first, self.first]

    @property
    def half(self) -> float:
        return self.second / 2


def test_metadata_renames_rounds_hides_and_flattens() -> None:
    record = Outer(
        name="x",
        secret="hash",
        score=0.12345,
        inner=Inner(1, ("p", "q")),
        items=(Inner(2),),
        when=datetime(2026, 1, 2, 3, 4, 5, 678),
        extra={"k": (1, 2)},
    )
    data = record.to_dict()
    assert data == {
        "title": "x",
        "score": 0.12,
        "a": 1,
        "b": ["p", "q"],
        "items": [{"a": 2, "b": []}],
        "when": "2026-01-02T03:04:05+00:00",  # a time without a zone is the store's UTC
        "extra": {"k": [1, 2]},
    }
    assert "hash" not in json.dumps(data)


def test_a_type_orders_its_keys_and_shows_computed_values() -> None:
    data = to_data(Ordered("f", 0.333))
    assert list(data) == ["second", "both", "half", "first"]
    assert data == {"second": 0.333, "both": ["f", "f"], "half": 0.2, "first": "f"}


def test_a_zoned_time_keeps_its_zone_and_none_stays_none() -> None:
    zone = timezone(timedelta(hours=1))
    assert (
        Outer("x", "s", 1.0, Inner(0), when=datetime(2026, 1, 2, tzinfo=zone)).to_dict()["when"]
        == "2026-01-02T00:00:00+01:00"
    )
    assert Outer("x", "s", 1.0, Inner(0)).to_dict()["when"] is None


def test_a_finding_is_shown_flat_with_its_evidence_in_place() -> None:
    finding = Finding("doc", "A.x", "A", Evidence("quote", 3, 8, 2), 0.987654, "rules")
    data = finding.to_dict()
    assert list(data)[:9] == [
        "document",
        "indicator",
        "theme",
        "quote",
        "start",
        "end",
        "page",
        "confidence",
        "method",
    ]
    assert (data["quote"], data["start"], data["end"], data["page"]) == ("quote", 3, 8, 2)
    assert data["confidence"] == 0.9877 and data["section"] is None
