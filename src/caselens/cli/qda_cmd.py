"""``caselens qda``: exchange the codebook and coding with NVivo, ATLAS.ti, MAXQDA (REFI-QDA)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.text import Text

from caselens.cli.common import (
    LazyModule,
    codebook_option,
    console,
    console_err,
    echo_json,
    handle_errors,
    library_query_options,
    model_options,
)
from caselens.errors import CaselensError
from caselens.pipeline.settings import Settings

if TYPE_CHECKING:
    from caselens import library as lib
else:
    lib = LazyModule("caselens.library")


@click.group("qda")
def qda() -> None:
    """Exchange the codebook and coded reviews as REFI-QDA files (.qdc, .qdpx)."""


@qda.command("export-codebook")
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False))
@codebook_option
@handle_errors
def export_codebook(out: Path, codebook_path: Path | None) -> None:
    """Write the codebook as OUT.qdc, to import into a QDA tool before coding by hand."""
    from caselens.codebook import load_codebook
    from caselens.report.qda import write_qdc

    codebook = load_codebook(codebook_path)
    if out.suffix.lower() != ".qdc":  # QDA programs look for .qdc; "OUT.qdc" as promised
        out = out.with_name(out.name + ".qdc")
    write_qdc(codebook, out)
    console.print(
        Text(
            f"Wrote {out}: {len(codebook.themes)} themes and {len(codebook.indicators)} "
            f"indicators of {codebook.id} {codebook.version}."
        ),
        soft_wrap=True,
    )


@qda.command("import-codebook")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The caselens codebook to write (YAML; an existing file is not replaced).",
)
@handle_errors
def import_codebook(file: Path, out: Path) -> None:
    """Make a caselens codebook from FILE.qdc (a REFI-QDA codebook from a QDA program).

    Top-level codes become themes, the codes under them indicators. Patterns cannot
    come from a QDA program: the indicators still to be given patterns are listed.
    """
    import yaml

    from caselens.codebook import codebook_from_dict, default_codebook
    from caselens.qda.read_qdc import read_qdc
    from caselens.report.files import atomic_write_text

    if out.exists():
        raise CaselensError(f"{out}: already exists; choose another --out (nothing was written)")
    data = read_qdc(file, known=default_codebook())
    codebook = codebook_from_dict(data, str(file))  # the same checks as a hand-written one
    atomic_write_text(  # as every output: a missing folder made, a problem one line
        out,
        "# Made by caselens qda import-codebook from " + file.name + ".\n"
        "# Give each indicator patterns (docs/codebook.md), then: caselens codebook validate\n"
        + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100),
    )
    bare = [i.id for i in codebook.indicators if not i.patterns]
    console.print(
        Text(
            f"Wrote {out}: {len(codebook.themes)} themes and {len(codebook.indicators)} "
            f"indicators from {file.name}"
            + (f"; {len(bare)} still need patterns." if bare else "."),
        ),
        soft_wrap=True,
    )


@qda.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--coder",
    default=None,
    help="Who made the codings that name no user (codings with a user keep their own).",
)
@click.option(
    "--no-code", is_flag=True, help="Do not code new documents by machine (faster, no comparison)."
)
@model_options
@codebook_option
@library_query_options
def import_qdpx(
    file: Path,
    coder: str | None,
    no_code: bool,
    semantic: bool,
    model: bool,
    codebook_path: Path | None,
    as_json: bool,
    db: str | None,
) -> None:
    """Bring FILE.qdpx's text sources and codings into the library as another coder's work.

    Codes are matched to the codebook by caselens' GUIDs, by a name that starts with an
    id ("A.domestic_abuse: ..."), or by an indicator's label; other codes are kept under
    their own names. Importing the same project again adds nothing new.
    """
    from caselens.codebook import load_codebook
    from caselens.qda import read_qdpx
    from caselens.qda_import import import_project

    codebook = load_codebook(codebook_path)
    project = read_qdpx(file, codebook)
    settings = Settings(semantic=semantic, model=model)
    with lib.open_library(db) as store:
        report = import_project(
            store, project, codebook, origin=file, coder=coder, settings=settings,
            code_new=not no_code,
        )  # fmt: skip
    if as_json:
        echo_json(
            {
                "project": project.name,
                "origin": project.origin,
                "added": [{"source": s, "document": d} for s, d in report.added],
                "known": [{"source": s, "document": d} for s, d in report.known],
                "skipped": [{"source": s, "reason": r} for s, r in report.skipped],
                "codings": dict(report.codings),
                "repeated": report.repeated,
                "machine": report.machine,
                "unmatched_codes": dict(report.unmatched),
                "run_id": report.run_id,
                "warnings": [*project.warnings, *report.notes],
            }
        )
        return
    console.print(
        Text(
            f"Read {project.name or file.name} ({project.origin or 'unknown tool'}): "
            f"{len(project.sources)} source(s), {len(project.codes)} code(s), "
            f"{len(project.codings)} coding(s)."
        ),
        soft_wrap=True,
    )
    console.print(
        Text(f"Added {len(report.added)} document(s); {len(report.known)} already in the library.")
    )
    for name, count in sorted(report.codings.items()):
        console.print(Text(f"  {name}: {count} coding(s) recorded as decisions"), soft_wrap=True)
    if report.machine:
        console.print(
            Text(
                f"  {report.machine} coding(s) were caselens's own findings coming back; "
                "they are the machine's, already in the library, and were not added as a "
                "person's."
            )
        )
    if report.repeated:
        console.print(
            Text(f"  {report.repeated} coding(s) were already there and left as they were.")
        )
    if report.unmatched:
        console.print(
            Text(
                f"{sum(report.unmatched.values())} coding(s) use {len(report.unmatched)} code(s) "
                "that are not in the codebook; they are kept under their own names."
            ),
            soft_wrap=True,
        )
    for name, reason in report.skipped:
        console_err.print(Text(f"Skipped source {name}: {reason}.", style="yellow"), soft_wrap=True)
    for warning in [*project.warnings, *report.notes]:
        console_err.print(Text(f"Note: {warning}", style="yellow"), soft_wrap=True)
