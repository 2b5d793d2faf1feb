from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest
from report_builders import TEXTS, make_placed_analysis

from caselens.model import Codebook
from caselens.report import formats
from caselens.report.formats import FormatError, parse_formats, render


def test_parse_formats_orders_dedupes_and_expands_all() -> None:
    assert parse_formats("json, HTML,.pdf,html") == ("html", "pdf", "json")
    assert parse_formats("all") == formats.FORMATS
    with pytest.raises(FormatError, match=r"unknown format 'docx'.*choose from"):
        parse_formats("html,docx")
    with pytest.raises(FormatError, match="empty"):
        parse_formats(" , ")


@pytest.mark.parametrize("asked", [["html", "nope"], "nope", ["html", 3]])
def test_render_names_an_unknown_format_and_the_known_ones_writing_nothing(
    codebook: Codebook, tmp_path: Path, asked: object
) -> None:
    with pytest.raises(FormatError) as caught:
        render(tmp_path / "out", asked, make_placed_analysis(), codebook)  # type: ignore[arg-type]
    assert str(caught.value).startswith("unknown format ")
    assert "the formats are html, pdf, pptx, md, csv, xlsx, json" in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_a_format_given_as_one_name_is_that_format(codebook: Codebook, tmp_path: Path) -> None:
    written = render(tmp_path / "out", "md", make_placed_analysis(), codebook)
    assert [p.name for p in written] == ["briefing.md"]


def test_a_format_that_cannot_be_written_stops_no_other_and_says_why(
    monkeypatch: pytest.MonkeyPatch, codebook: Codebook, tmp_path: Path
) -> None:
    real = importlib.import_module

    def fake(name: str, package: str | None = None) -> ModuleType:
        if name == "pptx":
            raise ImportError("No module named 'pptx'")
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real(name, package)

    monkeypatch.setattr(formats.importlib, "import_module", fake)
    with pytest.raises(formats.FormatsNotWrittenError) as caught:
        render(tmp_path / "out", ("json", "pdf", "pptx", "md"), make_placed_analysis(), codebook)
    error = caught.value
    assert sorted(p.name for p in error.written) == ["briefing.md", "findings.json"]
    assert set(error.problems) == {"pdf", "pptx"}
    message = str(error)
    assert "pip install python-pptx" in message and "libpango" in message
    assert "\n" not in message  # one line for a person
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["briefing.md", "findings.json"]


def test_nothing_is_written_when_no_format_can_be(
    monkeypatch: pytest.MonkeyPatch, codebook: Codebook, tmp_path: Path
) -> None:
    real = importlib.import_module

    def fake(name: str, package: str | None = None) -> ModuleType:
        if name == "pptx":
            raise ImportError("No module named 'pptx'")
        return real(name, package)

    monkeypatch.setattr(formats.importlib, "import_module", fake)
    with pytest.raises(FormatError, match=r"pip install python-pptx"):
        render(tmp_path / "out", ("pptx",), make_placed_analysis(), codebook)
    assert not (tmp_path / "out").exists()


def test_a_format_whose_writer_is_missing_says_so(
    monkeypatch: pytest.MonkeyPatch, codebook: Codebook, tmp_path: Path
) -> None:
    monkeypatch.setattr(formats, "REGISTRY", dict(formats.REGISTRY))
    formats.register(
        formats.OutputFormat("gone", "gone.txt", "caselens.report.no_such_module:write", "x")
    )
    with pytest.raises(FormatError, match="format gone is not available in this caselens"):
        render(tmp_path, ("gone",), make_placed_analysis(), codebook, texts=TEXTS)


def test_every_format_is_written_under_its_usual_name(codebook: Codebook, tmp_path: Path) -> None:
    written = render(tmp_path, formats.FORMATS, make_placed_analysis(), codebook, texts=TEXTS)
    assert written[0].name == "findings.json"  # the saved analysis comes first
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(formats.FILE_NAMES.values())
    assert all(p.stat().st_size > 0 for p in written)


REVIEWS = Path(__file__).parents[1] / "fixtures" / "reviews"


