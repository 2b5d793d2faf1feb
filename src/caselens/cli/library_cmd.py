"""``caselens library``: keep coded case reviews in a database and find them again."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from caselens import library as lib
from caselens.cli.common import codebook_option, console, console_err, print_error
from caselens.errors import CaselensError
from caselens.pipeline.settings import Settings
from caselens.store import DocumentDetail, DocumentSummary

EXIT_SKIPPED = 2  # the readable files were added, but some could not be read

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    return click.option(
        "--db",
        "db",
        metavar="URL|PATH",
        default=None,
        help="Library database: a SQLite file path or a postgresql+psycopg:// URL "
        "(default: $CASELENS_DATABASE_URL, else library.db in $CASELENS_HOME or the data folder).",
    )(func)


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(
        func
    )


def settings_options(func: F) -> F:
    func = click.option(
        "--min-confidence",
        type=click.FloatRange(0.0, 1.0),
        default=Settings().min_confidence,
        show_default=True,
        help="Drop findings the coder is less sure of than this.",
    )(func)
    func = click.option(
        "--no-semantic", is_flag=True, help="Code by patterns only, not also by meaning."
    )(func)
    return click.option(
        "--any-year", is_flag=True, help="Include reviews of any year (ignore the window)."
    )(func)


def handle_errors(func: F) -> F:
    """Print a caselens error as one line for a person and exit with its code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CaselensError as error:
            print_error(error)
            raise click.exceptions.Exit(error.exit_code) from error

    return wrapper  # type: ignore[return-value]


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@contextmanager
def progress_bar(label: str) -> Iterator[lib.Progress]:
    """A progress bar on stderr at a terminal; silent when piped or tested."""
    bar = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console_err,
        transient=True,
        disable=not console_err.is_terminal,
    )
    task = bar.add_task(label, total=None)

    def update(name: str, done: int, total: int) -> None:
        bar.update(task, completed=done, total=total, description=f"{label} {name}")

    with bar:
        yield update


def _scope(summary: DocumentSummary) -> str:
    if summary.included is None:
        return "not coded"
    if summary.included:
        return "in"
    return f"out ({summary.exclusion_reason})" if summary.exclusion_reason else "out"


def _table(summaries: list[DocumentSummary], *, snippets: list[str] | None = None) -> Table:
    table = Table(show_header=True, header_style="bold")
    for column in ("Id", "Name", "Year", "Scope", "Themes", "Findings"):
        table.add_column(column)
    if snippets is not None:
        table.add_column("Match")
    for index, s in enumerate(summaries):
        row: list[str | Text] = [
            s.id[:12],
            Text(s.name),
            str(s.published_year or "?"),
            _scope(s),
            " ".join(s.themes),
            str(s.finding_count),
        ]
        if snippets is not None:
            row.append(Text(snippets[index]))
        table.add_row(*row)
    return table


@click.group("library")
def library() -> None:
    """Keep coded case reviews in a library database: add, list, search, show, recode."""


@library.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@codebook_option
@settings_options
@db_option
@handle_errors
def add(
    paths: tuple[Path, ...],
    codebook_path: Path | None,
    any_year: bool,
    no_semantic: bool,
    min_confidence: float,
    db: str | None,
) -> None:
    """Read, screen, code and keep review files (or folders of them).

    A file already in the library (same content) is left as it is. Each review
    is saved whole or not at all, so an interrupted run can simply be repeated.
    Files that cannot be read are listed and the exit code is then 2.
    """
    from caselens.codebook import load_codebook

    codebook = load_codebook(codebook_path)
    settings = Settings(semantic=not no_semantic, min_confidence=min_confidence, any_year=any_year)
    with lib.open_library(db) as store, progress_bar("Adding") as progress:
        report = lib.add(store, list(paths), codebook, settings, progress=progress)
        location = store.location
    run = f" (run {report.run_id})" if report.run_id is not None else ""
    console.print(Text(f"Added {len(report.added)} review(s) to {location}{run}."), soft_wrap=True)
    if report.duplicates:
        console.print(
            Text(f"{len(report.duplicates)} already in the library, left unchanged:"),
            soft_wrap=True,
        )
        for path, doc_id in report.duplicates:
            console.print(Text(f"  {path} ({doc_id[:12]})"), soft_wrap=True)
    if report.skipped:
        console_err.print(
            Text(f"{len(report.skipped)} file(s) could not be read:", style="bold yellow")
        )
        for skipped in report.skipped:
            console_err.print(Text(f"  {skipped.path}: {skipped.reason}"), soft_wrap=True)
        raise click.exceptions.Exit(EXIT_SKIPPED)


