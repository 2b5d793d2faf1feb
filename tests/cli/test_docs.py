"""Every command a user can type is documented (the datasette habit).

Adding a command or subcommand without a word about it in README.md or
docs/*.md fails here, naming the command.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from caselens.cli import cli

ROOT = Path(__file__).resolve().parents[2]


def _commands(group: click.Group, prefix: str) -> list[str]:
    found = []
    for name, command in sorted(group.commands.items()):
        if command.hidden:
            continue
        found.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            found += _commands(command, f"{prefix} {name}")
    return found


def _docs() -> str:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


COMMANDS = _commands(cli, "caselens")


def test_the_commands_are_found() -> None:
    assert {"caselens analyse", "caselens report", "caselens case check"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_documented(command: str) -> None:
    # "caselens case check", allowing line breaks and backticks between the words
    words = [re.escape(w) for w in command.split()]
    pattern = re.compile(r"[\s`]+".join(words) + r"(?![\w-])")
    assert pattern.search(_docs()), f"{command!r} is not in README.md or docs/*.md"
