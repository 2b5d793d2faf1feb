"""Agreement between two coders over sentences: per indicator and per theme.

A coder is the machine (a run's findings) or a person (their review decisions,
or codings imported from a ``.qdpx``). The units are the sentences of each
document, as :func:`caselens.pipeline.segment.segment` cuts them; for every
label a coder either marked a sentence (any of its coded spans overlaps it) or
did not. On those binary ratings we report percent agreement, Cohen's kappa
(chance from each coder's own rates) and Krippendorff's alpha for nominal data
(chance from the pooled rates, corrected for small samples), computed with the
``krippendorff`` package. Pure: no database, no files.

A coding at theme level (a person who coded "E" without choosing an
indicator) counts for its theme only; a code that is neither an indicator nor
a theme of the codebook is compared under its own name.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import krippendorff
import numpy as np

from caselens.model import Codebook, Document, Sentence
from caselens.model.serial import Serial

MACHINE = "machine"


@dataclass(frozen=True, slots=True)
class Coding:
    """One label a coder put on a half-open span of a document's text."""

    document: str
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class LabelAgreement(Serial):
    """Two coders' yes/no ratings of one label over the same sentences."""

    label: str
    kind: str  # indicator | theme | code | all
    units: int
    both: int
    first_only: int
    second_only: int
    neither: int
    percent: float | None
    kappa: float | None
    alpha: float | None

    __shown__ = (
        "label",
        "kind",
        "units",
        "both",
        "first_only",
        "second_only",
        "neither",
        ("percent_agreement", "percent_agreement", 4),
        ("kappa", "kappa", 4),
        ("alpha", "alpha", 4),
    )

    @property
    def percent_agreement(self) -> float | None:
        return None if self.percent is None else 100 * self.percent


@dataclass(frozen=True)
class AgreementReport(Serial):
    first: str
    second: str
    documents: tuple[str, ...]
    units: int
    indicators: tuple[LabelAgreement, ...]
    themes: tuple[LabelAgreement, ...]
    overall_indicators: LabelAgreement
    overall_themes: LabelAgreement

    __shown__ = ("coders", "documents", "units", "unit", "indicators", "themes", "overall")

    @property
    def coders(self) -> list[str]:
        return [self.first, self.second]

    @property
    def unit(self) -> str:
        return "sentence"

    @property
    def overall(self) -> dict[str, LabelAgreement]:
        return {"indicators": self.overall_indicators, "themes": self.overall_themes}


# --- the statistics ----------------------------------------------------------


def percent_agreement(first: Sequence[Hashable], second: Sequence[Hashable]) -> float | None:
    _same_length(first, second)
    if not first:
        return None
    return sum(a == b for a, b in zip(first, second, strict=True)) / len(first)


