"""``caselens report``: render a briefing again from a saved analysis or from the library.

Nothing is coded again: the findings come from ``findings.json`` (written by
``caselens analyse``) or from the review library, so a partnership can make
slides or a PDF from last month's run, or a briefing of what reviewers accepted.
A findings.json holds no review text, so the source appendix and the .qdpx read
the review files again; one that moved or changed since is left out with a note.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.text import Text

from caselens.cli.common import (
    codebook_option,
    console_err,
    cover_options,
    db_option_with,
    format_option,
    handle_errors,
    out_folder_option,
    render_and_report,
    warn_unavailable,
)


@click.command("report")
@click.argument(
    "analysis_file",
    required=False,
    type=click.Path(path_type=Path, dir_okay=False),
)
@out_folder_option("Folder for the outputs (created if missing).")
@format_option
@click.option(
    "--library",
    "from_library",
    is_flag=True,
    help="Report on every coded review in the library instead of a findings.json.",
)
@db_option_with("Library database with --library (default: as for `caselens library`).")
@click.option(
    "--accepted-only",
    is_flag=True,
    help="With --library: count only findings a reviewer accepted, corrected or added.",
)
@click.option(
    "--sources",
    "sources",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Folder where the reviews of a findings.json are now, if not where they were "
    "analysed from (repeatable).",
)
@cover_options
@codebook_option
@handle_errors
def report(
    analysis_file: Path | None,
    out: Path,
    formats: tuple[str, ...],
    from_library: bool,
    db: str | None,
    accepted_only: bool,
    sources: tuple[Path, ...],
    title: str | None,
    organisation: str | None,
    codebook_path: Path | None,
) -> None:
    """Render a briefing from ANALYSIS_FILE (a findings.json) or from --library.

    \b
    caselens report out/findings.json --out slides --format pdf,pptx
    caselens report --library --accepted-only --out accepted --format all
    """
    from caselens.report.formats import render

    if from_library == (analysis_file is not None):
        raise click.UsageError("give either a findings.json or --library, not both or neither")
    if not from_library and (db is not None or accepted_only):
        raise click.UsageError("--db and --accepted-only go with --library")
    warn_unavailable(formats)
    texts: dict[str, str] | None = None
    appendix = None
    if analysis_file is not None:
        from caselens.report.saved import load_saved

        analysis, codebook, appendix = load_saved(analysis_file, codebook_path)
    else:
        from caselens.codebook import load_codebook
        from caselens.library import open_library
        from caselens.library_briefing import library_analysis

        codebook = load_codebook(codebook_path)
        with open_library(db, must_exist=True) as store:
            analysis, texts = library_analysis(
                store, codebook, accepted_only=accepted_only, on_note=_print_decision_note
            )
    render_and_report(
        lambda: render(
            out,
            formats,
            analysis,
            codebook,
            texts=texts,
            title=title,
            on_note=_print_source_note,
            organisation=organisation,
            sources=sources,
            appendix=appendix,
        )
    )


def _print_decision_note(note: str) -> None:
    """Decisions the accepted-only briefing cannot count: said, never dropped in silence."""
    console_err.print(Text(f"Warning: {note}.", style="yellow"), soft_wrap=True)


def _print_source_note(note: str) -> None:
    """A review whose quotes cannot be linked to its text: said once, before the files."""
    console_err.print(Text(f"Not linked to its text: {note}", style="yellow"), soft_wrap=True)
