"""``caselens users``: people who may sign in to the web app, added from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("argon2")

from caselens.cli import cli


def test_a_person_is_added_with_a_role_and_listed_without_the_password(tmp_path: Path) -> None:
    db = str(tmp_path / "library.db")
    runner = CliRunner()
    added = runner.invoke(
        cli,
        ["users", "add", "alice", "--role", "reviewer", "--password-stdin", "--db", db],
        input="a long enough password\n",
    )
    assert added.exit_code == 0, added.output
    listed = runner.invoke(cli, ["users", "list", "--json", "--db", db])
    people = json.loads(listed.output)
    assert people == [{"id": 1, "name": "alice", "role": "reviewer", "active": True, "team": None}]
    assert "password" not in listed.output


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["alice", "--role", "reviewer"], "a long enough password\n", "already exists"),
        (["bob", "--role", "reviewer"], "short\n", "at least 12 characters"),
        (["carol", "--role", "boss"], "a long enough password\n", "Invalid value for '--role'"),
    ],
)
def test_a_taken_name_a_short_password_or_an_unknown_role_is_one_line(
    tmp_path: Path, args: list[str], stdin: str, message: str
) -> None:
    db = str(tmp_path / "library.db")
    runner = CliRunner()
    runner.invoke(
        cli,
        ["users", "add", "alice", "--role", "admin", "--password-stdin", "--db", db],
        input="a long enough password\n",
    )
    result = runner.invoke(
        cli, ["users", "add", *args, "--password-stdin", "--db", db], input=stdin
    )
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
