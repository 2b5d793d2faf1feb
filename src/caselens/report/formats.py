"""One briefing context, many output formats: which exist, what they need, how to write them.

Every format is written from the same :class:`~caselens.report.context.BriefingContext`
(and, for the data files, the same :class:`~caselens.services.Analysis`), so a
slide deck and a spreadsheet made from one run can never disagree.

The renderers of optional formats are imported only when asked for, so
caselens runs without python-pptx, openpyxl or WeasyPrint; asking for such a
format without its extra is an error naming the ``pip install`` that fixes it,
raised before anything is written.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from caselens.errors import CaselensError
from caselens.model import Codebook
from caselens.report.context import BriefingContext
from caselens.services import Analysis

FORMATS = ("html", "pdf", "pptx", "md", "csv", "xlsx", "json", "qdc", "qdpx")
DEFAULT_FORMATS = ("html", "csv", "json")
FILE_NAMES = {
    "html": "briefing.html",
    "pdf": "briefing.pdf",
    "pptx": "briefing.pptx",
    "md": "briefing.md",
    "csv": "findings.csv",
    "xlsx": "findings.xlsx",
    "json": "findings.json",
    "qdc": "codebook.qdc",
    "qdpx": "project.qdpx",
}
# format -> (module that must import, pip extra that provides it)
_EXTRAS = {
    "pptx": ("pptx", "office"),
    "xlsx": ("openpyxl", "office"),
    "pdf": ("weasyprint", "pdf"),
}
NEEDS_TEXT = frozenset({"html", "qdpx"})  # formats that show or carry the reviews' text


class FormatError(CaselensError):
    """An output format was asked for that caselens does not know or cannot write here."""


@dataclass(frozen=True)
class ReportInputs:
    """What every renderer may use; ``texts`` maps review id to its text, where known."""

    analysis: Analysis
    codebook: Codebook
    context: BriefingContext
    texts: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def charts(self) -> dict[str, Any]:
        """The briefing's charts, drawn on first use and shared by the HTML and the PDF."""
        from caselens.report.html import chart_set

        return chart_set(self.context)

    def with_texts(self) -> Analysis:
        """The analysis cut to the reviews whose text is known, for formats that carry it.

        A review left out has a source note saying why (see :func:`render`).
        """
        kept = tuple(r for r in self.analysis.results if r.document.id in self.texts)
        if len(kept) == len(self.analysis.results):
            return self.analysis
        return replace(self.analysis, results=kept)


def parse_formats(text: str) -> tuple[str, ...]:
    """``"pdf, pptx"`` or ``"all"`` as format names in the canonical order, each once."""
    asked = [part.strip().lower().lstrip(".") for part in text.split(",") if part.strip()]
    if not asked:
        raise FormatError(f"--format is empty; give one or more of {', '.join(FORMATS)}, or all")
    if "all" in asked:
        return FORMATS
    unknown = [f for f in asked if f not in FORMATS]
    if unknown:
        raise FormatError(
            f"unknown format {', '.join(repr(u) for u in unknown)}; "
            f"choose from {', '.join(FORMATS)}, or all"
        )
    return tuple(f for f in FORMATS if f in asked)


def _qda_writer(name: str) -> Callable[..., None]:
    """A writer of the REFI-QDA package, which is built alongside this one."""
    try:
        module = importlib.import_module("caselens.report.qda")
    except ImportError as error:
        raise FormatError(f"format {name} not available yet in this caselens") from error
    writer = getattr(module, "write_qdc" if name == "qdc" else "write_qdpx", None)
    if not callable(writer):
        raise FormatError(f"format {name} not available yet in this caselens")
    return writer  # type: ignore[no-any-return]


