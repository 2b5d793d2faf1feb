"""Why a sentence was, or was not, counted: the explain use case.

For one document it lists the sections and their roles, and every sentence a coder
proposed for an indicator (a pattern matched, or the trained model was confident): the
section's role, the sentence's stance, what fired, and whether it became a finding and
why. ``caselens explain`` prints it; its JSON is the same dict.
"""

from __future__ import annotations

from typing import Any

from caselens.model import Codebook, Document
from caselens.pipeline.run import Pipeline
from caselens.pipeline.settings import Settings

_QUOTE = 300


def explain(
    document: Document,
    codebook: Codebook,
    settings: Settings | None = None,
    indicator: str | None = None,
) -> dict[str, Any]:
    """Every proposal for ``indicator`` (or for every indicator) with the reason it was
    kept or set aside, and the document's sections."""
    pipeline = Pipeline(codebook, settings)
    reading = pipeline.read(document)
    structure = reading.structure
    considered = [
        c for c in reading.coding.considered if indicator is None or c.indicator == indicator
    ]
    return {
        "document": document.name,
        "indicator": indicator,
        "methods": list(pipeline.coder.methods),
        "sections": [
            {
                "heading": s.heading,
                "role": s.role.id,
                "counts": s.role.coding,
                "start": s.start,
                "page": document.page_at(s.start),
            }
            for s in structure.sections
        ],
        "considered": [
            {
                "indicator": c.indicator,
                "kept": c.kept,
                "reason": c.reason,
                "section": c.section,
                "stance": c.stance,
                "method": c.method,
                "fired": c.detail,
                "confidence": round(c.confidence, 3),
                "start": c.start,
                "end": c.end,
                "page": c.page,
                "quote": document.text[c.start : c.end][:_QUOTE],
            }
            for c in considered
        ],
    }
