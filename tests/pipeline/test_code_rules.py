"""The pattern coder on fictional review sentences, one theme at a time."""

from __future__ import annotations

import re

import pytest
from coding_helpers import indicators

from caselens.model import Codebook, Document, Evidence, Finding, Indicator, Theme
from caselens.pipeline.code_rules import RuleCoder, matched_words
from caselens.pipeline.segment import segment

POSITIVE = [
    (
        "A.domestic_abuse",
        "Police were called to the flat after a domestic incident between the parents.",
    ),
    (
        "A.parent_substance_misuse",
        "The father smoked cannabis every day and the mother drank heavily.",
    ),
    ("A.parent_mental_health", "The mother developed postnatal depression after the birth."),
    ("B.premature", "The baby was born prematurely and spent three weeks in the neonatal unit."),
    ("B.multiple_birth_or_sibling_under_two", "She was one of twins."),
    ("C.missed_child_appointments", "The baby was not brought to two hospital appointments."),
    (
        "C.poor_weight_gain_or_health_concern",
        "The health visitor recorded faltering growth at ten weeks.",
    ),
    ("D.lack_of_curiosity", "The mother's explanation for the mark was accepted without question."),
    (
        "D.desensitisation",
        "Repeated referrals about neglect led to no change and the case drifted.",
    ),
    ("E.co_sleeping", "The baby was found unresponsive after sleeping in the parents' bed."),
    ("E.sofa_or_unsafe_surface", "The father fell asleep on the sofa with the baby on his chest."),
    ("F.fathers_unseen_men", "The father was never seen by the health visitor."),
    ("G.information_sharing", "The police did not share the incident with the health visitor."),
    ("G.pre_birth_assessment", "No pre-birth assessment was completed."),
    (
        "G.supervision_reflection",
        "Supervision gave the social worker no time to reflect on the risks.",
    ),
]


@pytest.mark.parametrize(("indicator", "sentence"), POSITIVE)
def test_positive_sentence_is_coded(coder: RuleCoder, indicator: str, sentence: str) -> None:
    assert indicator in indicators(coder, sentence)


NEGATIVE = [
    ("A.domestic_abuse", "There was no evidence of domestic abuse in the household."),
    ("A.parent_substance_misuse", "The mother denied any drug use."),
    ("E.co_sleeping", "The baby had never shared a bed with either parent."),
    ("F.fathers_unseen_men", "No concerns were raised about the father's involvement."),
    ("A.parent_mental_health", "Neither parent had any history of mental health problems."),
]


@pytest.mark.parametrize(("indicator", "sentence"), NEGATIVE)
def test_denied_sentence_is_not_coded(coder: RuleCoder, indicator: str, sentence: str) -> None:
    assert indicator not in indicators(coder, sentence)


def test_exclude_pattern_blocks_a_match(coder: RuleCoder) -> None:
    text = "The post-mortem found shaken baby syndrome."
    assert "B.disability_or_chronic_condition" not in indicators(coder, text)


def test_evidence_is_the_whole_sentence_with_exact_offsets(coder: RuleCoder) -> None:
    text = (
        "Review of a fictional family.\n\n"
        "The baby lived with her mother. Her father used cocaine and was violent to the mother.\n\n"
        "Professionals were over-optimistic about the parents."
    )
    doc = Document.from_text(text, "fictional")
    findings = coder.code(doc, segment(doc))
    assert findings
    for f in findings:
        assert doc.text[f.start : f.end] == f.quote
        assert (f.sentence_start, f.sentence_end) == (f.start, f.end)
        assert f.method == "rules" and f.note
        assert f.theme == f.indicator.split(".")[0]
    keys = [(f.indicator, f.start) for f in findings]
    assert len(keys) == len(set(keys))  # at most one finding per indicator and sentence
    cocaine = next(f for f in findings if f.indicator == "A.parent_substance_misuse")
    assert cocaine.quote == "Her father used cocaine and was violent to the mother."


def _one_theme(*indicators: Indicator) -> Codebook:
    """A codebook of one theme X holding ``indicators``: what a rule test needs."""
    return Codebook(
        id="t", version="1", title="t", themes=(Theme("X", "X"),), indicators=indicators
    )


def test_weak_patterns_give_lower_confidence() -> None:
    codebook = _one_theme(
        Indicator("X.strong", "X", "strong", patterns=(r"\bcot\b",)),
        Indicator("X.weak", "X", "weak", patterns=(r"(?#weak)\bcot\b",)),
    )
    doc = Document.from_text("The cot was in the bedroom.", "t")
    found = {f.indicator: f.confidence for f in RuleCoder(codebook).code(doc, segment(doc))}
    assert found["X.strong"] > found["X.weak"] > 0


