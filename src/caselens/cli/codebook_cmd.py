"""``caselens codebook``: look at a codebook and check one before using it.

Someone adapting the default codebook edits YAML by hand; ``validate`` gives them
every problem with its line, and ``show`` lets them see what the tool will look
for without reading the file.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from caselens.cli.common import (
    codebook_option,
    console,
    echo_json,
    handle_errors,
    json_option_with,
)
from caselens.codebook import codebook_to_dict, load_codebook
from caselens.errors import CodebookError
from caselens.model.codebook import Codebook, Criterion

_FILE = click.Path(path_type=Path)


@click.group()
def codebook() -> None:
    """Show or validate a codebook (the themes and indicators caselens looks for)."""


def _chosen(file: Path | None, codebook_path: Path | None) -> Path | None:
    """FILE or ``--codebook FILE``, which every command takes: either names the codebook."""
    if file is not None and codebook_path is not None and file != codebook_path:
        raise click.UsageError("give the codebook as FILE or as --codebook FILE, not both")
    return file if file is not None else codebook_path


@codebook.command()
@click.argument("file", type=_FILE, required=False)
@json_option_with("Print the whole codebook as JSON.")
@codebook_option
@handle_errors
def show(file: Path | None, as_json: bool, codebook_path: Path | None) -> None:
    """Show FILE's themes, indicators, criteria and questions (default: the infant codebook)."""
    cb = load_codebook(_chosen(file, codebook_path))
    if as_json:
        echo_json(codebook_to_dict(cb))
        return
    console.print(Text(f"{cb.title}", style="bold"))
    console.print(Text(f"{cb.id} version {cb.version}"))
    if cb.source:
        console.print(Text(f"Source: {cb.source}", style="dim"))
    console.print(_indicator_tree(cb))
    if cb.criteria:
        console.print(_criteria_table(cb))
    if cb.questions:
        console.print(_question_table(cb))


@codebook.command()
@click.argument("file", type=_FILE, required=False)
@codebook_option
@handle_errors
def validate(file: Path | None, codebook_path: Path | None) -> None:
    """Check FILE (default: the infant codebook); list every problem found, or say it is valid."""
    from caselens.pipeline.examples import check_examples

    file = _chosen(file, codebook_path)
    cb = load_codebook(file)  # its problems, with their lines, are printed as one error
    name = str(file) if file is not None else "default codebook"
    problems = check_examples(cb)
    if problems:
        raise CodebookError(
            name,
            f"{len(problems)} example(s) not coded as the codebook says:\n"
            + "\n".join(f"  {p.message()}" for p in problems),
        )
    checked = sum(len(i.examples) + len(i.counter_examples) for i in cb.indicators)
    console.print(
        Text(
            f"{name}: valid codebook {cb.id} version {cb.version}, "
            f"{len(cb.themes)} themes, {len(cb.indicators)} indicators"
            + (f"; its {checked} examples and counter-examples coded as it says" if checked else "")
        ),
        highlight=False,
        soft_wrap=True,
    )


def _indicator_tree(cb: Codebook) -> Tree:
    """Themes with their indicators; a tree, because it stays readable at 80 columns."""
    tree = Tree(Text("Themes and indicators", style="bold"))
    for theme in cb.themes:
        indicators = cb.indicators_of(theme.id)
        branch = tree.add(
            Text.assemble((theme.id, "bold cyan"), "  ", (theme.label, "bold"))
            + Text(f"  ({len(indicators)} indicators)", style="dim")
        )
        for ind in indicators:
            counts = (
                f"  {len(ind.patterns)} patterns, {len(ind.exclude)} exclude, "
                f"{len(ind.exemplars)} exemplars"
            )
            branch.add(Text.assemble((ind.id, "cyan"), "  ", ind.label) + Text(counts, style="dim"))
    return tree


def _condition(c: Criterion) -> str:
    """A criterion's condition in words, as the screening will apply it."""
    parts: list[str] = []
    if c.any_of:
        parts.append("any of " + ", ".join(c.any_of))
    if c.below is not None:
        parts.append(f"below {c.below:g}")
    if c.min is not None:
        parts.append(f"at least {c.min:g}")
    if c.max is not None:
        parts.append(f"at most {c.max:g}")
    if c.unknown_met_by:
        parts.append(f"if unknown: met when {c.unknown_met_by}")
    if c.window:
        parts.append("a publication window, which can be switched off")
    return "; ".join(parts)


def _criteria_table(cb: Codebook) -> Table:
    table = Table(title="Inclusion criteria", title_justify="left")
    table.add_column("Id", no_wrap=True, style="cyan")
    table.add_column("Label")
    table.add_column("Fact", no_wrap=True)
    table.add_column("Condition")
    for c in cb.criteria:
        table.add_row(Text(c.id), Text(c.label), Text(c.fact), Text(_condition(c)))
    return table


def _question_table(cb: Codebook) -> Table:
    table = Table(title="Questions", title_justify="left")
    table.add_column("Id", no_wrap=True, style="cyan")
    table.add_column("Question")
    table.add_column("Follows from", overflow="fold")
    for q in cb.questions:
        table.add_row(Text(q.id), Text(q.text), Text(", ".join((*q.themes, *q.indicators))))
    return table
