"""Scope facts read from a review: the child's age, the outcome, the harm, the nation, the year.

Pure and quick: every pattern is compiled once at import, nothing is looked up
outside the text. Every fact carries the sentence it was read from, and a fact
the text does not state stays unknown rather than being guessed. The readers for
each fact live in ``facts_age``, ``facts_harm`` (vocabulary in ``facts_words``)
and ``facts_nation``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from caselens.model import Document, Fact, Facts, Sentence
from caselens.pipeline.case_link import has_case_link
from caselens.pipeline.facts_age import FEW_BABIES, extract_age
from caselens.pipeline.facts_harm import extract_harm_types, extract_outcome, injury_reviewed
from caselens.pipeline.facts_nation import extract_nation, extract_published_year
from caselens.pipeline.facts_text import pieces

__all__ = ["extract_facts"]


_BRIEFING_HARMS = frozenset({"non_accidental_injury", "neglect", "unsafe_sleeping"})


def extract_facts(
    doc: Document,
    sentences: Sequence[Sentence],
    context: Sequence[Sentence] | None = None,
    hedged: Sequence[Sentence] = (),
) -> Facts:
    """The scope facts of ``doc``, read sentence by sentence.

    ``context`` (the case's sentences with those about practice or the country at large)
    is read for the nation only, and only when the case's own sentences name none: a
    review's place is often said once, in its national context. ``hedged`` (the case's
    sentences put as a possibility) is read for the child's age only: "placed on a plan
    in July 2012, before she was born, because of possible neglect" hedges the neglect,
    not the dates."""
    items = pieces(doc, tuple(sentences))
    aged = (
        pieces(doc, tuple(sorted((*sentences, *hedged), key=lambda s: s.start)))
        if hedged
        else items
    )
    age, infant = extract_age(doc, aged)
    published = extract_published_year(doc, items)
    year = published.value if isinstance(published.value, int) else None
    outcome = extract_outcome(doc, items)
    harm = extract_harm_types(doc, items)
    if not harm.value:
        harm = injury_reviewed(outcome, items) or harm
    if outcome.value is None and set(harm.value or ()) & _BRIEFING_HARMS:
        # no death told, and no words of injury or significant harm, but an inflicted
        # injury, neglect or harm in unsafe sleep that the review is about: the child
        # came to serious harm ("a review into the abuse of a baby", "a severely
        # malnourished girl", "injected his two youngest children with heroin")
        named = "; ".join(k for k in harm.value or () if k in _BRIEFING_HARMS)
        outcome = Fact("outcome", "serious_harm", harm.evidence, f"no death told; {named}")
    nation = extract_nation(doc, items, year, doc.title)
    if nation.value is None and context is not None and len(context) > len(sentences):
        wider = extract_nation(doc, pieces(doc, tuple(context)), year, doc.title)
        if wider.value is not None:
            nation = replace(wider, note=f"{wider.note}; said only of the wider context")
    return Facts(
        age_months=age,
        infant=infant,
        outcome=outcome,
        harm_types=harm,
        nation=nation,
        published_year=published,
        document_type=document_type(
            age, infant, outcome, harm, [doc.text[x.start : x.end] for x in sentences]
        ),
    )


# A particular child: "a seven-week-old boy", "aged four months" (not "a child aged two or
# under", which describes a population).
_ONE_CHILD = re.compile(
    r"\b[\w-]+-(?:day|week|month|year)-old\b|\baged (?:\w+ ){1,2}(?:days|weeks|months)\b"
    r"|\b(?:her|his|their) (?:mother|father|parents?|partner|family|brother|sister"
    r"|grandmother|twin)\b|\b(?:known as|pseudonym|initials)\b|\ba (?:baby )?(?:boy|girl)\b"
    # "a baby, referred to here as W, at the age of 16 weeks"
    r"|\breferred to (?:here |in (?:the|this) (?:review|report) )?as\b|\bat the age of\b"
    # a few babies, each a case ("the deaths of two babies who died while co-sleeping")
    r"|" + FEW_BABIES,
    re.IGNORECASE,
)


def document_type(
    age: Fact, infant: Fact, outcome: Fact, harm: Fact, sentences: Sequence[str]
) -> Fact:
    """A case review tells of a child who died or was harmed; a text that states none of
    the child's facts (a README, a policy, a training leaflet) is something else."""
    known = [f for f in (outcome, harm, age, infant) if f.known and f.value is not False]
    if known and any(_ONE_CHILD.search(s) or has_case_link(s) for s in sentences):
        return Fact("document_type", "case_review", known[0].evidence[:1])
    return Fact(
        "document_type",
        "other",
        note="the text tells of no child who died or was harmed: not a case review",
    )
