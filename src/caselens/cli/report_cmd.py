"""``caselens report``: render a briefing again from a saved analysis or from the library.

Nothing is coded again: the findings come from ``findings.json`` (written by
``caselens analyse``) or from the review library, so a partnership can make
slides or a PDF from last month's run, or a briefing of what reviewers accepted.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.text import Text

from caselens.cli.analyse_cmd import format_option
from caselens.cli.common import codebook_option, console, print_error
from caselens.errors import CaselensError


@click.command("report")
@click.argument(
    "analysis_file",
    required=False,
    type=click.Path(path_type=Path, dir_okay=False),
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the outputs (created if missing).",
)
@format_option
@click.option(
    "--library",
    "from_library",
    is_flag=True,
    help="Report on every coded review in the library instead of a findings.json.",
)
@click.option(
    "--db",
    "db",
    metavar="URL|PATH",
    default=None,
    help="Library database with --library (default: as for `caselens library`).",
)
@click.option(
    "--accepted-only",
    is_flag=True,
    help="With --library: count only findings a reviewer accepted, corrected or added.",
)
@click.option("--title", default=None, help="Title of the briefing (default: from the codebook).")
@codebook_option
def report(
    analysis_file: Path | None,
    out: Path,
    formats: tuple[str, ...],
    from_library: bool,
    db: str | None,
    accepted_only: bool,
    title: str | None,
    codebook_path: Path | None,
) -> None:
    """Render a briefing from ANALYSIS_FILE (a findings.json) or from --library.

    \b
    caselens report out/findings.json --out slides --format pdf,pptx
    caselens report --library --accepted-only --out accepted --format all
    """
    from caselens.report.formats import check_available, render

    if from_library == (analysis_file is not None):
        raise click.UsageError("give either a findings.json or --library, not both or neither")
    if not from_library and (db is not None or accepted_only):
        raise click.UsageError("--db and --accepted-only go with --library")
    try:
        check_available(formats)
        texts: dict[str, str] | None = None
        if analysis_file is not None:
            from caselens.report.saved import load_saved

            analysis, codebook = load_saved(analysis_file, codebook_path)
        else:
            from caselens.codebook import load_codebook
            from caselens.library import open_library
            from caselens.report.from_library import library_analysis

            codebook = load_codebook(codebook_path)
            with open_library(db) as store:
                analysis, texts = library_analysis(store, codebook, accepted_only=accepted_only)
        written = render(out, formats, analysis, codebook, texts=texts, title=title)
    except CaselensError as error:
        print_error(error)
        sys.exit(error.exit_code)
    for path in written:
        console.print(Text(f"Wrote {path}"), soft_wrap=True)
