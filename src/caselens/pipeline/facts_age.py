"""The age of the child at the centre of a review, in months, read from the text.

Reviews state ages in many ways ("7-week-old", "aged two and a half", "a baby of
10 weeks", "born in October 2003 ... died in November 2003"), and they also give
the ages of parents, siblings and of the child at earlier events. We take the
first sentence that states a child's age (reviews name their subject early), and
within it the youngest child, because a review of siblings is about the youngest
harmed child. Ages of adults and of siblings are skipped by the noun they go with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from caselens.model import Document, Fact
from caselens.pipeline.facts_text import (
    MONTH,
    MONTHS,
    NUMBER,
    Piece,
    by_weight,
    evidence,
    number_value,
)

_ADULT = (
    r"mother|father|mum|dad|parents?|man|woman|men|women|partner|boyfriend|girlfriend|husband|"
    r"wife|step-?father|step-?mother|uncle|aunt|grand(?:mother|father|parent)s?|carer|"
    r"babysitter|lodger|adult|perpetrator|offender|student|teenager|adolescent|youth|"
    r"guardian|neighbour|friend|cousin"
)
_SIBLING = (
    r"brothers?|sisters?|siblings?|half-?(?:siblings?|brothers?|sisters?)|"
    r"step-?(?:brothers?|sisters?|siblings?)|twin\s+(?:brother|sister)|"
    r"(?:older|elder|eldest|oldest|other|big)\s+(?:children|kids|ones|boys|girls|sons|daughters|"
    r"son|daughter|boy|girl|child)"
)
_UNIT = r"(?P<{u}>day|week|month|year)s?"
_Q = r"(?:(?:about|around|approximately|almost|nearly|just|only|some)\s+)?"


def _dur(suffix: str = "") -> str:
    """A duration such as "one year and 17 days" or "six or seven months"."""
    return (
        rf"(?P<n1{suffix}>{NUMBER})(?:\s+(?:or|to)\s+(?P<n2{suffix}>{NUMBER})|-(?P<n2b{suffix}>\d+))?"
        rf"(?P<half{suffix}>[\s-]+and[\s-]+a[\s-]+half)?[\s-]+"
        + _UNIT.format(u=f"u1{suffix}")
        + rf"(?:,?\s+(?:and\s+)?(?P<n3{suffix}>{NUMBER})[\s-]+"
        + _UNIT.format(u=f"u2{suffix}")
        + ")?"
    )


# "7-week-old", "three days old", "at about one month old", "one year and 17 days old"
_OLD = re.compile(rf"\b{_Q}{_dur()}[\s-]old\b", re.IGNORECASE)
# "aged 18 months", "aged one year and 17 days", "aged six or seven months"
_AGED = re.compile(rf"\baged\s+{_Q}{_dur()}", re.IGNORECASE)
# "three children aged six, four and ten months": a list whose unit is written once, at
# its end; the earlier numbers are years (as "aged six" alone is), the last takes the unit
# (two items, "aged two and ten months", are one child's years and months: not a list)
_AGED_LIST = re.compile(
    rf"\baged\s+{_Q}(?P<listed>{NUMBER}(?:\s*,\s*{NUMBER})+),?\s+and\s+{_dur()}",
    re.IGNORECASE,
)
# "aged two", "aged two and a half" (years implied)
_AGED_YEARS = re.compile(
    rf"\baged\s+{_Q}(?P<n1>{NUMBER})(?P<half>\s+and\s+a\s+half)?\b(?![\s-]+(?:or\s+\S+\s+)?(?:day|week|month|year))",
    re.IGNORECASE,
)
# "at the age of 14 months", "at the age of two"
_AGE_OF = re.compile(
    rf"\b(?:at|of)\s+the\s+age\s+of\s+{_Q}(?:{_dur()}|(?P<n1y>{NUMBER})\b(?![\s-]+(?:day|week|month|year)))",
    re.IGNORECASE,
)
# "a baby of 10 weeks", "14 weeks of age"
_BABY_OF = re.compile(
    rf"\b(?:baby|infant|boy|girl|child|son|daughter)\s+of\s+{_Q}{_dur()}", re.IGNORECASE
)
_OF_AGE = re.compile(rf"\b{_Q}{_dur()}\s+of\s+age\b", re.IGNORECASE)
# "died at five weeks", "was injured at about 4 months" (an event, so not a gestation)
# "the death of a girl, here called Child C, at 13 months" (the child's name between)
_EVENT_AT = re.compile(
    r"\b(?:(?:died|killed|injured|harmed|hurt|shaken|collapsed|hospitali[sz]ed)\s+(?:\w+\s+){0,3}?"
    r"|(?:death|killing|injury|injuries)\s+of\s+(?:a|the|her|his)\s+(?:baby\s+)?"
    r"(?:boy|girl|baby|child|toddler|infant|son|daughter)(?:,[^,.;]{1,40},)?\s+)"
    rf"at\s+{_Q}{_dur()}\b(?![\s-]+(?:of\s+)?(?:gestation|pregnan))",
    re.IGNORECASE,
)
# "who was two and a half when she was admitted", "he was 2 at the time" (years implied)
_WAS_WHEN = re.compile(
    rf"\b(?:who|he|she)\s+was\s+{_Q}(?P<n1>{NUMBER})(?P<half>\s+and\s+a\s+half)?"
    r"(?=,?\s+(?:when|at\s+the\s+time)\b)",
    re.IGNORECASE,
)
# "a boy of two and a half, who died": years implied, only where the number ends the phrase
# (so "a child of two parents" is not an age)
_CHILD_OF_YEARS = re.compile(
    rf"\b(?:boy|girl|child|toddler|son|daughter)\s+of\s+{_Q}(?P<n1>{NUMBER})"
    r"(?P<half>\s+and\s+a\s+half)?(?=\s*(?:[,;:)]|\.\s|\.$|(?:who|when|at\s+the\s+time)\b))",
    re.IGNORECASE,
)
# a name with the age in brackets, as a title or a list gives it: "Harley (22 months)"
_NAMED_AGE = re.compile(
    rf"(?-i:\b[A-Z][a-z]+)\s+\(\s*{_Q}{_dur()}(?:[\s-]+old)?\s*\)", re.IGNORECASE
)

_NOUN_AFTER = re.compile(rf"^\s*(?:[a-z]+\s+)?(?P<noun>{_ADULT}|{_SIBLING})\b", re.IGNORECASE)
_OWNER_BEFORE = re.compile(
    # the person may be named between: "his sister Jade, aged nine", "brother Kai (6 years)"
    rf"\b(?P<noun>{_ADULT}|{_SIBLING})(?:'s)?(?:\s+(?-i:[A-Z][a-z]+))?\s*[,(\u2013\u2014-]?\s*"
    r"(?:(?:who|then|was|were|is|are|being|both|all)\s+)*$",
    re.IGNORECASE,
)
_BOUND_BEFORE = re.compile(
    r"\b(?:less\s+than|under|younger\s+than|not\s+yet|below|over|more\s+than|older\s+than)\s+$",
    re.IGNORECASE,
)
_EVENT_NOUN = re.compile(r"(?:death|killing|injury|injuries)\b", re.IGNORECASE)
_HISTORY_BEFORE = re.compile(r"\b(?:since|from|until|by)\s+(?:the\s+)?$", re.IGNORECASE)
# "had her first child when she was 15": a parent's age at becoming a parent
_PARENT_HOOD = re.compile(
    r"\b(?:pregnan\w*|gave\s+birth|became\s+a\s+(?:mother|father|parent)|had\s+(?:her|his)\s+first)\b"
    r"[^.;]{0,60}\bwhen\s+(?:she|he)\s+was\s+$",
    re.IGNORECASE,
)

_DAY = r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+)?"
_BORN = re.compile(
    rf"\bborn\b[^.;]{{0,80}}?\b(?:in|on)\s+(?:(?:early|late|mid-?|the\s+end\s+of)\s*)?"
    rf"{_DAY}(?P<month>{MONTH})\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_OTHER_CHILD_BORN = re.compile(
    rf"\b(?:(?:first|eldest|older|elder|previous|other|oldest)\s+(?:son|daughter|child|baby)|{_SIBLING})"
    r"\b[^.;]{0,30}born$",
    re.IGNORECASE,
)
_EVENT_WORDS = (
    r"died|death|dead|killed|drowned|injur\w*|shaken|admitted\s+to\s+(?:[\w']+\s+){0,2}hospital|"
    r"(?:taken|took|brought|rushed|conveyed)\s+(?:\w+\s+){0,2}to\s+(?:\w+\s+)?(?:hospital|"
    r"(?:the\s+)?emergency\s+department|A\s*&\s*E)|found\s+unresponsive|collapsed"
)
# the age first, then the incident in the same clause: "At six months Kai was admitted to
# hospital with a spiral fracture", "one of twin boys, who at four months was found to have
# a subdural haemorrhage" (not a gestation: "born at 31 weeks")
_AT_THEN_EVENT = re.compile(
    rf"(?<!born\s)\bat\s+{_Q}{_dur()}(?![\s-]+(?:of\s+)?(?:gestation|pregnan))(?:[\s-]+old)?,?\s+"
    r"(?:(?:he|she|they|the\s+(?:baby|child|boy|girl|infant|twins?)|(?-i:[A-Z][a-z]+)|"
    r"(?:baby|child)\s+(?-i:[A-Z]\w*))\s+)?(?:was\s+|were\s+|had\s+been\s+)?"
    rf"(?:(?:{_EVENT_WORDS})\b|found\s+to\s+have\b|(?:suffered|sustained)\s+(?:a\s+|an\s+)?"
    r"(?:\w+\s+){0,2}?(?:injur\w*|fractur\w*|bleed\w*|haemorrhag\w*|burns?|scalds?)\b)",
    re.IGNORECASE,
)
# a list's child with the sex before the age: "Baby 4 (boy, 14 months)"
_SEX_AGE = re.compile(
    rf"\(\s*(?:boy|girl|male|female),\s*{_Q}{_dur()}(?:[\s-]+old)?\s*\)", re.IGNORECASE
)
_FORMS = (
    _OLD,
    _AGED_LIST,
    _AGED,
    _AGED_YEARS,
    _AGE_OF,
    _BABY_OF,
    _OF_AGE,
    _EVENT_AT,
    _WAS_WHEN,
    _CHILD_OF_YEARS,
    _NAMED_AGE,
    _AT_THEN_EVENT,
    _SEX_AGE,
)
# "died in November 2003", "was found unresponsive on 2 April 2020"; the gap never
# crosses "born", so "the death of a girl born on 14 January" is no date of death.
_EVENT = re.compile(
    rf"\b(?:{_EVENT_WORDS})\b(?:(?!\bborn\b)[^.;]){{0,80}}?"
    rf"(?:(?:early|late|mid-?|the\s+end\s+of)\s*)?"
    rf"{_DAY}(?P<month>{MONTH})\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# "onto a plan in July 2012, before she was born": the birth came after that date
_BEFORE_BORN = re.compile(
    rf"\b(?:in|on)\s+{_DAY}(?P<month>{MONTH})\s+(?P<year>(?:19|20)\d\d)\b[^.;\d]{{0,60}}?"
    r"\bbefore\s+(?:she|he|the\s+(?:baby|child|infant)|[A-Z]\w+)\s+was\s+born\b",
    re.IGNORECASE,
)
# "On 6 April 2020 her father brought her to the emergency department"
_DATE_THEN_EVENT = re.compile(
    rf"\b(?:on|in)\s+{_DAY}(?P<month>{MONTH})\s+(?P<year>(?:19|20)\d\d)\b"
    rf"(?:(?!\bborn\b)[^.;]){{0,80}}?\b(?:{_EVENT_WORDS})\b",
    re.IGNORECASE,
)
# A few babies, each a case: "the deaths of two babies who died while co-sleeping" (also
# what makes a text about particular children, facts.document_type)
FEW_BABIES = (
    r"\b(?:two|three|four|five|six|both|twin)\s+(?:young\s+|new-?born\s+)?(?:babies|infants)\b"
)
_INFANT = re.compile(
    r"\b(?:an?|the|her|his|their|this|our)\s+(?:(?:new-?born|young|premature|little|infant)\s+)?"
    r"(?:baby|infant|new-?born|toddler)\b(?!\s+(?:unit|units|bath|clinic|monitor|group|seat|walker|"
    r"milk|formula|massage|equipment|death|mortality))"
    r"|\bbaby\s+(?:boy|girl|son|daughter)\b|\bBaby\s+[A-Z]\b|\bnew-?born\s+(?:boy|girl|son|daughter)\b"
    r"|\b(?:a\s+few|several|some)\s+(?:days|weeks)\s+old\b"
    r"|"
    + FEW_BABIES
    # a thematic review's babies, counted: "notified of the deaths of 40 babies"
    + r"|\b(?:deaths?|injur(?:y|ies)|harm)\s+of\s+(?:\d+|[a-z]+ty(?:-[a-z]+)?|[a-z]+teen)\s+"
    r"(?:young\s+)?(?:babies|infants)\b"
    # "chronic neglect during the first 17 months of her life"
    r"|\b(?:first|initial)\s+(?:\w+\s+){1,2}(?:days|weeks|months)\s+of\s+(?:her|his|their)\s+"
    r"(?:short\s+)?li(?:fe|ves)\b",
    re.IGNORECASE,
)
_NEWBORN = re.compile(r"\b(?:a|the)\s+new-?born\s+(?:baby|boy|girl|son|daughter)\b", re.IGNORECASE)
_ADULT_MONTHS = 18 * 12  # ages of 18 or over are adults, never the child of a review


@dataclass(frozen=True, slots=True)
class _Age:
    months: float
    piece: Piece
    bound: bool  # "less than three months old": the child is young, the age unknown


def _unit_months(n: float, unit: str) -> float:
    unit = unit.lower()
    if unit == "day":
        return n / 30.44
    if unit == "week":
        return n * 12 / 52
    if unit == "month":
        return n
    return n * 12


def _value(m: re.Match[str]) -> float | None:
    groups = m.groupdict()
    n1 = groups.get("n1") or groups.get("n1y")
    if n1 is None:
        return None
    unit = groups.get("u1") or "year"
    n = number_value(n1)
    second = groups.get("n2") or groups.get("n2b")
    if second:
        n = (n + number_value(second)) / 2
    if groups.get("half"):
        n += 0.5
    months = _unit_months(n, unit)
    if groups.get("n3") and groups.get("u2"):
        months += _unit_months(number_value(groups["n3"]), groups["u2"])
    if groups.get("listed"):
        # the youngest of the children listed, the earlier ones in years
        listed = re.split(r"\s*,\s*", groups["listed"])
        months = min([months, *(number_value(n) * 12 for n in listed)])
    return months


# another child of the household, told as one more: "M's family, which also included a
# five-year-old, moved house regularly"
_ANOTHER_BEFORE = re.compile(
    r"\b(?:also\s+(?:included|includes|including|had|has|lived\s+with)|as\s+well\s+as|"
    r"alongside|besides)\s+(?:a|an)\s+$",
    re.IGNORECASE,
)


def _belongs_to_other(piece: Piece, m: re.Match[str]) -> bool:
    """The age is an adult's or a sibling's, by the noun it qualifies or follows."""
    after = piece.text[m.end() : m.end() + 40]
    if m.group(0).lower().endswith("old") and _NOUN_AFTER.match(after):
        return True
    before = piece.text[max(0, m.start() - 40) : m.start()]
    return bool(_OWNER_BEFORE.search(before) or _ANOTHER_BEFORE.search(before))


def _candidates(piece: Piece) -> list[_Age]:
    found: list[_Age] = []
    seen: list[tuple[int, int]] = []
    for form in _FORMS:
        for m in form.finditer(piece.text):
            if any(s <= m.start() < e or m.start() <= s < m.end() for s, e in seen):
                continue
            seen.append((m.start(), m.end()))
            value = _value(m)
            if value is None or value >= _ADULT_MONTHS:
                continue
            before = piece.text[max(0, m.start() - 20) : m.start()]
            if (
                # "from 13 months" is a history; "prompted by the death of ..." is not
                (_HISTORY_BEFORE.search(before) and not _EVENT_NOUN.match(m.group(0)))
                or _PARENT_HOOD.search(piece.text[max(0, m.start() - 160) : m.start()])
                or _belongs_to_other(piece, m)
            ):
                continue
            found.append(_Age(value, piece, bool(_BOUND_BEFORE.search(before))))
    return found


def _from_dates(items: list[Piece]) -> tuple[float, list[Piece]] | None:
    """Age from "born in October 2003" and a later "died in November 2003"."""
    births = [(p, m) for p in items for m in _BORN.finditer(p.text)]
    if not births:
        return None
    births = [
        (p, m) for p, m in births if not _OTHER_CHILD_BORN.search(p.text[: m.start() + 4][-50:])
    ]
    if not births:
        return None
    bpiece, bm = births[0]
    # "died in March 2010" anywhere; "On 6 April 2020 ... was taken to hospital" only
    # from the birth on, as a first line dated by its meeting or publication is not.
    after_birth = items[items.index(bpiece) :]
    for pattern, where in ((_EVENT, items), (_DATE_THEN_EVENT, after_birth)):
        for piece in where:
            for m in pattern.finditer(piece.text):
                if piece is bpiece and m.start("year") == bm.start("year"):
                    continue  # "born in May 2015 and died ...": the date is the birth's
                months = _between(bm, m)
                if 0 <= months < _ADULT_MONTHS:
                    pieces_used = [bpiece] if bpiece is piece else [bpiece, piece]
                    return months, pieces_used
    return None


def _born_after(items: list[Piece]) -> tuple[float, list[Piece]] | None:
    """An upper bound on the age: from a date "before she was born" to the latest event
    dated after it (the review's own event is its last), so a child "under 22 months"
    when she died is an infant although no age or birth date is given."""
    for piece in items:
        for m in _BEFORE_BORN.finditer(piece.text):
            dated = [
                (_between(m, e), p)
                for p in items
                for pattern in (_EVENT, _DATE_THEN_EVENT)
                for e in pattern.finditer(p.text)
            ]
            if not dated:
                continue
            months, event = max(dated, key=lambda d: d[0])
            if 0 < months <= 36:
                return months, [piece] if event is piece else [piece, event]
    return None


def _between(born: re.Match[str], event: re.Match[str]) -> float:
    """Months from birth to the event: to the day where both dates give one."""
    whole = (int(event["year"]) - int(born["year"])) * 12 + (
        MONTHS[event["month"].lower()] - MONTHS[born["month"].lower()]
    )
    if born["day"] and event["day"]:
        return whole + (int(event["day"]) - int(born["day"])) / 30.44
    return float(whole)


def extract_age(doc: Document, items: list[Piece]) -> tuple[Fact, Fact]:
    """The ``age_months`` and ``infant`` facts."""
    infant_piece = next((p for p in items if _INFANT.search(p.text)), None)
    chosen: list[_Age] = []
    bounded: _Age | None = None
    # The title page, introduction and circumstances name the subject child; the
    # chronology gives ages of siblings and of the child at earlier events.
    for piece in by_weight(items):
        ages = _candidates(piece)
        exact = [a for a in ages if not a.bound]
        if bounded is None:
            bounded = next((a for a in ages if a.bound and a.months <= 36), None)
        if exact:
            chosen = exact
            break
    infant = _infant_fact(
        doc, infant_piece, bounded, None if bounded is not None else _born_after(items)
    )
    if chosen:
        best = min(chosen, key=lambda a: a.months)
        note = "youngest child in the first sentence giving an age" if len(chosen) > 1 else None
        age = Fact("age_months", round(best.months, 1), (evidence(doc, best.piece),), note)
        return age, infant
    dated = _from_dates(items)
    if dated is not None:
        months, used = dated
        ev = tuple(evidence(doc, p) for p in used)
        return Fact(
            "age_months", round(months, 1), ev, "from the dates of birth and of the incident"
        ), infant
    newborn = next((p for p in items if _NEWBORN.search(p.text)), None)
    if newborn is not None:
        return Fact("age_months", 0.0, (evidence(doc, newborn),), "called a newborn"), infant
    return Fact("age_months", None), infant


def _infant_fact(
    doc: Document,
    piece: Piece | None,
    bounded: _Age | None,
    born_after: tuple[float, list[Piece]] | None = None,
) -> Fact:
    pieces: list[Piece] = [bounded.piece] if bounded is not None else []
    note = "the text calls the child a baby or gives an upper bound"
    if born_after is not None:
        pieces.extend(born_after[1])
        note = (
            f"born after a date the text gives, so under {round(born_after[0])} months "
            "at the last event it dates"
        )
    if piece is not None and piece not in pieces:
        pieces.append(piece)
    if not pieces:
        return Fact("infant", None)
    return Fact("infant", True, tuple(evidence(doc, p) for p in pieces), note)
