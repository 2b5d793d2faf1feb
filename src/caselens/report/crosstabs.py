"""Cross-tabulations of included reviews: review x theme, theme x theme, year x theme.

These are the tables a qualitative analyst builds with a matrix coding query:
each cell counts, and the review x theme cells keep the quotes behind their
count so a reader can open a number and see what it is made of. Like
prevalence, co-occurrence and trend count reviews, not passages.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from caselens.model import Codebook
from caselens.report.quotes import Quote, quote_of
from caselens.services import ReviewResult

UNKNOWN_YEAR = "Year not stated"


@dataclass(frozen=True, slots=True)
class MatrixCell:
    theme: str
    count: int  # passages coded to the theme in this review
    quotes: tuple[Quote, ...]  # the first few, in text order (see ``matrix``)

    @property
    def more(self) -> int:
        """Passages counted but not quoted in the cell: read them in the review."""
        return self.count - len(self.quotes)


@dataclass(frozen=True, slots=True)
class MatrixRow:
    review: str
    document_id: str
    year: int | None
    cells: tuple[MatrixCell, ...]  # in codebook theme order

    @property
    def total(self) -> int:
        return sum(c.count for c in self.cells)


@dataclass(frozen=True, slots=True)
class CoOccurrence:
    """``counts[i][j]``: included reviews in which themes i and j were both seen.

    The diagonal is the number of reviews in which the theme was seen at all.
    """

    themes: tuple[str, ...]
    labels: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    def pairs(self) -> list[tuple[str, str, int]]:
        """Every pair of different themes seen together at least once, most frequent first."""
        found = [
            (self.themes[i], self.themes[j], self.counts[i][j])
            for i in range(len(self.themes))
            for j in range(i + 1, len(self.themes))
            if self.counts[i][j]
        ]
        return sorted(found, key=lambda p: (-p[2], p[0], p[1]))

    def notable(self, included: int) -> list[tuple[str, str, int, float]]:
        """Pairs seen together in more reviews than their prevalence alone would give
        (``a`` reviews with one and ``b`` with the other, of ``n``: ``a * b / n`` expected
        together if unrelated), most above expectation first; with the expected count.

        Two themes present in every review are together in every review, which says
        nothing; such pairs are not notable."""
        out = []
        for i in range(len(self.themes)):
            for j in range(i + 1, len(self.themes)):
                a, b, both = self.counts[i][i], self.counts[j][j], self.counts[i][j]
                if not included or not both:
                    continue
                expected = a * b / included
                if both > expected + 1e-9 and both >= 2:
                    out.append((self.themes[i], self.themes[j], both, round(expected, 1)))
        return sorted(out, key=lambda p: (-(p[2] - p[3]), p[0], p[1]))


@dataclass(frozen=True, slots=True)
class TrendCell:
    theme: str
    reviews: int
    percent: float  # of the year's included reviews


@dataclass(frozen=True, slots=True)
class TrendRow:
    year: int | None  # None: the review does not say when it was published
    reviews: int
    cells: tuple[TrendCell, ...]

    @property
    def label(self) -> str:
        return UNKNOWN_YEAR if self.year is None else str(self.year)


def percent(part: int, whole: int) -> int:
    """``part`` as a whole percentage of ``whole``, halves rounded up; 0 with no whole.

    The one rounding rule of every format: computed exactly (6 of 11 is 54.54…%, so 55),
    once, here; renderers print the number as it is, so the HTML, the PDF, the slides'
    native chart and the Markdown can never disagree.
    """
    if not whole:
        return 0
    return math.floor(Fraction(100 * part, whole) + Fraction(1, 2))


def review_year(result: ReviewResult) -> int | None:
    value = result.facts.published_year.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


def matrix(
    included: tuple[ReviewResult, ...],
    codebook: Codebook,
    names: Mapping[str, str] | None = None,
    quotes_per_cell: int | None = None,
) -> tuple[MatrixRow, ...]:
    """One row per included review, one cell per theme, quotes in text order.

    ``quotes_per_cell`` keeps a cell's quotes to the first few (0: counts only), so the
    table of a large corpus stays small; the count is always every passage."""
    names = names or {r.document.id: r.document.name for r in included}
    rows = []
    for result in sorted(included, key=lambda r: names[r.document.id].lower()):
        cells = []
        # read once, and only when quotes are shown (a large run keeps them on disk)
        held = tuple(result.findings) if quotes_per_cell != 0 else ()
        for theme in codebook.themes:
            findings = sorted(
                (f for f in held if f.theme == theme.id),
                key=lambda f: (f.start, f.end, f.indicator),
            )
            shown = findings if quotes_per_cell is None else findings[:quotes_per_cell]
            quotes = tuple(quote_of(result, f, codebook, names) for f in shown)
            cells.append(MatrixCell(theme.id, result.theme_counts.get(theme.id, 0), quotes))
        rows.append(
            MatrixRow(
                names[result.document.id], result.document.id, review_year(result), tuple(cells)
            )
        )
    return tuple(rows)


def cooccurrence(included: tuple[ReviewResult, ...], codebook: Codebook) -> CoOccurrence:
    ids = tuple(t.id for t in codebook.themes)
    seen = [r.themes for r in included]
    counts = tuple(tuple(sum(1 for s in seen if a in s and b in s) for b in ids) for a in ids)
    return CoOccurrence(ids, tuple(t.label for t in codebook.themes), counts)


def trend(included: tuple[ReviewResult, ...], codebook: Codebook) -> tuple[TrendRow, ...]:
    """Reviews per publication year and the share of them showing each theme.

    Reviews whose year is unknown get a row of their own, last, rather than
    being dropped: leaving them out would change every share silently.
    """
    by_year: dict[int | None, list[ReviewResult]] = {}
    for result in included:
        by_year.setdefault(review_year(result), []).append(result)
    years = sorted(y for y in by_year if y is not None)
    if None in by_year:
        years_all: list[int | None] = [*years, None]
    else:
        years_all = list(years)
    rows = []
    for year in years_all:
        results = by_year[year]
        counts: Counter[str] = Counter()
        for result in results:
            counts.update(result.themes)
        cells = tuple(
            TrendCell(t.id, counts[t.id], percent(counts[t.id], len(results)))
            for t in codebook.themes
        )
        rows.append(TrendRow(year, len(results), cells))
    return tuple(rows)
