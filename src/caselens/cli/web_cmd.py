"""``caselens serve`` and ``caselens users``: the web app and the people who sign in to it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from caselens.cli.common import console, console_err, db_option, echo_json, handle_errors
from caselens.errors import CaselensError
from caselens.model.roles import USER_ROLES


def _need_web() -> None:
    try:
        import argon2  # noqa: F401
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as error:
        raise CaselensError(
            f"the web app needs the web extra ({error.name} is missing): "
            "pip install 'caselens[web]'"
        ) from error


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@db_option
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A TOML config file (default: $CASELENS_WEB_CONFIG); see docs/web.md.",
)
@handle_errors
def serve(host: str, port: int, db: str | None, config_file: Path | None) -> None:
    """Serve the web app: the review library, decisions and the briefing in a browser."""
    _need_web()
    import uvicorn

    from caselens.web.app import create_app
    from caselens.web.config import load_config

    config = load_config(db, config_file)
    app = create_app(config)
    console_err.print(f"caselens web app on http://{host}:{port} (Ctrl-C stops it)")
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=True)


@click.group()
def users() -> None:
    """People who may sign in to the web app, and their roles."""


@users.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(USER_ROLES))
@click.option(
    "--team",
    default=None,
    help="The team of a practitioner or supervisor: a supervisor sees the team's cases.",
)
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from standard input (else it is asked for twice, hidden).",
)
@db_option
@handle_errors
def users_add(name: str, role: str, team: str | None, password_stdin: bool, db: str | None) -> None:
    """Add a person who may sign in, with their role."""
    _need_web()
    from caselens.accounts import add_user
    from caselens.library import open_library

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with open_library(db) as store:
        user = add_user(store, name, role, password, team)
    console.print(f"Added {user.name} ({user.role}).")


@users.command("team")
@click.argument("name")
@click.argument("team")
@db_option
@handle_errors
def users_team(name: str, team: str, db: str | None) -> None:
    """Move a practitioner or supervisor to TEAM (a supervisor sees the team's cases)."""
    _need_web()
    from caselens.accounts import set_team, user_named
    from caselens.library import open_library

    with open_library(db) as store:
        user = set_team(store, user_named(store, name).id, team)
    console.print(f"{user.name} ({user.role}) is in team {user.team}.")


@users.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the people as JSON.")
@db_option
@handle_errors
def users_list(as_json: bool, db: str | None) -> None:
    """The people who may sign in, with their roles (never their passwords)."""
    from caselens.accounts import list_users
    from caselens.library import open_library

    with open_library(db, must_exist=True) as store:
        people = list_users(store)
    if as_json:
        echo_json([p.to_dict() for p in people])
        return
    for p in people:
        team = f"\tteam {p.team}" if p.team else ""
        console.print(f"{p.name}\t{p.role}\t{'active' if p.active else 'inactive'}{team}")
