"""Render the fictional case reviews in ``scripts/sample_sources`` into ``samples/``.

The reviews are written once, as Markdown, so that their wording can be read and
reviewed in one place; this script turns each into the format named in its
front-matter (PDF, DOCX, HTML, plain text or Markdown) so that ingestion is
exercised on the formats partnerships actually publish in.

Output is deterministic: fixed metadata dates and fixed ZIP entry times, so a
rerun does not churn git. Run it from the repository root::

    .venv/bin/python scripts/make_samples.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import re
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "sample_sources"
OUTPUT = ROOT / "samples"
FIXED_DATE = dt.datetime(2024, 1, 1, 9, 0, 0, tzinfo=dt.UTC)
FORMATS = ("pdf", "docx", "html", "txt", "md")


@dataclass
class Block:
    """One structural unit of a source: heading, paragraph, list or table."""

    kind: str  # "h", "p", "ul", "ol", "table"
    text: str = ""
    level: int = 0
    items: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Source:
    """A parsed review: front-matter settings, title page blocks and body blocks."""

    path: Path
    meta: dict[str, str]
    title: str
    front: list[Block]
    body: list[Block]
    markdown: str

    @property
    def fmt(self) -> str:
        return self.meta.get("format", "txt")

    @property
    def breaks(self) -> bool:
        """Whether each top-level section starts a new page, as many published reviews do."""
        return self.meta.get("section_breaks", "no").lower() in {"yes", "true"}


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Read simple ``key: value`` front-matter; no YAML needed for flat settings."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        return {}, text
    meta: dict[str, str] = {}
    for line in text[4:end].splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            meta[key.strip()] = value.strip()
    return meta, text[end + 5 :].lstrip("\n")


def parse_blocks(markdown: str) -> list[Block]:
    """Parse the small Markdown subset the sources use (headings, lists, pipe tables)."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("p", " ".join(s.strip() for s in para)))
            para.clear()

    for raw in markdown.splitlines():
        line = raw.rstrip()
        heading = re.match(r"^(#{1,4})\s+(.*)$", line)
        bullet = re.match(r"^\s*[-*]\s+(.*)$", line)
        number = re.match(r"^\s*\d+[.)]\s+(.*)$", line)
        if not line.strip():
            flush()
        elif heading:
            flush()
            blocks.append(Block("h", heading.group(2).strip(), level=len(heading.group(1))))
        elif line.lstrip().startswith("|"):
            flush()
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
                continue
            if blocks and blocks[-1].kind == "table":
                blocks[-1].rows.append(cells)
            else:
                blocks.append(Block("table", rows=[cells]))
        elif bullet or number:
            flush()
            kind = "ul" if bullet else "ol"
            item = (bullet or number).group(1)  # type: ignore[union-attr]
            if blocks and blocks[-1].kind == kind:
                blocks[-1].items.append(item)
            else:
                blocks.append(Block(kind, items=[item]))
        elif blocks and blocks[-1].kind in {"ul", "ol"} and raw.startswith("  ") and not para:
            blocks[-1].items[-1] += " " + line.strip()
        else:
            para.append(line)
    flush()
    return blocks


def load_source(path: Path) -> Source:
    """Split a source into title page (before the first ``##``) and body."""
    text = path.read_text(encoding="utf-8")
    meta, markdown = split_front_matter(text)
    if meta.get("format", "txt") not in FORMATS:
        raise SystemExit(f"{path}: unknown format {meta.get('format')!r}; use one of {FORMATS}")
    blocks = parse_blocks(markdown)
    first_section = next(
        (i for i, b in enumerate(blocks) if b.kind == "h" and b.level == 2), len(blocks)
    )
    front, body = blocks[:first_section], blocks[first_section:]
    title = next((b.text for b in front if b.kind == "h"), path.stem)
    return Source(path, meta, title, front, body, markdown)


def plain(text: str) -> str:
    """Drop inline Markdown emphasis markers for formats that do not use them."""
    return re.sub(r"(\*\*|__|\*)", "", text)


# ---------------------------------------------------------------- PDF

_LATIN1_FIXES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u2022": "-",
    "\u00a0": " ",
}


def latin1(text: str) -> str:
    """Make text safe for the PDF core fonts, which only cover latin-1."""
    text = "".join(_LATIN1_FIXES.get(ch, ch) for ch in plain(text))
    if all(ord(ch) < 256 for ch in text):
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ord(ch) < 256 and not unicodedata.combining(ch))