def test_a_fresh_analysis_renders_appendix_and_qdpx_from_its_own_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caselens.codebook import default_codebook
    from caselens.pipeline.settings import Settings
    from caselens.qda import read_qdpx
    from caselens.services import analyse

    folder = tmp_path / "reviews"
    folder.mkdir()
    for name in ("baby-k-eastvale-2020.txt", "infant-m-westbrook-2021.md"):
        (folder / name).write_bytes((REVIEWS / name).read_bytes())
    codebook = default_codebook()
    analysis = analyse([folder], codebook, Settings(semantic=False))
    assert analysis.findings, "the fixture reviews contain findings"
    # Between coding and rendering one file changes and the other disappears.
    (folder / "baby-k-eastvale-2020.txt").write_text("Different words now.\n", encoding="utf-8")
    (folder / "infant-m-westbrook-2021.md").unlink()

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("a source file was read again")

    monkeypatch.setattr("caselens.ingest.read_document", no_reading)
    notes: list[str] = []
    render(tmp_path / "out", ("html", "qdpx"), analysis, codebook, on_note=notes.append)
    assert notes == []
    html = (tmp_path / "out" / "briefing.html").read_text(encoding="utf-8")
    shown = {r.document.id for r in analysis.included if r.findings}
    assert shown and html.count('<section class="source"') == len(shown)
    assert "read it in context" in html
    project = read_qdpx(tmp_path / "out" / "project.qdpx", codebook)
    texts = {s.guid: s.text for s in project.sources}
    assert len(texts) == len(analysis.results)
    assert len(project.codings) >= len({(f.start, f.end) for f in analysis.findings})
    quotes = {f.quote for f in analysis.findings}
    for coding in project.codings:
        text = texts[coding.source]
        assert text is not None and text[coding.start : coding.end] in quotes


def test_html_and_pdf_share_one_drawing_of_the_charts(
    monkeypatch: pytest.MonkeyPatch, codebook: Codebook, tmp_path: Path
) -> None:
    from caselens.report import html, pdf

    drawn: list[int] = []
    real = html.chart_set

    def counting(context: object) -> object:
        drawn.append(1)
        return real(context)  # type: ignore[arg-type]

    monkeypatch.setattr(html, "chart_set", counting)
    monkeypatch.setattr(pdf, "html_to_pdf", lambda page: b"%PDF-1.7 " + page.encode()[:10])
    render(tmp_path, ("html", "pdf"), make_placed_analysis(), codebook, texts=TEXTS)
    assert len(drawn) == 1
    assert (tmp_path / "briefing.pdf").read_bytes().startswith(b"%PDF")


def test_a_format_that_fails_unexpectedly_costs_only_itself(
    codebook: Codebook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caselens.report import formats as formats_module
    from caselens.report.formats import FormatsNotWrittenError

    def xlsx_breaks(path: Path, inputs: object) -> None:
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(formats_module, "_xlsx", xlsx_breaks)
    with pytest.raises(FormatsNotWrittenError) as info:
        formats_module.render(
            tmp_path / "out", ["csv", "xlsx", "qdc"], make_placed_analysis(), codebook, texts=TEXTS
        )
    assert "XML compatible" in info.value.problems["xlsx"]
    assert {p.name for p in info.value.written} == {"findings.csv", "codebook.qdc"}


def test_a_registered_format_is_written_like_the_others(
    codebook: Codebook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One registration is all a new format needs: --format accepts it, 'all' includes
    it, and it is written beside the others with the same inputs."""
    from caselens.report import formats as formats_module

    seen: list[int] = []

    def write_count(path: Path, inputs: formats_module.ReportInputs) -> None:
        seen.append(inputs.context.flow.included)
        path.write_text(f"{inputs.context.flow.included} reviews\n", encoding="utf-8")

    monkeypatch.setattr(formats_module, "REGISTRY", dict(formats_module.REGISTRY))
    monkeypatch.setattr(formats_module, "_count_writer", write_count, raising=False)
    formats_module.register(
        formats_module.OutputFormat(
            "count", "count.txt", "caselens.report.formats:_count_writer", "a test format"
        )
    )
    assert formats_module.parse_formats("count, csv") == ("csv", "count")
    assert "count" in formats_module.parse_formats("all")
    written = formats_module.render(
        tmp_path, ["count", "csv"], make_placed_analysis(), codebook, texts=TEXTS
    )
    assert {p.name for p in written} == {"count.txt", "findings.csv"}
    assert (tmp_path / "count.txt").read_text(encoding="utf-8") == f"{seen[0]} reviews\n"
    with pytest.raises(ValueError, match="already registered"):
        formats_module.register(formats_module.REGISTRY["csv"])
