"""A large findings.json is read piece by piece: the same analysis, the same refusals."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from caselens.analysis_read import read_analysis_file
from caselens.codebook import default_codebook
from caselens.errors import InputError
from caselens.pipeline.settings import Settings
from caselens.report.formats import render
from caselens.services import SpooledReview, analyse, analysis_from_dict, analysis_to_dict
from caselens.spool import SpooledFindings, SpooledItems

REVIEWS = Path(__file__).parent / "fixtures" / "reviews"


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reviews")
    for review in REVIEWS.glob("*.txt"):
        shutil.copy(review, folder / review.name)
    codebook = default_codebook()
    analysis = analyse([folder], codebook, Settings(semantic=False))
    out = tmp_path_factory.mktemp("out")
    render(out, ["json"], analysis, codebook)
    return out / "findings.json"


def test_read_piece_by_piece_it_is_the_analysis_read_whole(saved: Path) -> None:
    data = json.loads(saved.read_text("utf-8"))
    whole = analysis_from_dict(data, str(saved))
    streamed, rest = read_analysis_file(saved, 10**9)
    assert analysis_to_dict(streamed) == analysis_to_dict(whole)
    assert any(isinstance(r.findings, SpooledFindings) for r in streamed.results)
    assert sum(len(r.findings) for r in streamed.results) == len(data["findings"]) > 0
    # the other keys come back whole, for the report: the codebook and the appendix
    assert rest["codebook"] == data["codebook"] and rest["appendix"] == data["appendix"]


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (lambda d: d["findings"][1].pop("confidence"), "findings[1].confidence: missing"),
        (
            lambda d: d["findings"][0].update(document="nowhere"),
            "findings[0].document: 'nowhere' is not the id of a document",
        ),
        (lambda d: d["findings"].insert(2, 7), "findings[2]: should be an object"),
        (lambda d: d.pop("findings"), "analysis: findings: missing"),
        (lambda d: d["findings"][1].update(start=-1), "findings[1].start: -1 is before the text"),
        (lambda d: d["findings"][1].update(confidence=1.5), "findings[1].confidence: 1.5 is not"),
        (lambda d: d.update(schema_version=99), "newer caselens"),
        (lambda d: d.update(format="other"), "is not a caselens analysis"),
        (lambda d: d["skipped"].append({"path": 3}), "skipped[0].path"),
        (lambda d: d.update(documents=5), "documents"),
        (lambda d: d["documents"].insert(0, "a review"), "documents[0]"),
    ],
)
def test_a_damaged_file_read_piece_by_piece_is_refused_naming_the_key(
    saved: Path, tmp_path: Path, edit: Any, named: str
) -> None:
    data = json.loads(saved.read_text("utf-8"))
    edit(data)
    damaged = tmp_path / "findings.json"
    damaged.write_text(json.dumps(data, indent=2), "utf-8")
    with pytest.raises(InputError) as caught:
        read_analysis_file(damaged, 10**9)
    assert named in str(caught.value) and str(damaged) in str(caught.value)


def test_a_file_that_is_not_json_is_refused_naming_it(saved: Path, tmp_path: Path) -> None:
    cut = tmp_path / "findings.json"
    cut.write_bytes(saved.read_bytes()[: saved.stat().st_size // 2])
    with pytest.raises(InputError, match="cannot be read as JSON"):
        read_analysis_file(cut, 10**9)
    with pytest.raises(InputError, match="at most"):
        read_analysis_file(saved, 100)


def test_report_reads_a_large_saved_analysis_piece_by_piece(
    saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caselens.report import saved as saved_module

    whole, codebook, appendix = saved_module.load_saved(saved)
    monkeypatch.setattr(saved_module, "STREAM_ABOVE", 0)
    streamed, codebook_again, appendix_again = saved_module.load_saved(saved)
    assert analysis_to_dict(streamed) == analysis_to_dict(whole)
    assert codebook_again == codebook and appendix_again == appendix
    # nothing of a corpus held: each review's record and the appendix are on disk too
    assert all(isinstance(r, SpooledReview) for r in streamed.results)
    assert isinstance(appendix_again, SpooledItems) and len(appendix_again) > 0
    render(tmp_path / "a", ["html", "csv"], whole, codebook, appendix=appendix)
    render(tmp_path / "b", ["html", "csv"], streamed, codebook, appendix=appendix_again)
    for name in ("briefing.html", "findings.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_a_damaged_appendix_read_piece_by_piece_is_refused_naming_its_place(
    saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caselens.report import saved as saved_module

    data = json.loads(saved.read_text("utf-8"))
    assert len(data["appendix"]) > 1
    data["appendix"][1]["paragraphs"][0]["start"] = "early"
    damaged = tmp_path / "findings.json"
    damaged.write_text(json.dumps(data, indent=2), "utf-8")
    monkeypatch.setattr(saved_module, "STREAM_ABOVE", 0)
    with pytest.raises(InputError, match=r"appendix\[1\]\.paragraphs\[0\]\.start"):
        saved_module.load_saved(damaged)


def test_findings_before_their_reviews_are_read_all_the_same(saved: Path, tmp_path: Path) -> None:
    """A file edited by hand may list its keys in any order."""
    data = json.loads(saved.read_text("utf-8"))
    reordered = {k: v for k, v in data.items() if k != "documents"}
    reordered["documents"] = data["documents"]
    moved = tmp_path / "findings.json"
    moved.write_text(json.dumps(reordered, indent=2), "utf-8")
    streamed, _ = read_analysis_file(moved, 10**9)
    assert analysis_to_dict(streamed) == analysis_to_dict(analysis_from_dict(data, str(saved)))


def test_a_finding_outside_the_codebook_read_piece_by_piece_is_refused(
    saved: Path, tmp_path: Path
) -> None:
    """The codebook is chosen after the findings are read (findings.json keeps it after
    them), so each indicator is checked then, still named by its finding's place."""
    data = json.loads(saved.read_text("utf-8"))
    data["findings"][2]["indicator"] = "Z.unknown"
    edited = tmp_path / "findings.json"
    edited.write_text(json.dumps(data), "utf-8")
    read_analysis_file(edited, 10**9)  # without a codebook, nothing to check it against
    with pytest.raises(InputError, match=r"findings\[2\]\.indicator: 'Z\.unknown' is not"):
        read_analysis_file(edited, 10**9, codebook_for=lambda _a, _d: default_codebook())
