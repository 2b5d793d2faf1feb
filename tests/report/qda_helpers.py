"""Fictional reviews and a hand-made analysis for the REFI-QDA tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from caselens.codebook import default_codebook
from caselens.model import Document, Evidence, Facts, Finding, Screening
from caselens.services import Analysis, DocumentInfo, Provenance, ReviewResult

SHARED = Path(__file__).parents[2] / ".." / "shared" / "refi-qda"

TEXTS = {
    "Baby Q": (
        "Baby Q was seven weeks old when she died in England.\n\n"
        "Her father was not seen by the health visitor. The mother had used cannabis "
        "since she was a teenager.\n\nBaby Q slept on the sofa with her father."
    ),
    "Baby R": (
        "Baby R, aged three months, suffered serious injuries in Wales.\n\n"
        "Information held by the police was not shared with children's social care."
    ),
}


def shared_or_skip(name: str) -> Path:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is absent: the REFI-QDA schemas and samples live in ../shared")
    return path


def finding(doc: Document, indicator: str, quote: str, method: str = "rules") -> Finding:
    start = doc.text.index(quote)
    end = start + len(quote)
    return Finding(doc.id, indicator, indicator.split(".")[0], Evidence(quote, start, end), 0.9,
                   method)  # fmt: skip


def documents() -> list[Document]:
    return [Document.from_text(text, f"{name}.txt") for name, text in TEXTS.items()]


def coded_corpus() -> tuple[Analysis, dict[str, str]]:
    q, r = documents()
    findings = {
        q.id: (
            finding(q, "F.fathers_unseen_men", "Her father was not seen by the health visitor."),
            finding(q, "A.parent_substance_misuse", "The mother had used cannabis"),
            finding(q, "E.sofa_or_unsafe_surface", "Baby Q slept on the sofa with her father."),
            finding(q, "F.fathers_unseen_men", "Baby Q slept on the sofa with her father."),
        ),
        r.id: (finding(r, "G.information_sharing", "was not shared with children's social care"),),
    }
    results = tuple(
        ReviewResult(
            DocumentInfo.of(doc), Facts(), Screening(doc.id, True, doc is q, ()), findings[doc.id]
        )
        for doc in (q, r)
    )
    codebook = default_codebook()
    provenance = Provenance(codebook.id, codebook.version, "0.1.0", {}, "2024-05-01T10:00:00+00:00",
                            "2024-05-01T10:00:05+00:00")  # fmt: skip
    return Analysis(results, (), provenance), {d.id: d.text for d in (q, r)}
