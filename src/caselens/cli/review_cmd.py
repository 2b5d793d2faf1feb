"""``caselens review``: reviewers accept, reject, correct or add findings; agreement."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.table import Table
from rich.text import Text

from caselens.cli.common import (
    LazyModule,
    codebook_option,
    console,
    console_err,
    db_option,
    echo_json,
    handle_errors,
    library_query_options,
)
from caselens.codebook import load_codebook

if TYPE_CHECKING:
    from caselens import library as lib
    from caselens.agreement import LabelAgreement
    from caselens.store import Store
    from caselens.store.agreement import Agreement
    from caselens.store.records import DecisionRecord
else:
    lib = LazyModule("caselens.library")

F = TypeVar("F", bound=Callable[..., Any])


def decision_options(func: F) -> F:
    """``--reviewer``, ``--reason`` and ``--db``: what every decision on a finding records."""
    func = db_option(handle_errors(func))
    func = click.option("--reason", default=None, help="Why: kept in the review log.")(func)
    return click.option(
        "--reviewer",
        envvar="CASELENS_REVIEWER",
        required=True,
        help="Who is reviewing (or set CASELENS_REVIEWER).",
    )(func)


def _record(db: str | None, decide: Callable[[Store], DecisionRecord]) -> None:
    """Open the library, record one decision and say what was recorded."""
    with lib.open_library(db, must_exist=True) as store:
        _said(decide(store))


def _said(decision: DecisionRecord) -> None:
    target = f"finding {decision.finding_id}" if decision.finding_id else "a new finding"
    console.print(
        Text(f"Recorded decision {decision.id}: {decision.reviewer} {decision.action} {target} ")
        + Text(f"({decision.indicator}) in {decision.document_id[:12]}.")
    )


@click.group("review")
def review() -> None:
    """Review machine findings: every decision is appended to a log, never overwritten."""


def _judge(action: str) -> Callable[..., None]:
    def command(
        finding_ids: tuple[int, ...], reviewer: str, reason: str | None, db: str | None
    ) -> None:
        with lib.open_library(db, must_exist=True) as store:
            recorded = lib.decide_all(store, finding_ids, action, reviewer, reason)
        for decision in recorded:  # said once the whole batch is safely in the log
            _said(decision)

    return command


def _stale_warning(decision_ids: tuple[int, ...]) -> None:
    """Decisions a count leaves out (their finding is no longer made), said on stderr."""
    note = lib.stale_note(decision_ids)
    if note is not None:
        console_err.print(Text(f"Warning: {note}.", style="yellow"), soft_wrap=True)


for _action, _help in (
    ("accept", "Accept findings (numbers from `library show`) as the machine coded them."),
    ("reject", "Reject findings: the quote does not express the indicator."),
):
    review.command(_action, help=_help)(
        click.argument("finding_ids", nargs=-1, required=True, type=int)(
            decision_options(_judge(_action))
        )
    )


@review.command("correct")
@click.argument("finding_id", type=int)
@click.option("--indicator", default=None, help="The indicator the quote really expresses.")
@click.option("--start", type=int, default=None, help="Corrected start offset.")
@click.option("--end", type=int, default=None, help="Corrected end offset.")
@codebook_option
@decision_options
def correct(
    finding_id: int,
    indicator: str | None,
    start: int | None,
    end: int | None,
    codebook_path: Path | None,
    reviewer: str,
    reason: str | None,
    db: str | None,
) -> None:
    """Correct a finding's indicator or its place in the text."""
    codebook = load_codebook(codebook_path)
    _record(
        db,
        lambda store: lib.decide(
            store,
            finding_id,
            "correct",
            reviewer,
            reason,
            indicator=indicator,
            start=start,
            end=end,
            codebook=codebook,
        ),
    )


@review.command("add")
@click.argument("document")
@click.option("--indicator", required=True, help="The indicator the machine missed.")
@click.option("--quote", default=None, help="The words in the review (first occurrence).")
@click.option("--start", type=int, default=None, help="Start offset (instead of --quote).")
@click.option("--end", type=int, default=None, help="End offset (instead of --quote).")
@codebook_option
@decision_options
def add(
    document: str,
    indicator: str,
    quote: str | None,
    start: int | None,
    end: int | None,
    codebook_path: Path | None,
    reviewer: str,
    reason: str | None,
    db: str | None,
) -> None:
    """Add a finding the machine missed in DOCUMENT (id or its first characters)."""
    codebook = load_codebook(codebook_path)
    _record(
        db,
        lambda store: lib.add_finding(
            store,
            document,
            indicator,
            reviewer,
            reason,
            start=start,
            end=end,
            quote=quote,
            codebook=codebook,
        ),
    )


