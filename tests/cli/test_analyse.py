from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from caselens.cli import cli
from caselens.codebook import default_codebook
from caselens.ingest import read_document
from caselens.report.context import build_context
from caselens.report.tables import CSV_COLUMNS
from caselens.services import analysis_from_dict

ROOT = Path(__file__).parents[2]
REVIEWS = ROOT / "tests" / "fixtures" / "reviews"
SAMPLES = ROOT / "samples"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["analyse", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str, str]:
    base = tmp_path_factory.mktemp("analyse")
    folder = base / "reviews"
    shutil.copytree(REVIEWS, folder)
    out = base / "out"
    code, stdout, stderr = _run(str(folder), "--out", str(out), "--no-semantic")
    return out, code, stdout, stderr


def test_writes_the_three_files_and_exits_3_naming_the_skipped_file(
    analysed: tuple[Path, int, str, str],
) -> None:
    out, code, stdout, stderr = analysed
    assert code == 3
    assert sorted(p.name for p in out.iterdir()) == [
        "briefing.html",
        "findings.csv",
        "findings.json",
    ]
    assert "damaged-review.pdf" in stderr
    assert str(out / "briefing.html") in stdout
    assert "Reviews read" in stdout and "Reviews included" in stdout


def test_findings_json_shape_and_every_quote_is_in_its_document(
    analysed: tuple[Path, int, str, str],
) -> None:
    out = analysed[0]
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert len(data["documents"]) == 4
    assert [Path(s["path"]).name for s in data["skipped"]] == ["damaged-review.pdf"]
    docs = {d["id"]: d for d in data["documents"]}
    for doc in docs.values():
        assert {"id", "name", "source", "format", "pages", "facts", "screening"} <= set(doc)
        assert {"included", "in_scope", "criteria"} <= set(doc["screening"])
        assert "evidence" in doc["facts"]["age_months"]
    assert data["findings"], "the fixture reviews contain findings"
    # named from the folder pointed at, never by an absolute path of the machine
    assert all(not Path(d["source"]).is_absolute() for d in docs.values())
    texts = {doc_id: read_document(out.parent / d["source"]).text for doc_id, d in docs.items()}
    for f in data["findings"]:
        assert {"document", "indicator", "theme", "quote", "start", "end", "page",
                "confidence", "method"} <= set(f)  # fmt: skip
        assert f["indicator"].startswith(f["theme"] + ".")
        assert texts[f["document"]][f["start"] : f["end"]] == f["quote"]
    by_name = {d["name"]: d for d in data["documents"]}
    assert by_name["child-t-northfield-2019.txt"]["screening"]["included"] is False
    assert data["screening_flow"]["read"] == 4


