"""``caselens evaluate``: score the pipeline against a labelled JSON Lines file."""

from __future__ import annotations

from pathlib import Path

import click

from caselens.cli.common import (
    codebook_option,
    console,
    echo_json,
    handle_errors,
    jobs_option,
    jobs_or_cores,
    json_option_with,
    model_options,
)
from caselens.codebook import load_codebook
from caselens.evaluate import evaluate as run_evaluation
from caselens.evaluate import load_gold
from caselens.evaluate_report import render
from caselens.pipeline.settings import Settings


@click.command("evaluate")
@click.argument("gold", type=click.Path(path_type=Path, dir_okay=False))
@json_option_with("Print only one JSON object on stdout.")
@codebook_option
@model_options
@click.option(
    "--mistakes",
    "mistakes",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="How many mistakes to list (0 for none).",
)
@jobs_option
@handle_errors
def evaluate(
    gold: Path,
    as_json: bool,
    codebook_path: Path | None,
    semantic: bool,
    model: bool,
    mistakes: int,
    jobs: int | None,
) -> None:
    """Score screening, facts and coding against labelled summaries in GOLD (JSON Lines)."""
    codebook = load_codebook(codebook_path)
    records = load_gold(gold, codebook)  # labels checked against the codebook scored with
    result = run_evaluation(
        records, codebook, Settings(semantic=semantic, model=model), jobs=jobs_or_cores(jobs)
    )
    result["mistakes_total"] = len(result["mistakes"])
    result["mistakes"] = result["mistakes"][:mistakes]
    if as_json:
        echo_json(result, indent=None)
        return
    console.print(render(result, mistakes))