def check_available(formats: Iterable[str]) -> None:
    """Fail before any work if a requested format cannot be written here."""
    for name in formats:
        if name in _EXTRAS:
            module, extra = _EXTRAS[name]
            try:
                importlib.import_module(module)
            except (ImportError, OSError) as error:  # OSError: a native library is missing
                raise FormatError(
                    f"format {name} needs the {module} package: pip install 'caselens[{extra}]'"
                    + (" (and the Pango library from your system)" if name == "pdf" else "")
                    + f" ({error})"
                ) from error
        elif name in ("qdc", "qdpx"):
            _qda_writer(name)


def _write_one(name: str, path: Path, inputs: ReportInputs) -> None:
    context, analysis, codebook = inputs.context, inputs.analysis, inputs.codebook
    if name == "html":
        from caselens.report.html import write_html

        write_html(path, context, inputs.charts)
    elif name == "pdf":
        from caselens.report.pdf import write_pdf

        write_pdf(path, context, inputs.charts)
    elif name == "pptx":
        from caselens.report.slides import write_pptx

        write_pptx(path, context)
    elif name == "md":
        from caselens.report.markdown import write_markdown

        write_markdown(path, context)
    elif name == "csv":
        from caselens.report.tables import write_findings_csv

        write_findings_csv(path, analysis, codebook)
    elif name == "xlsx":
        from caselens.report.xlsx import write_xlsx

        write_xlsx(path, inputs)
    elif name == "json":
        from caselens.report.tables import write_findings_json

        write_findings_json(path, analysis, codebook, context)
    elif name == "qdc":
        _qda_writer(name)(codebook, path)
    elif name == "qdpx":
        _qda_writer(name)(inputs.with_texts(), codebook, dict(inputs.texts), path)
    else:  # parse_formats lets no other name through
        raise FormatError(f"unknown format {name!r}")


def write_formats(out: Path, formats: Iterable[str], inputs: ReportInputs) -> list[Path]:
    """Write each format into ``out`` under its usual file name; the paths written, in order.

    ``findings.json`` is written first when asked for, so the saved analysis
    exists even if a later renderer fails.
    """
    chosen = list(formats)
    check_available(chosen)
    results = inputs.analysis.results
    if "qdpx" in chosen and results and not inputs.with_texts().results:
        raise FormatError(
            "project.qdpx carries the reviews' text, but none of the review files is where "
            "it was analysed and unchanged; keep the files in place or run analyse again"
        )
    ordered = sorted(chosen, key=lambda f: (f != "json", FORMATS.index(f)))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FormatError(
            f"{out}: cannot create the output folder ({error.strerror}); choose another --out"
        ) from error
    written = []
    for name in ordered:
        path = out / FILE_NAMES[name]
        _write_one(name, path, inputs)
        written.append(path)
    return written


def render(
    out: Path,
    formats: Iterable[str],
    analysis: Analysis,
    codebook: Codebook,
    *,
    texts: Mapping[str, str] | None = None,
    title: str | None = None,
    on_note: Callable[[str], None] | None = None,
) -> list[Path]:
    """Build the one context and write every format from it.

    The reviews' texts come from ``texts`` if given (the library), else from
    the analysis itself (a run made in this process). Only a saved analysis,
    which holds none, has its source files read again, and only when a chosen
    format shows text; a review whose file is gone or changed is left out of
    the appendix and the .qdpx, with a note in the briefing and to ``on_note``.
    """
    from caselens.report.context import build_context
    from caselens.report.sources import read_texts

    chosen = list(formats)
    check_available(chosen)
    notes: tuple[str, ...] = ()
    if texts is None:
        if analysis.texts or not analysis.results:
            texts = analysis.texts
        elif NEEDS_TEXT & set(chosen):
            limit = analysis.provenance.settings.get("max_file_bytes")
            found = read_texts(analysis, max_bytes=limit if isinstance(limit, int) else None)
            texts, notes = found.texts, found.notes
        else:
            texts = {}
    if on_note is not None:
        for note in notes:
            on_note(note)
    context = build_context(analysis, codebook, title, texts, notes)
    return write_formats(out, chosen, ReportInputs(analysis, codebook, context, texts))
