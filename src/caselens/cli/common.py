"""Options and helpers shared by the command modules.

Every command says the same things the same way: one ``--db``, one set of run
settings, one progress bar, one line per error. Keeping them here means a
command module never imports another command module.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar, cast

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.text import Text

from caselens.errors import CaselensError
from caselens.pipeline.settings import Settings
from caselens.services import Skipped


class LazyModule:
    """A module imported on first use, so ``caselens --help`` and commands that never
    touch the library do not pay for SQLAlchemy and Alembic."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self._name), attribute)


console = Console()
console_err = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])

# 0 done, 1 an error stopped the command, 2 a usage error (click's own), 3 done with
# what could be read, but some inputs were skipped or some formats not written.
EXIT_SKIPPED = 3

# (file or its name, files done, files in total): fits services' and library's callbacks.
ProgressUpdate = Callable[[str | Path, int, int], None]


def codebook_option(func: F) -> F:
    """``--codebook FILE`` on every command: a user's own codebook instead of the default."""
    return click.option(
        "--codebook",
        "codebook_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="Use this codebook (YAML) instead of the default infant codebook.",
    )(func)


def db_option_with(help_text: str) -> Callable[[F], F]:
    """``--db URL|PATH``, with help that says what the database is for in this command."""
    return click.option("--db", "db", metavar="URL|PATH", default=None, help=help_text)


db_option = db_option_with(
    "Library database: a SQLite file path or a postgresql+psycopg:// URL "
    "(default: $CASELENS_DATABASE_URL, else library.db in $CASELENS_HOME or the data folder)."
)


def json_option_with(help_text: str) -> Callable[[F], F]:
    """``--json`` (parameter ``as_json``), with help that says what is printed."""
    return click.option("--json", "as_json", is_flag=True, help=help_text)


json_option = json_option_with("Print JSON instead of a table.")


def out_folder_option(help_text: str) -> Callable[[F], F]:
    """``--out FOLDER``, required: where a command writes its files."""
    return click.option(
        "--out",
        "out",
        required=True,
        type=click.Path(path_type=Path, file_okay=False),
        help=help_text,
    )


def parse_format_option(
    _ctx: click.Context, _param: click.Parameter, value: str
) -> tuple[str, ...]:
    """``--format`` as format names; an unknown name is a usage error naming the choices."""
    from caselens.report.formats import FormatError, parse_formats

    try:
        return parse_formats(value)
    except FormatError as error:
        raise click.BadParameter(str(error)) from error


def format_option(func: F) -> F:
    """``--format`` on the commands that write a briefing (``analyse``, ``report``)."""
    from caselens.report.formats import DEFAULT_FORMATS, FORMATS

    return click.option(
        "--format",
        "formats",
        default=",".join(DEFAULT_FORMATS),
        show_default=True,
        callback=parse_format_option,
        help=f"Comma-separated outputs: {', '.join(FORMATS)}, or all.",
    )(func)


def model_options(func: F) -> F:
    """``--model/--no-model`` and ``--semantic/--no-semantic``: which coders join the patterns."""
    decorated = click.option(
        "--semantic/--no-semantic",
        default=Settings().semantic,
        show_default=True,
        help="Also code by similarity to the codebook's exemplar sentences.",
    )(func)
    return click.option(
        "--model/--no-model",
        default=Settings().model,
        show_default=True,
        help="Also code with the trained sentence model where it reads (summaries, "
        "briefings, case notes; not full reviews with their sections). --no-model: "
        "patterns only.",
    )(decorated)


def cover_options(func: F) -> F:
    """``--title`` and ``--organisation``: what the briefing's cover and title slide say."""
    func = click.option(
        "--organisation",
        default=None,
        help="The partnership or organisation publishing the briefing (cover, title slide).",
    )(func)
    return click.option(
        "--title", default=None, help="Title of the briefing (default: from the codebook)."
    )(func)


def jobs_option(func: F) -> F:
    """``--jobs N``: reviews read and coded in N worker processes (default: every core)."""
    return click.option(
        "--jobs",
        "jobs",
        type=click.IntRange(1, 256),
        default=None,
        help="Worker processes that read and code reviews side by side "
        "(default: one per core this process may use).",
    )(func)


def scheduler_option(func: F) -> F:
    """``--scheduler ADDRESS``: code on a Dask cluster instead of local processes."""
    return click.option(
        "--scheduler",
        "scheduler",
        metavar="ADDRESS",
        default=None,
        envvar="CASELENS_DASK_SCHEDULER",
        help="Read and code the reviews on the Dask cluster whose scheduler is at ADDRESS "
        "(tcp://host:8786; needs caselens[dask]); default: local worker processes "
        "[env: CASELENS_DASK_SCHEDULER].",
    )(func)


def scheduler_address(given: str | None) -> str | None:
    """The scheduler from --scheduler (or its environment variable), or None when blank."""
    return given.strip() or None if given is not None else None


