"""Which nation a review comes from, and the year it was published.

The nation is read from kinds of review, agencies and places, all listed as data
in ``caselens/data/places.yaml``: each nation collects votes (a kind of review or
an agency counts more than a place name, each distinct name once), and the
strongest wins. A text that
names nothing stays unknown. The publication year is taken only from phrases
about publishing or reporting, so the year of the incident is never mistaken for it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from caselens.errors import CaselensError
from caselens.model import Document, Evidence, Fact
from caselens.pipeline.facts_text import Piece, evidence, find_all

# A kind of review or agency of one nation outweighs a place; a place outweighs a weak term.
WEIGHTS = {"terms": 4, "places": 3, "weak": 1}
OTHER_NATION = "other"  # places abroad count less than places at home: reviews mention travel


@lru_cache(maxsize=1)
def _place_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    """One case-sensitive alternation over every name, longest first.

    Longest first means "Northern Ireland's" is read as Northern Ireland and not
    as the Republic's "Ireland's".
    """
    raw = resources.files("caselens").joinpath("data", "places.yaml").read_text(encoding="utf-8")
    data: Any = yaml.safe_load(raw)
    if not isinstance(data, dict):
        raise CaselensError(
            "caselens/data/places.yaml: expected a mapping of nations; reinstall caselens"
        )
    names: dict[str, tuple[str, int]] = {}
    for nation, section in data.items():
        for key, weight in WEIGHTS.items():
            if nation == OTHER_NATION and key == "places":
                weight -= 1
            for name in (section or {}).get(key) or ():
                names.setdefault(str(name), (str(nation), weight))
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), names


def extract_nation(doc: Document, items: list[Piece]) -> Fact:
    pattern, names = _place_pattern()
    score: dict[str, int] = {}
    first: dict[str, int] = {}
    pieces_of: dict[str, list[Piece]] = {}
    matched: dict[str, list[str]] = {}
    for piece, m in find_all(pattern, items):
        nation, weight = names[m.group(0)]
        first.setdefault(nation, piece.start + m.start())
        if piece not in pieces_of.setdefault(nation, []):
            pieces_of[nation].append(piece)
        if m.group(0).lower() not in (x.lower() for x in matched.setdefault(nation, [])):
            matched[nation].append(m.group(0))
            score[nation] = score.get(nation, 0) + weight
    if not score:
        return Fact("nation", None)
    best = max(score, key=lambda n: (score[n], -first[n]))
    ev = tuple(evidence(doc, p) for p in pieces_of[best][:3])
    note = "named: " + ", ".join(matched[best][:5])
    others = sorted(n for n in score if n != best)
    if others:
        note += "; also named: " + ", ".join(others)
    return Fact("nation", best, ev, note)


_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PUBLISHED = re.compile(
    r"\b(?:published|publication|made\s+public|released|reported|completed|dated|written)\b"
    rf"[^.;]{{0,60}}?\b{_YEAR}\b",
    re.IGNORECASE,
)
_YEAR_THEN_PUBLISHED = re.compile(
    rf"\b(?:[Ii]n|[Oo]n)\s+(?:\d{{1,2}}\s+)?(?:[A-Z][a-z]+\s+)?{_YEAR}\b,?\s+(?:the\s+)?[^.;]{{0,60}}?"
    r"\b(?:published|released)\b"
)
_REVIEW_YEAR = re.compile(rf"\b(?:review|report)\s*\({_YEAR}\)", re.IGNORECASE)
_NOT_PUBLICATION = re.compile(
    r"\b(?:death|died|incident|injur\w*|born|birth|convicted|sentenced|jailed|inquest|"
    r"investigation|arrested)\b[^.;]{0,20}$",
    re.IGNORECASE,
)


def extract_published_year(doc: Document, items: list[Piece]) -> Fact:
    """The year a review was published, when the text says so."""
    for pattern in (_PUBLISHED, _YEAR_THEN_PUBLISHED, _REVIEW_YEAR):
        for piece, m in find_all(pattern, items):
            between = piece.text[m.start() : m.start("year")]
            if _NOT_PUBLICATION.search(between):
                continue
            start = piece.start + m.start("year")
            ev = (
                Evidence(doc.text[start : start + 4], start, start + 4, doc.page_at(start)),
                evidence(doc, piece),
            )
            return Fact("published_year", int(m["year"]), ev)
    return Fact("published_year", None)
