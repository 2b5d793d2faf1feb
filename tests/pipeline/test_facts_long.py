"""Facts from full-length reviews: title page, terms of reference, chronology, advice.

Every text here is fictional. Reviews are read through the Markdown reader so that
their headings are marked as a real review's would be.
"""

from __future__ import annotations

from pathlib import Path

from caselens.codebook import default_codebook
from caselens.ingest import read_document
from caselens.model import Document, Facts
from caselens.pipeline.facts import extract_facts
from caselens.pipeline.facts_text import ADVICE, BODY, FRONT, TITLE, zones
from caselens.pipeline.run import Pipeline
from caselens.pipeline.segment import segment

TITLE_PAGE = """# Child Safeguarding Practice Review: Child Q

Ashcombe Safeguarding Children Partnership

Lead reviewer: A. Reviewer (fictional)

Published: October 2018
"""

INTRODUCTION = """## 1. Introduction

Child Q was a nine-week-old girl who was admitted to hospital in March 2018 with a
fractured skull and rib fractures. Her father was later convicted of causing grievous
bodily harm.

## 2. Terms of reference

The review considered the period from the pregnancy to March 2018. It asked how
agencies shared information and whether the father was seen.
"""

CHRONOLOGY = """## 3. Chronology

In June 2016 the mother, then aged 19, moved to Ashcombe with her son, who was 14 months
old. A pre-birth assessment was completed in March 2017. In May 2017 the maternal
grandmother, aged 52, died after a long illness. The older brother, aged three, was seen
asleep upstairs, and later seen in a bouncer at a planned visit.
"""

RECOMMENDATIONS = """## 4. Recommendations

The Partnership should make sure that every parent is told about the risks of
co-sleeping and bed-sharing, and that safer sleep advice is repeated when circumstances
change. Practitioners should be alert to neglect and to unsafe sleeping arrangements.
"""


def read(tmp_path: Path, text: str, name: str = "review.md") -> tuple[Document, Facts]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    return doc, extract_facts(doc, segment(doc))


def test_zones_follow_section_headings(tmp_path: Path) -> None:
    doc, _ = read(tmp_path, TITLE_PAGE + INTRODUCTION + CHRONOLOGY + RECOMMENDATIONS)
    by_text = {doc.text[b.start : b.end]: z for b, z in zip(doc.blocks, zones(doc), strict=True)}
    assert by_text["Published: October 2018"] == TITLE
    assert by_text["1. Introduction"] == FRONT
    assert by_text["2. Terms of reference"] == FRONT
    assert by_text["3. Chronology"] == BODY
    assert by_text["4. Recommendations"] == ADVICE


def test_summary_without_sections_is_all_body() -> None:
    doc = Document.from_text("The baby died.\n\nThe father was convicted.", "t")
    assert set(zones(doc)) == {BODY}


def test_title_page_and_introduction_outweigh_the_chronology(tmp_path: Path) -> None:
    # The chronology comes first here, so document order alone would read it first.
    text = TITLE_PAGE + CHRONOLOGY + INTRODUCTION
    _, facts = read(tmp_path, text)
    assert facts.age_months.value is not None
    assert abs(facts.age_months.value - 2.1) < 0.1  # nine weeks, not the brother's 14 months
    assert facts.outcome.value == "serious_harm"  # the grandmother's death is not the child's
    assert facts.nation.value == "England"


def test_general_safe_sleep_advice_is_no_harm_type(tmp_path: Path) -> None:
    _, facts = read(tmp_path, TITLE_PAGE + INTRODUCTION + CHRONOLOGY + RECOMMENDATIONS)
    assert facts.harm_types.value == ("non_accidental_injury",)


def test_published_label_beats_earlier_years_in_the_chronology(tmp_path: Path) -> None:
    _, facts = read(tmp_path, TITLE_PAGE + INTRODUCTION + CHRONOLOGY)
    assert facts.published_year.value == 2018
    assert facts.published_year.evidence[0].quote == "2018"


