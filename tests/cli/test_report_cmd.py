from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from caselens.cli import cli
from caselens.cli.report_cmd import report

ROOT = Path(__file__).parents[2]
REVIEWS = ROOT / "tests" / "fixtures" / "reviews"
READABLE = ["baby-k-eastvale-2020.txt", "infant-m-westbrook-2021.md", "baby-r-southport-2022.txt"]

if "report" not in cli.commands:  # until the lead registers it in caselens.cli
    cli.add_command(report)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("saved")
    folder = base / "reviews"
    folder.mkdir()
    for name in READABLE:
        shutil.copy(REVIEWS / name, folder / name)
    code, _, stderr = _run("analyse", str(folder), "--out", str(base / "out"), "--no-semantic")
    assert code == 0, stderr
    return base / "out" / "findings.json"


def test_report_renders_pdf_and_pptx_from_findings_json(saved: Path, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    pptx = pytest.importorskip("pptx")
    code, stdout, stderr = _run(
        "report", str(saved), "--out", str(tmp_path), "--format", "pdf,pptx"
    )
    assert code == 0, stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.pdf", "briefing.pptx"]
    assert "briefing.pdf" in stdout
    data = json.loads(saved.read_text(encoding="utf-8"))
    labels = [t["label"] for t in data["codebook"]["themes"]]
    reader = pypdf.PdfReader(io.BytesIO((tmp_path / "briefing.pdf").read_bytes()))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert all(label in text for label in labels)
    deck = pptx.Presentation(str(tmp_path / "briefing.pptx"))
    titles = [s.shapes.title.text for s in deck.slides]
    assert sum(any(t.endswith(label) for t in titles) for label in labels) == len(labels)


def test_report_html_links_quotes_to_the_reread_sources(saved: Path, tmp_path: Path) -> None:
    reviews = saved.parent.parent / "reviews"
    code, _, stderr = _run("report", str(saved), "--out", str(tmp_path), "--format", "html,md",
                           "--sources", str(reviews))  # fmt: skip
    assert code == 0, stderr
    html = (tmp_path / "briefing.html").read_text(encoding="utf-8")
    assert 'id="sources"' in html and "read it in context" in html


def test_report_from_the_library_with_accepted_only(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.db")
    code, _, stderr = _run(
        "library", "add", str(REVIEWS / READABLE[0]), "--db", db, "--no-semantic"
    )
    assert code == 0, stderr
    code, _, stderr = _run("report", "--library", "--db", db, "--out", str(tmp_path / "all"),
                           "--format", "json")  # fmt: skip
    assert code == 0, stderr
    everything = json.loads((tmp_path / "all" / "findings.json").read_text(encoding="utf-8"))
    assert everything["findings"], "the fixture review has findings"
    code, _, stderr = _run("report", "--library", "--accepted-only", "--db", db,
                           "--out", str(tmp_path / "accepted"), "--format", "json")  # fmt: skip
    assert code == 0, stderr
    accepted = json.loads((tmp_path / "accepted" / "findings.json").read_text(encoding="utf-8"))
    assert len(accepted["documents"]) == 1 and accepted["findings"] == []  # nobody reviewed yet


def _accepted_after(db: str, out: Path, *recode: str) -> tuple[list[Any], str]:
    """Recode the library with ``recode``, then the accepted-only findings and stderr."""
    code, _, stderr = _run("library", "recode", "--db", db, "--no-semantic", *recode)
    assert code == 0, stderr
    code, _, stderr = _run("report", "--library", "--accepted-only", "--db", db,
                           "--out", str(out), "--format", "json")  # fmt: skip
    assert code == 0, stderr
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    return data["findings"], stderr


def test_accepted_findings_stay_accepted_after_a_recode(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.db")
    code, _, stderr = _run("library", "add", str(REVIEWS / READABLE[0]), "--db", db,
                           "--no-semantic")  # fmt: skip
    assert code == 0, stderr
    listed = json.loads(_run("library", "list", "--json", "--db", db)[1])
    shown = json.loads(_run("library", "show", listed[0]["id"], "--json", "--db", db)[1])
    ids = [str(f["id"]) for f in shown["findings"][:3]]
    code, _, stderr = _run("review", "accept", *ids, "--reviewer", "sam", "--db", db)
    assert code == 0, stderr
    kept, stderr = _accepted_after(db, tmp_path / "same", "--any-year")  # the same findings
    assert [str(f["start"]) for f in kept] == [str(f["start"]) for f in shown["findings"][:3]]
    assert "Warning" not in stderr
    lost, stderr = _accepted_after(db, tmp_path / "fewer", "--any-year", "--min-confidence",
                                   "0.999")  # fmt: skip
    assert lost == [] and f"Warning: {len(ids)} review decision(s)" in stderr


def test_usage_errors_are_clear(saved: Path, tmp_path: Path) -> None:
    code, _, stderr = _run("report", "--out", str(tmp_path))
    assert code == 2 and "either a findings.json or --library" in stderr
    code, _, stderr = _run("report", str(saved), "--out", str(tmp_path), "--format", "doc")
    assert code == 2 and "unknown format 'doc'" in stderr
    not_json = tmp_path / "x.json"
    not_json.write_text("{}", encoding="utf-8")
    code, _, stderr = _run("report", str(not_json), "--out", str(tmp_path / "o"))
    assert code == 1 and "is not a caselens analysis" in stderr


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (lambda d: d["findings"][0].pop("confidence"), "findings[0].confidence: missing"),
        (lambda d: d.pop("findings"), "analysis: findings: missing"),
        (lambda d: d["findings"][1].update(start=50, end=10), "findings[1].end: 10 is before"),
        (
            lambda d: d["findings"][1].update(indicator="Z.unknown"),
            "findings[1].indicator: 'Z.unknown' is not an indicator of codebook",
        ),
        (lambda d: d["findings"][1].update(theme="Q"), "findings[1].theme: 'Q' is not the theme"),
        (lambda d: d["findings"][1].update(page=-3), "findings[1].page: -3 is not a page"),
        (lambda d: d["findings"][1].update(confidence=5), "findings[1].confidence: 5.0 is not"),
        (lambda d: d["findings"][1].update(confidence=float("nan")), "confidence: nan is not"),
        (
            lambda d: d["documents"][0]["screening"].update(included="false"),
            "documents[0].screening.included: should be true or false",
        ),
        (
            lambda d: d["documents"][0]["facts"].update(age_months=5),
            "documents[0].facts.age_months: should be an object",
        ),
        (
            lambda d: d["findings"][0].update(document="nowhere"),
            "findings[0].document: 'nowhere' is not the id of a document",
        ),
        (lambda d: d.update(schema_version=99), "newer caselens"),
        (
            lambda d: d["appendix"][0].update(paragraphs="all of them"),
            "appendix[0].paragraphs: missing or of the wrong kind",
        ),
        (
            lambda d: d["appendix"][0]["paragraphs"][0]["pieces"][0].update(anchors=[3]),
            "appendix[0].paragraphs[0].pieces[0].anchors: expected text",
        ),
    ],
)
def test_report_from_an_edited_or_newer_findings_json_names_file_and_key(
    saved: Path, tmp_path: Path, edit: Any, named: str
) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    edit(data)
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    code, _, stderr = _run("report", str(edited), "--out", str(tmp_path / "o"))
    assert code == 1
    assert stderr.startswith(f"error: {edited}: ") and named in stderr, stderr
    assert not (tmp_path / "o").exists()


def test_report_leaves_out_a_source_changed_since_with_a_note(tmp_path: Path) -> None:
    from caselens.qda import read_qdpx
    from caselens.report.quotes import source_id

    folder = tmp_path / "reviews"
    folder.mkdir()
    for name in READABLE[:2]:
        shutil.copy(REVIEWS / name, folder / name)
    code, _, stderr = _run("analyse", str(folder), "--out", str(tmp_path / "a"), "--no-semantic")
    assert code == 0, stderr
    saved = tmp_path / "a" / "findings.json"
    docs = {d["name"]: d for d in json.loads(saved.read_text(encoding="utf-8"))["documents"]}
    changed, kept = docs[READABLE[0]], docs[READABLE[1]]
    assert changed["screening"]["included"] and kept["screening"]["included"]
    # An edit that moves every later offset: linking its old offsets would mark the wrong words.
    path = folder / READABLE[0]
    path.write_text("Added later.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")

    # findings.json keeps the briefing's appendix: the briefing needs no review file, and
    # only the .qdpx, which carries whole texts, reads them (and leaves the changed one out)
    out = tmp_path / "b"
    code, _, stderr = _run("report", str(saved), "--out", str(out), "--format", "html,qdpx",
                           "--sources", str(folder))  # fmt: skip
    assert code == 0, stderr
    assert READABLE[0] in stderr and "changed since it was analysed" in stderr
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert html == (tmp_path / "a" / "briefing.html").read_text(encoding="utf-8")
    project = read_qdpx(out / "project.qdpx")
    assert [s.name for s in project.sources] == [READABLE[1]]

    # the review files gone altogether: the briefing is the same
    shutil.rmtree(folder)
    code, _, stderr = _run("report", str(saved), "--out", str(tmp_path / "d"))
    assert code == 0, stderr
    assert (tmp_path / "d" / "briefing.html").read_text(encoding="utf-8") == html
    folder.mkdir()
    for name in READABLE[:2]:
        shutil.copy(REVIEWS / name, folder / name)
    path.write_text("Added later.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")

    # a findings.json without an appendix (written before it kept one): read from the files
    data = json.loads(saved.read_text(encoding="utf-8"))
    del data["appendix"]
    older = tmp_path / "older.json"
    older.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "c"
    code, _, stderr = _run("report", str(older), "--out", str(out), "--format", "html",
                           "--sources", str(folder))  # fmt: skip
    assert code == 0, stderr
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert "changed since it was analysed" in html
    assert f'id="{source_id(changed["id"])}"' not in html
    assert f'href="#doc-{changed["id"]}-' not in html
    assert f'id="{source_id(kept["id"])}"' in html and f'href="#doc-{kept["id"]}-' in html
