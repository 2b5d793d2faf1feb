"""What each format says, checked from the file a person would open."""

from __future__ import annotations

import dataclasses
import io
import re
from html.parser import HTMLParser

import pytest
from report_builders import TEXTS, make_placed_analysis

from caselens.model import Codebook
from caselens.report.context import BriefingContext, build_context
from caselens.report.formats import ReportInputs
from caselens.report.html import render_html
from caselens.report.markdown import render_markdown


@pytest.fixture
def ctx(codebook: Codebook) -> BriefingContext:
    return build_context(make_placed_analysis(), codebook, texts=TEXTS)


class _Quotes(HTMLParser):
    """The quotes (blockquote data) and the marked source passages (mark ids) of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.blockquotes: list[dict[str, str | None]] = []
        self.marks: dict[str, str] = {}
        self.links: set[str] = set()
        self._mark: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "blockquote":
            self.blockquotes.append(found)
        elif tag == "mark" and found.get("id"):
            self._mark = found["id"]
            self.marks[str(self._mark)] = ""
        elif tag == "a" and re.fullmatch(r"#doc-\w+-\d+", found.get("href") or ""):
            self.links.add(str(found["href"])[1:])

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self._mark:
            self.marks[self._mark] += data


def test_html_quotes_match_the_source_text_and_link_to_their_place(ctx: BriefingContext) -> None:
    html = render_html(ctx)
    page = _Quotes()
    page.feed(html)
    assert page.blockquotes, "exemplar quotes are shown"
    for bq in page.blockquotes:
        doc, start, end = (
            str(bq["data-document"]),
            int(str(bq["data-start"])),
            int(str(bq["data-end"])),
        )
        quote = TEXTS[doc][start:end]
        assert f"“{quote}”".replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in html
    assert page.links and page.links <= set(page.marks), "every quote link has a target"
    for anchor, marked in page.marks.items():
        doc, start = re.fullmatch(r"doc-(\w+)-(\d+)", anchor).groups()  # type: ignore[union-attr]
        assert TEXTS[doc][int(start) :].startswith(marked)
    assert "Cedar review" not in {b.get("data-document") for b in page.blockquotes}
    assert "<b>bold</b>" not in html  # document text stays text


def test_html_matrix_cells_open_their_quotes(ctx: BriefingContext) -> None:
    html = render_html(ctx)
    matrix = html[html.index('id="matrix"') : html.index('id="cooccurrence"')]
    assert matrix.count("<details>") == 4  # Ash: A, B; Birch: A, C
    assert "<summary>2</summary>" in matrix and "Nobody asked why." in matrix


def test_print_layout_has_page_numbers_and_no_appendix(ctx: BriefingContext) -> None:
    html = render_html(ctx, print_mode=True)
    assert "size: A4" in html and "counter(page)" in html and "target-counter" in html
    assert 'id="sources"' not in html and "<details>" not in html


def test_pdf_text_holds_every_theme_and_question(ctx: BriefingContext) -> None:
    pypdf = pytest.importorskip("pypdf")
    from caselens.report.pdf import render_pdf

    reader = pypdf.PdfReader(io.BytesIO(render_pdf(ctx)))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for theme in ctx.themes:
        assert theme.label in text
    for question in ctx.questions:
        assert question.text in text
    # the cover has no footer; the pages after it are numbered "Page N of M"
    assert "Contents" in text and f"Page 2 of {len(reader.pages)}" in text
    assert "Page 1 of" not in text


def test_pptx_has_a_slide_per_theme_a_native_chart_and_the_questions(
    ctx: BriefingContext,
) -> None:
    pptx = pytest.importorskip("pptx")
    from caselens.report.slides import deck_bytes

    deck = pptx.Presentation(io.BytesIO(deck_bytes(ctx)))
    titles = [s.shapes.title.text for s in deck.slides]
    for theme in ctx.themes:
        assert titles.count(f"{theme.id}. {theme.label}") == 1
    assert titles[1] == "Scope and method" and "Discussion questions" in titles
    prevalence = deck.slides[titles.index("How often each theme came up")]
    charts = [sh for sh in prevalence.shapes if sh.has_chart]
    assert len(charts) == 1
    assert list(charts[0].chart.plots[0].categories)[-1].startswith("A. ")
    alpha = deck.slides[titles.index("A. Alpha theme")]
    # each theme slide with a theme seen carries its own figure: its indicators
    (figure,) = [sh for sh in alpha.shapes if sh.has_chart]
    assert figure.chart.plots[0].categories
    assert figure._element.nvGraphicFramePr.cNvPr.get("descr")  # with its alt text
    body = " ".join(sh.text_frame.text for sh in alpha.shapes if sh.has_text_frame)
    assert "Alpha matters because." in body and "Alpha x was seen at every visit." in body
    assert "Do we ask about alpha?" in alpha.notes_slide.notes_text_frame.text


def test_xlsx_sheets_columns_filters_and_literal_text(
    ctx: BriefingContext, codebook: Codebook
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from caselens.report.tables import CSV_COLUMNS
    from caselens.report.xlsx import workbook_bytes

    analysis = make_placed_analysis()
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(ReportInputs(analysis, codebook, ctx))))
    assert book.sheetnames == ["Findings", "Prevalence", "Documents", "Screening"]
    findings = book["Findings"]
    header = [c.value for c in findings[1]]
    assert tuple(header) == CSV_COLUMNS
    assert {"review", "theme", "indicator", "quote", "page", "start", "end", "confidence",
            "method", "status"} <= set(header)  # fmt: skip
    assert findings.freeze_panes == "A2" and findings.auto_filter.ref
    assert findings.max_row == 1 + len(analysis.findings)
    quotes = [row[header.index("quote")] for row in findings.iter_rows(min_row=2, values_only=True)]
    assert "Gamma w =SUM(A1) & <b>bold</b> *stars*." in quotes
    prevalence = {
        r[0] + (r[1] or ""): r for r in book["Prevalence"].iter_rows(min_row=2, values_only=True)
    }
    assert prevalence["A"][3] == 2  # reviews with theme A
    docs = list(book["Documents"].iter_rows(min_row=2, values_only=True))
    assert {d[0]: d[5] for d in docs} == {
        "Ash review": "yes",
        "Birch review": "yes",
        "Cedar review": "no",
    }


def test_markdown_has_every_section_and_escapes_document_text(ctx: BriefingContext) -> None:
    md = render_markdown(ctx)
    for theme in ctx.themes:
        assert f"### {theme.id}. {theme.label}" in md
    for question in ctx.questions:
        assert question.text in md
    assert "## Themes in each review" in md and "## By year of publication" in md
    assert r"\<b\>bold\</b\> \*stars\*" in md
    assert "<b>" not in md


def test_findings_json_streamed_is_the_json_of_the_whole_dict(
    codebook: Codebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """findings.json is written piece by piece (never a corpus's findings as dicts at
    once) and is byte for byte what encoding the whole dict gives."""
    import json

    from caselens.codebook.loader import codebook_to_dict
    from caselens.report import files, tables
    from caselens.report.sources import section_to_dict
    from caselens.report.tables import _context_dict, findings_json, findings_json_chunks
    from caselens.services import analysis_to_dict

    analysis = make_placed_analysis()
    context = build_context(analysis, codebook, texts=TEXTS)
    whole = analysis_to_dict(analysis)
    whole["codebook"] = codebook_to_dict(codebook)
    whole.update(_context_dict(context))
    whole["appendix"] = [section_to_dict(section) for section in context.sources]
    expected = json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert findings_json(analysis, codebook, context) == expected
    monkeypatch.setattr(tables, "_BATCH", 1)  # one piece a finding
    monkeypatch.setattr(files, "PIECE", 1)  # and pieces never joined
    assert (
        len(list(findings_json_chunks(analysis, codebook, context))) >= len(analysis.findings) + 2
    )
    odd = dataclasses.replace(
        analysis.results[0],
        findings=tuple(
            dataclasses.replace(f, note='say "\\u2028" \u2028 \x00 é', confidence=1.0)
            for f in analysis.results[0].findings
        ),
    )
    oddly = dataclasses.replace(analysis, results=(odd,))
    whole = analysis_to_dict(oddly)
    whole["codebook"] = codebook_to_dict(codebook)
    whole.update(_context_dict(context))
    whole["appendix"] = [section_to_dict(section) for section in context.sources]
    assert (
        findings_json(oddly, codebook, context)
        == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    )
    empty = analysis.__class__((), (), analysis.provenance)
    assert (
        json.loads(findings_json(empty, codebook, build_context(empty, codebook)))["findings"] == []
    )
