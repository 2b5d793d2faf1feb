"""One briefing context, many output formats: which exist, what they need, how to write them.

Every format is written from the same :class:`~caselens.report.context.BriefingContext`
(and, for the data files, the same :class:`~caselens.services.Analysis`), so a
slide deck and a spreadsheet made from one run can never disagree.

The renderers are imported only when asked for. Every format's libraries are ordinary
dependencies, but PDF also needs Pango from the operating system: a format that cannot
be written here never stops the others. ``write_formats`` writes every format it can and
then raises :class:`FormatsNotWrittenError`, naming each format it could not write and why
(the missing package or system library and the command that installs it).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from caselens.errors import CaselensError
from caselens.model import Codebook
from caselens.report.context import BriefingContext
from caselens.report.pdf_render import PdfUnavailableError
from caselens.services import Analysis

log = logging.getLogger(__name__)
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
# format -> (module that must import, package that provides it)
_EXTRAS = {
    "pptx": ("pptx", "python-pptx"),
    "xlsx": ("openpyxl", "openpyxl"),
    "pdf": ("weasyprint", "weasyprint"),
}
PANGO_HINT = "on Debian or Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0"
NEEDS_TEXT = frozenset({"html", "qdpx"})  # formats that show or carry the reviews' text


class FormatError(CaselensError):
    """An output format was asked for that caselens does not know or cannot write here."""


class FormatsNotWrittenError(FormatError):
    """Some formats were written and some could not be; the message names them all."""

    def __init__(self, written: list[Path], problems: dict[str, str]) -> None:
        self.written = written
        self.problems = problems
        done = ", ".join(p.name for p in written) or "nothing"
        failed = "; ".join(f"{name}: {why}" for name, why in problems.items())
        super().__init__(f"wrote {done}; could not write {failed}")


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


def unavailable(formats: Iterable[str]) -> dict[str, str]:
    """Why each of ``formats`` that cannot be written here cannot be, by format."""
    problems: dict[str, str] = {}
    for name in formats:
        if name in _EXTRAS:
            module, package = _EXTRAS[name]
            try:
                importlib.import_module(module)
            except OSError as error:  # a native library is missing (Pango for WeasyPrint)
                problems[name] = f"a system library is missing ({error}); {PANGO_HINT}"
            except ImportError as error:
                problems[name] = f"needs the {package} package ({error}): pip install {package}"
        elif name in ("qdc", "qdpx"):
            try:
                _qda_writer(name)
            except FormatError as error:
                problems[name] = str(error)
    return problems


def check_available(formats: Iterable[str]) -> dict[str, str]:
    """Fail before any work if none of the requested formats can be written here; else
    the ones that cannot be, with why (see :func:`unavailable`)."""
    chosen = list(formats)
    problems = unavailable(chosen)
    if problems and len(problems) == len(set(chosen)):
        raise FormatError("; ".join(f"format {n}: {why}" for n, why in problems.items()))
    return problems


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
    problems = check_available(chosen)
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
        if name in problems:
            continue
        path = out / FILE_NAMES[name]
        try:
            _write_one(name, path, inputs)
        except (PdfUnavailableError, OSError) as error:  # a renderer's library failed late
            problems[name] = str(error)
            continue
        except Exception as error:
            log.exception("%s could not be written", path)
            problems[name] = f"caselens failed to write it ({type(error).__name__}: {error})"
            continue
        written.append(path)
    if problems:
        raise FormatsNotWrittenError(written, {n: problems[n] for n in ordered if n in problems})
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
    organisation: str | None = None,
    sources: Sequence[Path] = (),
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
            found = read_texts(
                analysis, max_bytes=limit if isinstance(limit, int) else None, roots=sources
            )
            texts, notes = found.texts, found.notes
        else:
            texts = {}
    if on_note is not None:
        for note in notes:
            on_note(note)
    context = build_context(analysis, codebook, title, texts, notes, organisation)
    return write_formats(out, chosen, ReportInputs(analysis, codebook, context, texts))
