"""Practitioners' shorthand spelt out, with every character traced to the notes as written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from caselens.pipeline.shorthand import expand


def test_shorthand_is_spelt_out() -> None:
    spelt = expand("HV visit: baby R (4/12) WNB for imms; 3 appts missed. Booking 11/40.")
    assert spelt.text == (
        "health visitor visit: baby R (4 months old) was not brought for immunisations; "
        "3 appointments missed. Booking 11 weeks pregnant."
    )


def test_the_shorthand_of_notes_about_people_is_spelt_out() -> None:
    spelt = expand("P has mild LD. FOB not seen, DOB not known. FSW and TM at CIN; MGM r/v.").text
    assert spelt == (
        "P has mild learning disability. father of the baby not seen, date of birth not known. "
        "family support worker and team manager at child in need; maternal grandmother review."
    )


def test_safer_sleep_advice_is_spelt_out() -> None:
    assert expand("SSA not discussed this visit.").text == (
        "safer sleep advice not discussed this visit."
    )


def test_a_sibling_age_in_months_is_an_age_but_a_review_or_a_time_is_not() -> None:
    assert expand("Sister D is 15/12.").text == "Sister D is 15 months old."
    assert expand("18mo sibling hit him.").text == "18 months old sibling hit him."
    assert expand("C (22/12) at home.").text == "C (22 months old) at home."
    for text in ("Partner moved in, he is 2/12 ago.", "Phone call re 3/12 review.", "Mo is 6."):
        assert expand(text).text == text


def test_a_birth_gestation_is_not_a_pregnancy_in_progress() -> None:
    spelt = expand("Born 29/40, 11 wks on NICU.").text
    assert spelt == "Born 29 weeks' gestation, 11 weeks on NICU."
    assert expand("born 34+2/40").text == "born 34 weeks' gestation"
    # neonatal notes' "ex-30/40": born at 30 weeks
    assert expand("Twins ex-30/40 on NNU.").text == "Twins born at 30 weeks' gestation on NNU."
    assert expand("Booking 12/40.").text == "Booking 12 weeks pregnant."


def test_letters_inside_words_are_left_alone() -> None:
    for text in ("CPR was started.", "The HVAC unit.", "SWAN clinic.", "Dana's flat.", "DNAs"):
        assert expand(text).text == text


def test_dna_is_a_missed_appointment_but_not_a_test() -> None:
    assert expand("Mum DNA 6 wk check.").text == "Mum did not attend 6 week check."
    for text in ("DNA test confirmed paternity.", "DNA results awaited.", "DNA sample taken."):
        assert expand(text).text == text


def test_a_span_maps_back_onto_what_was_written() -> None:
    notes = "Mum tearful. HV concerned re DA."
    spelt = expand(notes)
    found = spelt.text.index("domestic abuse")
    start, end = spelt.start(found), spelt.end(found + len("domestic abuse"))
    assert notes[start:end] == "DA"
    sentence = spelt.text.index("health visitor")
    assert notes[spelt.start(sentence) : spelt.end(len(spelt.text))] == "HV concerned re DA."


@given(st.lists(st.sampled_from(["HV", " ", "baby", "(4/12)", "36/40", "x", ".", "imms", "DA'"])))
def test_every_character_traces_back_in_order(parts: list[str]) -> None:
    text = "".join(parts)
    spelt = expand(text)
    assert len(spelt.origin) == len(spelt.text) + 1
    assert list(spelt.origin) == sorted(spelt.origin)
    assert spelt.origin[-1] == len(text)
    assert all(0 <= o <= len(text) for o in spelt.origin)
    if not any(short in text for short in ("HV", "/12)", "/40", "imms", "DA")):
        assert spelt.text == text
