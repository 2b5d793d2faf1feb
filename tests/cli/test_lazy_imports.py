"""``caselens --help`` stays quick: the command line imports no database, PDF or model library."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sqlalchemy", "alembic", "pypdfium2", "pypdf", "onnxruntime", "weasyprint", "matplotlib")


def test_the_command_line_imports_no_heavy_library_until_a_command_needs_it() -> None:
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from caselens.cli import cli\n"
        "result = CliRunner().invoke(cli, ['--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]", done.stdout
