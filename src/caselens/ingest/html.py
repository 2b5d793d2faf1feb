"""HTML pages, read with selectolax (lexbor backend).

Page furniture (navigation, headers, footers, forms, scripts) is removed before
reading, because a review saved from a website carries menus that would
otherwise be coded as if they were learning. Text is collected by walking the
tree, so words in a bare ``<div>`` are not lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from caselens.errors import InputError
from caselens.ingest.assemble import Extracted, RawBlock
from caselens.ingest.text import decode_text

_DROP = (
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form",
    "svg", "canvas", "iframe", "object", "button", "select", "head",
)  # fmt: skip
_MAX_DEPTH = 1000
_CONTAINER = re.compile(
    r"<(?P<close>/?)(?:div|section|article|main|aside|nav|header|footer|blockquote|ul|ol|dl"
    r"|figure|details|fieldset|form|address|center|dialog|menu|hgroup|table)(?=[\s/>])",
    re.IGNORECASE,
)
_DROP_ROLES = ("navigation", "banner", "contentinfo", "search", "complementary")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCK_KIND = {
    **dict.fromkeys(_HEADINGS, "heading"),
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
    "td": "table",
    "th": "table",
    "caption": "table",
}
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "blockquote", "pre", "ul", "ol", "dl", "table",
     "tr", "tbody", "thead", "tfoot", "figure", "figcaption", "address", "details", "summary",
     "body", "br", "hr", *_BLOCK_KIND}
)  # fmt: skip


def read_html(data: bytes, path: Path) -> Extracted:
    html = decode_text(data, path)
    _check_depth(html, path)
    _check_attributes(html, path)
    parser = LexborHTMLParser(html)
    title = _text_of(parser, "title") or _text_of(parser, "h1")
    for role in _DROP_ROLES:
        for node in parser.css(f'[role="{role}"]'):
            node.decompose()
    for node in parser.css("[hidden], [aria-hidden=true]"):
        node.decompose()
    # A site's header is furniture; a <header> inside the article or main content
    # holds the review's own title page (title, partnership, publication date).
    for node in parser.css("header"):
        if not _inside(node, ("main", "article")):
            node.decompose()
    parser.strip_tags(list(_DROP))
    blocks = list(_walk(parser.body)) if parser.body is not None else []
    return Extracted("html", blocks, title)


def _check_depth(html: str, path: Path) -> None:
    """Refuse markup nested so deep that parsing it would take minutes.

    The HTML parser looks back through every open container at each new one,
    so its time grows with the square of the nesting depth (a 1 MB file of
    nested ``<div>`` takes over ten seconds). Real pages nest a few dozen deep;
    this linear scan counts the containers that must be closed explicitly.
    """
    depth = 0
    for match in _CONTAINER.finditer(html):
        if match["close"]:
            depth = max(depth - 1, 0)
            continue
        depth += 1
        if depth > _MAX_DEPTH:
            raise InputError(
                str(path),
                f"nests its sections more than {_MAX_DEPTH} deep, which no review page does; "
                "save the review as PDF or plain text instead",
            )


_TAG = re.compile(r"<[A-Za-z][^>]*>")
_ATTRIBUTE = re.compile(r"\s[^\s=>/]+\s*=")
_MAX_ATTRIBUTES = 1000


def _check_attributes(html: str, path: Path) -> None:
    """Refuse an element with thousands of attributes: the parser checks each new one
    against the others (500,000 on one element took minutes). Only long tags are counted,
    so a page costs one linear scan; a long data: image is one attribute."""
    for tag in _TAG.finditer(html):
        if tag.end() - tag.start() > 8 * _MAX_ATTRIBUTES:
            count = len(_ATTRIBUTE.findall(tag.group()))
            if count > _MAX_ATTRIBUTES:
                raise InputError(
                    str(path),
                    f"has an element with {count:,} attributes, which no review page has; "
                    "save the review as PDF or plain text instead",
                )


def _inside(node: Any, tags: tuple[str, ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _text_of(parser: LexborHTMLParser, selector: str) -> str | None:
    node = parser.css_first(selector)
    if node is None:
        return None
    text: str = node.text(separator=" ")
    return text if text.strip() else None


def _walk(root: Any) -> Iterator[RawBlock]:
    """Text runs between block boundaries, each with the kind of its nearest block parent.

    Iterative on purpose: saved web pages can nest thousands of elements deep.
    """
    parts: list[str] = []
    kinds: list[str] = ["paragraph"]
    # Each entry is (node, entering); leaving an element ends its block.
    stack: list[tuple[Any, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        tag: str = node.tag or ""
        if tag == "-text":
            parts.append(node.text(deep=False) or "")
            continue
        if tag.startswith("-") or tag.startswith("_"):  # comments, doctype
            continue
        is_block = tag in _BLOCK_TAGS
        if is_block and "".join(parts).strip():
            yield RawBlock("".join(parts), kinds[-1])
        if is_block:
            parts = []
        if not entering:
            if tag in _BLOCK_KIND:
                kinds.pop()
            continue
        if tag in _BLOCK_KIND:
            kinds.append(_BLOCK_KIND[tag])
        stack.append((node, False))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, True) for c in reversed(children))
    if "".join(parts).strip():
        yield RawBlock("".join(parts), kinds[-1])
