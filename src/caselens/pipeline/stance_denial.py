"""Whether a sentence denies what it names: the part of a sentence's stance that is denial.

"There was no evidence of domestic abuse", "neither parent was known to misuse drugs",
"... no concerns were identified" deny; "There was no pre-birth assessment", "None of the
professionals noticed ...", "she said she did not drink, although she later admitted it"
do not (a gap in practice, a denial taken back). :func:`caselens.pipeline.stance.judge`
asks :func:`denies` once per sentence.
"""

from __future__ import annotations

import re

from caselens.pipeline.negation import ACTION, PRACTICE
from caselens.pipeline.stance_words import DENIAL, RETRACTED, UNHEEDED, WANT, first_match

# "Neither parent was asked ...", "neither of the older children was spoken to": what
# practitioners did not do is the concern itself, not a denial of one.
_UNSEEN = (
    r"\s+(?:\w+ ){0,4}(?:was|were|had been) (?:ever |directly |properly )?"
    r"(?:seen|spoken to|asked|assessed|involved|invited|included|checked|visited|interviewed"
    r"|engaged|consulted|told|given|offered|referred|considered)\b"
)
# "None of the professionals involved noticed ...": a gap in practice, not a denial.
_PROFESSIONALS = (
    r" (?:the |those |these )?(?:\w+ )?(?:professionals|practitioners|agencies|services|workers"
    r"|staff|organisations|clinicians|health visitors|social workers|midwives|doctors|officers)\b"
)
# A denial opening the sentence: "There was no ...", "Neither parent ...", "No concerns ...".
_DENIAL = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:however|at that time|at this point|at birth),?\s+)?"
    r"(?:there (?:was|were|is|are|had been) (?:no|nothing)\b"
    r"|neither\b(?!" + _UNSEEN + r")|none of\b(?!" + _PROFESSIONALS + r")|no (?:\w+ ){0,3}"
    r"(?:concerns?|evidence|history|indications?|suggestions?|reports?|records?|signs?|"
    r"information|allegations?) (?:of|about|that|were|was|had|suggest\w*|to suggest|indicat\w*)\b"
    r"|at no (?:point|time)\b"
    r"|nothing (?:suggested|indicated|in)\b"
    # "This was not a case in which the move was treated as a new beginning"
    r"|(?:this|it) (?:was|is) not a case (?:in which|where|of)\b"
    # "The review does not suggest that ...": the review setting a reading aside
    r"|(?:the |this )?review (?:does|did|has) not (?:suggest|find|found|conclude|consider|believe"
    r"|accept|identify|identified)\w* (?:that|any)\b)",
    re.IGNORECASE,
)
_DENIAL_LATE = re.compile(
    r"\b(?:(?:was|were) not known to (?:misuse|use|take|drink|have|be)"
    r"|(?:there was|with) no (?:known )?(?:history|evidence|suggestion|indication) of"
    r"|(?:did|does) not (?:misuse|use|drink|smoke|take drugs)\b"
    r"|denied (?:any|using|drinking|taking|that)|had never (?:used|smoked|taken|drunk|been))\b",
    re.IGNORECASE,
)
# A denial that closes what came before: "...; no concerns were identified".
_DENIAL_AFTER = re.compile(
    # the author's own verdict closing the sentence: "... and was not an area of concern"
    r"\b(?:was|were) not (?:an area of|a cause for|a cause of) concern\b|"
    # notes: "Routine enquiry re DA made when seen alone - none disclosed."
    r"\b(?:none|nil|nothing) (?:was |were )?(?:disclosed|reported|identified|noted)\W*$|"
    r"\bno (?:\w+ )?(?:concerns?|disclosures?|issues?|worries) (?:was|were) "
    r"(?:identified|raised|noted|found|made|disclosed|reported|recorded)\b"
    r"|\bthere (?:was|were) no (?:\w+ ){0,2}concerns? (?:at (?:that|the) time|that would)\b",
    re.IGNORECASE,
)


