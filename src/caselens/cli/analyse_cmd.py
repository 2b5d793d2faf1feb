"""``caselens analyse``: review files in, a briefing and its data out."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from caselens.cli.common import codebook_option, console, console_err, print_error
from caselens.errors import CaselensError
from caselens.model import Codebook
from caselens.pipeline.settings import Settings
from caselens.services import Analysis
from caselens.services import Progress as ProgressCallback

F = TypeVar("F", bound=Callable[..., Any])

EXIT_SKIPPED = 2  # the briefing was written, but some files could not be read


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
    from caselens.report.formats import DEFAULT_FORMATS, FORMATS

    return click.option(
        "--format",
        "formats",
        default=",".join(DEFAULT_FORMATS),
        show_default=True,
        callback=parse_format_option,
        help=f"Comma-separated outputs: {', '.join(FORMATS)}, or all.",
    )(func)


@contextmanager
def _progress_bar() -> Iterator[ProgressCallback]:
    """A progress bar on stderr for people at a terminal; silent when piped or tested."""
    bar = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console_err,
        transient=True,
        disable=not console_err.is_terminal,
    )
    task = bar.add_task("Reading reviews", total=None)

    def update(path: Path, done: int, total: int) -> None:
        bar.update(task, completed=done, total=total, description=f"Reading {path.name}")

    with bar:
        yield update


def _write_outputs(
    out: Path, analysis: Analysis, codebook: Codebook, formats: tuple[str, ...]
) -> list[Path]:
    from caselens.report.formats import render

    return render(out, formats, analysis, codebook)


def _summary_table(analysis: Analysis, codebook: Codebook) -> Table:
    included = analysis.included
    table = Table(title="caselens analyse", show_header=True, header_style="bold")
    table.add_column("")
    table.add_column("Count", justify="right")
    table.add_row("Reviews read", str(len(analysis.results)))
    table.add_row("Files skipped", str(len(analysis.skipped)))
    if analysis.duplicates:
        table.add_row("Duplicate files", str(len(analysis.duplicates)))
    table.add_row("Reviews included", str(len(included)))
    for theme in codebook.themes:
        reviews = sum(1 for r in included if any(f.theme == theme.id for f in r.findings))
        findings = sum(1 for r in included for f in r.findings if f.theme == theme.id)
        table.add_row(Text(f"{theme.id}. {theme.label}"), f"{reviews} reviews, {findings} findings")
    return table


@click.command("analyse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=False))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the briefing and its data files (created if missing).",
)
@format_option
@codebook_option
@click.option(
    "--any-year", is_flag=True, help="Count reviews of any year (ignore the publication window)."
)
@click.option(
    "--no-semantic", is_flag=True, help="Code by patterns only, not also by similarity of meaning."
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=Settings().min_confidence,
    show_default=True,
    help="Drop findings the coder is less sure of than this.",
)
def analyse(
    paths: tuple[Path, ...],
    out: Path,
    formats: tuple[str, ...],
    codebook_path: Path | None,
    any_year: bool,
    no_semantic: bool,
    min_confidence: float,
) -> None:
    """Screen and code case reviews (files or folders) and write a briefing.

    Files that cannot be read are listed at the end and the others are still
    analysed; the exit code is then 2.
    """
    from caselens.codebook import load_codebook
    from caselens.report.formats import check_available
    from caselens.services import analyse as run_analysis

    try:
        check_available(formats)  # a missing extra is reported before minutes of reading
        codebook = load_codebook(codebook_path)
        settings = Settings(
            semantic=not no_semantic, min_confidence=min_confidence, any_year=any_year
        )
        with _progress_bar() as progress:
            analysis = run_analysis(list(paths), codebook, settings, progress=progress)
        if not analysis.results:
            reasons = "; ".join(f"{s.path}: {s.reason}" for s in analysis.skipped)
            raise click.ClickException(
                "no readable review files were found"
                + (f" ({reasons})" if reasons else "")
                + ". Give PDF, DOCX, HTML, text or Markdown files, or folders holding them."
            )
        written = _write_outputs(out, analysis, codebook, formats)
    except CaselensError as error:
        print_error(error)
        sys.exit(error.exit_code)

    console.print(_summary_table(analysis, codebook))
    for path in written:
        console.print(Text(f"Wrote {path}"), soft_wrap=True)
    if analysis.skipped:
        console_err.print(
            Text(f"{len(analysis.skipped)} file(s) could not be read:", style="bold yellow")
        )
        for skipped in analysis.skipped:
            console_err.print(Text(f"  {skipped.path}: {skipped.reason}"), soft_wrap=True)
        # sys.exit, not ctx.exit: under standalone_mode=False click returns
        # ctx.exit's code instead of exiting with it.
        sys.exit(EXIT_SKIPPED)
