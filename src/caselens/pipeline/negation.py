"""Is a pattern match inside a sentence asserted, or denied or merely general?

A review states facts about a family ("the father used cannabis") and learning
points about them ("practitioners did not explore the father's cannabis use"); both
count. It also denies things ("there was no evidence of domestic abuse") and makes
general recommendations ("all practitioners should always ask about sleep"); those
do not. This module tells these apart with a small NegEx-style rule set:

* a *cue* (``no``, ``never``, ``denied``, ``no evidence of`` ...) before the match,
  in the same clause and within a short distance, negates it;
* a *pseudo-cue* (``not only``, ``no longer``, ``no doubt``) is not a negation;
* a negated *professional action* between the cue and the match (``did not
  explore``, ``no one asked about``, ``without assessing``) turns the sentence
  into a learning point about the fact, so it is kept;
* a *post-cue* after the match in the same clause (``... was ruled out``) negates;
* a sentence that is a general recommendation with nothing tying it to the case
  (``practitioners should always ...``) is set aside.

Only text outside the match is inspected, so a pattern that itself contains a
negation ("did not engage") is never cancelled by its own words.
"""

from __future__ import annotations

import re

from caselens.pipeline import negation_asked as asked
from caselens.pipeline.case_link import is_general

# Words that end a negation's scope: what follows is a new clause.
_BOUNDARY = re.compile(
    r"[;:!?()\u2013\u2014]|\s-\s|,\s*(?:and|but|or|so|yet|which|who|whose|while|when|that)\b"
    r"|\band\s+(?:had|has|have|was|were|is|are|also)\b"
    # a reported clause of its own: "said assessments were not robust enough and that some
    # professionals were insufficiently curious"; "could not have been predicted, noting
    # that the mother ... had hindered services"
    r"|\band\s+that\b|,\s*(?:noting|adding|saying|finding|concluding|observing|stating)\s+that\b"
    # a want told as the scene's setting: "With no travel cots, one twin slept in the adult bed"
    r"|\b(?:with\s+no|without\s+(?:a|an|any))\s+[\w'-]+(?:\s+[\w'-]+){0,3}\s*,"
    # "not because she was avoiding contact": a denial reaching over "because"
    r"|\b(?:but|however|although|though|whereas|yet|despite|until|unless|(?<!not )because"
    r"|since|after"
    r"|when|while|except|instead|nevertheless|nonetheless|whilst)\b",
    re.IGNORECASE,
)

# How a child was found, not a denial: "found not breathing in a bed she shared with her
# mother" (the facts' negation reads the same list)
CHILD_STATE = r"not\s+(?:breathing|responding|responsive|rousable|moving|waking)"

_PSEUDO = re.compile(
    r"\b(?:not only|not just|not merely|no longer|no doubt|not least|without doubt|no sooner"
    r"|not necessarily|not unusual|not uncommon|no matter|not clear|not always"
    r"|"
    + CHILD_STATE
    # "neither parent was known to any agency to use drugs": known, not an agency's act
    + r"|known to (?:any |an |the |other |either )?(?:agenc(?:y|ies)|services?|police))\b",
    re.IGNORECASE,
)

# Cues that deny what follows them in the clause.
_PRE_CUE = re.compile(
    # "no reports of X": the report word belongs to the denial, not to a practice gap, so
    # the longer cue is tried first; so is "no information held by any agency suggesting
    # X", "nothing in the records suggests that X", where the information is no practice
    r"\b(?:(?:no|nothing)\s+(?:[\w'-]+\s+){0,8}?(?:suggest(?:ing|s|ed)?|indicat(?:ing|es|ed))"
    r"(?:\s+that)?"
    r"|no (?:\w+ )?(?:reports?|history|evidence|indications?|signs?|suggestions?|allegations?"
    r"|incidents?)(?: at any (?:stage|point|time))?"
    r" (?:of|about|that)"
    # "nothing was known of his own childhood": unknown, not told
    r"|nothing (?:was |is |had been )?known (?:of|about)|little (?:was |is )?known (?:of|about)"
    # "nil" as notes write none ("nil bed-sharing")
    r"|no|not|never|nor|neither|none|nil|without|denied|denies|deny|denying|absence of"
    r"|free (?:of|from)|ruled out|rule out|lack of evidence|nothing to suggest|unfounded"
    # a test's result: "hair strand (Jan) neg for cocaine & cannabis"
    r"|(?:negative|neg|clear) for)\b"
    r"|-ve for\b|n't\b",
    re.IGNORECASE,
)