def test_csv_and_html_agree_with_json(analysed: tuple[Path, int, str, str]) -> None:
    out = analysed[0]
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    with (out / "findings.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(data["findings"])
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert "<svg" in html and "Scope and screening" in html
    assert "http://" not in html.replace("http://www.w3.org/", "")
    # The briefing can be rendered again from findings.json alone.
    context = build_context(analysis_from_dict(data), default_codebook())
    assert context.flow.included == data["screening_flow"]["included"]


def test_exit_1_when_nothing_is_readable(tmp_path: Path) -> None:
    bad = tmp_path / "only.pdf"
    shutil.copy(REVIEWS / "damaged-review.pdf", bad)
    code, _, stderr = _run(str(bad), "--out", str(tmp_path / "out"), "--no-semantic")
    assert code == 1
    assert "no readable review files" in stderr
    assert not (tmp_path / "out" / "briefing.html").exists()


def test_files_of_one_name_are_told_apart_in_every_message(tmp_path: Path) -> None:
    missing = [tmp_path / "nonexist-a" / "x.pdf", tmp_path / "nonexist-b" / "x.pdf"]
    code, _, stderr = _run(*map(str, missing), "--out", str(tmp_path / "out"), "--no-semantic")
    assert code == 1
    assert "nonexist-a/x.pdf: does not exist" in stderr
    assert "nonexist-b/x.pdf: does not exist" in stderr


def test_an_out_folder_under_a_file_names_the_file(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("notes", encoding="utf-8")
    review = str(REVIEWS / "baby-k-eastvale-2020.txt")
    code, _, stderr = _run(review, "--out", str(blocker / "out"), "--no-model")
    assert code == 1
    assert f"({blocker} is a file, not a folder)" in stderr and "Not a directory" not in stderr


def test_exit_0_when_all_files_are_read(tmp_path: Path) -> None:
    code, _, stderr = _run(
        str(REVIEWS / "baby-k-eastvale-2020.txt"), "--out", str(tmp_path), "--no-semantic"
    )
    assert code == 0, stderr
    assert (tmp_path / "briefing.html").exists()


def test_bad_codebook_exits_1_with_a_message(tmp_path: Path) -> None:
    book = tmp_path / "book.yaml"
    book.write_text("id: [unclosed\n", encoding="utf-8")
    code, _, stderr = _run(
        str(REVIEWS), "--out", str(tmp_path / "out"), "--codebook", str(book), "--no-semantic"
    )
    assert code == 1
    assert "book.yaml" in stderr


@pytest.mark.slow
def test_samples_briefing_covers_every_theme_a_to_f(tmp_path: Path) -> None:
    files = [p for p in SAMPLES.rglob("*") if p.is_file()] if SAMPLES.is_dir() else []
    if len(files) < 12:
        pytest.skip(f"samples/ holds {len(files)} files; this test needs at least 12")
    code, _, stderr = _run(str(SAMPLES), "--out", str(tmp_path))
    assert code in (0, 2), stderr
    data = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    seen = {p["theme"]: p["reviews"] for p in data["prevalence"]}
    for theme in "ABCDEF":
        assert seen.get(theme, 0) >= 1, f"theme {theme} has no finding in an included review"


def test_the_installed_command_exits_3_when_a_file_is_skipped(tmp_path: Path) -> None:
    """Through the real entry point, not CliRunner: the exit code must reach the shell."""
    import subprocess
    import sys

    files = [str(REVIEWS / "baby-k-eastvale-2020.txt"), str(REVIEWS / "damaged-review.pdf")]
    command = [sys.executable, "-m", "caselens", "analyse", *files, "--out", str(tmp_path)]
    done = subprocess.run(
        [*command, "--no-semantic"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 3, done.stderr
    assert "damaged-review.pdf" in done.stderr
    assert (tmp_path / "briefing.html").exists()


def test_hostile_text_and_file_names_are_escaped_in_the_briefing(tmp_path: Path) -> None:
    from html.parser import HTMLParser

    folder = tmp_path / "in"
    folder.mkdir()
    text = (REVIEWS / "baby-k-eastvale-2020.txt").read_text(encoding="utf-8")
    hostile = text.replace(
        "The father was rarely seen",
        "<script>alert('x')</script> The father was rarely seen",
    )
    assert hostile != text
    (folder / "<img src=x onerror=alert(1)>.txt").write_text(hostile, encoding="utf-8")
    code, _, stderr = _run(str(folder), "--out", str(tmp_path / "out"), "--no-semantic")
    assert code == 0, stderr
    html = (tmp_path / "out" / "briefing.html").read_text(encoding="utf-8")

    found: set[str] = set()

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.add(tag)

    Tags().feed(html)
    assert not found & {"script", "img"}
    assert "&lt;img src=x onerror=alert(1)&gt;.txt" in html


def test_format_option_writes_only_what_was_asked(tmp_path: Path) -> None:
    code, stdout, stderr = _run(
        str(REVIEWS / "baby-k-eastvale-2020.txt"),
        "--out",
        str(tmp_path),
        "--no-semantic",
        "--format",
        "md,xlsx",
    )
    assert code == 0, stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.md", "findings.xlsx"]
    assert str(tmp_path / "briefing.md") in stdout


def test_unknown_format_is_a_usage_error_before_any_reading(tmp_path: Path) -> None:
    code, _, stderr = _run(str(REVIEWS), "--out", str(tmp_path / "o"), "--format", "html,docx")
    assert code == 2 and "unknown format 'docx'" in stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.slow
def test_samples_render_in_every_format_and_quotes_sit_at_their_offsets(tmp_path: Path) -> None:
    import io
    import re

    pypdf = pytest.importorskip("pypdf")
    pptx = pytest.importorskip("pptx")
    if not SAMPLES.is_dir():
        pytest.skip("samples/ is missing")
    formats = "html,pdf,pptx,md,csv,xlsx,json"
    code, _, stderr = _run(str(SAMPLES), "--out", str(tmp_path), "--format", formats)
    assert code in (0, 2), stderr
    data = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    codebook = default_codebook()
    texts = {d["id"]: read_document(Path(d["source"])).text for d in data["documents"]}
    html = (tmp_path / "briefing.html").read_text(encoding="utf-8")
    quoted = re.findall(r'data-document="(\w+)" data-start="(\d+)" data-end="(\d+)"', html)
    assert quoted
    for doc, start, end in quoted:
        assert texts[doc][int(start) : int(end)] in {f["quote"] for f in data["findings"]}
    reader = pypdf.PdfReader(io.BytesIO((tmp_path / "briefing.pdf").read_bytes()))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    for theme in codebook.themes:
        assert theme.label in text
    for question in codebook.questions:
        assert " ".join(question.text.split()) in text
    deck = pptx.Presentation(str(tmp_path / "briefing.pptx"))
    titles = [s.shapes.title.text for s in deck.slides]
    assert all(f"{t.id}. {t.label}" in titles for t in codebook.themes)


def test_title_and_organisation_are_on_the_cover_and_the_title_slide(tmp_path: Path) -> None:
    import io

    import pypdf
    from pptx import Presentation

    out = tmp_path / "out"
    code, _, stderr = _run(
        str(REVIEWS / "baby-k-eastvale-2020.txt"),
        "--out",
        str(out),
        "--format",
        "html,pdf,pptx",
        "--title",
        "Learning from one review",
        "--organisation",
        "Eastvale Safeguarding Children Partnership",
    )
    assert code == 0, stderr
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert "Learning from one review" in html and "Eastvale Safeguarding" in html
    cover = pypdf.PdfReader(out / "briefing.pdf").pages[0].extract_text()
    assert "Learning from one review" in cover and "Eastvale Safeguarding" in cover
    deck = Presentation(io.BytesIO((out / "briefing.pptx").read_bytes()))
    first = deck.slides[0]
    texts = " ".join(s.text_frame.text for s in first.shapes if s.has_text_frame)
    assert "Learning from one review" in texts and "Eastvale Safeguarding" in texts


def test_a_pdf_with_a_damaged_filter_name_does_not_stop_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    pdf = (ROOT / "samples" / "afon-valley-2020-baby-t.pdf").read_bytes()
    (folder / "blate.pdf").write_bytes(pdf.replace(b"/FlateDecode", b"/BlateDecode"))
    (folder / "good.txt").write_text(
        (REVIEWS / "baby-k-eastvale-2020.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, _, stderr = _run(str(folder), "--out", str(tmp_path / "out"), "--jobs", "2")
    assert "Traceback" not in stderr
    assert code == 3, stderr  # some input skipped
    assert "blate.pdf" in stderr and "damaged PDF" in stderr  # named, with the reason
    assert (tmp_path / "out" / "briefing.html").is_file()  # the good review was analysed
