"""The ``caselens`` command: a thin face over :mod:`caselens.services`.

Each command group lives in a module of its own; this one only assembles them
and turns :class:`~caselens.errors.CaselensError` into a one-line message.
"""

from __future__ import annotations

import logging
import sys

import click

from caselens import __version__
from caselens.cli.common import console_err, print_error
from caselens.errors import CaselensError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="caselens")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug) to stderr.")
def cli(verbose: int) -> None:
    """Learn from case reviews about harm to babies, and apply the learning to a case."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if verbose < 2:
        # pypdf warns about every repairable flaw; our readers report real failures themselves.
        logging.getLogger("pypdf").setLevel(logging.ERROR)


def _register() -> None:
    from caselens.cli import (
        analyse_cmd,
        case_cmd,
        codebook_cmd,
        evaluate_cmd,
        explain_cmd,
        library_cmd,
        qda_cmd,
        report_cmd,
        review_cmd,
        web_cmd,
    )

    cli.add_command(analyse_cmd.analyse)
    cli.add_command(codebook_cmd.codebook)
    cli.add_command(evaluate_cmd.evaluate)
    cli.add_command(explain_cmd.explain)
    cli.add_command(library_cmd.library)
    cli.add_command(review_cmd.review)
    cli.add_command(qda_cmd.qda)
    cli.add_command(case_cmd.case)
    cli.add_command(report_cmd.report)
    cli.add_command(web_cmd.serve)
    cli.add_command(web_cmd.users)


_register()


def main() -> None:
    try:
        # Outside standalone mode click returns ctx.exit's code instead of exiting.
        code = cli.main(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except click.exceptions.Abort:
        console_err.print("Aborted.")
        sys.exit(130)
    except CaselensError as e:
        print_error(e)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        console_err.print("Interrupted.")
        sys.exit(130)