# A negated professional action or practice makes a learning point ("did not
# explore X", "there was no pre-birth assessment").
_ACTION = re.compile(
    r"\b(?:ask|explor|consider|assess|recogni[sz]|identif|understand|understood|shar|pass"
    r"|record(?!s?\s+of\b)|report|refer|referr|challeng|question|enquir|inquir|check|discuss|address"
    # "nothing to suggest that the injuries followed a night away": a time, not an action
    r"|notic|appreciat|acknowledg|act|acted|follow(?!ed an?\b)|focus|attention|see|seen|saw"
    r"|know(?!n)|knew"
    r"|aware|tell|told|inform|communicat|escalat|investigat|tak|took|treat|link|connect"
    r"|weigh|explain|analys|involv|engag|includ|invit|speak|spoke|talk|listen|seek|sought"
    r"|provid|offer|giv|gave|repeat|reinforc|tailor|plan|curio|pick|probe|prob|establish"
    r"|clarif|verif|test|scrutin|thought|think|reflect|picture|join|visib|mention|note|noted"
    r"|document|describ|captur|convey|portray|look|wrote|supervis|oversight|advice|guidance"
    r"|support|help|visit|contact|strategy"
    r"|information|meeting|conference|agenc|working|curiosity|recogni|reflect)\w*",
    re.IGNORECASE,
)

# Matched words naming a piece of practice: "no pre-birth assessment" is a gap, not a denial.
_PRACTICE = re.compile(
    r"\b(?:assess|supervis|oversight|advice|guidance|support|help|strategy|information"
    r"|meeting|conference|agenc|working|curiosity|recogni|reflect|referr|plan|visit|check"
    r"|challeng|escalat|communicat|follow|threshold|consideration)\w*",
    re.IGNORECASE,
)

_WORD_REST = re.compile(r"[\w-]*")

# Words after a matter that say it played no part: shared with the facts' own negation.
NO_PART = (
    r"(?:played|had)\s+no\s+(?:part|role)|did\s+not\s+feature|(?:was|were)\s+not\s+a\s+feature"
    r"|did\s+not\s+contribute"
)

