"""Options and helpers shared by the command modules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.text import Text

console = Console()
console_err = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])


def codebook_option(func: F) -> F:
    """``--codebook FILE`` on every command: a user's own codebook instead of the default."""
    return click.option(
        "--codebook",
        "codebook_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="Use this codebook (YAML) instead of the default infant codebook.",
    )(func)


def print_error(error: BaseException | str) -> None:
    """One line on stderr, never wrapped, never read as markup (paths and regexes stay intact)."""
    console_err.print(
        Text.assemble(("error: ", "bold red"), str(error)), highlight=False, soft_wrap=True
    )
