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


def _each_option() -> list[tuple[str, click.Option]]:
    """(command name, option) for every visible option of every command."""
    found = []
    for name in COMMANDS:
        command: click.Command = cli
        for word in name.split()[1:]:
            assert isinstance(command, click.Group)
            command = command.commands[word]
        found += [(name, p) for p in command.params if isinstance(p, click.Option) and not p.hidden]
    return found


def _options() -> list[tuple[str, tuple[str, ...]]]:
    found = []
    for name, param in _each_option():
        longs = tuple(o for o in (*param.opts, *param.secondary_opts) if o[:2] == "--")
        if longs and longs != ("--help",):
            found.append((name, longs))
    return found


@pytest.mark.parametrize(("command", "options"), _options())
def test_option_is_documented(command: str, options: tuple[str, ...]) -> None:
    """Every option --help lists is written about somewhere, so docs cannot lag the CLI."""
    docs = _docs()
    assert any(re.search(re.escape(o) + r"(?![\w-])", docs) for o in options), (
        f"{command} {'/'.join(options)} is in --help but not in README.md or docs/*.md"
    )


def test_defaults_written_in_the_docs_are_the_code_s() -> None:
    """ "`--min-confidence` (default 0.35)" in the docs must be what --help says."""
    docs = _docs()
    checked = 0
    for name, param in _each_option():
        if isinstance(param.default, bool) or not isinstance(param.default, int | float):
            continue
        for option in param.opts:
            said = rf"{re.escape(option)}`?\s*\((?:default:?\s*)([\d.]+)\)"
            for found in re.finditer(said, docs):
                checked += 1
                assert float(found.group(1)) == float(param.default), (
                    f"the docs give {option} of {name} a default of {found.group(1)}; "
                    f"the code's is {param.default}"
                )
    assert checked, "no default is written in the docs: the check looks at nothing"
