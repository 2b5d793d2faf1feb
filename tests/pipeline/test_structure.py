"""Sections and their roles: from headings in text, heading blocks, numbered paragraphs."""

from __future__ import annotations

import dataclasses

from caselens.codebook import default_codebook
from caselens.codebook.loader import codebook_from_dict, codebook_to_dict
from caselens.model import Block, Document
from caselens.pipeline.segment import segment
from caselens.pipeline.structure import StructureReader, looks_like_heading

REVIEW = """LOCAL CHILD SAFEGUARDING PRACTICE REVIEW: BABY Q

CONTENTS

1. Introduction
2. National context

1. INTRODUCTION

1.1 Baby Q was seven weeks old when he was admitted to hospital with a head injury.

2. THE NATIONAL CONTEXT AND WHAT RESEARCH TELLS US

Fathers and male carers

2.1 Men in the household are often unseen by services.

3. FAMILY BACKGROUND

3.1 The father was not seen by the health visitor.

4. GOOD PRACTICE

4.1 The GP shared information promptly.

5. RECOMMENDATIONS

5.1 The partnership should remind practitioners to ask about fathers.

GLOSSARY

MARAC: a meeting to share information about domestic abuse.
"""


def _roles(text: str) -> dict[str, str]:
    doc = Document.from_text(text, "r")
    sentences = segment(doc)
    structure = StructureReader(default_codebook().sections).read(doc, sentences)
    return {
        doc.text[s.start : s.end]: structure.role(i).id
        for i, s in enumerate(sentences)
        if i not in structure.headings
    }


def test_each_section_gets_the_role_its_heading_signals() -> None:
    roles = _roles(REVIEW)
    assert (
        roles["1.1 Baby Q was seven weeks old when he was admitted to hospital with a head injury."]
        == "introduction"
    )
    assert roles["2.1 Men in the household are often unseen by services."] == "national_context"
    assert roles["3.1 The father was not seen by the health visitor."] == "family_background"
    assert roles["4.1 The GP shared information promptly."] == "good_practice"
    assert (
        roles["5.1 The partnership should remind practitioners to ask about fathers."]
        == "recommendations"
    )
    assert roles["MARAC: a meeting to share information about domestic abuse."] == "glossary"


def test_matters_considered_and_not_found_are_a_section_of_their_own() -> None:
    text = (
        "6. ANALYSIS\n\n6.1 The father was not seen by the health visitor.\n\n"
        "6.6 Issues considered and not found\n\n"
        "6.6.1 The review considered whether there was drift over many months.\n\n"
        "7. RECOMMENDATIONS\n\n7.1 The partnership should remind practitioners of this.\n"
    )
    roles = _roles(text)
    assert roles["6.1 The father was not seen by the health visitor."] == "analysis"
    assert (
        roles["6.6.1 The review considered whether there was drift over many months."]
        == "not_found"
    )


def test_what_agencies_changed_since_is_no_finding_about_the_case() -> None:
    text = (
        "6. ANALYSIS\n\n6.1 The father was not seen by the health visitor.\n\n"
        "7. What has changed since Poppy died\n\n"
        "7.1 The service now asks about every adult in the household.\n\n"
        "8. Actions already taken\n\n8.1 A pre-birth protocol sets a limit of 30 weeks.\n\n"
        "9. RECOMMENDATIONS\n\n9.1 The partnership should remind practitioners of this.\n"
    )
    roles = _roles(text)
    assert roles["6.1 The father was not seen by the health visitor."] == "analysis"
    assert roles["7.1 The service now asks about every adult in the household."] == "changes_since"
    assert roles["8.1 A pre-birth protocol sets a limit of 30 weeks."] == "changes_since"


