"""``caselens case``: apply the learning to a live infant case, and keep a supervision record."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.markup import escape

from caselens.cli.common import (
    codebook_option,
    console,
    console_err,
    echo_json,
    handle_errors,
    json_option_with,
    model_options,
)
from caselens.errors import CaseError
from caselens.pipeline.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])

STATUS = {
    "in_line": "in line with the advice",
    "differs": "DIFFERS from the advice",
    "not_known": "not known",
}


def _evidence(e: dict[str, Any]) -> str:
    if e["source"] == "notes":
        return f"notes [{e['start']}:{e['end']}]: \u201c{e['quote']}\u201d"
    return f"facts: {e['text']}"


def _print_check(data: dict[str, Any]) -> None:
    ref = data["case"]["reference"] or "(no reference)"
    console.print(f"[bold]Case {escape(ref)}[/]")
    console.print(escape(data["statement"]), style="italic")
    indicators = {i["id"]: i for i in data["indicators"]}
    unknowns = {u["key"]: u for u in data["unknowns"]}
    sleep = {s["id"]: s for s in data["safer_sleep"]}
    for theme in data["themes"]:
        if not (theme["indicators"] or theme["unknowns"] or theme["safer_sleep"]):
            continue
        console.rule(f"{theme['id']}. {escape(theme['label'])}", align="left")
        for iid in theme["indicators"]:
            item = indicators[iid]
            console.print(f"[bold]Shows:[/] {escape(item['label'])} ({iid})")
            for line in item["says"]:
                console.print(f"  {escape(line)}")
            for e in item["evidence"]:
                console.print(f"  - {escape(_evidence(e))}", highlight=False)
        for key in theme["unknowns"]:
            u = unknowns[key]
            console.print(f"[bold]Not known:[/] {escape(u['summary'])} ({u['indicator']})")
            console.print(f"  Ask: {escape(u['prompt'])}", highlight=False)
        for sid in theme["safer_sleep"]:
            s = sleep[sid]
            console.print(f"[bold]Safer sleep[/] - {escape(s['label'])}: {STATUS[s['status']]}")
            for e in s["evidence"]:
                console.print(f"  - {escape(_evidence(e))}", highlight=False)
    console.rule("Questions for discussion", align="left")
    for q in data["questions"]:
        console.print(f"{q['id']}. {escape(q['worded'])}", highlight=False)


def _print_changes(changes: dict[str, Any]) -> None:
    console.rule(f"Since the record of {escape(str(changes['record']['date']))}", align="left")
    sections = (
        ("New in the case", changes["new_findings"], "label"),
        ("No longer shown", changes["no_longer_shown"], "label"),
        ("Now known", changes["resolved_unknowns"], "summary"),
        ("Newly not known", changes["new_unknowns"], "summary"),
    )
    for title, items, key in sections:
        console.print(
            f"[bold]{title}:[/] "
            + (escape("; ".join(i[key] for i in items)) if items else "nothing")
        )
    for s in changes["safer_sleep_changes"]:
        console.print(
            f"[bold]Safer sleep[/] - {escape(s['label'])}: {STATUS[s['was']]} -> {STATUS[s['now']]}"
        )
    for a in changes["agreed_actions"]:
        console.print(f"[bold]Agreed last time:[/] {escape(a['action'])}")


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """A real YYYY-MM-DD date: it names the record file and orders the history."""
    if value is None:
        return None
    from caselens.practice.case import iso_date  # the same dates as a case file's

    try:
        return iso_date(value)
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not a date as YYYY-MM-DD") from error


@click.group("case")
def case() -> None:
    """Check a live infant case against the learning; keep a supervision record."""


@case.command("check")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@json_option_with("Print the check as JSON.")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Write a supervision record (.yaml/.json, or a folder) with HTML and PDF.",
)
@click.option(
    "--since",
    type=click.Path(path_type=Path),
    default=None,
    help="Show what changed since this record (or the newest record in a folder).",
)
@click.option("--practitioner", default=None, help="Practitioner's name or role, for the record.")
@click.option("--supervisor", default=None, help="Supervisor's name or role, for the record.")
@click.option(
    "--date",
    "record_date",
    default=None,
    callback=_iso_date,
    help="Date of the supervision (YYYY-MM-DD; default: today).",
)
@click.option("--no-pdf", is_flag=True, help="Write the record and HTML, but no PDF.")
@click.option("--force", is_flag=True, help="Overwrite an existing record file.")
@model_options
@codebook_option
@handle_errors
def check(
    file: Path,
    as_json: bool,
    out: Path | None,
    since: Path | None,
    practitioner: str | None,
    supervisor: str | None,
    record_date: str | None,
    no_pdf: bool,
    force: bool,
    semantic: bool,
    model: bool,
    codebook_path: Path | None,
) -> None:
    """Check a case FILE (.yaml/.json facts and notes, or .txt notes) theme by theme.

    Every item is a prompt for professional judgement with its evidence; nothing
    is added up, and no item predicts harm.
    """
    from caselens.codebook import load_codebook
    from caselens.practice import check_case, load_case
    from caselens.practice.record import changes_since, load_record, new_record, same_case

    previous = load_record(since) if since is not None else None
    codebook = load_codebook(codebook_path)
    reflection = check_case(load_case(file), codebook, Settings(semantic=semantic, model=model))
    if previous is not None and since is not None:
        same_case(previous, reflection, str(since))
    changes = changes_since(previous, reflection) if previous is not None else None
    if as_json:
        data = reflection.to_dict()
        if changes is not None:
            data["changes"] = changes
        echo_json(data)
    else:
        _print_check(reflection.to_dict())
        if changes is not None:
            _print_changes(changes)
    if out is not None:
        record = new_record(
            reflection,
            date=record_date,
            practitioner=practitioner,
            supervisor=supervisor,
            case_file=file.name,
        )
        _write_record(out, record, changes, pdf=not no_pdf, force=force)


def _write_record(
    out: Path, record: dict[str, Any], changes: dict[str, Any] | None, *, pdf: bool, force: bool
) -> None:
    from caselens.practice.record import dump_record, record_paths
    from caselens.practice.render import write_record_html, write_record_pdf

    path, html_path, pdf_path = record_paths(out, record["case"]["reference"], record["date"])
    if path.exists() and not force:
        raise CaseError(
            str(path),
            "a record already exists here and may hold answers; "
            "give another --out, or --force to replace it",
        )
    dump_record(record, path)
    write_record_html(html_path, record, changes)
    written = [path, html_path]
    if pdf:
        write_record_pdf(pdf_path, record, changes)
        written.append(pdf_path)
    console_err.print("Wrote " + ", ".join(escape(str(p)) for p in written), highlight=False)


def _render_option(kind: str) -> Callable[[F], F]:
    """``--html FILE`` or ``--pdf FILE`` (parameter ``html_out``/``pdf_out``)."""
    return click.option(
        f"--{kind}",
        f"{kind}_out",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help=f"Render the record as {kind.upper()} here.",
    )


@case.command("record")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@_render_option("html")
@_render_option("pdf")
@handle_errors
def record(file: Path, html_out: Path | None, pdf_out: Path | None) -> None:
    """Validate a filled-in supervision record FILE and render it."""
    from caselens.practice.record import load_record
    from caselens.practice.render import write_record_html, write_record_pdf

    data = load_record(file)
    answered = sum(1 for a in data["answers"] if a["answer"].strip())
    actions = sum(1 for a in data["actions"] if a["action"].strip())
    console.print(
        f"{escape(str(file))}: a valid record; {answered} of {len(data['answers'])} "
        f"questions answered, {actions} actions agreed.",
        highlight=False,
    )
    if html_out is not None:
        write_record_html(html_out, data)
    if pdf_out is not None:
        write_record_pdf(pdf_out, data)