def render_pdf(src: Source, target: Path) -> None:
    """A4 PDF with a real text layer, bold headings and page numbers in the footer."""
    from fpdf import FPDF

    short_title = latin1(src.meta.get("short_title", src.title))

    class ReviewPDF(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 8, f"{short_title}   |   Page {self.page_no()} of {{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = ReviewPDF(format="A4", unit="mm")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(latin1(src.title))
    pdf.set_author(latin1(src.meta.get("author", "caselens sample (fictional)")))
    pdf.set_creator("caselens scripts/make_samples.py")
    pdf.set_producer("fpdf2")
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=22)
    pdf.alias_nb_pages()

    pdf.add_page()
    pdf.ln(45)
    for block in src.front:
        if block.kind == "h":
            pdf.set_font("Helvetica", "B", 22 if block.level == 1 else 15)
            pdf.multi_cell(0, 10, latin1(block.text), align="C")
            pdf.ln(4)
        else:
            _pdf_block(pdf, block, align="C")
    pdf.add_page()
    for block in src.body:
        if block.kind == "h" and block.level == 2 and src.breaks and pdf.get_y() > 40:
            pdf.add_page()
        _pdf_block(pdf, block)
    pdf.output(str(target))


def _pdf_block(pdf: object, block: Block, align: str = "J") -> None:
    """Write one block; separate so the title page and body share the styling."""
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    if block.kind == "h":
        size = {1: 18, 2: 15, 3: 12.5}.get(block.level, 11)
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", size)
        pdf.multi_cell(0, size * 0.5, latin1(block.text), align="L")
        pdf.ln(2)
    elif block.kind == "p":
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, latin1(block.text), align=align)
        pdf.ln(3)
    elif block.kind in {"ul", "ol"}:
        pdf.set_font("Helvetica", size=11)
        for n, item in enumerate(block.items, start=1):
            marker = "-" if block.kind == "ul" else f"{n}."
            pdf.set_x(pdf.l_margin + 4)
            pdf.cell(7, 6, marker)
            pdf.multi_cell(0, 6, latin1(item), align="L")
            pdf.ln(1)
        pdf.ln(2)
    elif block.kind == "table":
        pdf.set_font("Helvetica", size=9.5)
        with pdf.table(line_height=5.5, first_row_as_headings=True) as table:
            for cells in block.rows:
                row = table.row()
                for cell in cells:
                    row.cell(latin1(cell))
        pdf.ln(4)


# ---------------------------------------------------------------- DOCX


def render_docx(src: Source, target: Path) -> None:
    """DOCX with real heading, list and table styles, as a Word-authored review has."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    props = document.core_properties
    props.title = src.title
    props.author = src.meta.get("author", "caselens sample (fictional)")
    props.last_modified_by = "caselens"
    props.created = props.modified = props.last_printed = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1
    props.comments = "Fictional case review written for caselens tests."

    for block in src.front:
        if block.kind == "h" and block.level == 1:
            document.add_paragraph(plain(block.text), style="Title")
        elif block.kind == "h":
            document.add_paragraph(plain(block.text), style="Subtitle")
        else:
            _docx_block(document, block)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for block in src.body:
        _docx_block(document, block)

    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(_fixed_zip(buffer.getvalue()))


def _docx_block(document: object, block: Block) -> None:
    from docx.document import Document as DocxDocument

    assert isinstance(document, DocxDocument)
    if block.kind == "h":
        document.add_heading(plain(block.text), level=max(1, block.level - 1))
    elif block.kind == "p":
        document.add_paragraph(plain(block.text))
    elif block.kind in {"ul", "ol"}:
        style = "List Bullet" if block.kind == "ul" else "List Number"
        for item in block.items:
            document.add_paragraph(plain(item), style=style)
    elif block.kind == "table":
        width = max(len(r) for r in block.rows)
        table = document.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        for r, cells in enumerate(block.rows):
            row = table.add_row().cells
            for c, cell in enumerate(cells):
                row[c].text = plain(cell)
                if r == 0:
                    for run in row[c].paragraphs[0].runs:
                        run.bold = True


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite ZIP entries with a fixed time so identical content gives identical bytes."""
    out = io.BytesIO()
    stamp = FIXED_DATE.timetuple()[:6]
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            new.writestr(info, old.read(item.filename))
    return out.getvalue()


