from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

from caselens.model import Codebook, Evidence
from caselens.report.context import build_context
from caselens.report.html import render_html, write_html
from caselens.services import Analysis, DocumentInfo

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = _Collector()
    collector.feed(html)
    return collector.tags


def test_hostile_document_text_is_escaped(analysis: Analysis, codebook: Codebook) -> None:
    first = analysis.results[0]
    hostile_finding = replace(
        first.findings[0], evidence=Evidence(HOSTILE, 0, len(HOSTILE), 1), confidence=1.0
    )
    hostile = replace(
        first,
        document=DocumentInfo("d1", "<b>name</b>.txt"),
        findings=(hostile_finding, *first.findings[1:]),
    )
    analysis = replace(analysis, results=(hostile, *analysis.results[1:]))
    html = render_html(build_context(analysis, codebook))
    tags = [t for t, _ in _parse(html)]
    assert "script" not in tags
    assert "img" not in tags
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;b&gt;name&lt;/b&gt;.txt" in html


def test_briefing_is_self_contained(analysis: Analysis, codebook: Codebook) -> None:
    html = render_html(build_context(analysis, codebook))
    for tag, attrs in _parse(html):
        assert tag not in {"script", "link", "iframe", "img"}, tag
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not re.match(r"(https?:)?//", value), (tag, value)
    assert "@import" not in html
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)


def test_sections_headings_captions_and_accessible_charts(
    analysis: Analysis, codebook: Codebook
) -> None:
    html = render_html(build_context(analysis, codebook))
    h2 = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    assert h2[:4] == ["Contents", "Summary", "Scope and screening", "How often each theme came up"]
    assert {"Themes", "Discussion questions", "Method", "Themes in each review"} <= set(h2)
    assert {"Themes seen together", "By year of publication"} <= set(h2)
    assert html.count("<table") == html.count("<caption>")
    svgs = re.findall(r"<svg[^>]*>", html)
    assert svgs, "charts are inline SVG"
    for svg in svgs:
        assert 'role="img"' in svg and "aria-labelledby" in svg
    assert html.count("<desc") == len(svgs)
    assert "Alpha theme: 2 of 2 reviews (100%)" in html  # the chart's <desc> states its data
    assert "Alpha matters because." in html
    assert "Do we ask about alpha?" in html
    assert "Review Two, page 2" in html
    assert "Excluded alpha." not in html  # quotes of excluded reviews are not shown


def test_write_html_replaces_atomically(
    analysis: Analysis, codebook: Codebook, tmp_path: object
) -> None:
    from pathlib import Path

    out = Path(str(tmp_path)) / "sub" / "briefing.html"
    write_html(out, build_context(analysis, codebook))
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in out.parent.iterdir()] == ["briefing.html"]  # no temp file left


def test_every_link_in_the_briefing_has_its_target_even_when_one_quote_moved() -> None:
    from report_builders import TEXTS, make_codebook, make_placed_analysis

    analysis = make_placed_analysis()
    ash = analysis.results[0]
    moved = ash.findings[1]  # hand-edited offsets: the quote no longer sits there
    moved = replace(moved, evidence=replace(moved.evidence, start=moved.start + 1))
    ash = replace(ash, findings=(ash.findings[0], moved, *ash.findings[2:]))
    analysis = replace(analysis, results=(ash, *analysis.results[1:]))
    html = render_html(build_context(analysis, make_codebook(), texts=TEXTS))
    ids = {attrs["id"] for _, attrs in _parse(html) if attrs.get("id")}
    targets = {
        str(attrs["href"])[1:]
        for tag, attrs in _parse(html)
        if tag == "a" and str(attrs.get("href", "")).startswith("#")
    }
    assert targets and f"doc-t1-{ash.findings[0].start}" in targets  # the others still link
    assert targets <= ids, sorted(targets - ids)
