"""What a review says of itself and of other cases, not of this one.

Summaries and full reviews alike tell the review's own work ("the lead reviewer met the
mother"), its purpose and publication notes, what it looked at and the keywords it is
filed under, the questions it set itself, other reviews and other babies beside this
one, and passages it says are outside its scope. None of these is a finding about this
case; :func:`caselens.pipeline.stance.judge` asks here first.
"""

from __future__ import annotations

import re

# A review saying outright that a passage is not about this case.
# The review's own work, not the case: "3.2 The lead reviewer met Lewis at his aunt's home".
_REVIEW_PROCESS = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:the |an? )?(?:lead |independent |two )?(?:reviewers?"
    r"|review(?:ing)? (?:team|panel|group)|authors?|panel members?)\s+"
    r"(?:(?:also|then|later|first) )?(?:met|spoke|visited|talked|interviewed|held|asked|wrote"
    r"|contacted|invited)\b",
    re.IGNORECASE,
)
# The review's statutory purpose and its publication notes, which summaries keep with no
# heading to put them in a section: "the review was to establish whether there were
# lessons about how local professionals and organisations work together to safeguard
# children" (Working Together's words), "... which has changed the children's names ...
# and removed details of services that could identify the family".
_REVIEW_ABOUT_ITSELF = re.compile(
    r"\blessons?\b[^.;]{0,40}\babout (?:the way (?:in which )?|how )(?:local )?professionals"
    r"(?: and (?:organisations|agencies))?\b[^.;]{0,40}\bwork(?:ed)? (?:individually and )?"
    r"together\b"
    r"|\bto protect the (?:identity|identities|privacy|anonymity) of (?:the )?(?:child|children"
    r"|family|families|baby|babies|siblings)\b"
    r"|\b(?:has|have) (?:been )?(?:changed|anonymi[sz]ed|altered) the (?:children|child|family"
    r"|baby|siblings)(?:'s|\u2019s|s'|s\u2019)? names\b"
    r"|\b(?:their|the children's|the child's|the family's) names (?:have|had) been (?:changed"
    r"|anonymi[sz]ed|altered)\b",
    re.IGNORECASE,
)
# What the review looked at, with nothing yet found: "The report also looked at the
# pre-birth assessment, at the information given to the parents ..."; the keywords a
# repository files it under ("The keywords attached to the review were substance misuse,
# pre-birth risk assessments and unknown men"). A finding word keeps it a finding ("looked
# at how information was shared and found that it was not").
_REVIEW_SCOPE = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:the |this )?(?:review|report|reviewers?|panel|authors?)\s+"
    r"(?:(?:also|then|first|next|further) )?looked at\b"
    r"(?![^.;]*(?:\b(?:found|finds|identified|showed|shows|highlighted|concluded|criticis\w*"
    r"|criticiz\w*|not|never|lack\w*|fail\w*|poor\w*|weak\w*|missed"
    r"|should|insufficient\w*|inadequate\w*|delay\w*|late)\b|n't\b))"
    r"|^\W*(?:the )?key ?words\b[^.;]{0,40}\b(?:review|report)\b",
    re.IGNORECASE,
)
# The review's word on its own fairness, set in its method: "The reviewer has tried to avoid
# hindsight bias: the practitioners did not know what we now know", "rather than judging
# their actions with the benefit of hindsight". A finding seen in hindsight is no method
# ("a bruise which, with hindsight, was an early sign"), and nor is a sentence that goes
# on to find ("... but the review found that the bruise should have been referred").
_HINDSIGHT = re.compile(
    r"(?:\bhindsight bias\b"
    r"|\b(?:rather than|not|avoid\w*|without|guard\w* against)\b[^.;:]{0,60}\b(?:with|in|by)"
    r" (?:the (?:benefit|clarity|wisdom) of )?hindsight\b"
    r"|\bnot with the (?:clarity|benefit|wisdom) (?:that|of) hindsight\b)"
    r"(?![^.]*\b(?:found|finds|should|failed|missed|but|however|nonetheless|nevertheless)\b)",
    re.IGNORECASE,
)
# A question the review set itself, answered (if at all) in what follows: "The review
# considered whether practitioners had treated the move as a fresh start." Only that
# wording of method: "the review asked whether professionals had been too ready to
# believe the mother" is how reporting puts a finding (ry, rz).
_REVIEW_ASKS = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:the |this )?(?:review|reviewers?|panel|authors?)\s+"
    r"(?:(?:also|then|first|next|therefore) )?(?:(?:has|have) )?considered whether\b"
    # a term of reference put as a question: "h) whether there was any evidence that ..."
    # (a list item; "Whether she understood the risk was never explored" is a finding)
    r"|^\W*(?:[a-z]\)|\(?[ivx]{1,4}\)|\d{1,2}\)|[-\u2022*])\s*whether\b",
    re.IGNORECASE,
)
# Another case told beside this one, as news reports and thematic briefings do: "Another
# review in the same batch criticised ...", "Other incidents in the report included ...",
# "In the meantime another baby in the same area died". A later baby of this family
# ("another baby was born a year later") is not another case.
_ANOTHER_CASE = re.compile(
    r"^\W*(?:(?:in the meantime|meanwhile|separately|elsewhere|similarly),?\s+)?"
    r"(?:(?:another|a second|a separate|a further|a similar) (?:serious case |safeguarding "
    r"|child safeguarding practice |practice |local )?(?:reviews?|cases?|reports?|inquir(?:y|ies))"
    r"|other (?:incidents|cases|reviews|deaths|reports) (?:in|included|described|involved)"
    # a thematic review's other families: "In the other two cases in this review, ..."
    r"|in (?:the|both) (?:other|remaining) (?:two |three |four |\d+ )?(?:cases|reviews|families"
    r"|deaths|babies)"
    # "The Board's earlier review concerning Child R, a baby who died in 2016 ..."
    r"|(?:the |an? )?(?:[\w'\u2019]+(?:'s|\u2019s) )?(?:earlier|previous|prior) (?:serious case "
    r"|child (?:safeguarding )?practice |practice |local |rapid )?reviews? (?:concerning|of|into"
    r"|about|for|in respect of)"
    # "Two serious case reviews published in an East Midlands county in 2009 found ..."
    r"|(?:two|three|several|both) (?:serious case |safeguarding |child safeguarding practice "
    r"|practice |local )?reviews (?:published|carried out|commissioned|in)\b"
    r"|(?:another|a second) (?:baby|infant|child|toddler|family|girl|boy)\b[^.]{0,60}"
    r"\b(?:in the same|elsewhere|in (?:a|another) (?:different|neighbouring))"
    r")\b",
    re.IGNORECASE,
)
# The same told mid-sentence; searched only where "same" occurs (the search is per sentence).
_SAME_BATCH = re.compile(
    r"\bin the same (?:batch|series) of (?:reviews|reports)\b|\banother review in the same\b",
    re.IGNORECASE,
)
_NOT_THIS_CASE = re.compile(
    r"\b(?:separately from|(?:do|does|did) not (?:arise|come) from|not (?:arising|drawn) from"
    r"|unrelated to|independent(?:ly)? of) (?:this|the) (?:case|review's findings)\b"
    # "... was traced to a neighbouring flat and had no connection with Kai's family"
    r"|\b(?:had|has|with|bore) no (?:connection|link) (?:with|to) "
    r"(?:this|the|[A-Z]\w+(?:'s|\u2019s)) (?:family|household|case)\b"
    # the review's own scope: "is not considered further in this review"
    r"|\bnot (?:considered|examined|explored|discussed) further in this review\b"
    r"|\boutside the scope of this review\b",
    re.IGNORECASE,
)


def not_this_case(text: str) -> re.Match[str] | None:
    """Words saying the passage is not about this case ("outside the scope of this review")."""
    return _NOT_THIS_CASE.search(text)


def another_case(text: str, lowered: str) -> re.Match[str] | None:
    """Words telling of another case beside this one ("Another review in the same batch")."""
    found = _ANOTHER_CASE.match(text)
    if found is None and "same" in lowered:
        found = _SAME_BATCH.search(text)
    return found


def review_itself(text: str) -> re.Match[str] | None:
    """Words telling the review's own work, purpose, scope or keywords."""
    return (
        _REVIEW_PROCESS.match(text)
        or _REVIEW_ABOUT_ITSELF.search(text)
        or _REVIEW_SCOPE.match(text)
        or _HINDSIGHT.search(text)
    )


def review_asks(text: str) -> re.Match[str] | None:
    """A question the review set itself, or a term of reference put as one."""
    return _REVIEW_ASKS.match(text)
