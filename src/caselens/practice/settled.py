"""Whether a passage of case notes tells of a parent's difficulty as past and settled.

Notes often record a history only to say it is over: "hx anxiety age 15, had
counselling, well since", "used cannabis 14-16, stopped, UDS neg at booking",
"anxiety 2017, resolved; no current MH treatment". A supervisor reading the case
would not name these as the learning about parents' mental health or substance use;
the notes themselves say the concern is not there now. A review is different: it tells
a parent's history because the learning is that it mattered, so this reading is for
notes only (``practice/notes_reading.yaml``, ``settled_history``).

Both must be said, that the matter is in the past and that it has ended, and nothing
that it goes on: "stopped meds when pregnant", "hx alcohol misuse, says abstinent 8/12"
and "well since, but low mood again" stay findings.
"""

from __future__ import annotations

import re

# That it has ended: resolved, well since, none since, abstinent, a screen that is clear.
_ENDED = re.compile(
    r"\b(?:resolved"
    r"|well (?:since|for (?:\d+ |many |some )?(?:years|yrs|months|mths))"
    r"|(?:nil|no) (?:current|ongoing|further) (?:\w+ ){0,2}?"
    r"(?:sx|symptoms|treatment|use|concerns?|input|medication|meds)\b"
    r"|(?:none|nil|no use) since|not used since|no (?:sx|symptoms) (?:now|since)"
    # "stopped," or "stopped using", not "stopped meds" or "stopped engaging"
    r"|stopped(?= ?[,;.]| (?:using|drinking|smoking)\b)"
    r"|abstinent|sober (?:\d+|for|since)|(?:has|had) lifted"
    r"|discharged (?:by|from) (?:the )?(?:\w+ ){0,2}?(?:team|service)"
    r"|in remission|(?:fully )?recovered"
    r"|(?:uds|tox\w*|drug (?:screens?|tests?)|tests?|hair strand) (?:\w+ ){0,2}?"
    r"(?:neg|negative|clear)\b)",
    re.IGNORECASE,
)
# That it is in the past: a history, an age or a year, "used to", "after the birth".
_PAST = re.compile(
    r"\b(?:hx|history|historic(?:al)?|past|previous(?:ly)?|used to|years ago"
    r"|as a (?:teen(?:ager)?|child|student)|in (?:her |his |their )?teens"
    r"|aged? \d{1,2}\b(?!/)|at \d{1,2}\b(?!/)|\d{1,2}-\d{1,2}\b(?!/)|(?:19|20)\d\d"
    r"|after (?:the )?birth)",
    re.IGNORECASE,
)
# That it goes on: a relapse, "again", "still", a misuse or dependence named.
_GOES_ON = re.compile(
    r"\b(?:relaps\w*|again|still|recent(?:ly)?|restarted|back on|misus\w*|dependen\w*"
    r"|addict\w*)\b",
    re.IGNORECASE,
)


def says_settled(passage: str) -> bool:
    """True when ``passage`` puts a difficulty in the past and says it has ended."""
    return (
        _ENDED.search(passage) is not None
        and _PAST.search(passage) is not None
        and _GOES_ON.search(passage) is None
    )
