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
        # one person, one name: "Alice" beside "alice" would split her decisions
        (["Alice", "--role", "reviewer"], "a long enough password\n", "already exists"),
        (["dave", "--role", "reviewer"], " " * 14 + "\n", "only spaces"),
        (["erin", "--role", "practitioner"], "a long enough password\n", "needs a team"),
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


def test_a_practitioner_is_moved_to_a_team_and_only_team_roles_have_one(tmp_path: Path) -> None:
    db = str(tmp_path / "library.db")
    runner = CliRunner()
    for name, role, team in (("pat", "practitioner", "north"), ("ann", "analyst", None)):
        extra = ["--team", team] if team else []
        added = runner.invoke(
            cli,
            ["users", "add", name, "--role", role, *extra, "--password-stdin", "--db", db],
            input="a long enough password\n",
        )
        assert added.exit_code == 0, added.output
    moved = runner.invoke(cli, ["users", "team", "pat", "south", "--db", db])
    assert moved.exit_code == 0 and "in team south" in moved.output
    refused = runner.invoke(cli, ["users", "team", "ann", "south", "--db", db])
    assert refused.exit_code != 0 and "only a practitioner or a supervisor" in refused.output
    unknown = runner.invoke(cli, ["users", "team", "nobody", "south", "--db", db])
    assert unknown.exit_code != 0 and "no user is named" in unknown.output
    people = json.loads(runner.invoke(cli, ["users", "list", "--json", "--db", db]).output)
    assert {p["name"]: p["team"] for p in people} == {"ann": None, "pat": "south"}
