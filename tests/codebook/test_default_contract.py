"""The shipped codebook keeps the identifier contract that the labelled data relies on.

The contract lives in the design notes (``codebook-ids.md``); the ids are copied
here so the test also runs where the shared design folder is absent, and a test
checks the copy against the file when it is there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from caselens.codebook import (
    contract_ids,
    default_codebook,
    load_codebook,
    validate_against_contract,
)

# The design notes sit beside the repository (``../shared``), not inside it.
CONTRACT_FILE = Path(__file__).resolve().parents[3] / "shared" / "design" / "codebook-ids.md"

CONTRACT_COPY = [
    "A",
    "A.parent_childhood_adversity",
    "A.parent_mental_health",
    "A.parent_substance_misuse",
    "A.domestic_abuse",
    "A.parent_learning_disability",
    "A.young_parent",
    "A.impact_on_care_unexplored",
    "B",
    "B.premature",
    "B.multiple_birth_or_sibling_under_two",
    "B.disability_or_chronic_condition",
    "B.sibling_child_protection_history",
    "B.extra_support_not_recognised",
    "C",
    "C.missed_child_appointments",
    "C.reluctance_to_engage",
    "C.favouring_one_child",
    "C.poor_weight_gain_or_health_concern",
    "C.parental_needs_overshadow_infant",
    "D",
    "D.desensitisation",
    "D.minimising_cannabis",
    "D.fresh_start",
    "D.affluence_assumption",
    "D.lack_of_curiosity",
    "E",
    "E.co_sleeping",
    "E.sofa_or_unsafe_surface",
    "E.sleep_with_alcohol_drugs_smoking",
    "E.safe_sleep_advice_gap",
    "E.out_of_routine",
    "F",
    "F.significant_adults_unknown",
    "F.other_carers_unexplored",
    "F.adult_relationship_impact",
    "F.fathers_unseen_men",
    "G",
    "G.information_sharing",
    "G.multi_agency_working",
    "G.pre_birth_assessment",
    "G.supervision_reflection",
    "G.child_lived_experience",
    "G.older_siblings",
]


def _contract() -> tuple[str, ...]:
    if CONTRACT_FILE.exists():
        return contract_ids(CONTRACT_FILE.read_text(encoding="utf-8"))
    return tuple(CONTRACT_COPY)


def test_default_codebook_has_exactly_themes_a_to_g() -> None:
    assert [t.id for t in default_codebook().themes] == list("ABCDEFG")
    assert [i for i in _contract() if "." not in i] == list("ABCDEFG")


def test_default_codebook_has_every_contract_indicator() -> None:
    cb = default_codebook()
    assert validate_against_contract(cb, _contract()) == []
    ids = {i.id for i in cb.indicators}
    assert {i for i in _contract() if "." in i} <= ids


def test_every_default_indicator_can_be_found_and_asked_about() -> None:
    for ind in default_codebook().indicators:
        assert ind.label.strip(), ind.id
        assert ind.patterns or ind.exemplars, f"{ind.id} has nothing to match with"


@pytest.mark.skipif(not CONTRACT_FILE.exists(), reason="shared design notes not present")
def test_copy_matches_the_contract_file() -> None:
    assert contract_ids(CONTRACT_FILE.read_text(encoding="utf-8")) == tuple(CONTRACT_COPY)


def test_contract_check_reports_what_is_missing(minimal_path: Path) -> None:
    cb = load_codebook(minimal_path)
    missing = validate_against_contract(cb, ["A", "C", "A.noisy_home", "A.domestic_abuse"])
    assert missing == [
        "theme C is missing from codebook test-mini",
        "indicator A.domestic_abuse is missing from codebook test-mini",
    ]


def test_contract_ids_skip_other_tables() -> None:
    text = "| id | meaning |\n|---|---|\n| **A** | x |\n| A.one | y |\n| outcome | `death` |\n"
    assert contract_ids(text) == ("A", "A.one")
