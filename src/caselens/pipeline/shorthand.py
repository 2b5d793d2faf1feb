"""Practitioners' shorthand read as the words it stands for.

Case notes are written fast: "HV", "WNB 12 wk imms", "baby R (4/12)", "booking 11/40",
"3 hospital appts missed". The codebook's patterns are written in the words of reviews,
which spell these out; reading the shorthand as those words lets every pattern apply to
notes without a second, abbreviated copy of each. The table holds the standard shorthand
of health visiting, midwifery and children's social care in England and Wales, not the
wording of any labelled text.

Offsets stay true to what the practitioner wrote: :func:`expand` returns the longer text
with, for each of its characters, the place in the original it came from, so a finding
made on the expanded text quotes and points into the original notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caselens.model import Document

# Case-sensitive: "HV" is a health visitor, "hv" in a word is not.
SHORTHAND: dict[str, str] = {
    "HV": "health visitor",
    "HVs": "health visitors",
    "SW": "social worker",
    "SWs": "social workers",
    "MW": "midwife",
    "CP": "child protection",
    "CPP": "child protection plan",
    "CIN": "child in need",
    "DA": "domestic abuse",
    "DV": "domestic violence",
    "DNA": "did not attend",
    "DNA'd": "did not attend",
    "WNB": "was not brought",
    "imms": "immunisations",
    "Imms": "immunisations",
    "appts": "appointments",
    "appt": "appointment",
    "Appts": "appointments",
    "FTT": "faltering growth",
    "NAI": "non-accidental injury",
    "MGM": "maternal grandmother",
    "MGF": "maternal grandfather",
    "PGM": "paternal grandmother",
    "PGF": "paternal grandfather",
    "CSC": "children's social care",
    "MASH": "multi-agency safeguarding hub",
    "A&E": "emergency department",
    "PPN": "police notification",
    "MH": "mental health",
    "PND": "postnatal depression",
    "SUDI": "sudden unexpected death in infancy",
    "NFA": "no further action",
    "ICPC": "initial child protection conference",
    "RCPC": "review child protection conference",
    "SGO": "special guardianship order",
    "dx": "diagnosed",
    "hx": "history",
    "yrs": "years",
    "wks": "weeks",
    "wk": "week",
    "mths": "months",
    "mth": "month",
    "LD": "learning disability",
    "FOB": "father of the baby",
    "EH": "early help",
    "FSW": "family support worker",
    "TM": "team manager",
    "NBV": "new birth visit",
    "CSA": "child sexual abuse",
    "LAC": "looked after child",
    "CLA": "child looked after",
    "DOB": "date of birth",
    "CMHT": "community mental health team",
    "GM": "grandmother",
    "GF": "grandfather",
    "sib": "sibling",
    "sibs": "siblings",
    "r/v": "review",
    "d/c": "discharged",
    "SSA": "safer sleep advice",
}

_WORDS = re.compile(
    r"(?<![\w&'])("
    + "|".join(sorted(map(re.escape, SHORTHAND), key=len, reverse=True))
    + r")(?![\w&])"
    # "DNA test", "DNA results": the molecule, not a missed appointment
    + r"(?<!DNA(?= (?:test|testing|tests|sample|samples|result|results|evidence|profile)\b))"
)
# "(4/12)", "is 15/12", "18mo": an age in months ("3/12 review" is a review's name, and
# "2/12 ago" a time, so a bare one needs a person before it); "36/40": weeks of pregnancy,
# or "born 34+2/40" a birth's gestation
_MONTHS = re.compile(
    r"\((\d{1,2})/12\)"
    r"|(?:(?<=\bis )|(?<=\baged )|(?<=\bage )|(?<=\bnow ))(\d{1,2})/12\b"
    r"(?! (?:ago|later|earlier|before|after|review|check))"
    r"|\b(\d{1,2}) ?mo\b(?:s\b)?(?=\)| (?:old )?(?:sibling|sister|brother|baby|twin)s?\b)"
)
_GESTATION = re.compile(
    # "ex-30/40": a baby born at 30 weeks, as neonatal notes write it
    r"(?:\b((?:born|delivered|birth|arrived) (?:at )?)|(?<![\w-])(ex-?))?"
    r"([1-4]\d)(?:\+[0-6])?/40\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Expanded:
    """The notes with their shorthand spelt out, and where each character came from."""

    text: str
    origin: tuple[int, ...]  # origin[i]: index in the original of text[i]; one past the end too

    def start(self, i: int) -> int:
        """The original offset where a span starting at ``i`` starts."""
        return self.origin[i]

    def end(self, i: int) -> int:
        """The original offset where a span ending at ``i`` (exclusive) ends."""
        return self.origin[i - 1] + 1 if i > 0 else 0


def _replacement(m: re.Match[str]) -> str:
    if m.re is _MONTHS:
        if m.group(1):
            return f"({m.group(1)} months old)"
        return f"{m.group(2) or m.group(3)} months old"
    if m.re is _GESTATION:  # a birth's gestation, or how far on a pregnancy is
        if m.group(1):
            return f"{m.group(1)}{m.group(3)} weeks' gestation"
        if m.group(2):
            return f"born at {m.group(3)} weeks' gestation"
        return f"{m.group(3)} weeks pregnant"
    return SHORTHAND[m.group(1)]


def expand(text: str) -> Expanded:
    """``text`` with its shorthand spelt out (the original when there is none).

    Each replaced span maps back onto its whole original span, so an expanded word's
    characters all point into the abbreviation it came from."""
    spans = sorted(
        (m for pattern in (_MONTHS, _GESTATION, _WORDS) for m in pattern.finditer(text)),
        key=lambda m: m.start(),
    )
    pieces: list[str] = []
    origin: list[int] = []
    at = 0
    for m in spans:
        if m.start() < at:  # overlaps one already taken
            continue
        pieces.append(text[at : m.start()])
        origin.extend(range(at, m.start()))
        new = _replacement(m)
        pieces.append(new)
        width = m.end() - m.start()
        # spread the new characters over the old span, first to first and last to last
        origin.extend(m.start() + min(width - 1, k * width // len(new)) for k in range(len(new)))
        at = m.end()
    pieces.append(text[at:])
    origin.extend(range(at, len(text)))
    origin.append(len(text))
    return Expanded("".join(pieces), tuple(origin))


def spelt_out(doc: Document) -> tuple[Document, Expanded]:
    """The document as notes are read (its shorthand spelt out, in paragraphs), with the
    map back to what was written; the document itself when it has no shorthand."""
    from caselens.model.normalise import paragraph_blocks

    spelt = expand(doc.text)
    if spelt.text == doc.text:
        return doc, spelt
    return replace(doc, text=spelt.text, blocks=tuple(paragraph_blocks(spelt.text))), spelt