# A screen's answer: "her answers at the new birth visit did not suggest depression".
_SCREENED_CLEAR = re.compile(
    r"\b(?:answers?|screening|screen|scores?|questions?|assessment)\b[^.;]{0,60}\b(?:did|do|does)"
    r" not (?:suggest|indicate|show|reveal) (?:any )?(?:signs? of )?(?:depression|anxiety|low mood"
    r"|mental (?:ill|health))",
    re.IGNORECASE,
)


_REVIEW_DENIES = re.compile(r"\breview (?:does|did|has) not\b", re.IGNORECASE)
_TO_SUGGEST = re.compile(r"\bto (?:suggest|indicate) (?:that|any|an?)\b", re.IGNORECASE)
# "..., and there is nothing in any record, or in what the family has told the review, to
# suggest that ...": a denial late in the sentence, where "to suggest" follows; "there was
# nothing in the records about it" is a gap in recording, no denial.
_NOTHING_IN_RECORDS = re.compile(
    r"\bthere (?:is|was|has been) nothing (?:in|within) (?:any|the|their|her|his)"
    r" (?:\w+ )?records?\b",
    re.IGNORECASE,
)


# "No record of what a day looks like" (not "No concerns about how she manages")
_RECORDED = re.compile(r"record|note|mention|discussion|description|documented", re.IGNORECASE)
# ... nor records silent on a question, the record word after the denial: "There was no
# record of what it was like to be a baby", "None of the records describes what a day was like"
_RECORDS_SILENT = re.compile(
    r"\s*(?:\w+\s+)?(?:records?|notes?|mention|discussion|description|account|assessments?"
    r"|reports?|plans?|chronolog\w+)\s+(?:of|about|(?:\w+\s+)?(?:describ|record|mention|captur"
    r"|consider|explor|set\w* out|show|says?)\w*)\s+(?:what|how|who|whether|why|where)\b",
    re.IGNORECASE,
)
_OF_A_QUESTION = re.compile(r"\s*(?:(?:of|about|re:?) )?(?:what|how|who|whether|why)\b", re.I)


def denies(sentence: str, lowered: str) -> bool:
    """Whether the sentence (``lowered``: the same, lower-cased) denies what it names, so
    nothing in it is evidence that the concern arose."""
    closing = _DENIAL_AFTER.search(sentence)
    if closing is not None and not UNHEEDED.search(sentence, 0, closing.start()):
        return True
    if " not " in lowered and _SCREENED_CLEAR.search(sentence):
        return True
    late = _NOTHING_IN_RECORDS.search(sentence)
    if late is not None and _TO_SUGGEST.search(sentence, late.end(), late.end() + 90):
        return True
    found = (
        _DENIAL.search(sentence)
        or _DENIAL_LATE.search(sentence)
        or first_match(sentence, lowered, DENIAL)
    )
    if found is None or RETRACTED.search(sentence, found.end()):
        return False
    # "There is nothing in the records of any agency to suggest that ..." denies what
    # follows, whatever records it names
    if _TO_SUGGEST.search(sentence, found.end(), found.end() + 90):
        return True
    # "The review has not found that supervision was a factor": the review's own verdict
    # denies whatever follows, a piece of practice too
    if _REVIEW_DENIES.search(found.group()):
        return True
    # "There was no pre-birth assessment" names a gap in practice: that is a concern; so
    # does "No record of what a day looks like for Jaxon" (no fact is denied by it).
    following = sentence[found.end() : found.end() + 50]
    return not (
        PRACTICE.search(following)
        # "There was no cot at the friend's flat", "no food in the house": a want in the
        # baby's care, a concern, not a concern denied
        or WANT.match(following)
        or ACTION.match(following.lstrip())
        or (_RECORDED.search(found.group()) and _OF_A_QUESTION.match(following))
        or _RECORDS_SILENT.match(following)
    )