def test_completed_assessment_is_not_a_publication_date() -> None:
    doc = Document.from_text("A pre-birth assessment was completed in March 2017.", "t")
    assert extract_facts(doc, segment(doc)).published_year.value is None


def test_bare_date_on_title_page(tmp_path: Path) -> None:
    text = "# Serious Case Review: Baby V\n\nMarch 2019\n\n" + INTRODUCTION
    _, facts = read(tmp_path, text)
    assert facts.published_year.value == 2019


def test_denied_list_of_harms_leaves_natural_causes(tmp_path: Path) -> None:
    text = (
        TITLE_PAGE
        + "## Introduction\n\nBaby Y was a two-month-old boy who died at home. The post-mortem "
        "found that he died from natural causes. There was no bed-sharing and no smoking.\n\n"
        "## Conclusion\n\nBaby Y's death was not the result of abuse, neglect or an unsafe "
        "sleeping environment.\n"
    )
    _, facts = read(tmp_path, text)
    assert facts.harm_types.value == ("other",)


def test_a_section_of_matters_considered_and_not_found_names_no_harm(tmp_path: Path) -> None:
    """Its headings name the harms the review ruled out ("10.1 Non-accidental injury.")."""
    text = (
        TITLE_PAGE
        + "## 1. Introduction\n\nChild Z, aged seven weeks, died after his father fell asleep "
        "on the sofa with him.\n\n## 10. Matters considered and not found\n\n10.1 "
        "Non-accidental injury. The post-mortem examination found no injuries.\n\n10.2 "
        "Neglect. The home was clean and every appointment was kept.\n"
    )
    path = tmp_path / "review.md"
    path.write_text(text, encoding="utf-8")
    processed = Pipeline(default_codebook()).process(read_document(path))
    assert processed.facts.harm_types.value == ("unsafe_sleeping",)


def test_statutory_criteria_wording_is_no_harm_type(tmp_path: Path) -> None:
    text = (
        TITLE_PAGE
        + "## Introduction\n\nChild Z, aged seven weeks, died after his father fell asleep on "
        "the sofa with him. A review was held because Child Z had died and abuse or neglect "
        "was suspected.\n"
    )
    _, facts = read(tmp_path, text)
    assert facts.harm_types.value == ("unsafe_sleeping",)


def test_local_safeguarding_children_board_is_english_after_2016(tmp_path: Path) -> None:
    text = (
        "# Serious Case Review: Child B\n\nMerrowby Local Safeguarding Children Board\n\n"
        "Published: June 2018\n\n## Introduction\n\nChild B, aged five months, was injured. "
        "The family had lived in Cardiff before.\n"
    )
    _, facts = read(tmp_path, text)
    assert facts.nation.value == "England"


def test_nation_from_document_title_when_text_lacks_it() -> None:
    doc = Document.from_text("Child P, aged twenty months, was scalded.", "t")
    doc = Document(**{**doc.__dict__, "title": "Child Safeguarding Practice Review: Child P"})
    facts = extract_facts(doc, segment(doc))
    assert facts.nation.value == "England"
    assert facts.nation.evidence == ()
    assert "title" in (facts.nation.note or "")


def test_hundred_page_review_keeps_title_page_facts(tmp_path: Path) -> None:
    # About 100 pages: a long chronology full of dates, ages and names of other people.
    # (Speed is measured by benchmarks/bench_pipeline.py, not here.)
    page = CHRONOLOGY.split("\n", 2)[2] * 6
    text = TITLE_PAGE + INTRODUCTION + "## 3. Chronology\n\n" + "\n\n".join([page] * 100)
    text += RECOMMENDATIONS
    path = tmp_path / "long.md"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    sentences = segment(doc)
    facts = extract_facts(doc, sentences)
    assert facts.published_year.value == 2018
