"""The public API is what the README shows, and importing it costs nothing until used."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import caselens

ROOT = Path(__file__).resolve().parents[1]


def _readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Python API", 1)[1]
    found = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert found is not None, "the README's Python API section has no example"
    return found.group(1)


def test_every_public_name_is_there() -> None:
    for name in caselens.__all__:
        assert getattr(caselens, name) is not None, name
    assert set(caselens.__all__) <= set(dir(caselens))
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        caselens.nothing_here  # noqa: B018


@pytest.mark.slow
def test_the_readme_example_runs_as_written(tmp_path: Path) -> None:
    example = _readme_example()
    # run from a copy of what it reads, so the briefing it writes lands in tmp_path
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    (tmp_path / "tests").symlink_to(ROOT / "tests")
    done = subprocess.run(
        [sys.executable, "-c", example],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0] == "True 1.6", lines[:3]  # Child M: included, seven weeks old
    assert any(line.startswith("B.premature ") for line in lines)
    assert (tmp_path / "briefing" / "briefing.html").is_file()
    assert (tmp_path / "briefing" / "findings.csv").is_file()


def test_import_caselens_loads_no_pipeline_or_database() -> None:
    code = (
        "import sys, caselens; "
        "heavy = [m for m in ('caselens.pipeline', 'caselens.services', 'sqlalchemy', "
        "'caselens.report') if m in sys.modules]; print(heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_all_and_the_lazy_table_agree() -> None:
    from caselens import _PUBLIC

    assert set(caselens.__all__) - {"__version__"} == set(_PUBLIC)
