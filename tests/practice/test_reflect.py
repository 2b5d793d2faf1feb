"""The four fictional cases, with what a safeguarding supervisor would expect to see."""

from __future__ import annotations

import pytest
from practice_helpers import checked, fact_texts, indicator_ids, sleep_status, unknown_keys

from caselens.practice import case_from_dict, check_case
from caselens.practice.result import NoteEvidence


def test_little_of_concern_case_is_quiet() -> None:
    r = checked("settled-baby.yaml")
    assert indicator_ids(r) == set()
    assert unknown_keys(r) == set()
    assert set(sleep_status(r).values()) == {"in_line"}
    # only the questions asked of every case, and no list of concerns in them
    assert [q.id for q in r.questions] == ["Q2", "Q8"]
    assert all(not q.fits for q in r.questions)


def test_denials_do_not_become_findings_but_leave_unknowns() -> None:
    r = checked("denials.yaml")
    shown = indicator_ids(r)
    for denied in (
        "A.domestic_abuse",
        "A.parent_substance_misuse",
        "E.co_sleeping",
        "F.fathers_unseen_men",
    ):
        assert denied not in shown
    keys = unknown_keys(r)
    # "no concerns about the partner" does not tell us who he is
    assert "man_not_seen_or_assessed@adults[1]" in keys
    assert {"domestic_abuse", "parents_substance_use", "where_baby_sleeps"} <= keys
    partner = next(u for u in r.unknowns if u.key == "man_not_seen_or_assessed@adults[1]")
    assert "mother's partner" in partner.summary
    assert {e.to_dict()["text"] for e in partner.evidence} >= {"adults[1].seen: not recorded"}
    q6 = next(q for q in r.questions if q.id == "Q6")
    assert "mother's partner" in q6.worded


def test_unseen_partner_and_grandmother_at_night() -> None:
    r = checked("unseen-partner-grandmother.yaml")
    shown = indicator_ids(r)
    assert {
        "F.fathers_unseen_men",
        "F.significant_adults_unknown",
        "F.other_carers_unexplored",
        "E.out_of_routine",
    } <= shown
    assert "adults[1].seen: false" in fact_texts(r, "F.fathers_unseen_men")
    assert "adults[2].reason_for_caring: not recorded" in fact_texts(r, "F.other_carers_unexplored")
    keys = unknown_keys(r)
    assert {
        "man_not_seen_or_assessed@adults[1]",
        "why_other_carer@adults[2]",
        "advice_after_routine_change@sleep.routine_changes[0]",
    } <= keys
    # a partner living in the home is not "someone else caring for the baby"
    assert "why_other_carer@adults[1]" not in keys
    why = next(u for u in r.unknowns if u.key == "why_other_carer@adults[2]")
    assert why.prompt.startswith("Why is the maternal grandmother caring for the baby")
    assert sleep_status(r)["plan_for_changes_of_routine"] == "not_known"
    fits = {q.id: q for q in r.questions}
    assert "Q6" in fits and "man_not_seen_or_assessed@adults[1]" in fits["Q6"].fits
    assert "Q5" in fits and "nights at the maternal grandmother's home" in fits["Q5"].worded


def test_premature_twin_with_missed_appointments() -> None:
    r = checked("premature-twin.yaml")
    shown = indicator_ids(r)
    assert {
        "B.premature",
        "B.multiple_birth_or_sibling_under_two",
        "B.sibling_child_protection_history",
        "C.missed_child_appointments",
        "C.reluctance_to_engage",
        "C.poor_weight_gain_or_health_concern",
    } <= shown
    assert "baby.gestation_weeks: 32" in fact_texts(r, "B.premature")
    assert 'siblings[1].child_protection: "past_plan"' in fact_texts(
        r, "B.sibling_child_protection_history"
    )
    missed = next(i for i in r.indicators if i.id == "C.missed_child_appointments")
    quotes = [e for e in missed.evidence if isinstance(e, NoteEvidence)]
    assert quotes and "not brought to the neonatal follow-up clinic" in quotes[0].quote
    keys = unknown_keys(r)
    assert {
        "extra_support_for_vulnerable_baby",
        "pre_birth_assessment",
        "older_child_voice@siblings[1]",
    } <= keys
    assert "birth_gestation_weight" not in keys  # known from the facts
    assert sleep_status(r)["on_the_back"] == "in_line"
    assert {"Q6", "Q7"} <= {q.id for q in r.questions}