def test_patterns_take_the_matches_their_alternation_takes() -> None:
    """Each pattern runs on its own, only where its words are; the words a finding keeps
    are still those one alternation of the patterns finds: leftmost first, the earlier
    pattern first at one place, and a pattern's match that overlaps one taken looked for
    again after it ("bb cc", which "aa bb" would have hidden)."""
    patterns = (r"\baa\b", r"\b[a-z]+ [a-z]+\b", r"\bcc dd\b")
    codebook = _one_theme(Indicator("X.words", "X", "words", patterns=patterns))
    text = "aa bb cc dd ee."
    doc = Document.from_text(text, "t")
    (finding,) = RuleCoder(codebook).code(doc, segment(doc))
    alternation = "|".join(f"(?:{p})" for p in patterns)
    assert matched_words(finding) == [m.group() for m in re.finditer(alternation, text)]
    assert matched_words(finding) == ["aa", "bb cc", "dd ee"]


def test_upper_case_pattern_still_matches() -> None:
    codebook = _one_theme(Indicator("X.child", "X", "child", patterns=(r"\bChild [A-Z]\b",)))
    doc = Document.from_text("The review concerned Child Q and her brother.", "t")
    assert [f.indicator for f in RuleCoder(codebook).code(doc, segment(doc))] == ["X.child"]


def test_an_exclude_ignores_case_whatever_the_patterns_need() -> None:
    """One upper-case pattern makes the indicator's patterns run on the original text;
    its lower-case excludes must still veto a sentence that opens with a capital."""
    codebook = _one_theme(
        Indicator(
            "X.asked",
            "X",
            "asked",
            patterns=(r"\bnobody asked\b", r"\bMr [A-Z]\b"),
            exclude=(r"\bwhy nobody asked\b",),
        )
    )
    doc = Document.from_text("Why nobody asked is not known. Later nobody asked again.", "t")
    found = [(f.indicator, f.evidence.quote) for f in RuleCoder(codebook).code(doc, segment(doc))]
    assert found == [("X.asked", "Later nobody asked again.")]


def test_advice_never_given_is_the_gap_not_its_exclusion(coder: RuleCoder) -> None:
    gap = "The mother had never been given any advice about safer sleep."
    given = "Both parents had been given safer sleep advice by the midwife."
    assert "E.safe_sleep_advice_gap" in indicators(coder, gap)
    assert "E.safe_sleep_advice_gap" not in indicators(coder, given)


NOT_ASSERTED = [
    # The example from the issue: a denial, not a father left unseen.
    ("F.fathers_unseen_men", "No concerns were raised about the father's involvement."),
    ("F.fathers_unseen_men", "no concerns were raised about the father's involvement"),
    ("A.domestic_abuse", "If the father had been violent, the health visitor would have known."),
    ("A.domestic_abuse", "There were no police records of domestic abuse."),
    ("G.information_sharing", "There were no police records of domestic abuse."),
    ("G.information_sharing", "The mother said she did not know that bed-sharing was risky."),
    (
        "G.multi_agency_working",
        "The review was carried out under Working Together to Safeguard Children 2018.",
    ),
]


@pytest.mark.parametrize(("indicator", "sentence"), NOT_ASSERTED)
def test_denials_hypotheticals_and_asides_are_not_coded(
    coder: RuleCoder, indicator: str, sentence: str
) -> None:
    assert indicator not in indicators(coder, sentence)


def test_a_professional_not_knowing_is_still_information_not_shared(coder: RuleCoder) -> None:
    sentence = "The health visitor did not ask to see the father and did not know about the call."
    assert "G.information_sharing" in indicators(coder, sentence)


def test_matched_words_are_read_back_from_the_note_without_a_cut_word() -> None:
    def finding(method: str, note: str) -> Finding:
        evidence = Evidence("Dad not seen; Mum 19.", 0, 21, None)
        return Finding("d", "A.young_parent", "A", evidence, 0.9, method, note=note)

    assert matched_words(finding("rules", "dad not seen; mum 19")) == ["dad not seen", "mum 19"]
    assert matched_words(finding("rules", "dad not seen; mum 1\u2026")) == ["dad not seen"]
    assert matched_words(finding("model", "model p=0.98")) == []
