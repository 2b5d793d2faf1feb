"""The briefing as an A4 PDF: the print layout of the HTML, through WeasyPrint.

Page numbers, the contents list with page numbers (``target-counter``) and the
page breaks live in the print CSS of the HTML template, so the PDF says exactly
what the HTML says; charts stay vector SVG and print sharply.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from caselens.report.context import BriefingContext
from caselens.report.files import atomic_write_bytes
from caselens.report.html import render_html
from caselens.report.pdf_render import html_to_pdf


@contextmanager
def _quiet_weasyprint() -> Iterator[None]:
    """WeasyPrint warns about every SVG presentation property it passes on; nobody can act on it."""
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def render_pdf(context: BriefingContext, charts: Mapping[str, Any] | None = None) -> bytes:
    html = render_html(context, print_mode=True, charts=charts)
    with _quiet_weasyprint():
        return html_to_pdf(html)


def write_pdf(
    path: Path, context: BriefingContext, charts: Mapping[str, Any] | None = None
) -> None:
    atomic_write_bytes(path, render_pdf(context, charts))
