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
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from caselens.errors import CaselensError
from caselens.model import Document, Evidence, Fact
from caselens.pipeline.facts_text import FRONT, MONTH, TITLE, Piece, by_weight, evidence, find_all

# A kind of review or agency of one nation outweighs a place; a place outweighs a weak term.
WEIGHTS = {"terms": 4, "places": 3, "weak": 1}
OTHER_NATION = "other"  # places abroad count less than places at home: reviews mention travel


@lru_cache(maxsize=1)
def _place_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, int]], dict[str, int]]:
    """One case-sensitive pattern over every name, longest first, and dated terms.

    Loaded and compiled once per process. Longest first means "Northern Ireland's"
    is read as Northern Ireland and not as the Republic's "Ireland's".
    """
    raw = resources.files("caselens").joinpath("data", "places.yaml").read_text(encoding="utf-8")
    # libyaml's loader, where installed, reads the list some twenty times quicker.
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: Any = yaml.load(raw, Loader=loader)  # a safe loader either way
    if not isinstance(data, dict):
        raise CaselensError(
            "caselens/data/places.yaml: expected a mapping of nations; reinstall caselens"
        )
    names: dict[str, tuple[str, int]] = {}
    dated: dict[str, int] = {}
    for nation, section in data.items():
        for key, weight in WEIGHTS.items():
            if nation == OTHER_NATION and key == "places":
                weight -= 1
            for name in (section or {}).get(key) or ():
                for form in _cased(str(name)) if key != "places" else (str(name),):
                    names.setdefault(form, (str(nation), weight))
        for name, year in ((section or {}).get("dated_terms") or {}).items():
            for form in _cased(str(name)):
                names.setdefault(form, (str(nation), WEIGHTS["weak"]))
                dated[form] = int(year)
    return re.compile(rf"(?<![\w-])(?:{_trie(names)})(?![\w-])"), names, dated


def _cased(name: str) -> tuple[str, ...]:
    """A kind of review or agency as written mid-sentence, at a sentence start or in a title.

    Reviews write "child safeguarding practice review", "Child safeguarding practice
    review published in 2021", "Child Safeguarding Practice Review" and, on a title
    page, "CHILD SAFEGUARDING PRACTICE REVIEW" alike; the list
    need name each term once. Names of one word, mostly acronyms, keep their case.
    """
    if " " not in name:
        return (name,)
    lower = name.lower()
    title = " ".join(w[:1].upper() + w[1:] for w in lower.split(" "))
    # title pages are often set in capitals: "LOCAL CHILD SAFEGUARDING PRACTICE REVIEW"
    forms = (name, lower, lower[:1].upper() + lower[1:], title, name.upper())
    return tuple(dict.fromkeys(forms))


_Trie = dict[str, "_Trie"]
_END = ""  # key of a trie node where a name ends