# ---------------------------------------------------------------- HTML

_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:sans-serif;max-width:52rem;margin:auto}}table{{border-collapse:collapse}}
td,th{{border:1px solid #999;padding:.3rem}}</style>
<script>window.dataLayer = window.dataLayer || []; /* analytics placeholder */</script>
</head>
<body>
<header class="site-header">
<p class="site-name">{org}</p>
<nav aria-label="Main"><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li>
<li><a href="/reviews">Published reviews</a></li><li><a href="/training">Training</a></li>
<li><a href="/contact">Contact</a></li></ul></nav>
<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>
<li><a href="/reviews">Published reviews</a></li><li>{title}</li></ol></nav>
</header>
<main id="content">
<article>
{article}
</article>
</main>
<footer class="site-footer">
<p>Cookies: we use essential cookies only. <a href="/cookies">Cookie settings</a></p>
<p>&copy; {org}. Registered office details are fictional. <a href="/accessibility">Accessibility</a>
| <a href="/privacy">Privacy notice</a></p>
</footer>
</body>
</html>
"""


def render_html(src: Source, target: Path) -> None:
    """Semantic HTML wrapped in site chrome (nav, header, footer) that ingest must strip."""
    parts = ['<header class="review-title">']
    parts += [_html_block(b) for b in src.front]
    parts.append("</header>")
    open_section = False
    for block in src.body:
        if block.kind == "h" and block.level == 2:
            if open_section:
                parts.append("</section>")
            parts.append("<section>")
            open_section = True
        parts.append(_html_block(block))
    if open_section:
        parts.append("</section>")
    org = src.meta.get("organisation", "Safeguarding Partnership")
    page = _PAGE.format(
        title=html.escape(plain(src.title)), org=html.escape(org), article="\n".join(parts)
    )
    target.write_text(page, encoding="utf-8")


def esc(text: str) -> str:
    return html.escape(plain(text))


def _html_block(block: Block) -> str:
    if block.kind == "h":
        return f"<h{block.level}>{esc(block.text)}</h{block.level}>"
    if block.kind == "p":
        return f"<p>{esc(block.text)}</p>"
    if block.kind in {"ul", "ol"}:
        items = "".join(f"<li>{esc(i)}</li>" for i in block.items)
        return f"<{block.kind}>{items}</{block.kind}>"
    head, *rows = block.rows
    thead = "".join(f'<th scope="col">{esc(c)}</th>' for c in head)
    tbody = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{thead}</tr></thead><tbody>{tbody}</tbody></table>"


# ---------------------------------------------------------------- text and Markdown


def render_txt(src: Source, target: Path) -> None:
    """Plain text as a partnership's accessible version might be: headings in capitals."""
    lines: list[str] = []
    for block in [*src.front, *src.body]:
        if block.kind == "h":
            text = plain(block.text)
            lines += [text.upper() if block.level <= 2 else text, ""]
        elif block.kind == "p":
            lines += [plain(block.text), ""]
        elif block.kind in {"ul", "ol"}:
            for n, item in enumerate(block.items, start=1):
                lines.append(("- " if block.kind == "ul" else f"{n}. ") + plain(item))
            lines.append("")
        else:
            lines += ["    ".join(r) for r in block.rows]
            lines.append("")
    target.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


def render_md(src: Source, target: Path) -> None:
    target.write_text(src.markdown.rstrip() + "\n", encoding="utf-8")


RENDERERS = {
    "pdf": render_pdf,
    "docx": render_docx,
    "html": render_html,
    "txt": render_txt,
    "md": render_md,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sources", type=Path, default=SOURCES)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    sources = sorted(p for p in args.sources.glob("*.md") if p.name.lower() != "readme.md")
    if not sources:
        print(f"No sources found in {args.sources}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    expected = set()
    for path in sources:
        src = load_source(path)
        target = args.out / f"{path.stem}.{src.fmt}"
        expected.add(target.name)
        RENDERERS[src.fmt](src, target)
        words = sum(len(b.text.split()) + sum(len(i.split()) for i in b.items) for b in src.body)
        print(f"{target.relative_to(args.out.parent)}  ({words} words)")
    for stale in args.out.iterdir():
        if stale.is_file() and stale.name not in expected:
            print(f"note: {stale.name} in {args.out} has no source", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
