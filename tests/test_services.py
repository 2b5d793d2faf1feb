from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from caselens import __version__
from caselens.codebook import default_codebook
from caselens.errors import InputError
from caselens.pipeline.sentence_model import default_model
from caselens.pipeline.settings import Settings
from caselens.services import (
    analyse,
    analysis_from_dict,
    analysis_to_dict,
    shown_path,
    shown_paths,
)

REVIEWS = Path(__file__).parent / "fixtures" / "reviews"
SETTINGS = Settings(semantic=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "reviews"
    shutil.copytree(REVIEWS, target)
    return target


def test_analyse_reads_every_file_and_skips_the_damaged_one(folder: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    analysis = analyse(
        [folder],
        default_codebook(),
        SETTINGS,
        progress=lambda p, i, n: calls.append((p.name, i, n)),
    )
    names = sorted(r.document.name for r in analysis.results)
    assert names == [
        "baby-k-eastvale-2020.txt",
        "baby-r-southport-2022.txt",
        "child-t-northfield-2019.txt",
        "infant-m-westbrook-2021.md",
    ]
    assert [Path(s.path).name for s in analysis.skipped] == ["damaged-review.pdf"]
    assert "damaged" in analysis.skipped[0].reason
    assert [(i, n) for _, i, n in calls] == [(i, 5) for i in range(1, 6)]
    p = analysis.provenance
    assert (p.codebook_id, p.codebook_version) == (
        default_codebook().id,
        default_codebook().version,
    )
    assert p.software_version == __version__
    assert p.settings.items() >= SETTINGS.to_dict().items()
    assert p.settings["methods"] == ["rules", "model"]  # which coders ran
    assert p.settings["model_sha256"] == default_model().config["sha256"]
    assert p.settings["model_long_floor"] == default_model().config["long_floor"]
    started, finished = datetime.fromisoformat(p.started), datetime.fromisoformat(p.finished)
    assert started.utcoffset() is not None and started <= finished


def test_same_content_under_two_names_is_processed_once(folder: Path) -> None:
    shutil.copy(folder / "baby-k-eastvale-2020.txt", folder / "copy-of-baby-k.txt")
    analysis = analyse([folder / "baby-k-eastvale-2020.txt", folder], default_codebook(), SETTINGS)
    ids = [r.document.id for r in analysis.results]
    assert len(ids) == len(set(ids)) == 4
    assert [Path(d.path).name for d in analysis.duplicates] == ["copy-of-baby-k.txt"]


def test_missing_path_is_skipped_not_fatal(folder: Path) -> None:
    analysis = analyse(
        [folder / "nowhere.txt", folder / "baby-r-southport-2022.txt"], default_codebook(), SETTINGS
    )
    assert len(analysis.results) == 1
    assert [Path(s.path).name for s in analysis.skipped] == ["nowhere.txt"]


def test_analysis_round_trips_through_json(folder: Path) -> None:
    analysis = analyse([folder], default_codebook(), SETTINGS)
    assert analysis.findings, "the fixtures are written to contain findings"
    data = json.loads(json.dumps(analysis_to_dict(analysis)))
    assert analysis_from_dict(data) == analysis
    # The texts stay in memory only: findings.json keeps its shape and holds no review text.
    assert set(data) == {
        "format", "schema_version", "provenance", "documents", "findings", "skipped", "duplicates"
    }  # fmt: skip
    assert analysis_from_dict(data).texts == {}


def test_analyse_keeps_the_coded_text_of_each_review_once(folder: Path) -> None:
    shutil.copy(folder / "baby-k-eastvale-2020.txt", folder / "copy-of-baby-k.txt")
    analysis = analyse([folder], default_codebook(), SETTINGS)
    assert set(analysis.texts) == {r.document.id for r in analysis.results}
    for finding in analysis.findings:
        text = analysis.texts[finding.document]
        assert text[finding.start : finding.end] == finding.quote


def test_analysis_from_dict_refuses_other_json() -> None:
    with pytest.raises(InputError, match="not a caselens analysis"):
        analysis_from_dict({"documents": []}, source="x.json")
    with pytest.raises(InputError, match="damaged caselens analysis"):
        analysis_from_dict({"format": "caselens-analysis", "documents": [{}]}, source="x.json")


def test_outputs_never_name_an_absolute_path_of_the_users_machine(
    folder: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the reviews are not under the current folder
    analysis = analyse([folder.resolve()], default_codebook(), SETTINGS)
    shown = [r.document.source for r in analysis.results] + [s.path for s in analysis.skipped]
    assert shown and all(p is not None and not Path(p).is_absolute() for p in shown)
    assert "reviews/baby-k-eastvale-2020.txt" in shown
    assert analysis.provenance.inputs == ("reviews",)
    assert str(tmp_path) not in json.dumps(analysis_to_dict(analysis))


def test_a_path_under_the_current_folder_is_named_from_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    inside = tmp_path / "area" / "child-a.pdf"
    assert shown_path(inside, [tmp_path / "area"]) == "area/child-a.pdf"
    assert shown_path(Path("given/as/typed.txt"), []) == "given/as/typed.txt"


def test_files_shown_alike_keep_the_folders_that_tell_them_apart(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    a, b = tmp_path / "area-a" / "x.pdf", tmp_path / "area-b" / "x.pdf"
    other = tmp_path / "area-b" / "y.pdf"
    names = shown_paths([a, b, other], [a, b, other])
    assert names == {str(a): "area-a/x.pdf", str(b): "area-b/x.pdf", str(other): "y.pdf"}

    a.parent.mkdir()
    monkeypatch.chdir(a.parent)  # one file given two ways is one file: no folders added
    assert shown_paths([a, Path("x.pdf")], [a, Path("x.pdf")]) == {
        str(a): "x.pdf",
        "x.pdf": "x.pdf",
    }


def test_missing_files_of_one_name_are_named_apart_in_the_analysis(
    folder: Path, tmp_path: Path
) -> None:
    a, b = tmp_path / "nonexist-a" / "x.pdf", tmp_path / "nonexist-b" / "x.pdf"
    analysis = analyse([a, b, folder], default_codebook(), SETTINGS)
    skipped = {s.path for s in analysis.skipped}
    assert {"nonexist-a/x.pdf", "nonexist-b/x.pdf"} <= skipped