def test_note_quotes_index_the_notes() -> None:
    seen = 0
    for name in ("premature-twin.yaml", "unseen-partner-grandmother.yaml", "notes-only.txt"):
        r = checked(name)
        quotes = [e for i in r.indicators for e in i.evidence if isinstance(e, NoteEvidence)]
        quotes += [e for s in r.safer_sleep for e in s.evidence if isinstance(e, NoteEvidence)]
        for e in quotes:
            assert r.notes[e.start : e.end] == e.quote
        seen += len(quotes)
    assert seen >= 3


def test_notes_only_case_codes_the_notes() -> None:
    r = checked("notes-only.txt")
    assert "E.co_sleeping" in indicator_ids(r)
    # the notes show where the baby sleeps, so that is not asked again
    assert "where_baby_sleeps" not in unknown_keys(r)
    assert "household_not_recorded" in unknown_keys(r)
    assert sleep_status(r)["no_bed_sharing_with_hazards"] == "differs"
    # bed-sharing on one line of the notes, a mother who smokes on the next
    assert "E.sleep_with_alcohol_drugs_smoking" in indicator_ids(r)
    shown = next(s for s in r.safer_sleep if s.id == "no_bed_sharing_with_hazards").evidence
    assert len(shown) == len(set(shown)), "a passage is shown once, though two indicators"
    # and the smoking itself is a difference from a smoke-free baby, shown by its passage
    smoke_free = next(s for s in r.safer_sleep if s.id == "smoke_free")
    assert smoke_free.status == "differs"
    assert [e.quote for e in smoke_free.evidence] == ["She smokes on the balcony."]


@pytest.mark.parametrize(
    ("notes", "status"),
    [
        ("Dad is a smoker and the baby sleeps in a cot in their room.", "differs"),
        ("Mum smokes ten a day, always outside.", "differs"),
        ("She never smokes near the baby.", "not_known"),
        ("Mum gave up smoking when she found out she was pregnant.", "not_known"),
        ("Neither parent smokes.", "not_known"),
        # drinking is the same indicator, but not a difference from a smoke-free baby
        ("Mum had been drinking and fell asleep on the sofa with the baby.", "not_known"),
    ],
)
def test_only_notes_of_a_carer_smoking_differ_from_a_smoke_free_baby(
    notes: str, status: str
) -> None:
    r = check_case(case_from_dict({"notes": notes}))
    assert sleep_status(r)["smoke_free"] == status


def test_a_carer_who_smokes_is_not_a_smoke_free_baby() -> None:
    """Smoking only outside the home still differs from the advice: the structured fact
    of an adult who smokes is shown with the adult named."""
    r = check_case(
        case_from_dict(
            {
                "sleep": {"smoking_in_home": False},
                "adults": [{"relationship": "father", "smokes": True}],
            }
        )
    )
    smoke_free = next(s for s in r.safer_sleep if s.id == "smoke_free")
    assert smoke_free.status == "differs"
    assert any("adults[0]" in str(getattr(e, "path", "")) for e in smoke_free.evidence)
    r = check_case(
        case_from_dict(
            {
                "sleep": {"smoking_in_home": False},
                "adults": [{"relationship": "father", "smokes": False}],
            }
        )
    )
    assert sleep_status(r)["smoke_free"] == "in_line"


def test_fact_changes_flip_safer_sleep() -> None:
    base = {"baby": {"gestation_weeks": 35}, "sleep": {"shares_bed": True}}
    r = check_case(case_from_dict(base))
    status = sleep_status(r)
    assert status["no_bed_sharing_with_hazards"] == "differs"  # born early
    assert "E.co_sleeping" in indicator_ids(r)
    r = check_case(case_from_dict({"sleep": {"shares_bed": False, "position": "front"}}))
    assert sleep_status(r)["no_bed_sharing_with_hazards"] == "in_line"
    assert sleep_status(r)["on_the_back"] == "differs"