def test_a_briefing_s_headings_on_their_own_lines_give_their_roles() -> None:
    """A heading written on its own line, its text on the next, as briefings are; what did
    not go well is the learning, not the good practice before it."""
    text = (
        "Learning briefing\n\nWhat went well\nThe midwife referred promptly.\n\n"
        "What did not go so well\nNobody asked who else looked after the baby.\n\n"
        "Key messages\nBe curious about every adult in the home.\n\n"
        "What we are changing\nA new protocol asks about every adult.\n"
    )
    roles = _roles(text)
    assert roles["The midwife referred promptly."] == "good_practice"
    assert roles["Nobody asked who else looked after the baby."] == "analysis"
    assert roles["Be curious about every adult in the home."] == "recommendations"
    assert roles["A new protocol asks about every adult."] == "changes_since"


def test_a_sub_heading_keeps_the_role_around_it() -> None:
    # "Fathers and male carers" matches no role: it stays inside the national context
    doc = Document.from_text(REVIEW, "r")
    sections = StructureReader(default_codebook().sections).read(doc, segment(doc)).sections
    by_heading = {s.heading: s.role.id for s in sections}
    assert by_heading["Fathers and male carers"] == "national_context"


def test_a_numbered_paragraph_belongs_to_its_numbered_section() -> None:
    text = (
        "5. NATIONAL CONTEXT\n\n5.1 Babies are vulnerable.\n\n"
        "6. FAMILY BACKGROUND\n\n6.1 The mother was 17.\n\n"
        "5.2 Research shows that bed-sharing is common."  # out of place, still section 5
    )
    roles = _roles(text)
    assert roles["5.2 Research shows that bed-sharing is common."] == "national_context"
    assert roles["6.1 The mother was 17."] == "family_background"


def test_a_text_without_headings_is_judged_sentence_by_sentence() -> None:
    roles = _roles("The father was not seen. The mother had been in care as a child.")
    assert set(roles.values()) == {"unsectioned"}


def test_heading_blocks_from_a_reader_are_used_whatever_their_shape() -> None:
    text = "Glossary of terms used in this report.\n\nMARAC: a meeting about domestic abuse."
    doc = Document.from_text(text, "r")
    heading = Block(doc.blocks[0].start, doc.blocks[0].end, kind="heading")
    doc = dataclasses.replace(doc, blocks=(heading, *doc.blocks[1:]))
    structure = StructureReader(default_codebook().sections).read(doc, segment(doc))
    assert structure.headings == frozenset({0})
    assert structure.role(1).id == "glossary"


def test_sentences_are_not_headings() -> None:
    assert looks_like_heading("4. Family background")
    assert looks_like_heading("THE NATIONAL CONTEXT AND WHAT RESEARCH TELLS US")
    assert not looks_like_heading("The father was not seen by the health visitor.")
    assert not looks_like_heading("3.2 The review was asked to consider:")


def test_a_codebook_brings_its_own_section_roles() -> None:
    data = codebook_to_dict(default_codebook())
    data["sections"] = [
        {"id": "lessons", "label": "Lessons", "headings": ["^lessons$"], "coding": "none"}
    ]
    codebook = codebook_from_dict(data, "mine.yaml")
    assert [r.id for r in codebook.sections] == ["lessons"]
    doc = Document.from_text("Lessons\n\nThe father was not seen.", "r")
    structure = StructureReader(codebook.sections).read(doc, segment(doc))
    assert structure.role(1).id == "lessons" and structure.role(1).coding == "none"
    assert codebook_from_dict(codebook_to_dict(codebook), "again") == codebook


def test_an_analysis_by_lines_of_enquiry_is_analysis_not_the_terms_of_reference() -> None:
    roles = _roles(
        "TERMS OF REFERENCE\n\nKey lines of enquiry\n\nHow well was the father known?\n\n"
        "ANALYSIS BY KEY LINES OF ENQUIRY\n\nThe father was never seen by the health visitor.\n"
    )
    assert roles["How well was the father known?"] == "terms_of_reference"
    assert roles["The father was never seen by the health visitor."] == "analysis"
