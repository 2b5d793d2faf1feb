"""``caselens explain``: why each sentence was or was not counted for an indicator."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape

from caselens.cli.common import (
    codebook_option,
    console,
    echo_json,
    handle_errors,
    json_option_with,
    model_options,
)
from caselens.codebook import load_codebook
from caselens.errors import CaselensError
from caselens.explain import explain as run_explain
from caselens.ingest import read_document
from caselens.pipeline.settings import Settings


@click.command("explain")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--indicator", "indicator", help="Only this indicator (e.g. E.co_sleeping).")
@json_option_with("Print only one JSON object on stdout.")
@codebook_option
@model_options
@handle_errors
def explain(
    file: Path,
    indicator: str | None,
    as_json: bool,
    codebook_path: Path | None,
    semantic: bool,
    model: bool,
) -> None:
    """Show, for each sentence a coder proposed, its section, stance, what fired and why
    it was kept or set aside."""
    codebook = load_codebook(codebook_path)
    if indicator is not None and indicator not in {i.id for i in codebook.indicators}:
        raise CaselensError(
            f"--indicator {indicator}: not an indicator of codebook {codebook.id}; "
            "see `caselens codebook show`"
        )
    result = run_explain(
        read_document(file), codebook, Settings(semantic=semantic, model=model), indicator
    )
    if as_json:
        echo_json(result)
        return
    console.print(
        f"[bold]{result['document']}[/bold]: {len(result['sections'])} sections, "
        f"{len(result['considered'])} proposals ({', '.join(result['methods'])})"
    )
    for c in result["considered"]:
        verdict = "[green]counted[/green]" if c["kept"] else "[yellow]not counted[/yellow]"
        page = f", page {c['page']}" if c["page"] else ""
        console.print(
            f"\n{c['indicator']}  {verdict}  [dim]{c['section']} · {c['stance']}{page} · "
            f"{c['method']}: {escape(c['fired'])}[/dim]"
        )
        console.print(f"  {escape(c['reason'])}")
        console.print(f"  [italic]\u201c{escape(c['quote'])}\u201d[/italic]", highlight=False)
