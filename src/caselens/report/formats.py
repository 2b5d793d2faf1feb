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
from caselens.report.files import folder_trouble
from caselens.report.pdf_render import PdfUnavailableError
from caselens.report.sources import SourceSection
from caselens.services import Analysis

log = logging.getLogger(__name__)
PANGO_HINT = "on Debian or Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0"


@dataclass(frozen=True)
class OutputFormat:
    """One output format, registered once: everything the CLI, the web app and
    :func:`write_formats` need to know of it (like datasette's output renderers).

    ``writer`` is ``"module:function"``, imported only when the format is written, and
    called as ``function(path, inputs)``; ``needs`` is the module it cannot run without and
    the package that provides it, checked before any work starts."""

    name: str
    file_name: str
    writer: str
    description: str
    media_type: str = "application/octet-stream"
    needs: tuple[str, str] | None = None
    carries_text: bool = False  # shows or carries the reviews' text
    whole_text: bool = False  # carries each review's whole text, not only the appendix

    def load(self) -> Callable[[Path, ReportInputs], None]:
        module_name, _, attribute = self.writer.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError as error:  # the library it needs is checked before (unavailable)
            raise FormatError(f"format {self.name} is not available in this caselens") from error
        function = getattr(module, attribute, None)
        if not callable(function):
            raise FormatError(f"format {self.name} is not available in this caselens")
        return function  # type: ignore[no-any-return]


REGISTRY: dict[str, OutputFormat] = {}


def register(output: OutputFormat) -> None:
    """Add a format (a plugin or a test may); its name must be new."""
    if output.name in REGISTRY or output.name == "all":
        raise ValueError(f"format {output.name!r} is already registered")
    REGISTRY[output.name] = output


_HERE = "caselens.report.formats"
_OOXML = "application/vnd.openxmlformats-officedocument."
for _output in (
    OutputFormat("html", "briefing.html", f"{_HERE}:_html", "the briefing as one web page",
                 "text/html", carries_text=True),
    OutputFormat("pdf", "briefing.pdf", f"{_HERE}:_pdf", "the briefing on A4 pages",
                 "application/pdf", needs=("weasyprint", "weasyprint")),
    OutputFormat("pptx", "briefing.pptx", f"{_HERE}:_pptx", "slides for a learning session",
                 _OOXML + "presentationml.presentation", needs=("pptx", "python-pptx")),
    OutputFormat("md", "briefing.md", f"{_HERE}:_md", "the briefing as Markdown",
                 "text/markdown"),
    OutputFormat("csv", "findings.csv", f"{_HERE}:_csv", "one row per finding", "text/csv"),
    OutputFormat("xlsx", "findings.xlsx", f"{_HERE}:_xlsx", "findings, reviews and counts",
                 _OOXML + "spreadsheetml.sheet", needs=("openpyxl", "openpyxl")),
    OutputFormat("json", "findings.json", f"{_HERE}:_json", "the saved analysis",
                 "application/json"),
    OutputFormat("qdc", "codebook.qdc", f"{_HERE}:_qdc", "the codebook for QDA programs",
                 "application/xml"),
    OutputFormat("qdpx", "project.qdpx", f"{_HERE}:_qdpx", "a REFI-QDA project",
                 "application/zip", carries_text=True, whole_text=True),
):  # fmt: skip
    register(_output)

# The names other modules read, derived from the registry as it stands after the built-in
# formats (the code here reads REGISTRY itself, so a format registered later counts too).
FORMATS = tuple(REGISTRY)
DEFAULT_FORMATS = ("html", "csv", "json")
FILE_NAMES = {name: output.file_name for name, output in REGISTRY.items()}


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
        raise FormatError(f"--format is empty; give one or more of {', '.join(REGISTRY)}, or all")
    known = tuple(REGISTRY)
    if "all" in asked:
        return known
    unknown = [f for f in asked if f not in known]
    if unknown:
        raise FormatError(
            f"unknown format {', '.join(repr(u) for u in unknown)}; "
            f"choose from {', '.join(known)}, or all"
        )
    return tuple(f for f in known if f in asked)


def known_formats(formats: Iterable[str]) -> list[str]:
    """``formats`` as a list, each a format caselens knows, else a FormatError listing them:
    a Python caller's slip would otherwise surface as a bare KeyError from deep inside."""
    chosen = [formats] if isinstance(formats, str) else list(formats)  # "html", not h-t-m-l
    unknown = [f for f in chosen if not isinstance(f, str) or f not in REGISTRY]
    if unknown:
        raise FormatError(
            f"unknown format {', '.join(repr(u) for u in unknown)}; "
            f"the formats are {', '.join(REGISTRY)}"
        )
    return chosen