_POST_CUE = re.compile(
    r"^[^;:]{0,40}?\b(?:(?:was|were|had been|has been) (?:ruled out|excluded|unfounded"
    r"|not (?:substantiated|present|a (?:factor|concern|feature|problem|worry)|an issue"
    r"|identified|found|evident|apparent|suspected))|(?:was|were) denied)\b"
    # tests for it came back clear: "Investigations for coeliac disease, cystic fibrosis and
    # metabolic conditions were all negative"
    r"|^[^;:.]{0,80}?\b(?:(?:was|were) (?:all |both )?(?:negative|normal|clear)"
    r"|came back (?:all )?(?:negative|normal|clear))\b"
    # "cannabis and other drug use played no part in this case"; "did not feature"
    r"|^[^;:.]{0,40}?\b(?:" + NO_PART + r")\b"
    # "a pre-birth assessment ... was not indicated on what was known"
    r"|^[^;:.]{0,40}?\b(?:was|were) not (?:indicated|warranted|required|necessary)\b",
    re.IGNORECASE,
)
# A whole proposition denied, however long: "there was no suggestion at any stage that she
# shared the adult bed or slept on a sofa". What follows "that" is what is denied, so the
# verbs in it are the family's, not a practitioner's action (a gap in practice is named
# by its noun: "no evidence that a pre-birth assessment was considered" stays a gap).
_DENIED_PROPOSITION = re.compile(
    r"\b(?:no|nothing)\s+(?:[\w'\u2019-]+\s+){0,8}?(?:suggest(?:ing|s|ed|ion)?|indicat(?:ing|es|ed"
    r"|ion)|evidence|information)\b[^;:.]{0,80}?\bthat\s+(?:[^;:.](?!\bbut\b)){0,160}$",
    re.IGNORECASE,
)
# A practitioner's caseload, the families on it: "a caseload of more than four hundred
# children, including a high number of teenage parents"
_CASELOAD = re.compile(
    r"\bcase ?loads?\b[^.;]{0,100}\b(?:including|among (?:them|whom)|(?:several|many|some|most)"
    r" of (?:them|whom))\b[^.;]{0,60}$",
    re.IGNORECASE,
)
# A threshold nothing met: "Nothing known during the pregnancy would have met the threshold
# for a pre-birth assessment" says none was needed, though it names a piece of practice
_NOTHING_WOULD_MEET = re.compile(
    r"\b(?:nothing|no (?:\w+ )?(?:information|concern|evidence))\b[^;:.]{0,60}"
    r"\bwould (?:not )?have (?:met|reached|crossed)\b",
    re.IGNORECASE,
)
# A step the review does not say was needed: "it does not suggest that a pre-birth
# assessment should have been undertaken" denies a gap, though it names a piece of practice
_NOT_NEEDED_BEFORE = re.compile(
    r"(?:\b(?:do|does|did|would) not (?:suggest|consider|think|believe|find|conclude|say"
    r"|criticise)|\b(?:nothing|no (?:\w+ )?(?:information|evidence))\s+(?:[\w'\u2019-]+\s+){0,8}?"
    r"suggest(?:s|ed)?)\s+that\s+(?:[\w'\u2019-]+\s+){0,6}$",
    re.IGNORECASE,
)
_NOT_NEEDED_AFTER = re.compile(
    r"^[^;.]{0,60}?\b(?:(?:should|ought to|needed to|had to) have been"
    r"|(?:was|were) (?:needed|required|indicated|warranted|necessary))\b",
    re.IGNORECASE,
)
# "the review does not regard the absence of a pre-birth assessment as a missed
# opportunity": the absence itself is not faulted, whatever follows
_ABSENCE_NOT_FAULTED = re.compile(
    r"\b(?:do|does|did) not (?:regard|see|consider|view|treat|criticise) the absence of\s+"
    r"(?:[\w'\u2019-]+\s+){0,3}$",
    re.IGNORECASE,
)

# A condition or supposition: "if the father had been violent" asserts nothing
# about the family, though "if agencies had shared ..." is a learning point.
_HYPOTHETICAL = re.compile(
    # and the consequent of a counterfactual: "the family would have been eligible for ..."
    r"(?<!\bas )(?<!\beven )\b(?:if|supposing)\b|\bwould have been (?:eligible|entitled)\b"
    # a supposition about a person: "it was thought that she might have a learning disability"
    r"|\b(?:thought|suggested|queried|wondered|suspected|speculated)\b (?:that )?"
    r"(?:she|he|they|the (?:mother|father)) (?:might|may|could) (?:have|be)\s+(?:\w+\s+){0,2}$"
    # what someone says they would have done: "I'd have slept on the floor"
    r"|\b(?:I|he|she|we|they|you)(?:'d|\u2019d| would) have\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# The same supposition inverted, opening the sentence: "Had Child T been born early, ..."
_INVERTED = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?had\s+[^;:]{3,200}?"
    # the condition runs to the comma before its consequence ("..., staff would have acted"),
    # or to the first comma where no consequence follows
    r"(?:,(?=[^,;]*\b(?:would|could|might|may)\b)|,(?![^;]*\b(?:would|could|might|may)\b))",
    re.IGNORECASE,
)
# Another family's story told beside this one ("supplied to another family in the building
# with twins"); "the mother's other children" are this family's, so are not caught.
_OTHER_FAMILY = re.compile(
    r"\b(?:another|a different|an unrelated|a second) (?:family|household|baby|infant|couple)\b"
    r"|\bother (?:families|households)\b",
    re.IGNORECASE,
)

# what happened at the address before this family lived there: "DV call-out at the
# address, confirmed as previous tenants", "relating to the former occupants"
_EARLIER_OCCUPANTS = re.compile(
    r"\b(?:previous|former|earlier|past|last|old) (?:tenants?|occupants?|occupiers?|residents?)\b",
    re.IGNORECASE,
)