def test_theme_view_groups_items() -> None:
    r = checked("premature-twin.yaml")
    b = next(t for t in r.themes if t.id == "B")
    assert "B.premature" in b.indicators
    e = next(t for t in r.themes if t.id == "E")
    assert "on_the_back" in e.safer_sleep
    data = r.to_dict()
    assert set(data) >= {"themes", "indicators", "unknowns", "questions", "safer_sleep"}


def test_notes_say_it_as_notes_do() -> None:
    r = check_case(
        case_from_dict(
            {
                "notes": "Baby weighed today. Mother is 19. His weight has dropped from the "
                "25th to below the 9th centile since the last visit."
            }
        )
    )
    assert {"A.young_parent", "C.poor_weight_gain_or_health_concern"} <= indicator_ids(r)


def test_a_weight_on_the_centile_is_no_weight_concern() -> None:
    r = check_case(
        case_from_dict({"notes": "Weighed today: weight on the 50th centile, feeding well."})
    )
    assert "C.poor_weight_gain_or_health_concern" not in indicator_ids(r)


@pytest.mark.parametrize(
    ("notes", "indicator"),
    [
        (
            "Mum cancelled the health visitor twice this month saying baby had a cold.",
            "C.reluctance_to_engage",
        ),
        (
            "Parents did not answer the door for the last two planned visits.",
            "C.reluctance_to_engage",
        ),
        (
            "His weight has dropped from the 25th to below the 9th centile.",
            "C.poor_weight_gain_or_health_concern",
        ),
        ("Mother is 19 and was in care until last year.", "A.young_parent"),
        ("Dad works away and has never been seen by the health visitor.", "F.fathers_unseen_men"),
        (
            "Mum's boyfriend stays most nights. He has not been seen by any professional.",
            "F.fathers_unseen_men",
        ),
        (
            "Mum missed the 6-8 week check and the first immunisations.",
            "C.missed_child_appointments",
        ),
        (
            "Mum says she has felt very low since the birth and cries most days.",
            "A.parent_mental_health",
        ),
        ("Mum is using cannabis daily but says it helps her relax.", "D.minimising_cannabis"),
        ("Mum (19) was in foster care from age 12.", "A.parent_childhood_adversity"),
        ("Lives with her two boys (3 yrs and 14 months).", "B.multiple_birth_or_sibling_under_two"),
        ("The older ones were on CP plans in 2022.", "B.sibling_child_protection_history"),
        ("Dad says he dozes off with baby on his chest in their bed.", "E.co_sleeping"),
        (
            "Baby at his aunt's again; did not ask why he is staying there.",
            "F.other_carers_unexplored",
        ),
        ("Partner went upstairs when I arrived - not spoken to.", "F.fathers_unseen_men"),
        ("Knocked twice, no answer, curtains drawn and car on drive.", "C.reluctance_to_engage"),
        ("Home conditions unchanged since the first CIN review.", "D.desensitisation"),
        ("GP not invited to the discharge planning meeting.", "G.multi_agency_working"),
        ("Siblings aged 6 and 8 at home; neither seen.", "G.older_siblings"),
        (
            "Assessment says little about what a day is like for the baby.",
            "G.child_lived_experience",
        ),
        (
            "No discussion of how her low mood affects how she cares for the baby.",
            "A.impact_on_care_unexplored",
        ),
        ("Plan focuses mainly on mum's housing and debts.", "C.parental_needs_overshadow_infant"),
        ("Dad has a conviction for ABH against his ex-partner.", "A.domestic_abuse"),
        ("Two hospital appts missed this month.", "C.missed_child_appointments"),
        (
            "Older sibling was on a child protection plan for neglect two years ago.",
            "B.sibling_child_protection_history",
        ),
        (
            "Baby was found asleep on the sofa with dad after he had been drinking.",
            "E.sofa_or_unsafe_surface",
        ),
    ],
)
def test_what_a_supervisor_would_name_in_visit_notes_is_shown(notes: str, indicator: str) -> None:
    """Notes as a health visitor or social worker writes them, each naming one thing a
    supervisor would pick out; the same coder reads them as reads the reviews."""
    assert indicator in indicator_ids(check_case(case_from_dict({"notes": notes})))


