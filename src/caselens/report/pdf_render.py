"""The one seam to the HTML-to-PDF renderer (WeasyPrint).

Reports and supervision records are written once as HTML with print CSS
(``@page`` size, running page numbers); this turns that HTML into PDF. WeasyPrint
needs Pango from the operating system, so its absence is an error for a person,
not a traceback.
"""

from __future__ import annotations

from caselens.errors import CaselensError

INSTALL_HINT = (
    "PDF output needs the Pango library from the operating system "
    "(on Debian or Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
)


class PdfUnavailableError(CaselensError):
    """PDF output was asked for but WeasyPrint cannot be loaded here."""


def html_to_pdf(html: str) -> bytes:
    """Render a self-contained HTML string (no external resources) to PDF bytes."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as e:  # OSError: the Pango shared library is missing
        raise PdfUnavailableError(f"{INSTALL_HINT} ({e})") from e
    from weasyprint.urls import URLFetcher

    # Only data: URLs (inline charts) may load; a report never fetches from outside.
    fetcher = URLFetcher(allowed_protocols=("data",))
    pdf = HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf()
    if not isinstance(pdf, bytes):
        raise PdfUnavailableError("WeasyPrint returned no PDF")
    return pdf
