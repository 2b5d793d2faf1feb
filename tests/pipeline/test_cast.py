"""Who is who: a parent named once is known by name, so their brothers and sisters are
not taken for the baby's; an older brother or sister named once is known by name, so what
is said of them by name is read as said of an older sibling."""

from __future__ import annotations

import pytest

from caselens.codebook import default_codebook
from caselens.model import Document
from caselens.pipeline.cast import (
    parent_names,
    parents_sibling,
    parents_sibling_reason,
    sibling_names,
)
from caselens.pipeline.coding import Coder
from caselens.pipeline.segment import segment

REVIEW = (
    "1. Introduction\n\n1.1 Theo died in March 2019. Theo's mother, Kayleigh, was 17. "
    "His father, Jordan, was 20.\n\n"
    "2. Family background\n\n2.1 Jordan's younger sister, Leah, was also subject to a "
    "child protection plan at that time.\n\n"
    "2.2 Theo's older brother had been on a child protection plan for neglect.\n\n"
    "3. Analysis\n\n3.1 No one asked who did the night feeds.\n"
)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Rosa's mother, Kayleigh, was asleep upstairs.", {"Kayleigh"}),
        ("His father, Jordan, was twenty.", {"Jordan"}),
        ("Kayleigh (mother) and Dean (father) attended.", {"Kayleigh", "Dean"}),
        ("Shannon, Poppy's mother, was 19.", {"Shannon"}),
        ("Mum Kayleigh BOND (24), care leaver.", {"Kayleigh"}),
        ("No charges were brought against Ellis's mother, who is called Shannon.", {"Shannon"}),
        # a list, a grandmother, a sentence's opening word, a description: no names
        ('The household was recorded as "mother, father, Alfie, Poppy".', set()),
        ("His mother, Leo's paternal grandmother, visited.", set()),
        ("Similarly, the father's drinking was never discussed.", set()),
        ("Freya's mother is White British and was 34.", set()),
        ("Leo's father, Mr W, was twenty-three.", set()),
        ("Agencies held information about Leo, his mother, his father and Mr D.", set()),
    ],
)
def test_parent_names(text: str, names: set[str]) -> None:
    assert parent_names(text) == names


def test_a_parents_brother_or_sister_named_by_the_parents_name() -> None:
    names = frozenset({"Jordan", "Kayleigh"})
    assert parents_sibling("Jordan's younger sister, Leah, was on a plan.", names)
    assert parents_sibling("Kayleigh has a younger half-brother who was in care.", names)
    assert parents_sibling("Theo's older brother was on a plan.", names) is None
    assert parents_sibling("Jordan's sister was on a plan.", frozenset()) is None


def test_the_words_found_before_a_parents_sibling_still_stand() -> None:
    names = frozenset({"Jordan"})
    quote = "Theo's brother was on a plan, like Jordan's younger sister before him."
    assert parents_sibling_reason(quote, ["brother was on a plan"], names) is None
    assert parents_sibling_reason(quote, ["sister before"], names) is not None
    assert parents_sibling_reason(quote, [], names) is not None  # a model's: the sentence


def test_a_review_keeps_the_babys_sibling_and_sets_aside_the_fathers() -> None:
    coder = Coder(default_codebook())
    doc = Document.from_text(REVIEW, "r")
    coding = coder.consider(doc, segment(doc))
    sibling = [f for f in coding.findings if f.indicator == "B.sibling_child_protection_history"]
    assert [f.quote for f in sibling] == [
        "2.2 Theo's older brother had been on a child protection plan for neglect."
    ]
    aside = [
        c
        for c in coding.considered
        if c.indicator == "B.sibling_child_protection_history" and not c.kept
    ]
    assert any("Jordan is a parent" in c.reason for c in aside)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Milo has an older sister, called Ava here, who was fourteen months old.", {"Ava"}),
        ("His older brother, Alfie, was four.", {"Alfie"}),
        ("Mali, Theo's older sister, was three.", {"Mali"}),
        ("Kai (older brother, 6) attended school.", {"Kai"}),
        # case notes list the children with their ages beside the baby's in months
        ("SW visit 14/02. Kayden (6), Lacey (4), baby Bella (7/12).", {"Kayden", "Lacey"}),
        ("Older sib Tayla (5) was on a CP plan. Ollie (13/12) at home.", {"Tayla"}),
        ("Checks: mum known, 3 children - Tyler 9, Kacey 5, baby Roman 8/12.", {"Tyler", "Kacey"}),
        # as a case check reads them, the baby's age spelt out
        ("Baby Mason (4 months old) in pram, Lily (6) upstairs.", {"Lily"}),
        # a child given only an initial, and a baby's age in months or weeks in brackets
        ("Call from school: T (8) told TA he does the bottles. Baby W 11/12.", {"T"}),
        ("Maisie (13 months). Sibling: baby Jack (9 wks). Older brother: Tyler (7).", {"Tyler"}),
        # the baby, a parent's sibling, a sibling the review gives no age order: no names
        ("Ava's brother, Milo, was born in May.", set()),
        ("The mother's older brother, Sam, had been in care.", set()),
        ("Theo's mother, Kayleigh, was 19. Kayleigh's older sister, Leah, was on a plan.", set()),
        ("Her older sister, The Grange's manager, spoke first.", set()),
        # an adult's or a young relative's age, or no baby's age beside it: no names
        ("Mum Chloe (17), baby Noah (10/52). Cousin Jay (4) visits.", set()),
        ("The review of Leo (4) was published by the partnership.", set()),
        ("Plan A 5, review of the plan for baby 3/12.", set()),
    ],
)
def test_sibling_names(text: str, names: set[str]) -> None:
    assert sibling_names(text) == names


SIBLINGS = (
    "1. The family\n\n1.1 Milo has an older sister, called Ava here. Milo's mother, Shannon, "
    "was 18.\n\n2. Analysis\n\n2.1 Ava's experience of the household was not explored by "
    "any agency.\n\n2.2 No practitioner asked Ava what mornings at home were like.\n\n"
    "2.3 Shannon's experience of care was not explored.\n\n"
    "2.4 Ava's experience of nursery was a happy one.\n"
)


def test_what_is_said_of_an_older_sibling_by_name_is_found() -> None:
    coding = Coder(default_codebook()).consider(
        doc := Document.from_text(SIBLINGS, "r"), segment(doc)
    )
    older = [f.quote for f in coding.findings if f.indicator == "G.older_siblings"]
    assert older == [
        "2.1 Ava's experience of the household was not explored by any agency.",
        "2.2 No practitioner asked Ava what mornings at home were like.",
    ]
