from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from report_builders import TEXTS, make_placed_analysis

from caselens.codebook import default_codebook
from caselens.model import Evidence
from caselens.pipeline.settings import Settings
from caselens.report import sources
from caselens.report.sources import build_section
from caselens.services import Analysis, analyse, analysis_from_dict, analysis_to_dict


def _text_of(section: sources.SourceSection) -> str:
    return "".join(p.text for para in section.paragraphs for p in para.pieces)


def test_short_review_is_shown_whole_with_each_quote_marked_and_anchored() -> None:
    ash = make_placed_analysis().results[0]
    section = build_section(ash, TEXTS["t1"])
    assert section is not None and section.complete
    assert _text_of(section) == TEXTS["t1"].replace("\n\n", "")
    for f in ash.findings:
        anchored = [
            p for para in section.paragraphs for p in para.pieces
            if f"doc-t1-{f.start}" in p.anchors
        ]  # fmt: skip
        assert len(anchored) == 1 and anchored[0].marked
        assert TEXTS["t1"][f.start : f.end].startswith(anchored[0].text)


def test_long_review_is_cut_to_the_paragraphs_around_quotes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sources, "WHOLE_TEXT_LIMIT", 10)
    filler = "\n\n".join(f"Filler paragraph {i}." for i in range(20))
    text = filler + "\n\nAlpha x was seen at every visit.\n\n" + filler
    result = make_placed_analysis().results[0]
    quote = "Alpha x was seen at every visit."
    start = text.index(quote)
    finding = replace(result.findings[0], evidence=Evidence(quote, start, start + len(quote)))
    section = build_section(replace(result, findings=(finding,)), text)
    assert section is not None and not section.complete
    assert len(section.paragraphs) == 3  # the quote's paragraph and one either side
    assert section.paragraphs[0].gap_before and section.gap_after


def test_a_quote_that_no_longer_matches_its_text_is_not_linked() -> None:
    ash = make_placed_analysis().results[0]
    assert build_section(ash, "Entirely different text now.") is None


REVIEW = Path(__file__).parents[1] / "fixtures" / "reviews" / "baby-k-eastvale-2020.txt"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Analysed and reported from one folder, as a user does: sources are named from it."""
    monkeypatch.chdir(tmp_path)


def _saved(folder: Path) -> Analysis:
    """A fresh analysis of one review, as it is read back from findings.json (no texts)."""
    folder.mkdir()
    (folder / REVIEW.name).write_bytes(REVIEW.read_bytes())
    analysis = analyse([folder], default_codebook(), Settings(semantic=False))
    assert analysis.findings, "the fixture review contains findings"
    return analysis_from_dict(json.loads(json.dumps(analysis_to_dict(analysis))))


def test_read_texts_gives_the_text_of_an_unchanged_source(tmp_path: Path) -> None:
    saved = _saved(tmp_path / "reviews")
    found = sources.read_texts(saved)
    assert found.notes == ()
    text = found.texts[saved.results[0].document.id]
    assert all(text[f.start : f.end] == f.quote for f in saved.findings)


def test_read_texts_leaves_out_a_changed_source_with_a_note(tmp_path: Path) -> None:
    saved = _saved(tmp_path / "reviews")
    path = tmp_path / "reviews" / REVIEW.name
    path.write_text("Baby K review.\n\n" + REVIEW.read_text(encoding="utf-8"), encoding="utf-8")
    found = sources.read_texts(saved)
    assert found.texts == {}
    assert len(found.notes) == 1
    assert REVIEW.name in found.notes[0] and "changed since it was analysed" in found.notes[0]


def test_read_texts_leaves_out_a_missing_source_with_a_note(tmp_path: Path) -> None:
    saved = _saved(tmp_path / "reviews")
    (tmp_path / "reviews" / REVIEW.name).unlink()
    found = sources.read_texts(saved)
    assert found.texts == {}
    assert len(found.notes) == 1 and "is not there" in found.notes[0]
    assert "--sources" in found.notes[0]


def test_read_texts_finds_moved_sources_under_the_folder_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = _saved(tmp_path / "reviews")
    assert saved.results[0].document.source == f"reviews/{REVIEW.name}"
    moved = tmp_path / "archive" / "2024"
    moved.mkdir(parents=True)
    (tmp_path / "reviews" / REVIEW.name).rename(moved / REVIEW.name)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert sources.read_texts(saved).texts == {}
    found = sources.read_texts(saved, roots=[moved])
    assert found.notes == () and len(found.texts) == 1


def _coded_review(paragraphs: int) -> tuple[str, object]:
    """A review of ``paragraphs`` paragraphs, each holding one coded quote."""
    text = "\n\n".join(
        f"Paragraph {i}: the mother said the baby slept well." for i in range(paragraphs)
    )
    result = make_placed_analysis().results[0]
    findings = []
    for i in range(paragraphs):
        quote = f"Paragraph {i}: the mother said the baby slept well."
        start = text.index(quote)
        findings.append(
            replace(result.findings[0], evidence=Evidence(quote, start, start + len(quote)))
        )
    return text, replace(result, findings=tuple(findings))


def test_a_large_briefing_keeps_the_chosen_passages_and_says_how_many_are_left_out() -> None:
    text, result = _coded_review(30)
    wanted = text.index("Paragraph 20:")
    section = build_section(
        result,
        text,
        max_passages=5,
        first=frozenset({f"doc-t1-{wanted}"}),  # type: ignore[arg-type]
    )
    assert section is not None and not section.complete
    shown = _text_of(section)
    assert "Paragraph 20:" in shown  # the briefing's own quote comes first
    assert [f"Paragraph {i}:" in shown for i in range(4)] == [True] * 4  # then in text order
    assert "Paragraph 5:" not in shown
    assert section.passages_not_shown == 25
    assert f"doc-t1-{wanted}" in section.anchors()
    # a quote whose paragraph is not shown has no anchor to link to
    assert f"doc-t1-{text.index('Paragraph 9:')}" not in section.anchors()


def test_finding_the_coded_paragraphs_is_linear_and_exact() -> None:
    spans = [(i * 10, i * 10 + 8) for i in range(1000)]
    marks = [(i * 10 + 2, i * 10 + 4) for i in range(0, 1000, 7)] + [(9995, 9999)]
    naive = [i for i, (a, b) in enumerate(spans) if any(a < q1 and q0 < b for q0, q1 in marks)]
    assert sources._holding(spans, sorted(marks)) == naive
