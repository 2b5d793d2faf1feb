"""Opening a library that must exist: a path that holds none is refused, and left as it was.

Commands that only read open the library this way, so a mistyped ``--db`` is an error
rather than a new, empty library that answers "No reviews match.".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from caselens.errors import StoreError
from caselens.store import Store


def _entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_missing_file_is_refused_and_no_folder_or_file_is_made(tmp_path: Path) -> None:
    missing = tmp_path / "not" / "here" / "library.db"
    with pytest.raises(StoreError, match=r"library\.db: no library here \(no such file\)"):
        Store(str(missing), must_exist=True)
    assert _entries(tmp_path) == []


def test_a_name_that_looks_like_a_mistyped_url_makes_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match="no library here"):
        Store("::", must_exist=True)
    assert _entries(tmp_path) == []


def test_an_empty_file_is_refused_and_stays_empty(tmp_path: Path) -> None:
    empty = tmp_path / "zero.pdf"
    empty.write_bytes(b"")
    with pytest.raises(StoreError, match=r"zero\.pdf: not a caselens library"):
        Store(str(empty), must_exist=True)
    assert empty.read_bytes() == b"" and _entries(tmp_path) == ["zero.pdf"]


def test_another_programs_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    connection.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="a SQLite database, but not a caselens library"):
        Store(str(other), must_exist=True)
    assert other.read_bytes() == before and _entries(tmp_path) == ["other.db"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a library file"):
        Store(str(tmp_path), must_exist=True)


def test_every_refusal_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as raised:
        Store(str(tmp_path / "missing.db"), must_exist=True)
    assert "\n" not in str(raised.value) and "--db" in str(raised.value)


def test_a_library_that_exists_opens(tmp_path: Path) -> None:
    path = str(tmp_path / "library.db")
    Store(path).close()  # made by a command that adds
    with Store(path, must_exist=True) as store:
        assert store.integrity_ok()


@pytest.mark.postgres
def test_a_postgresql_url_is_opened_as_before(postgres_database: str) -> None:
    from caselens.store.admin import empty_database

    empty_database(postgres_database)
    with Store(postgres_database, must_exist=True) as store:
        assert store.dialect == "postgresql"
