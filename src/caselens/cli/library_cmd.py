"""``caselens library``: keep coded case reviews in a database and find them again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.table import Table
from rich.text import Text

from caselens.cli.common import (
    LazyModule,
    codebook_option,
    console,
    db_option,
    echo_json,
    exit_if_skipped,
    handle_errors,
    jobs_option,
    jobs_or_cores,
    library_query_options,
    nothing_readable,
    progress_bar,
    scheduler_address,
    scheduler_option,
    settings_options,
)
from caselens.pipeline.settings import Settings

if TYPE_CHECKING:
    from caselens import library as lib
    from caselens.store import DocumentDetail, DocumentSummary
else:
    lib = LazyModule("caselens.library")


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


def _print_found(found: Sequence[Any], as_json: bool, table: Callable[[], Table]) -> None:
    """What ``list`` and ``search`` print: their JSON, a table, or that nothing matched."""
    if as_json:
        echo_json([item.to_dict() for item in found])
    elif not found:
        console.print("No reviews match.")
    else:
        console.print(table())


@click.group("library")
def library() -> None:
    """Keep coded case reviews in a library database: add, list, search, show, recode."""


@library.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@codebook_option
@settings_options
@db_option
@jobs_option
@scheduler_option
@handle_errors
def add(
    paths: tuple[Path, ...],
    codebook_path: Path | None,
    settings: Settings,
    db: str | None,
    jobs: int | None,
    scheduler: str | None,
) -> None:
    """Read, screen, code and keep review files (or folders of them).

    A file already in the library (same content) is left as it is. Each review
    is saved whole or not at all, so an interrupted run can simply be repeated.
    Files that cannot be read are listed and the exit code is then 3; when none
    could be read, it is 1.
    """
    from caselens.codebook import load_codebook
    from caselens.services import expand

    codebook = load_codebook(codebook_path)
    files, missing = expand(list(paths))
    if not files:  # said before a library is made for nothing
        raise nothing_readable(missing)
    with lib.open_library(db) as store, progress_bar("Adding") as progress:
        report = lib.add(
            store,
            list(paths),
            codebook,
            settings,
            progress=progress,
            jobs=jobs_or_cores(jobs),
            scheduler=scheduler_address(scheduler),
        )
        location = store.location
    if not report.added and not report.duplicates:  # as analyse: nothing read is no success
        raise nothing_readable(report.skipped)
    run = f" (run {report.run_id})" if report.run_id is not None else ""
    console.print(Text(f"Added {len(report.added)} review(s) to {location}{run}."), soft_wrap=True)
    if report.duplicates:
        console.print(
            Text(f"{len(report.duplicates)} already in the library, left unchanged:"),
            soft_wrap=True,
        )
        for path, doc_id in report.duplicates:
            console.print(Text(f"  {path} ({doc_id[:12]})"), soft_wrap=True)
    exit_if_skipped(report.skipped)


@library.command("list")
@click.option(
    "--scope",
    type=click.Choice(("in", "out", "all")),  # library.SCOPES, without importing the store
    default="all",
    show_default=True,
    help="in: included by the latest screening; out: excluded.",
)
@click.option("--theme", default=None, help="Only reviews with a finding of this theme (e.g. E).")
@click.option("--year", type=int, default=None, help="Only reviews published in this year.")
@library_query_options
def list_(scope: str, theme: str | None, year: int | None, as_json: bool, db: str | None) -> None:
    """List the reviews in the library, as their latest coding run sees them."""
    with lib.open_library(db, must_exist=True) as store:
        found = lib.list_documents(store, scope=scope, theme=theme, year=year)
    _print_found(found, as_json, lambda: _table(found))


@library.command("search")
@click.argument("text")
@library_query_options
def search(text: str, as_json: bool, db: str | None) -> None:
    """Find reviews containing every word of TEXT (English stemming: sleep finds sleeping)."""
    with lib.open_library(db, must_exist=True) as store:
        hits = lib.search(store, text)
    _print_found(
        hits, as_json, lambda: _table([h.summary for h in hits], snippets=[h.snippet for h in hits])
    )


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
@library_query_options
def show(document: str, as_json: bool, db: str | None) -> None:
    """Show one review (id or its first characters): facts, screening, findings, runs."""
    with lib.open_library(db, must_exist=True) as store:
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
    with lib.open_library(db, must_exist=True) as store:
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
@jobs_option
@handle_errors
def recode(
    codebook_path: Path | None,
    settings: Settings,
    db: str | None,
    jobs: int | None,
) -> None:
    """Code again every review last coded with a different codebook; earlier runs are kept."""
    from caselens.codebook import load_codebook

    codebook = load_codebook(codebook_path)
    with lib.open_library(db, must_exist=True) as store, progress_bar("Recoding") as progress:
        report = lib.recode(store, codebook, settings, progress=progress, jobs=jobs_or_cores(jobs))
    if report.run_id is None:
        console.print(Text(f"All {report.current} review(s) are already coded with this codebook."))
    else:
        console.print(
            Text(f"Recoded {len(report.recoded)} review(s) in run {report.run_id}; ")
            + Text(f"{report.current} were already current.")
        )