def _trie(names: Iterable[str]) -> str:
    """A regex matching the same as the names longest first, but built as a trie.

    A plain alternation of some 400 names tries every name at every position and
    takes most of the time of reading the facts; a trie tries one branch per letter.
    Within a node the longer continuations come before the end of a name, so the
    regex still prefers the longest name and backs off to a shorter one only when
    the longer one is not followed by a word boundary.
    """
    root: _Trie = {}
    for name in names:
        node = root
        for char in name:
            node = node.setdefault(char, {})
        node[_END] = {}

    def emit(node: _Trie) -> str:
        branches = [re.escape(char) + emit(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if _END in node else body

    return emit(root)


def extract_nation(
    doc: Document, items: list[Piece], year: int | None = None, title: str | None = None
) -> Fact:
    """The nation with the most weight of distinct names.

    A name on the title page or in the introduction counts double: the chronology
    of a long review mentions places the family passed through. ``title`` is the
    document's own title where the text does not contain it (a web page whose title
    block was left out); it counts like the title page but has no quote to show.
    ``year`` turns dated terms into full terms.
    """
    pattern, names, dated = _place_pattern()
    score: dict[str, int] = {}
    first: dict[str, int] = {}
    pieces_of: dict[str, list[Piece]] = {}
    matched: dict[str, list[str]] = {}
    found: list[tuple[Piece | None, str, int]] = []
    if title and title.strip() and title.strip() not in doc.text:
        found += [(None, m.group(0), -1) for m in pattern.finditer(title)]
    found += [(p, m.group(0), p.start + m.start()) for p, m in find_all(pattern, items)]
    for piece, name, at in found:
        nation, weight = names[name]
        if name in dated and year is not None and year >= dated[name]:
            weight = WEIGHTS["terms"]
        if piece is None or piece.zone in (TITLE, FRONT):
            weight *= 2
        first.setdefault(nation, at)
        if piece is not None and piece not in pieces_of.setdefault(nation, []):
            pieces_of[nation].append(piece)
        if name.lower() not in (x.lower() for x in matched.setdefault(nation, [])):
            matched[nation].append(name)
            score[nation] = score.get(nation, 0) + weight
    if not score:
        return Fact("nation", None)
    best = max(score, key=lambda n: (score[n], -first[n]))
    ev = tuple(evidence(doc, p) for p in pieces_of.get(best, [])[:3])
    note = "named: " + ", ".join(matched[best][:5])
    if not ev:
        note += " (in the document title)"
    others = sorted(n for n in score if n != best)
    if others:
        note += "; also named: " + ", ".join(others)
    return Fact("nation", best, ev, note)


_YEAR = r"(?P<year>(?:19|20)\d\d)"
# An explicit label, as on a title page: "Published: October 2018",
# "Date of publication: 9 March 2022", "Publication date - 2021".
_LABEL = re.compile(
    r"\b(?:published(?:\s+on)?|publication\s+date|date\s+of\s+publication|date\s+published|"
    r"first\s+published)\s*[:\-\u2013]?\s*(?:(?:on|in)\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{MONTH}\s+)?(?:\d{{1,2}},?\s+)?{_YEAR}\b",
    re.IGNORECASE,
)
# A bare date on the title page ("October 2018", "March 2022").
_TITLE_DATE = re.compile(rf"^\W*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH}\s+{_YEAR}\W*$", re.I)
_PUBLISHED = re.compile(
    r"\b(?:published|publication|made\s+public|released)\b"
    rf"[^.;]{{0,60}}?\b{_YEAR}\b",
    re.IGNORECASE,
)
# "completed", "dated", "written" tell of publication only with the review as subject;
# "an assessment was completed in March 2017" is an event of the chronology.
_REVIEW_DONE = re.compile(
    r"\b(?:review|report|overview)\b[^.;]{0,40}?\b(?:was\s+|were\s+)?"
    rf"(?:completed|dated|written|finalised|signed\s+off)\b[^.;]{{0,30}}?\b{_YEAR}\b",
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


def _year_fact(doc: Document, piece: Piece, m: re.Match[str], note: str | None) -> Fact:
    start = piece.start + m.start("year")
    ev = (
        Evidence(doc.text[start : start + 4], start, start + 4, doc.page_at(start)),
        evidence(doc, piece),
    )
    return Fact("published_year", int(m["year"]), ev, note)


def extract_published_year(doc: Document, items: list[Piece]) -> Fact:
    """The year a review was published, when the text says so.

    An explicit label ("Published: October 2018") wins wherever it is; then a bare
    date on the title page; then phrases about publishing, title page and
    introduction first. Years in the chronology are never taken for it.
    """
    for piece, m in find_all(_LABEL, items):
        return _year_fact(doc, piece, m, "labelled publication date")
    for piece in items:
        dated = _TITLE_DATE.match(piece.text) if piece.zone == TITLE else None
        if dated is not None:
            return _year_fact(doc, piece, dated, "date on the title page")
    ordered = by_weight(items)
    for pattern in (_PUBLISHED, _REVIEW_DONE, _YEAR_THEN_PUBLISHED, _REVIEW_YEAR):
        for piece, m in find_all(pattern, ordered):
            between = piece.text[m.start() : m.start("year")]
            if _NOT_PUBLICATION.search(between):
                continue
            return _year_fact(doc, piece, m, None)
    return Fact("published_year", None)
