"""Findings and texts of a large run kept on disk, so memory does not grow with the corpus.

A run over the national repository yields hundreds of thousands of findings and
tens of millions of characters of text. Held in memory, they are most of what the
process uses, and they grow with every review; the briefing and the data files need
them only one review at a time. A :class:`Spool` is one anonymous temporary file
(private to this process, removed by the system when closed or when the process
ends, so no review text is left behind); :class:`SpooledFindings` and
:class:`SpooledTexts` stand in for a review's findings tuple and the texts mapping,
reading a review's part back when it is asked for.

What is read back was written by this process into a file no other process can
open, so it is unpickled without the caution untrusted bytes would need.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar, overload

from caselens.model import Evidence, Finding

T = TypeVar("T")


class Spool:
    """An append-only temporary file of byte strings, each read back by its place."""

    def __init__(self, directory: str | None = None) -> None:
        self._file = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115 - lives with the run
        self._end = 0
        self._lock = threading.Lock()

    def put(self, data: bytes) -> tuple[int, int]:
        """Append ``data``; its offset and length."""
        with self._lock:
            offset = self._end
            os.pwrite(self._file.fileno(), data, offset)
            self._end += len(data)
        return offset, len(data)

    def get(self, offset: int, length: int) -> bytes:
        return os.pread(self._file.fileno(), length, offset)

    @property
    def size(self) -> int:
        """Bytes written so far."""
        return self._end

    def close(self) -> None:
        self._file.close()


# A finding is kept as a plain tuple of its fields: unpickling frozen dataclasses goes
# through a generic __setstate__ that looks up their fields for every object, and made
# reading a corpus's findings back take four times as long.
_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))
_EVIDENCE = _FIELDS.index("evidence")


def _row(finding: Finding) -> tuple[Any, ...]:
    row = [getattr(finding, name) for name in _FIELDS]
    evidence = finding.evidence
    row[_EVIDENCE] = (evidence.quote, evidence.start, evidence.end, evidence.page)
    return tuple(row)


def _finding(row: tuple[Any, ...]) -> Finding:
    fields = list(row)
    fields[_EVIDENCE] = Evidence(*fields[_EVIDENCE])
    return Finding(*fields)


class SpooledFindings(Sequence[Finding]):
    """One review's findings, on disk until iterated: a tuple in every way a reader uses.

    Each access reads and unpickles them again, and nothing is cached, so a briefing
    that walks a corpus review by review holds one review's findings at a time."""

    __slots__ = ("_count", "_length", "_offset", "_spool")

    def __init__(self, spool: Spool, findings: Sequence[Finding]) -> None:
        self._spool = spool
        rows = [_row(f) for f in findings]
        data = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
        self._offset, self._length = spool.put(data)
        self._count = len(findings)

    def _load(self) -> tuple[Finding, ...]:
        rows = pickle.loads(self._spool.get(self._offset, self._length))
        return tuple(_finding(row) for row in rows)

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Finding: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Finding, ...]: ...

    def __getitem__(self, index: int | slice) -> Finding | tuple[Finding, ...]:
        return self._load()[index]

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._load())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpooledFindings | tuple | list):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._load())

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (self._load(),))  # sent elsewhere as the plain tuple

    def __repr__(self) -> str:
        return f"SpooledFindings({self._count} findings)"


class SpooledTexts(Mapping[str, str]):
    """Review id to the text that was coded: texts given at the start stay in memory,
    each one added later is on disk until asked for."""

    def __init__(self, spool: Spool, held: Mapping[str, str] | None = None) -> None:
        self._spool = spool
        self._held = dict(held or {})
        self._places: dict[str, tuple[int, int]] = {}

    @property
    def spool(self) -> Spool:
        """The run's spool, where what is made from these texts can be kept too."""
        return self._spool

    def __setitem__(self, key: str, text: str) -> None:
        self._places[key] = self._spool.put(text.encode("utf-8"))

    def __getitem__(self, key: str) -> str:
        held = self._held.get(key)
        if held is not None:
            return held
        offset, length = self._places[key]
        return self._spool.get(offset, length).decode("utf-8")

    def __contains__(self, key: object) -> bool:
        return key in self._held or key in self._places

    def __iter__(self) -> Iterator[str]:
        yield from self._held
        yield from self._places

    def __len__(self) -> int:
        return len(self._held) + len(self._places)

    def __repr__(self) -> str:
        return f"SpooledTexts({len(self._held)} in memory, {len(self._places)} on disk)"


class SpooledValue(Generic[T]):
    """One object on disk, read back (a new copy each time) when asked for."""

    __slots__ = ("_length", "_offset", "_spool")

    def __init__(self, spool: Spool, value: T) -> None:
        self._spool = spool
        self._offset, self._length = spool.put(
            pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        )

    def get(self) -> T:
        return pickle.loads(self._spool.get(self._offset, self._length))  # type: ignore[no-any-return]


class SpooledItems(Sequence[T]):
    """A sequence made one item at a time and kept on disk, each item read back when it
    is reached: a briefing's appendix of thousands of reviews, walked once per format."""

    def __init__(self, spool: Spool, items: Iterable[T] = ()) -> None:
        self._spool = spool
        self._items: list[SpooledValue[T]] = []
        for item in items:
            self.append(item)

    def append(self, item: T) -> None:
        self._items.append(SpooledValue(self._spool, item))

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice):
            return tuple(item.get() for item in self._items[index])
        return self._items[index].get()

    def __iter__(self) -> Iterator[T]:
        return (item.get() for item in self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpooledItems | tuple | list):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))  # sent elsewhere as the plain tuple

    def __repr__(self) -> str:
        return f"SpooledItems({len(self._items)} on disk)"