def jobs_or_cores(jobs: int | None) -> int:
    from caselens.workers import default_jobs

    return jobs if jobs is not None else default_jobs()


def settings_options(func: F) -> F:
    """``--any-year``, ``--[no-]model``, ``--[no-]semantic``, ``--min-confidence`` as ``settings``.

    One decorator so every coding command offers the same choices with the same
    defaults, and builds the same :class:`Settings` from them.
    """

    @wraps(func)
    def wrapper(
        *args: Any,
        any_year: bool,
        semantic: bool,
        model: bool,
        min_confidence: float,
        **kwargs: Any,
    ) -> Any:
        settings = Settings(
            semantic=semantic, model=model, min_confidence=min_confidence, any_year=any_year
        )
        return func(*args, settings=settings, **kwargs)

    decorated: Callable[..., Any] = click.option(
        "--min-confidence",
        type=click.FloatRange(0.0, 1.0),
        default=Settings().min_confidence,
        show_default=True,
        help="Drop findings the coder is less sure of than this.",
    )(wrapper)
    decorated = model_options(decorated)
    decorated = click.option(
        "--any-year",
        is_flag=True,
        help="Include reviews of any year (ignore the publication window).",
    )(decorated)
    return cast(F, decorated)


def print_error(error: BaseException | str) -> None:
    """One line on stderr, never wrapped, never read as markup (paths and regexes stay intact)."""
    console_err.print(
        Text.assemble(("error: ", "bold red"), str(error)), highlight=False, soft_wrap=True
    )


def handle_errors(func: F) -> F:
    """Print a caselens error as one line for a person and exit with its code.

    Raising click's Exit (not ``sys.exit``) works both under click's test runner
    and under ``caselens.cli.main``, which exits with the code click returns.
    """

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CaselensError as error:
            print_error(error)
            raise click.exceptions.Exit(error.exit_code) from error

    return cast(F, wrapper)


def library_query_options(func: F) -> F:
    """``--json`` and ``--db`` with error handling: what every command reading the library takes."""
    return json_option(db_option(handle_errors(func)))


def echo_json(data: Any, *, indent: int | None = 2) -> None:
    """JSON on stdout through click, not rich: it must never be wrapped or highlighted."""
    click.echo(json.dumps(data, indent=indent, ensure_ascii=False, default=str))


def nothing_readable(skipped: Sequence[Skipped]) -> CaselensError:
    """The error of a command that could read none of the files it was given (exit 1).

    ``analyse`` and ``library add`` say it alike: exit 3 means some files were read and
    others not, so a run that read nothing at all is a failure, not a partial success.
    """
    reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped)
    return CaselensError(
        "no readable review files were found"
        + (f" ({reasons})" if reasons else "")
        + ". Give PDF, DOCX, HTML, text or Markdown files, or folders holding them."
    )


def exit_if_skipped(skipped: Sequence[Skipped]) -> None:
    """List the files that could not be read on stderr and exit 3; nothing if there are none."""
    if not skipped:
        return
    console_err.print(Text(f"{len(skipped)} file(s) could not be read:", style="bold yellow"))
    for item in skipped:
        console_err.print(Text(f"  {item.path}: {item.reason}"), soft_wrap=True)
    raise click.exceptions.Exit(EXIT_SKIPPED)


def render_and_report(write: Callable[[], Sequence[Path]]) -> None:
    """Write the outputs; list what was written, and if a format could not be written,
    say which and why (one line each) and exit 3, after the others are safely written."""
    from caselens.report.formats import FormatsNotWrittenError

    try:
        written = write()
    except FormatsNotWrittenError as error:
        print_written(error.written)
        for name, why in error.problems.items():
            console_err.print(Text(f"Not written: {name}: {why}", style="yellow"), soft_wrap=True)
        raise click.exceptions.Exit(EXIT_SKIPPED) from None
    print_written(written)


def warn_unavailable(formats: Sequence[str]) -> None:
    """Before long work: the formats that will not be written here, and why."""
    from caselens.report.formats import check_available

    for name, why in check_available(formats).items():  # none writable: stops here
        console_err.print(Text(f"Will not write {name}: {why}", style="yellow"), soft_wrap=True)


def print_written(paths: Sequence[Path]) -> None:
    """One line per file written, never wrapped, so a path can be copied whole."""
    for path in paths:
        console.print(Text(f"Wrote {path}"), soft_wrap=True)


@contextmanager
def progress_bar(verb: str, title: str | None = None) -> Iterator[ProgressUpdate]:
    """A progress bar on stderr at a terminal; silent when piped or tested.

    It reads ``title`` (default ``verb``) until the first file is done, then
    ``verb`` and the name of the file just done.
    """
    bar = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console_err,
        transient=True,
        disable=not console_err.is_terminal,
    )
    task = bar.add_task(title or verb, total=None)

    def update(name: str | Path, done: int, total: int) -> None:
        shown = name.name if isinstance(name, Path) else name
        bar.update(task, completed=done, total=total, description=f"{verb} {shown}")

    with bar:
        yield update
