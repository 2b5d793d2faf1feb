"""A whole review read as a reviewer reads it: only case statements that assert become
findings, facts come from the case, and what was set aside says why."""

from __future__ import annotations

import pytest

from caselens.codebook import default_codebook
from caselens.model import Document
from caselens.pipeline.run import Pipeline
from caselens.pipeline.settings import Settings

REVIEW = """WESTHOLM SAFEGUARDING CHILDREN PARTNERSHIP
LOCAL CHILD SAFEGUARDING PRACTICE REVIEW: BABY J

1. INTRODUCTION

1.1 Baby J, eleven weeks old, was found unresponsive on a sofa by her drunk father.

2. NATIONAL CONTEXT

2.1 Research shows that sharing a sofa with a baby greatly increases the risk of sudden death.

2.2 Across England and Wales, reviews have found that fathers are often unseen by services.

3. FAMILY BACKGROUND

3.1 Neither parent was known to misuse drugs.

3.2 Baby J's father was never seen by the health visitor or the midwife.

3.3 A cousin, aged four years, lived with the family for a time.

4. GOOD PRACTICE

4.1 Information was shared promptly between the GP and the health visitor.

5. RECOMMENDATIONS

5.1 The partnership should remind all practitioners to discuss safer sleep at every contact.

GLOSSARY

Co-sleeping: a baby sleeping on the same surface as an adult.
"""


def _process() -> tuple[Document, object]:
    doc = Document.from_text(REVIEW, "baby-j")
    return doc, Pipeline(default_codebook(), Settings(model=False)).process(doc)


def test_only_case_statements_that_assert_become_findings() -> None:
    doc, result = _process()
    quotes = {f.quote for f in result.findings}  # type: ignore[attr-defined]
    assert any("father was never seen" in q for q in quotes)
    assert any("sofa" in q for q in quotes)  # the sofa in the case, not the research
    for trap in (
        "Research shows",
        "Across England",
        "Neither parent",
        "shared promptly",
        "should remind",
        "Co-sleeping:",
    ):
        assert not any(trap in q for q in quotes), trap
    for finding in result.findings:  # type: ignore[attr-defined]
        assert doc.text[finding.start : finding.end] == finding.quote
        assert finding.stance == "asserts"
        assert finding.section in {"introduction", "family_background"}


def test_what_was_set_aside_keeps_its_reason() -> None:
    _, result = _process()
    reasons = {c.reason for c in result.set_aside}  # type: ignore[attr-defined]
    assert any("National context" in r for r in reasons)
    assert any("denies" in r or "clause denies" in r for r in reasons)
    assert all(r for r in reasons)


def test_facts_come_from_the_case_not_the_context() -> None:
    _, result = _process()
    facts = result.facts  # type: ignore[attr-defined]
    assert facts.age_months.value < 3  # eleven weeks, not the four-year-old cousin
    assert facts.outcome.value in ("death", "serious_harm")
    assert "unsafe_sleeping" in facts.harm_types.value  # found on a sofa after drinking
    assert facts.nation.value == "England"  # from the partnership's review, not "England and Wales"
    assert all("Across England" not in e.quote for e in facts.nation.evidence)
    assert facts.document_type.value == "case_review"
    assert result.screening.in_scope  # type: ignore[attr-defined]


def test_harm_is_recognised_from_what_happened() -> None:
    pipeline = Pipeline(default_codebook(), Settings(model=False))
    cases = {
        "non_accidental_injury": (
            "Baby L, aged nine weeks, was shaken by his father and suffered a bleed on the "
            "brain and fractured ribs."
        ),
        "neglect": (
            "Baby M, a seven-month-old girl, was left unattended for long periods, was not "
            "fed and was not taken to a doctor when she was ill; she was admitted to "
            "hospital severely malnourished."
        ),
        "unsafe_sleeping": (
            "Baby N, aged ten weeks, died after being put down to sleep overnight in a car "
            "seat under a heavy blanket."
        ),
    }
    for harm, text in cases.items():
        facts = pipeline.process(Document.from_text(text, harm)).facts
        assert harm in facts.harm_types.value, (harm, facts.harm_types)


def test_a_document_that_is_not_a_case_review_is_excluded_with_that_reason() -> None:
    leaflet = (
        "Safer sleep for babies: a leaflet for parents.\n\n"
        "Babies should sleep on their backs in their own cot. Never sleep on a sofa with a baby. "
        "Research shows that bed-sharing after drinking alcohol raises the risk of death."
    )
    result = Pipeline(default_codebook(), Settings(model=False)).process(
        Document.from_text(leaflet, "leaflet")
    )
    assert result.facts.document_type.value == "other"
    assert not result.screening.included
    first = next(c for c in result.screening.results if c.status != "met")
    assert "not a case review" in first.reason


