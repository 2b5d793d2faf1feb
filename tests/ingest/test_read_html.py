from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from caselens.ingest import read_document

Write = Callable[[str, bytes | str], Path]

PAGE = """<!DOCTYPE html>
<html><head><title>Fictional Review &amp; Learning</title>
<style>body { color: red }</style><script>var tracking = "should vanish";</script></head>
<body>
<header>Site banner text</header>
<nav><ul><li>Home</li><li>Contact us</li></ul></nav>
<main>
<h1>Baby S: what we learned</h1>
<p>The family moved   three times<br>in six months.</p>
<div>Loose text in a <b>div</b> is kept.</div>
<ul><li>Father not seen</li><li>Sleeping arrangements not checked</li></ul>
<table><tr><th>Agency</th><td>Police</td></tr></table>
<form><label>Search</label><input></form>
<aside>Related articles</aside>
<!-- an editor's comment -->
<div hidden>Hidden text</div>
</main>
<footer>Copyright footer</footer>
</body></html>"""


def test_html_keeps_content_and_drops_furniture(write: Write) -> None:
    doc = read_document(write("page.html", PAGE))
    assert doc.format == "html"
    assert doc.title == "Fictional Review & Learning"
    got = [(doc.text[b.start : b.end], b.kind) for b in doc.blocks]
    assert got == [
        ("Baby S: what we learned", "heading"),
        ("The family moved three times", "paragraph"),
        ("in six months.", "paragraph"),
        ("Loose text in a div is kept.", "paragraph"),
        ("Father not seen", "list_item"),
        ("Sleeping arrangements not checked", "list_item"),
        ("Agency", "table"),
        ("Police", "table"),
    ]
    for gone in (
        "tracking",
        "banner",
        "Contact us",
        "Search",
        "Related",
        "Copyright",
        "Hidden",
        "comment",
        "color",
    ):
        assert gone not in doc.text


def test_html_title_falls_back_to_h1(write: Write) -> None:
    doc = read_document(
        write("p.htm", "<html><body><h1>Review of Baby T</h1><p>Text.</p></body></html>")
    )
    assert doc.title == "Review of Baby T"


def test_html_sniffed_despite_txt_suffix(write: Write) -> None:
    doc = read_document(
        write("saved.txt", "<!doctype html><html><body><p>Only this.</p></body></html>")
    )
    assert doc.format == "html"
    assert doc.text == "Only this."


def test_html_fragment_without_html_tag_is_read_by_suffix(write: Write) -> None:
    doc = read_document(write("fragment.html", "<p>First.</p><p>Second.</p>"))
    assert doc.text == "First.\n\nSecond."


def test_deeply_nested_html_does_not_recurse(write: Write) -> None:
    # Inline elements: nested block containers this deep are refused (see test_read_errors).
    html = "<html><body>" + "<span>" * 5000 + "deep text" + "</span>" * 5000 + "</body></html>"
    assert read_document(write("deep.html", html)).text == "deep text"