def cohen_kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> float | None:
    """Cohen's kappa for two coders' nominal ratings; None where chance explains everything."""
    _same_length(first, second)
    n = len(first)
    if n == 0:
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    values = set(first) | set(second)
    expected = sum((first.count(v) / n) * (second.count(v) / n) for v in values)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(ratings: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's alpha (nominal) for coders x units; None marks a unit a coder left out.

    None where the data hold fewer than two distinct values: alpha is undefined.
    """
    codes: dict[Hashable, int] = {}
    for row in ratings:
        for value in row:
            if value is not None:
                codes.setdefault(value, len(codes))
    if len(codes) < 2:
        return None
    data = np.array(
        [[np.nan if v is None else codes[v] for v in row] for row in ratings], dtype=float
    )
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def _same_length(first: Sequence[Hashable], second: Sequence[Hashable]) -> None:
    if len(first) != len(second):
        raise ValueError(f"two coders rated {len(first)} and {len(second)} units; pair them first")


def binary_agreement(
    label: str, kind: str, units: int, first: set[int], second: set[int]
) -> LabelAgreement:
    """The statistics of one label from the sets of units each coder marked."""
    both = len(first & second)
    first_only = len(first - second)
    second_only = len(second - first)
    neither = units - both - first_only - second_only
    if units == 0:
        return LabelAgreement(label, kind, 0, 0, 0, 0, 0, None, None, None)
    n = units
    observed = (both + neither) / n
    p1, p2 = (both + first_only) / n, (both + second_only) / n
    expected = p1 * p2 + (1 - p1) * (1 - p2)
    kappa = None if expected >= 1 else (observed - expected) / (1 - expected)
    alpha = None
    if both + first_only + second_only and neither + first_only + second_only:
        # Only three kinds of unit exist, so the value-count matrix is built from the tallies.
        counts = np.array(
            [[0, 2]] * both + [[1, 1]] * (first_only + second_only) + [[2, 0]] * neither,
            dtype=float,
        )
        alpha = float(krippendorff.alpha(value_counts=counts, level_of_measurement="nominal"))
    return LabelAgreement(
        label, kind, n, both, first_only, second_only, neither, observed, kappa, alpha
    )


# --- codings to units ----------------------------------------------------------


def covered(sentences: Sequence[Sentence], start: int, end: int) -> range:
    """Indexes of the sentences a half-open span overlaps by at least one character."""
    starts = [s.start for s in sentences]
    first = max(bisect.bisect_right(starts, start) - 1, 0)
    last = first
    while last < len(sentences) and sentences[last].start < end:
        last += 1
    while first < last and sentences[first].end <= start:
        first += 1
    return range(first, last)


def _marks(
    codings: Iterable[Coding],
    offsets: Mapping[str, tuple[int, Sequence[Sentence]]],
    codebook: Codebook,
) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    """Per label, the global indexes of the sentences a coder marked (labels, themes)."""
    themes = {t.id for t in codebook.themes}
    theme_of = {i.id: i.theme for i in codebook.indicators}
    labels: dict[str, set[int]] = {}
    by_theme: dict[str, set[int]] = {}
    for coding in codings:
        if coding.document not in offsets:
            continue
        base, sentences = offsets[coding.document]
        marked = {base + i for i in covered(sentences, coding.start, coding.end)}
        if coding.label in themes:
            by_theme.setdefault(coding.label, set()).update(marked)
            continue
        labels.setdefault(coding.label, set()).update(marked)
        if coding.label in theme_of:
            by_theme.setdefault(theme_of[coding.label], set()).update(marked)
    return labels, by_theme


def _pooled(rows: Sequence[LabelAgreement], units: int, first: list[set[int]],
            second: list[set[int]]) -> LabelAgreement:  # fmt: skip
    """All labels at once: each (sentence, label) pair is one unit."""
    first_all = {k * units + u for k, marks in enumerate(first) for u in marks}
    second_all = {k * units + u for k, marks in enumerate(second) for u in marks}
    return binary_agreement("all", "all", units * len(rows), first_all, second_all)


def compare(
    documents: Sequence[Document],
    first: tuple[str, Iterable[Coding]],
    second: tuple[str, Iterable[Coding]],
    codebook: Codebook,
    *,
    sentences: Mapping[str, Sequence[Sentence]] | None = None,
) -> AgreementReport:
    """Agreement of two coders over every sentence of ``documents``.

    ``sentences`` may give each document's sentences already cut (by id);
    otherwise they are segmented here. Rows are the labels either coder used.
    """
    from caselens.pipeline.segment import segment

    offsets: dict[str, tuple[int, Sequence[Sentence]]] = {}
    units = 0
    for document in documents:
        cut = sentences[document.id] if sentences and document.id in sentences else None
        cut = cut if cut is not None else segment(document)
        offsets[document.id] = (units, cut)
        units += len(cut)
    (first_name, first_codings), (second_name, second_codings) = first, second
    labels_1, themes_1 = _marks(first_codings, offsets, codebook)
    labels_2, themes_2 = _marks(second_codings, offsets, codebook)
    order = [i.id for i in codebook.indicators]
    used = set(labels_1) | set(labels_2)
    indicator_ids = [i for i in order if i in used] + sorted(used - set(order))
    known = set(order)
    indicators = tuple(
        binary_agreement(
            label, "indicator" if label in known else "code", units,
            labels_1.get(label, set()), labels_2.get(label, set()),
        )
        for label in indicator_ids
    )  # fmt: skip
    theme_ids = [t.id for t in codebook.themes if t.id in set(themes_1) | set(themes_2)]
    themes = tuple(
        binary_agreement(t, "theme", units, themes_1.get(t, set()), themes_2.get(t, set()))
        for t in theme_ids
    )
    return AgreementReport(
        first=first_name,
        second=second_name,
        documents=tuple(d.id for d in documents),
        units=units,
        indicators=indicators,
        themes=themes,
        overall_indicators=_pooled(
            indicators, units,
            [labels_1.get(i, set()) for i in indicator_ids],
            [labels_2.get(i, set()) for i in indicator_ids],
        ),
        overall_themes=_pooled(
            themes, units,
            [themes_1.get(t, set()) for t in theme_ids],
            [themes_2.get(t, set()) for t in theme_ids],
        ),
    )  # fmt: skip