@review.command("log")
@click.argument("document", required=False)
@library_query_options
def log(document: str | None, as_json: bool, db: str | None) -> None:
    """The review log, oldest first (all reviews, or one)."""
    with lib.open_library(db, must_exist=True) as store:
        entries = lib.decision_log(store, document)
    if as_json:
        echo_json([d.to_dict() for d in entries])
        return
    table = Table(show_header=True, header_style="bold")
    for column in ("#", "When", "Reviewer", "Action", "Finding", "Indicator", "Reason"):
        table.add_column(column)
    for d in entries:
        change = f" → {d.corrected_indicator}" if d.corrected_indicator else ""
        table.add_row(
            str(d.id),
            f"{d.created_at:%Y-%m-%d %H:%M}",
            Text(d.reviewer),
            d.action,
            str(d.finding_id or "new"),
            Text(d.indicator + change),
            Text(d.reason or ""),
        )
    console.print(table)


@review.command("verify")
@library_query_options
def verify(as_json: bool, db: str | None) -> None:
    """Check that no decision in the review log was changed, deleted or slipped in.

    Recomputes the hash chain of the log. Exit 0 when it holds, 1 when it does not.
    Note the head hash it prints: a later run that shows another head with no new
    decisions means the newest entries were cut off."""
    with lib.open_library(db, must_exist=True) as store:
        result = lib.verify_log(store)
    if as_json:
        echo_json(result.to_dict())
    elif result.ok:
        console.print(f"The review log holds: {result.entries} decision(s), head {result.head}.")
    else:
        console_err.print(
            Text(f"The review log does not hold: {result.problem}.", style="bold red")
        )
    if not result.ok:
        raise click.exceptions.Exit(1)


def _stat(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "–"
    return f"{value:.0%}" if percent else f"{value:.2f}"


def _unit_table(title: str, rows: tuple[LabelAgreement, ...], overall: LabelAgreement) -> Table:
    table = Table(title=title, header_style="bold")
    for column in ("Label", "Both", "First only", "Second only", "Agree", "Kappa", "Alpha"):
        table.add_column(column)
    for row in (*rows, overall):
        table.add_row(
            Text(row.label), str(row.both), str(row.first_only), str(row.second_only),
            _stat(row.percent, percent=True), _stat(row.kappa), _stat(row.alpha),
        )  # fmt: skip
    return table


@review.command("agreement")
@click.option(
    "--between",
    nargs=2,
    default=None,
    metavar="CODER CODER",
    help='Compare two coders over sentences ("machine", a reviewer, or an imported coder); '
    "default: the machine against each person.",
)
@codebook_option
@library_query_options
def agreement(
    between: tuple[str, str] | None, codebook_path: Path | None, as_json: bool, db: str | None
) -> None:
    """How often reviewers confirm the machine, and how coders agree sentence by sentence.

    Per indicator and per theme: percent agreement, Cohen's kappa and Krippendorff's
    alpha, with each sentence of the documents both coders coded as one unit.
    """
    from caselens.codebook import load_codebook
    from caselens.store.imported import compare_coders

    codebook = load_codebook(codebook_path)
    with lib.open_library(db, must_exist=True) as store:
        result = lib.agreement(store)
        with store.transaction() as session:
            units = compare_coders(session, codebook, between)
    if as_json:
        echo_json({**result.to_dict(), "units": [u.to_dict() for u in units]})
        return
    if between is None:
        _decision_table(result)
        _stale_warning(result.stale)
    for report in units:
        console.print(
            Text(
                f"{report.first} (first) and {report.second} (second): "
                f"{len(report.documents)} document(s), {report.units} sentences",
                style="bold",
            )
        )
        console.print(_unit_table("Per theme", report.themes, report.overall_themes))
        console.print(_unit_table("Per indicator", report.indicators, report.overall_indicators))


def _decision_table(result: Agreement) -> None:
    table = Table(title="Machine findings as reviewed", header_style="bold")
    for column in (
        "Indicator",
        "Reviewed",
        "Accepted",
        "Rejected",
        "Corrected",
        "Added",
        "Precision",
    ):
        table.add_column(column)
    for i in result.indicators:
        p = i.precision
        table.add_row(
            i.indicator, str(i.reviewed), str(i.accepted), str(i.rejected),
            str(i.corrected), str(i.added), "–" if p is None else f"{p:.0%}",
        )  # fmt: skip
    console.print(table)
    for pair in result.pairs:
        kappa = "–" if pair.kappa is None else f"{pair.kappa:.2f}"
        console.print(
            Text(
                f"{pair.first} and {pair.second}: agreed on {pair.agreed} of {pair.shared} "
                f"shared findings, Cohen's kappa {kappa}"
            )
        )