# The verb of the clause before, left out: "assessments described her mother's drinking ...,
# but not what it was like to be three years old in that home" (what was not described).
_ELIDED_ACTION = re.compile(r"\b(?:but|and|yet|or)\s+not\s+$", re.IGNORECASE)
_WH_WORD = re.compile(r"(?:what|how|who|whether|why|where|when)\b", re.IGNORECASE)
# ... or a question nobody wrote down: "there was no record of what it was like to be a baby"
_UNRECORDED = re.compile(
    r"\b(?:records?|mention|description|account|understanding|consideration|discussion"
    r"|exploration|analysis|picture)\s+(?:of|about|as\s+to)\s+$",
    re.IGNORECASE,
)

# A practitioner's act a match may open with ("No one sought his view"): the denial is of
# the act, a learning point (not "never shared a bed", the family's own).
_ASKED_OR_LOOKED = re.compile(
    r"(?:ask|sought|seek|explor|consider|assess|check|challeng|question|enquir|inquir"
    r"|prob(?:e|ed|es|ing)\b|record|refer|spoke|speak|talk|listen|invit|notic|recogni"
    r"|identif|establish|verif|look(?!\w*\s+after\b))\w*",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"[\s-]+\w+")
_CUE_WINDOW = 70  # characters before a match in which a cue still applies


