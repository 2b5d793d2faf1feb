"""A library that cannot be opened is one line for a person: what, where, and no secrets."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from caselens.cli.library_cmd import library
from caselens.errors import StoreError
from caselens.store import Store
from caselens.store.engine import one_line

PASSWORD = "s3cret-Pw"


def test_a_damaged_library_file_is_named_not_a_traceback(tmp_path: Path) -> None:
    damaged = tmp_path / "library.db"
    damaged.write_bytes(b"this was never a database " * 20)
    with pytest.raises(StoreError, match=r"library\.db: file is not a database"):
        Store(str(damaged))
    result = CliRunner().invoke(library, ["list", "--db", str(damaged)])
    assert result.exit_code == 1 and result.exception is not None
    assert isinstance(result.exception, SystemExit)  # handled, not a crash
    assert "not a database" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://ana:{PASSWORD}@127.0.0.1:notaport/cases",  # a port that is no number
        f"mysql://ana:{PASSWORD}@db.example/cases",  # a database we do not run on
        f"postgresql://ana:{PASSWORD}@127.0.0.1:1/cases",  # nothing listens there
    ],
)
def test_a_url_that_cannot_be_used_never_shows_its_password(url: str) -> None:
    with pytest.raises(StoreError) as raised:
        Store(url)
    message = str(raised.value)
    assert PASSWORD not in message and "ana:***@" in message
    assert "\n" not in message
    result = CliRunner().invoke(library, ["list", "--db", url])
    assert result.exit_code == 1 and PASSWORD not in result.output
    assert result.output.startswith("error: ") and result.output.count("\n") == 1


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://ana@127.0.0.1:1/cases?password={PASSWORD}",
        f"postgresql://ana@127.0.0.1:notaport/cases?sslmode=disable&password={PASSWORD}",
    ],
)
def test_a_password_in_the_query_is_never_shown(url: str) -> None:
    result = CliRunner().invoke(library, ["list", "--db", url])
    assert result.exit_code == 1 and PASSWORD not in result.output
    assert "password=***" in result.output or "cases" in result.output


def test_driver_messages_become_one_line_with_the_password_masked() -> None:
    said = f'connection failed:\n\tpassword "{PASSWORD}" refused\n  try again'
    assert one_line(said, PASSWORD) == 'connection failed: password "***" refused try again'
    assert one_line("fine", None) == "fine"