@pytest.mark.parametrize(
    "notes",
    [
        "Mum's boyfriend stays most nights. He has been seen at every visit.",
        "Dad is at home on paternity leave. He has not been seen by the GP since birth.",
    ],
)
def test_a_man_seen_or_a_baby_boy_unseen_is_not_an_unseen_man(notes: str) -> None:
    """ "He" after a partner is named is the partner only when nothing says it is the baby."""
    assert "F.fathers_unseen_men" not in indicator_ids(check_case(case_from_dict({"notes": notes})))


def test_shorthand_in_notes_is_read_and_quoted_as_written() -> None:
    """ "WNB" and "imms" are read as "was not brought" and "immunisations"; the evidence
    still quotes, and points into, the notes as the practitioner wrote them."""
    notes = "HV contact. Baby (3/12) WNB for 8 wk imms x2; no reply to letters."
    r = check_case(case_from_dict({"notes": notes}))
    shown = {i.id: i for i in r.indicators}
    assert "C.missed_child_appointments" in shown
    for evidence in shown["C.missed_child_appointments"].evidence:
        assert notes[evidence.start : evidence.end] == evidence.quote
        assert "WNB" in evidence.quote


def test_a_routine_enquiry_with_nothing_disclosed_is_no_domestic_abuse() -> None:
    notes = "Seen alone at booking. Routine enquiry re DA made - none disclosed."
    assert "A.domestic_abuse" not in indicator_ids(check_case(case_from_dict({"notes": notes})))


def test_notes_show_multi_agency_working_only_where_they_name_a_gap() -> None:
    """A meeting noted as held is the work; the learning is the gap in it."""
    held = check_case(case_from_dict({"notes": "Strategy meeting at 36/40. Plan agreed."}))
    assert "G.multi_agency_working" not in {i.id for i in held.indicators}
    gap = check_case(
        case_from_dict({"notes": "The police were not invited to the strategy meeting."})
    )
    assert "G.multi_agency_working" in {i.id for i in gap.indicators}


def test_notes_do_not_show_a_parents_history_they_say_is_over() -> None:
    """ "Well since" and "stopped, tests clear" are the notes saying the concern is not there
    now; a history with no end, or one that has come back, is still shown."""
    over = check_case(
        case_from_dict(
            {
                "notes": "Booking 12/40. Mum had anxiety at 17, counselling, well since. "
                "Dad used cannabis 18-20, stopped, UDS neg today."
            }
        )
    )
    shown = {i.id for i in over.indicators}
    assert "A.parent_mental_health" not in shown
    assert "A.parent_substance_misuse" not in shown
    goes_on = check_case(
        case_from_dict({"notes": "Booking 12/40. Mum hx psychosis, stopped meds when pregnant."})
    )
    assert "A.parent_mental_health" in {i.id for i in goes_on.indicators}


def test_an_older_child_named_beside_a_babys_age_in_brackets_is_asked_about() -> None:
    """ "(4/12)" is read as "(4 months old)"; the children listed beside it are still known."""
    notes = "Police notification: baby Mason (4/12) in pram, Lily (6) upstairs. Lily not spoken to."
    shown = {i.id for i in check_case(case_from_dict({"notes": notes})).indicators}
    assert "G.older_siblings" in shown


def test_a_review_still_counts_a_history_said_to_be_over() -> None:
    """A review tells a parent's history because it mattered to what happened."""
    from caselens.codebook import default_codebook
    from caselens.model import Document
    from caselens.pipeline.coding import Coder
    from caselens.pipeline.segment import segment
    from caselens.pipeline.settings import Settings

    text = "The mother had a history of depression in her teens and had been well since."
    doc = Document.from_text(text, "review")
    coder = Coder(default_codebook(), Settings(semantic=False, model=False))
    assert "A.parent_mental_health" in {f.indicator for f in coder.code(doc, segment(doc))}


def test_a_review_still_counts_every_multi_agency_step() -> None:
    """The notes reading is the case check's: a review names such steps to learn from them."""
    from caselens.codebook import default_codebook
    from caselens.model import Document
    from caselens.pipeline.coding import Coder
    from caselens.pipeline.segment import segment
    from caselens.pipeline.settings import Settings

    doc = Document.from_text("Strategy meeting at 36 weeks pregnant.", "review")
    coder = Coder(default_codebook(), Settings(semantic=False, model=False))
    assert "G.multi_agency_working" in {f.indicator for f in coder.code(doc, segment(doc))}
