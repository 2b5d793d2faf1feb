"""The one briefing context every report format renders from.

Everything a briefing says is computed here, once, from an :class:`Analysis`
and its :class:`Codebook`. Renderers only lay it out: they never count, sort
or query, so the HTML, a slide deck and a CSV can never disagree.

Prevalence counts reviews, not findings: a theme seen ten times in one review
counts once, because the question a partnership asks is "in how many reviews
did this come up?". Only included reviews count; an excluded review's findings
stay in the data files but not in the figures.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from caselens.model import Codebook
from caselens.model.serial import Serial
from caselens.pipeline.screen import Exclusion, exclusions
from caselens.report.crosstabs import (
    CoOccurrence,
    MatrixRow,
    TrendRow,
    cooccurrence,
    matrix,
    percent,
    trend,
)
from caselens.report.exemplars import MAX_QUOTES, Candidate, as_candidate, best_quotes
from caselens.report.names import review_names
from caselens.report.quotes import Quote
from caselens.report.sources import SourceSection, build_sources
from caselens.services import Analysis, ReviewResult, Skipped
from caselens.spool import SpooledTexts

__all__ = ["BriefingContext", "Quote", "build_context"]

# A briefing over many reviews must stay a file that opens in seconds: above this many
# included reviews, the theme-by-review table gives counts that open the review, and each
# review's appendix entry shows its most telling coded passages (every finding is in the
# CSV, XLSX and JSON). Measured: 300 generated reviews, 45 MB before, see docs/reports.md.
LARGE_CORPUS = 40
PASSAGES_WHEN_LARGE = 8
QUOTES_PER_CELL = 8  # quotes a table cell lists; the rest are read in the review


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    id: str
    label: str
    description: str
    reviews: int  # included reviews with at least one finding of this indicator
    percent: float  # of included reviews
    findings: int


@dataclass(frozen=True, slots=True)
class QuestionItem:
    id: str
    text: str
    themes: tuple[str, ...]  # theme ids the question follows from


@dataclass(frozen=True, slots=True)
class ThemeSection:
    id: str
    label: str
    description: str
    why_it_matters: str
    reviews: int
    percent: float
    findings: int
    indicators: tuple[IndicatorRow, ...]
    quotes: tuple[Quote, ...]
    questions: tuple[QuestionItem, ...]


@dataclass(frozen=True, slots=True)
class ScreeningFlow(Serial):
    files: int  # files found under the given paths
    skipped: int  # could not be read
    duplicates: int  # same content as another file
    read: int  # distinct documents screened
    excluded: tuple[Exclusion, ...]  # only criteria that excluded something
    included: int


@dataclass(frozen=True, slots=True)
class ReviewRow:
    name: str  # what the briefing calls it: its own title, else its file name
    document_id: str
    included: bool
    reason: str | None  # label of the criterion that excluded it
    themes: tuple[str, ...]
    findings: int
    file: str = ""  # the file it was read from, shown beside the title


@dataclass(frozen=True, slots=True)
class MethodInfo:
    codebook_id: str
    codebook_version: str
    codebook_title: str
    codebook_source: str
    criteria: tuple[str, ...]
    window_applied: bool
    software_version: str
    date: str
    started: str
    finished: str
    settings: dict[str, Any]
    findings_total: int
    findings_counted: int


@dataclass(frozen=True)
class BriefingContext:
    title: str
    subtitle: str
    date: str
    summary: tuple[str, ...]
    flow: ScreeningFlow
    themes: tuple[ThemeSection, ...]
    questions: tuple[QuestionItem, ...]
    method: MethodInfo
    reviews: tuple[ReviewRow, ...]
    skipped: tuple[Skipped, ...]
    matrix: tuple[MatrixRow, ...] = ()
    cooccurrence: CoOccurrence | None = None
    trend: tuple[TrendRow, ...] = ()
    sources: Sequence[SourceSection] = ()  # on disk for a large run (caselens.spool)
    linked: frozenset[str] = field(default_factory=frozenset)  # reviews with a source section
    # the places in the appendix of the quotes the briefing shows
    anchors: frozenset[str] = field(default_factory=frozenset)
    source_notes: tuple[str, ...] = ()  # why a review's text is not in the appendix
    organisation: str = ""  # the partnership publishing it, on the cover and title slide


def _flow(analysis: Analysis, codebook: Codebook) -> ScreeningFlow:
    rows = exclusions(
        (r.screening for r in analysis.results), ((c.id, c.label) for c in codebook.criteria)
    )
    excluded = tuple(e for e in rows if e.total)
    included = sum(1 for r in analysis.results if r.included)
    read = len(analysis.results)
    return ScreeningFlow(
        files=read + len(analysis.skipped) + len(analysis.duplicates),
        skipped=len(analysis.skipped),
        duplicates=len(analysis.duplicates),
        read=read,
        excluded=excluded,
        included=included,
    )


def _questions(codebook: Codebook) -> tuple[QuestionItem, ...]:
    theme_of = {i.id: i.theme for i in codebook.indicators}
    items = []
    for q in codebook.questions:
        themes = list(q.themes)
        for indicator in q.indicators:
            theme = theme_of.get(indicator)
            if theme and theme not in themes:
                themes.append(theme)
        items.append(QuestionItem(q.id, q.text, tuple(themes)))
    return tuple(items)


def _themes(
    included: tuple[ReviewResult, ...],
    codebook: Codebook,
    questions: tuple[QuestionItem, ...],
    names: Mapping[str, str] | None = None,
) -> tuple[ThemeSection, ...]:
    """Prevalence and exemplars of each theme, in one pass over the findings: a review's
    findings are read once (they may be kept on disk for a large corpus), of each review
    only its best passage per indicator is a candidate quote, and of each indicator only
    its best :data:`MAX_QUOTES` candidates are kept, the only ones the choice of exemplars
    could ever take (each pick takes an indicator's best candidate from a review not yet
    quoted), so what is held does not grow with the corpus."""
    total = len(included)
    # by (kind, id): ("theme", "E") or ("indicator", "E.co_sleeping")
    reviews: Counter[tuple[str, str]] = Counter()  # reviews showing it (each review once)
    counts: Counter[tuple[str, str]] = Counter()  # findings
    # by indicator: its best candidates so far, each with its place in the walk, so the
    # candidates are offered in the order they were met (the pick's ties fall as before)
    kept: dict[str, list[tuple[int, Candidate]]] = defaultdict(list)
    met = 0
    for result in included:
        best: dict[str, Candidate] = {}
        shown: set[tuple[str, str]] = set()
        for finding in result.findings:
            for key in (("theme", finding.theme), ("indicator", finding.indicator)):
                shown.add(key)
                counts[key] += 1
            candidate = as_candidate(result, finding)
            held = best.get(finding.indicator)
            if held is None or (candidate[0], candidate[1]) < (held[0], held[1]):
                best[finding.indicator] = candidate
        reviews.update(shown)
        for indicator, candidate in best.items():
            held_best = kept[indicator]
            held_best.append((met, candidate))
            met += 1
            if len(held_best) > MAX_QUOTES:
                held_best.sort(key=lambda m: (m[1][0], m[1][1]))
                del held_best[MAX_QUOTES:]
    candidates: dict[str, list[Candidate]] = defaultdict(list)
    for _, candidate in sorted(
        (m for held_best in kept.values() for m in held_best), key=lambda m: m[0]
    ):
        candidates[candidate[3].theme].append(candidate)
    sections = []
    for theme in codebook.themes:
        rows = tuple(
            IndicatorRow(
                indicator.id,
                indicator.label,
                indicator.description,
                reviews["indicator", indicator.id],
                percent(reviews["indicator", indicator.id], total),
                counts["indicator", indicator.id],
            )
            for indicator in codebook.indicators_of(theme.id)
        )
        seen = reviews["theme", theme.id]
        sections.append(
            ThemeSection(
                id=theme.id,
                label=theme.label,
                description=theme.description,
                why_it_matters=theme.why_it_matters,
                reviews=seen,
                percent=percent(seen, total),
                findings=counts["theme", theme.id],
                indicators=rows,
                quotes=best_quotes(candidates[theme.id], codebook, names),
                questions=tuple(q for q in questions if theme.id in q.themes),
            )
        )
    return tuple(sections)


def _summary(flow: ScreeningFlow, themes: tuple[ThemeSection, ...]) -> tuple[str, ...]:
    lines = [
        f"{flow.read} review{'s' if flow.read != 1 else ''} read; {flow.included} met the "
        "scope and are counted in this briefing."
    ]
    if flow.skipped:
        lines.append(f"{flow.skipped} file{'s' if flow.skipped != 1 else ''} could not be read.")
    common = sorted((t for t in themes if t.reviews), key=lambda t: (-t.reviews, t.id))[:3]
    if common:
        parts = [f"{t.label} ({t.reviews} of {flow.included})" for t in common]
        lines.append("Most often seen: " + "; ".join(parts) + ".")
    lines.append(
        "Findings are passages matched to the codebook by machine. Read the quotes and "
        "the reviews before drawing lessons; the figures describe reviews, never a family."
    )
    return tuple(lines)


def _review_rows(
    analysis: Analysis, flow: ScreeningFlow, names: Mapping[str, str]
) -> tuple[ReviewRow, ...]:
    labels = {e.criterion: e.label for e in flow.excluded}
    rows = []
    for r in sorted(analysis.results, key=lambda r: names[r.document.id].lower()):
        reason = r.screening.exclusion_reason
        rows.append(
            ReviewRow(
                name=names[r.document.id],
                file=r.document.name,
                document_id=r.document.id,
                included=r.included,
                reason=None if r.included else labels.get(reason or "other", reason),
                themes=tuple(sorted(r.themes)),
                findings=len(r.findings),
            )
        )
    return tuple(rows)


def build_context(
    analysis: Analysis,
    codebook: Codebook,
    title: str | None = None,
    texts: Mapping[str, str] | None = None,
    source_notes: tuple[str, ...] = (),
    organisation: str | None = None,
    appendix: Sequence[SourceSection] | None = None,
) -> BriefingContext:
    """Everything a briefing shows, computed from the analysis and its codebook only.

    ``texts`` (review id to its text) adds the source appendix that quotes link
    to; without it the briefing is complete but its quotes cannot be opened in
    context. ``source_notes`` say, for a person, why a review's text is missing
    (its file moved or changed since a saved analysis was made). ``appendix`` is the
    source appendix already made (kept in a findings.json), used instead of ``texts``.
    """
    p = analysis.provenance
    flow = _flow(analysis, codebook)
    included = analysis.included
    questions = _questions(codebook)
    names = review_names(r.document for r in analysis.results)
    themes = _themes(included, codebook, questions, names)
    large = len(included) > LARGE_CORPUS
    sources = (
        appendix
        if appendix is not None
        else build_sources(
            included,
            texts or {},
            names,
            max_passages=PASSAGES_WHEN_LARGE if large else None,
            first=frozenset(q.anchor for t in themes for q in t.quotes),
            spool=texts.spool if isinstance(texts, SpooledTexts) else None,
        )
    )
    rows = matrix(included, codebook, names, quotes_per_cell=0 if large else QUOTES_PER_CELL)
    # of the appendix's quote places, those the briefing links to: its exemplars and the
    # quotes of its table cells (all of a corpus's would grow with it)
    shown = {q.anchor for t in themes for q in t.quotes}
    shown.update(q.anchor for row in rows for cell in row.cells for q in cell.quotes)
    linked: set[str] = set()
    anchors: set[str] = set()
    for section in sources:  # one pass: a large run's sections are read back from disk
        linked.add(section.document_id)
        anchors.update(shown.intersection(section.anchors()))
    method = MethodInfo(
        codebook_id=p.codebook_id,
        codebook_version=p.codebook_version,
        codebook_title=codebook.title,
        codebook_source=codebook.source,
        criteria=tuple(c.label for c in codebook.criteria),
        window_applied=not bool(p.settings.get("any_year", False)),
        software_version=p.software_version,
        date=p.finished[:10],
        started=p.started,
        finished=p.finished,
        settings=dict(p.settings),
        findings_total=sum(len(r.findings) for r in analysis.results),
        findings_counted=sum(len(r.findings) for r in included),
    )
    return BriefingContext(
        title=title or f"Learning from case reviews: {codebook.title}",
        subtitle=codebook.description,
        date=method.date,
        summary=_summary(flow, themes),
        flow=flow,
        themes=themes,
        questions=questions,
        method=method,
        reviews=_review_rows(analysis, flow, names),
        skipped=analysis.skipped,
        matrix=rows,
        cooccurrence=cooccurrence(included, codebook),
        trend=trend(included, codebook),
        sources=sources,
        linked=frozenset(linked),
        anchors=frozenset(anchors),
        source_notes=tuple(source_notes),
        organisation=(organisation or "").strip(),
    )