def unavailable(formats: Iterable[str]) -> dict[str, str]:
    """Why each of ``formats`` that cannot be written here cannot be, by format."""
    problems: dict[str, str] = {}
    for name in known_formats(formats):
        output = REGISTRY[name]
        try:
            if output.needs is not None:
                importlib.import_module(output.needs[0])
            output.load()
        except OSError as error:  # a native library is missing (Pango for WeasyPrint)
            problems[name] = f"a system library is missing ({error}); {PANGO_HINT}"
        except FormatError as error:
            problems[name] = str(error)
        except ImportError as error:
            package = output.needs[1] if output.needs else "caselens"
            problems[name] = f"needs the {package} package ({error}): pip install {package}"
    return problems


def check_available(formats: Iterable[str]) -> dict[str, str]:
    """Fail before any work if none of the requested formats can be written here; else
    the ones that cannot be, with why (see :func:`unavailable`)."""
    chosen = known_formats(formats)
    problems = unavailable(chosen)
    if problems and len(problems) == len(set(chosen)):
        raise FormatError("; ".join(f"format {n}: {why}" for n, why in problems.items()))
    return problems


# The writers, one signature each: (path, inputs). Renderers are imported when used.


def _html(path: Path, inputs: ReportInputs) -> None:
    from caselens.report.html import write_html

    write_html(path, inputs.context, inputs.charts)


def _pdf(path: Path, inputs: ReportInputs) -> None:
    from caselens.report.pdf import write_pdf

    write_pdf(path, inputs.context, inputs.charts)


def _pptx(path: Path, inputs: ReportInputs) -> None:
    from caselens.report.slides import write_pptx

    write_pptx(path, inputs.context)


def _md(path: Path, inputs: ReportInputs) -> None:
    from caselens.report.markdown import write_markdown

    write_markdown(path, inputs.context)


def _csv(path: Path, inputs: ReportInputs) -> None:
    from caselens.report.tables import write_findings_csv

    write_findings_csv(path, inputs.analysis, inputs.codebook)


def _xlsx(path: Path, inputs: ReportInputs) -> None:
    from caselens.report.xlsx import write_xlsx

    write_xlsx(path, inputs)


def _json(path: Path, inputs: ReportInputs) -> None:
    from caselens.report.tables import write_findings_json

    write_findings_json(path, inputs.analysis, inputs.codebook, inputs.context)


def _qdc(path: Path, inputs: ReportInputs) -> None:
    from caselens.report.qda import write_qdc

    write_qdc(inputs.codebook, path)


def _qdpx(path: Path, inputs: ReportInputs) -> None:
    from caselens.report.qda import write_qdpx

    write_qdpx(inputs.with_texts(), inputs.codebook, dict(inputs.texts), path)


def write_formats(out: Path, formats: Iterable[str], inputs: ReportInputs) -> list[Path]:
    """Write each format into ``out`` under its usual file name; the paths written, in order.

    ``findings.json`` is written first when asked for, so the saved analysis
    exists even if a later renderer fails.
    """
    chosen = known_formats(formats)
    problems = check_available(chosen)
    results = inputs.analysis.results
    if "qdpx" in chosen and results and not inputs.with_texts().results:
        raise FormatError(
            "project.qdpx carries the reviews' text, but none of the review files is where "
            "it was analysed and unchanged; keep the files in place or run analyse again"
        )
    order = list(REGISTRY)
    ordered = sorted(chosen, key=lambda f: (f != "json", order.index(f)))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FormatError(
            f"{out}: cannot create the output folder ({folder_trouble(out, error)}); "
            "choose another --out"
        ) from error
    written = []
    for name in ordered:
        if name in problems:
            continue
        output = REGISTRY[name]
        path = out / output.file_name
        try:
            output.load()(path, inputs)
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
    appendix: Sequence[SourceSection] | None = None,
) -> list[Path]:
    """Build the one context and write every format from it.

    The reviews' texts come from ``texts`` if given (the library), else from
    the analysis itself (a run made in this process). A saved analysis holds none, but
    its findings.json keeps the briefing's ``appendix``; its source files are read again
    only for a format that needs whole texts (the .qdpx), or, for a findings.json
    without an appendix, one that shows text. A review whose file is gone or changed is
    left out of what needs it, with a note (in the briefing, when it is the appendix
    that lacks it) and to ``on_note``.
    """
    from caselens.report.context import build_context
    from caselens.report.sources import read_texts

    chosen = known_formats(formats)
    check_available(chosen)
    notes: tuple[str, ...] = ()
    if texts is None:
        if analysis.texts or not analysis.results:
            texts = analysis.texts
        elif any(
            REGISTRY[name].whole_text or (appendix is None and REGISTRY[name].carries_text)
            for name in chosen
        ):
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
    # a saved appendix stands for the texts; notes then concern the .qdpx only
    kept = appendix if not analysis.texts else None
    shown_notes = notes if kept is None else ()
    context = build_context(
        analysis, codebook, title, texts, shown_notes, organisation, appendix=kept
    )
    return write_formats(out, chosen, ReportInputs(analysis, codebook, context, texts))
