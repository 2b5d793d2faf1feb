"""Plain text and Markdown.

Markdown is stripped lightly: heading markers, emphasis, links and list
markers go, the words stay as written, so a quote shown to a reviewer reads
like the file they opened.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from caselens.errors import InputError
from caselens.ingest.assemble import Extracted, RawBlock

log = logging.getLogger(__name__)

_SNIFF = 8192
_BINARY_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")

_BULLET = re.compile(
    r"^\s*(?:[-*+\u2022\u25aa\u25cf]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?(?P<rest>.*)$"
)
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
_QUOTE = re.compile(r"^ {0,3}>[ ]?")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]*-[\s:|-]*\|?\s*$")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")

# Every span is bounded (a link text, a URL, an emphasised phrase), so an unclosed "["
# or "**" costs at most a few hundred characters of look-ahead, not the rest of the file:
# without bounds a 1 MB line of "[" took minutes.
_INLINE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)"), r"\1"),
    (re.compile(r"\[([^\]\n]{1,500})\]\([^)\n]{0,2000}\)"), r"\1"),
    (re.compile(r"\[([^\]\n]{1,500})\]\[[^\]\n]{0,200}\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]{1,2000})>"), r"\1"),
    (re.compile(r"`([^`\n]{1,500})`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)([^\n]{1,500}?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,500}?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]{1,500}?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)([^\n]{1,500}?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),
)


def _without_comments(text: str) -> str:
    """HTML comments removed in one pass (a regex over many unclosed "<!--" is quadratic)."""
    out: list[str] = []
    at = 0
    while (start := text.find("<!--", at)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        out.append(text[at:start])
        at = end + 3
    out.append(text[at:])
    return "".join(out)


def decode_text(data: bytes, path: Path) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252.

    cp1252 is what Windows tools write when they do not write UTF-8; decoding
    it as such keeps curly quotes and pound signs instead of failing the file.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(
                str(path), f"is not valid UTF-16 text ({error.reason}); re-save it as UTF-8"
            ) from None
    head = data[:_SNIFF]
    # A stray control character is tolerated (it is removed later); many mean binary.
    if len(_BINARY_CONTROL.findall(head)) > max(2, len(head) // 100):
        raise InputError(
            str(path),
            "is not text (binary content); give a PDF, Word (.docx), HTML, text or Markdown file",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        log.warning("%s is not valid UTF-8; reading it as Windows-1252", path)
        return data.decode("cp1252", errors="replace")


def strip_inline_markdown(text: str) -> str:
    """Remove emphasis, link and code markup, keeping the words."""
    text = _without_comments(text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text


def _table_cells(line: str) -> list[str]:
    row = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row)]


class _Blocks:
    """Collects lines into blocks; a block ends at a blank line or a new structure."""

    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.blocks: list[RawBlock] = []
        self.lines: list[str] = []
        self.kind = "paragraph"

    def flush(self) -> None:
        if self.lines:
            text = " ".join(self.lines)
            if self.markdown:
                text = strip_inline_markdown(text)
            self.blocks.append(RawBlock(text, self.kind))
        self.lines = []
        self.kind = "paragraph"

    def start(self, text: str, kind: str) -> None:
        self.flush()
        self.lines = [text]
        self.kind = kind

    def add(self, text: str, kind: str) -> None:
        self.flush()
        self.blocks.append(RawBlock(strip_inline_markdown(text) if self.markdown else text, kind))


def _plain(text: str) -> list[RawBlock]:
    out = _Blocks(markdown=False)
    for line in text.splitlines():
        if not line.strip():
            out.flush()
        elif bullet := _BULLET.match(line):
            out.start(bullet["rest"], "list_item")
        else:
            out.lines.append(line.strip())
    out.flush()
    return out.blocks


def _markdown(text: str) -> list[RawBlock]:
    out = _Blocks(markdown=True)
    in_fence = False
    for raw in text.splitlines():
        if _FENCE.match(raw):
            out.flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if raw.strip():
                out.lines.append(raw.strip())
            continue
        line = raw
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        if not line.strip() or _LINK_DEFINITION.match(line):
            out.flush()
        elif heading := _ATX.match(line):
            out.add(heading["text"] or "", "heading")
        elif out.lines and out.kind == "paragraph" and _SETEXT.match(line):
            out.kind = "heading"
            out.flush()
        elif _RULE.match(line):
            out.flush()
        elif _TABLE_ROW.match(line):
            out.flush()
            if not _TABLE_RULE.match(line):
                for cell in _table_cells(line):
                    out.add(cell, "table")
        elif bullet := _BULLET.match(line):
            out.start(bullet["rest"], "list_item")
        else:
            out.lines.append(line.strip())
    out.flush()
    return out.blocks


def _first_line_title(blocks: list[RawBlock]) -> str | None:
    """Plain text has no title markup; a short opening line is the usual title."""
    if blocks and blocks[0].kind == "paragraph" and len(blocks[0].text) <= 120:
        return blocks[0].text
    return None


def read_text(data: bytes, path: Path, *, markdown: bool) -> Extracted:
    text = decode_text(data, path)
    if markdown:
        blocks = _markdown(text)
        headings = [b.text for b in blocks if b.kind == "heading" and b.text.strip()]
        title = headings[0] if headings else _first_line_title(blocks)
        return Extracted("markdown", blocks, title)
    blocks = _plain(text)
    return Extracted("text", blocks, _first_line_title(blocks))