def test_a_parents_childhood_is_evidence_of_the_parents_past_only() -> None:
    """The family background tells the mother's childhood with words that, about the
    baby, would be other indicators (a sibling's plan, drinking, not attending)."""
    text = (
        "Baby K, aged seven weeks, suffered fractures while in the care of her parents. "
        "In 2016, when Mother was 14, she was accommodated by the local authority after a "
        "relapse in her own mother's drinking and a period in which she was not attending "
        "school. Mother and her brothers were subject to child protection plans for neglect "
        "from 2011 until 2014, when Mother was between nine and twelve years old."
    )
    result = Pipeline(default_codebook(), Settings(model=False)).process(
        Document.from_text(text, "k")
    )
    found = {f.indicator for f in result.findings}
    assert "A.parent_childhood_adversity" in found
    for trap in (
        "B.sibling_child_protection_history",
        "A.parent_substance_misuse",
        "C.reluctance_to_engage",
    ):
        assert trap not in found, trap
    reasons = [c.reason for c in result.set_aside]
    assert any("parent's own childhood" in r for r in reasons)
    assert result.facts.age_months.value < 3  # seven weeks, not the mother at 14


def test_what_practice_could_have_done_is_no_hedge_on_the_facts() -> None:
    """ "Could have been prevented" speaks of practice; "might have been a fracture"
    puts the fact itself in doubt."""
    pipeline = Pipeline(default_codebook(), Settings(model=False))
    facts = pipeline.process(
        Document.from_text(
            "A serious case review found that the serious head injuries inflicted on Baby T, "
            "aged eight weeks, by his father could have been prevented.",
            "t",
        )
    ).facts
    assert facts.outcome.value == "serious_harm"
    assert "non_accidental_injury" in facts.harm_types.value
    doubtful = pipeline.process(
        Document.from_text(
            "Baby U, aged eight weeks, was seen by the health visitor at home. "
            "She noted a mark on his arm which might have been a fracture.",
            "u",
        )
    ).facts
    assert "non_accidental_injury" not in (doubtful.harm_types.value or ())


@pytest.mark.parametrize(
    ("text", "harm"),
    [
        (
            "Baby V, aged ten weeks, died after his mother went out overnight, leaving him "
            "alone in his cot.",
            "neglect",
        ),
        (
            "Baby W, eleven weeks old, was left in a bouncer, unchecked for nine hours, and "
            "was admitted to hospital dehydrated.",
            "neglect",
        ),
        (
            "Baby X, a girl of four months, died in a bed she had been sharing with her "
            "father and two brothers.",
            "unsafe_sleeping",
        ),
    ],
)
def test_more_ways_of_telling_the_harm(text: str, harm: str) -> None:
    facts = (
        Pipeline(default_codebook(), Settings(model=False))
        .process(Document.from_text(text, "h"))
        .facts
    )
    assert harm in facts.harm_types.value, facts.harm_types


LEARNING = """ASHCOMBE SAFEGUARDING CHILDREN PARTNERSHIP
CHILD SAFEGUARDING PRACTICE REVIEW: CHILD T

1. INTRODUCTION

1.1 Child T was nine weeks old when she died after sharing a sofa with her father.

2. SUMMARY OF PROFESSIONAL INVOLVEMENT

2.1 The midwife asked the mother about domestic abuse when she was seen alone; she said
there were no concerns.

2.2 Child T's father was never seen by the health visitor.

3. ANALYSIS

3.1 Matters considered and not found

3.2 The review considered whether this was a case of drift, where concerns were repeated
without action. It was not.

4. RECOMMENDATIONS

4.1 Practitioners should always consider what daily life is like for the baby, from the
baby's point of view.

4.2 The partnership should ask why Child T's father was never seen.
"""


def test_questions_asked_matters_ruled_out_and_recommendations_for_all_are_not_findings() -> None:
    doc = Document.from_text(LEARNING, "child-t")
    result = Pipeline(default_codebook(), Settings(model=False)).process(doc)
    found = {(f.indicator, f.quote.split()[0]) for f in result.findings}
    set_aside = {(c.indicator, c.reason) for c in result.set_aside}
    indicators = {f.indicator for f in result.findings}
    assert "F.fathers_unseen_men" in indicators  # what happened is still found
    assert "A.domestic_abuse" not in indicators  # asked about, and denied
    assert "D.desensitisation" not in indicators  # considered and not found
    assert "G.child_lived_experience" not in indicators  # a recommendation for everyone
    assert ("F.fathers_unseen_men", "4.2") in found  # a recommendation naming the child
    assert (
        "A.domestic_abuse",
        "the topic of a question someone was asked, not what was so",
    ) in set_aside
