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


def _shared_stream_pdf(path: Path, lines: int, pages: int) -> None:
    """A small PDF whose pages all draw one compressed content stream of ``lines`` lines:
    the shape of a file built to make a reader extract the same huge text on every page."""
    import zlib

    ops = b"BT /F1 12 Tf 72 720 Td " + b"(An ordinary line of review text.) Tj 0 -14 Td " * lines
    stream = zlib.compress(ops + b"ET", 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + " ".join(f"{4 + i} 0 R" for i in range(pages)).encode()
        + f"] /Count {pages} >>".encode(),
        f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
        + stream
        + b"\nendstream",
    ]
    font = 4 + pages
    objects += [
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
        f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
    ] * pages
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out, offsets = b"%PDF-1.7\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    path.write_bytes(out)


@pytest.mark.slow
def test_pdf_pages_sharing_one_huge_stream_are_refused_at_the_first(tmp_path: Path) -> None:
    """42 KB that would be hundreds of megabytes of text: refused in seconds (was 120 s)."""
    path = tmp_path / "shared.pdf"
    _shared_stream_pdf(path, lines=20_000, pages=50)
    assert path.stat().st_size < 50_000
    out = _read(path)
    assert out.startswith("refused ") and path.name in out
    assert "page 1 holds 679,998 characters" in out


def test_an_ordinary_pdf_page_is_well_under_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "ordinary.pdf"
    _shared_stream_pdf(path, lines=50, pages=2)  # 50 lines a page: a real page's worth
    out = _read(path)
    assert out.startswith("read ")