def _to_word_end(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with the rest of its last word ("alcohol and bed" of
    "alcohol and bed-sharing"): a pattern may stop inside one."""
    rest = _WORD_REST.match(text, end)
    return text[start : rest.end() if rest is not None else end]


def _clause_before(text: str, start: int, reach: int = _CUE_WINDOW) -> str:
    """The part of the clause holding ``start`` that lies before it, within ``reach``."""
    window = text[max(0, start - reach) : start]
    ends = [b.end() for b in _BOUNDARY.finditer(window)]
    return window[ends[-1] :] if ends else window


def _clause_after(text: str, end: int) -> str:
    after = text[end : end + 80]
    boundary = _BOUNDARY.search(after)
    return after[: boundary.start()] if boundary else after


def denied_proposition(text: str, start: int) -> bool:
    """Whether what stands at ``start`` lies inside a proposition its clause denies ("there
    was no evidence that her physical care had been neglected"); facts read it too."""
    if "that" not in text[max(0, start - 200) : start].lower():  # cheap test before the search
        return False
    return bool(_DENIED_PROPOSITION.search(_clause_before(text, start, 200)))


# A question an assessment put, answered no later in the sentence: "an assessment considered
# whether Mother had a learning disability; the psychologist concluded that she did not".
_WHETHER = re.compile(
    r"\b(?:consider(?:ed|ing)?|assess(?:ed|ing)?|explor(?:ed|ing)|examin(?:ed|ing)|test(?:ed|ing)"
    r"|investigat(?:ed|ing)|look(?:ed|ing) at|check(?:ed|ing))\s+whether\s+"
    # the match is what was asked of someone, not the someone: "whether Mother had a [...]"
    # ("whether the bruise was accidental ... concluded it was not" keeps the bruise)
    r"(?:[\w'-]+\s+){0,4}?(?:had|has|was|were|is|used|misused|suffered from)"
    r"(?:\s+(?:a|an|any|been))?\s+$",
    re.IGNORECASE,
)
_ANSWERED_NO = re.compile(
    r"\b(?:concluded|found|confirmed|established|showed|decided|judged)\s+(?:that\s+)?"
    r"(?:she|he|they|it|this|there|neither|none)\s+(?:did|does|was|were|had|has|is)"
    r"\s*(?:not|n't|no)\b",
    re.IGNORECASE,
)


def _answered_no(text: str, start: int, end: int) -> bool:
    """Whether the match is the question of "considered whether ..." that the same sentence
    answers no."""
    if "whether" not in text[max(0, start - 80) : start].lower():
        return False
    return bool(_WHETHER.search(_clause_before(text, start, 80))) and bool(
        _ANSWERED_NO.search(text, end)
    )


def _noun_phrase(text: str, start: int, end: int) -> str:
    """The match and the word after it: "no pre-birth" + "assessment"."""
    following = _NEXT_WORD.match(text, end)
    return text[start : following.end() if following else end]


def negation_reason(sentence: str, start: int, end: int) -> str | None:
    """Why the match ``sentence[start:end]`` does not assert its indicator, or None.

    Returns ``"negated"`` for a denial in the match's clause, ``"asked"`` for the topic
    of a question put to someone, ``"danger"`` for the danger advice spoke of ("the risks
    of sharing a bed"), ``"other_family"`` for what is told of another family,
    ``"hypothetical"`` for a match inside a condition ("if ...", "had she been ..."), and
    ``"general"`` for a recommendation unrelated to the case.
    """
    before = _clause_before(sentence, start)
    masked = _PSEUDO.sub(lambda m: " " * len(m.group()), before)
    cues = list(_PRE_CUE.finditer(masked))
    if cues and not _PRE_CUE.search(sentence, start, end):  # "did not ask" is meant negative
        between = masked[cues[-1].end() :]
        if (
            not _ACTION.search(between)
            and not _PRACTICE.search(_noun_phrase(sentence, start, end))
            # the match opens with the practitioner's act denied: "No one sought his view"
            and not (len(between.split()) <= 1 and _ASKED_OR_LOOKED.match(sentence, start))
            and not (
                _WH_WORD.match(sentence, start)
                and (
                    _ELIDED_ACTION.search(sentence, max(0, start - 20), start)
                    or _UNRECORDED.search(between)
                )
            )
        ):
            return "negated"
        topic = _to_word_end(sentence, start, end)
        if asked.TALKED_OF.search(between) and asked.TOPIC_WORD.match(topic):
            return "asked"
    after = _clause_after(sentence, end)
    if _POST_CUE.search(after) or _answered_no(sentence, start, end):
        return "negated"
    if (
        asked.NEVER_TALKED_OF.match(sentence, end)
        and asked.TOPIC_WORD.match(_to_word_end(sentence, start, end))
        and not asked.POSSESSED.search(sentence, max(0, start - 40), start)
    ):
        return "asked"
    if denied_proposition(sentence, start) and not _PRACTICE.search(
        _noun_phrase(sentence, start, end)
    ):
        return "negated"
    if "would" in sentence[max(0, start - 120) : end].lower() and _NOTHING_WOULD_MEET.search(
        _clause_before(sentence, start, 120) + sentence[start:end]
    ):
        return "negated"
    if "no" in before.lower() and (
        _ABSENCE_NOT_FAULTED.search(before)
        or (_NOT_NEEDED_BEFORE.search(before) and _NOT_NEEDED_AFTER.search(after))
    ):
        return "negated"
    if "load" in sentence[:start].lower() and _CASELOAD.search(sentence, 0, start):
        return "other_family"
    if not cues and asked.ENQUIRY.search(masked) and not asked.UNASKED.search(masked):
        return "asked"
    if not cues and asked.ROUTINE_QUESTIONS.search(_clause_before(sentence, start, 160)):
        return "asked"
    if (
        not cues
        and asked.TOPIC_OF_ENQUIRY.match(sentence, end)
        and asked.TOPIC.search(sentence, start, end)
    ):
        return "asked"
    if asked.DANGER_OF.search(masked):
        return "danger"
    if _OTHER_FAMILY.search(masked) or _EARLIER_OCCUPANTS.search(masked + after):
        return "other_family"
    # the supposition may open the sentence or a clause after a semicolon: "...; had
    # Poppy been born prematurely, she would have been placed on the enhanced pathway"
    opening = sentence.rfind(";", 0, start) + 1
    inverted = _INVERTED.match(sentence[opening:])
    if inverted is not None and end <= opening + inverted.end():
        # as with "if": "had the missed appointments been linked together" is a learning
        # point about practice, kept (its verb may come after the match)
        clause = sentence[opening:start] + " " + sentence[end : opening + inverted.end()]
        if not _ACTION.search(clause) and not _PRACTICE.search(_noun_phrase(sentence, start, end)):
            return "hypothetical"
    conditions = list(_HYPOTHETICAL.finditer(masked))
    if conditions:
        # "if agencies had worked together" is a learning point about practice, kept;
        # "if the father had been violent" supposes a fact about the family.
        between = masked[conditions[-1].end() :]
        if not _ACTION.search(between) and not _PRACTICE.search(_noun_phrase(sentence, start, end)):
            return "hypothetical"
    if is_general(sentence):
        return "general"
    return None


# Shared with the sentence-level stance judgement (caselens.pipeline.stance).
ACTION = _ACTION
PRACTICE = _PRACTICE