@library.command("list")
@click.option(
    "--scope",
    type=click.Choice(lib.SCOPES),
    default="all",
    show_default=True,
    help="in: included by the latest screening; out: excluded.",
)
@click.option("--theme", default=None, help="Only reviews with a finding of this theme (e.g. E).")
@click.option("--year", type=int, default=None, help="Only reviews published in this year.")
@json_option
@db_option
@handle_errors
def list_(scope: str, theme: str | None, year: int | None, as_json: bool, db: str | None) -> None:
    """List the reviews in the library, as their latest coding run sees them."""
    with lib.open_library(db) as store:
        found = lib.list_documents(store, scope=scope, theme=theme, year=year)
    if as_json:
        echo_json([s.to_dict() for s in found])
    elif not found:
        console.print("No reviews match.")
    else:
        console.print(_table(found))


@library.command("search")
@click.argument("text")
@json_option
@db_option
@handle_errors
def search(text: str, as_json: bool, db: str | None) -> None:
    """Find reviews containing every word of TEXT (English stemming: sleep finds sleeping)."""
    with lib.open_library(db) as store:
        hits = lib.search(store, text)
    if as_json:
        echo_json([h.to_dict() for h in hits])
    elif not hits:
        console.print("No reviews match.")
    else:
        console.print(_table([h.summary for h in hits], snippets=[h.snippet for h in hits]))


def _print_detail(detail: DocumentDetail) -> None:
    s = detail.summary
    console.print(Text(s.title or s.name, style="bold"))
    console.print(Text(f"id {s.id}  file {s.name}  format {s.format}  added {s.added_at:%Y-%m-%d}"))
    if detail.run is not None:
        r = detail.run
        console.print(
            Text(
                f"latest run {r.id}: codebook {r.codebook_id} {r.codebook_version}, "
                f"caselens {r.software_version}, {len(detail.runs)} run(s) in all"
            )
        )
    console.print(Text(f"Scope: {_scope(s)}", style="bold"))
    for criterion in detail.screening.get("criteria", []):
        line = f"  {criterion['status']:>8}  {criterion['label']}: {criterion['reason']}"
        console.print(Text(line), soft_wrap=True)
    console.print(Text(f"Findings ({len(detail.findings)})", style="bold"))
    for f in detail.findings:
        page = f" p.{f.page}" if f.page is not None else ""
        console.print(Text(f"  [{f.id}] {f.indicator}{page}: “{f.quote}”"), soft_wrap=True)


@library.command("show")
@click.argument("document")
@json_option
@db_option
@handle_errors
def show(document: str, as_json: bool, db: str | None) -> None:
    """Show one review (id or its first characters): facts, screening, findings, runs."""
    with lib.open_library(db) as store:
        detail = lib.show(store, document)
    if as_json:
        echo_json(detail.to_dict())
    else:
        _print_detail(detail)


@library.command("remove")
@click.argument("document")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@db_option
@handle_errors
def remove(document: str, yes: bool, db: str | None) -> None:
    """Delete a review with its results, findings and review decisions."""
    with lib.open_library(db) as store:
        found = lib.find(store, document)
        question = f"Remove {found.name} ({found.id[:12]}) and all its results and decisions?"
        if not yes and not click.confirm(question, default=False):
            console.print("Nothing removed.")
            return
        lib.remove(store, found.id)
    console.print(Text(f"Removed {found.name} ({found.id[:12]})."))


@library.command("recode")
@codebook_option
@settings_options
@db_option
@handle_errors
def recode(
    codebook_path: Path | None,
    any_year: bool,
    no_semantic: bool,
    min_confidence: float,
    db: str | None,
) -> None:
    """Code again every review last coded with a different codebook; earlier runs are kept."""
    from caselens.codebook import load_codebook

    codebook = load_codebook(codebook_path)
    settings = Settings(semantic=not no_semantic, min_confidence=min_confidence, any_year=any_year)
    with lib.open_library(db) as store, progress_bar("Recoding") as progress:
        report = lib.recode(store, codebook, settings, progress=progress)
    if report.run_id is None:
        console.print(Text(f"All {report.current} review(s) are already coded with this codebook."))
    else:
        console.print(
            Text(f"Recoded {len(report.recoded)} review(s) in run {report.run_id}; ")
            + Text(f"{report.current} were already current.")
        )
