"""An indicator the codebook ties to a kind of harm: a sofa or a party in a review of a
shaking tells of something else, in a review of a sleep death it is the learning, and
where the harm is unknown, or in a live case, it stands."""

from __future__ import annotations

from dataclasses import replace

from caselens.codebook import default_codebook
from caselens.explain import explain
from caselens.model import Document
from caselens.pipeline.harm_scope import outside_harm
from caselens.pipeline.run import Pipeline
from caselens.pipeline.settings import Settings
from caselens.practice import case_from_dict, check_case

SETTINGS = Settings(semantic=False, model=False)

SHAKEN = (
    "A child safeguarding practice review in England looked at the serious injuries of "
    "Baby K, aged 14 months, who was shaken by his father. "
    "Earlier that year his mother said a bruise to his forehead happened when he jumped "
    "from a sofa onto a highchair. "
    "He was seen at a relative's home with bruising that was never referred."
)

SLEEP_DEATH = (
    "A child safeguarding practice review in England looked at the death of Baby M, aged "
    "ten weeks, who died while sleeping on a sofa with her father after he had been "
    "drinking. "
    "The family were staying at a relative's home after a party that night."
)


def _found(text: str) -> set[str]:
    processed = Pipeline(default_codebook(), SETTINGS).process(
        Document.from_text(text, name="review")
    )
    return {f.indicator for f in processed.findings}


def test_a_sofa_and_a_relatives_home_in_a_review_of_a_shaking_are_not_sleep_learning() -> None:
    found = _found(SHAKEN)
    assert "E.sofa_or_unsafe_surface" not in found
    assert "E.out_of_routine" not in found
    assert not any(i.startswith("E.") for i in found)


def test_the_same_words_in_a_review_of_a_sleep_death_are_found() -> None:
    found = _found(SLEEP_DEATH)
    assert {"E.sofa_or_unsafe_surface", "E.out_of_routine"} <= found


def test_what_the_harm_rules_out_is_set_aside_with_the_reason() -> None:
    shown = explain(Document.from_text(SHAKEN, name="shaken"), default_codebook(), SETTINGS)
    sofa = [c for c in shown["considered"] if c["indicator"] == "E.sofa_or_unsafe_surface"]
    assert sofa, "the pattern still proposes the sentence"
    assert not any(c["kept"] for c in sofa)
    assert "a review of non-accidental injury" in sofa[0]["reason"]
    assert "unsafe sleeping" in sofa[0]["reason"]


def test_an_unknown_harm_rules_nothing_out() -> None:
    codebook = default_codebook()
    assert outside_harm(codebook, ()) == {}
    assert outside_harm(codebook, None) == {}
    ruled = outside_harm(codebook, ("neglect",))
    assert "E.out_of_routine" in ruled
    assert "E.co_sleeping" not in ruled  # not tied to a harm in the codebook
    assert outside_harm(codebook, ("neglect", "unsafe_sleeping")) == {}


def test_a_codebook_without_review_harms_codes_as_before() -> None:
    codebook = default_codebook()
    untied = replace(
        codebook,
        indicators=tuple(replace(i, review_harms=()) for i in codebook.indicators),
    )
    processed = Pipeline(untied, SETTINGS).process(Document.from_text(SHAKEN, name="shaken"))
    assert "E.sofa_or_unsafe_surface" in {f.indicator for f in processed.findings}


def test_a_live_cases_notes_are_not_judged_by_a_review_harm() -> None:
    case = case_from_dict(
        {"notes": "HV visit 12/03: baby asleep on the sofa beside dad, who had fallen asleep."}
    )
    found = {s.id for s in check_case(case).indicators}
    assert "E.sofa_or_unsafe_surface" in found
