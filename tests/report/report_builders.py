"""Hand-built analyses and codebooks, so report tests run without the pipeline.

A module of its own with a unique name, because every test folder has a
``conftest`` module and ``from conftest import`` would be ambiguous.
"""

from __future__ import annotations

from caselens.model import (
    Codebook,
    Criterion,
    CriterionResult,
    Evidence,
    Facts,
    Finding,
    Indicator,
    Question,
    Screening,
    Theme,
)
from caselens.services import Analysis, DocumentInfo, Provenance, ReviewResult, Skipped


def make_codebook() -> Codebook:
    return Codebook(
        id="test-codebook",
        version="9.9.9",
        title="Test codebook",
        description="A codebook made for tests.",
        themes=(
            Theme("A", "Alpha theme", "About alpha.", "Alpha matters because."),
            Theme("B", "Beta theme", "About beta.", "Beta matters because."),
            Theme("C", "Gamma theme", "About gamma.", "Gamma matters because."),
        ),
        indicators=(
            Indicator("A.x", "A", "Alpha x"),
            Indicator("A.y", "A", "Alpha y"),
            Indicator("B.z", "B", "Beta z"),
            Indicator("C.w", "C", "Gamma w"),
        ),
        criteria=(
            Criterion("age", "Child under three", "age_months", below=36),
            Criterion("nation", "England or Wales", "nation", any_of=("England", "Wales")),
            Criterion(
                "published",
                "Published 2018 to 2022",
                "published_year",
                min=2018,
                max=2022,
                window=True,
            ),
        ),
        questions=(
            Question("Q1", "Do we ask about alpha?", themes=("A",)),
            Question("Q2", "Do we see beta z?", indicators=("B.z",)),
        ),
    )


def finding(doc: str, indicator: str, confidence: float, quote: str, start: int = 0) -> Finding:
    return Finding(
        document=doc,
        indicator=indicator,
        theme=indicator.split(".")[0],
        evidence=Evidence(quote, start, start + len(quote), 2),
        confidence=confidence,
        method="rules",
    )


def screening(doc: str, failed: str | None = None, status: str = "not_met") -> Screening:
    results = tuple(
        CriterionResult(c, c.title(), status if c == failed else "met", f"{c} reason")  # type: ignore[arg-type]
        for c in ("age", "nation", "published")
    )
    return Screening(doc, failed is None, failed is None, results)


def review(
    doc: str,
    name: str,
    findings: tuple[Finding, ...],
    failed: str | None = None,
    status: str = "not_met",
) -> ReviewResult:
    return ReviewResult(DocumentInfo(doc, name), Facts(), screening(doc, failed, status), findings)


def make_analysis() -> Analysis:
    results = (
        review(
            "d1",
            "Review One",
            (
                finding("d1", "A.x", 0.9, "Alpha x was seen in one."),
                finding("d1", "A.x", 0.8, "Alpha x again in one.", 40),
                finding("d1", "B.z", 0.7, "Beta z in one."),
            ),
        ),
        review("d2", "Review Two", (finding("d2", "A.y", 0.95, "Alpha y in two."),)),
        review(
            "d3",
            "Review Three",
            (finding("d3", "A.x", 0.99, "Excluded alpha."), finding("d3", "C.w", 0.9, "Gamma.")),
            failed="nation",
        ),
        review("d4", "Review Four", (), failed="age", status="unknown"),
    )
    provenance = Provenance(
        codebook_id="test-codebook",
        codebook_version="9.9.9",
        software_version="1.2.3",
        settings={"semantic": False, "min_confidence": 0.5, "any_year": False},
        started="2024-05-01T10:00:00+00:00",
        finished="2024-05-01T10:01:00+00:00",
        inputs=("reviews",),
    )
    return Analysis(results, (Skipped("reviews/broken.pdf", "the PDF is damaged"),), provenance)


TEXTS = {
    "t1": (
        "Review of baby Ash.\n\nAlpha x was seen at every visit. Nobody asked why.\n\n"
        "Beta z was noted by the health visitor.\n\nThe case closed in spring."
    ),
    "t2": (
        "Review of baby Birch.\n\nAlpha y came up twice.\n\nGamma w =SUM(A1) & <b>bold</b> *stars*."
    ),
    "t3": "Review of baby Cedar.\n\nAlpha x appears here, out of scope.",
}


def placed(doc: str, indicator: str, quote: str, confidence: float = 0.9) -> Finding:
    """A finding whose offsets are where ``quote`` really is in ``TEXTS[doc]``."""
    start = TEXTS[doc].index(quote)
    return finding(doc, indicator, confidence, quote, start)


def with_year(result: ReviewResult, year: int | None) -> ReviewResult:
    from dataclasses import replace

    from caselens.model import Fact

    return replace(result, facts=Facts(published_year=Fact("published_year", year)))


def make_placed_analysis() -> Analysis:
    """Three reviews whose findings sit at their true offsets in ``TEXTS``."""
    results = (
        with_year(
            review(
                "t1",
                "Ash review",
                (
                    placed("t1", "A.x", "Alpha x was seen at every visit."),
                    placed("t1", "A.y", "Nobody asked why."),
                    placed("t1", "B.z", "Beta z was noted by the health visitor."),
                ),
            ),
            2020,
        ),
        with_year(
            review(
                "t2",
                "Birch review",
                (
                    placed("t2", "A.y", "Alpha y came up twice."),
                    placed("t2", "C.w", "Gamma w =SUM(A1) & <b>bold</b> *stars*."),
                ),
            ),
            None,
        ),
        with_year(
            review("t3", "Cedar review", (placed("t3", "A.x", "Alpha x appears here"),), "age"),
            2019,
        ),
    )
    return Analysis(results, (), make_analysis().provenance)
