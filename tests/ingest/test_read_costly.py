"""Small files built to cost minutes: read in linear time, or refused with a clear error.

Each is read in a child process with a generous time limit, so a return of the old
quadratic behaviour fails the test instead of hanging the suite.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

READ = (
    "import sys; from pathlib import Path; from caselens.ingest import read_document\n"
    "from caselens.errors import InputError\n"
    "try:\n"
    "    print('read', len(read_document(Path(sys.argv[1])).text))\n"
    "except InputError as error:\n"
    "    print('refused', error)\n"
)


def _read(path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", READ, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


@pytest.mark.slow
def test_markdown_full_of_unclosed_links_and_comments_is_read(tmp_path: Path) -> None:
    path = tmp_path / "links.md"
    path.write_text(
        "The baby [was seen " * 40000 + "\n\n" + "<!-- " * 40000 + "\n\nThe end.",
        encoding="utf-8",
    )
    assert _read(path).startswith("read ")


@pytest.mark.slow
def test_markdown_links_and_emphasis_still_lose_their_markup(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text(
        "# Review\n\nThe [health visitor](http://example.org/hv) saw **the baby** "
        "<!-- a note --> and `Child A`.\n",
        encoding="utf-8",
    )
    from caselens.ingest import read_document

    text = read_document(path).text
    assert "The health visitor saw the baby and Child A." in text


@pytest.mark.slow
def test_html_element_with_half_a_million_attributes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "attributes.html"
    attributes = " ".join(f'a{i}="x"' for i in range(500_000))
    path.write_text(f"<html><body><p {attributes}>The baby.</p></body></html>", encoding="utf-8")
    out = _read(path)
    assert out.startswith("refused ") and "500,000 attributes" in out and path.name in out
