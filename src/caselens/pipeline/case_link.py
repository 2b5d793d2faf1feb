"""Does a sentence speak of this case, or of every case like it?

A review's recommendations and statements of purpose ("all practitioners should always ask
about sleep") name the same matters as its findings about the family. Such a sentence is a
finding only where something ties it to this case: the child's name, "this family", what
should have happened. Negation, the stance of a sentence and the facts all ask this.
"""

from __future__ import annotations

import functools
import re

# A general recommendation: a generic subject with a present-tense obligation, an
# instruction ("Ensure that ..."), or a statement of a review's purpose.
_GENERAL = re.compile(
    # "every practitioner should ...", but not "not seen by any professional" (none was),
    # nor a case "closed to all services" or "known to all agencies" (this family's)
    r"\b(?:(?<!\bclosed to )(?<!\bknown to )(?<!\bdischarged from )all|every"
    r"|(?<!\bby )(?<!\bto )(?<!\bfrom )(?<!\bwith )(?<!\bof )any)\s+(?:[\w-]+\s+)?"
    r"(?:practitioners?|professionals?|agencies|staff|services"
    r"|workers?)\b"
    r"|\bremind(?:s|ed|ing)? (?:all )?"
    r"(?:agencies|practitioners|professionals|partners|staff|services)\b"
    r"|\b(?:wider|national|regional|region-wide|county-wide|local) campaign\b"
    r"|\b(?:should|must|need to|needs to|ought to)\s+"
    r"(?:always|routinely|consistently|ensure|be (?:aware|reminded|alert))\b"
    r"|\b(?:it is (?:important|essential|vital|crucial)|nationally"
    r"|research (?:shows|suggests|indicates))\b"
    r"|^\W*(?:\d+(?:\.\d+)*[.)]?\s+)?(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}"
    r"(?:partnership|board|agencies|services|service|practitioners|professionals|commissioners"
    r"|organisations|partners|settings|providers)\s+(?:should|must|need to|will)\s+(?!have\b)"
    r"|^\W*(?:\d+(?:\.\d+)*[.)]?\s+)?(?:ensure|ask|consider|develop|promote|establish"
    r"|strengthen|remind|update|audit|re-?launch|introduce|embed|raise awareness)\b"
    r"|\b(?:its|the|this review.s|the review.s) (?:purpose|aim)s? (?:is|was|are|were) to\b"
    r"|\b(?:recommend(?:s|ed)?|calls? on|urged?) (?:that )?(?:all |local |the )?(?:\w+ ){0,3}"
    r"(?:practitioners|professionals|agencies|services|staff|partners|nurses|visitors|midwives|gps"
    r"|forces|schools|settings|providers|officers|teams)\b",
    re.IGNORECASE,
)

# What names this case in a recommendation: "the baby" there means any baby, so only the
# child's name, "this family" or what should have happened ties it to the case.
_NAMES_CASE = re.compile(
    r"\b(?:(?i:in this (?:case|family|review)|this (?:family|baby|infant|child|case|mother"
    r"|father|couple)|(?:should|could|would|might) have)|(?i:child|baby|infant) [A-Z]\w*)\b"
)
# What ties any other sentence to this case, so a recommendation in it is a learning
# point: the case named, or its people spoken of as "the baby", "the mother".
_CASE_LINK = re.compile(
    _NAMES_CASE.pattern
    + r"|\b(?i:the (?:baby|infant|mother|father|parents?|family|couple|boy|girl))\b"
)


def names_this_case(sentence: str) -> bool:
    """True when a recommendation speaks of this case, not of every case like it."""
    return bool(_NAMES_CASE.search(sentence))


def has_case_link(sentence: str) -> bool:
    """True when the sentence names this case, its family or what should have happened."""
    return bool(_CASE_LINK.search(sentence))


# "any practitioner" after a past denial is none of them: "... was not something any
# practitioner thought to explore" tells what happened, it recommends nothing.
_NONE_DID = re.compile(
    r"\b(?:was|were|had|did|has|have)(?:\s+not|n't)\b[^.;]*$|\bnever\b[^.;]*$", re.IGNORECASE
)


# Kept per sentence: every pattern match in a sentence asks the same question of it.
@functools.lru_cache(maxsize=4096)
def is_general(sentence: str) -> bool:
    """True when the sentence is a recommendation for everyone, not about this case."""
    if _CASE_LINK.search(sentence):
        return False
    return any(
        not (m.group().lower().startswith("any") and _NONE_DID.search(sentence, 0, m.start()))
        for m in _GENERAL.finditer(sentence)
    )
