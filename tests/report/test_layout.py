"""Tests that look: the briefing of the bundled samples, laid out as a partnership would
print and present it. Layout facts are checked on WeasyPrint's boxes and the slides'
shapes; screenshots of the HTML and of every PDF page are kept for a person to look at
(in ``$CASELENS_SCREENSHOTS``, else the test's temporary folder)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from caselens.codebook import default_codebook
from caselens.pipeline.settings import Settings
from caselens.report.context import BriefingContext, build_context
from caselens.services import Analysis, analyse

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HEADINGS = {"h1", "h2", "h3", "h4"}
BLOCKS = HEADINGS | {"p", "figure", "table", "ul", "ol", "blockquote", "dl", "nav", "div"}


@pytest.fixture(scope="module")
def samples() -> Analysis:
    return analyse([SAMPLES], default_codebook(), Settings(model=False, semantic=False))


@pytest.fixture(scope="module")
def context(samples: Analysis) -> BriefingContext:
    return build_context(samples, default_codebook())


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("CASELENS_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _blocks(box: Any, out: list[tuple[str, float]]) -> list[tuple[str, float]]:
    tag = getattr(box, "element_tag", None)
    if tag in BLOCKS and type(box).__name__ in ("BlockBox", "TableWrapperBox", "TableBox"):
        out.append((tag, box.position_y))
    for child in getattr(box, "children", ()):
        _blocks(child, out)
    return out


def test_the_pdf_keeps_headings_with_what_follows_and_has_a_cover(
    context: BriefingContext, shots: Path
) -> None:
    weasyprint = pytest.importorskip("weasyprint")
    from caselens.report.html import render_html

    document = weasyprint.HTML(string=render_html(context, print_mode=True)).render()
    pages = document.pages
    assert 12 <= len(pages) <= 40, len(pages)
    stranded, parted = [], []
    heading_page = 0
    for number, page in enumerate(pages, start=1):
        blocks = sorted(_blocks(page._page_box, []), key=lambda b: b[1])
        if blocks and blocks[-1][0] in HEADINGS:
            stranded.append(number)  # nothing after the heading on its page
        for tag, _ in blocks:
            if tag in ("h2", "h3"):
                heading_page = number
            elif tag == "figure" and number != heading_page:
                parted.append(number)  # a chart on a later page than its heading
    assert not stranded, f"a heading ends page(s) {stranded}"
    assert not parted, f"a chart is parted from its heading on page(s) {parted}"
    cover = _blocks(pages[0]._page_box, [])
    assert [tag for tag, _ in cover].count("h1") == 1
    assert "h2" not in {tag for tag, _ in cover}  # the cover holds nothing else
    pdf = shots / "briefing.pdf"
    document.write_pdf(pdf)
    _pdf_pages(pdf, shots)


def _pdf_pages(pdf: Path, shots: Path) -> None:
    """Each page as a PNG, where a renderer is at hand (Chromium prints the first page)."""
    chromium = shutil.which("chromium")
    if chromium is None:
        return
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 1400})
            page.goto(pdf.as_uri())
            page.screenshot(path=str(shots / "briefing-pdf.png"))
        except Exception:
            pass
        finally:
            browser.close()


def test_the_html_briefing_in_a_browser(context: BriefingContext, shots: Path) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("no Chromium here (scripts/test.sh installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    from caselens.report.html import render_html

    path = shots / "briefing.html"
    path.write_text(render_html(context), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(path.as_uri())
            page.screenshot(path=str(shots / "briefing-html.png"), full_page=False)
            # nothing wider than the page: no table or chart forces a sideways scroll
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 1, overflow
            # every chart carries a text alternative for people who cannot see it
            charts = page.locator("svg.chart")
            assert charts.count() >= 3
            for i in range(charts.count()):
                assert charts.nth(i).get_attribute("role") == "img"
                assert charts.nth(i).locator("title").count() == 1
        finally:
            browser.close()


def test_the_appendix_opens_one_review_at_a_time(samples: Analysis, shots: Path) -> None:
    context = build_context(samples, default_codebook(), texts=samples.texts)
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("no Chromium here (scripts/test.sh installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    from caselens.report.html import render_html

    assert len(context.sources) > 1
    path = shots / "briefing.html"
    path.write_text(render_html(context), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(path.as_uri())
            sources = page.locator("section.source")
            assert sources.count() == len(context.sources)

            def shown() -> list[str]:
                return [
                    sources.nth(i).get_attribute("id") or ""
                    for i in range(sources.count())
                    if sources.nth(i).is_visible()
                ]

            assert shown() == []  # the index only, not 50,000 pixels of text
            page.locator("nav.source-index a").nth(1).click()
            assert shown() == [context.sources[1].id]
            page.locator("section.source:target nav.source-nav a", has_text="Next:").click()
            assert shown() == [context.sources[2 % len(context.sources)].id]
            # a quote's "read it in context" opens its review with the passage in view
            link = page.locator("a", has_text="read it in context").first
            target = (link.get_attribute("href") or "#")[1:]
            link.click()
            owner = page.locator(f"section.source:has([id='{target}'])")
            assert shown() == [owner.get_attribute("id")]
            assert page.locator(f"[id='{target}']").is_visible()
            page.screenshot(path=str(shots / "briefing-appendix.png"))
        finally:
            browser.close()


def test_slide_titles_fit_their_placeholders(context: BriefingContext) -> None:
    pptx = pytest.importorskip("pptx")
    import io

    from pptx.util import Emu, Inches

    from caselens.report.slides import deck_bytes

    deck = pptx.Presentation(io.BytesIO(deck_bytes(context)))
    width = deck.slide_width
    assert (deck.slide_width, deck.slide_height) == (Emu(12192000), Emu(6858000))  # 16:9
    for number, slide in enumerate(deck.slides, start=1):
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.left + shape.width <= width, (number, shape.name)
        title = slide.shapes.title
        text = title.text_frame.text
        # centred on the 16:9 slide, not where the 4:3 layout put it
        right = width - title.left - title.width
        assert abs(title.left - right) < Inches(0.05), (number, text)
        # small enough for two lines of its box: about 0.55 em per character
        size = max(r.font.size.pt for p in title.text_frame.paragraphs for r in p.runs)
        per_line = title.width / Emu(Inches(1)) * 72 / (0.55 * size)
        assert len(text) <= 2 * per_line, (number, text, size)
