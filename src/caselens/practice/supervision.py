"""Whether a supervision entry in case notes shows supervision working.

The learning about supervision is its gaps: no challenge, no reflection, a plan carried
over unchanged, a case given ten minutes, the first supervision in months. Notes of a
supervision start with a header ("Supervision 14/08 SW Nadia / TM Gareth.") that says only
that it took place; whether it is the learning lies in the rest of the entry. Where the
entry shows the supervisor challenging, reflecting or asking for more, and names none of
those gaps, the header is the work done, not a gap in it (``practice/notes_reading.yaml``,
``supervision_working``). A sentence that itself names a gap or a concern is never set
aside here (measured: reading only the entry lost a right finding in notes never read).
"""

from __future__ import annotations

import re

# Where an entry ends: a new line, or a full stop before the next entry's date.
_NEXT_ENTRY = re.compile(r"\n\s*\S|(?<=\.)\s+(?=\d{1,2}/\d{1,2}\b)")
_MOST = 1200  # an entry with no end in sight is read this far

# Supervision doing its work.
_WORKING = re.compile(
    r"\b(?:challeng(?:ed|ing)\b(?! (?:recorded|offered|made))|reflective|reflected"
    r"|asked (?:\w+ ){1,2}to|step[- ]?up|escalat\w*|hypothes\w*|curious|curiosity"
    r"|(?:explored|considered) (?:with|how|what|whether))",
    re.IGNORECASE,
)
# A gap in supervision, or a decision the learning questions (closure, a step down).
_GAP = re.compile(
    r"\b(?:no (?:challenge|reflection|analysis|actions?|discussion|hypothes\w*|supervision"
    r"|oversight)|not (?:challenged|discussed|reviewed|raised|brought|reflected|considered"
    r"|explored|recorded)|unchallenged|none recorded|unchanged|identical|carried over"
    r"|same (?:plan|actions|picture)|continue (?:to monitor|as is|plan|CIN|CP)"
    r"|\d+ mins?\b|first (?:supervision|time)|vacancy|cases in|by phone"
    r"|step(?:ped)? down|close[ds]?\b|closure|NFA|reassur\w*|drift|overdue|cancell?ed"
    r"|rushed|workload|caseload|swamped)",
    re.IGNORECASE,
)


def entry_from(text: str, start: int) -> str:
    """The notes entry that begins with the sentence at ``start``."""
    end = _NEXT_ENTRY.search(text, start + 1)
    stop = end.start() if end else len(text)
    return text[start : min(stop, start + _MOST)]


def supervision_working(entry: str) -> bool:
    """True when ``entry`` shows supervision challenging or reflecting and names no gap."""
    return _WORKING.search(entry) is not None and _GAP.search(entry) is None
