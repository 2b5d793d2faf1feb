"""Scope facts read from a review: the child's age, the outcome, the harm, the nation, the year.

Pure and quick: every pattern is compiled once at import, nothing is looked up
outside the text. Every fact carries the sentence it was read from, and a fact
the text does not state stays unknown rather than being guessed. The readers for
each fact live in ``facts_age``, ``facts_harm`` (vocabulary in ``facts_words``)
and ``facts_nation``.
"""

from __future__ import annotations

from collections.abc import Sequence

from caselens.model import Document, Facts, Sentence
from caselens.pipeline.facts_age import extract_age
from caselens.pipeline.facts_harm import extract_harm_types, extract_outcome
from caselens.pipeline.facts_nation import extract_nation, extract_published_year
from caselens.pipeline.facts_text import pieces

__all__ = ["extract_facts"]


def extract_facts(doc: Document, sentences: Sequence[Sentence]) -> Facts:
    """The scope facts of ``doc``, read sentence by sentence."""
    items = pieces(doc, tuple(sentences))
    age, infant = extract_age(doc, items)
    published = extract_published_year(doc, items)
    year = published.value if isinstance(published.value, int) else None
    return Facts(
        age_months=age,
        infant=infant,
        outcome=extract_outcome(doc, items),
        harm_types=extract_harm_types(doc, items),
        nation=extract_nation(doc, items, year, doc.title),
        published_year=published,
    )
