"""``caselens analyse``: review files in, a briefing and its data out."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from caselens.cli.common import (
    codebook_option,
    console,
    cover_options,
    exit_if_skipped,
    format_option,
    handle_errors,
    jobs_option,
    jobs_or_cores,
    nothing_readable,
    out_folder_option,
    progress_bar,
    render_and_report,
    scheduler_address,
    scheduler_option,
    settings_options,
    warn_unavailable,
)
from caselens.model import Codebook
from caselens.pipeline.screen import screening_flow
from caselens.pipeline.settings import Settings
from caselens.services import Analysis


def _summary_table(analysis: Analysis, codebook: Codebook) -> Table:
    included = analysis.included
    table = Table(title="caselens analyse", show_header=True, header_style="bold")
    table.add_column("")
    table.add_column("Count", justify="right")
    table.add_row("Reviews read", str(len(analysis.results)))
    table.add_row("Files skipped", str(len(analysis.skipped)))
    if analysis.duplicates:
        table.add_row("Duplicate files", str(len(analysis.duplicates)))
    # The screening flow: every review read is either included or excluded at its
    # first unmet criterion.
    for step, count in screening_flow(r.screening for r in analysis.results)[1:-1]:
        if count:
            table.add_row(Text(f"  {step[0].upper()}{step[1:]}"), str(count))
    table.add_row("Reviews included", str(len(included)))
    reviews: Counter[str] = Counter()
    findings: Counter[str] = Counter()
    for result in included:
        findings.update(result.theme_counts)
        reviews.update(result.themes)
    for theme in codebook.themes:
        table.add_row(
            Text(f"{theme.id}. {theme.label}"),
            f"{reviews[theme.id]} reviews, {findings[theme.id]} findings",
        )
    return table


@click.command("analyse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=False))
@out_folder_option("Folder for the briefing and its data files (created if missing).")
@format_option
@codebook_option
@settings_options
@jobs_option
@scheduler_option
@cover_options
@handle_errors
def analyse(
    paths: tuple[Path, ...],
    out: Path,
    formats: tuple[str, ...],
    codebook_path: Path | None,
    settings: Settings,
    jobs: int | None,
    scheduler: str | None,
    title: str | None,
    organisation: str | None,
) -> None:
    """Screen and code case reviews (files or folders) and write a briefing.

    Files that cannot be read are listed at the end and the others are still
    analysed; the exit code is then 3, or 1 when none could be read.
    """
    from caselens.codebook import load_codebook
    from caselens.report.formats import render
    from caselens.services import analyse as run_analysis

    warn_unavailable(formats)  # said before minutes of reading, not after
    codebook = load_codebook(codebook_path)
    with progress_bar("Reading", "Reading reviews") as progress:
        analysis = run_analysis(
            list(paths),
            codebook,
            settings,
            progress=progress,
            jobs=jobs_or_cores(jobs),
            scheduler=scheduler_address(scheduler),
        )
    if not analysis.results:
        raise nothing_readable(analysis.skipped)
    console.print(_summary_table(analysis, codebook))
    render_and_report(
        lambda: render(out, formats, analysis, codebook, title=title, organisation=organisation)
    )
    exit_if_skipped(analysis.skipped)
