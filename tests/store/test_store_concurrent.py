"""Two processes at one library: both first uses migrate it, both writers finish."""

from __future__ import annotations

import multiprocessing
from typing import Any

from caselens.store import Store


def _open(db: str, ready: Any) -> None:
    ready.wait()  # start together: both find the database empty
    with Store(db):
        pass


def test_two_first_uses_of_a_new_library_both_succeed(db_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(3)
    workers = [context.Process(target=_open, args=(db_url, ready)) for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    with Store(db_url) as store:  # and the library is whole and current
        assert store.integrity_ok()
