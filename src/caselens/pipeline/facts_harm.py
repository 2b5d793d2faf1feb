"""What happened to the child: the outcome and the kinds of harm.

Each kind of harm is a list of ways reviews say it. A phrase the text denies
("non-accidental injury was ruled out", "no signs of neglect") does not count.
``other`` is given only when none of the three kinds in the briefing is found and
the text names another cause (sexual abuse, natural causes, an accident), so a
passing mention of an older allegation does not crowd out the real harm.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caselens.model import Document, Evidence, Fact
from caselens.pipeline import facts_prefilter as need
from caselens.pipeline import facts_whose as whose
from caselens.pipeline import facts_words as W  # noqa: N812
from caselens.pipeline.facts_text import (
    ADVICE,
    BODY,
    FRONT,
    TITLE,
    Piece,
    by_weight,
    evidence,
    find_all,
    negated,
    structured,
)

_I = re.IGNORECASE
_ACCIDENT = re.compile(r"\b(?<!non-)(?<!non )accident(?:al|ally)?\b", _I)
_DEATH, _NOT_CHILD_DEATH, _SERIOUS = W.DEATH, W.NOT_CHILD_DEATH, W.SERIOUS
_NAI, _NAI_WEAK, _NEGLECT, _SLEEP, _OTHER = W.NAI, W.NAI_WEAK, W.NEGLECT, W.SLEEP, W.OTHER
_NOT_NEGLECT = W.NOT_NEGLECT


# Words that make a harm a question or a suspicion, not a finding: "whether neglect
# was a factor", "abuse or neglect was suspected", "the risk of co-sleeping".
_HEDGE_BEFORE = re.compile(
    r"\b(?:whether|if)\b[^;:]*$"
    r"|\b(?:possible|possibly|potential|risks?\s+(?:of|from|associated\s+with)|dangers?\s+of|"
    r"avoid\w*|prevent\w*)\s+(?:[\w'-]+\s+){0,4}$"
    # "a mistaken belief that this was a neglect case"
    r"|\b(?:mistaken(?:ly)?|wrong(?:ly)?|false|erroneous(?:ly)?)\s+(?:belief|view|impression|"
    r"assumption|understanding)\s+(?:[\w'-]+\s+){0,6}$",
    _I,
)
_HEDGE_AFTER = re.compile(
    r"^\W*(?:(?:was|were|is|had\s+been)\s+(?:possible|"
    r"not\s+(?:found|confirmed|substantiated|established)))",
    _I,
)
# The statutory criteria for a review ("abuse or neglect of a child is known or
# suspected") say why a review was held, not what harm the child came to.
_CRITERIA = re.compile(
    r"\babuse\s+or\s+neglect\s+(?:of\s+(?:a|the)\s+child\s+)?(?:is|was|were|had\s+been)\s+"
    r"(?:(?:known|proven|proved)\s+or\s+)?suspected"
    r"|\b(?:(?:known|proven|proved)\s+or\s+)?suspected\s+abuse\s+or\s+neglect\b",
    _I,
)
# Sentences about advice on safe sleep in general ("the risks of co-sleeping were
# discussed", "parents should be told about bed-sharing") rather than the night of the
# death. A sentence that also tells of the death or harm still counts.
_SLEEP_ADVICE = re.compile(
    r"\b(?:advi[cs]\w*|guidance|leaflets?|campaign\w*|messages?|discuss\w*|information|"
    r"explain\w*|told\s+(?:the\s+)?(?:parents|mother|father)|should|must|recommend\w*|"
    r"training|practitioners|professionals|safer\s+sleep(?:ing)?)\b",
    _I,
)
_INCIDENT = re.compile(
    r"\b(?:died|death|dead|found\s+(?:\w+\s+){0,2}(?:unresponsive|not\s+breathing|lifeless)|"
    r"not\s+breathing|collapsed|inquest|post-?mortem|cause\s+of\s+death|pronounced|"
    r"woke|the\s+night|overnight|that\s+(?:night|evening|morning))\b",
    _I,
)


# Checks that read "the sentence" read this far either side of a match, so a document
# without sentence ends (one huge block) is still read in linear time.
_NEAR = 300


def _near(piece: Piece, m: re.Match[str]) -> str:
    return piece.text[max(0, m.start() - _NEAR) : m.end() + _NEAR]


def _valid(piece: Piece, m: re.Match[str]) -> bool:
    return not negated(piece, m)


def _hedged(piece: Piece, m: re.Match[str]) -> bool:
    lo = max(0, m.start() - _NEAR)
    window = piece.text[lo : m.end() + _NEAR]
    if any(lo + c.start() <= m.start() < lo + c.end() for c in _CRITERIA.finditer(window)):
        return True
    before = piece.text[max(0, m.start() - 80) : m.start()]
    before = re.split(r"[;:]|\bbut\b", before)[-1]
    return bool(
        _HEDGE_BEFORE.search(before) or _HEDGE_AFTER.search(piece.text[m.end() : m.end() + 120])
    )


_SUBJECT = re.compile(
    r"\b(?:the|this)\s+(?:baby|infant|newborn|toddler)\b(?!'s)|\b(?:Baby|Child|Infant)\s+[A-Z]\b"
    # the sentence's own subject taken up again after an aside: "twin girls, born to a
    # mother who had neglected her other children, suffered multiple fractures"
    r"|,\s+(?:suffered|sustained|had\s+(?:suffered|sustained)|(?:was|were)\s+found\s+with)\b"
)


_OF_SOMEONE = re.compile(r"\s+(?:of|to)\s+(?:(?:the|their|her|his)\s+)?", re.IGNORECASE)


def _someone_else(piece: Piece, m: re.Match[str]) -> bool:
    """The harm befell a parent as a child, or another child, not the child of the review.

    A parent's own history is read in the clause of the match ("had grown up in care
    after being neglected"); another child counts when the sentence names them
    before the match and does not come back to the subject child in between.
    """
    start = max(0, m.start() - 120)
    clause_start = start + max(
        (x.end() for x in re.finditer(r"[;:]|\bbut\b", piece.text[start : m.start()])),
        default=0,
    )
    clause_end = re.search(r"[;:]|\bbut\b", piece.text[m.end() : m.end() + 200])
    end = m.end() + clause_end.start() if clause_end else len(piece.text)
    if whose.PARENT_PAST.search(piece.text[clause_start : min(end, m.end() + 80)]):
        return True
    after = _OF_SOMEONE.match(piece.text, m.end())  # "neglect of the older children"
    if after and whose.OTHER_CHILD.match(piece.text, after.end()):
        return True
    before = piece.text[max(0, m.start() - 300) : m.start()]  # bounded: linear on long text
    others = list(whose.OTHER_CHILD.finditer(before))
    return bool(others) and not _SUBJECT.search(before, others[-1].end())


def _harm_matches(
    pattern: re.Pattern[str],
    need: re.Pattern[str],
    items: list[Piece],
    *,
    advice_sensitive: bool = False,
    own_child: bool = True,
) -> Iterator[tuple[Piece, re.Match[str]]]:
    """Matches that state the harm happened to the child, in order of weight.

    Recommendations and learning speak of harms in general, so they never count
    and are not searched; a denied or hedged mention does not count either, nor
    (with ``own_child``) a harm that befell a parent in childhood or another child.
    Lazy, and ``need`` (see ``find_all``) skips sentences without a keyword: callers
    stop at the first match that counts, which in a long review is near the start.
    """
    counted = (p for p in items if p.zone != ADVICE)
    for piece, m in find_all(pattern, counted, need):
        if not _valid(piece, m) or _hedged(piece, m):
            continue
        if own_child and _someone_else(piece, m):
            continue
        if (
            advice_sensitive
            and _SLEEP_ADVICE.search(_near(piece, m))
            and not _INCIDENT.search(_near(piece, m))
        ):
            continue
        yield piece, m


def _about_incident(piece: Piece, m: re.Match[str]) -> bool:
    """The sentence tells of the child's death or harm, not of everyday life."""
    near = _near(piece, m)
    return bool(_INCIDENT.search(near) or _SERIOUS.search(near))


def _outcome_in(doc: Document, items: list[Piece]) -> Fact | None:
    for piece, m in find_all(_DEATH, items, need.DEATH_NEED):
        if not _valid(piece, m):
            continue
        lo = max(0, m.start() - _NEAR)
        near = piece.text[lo : m.end() + _NEAR]
        spans = [(lo + x.start(), lo + x.end()) for x in _NOT_CHILD_DEATH.finditer(near)]
        if any(s <= m.start() < e for s, e in spans):
            continue
        return Fact("outcome", "death", (evidence(doc, piece),), f"'{m.group(0)}'")
    for piece, m in find_all(_SERIOUS, items, need.SERIOUS_NEED):
        if _valid(piece, m):
            return Fact("outcome", "serious_harm", (evidence(doc, piece),), f"'{m.group(0)}'")
    return None


def _harm_to_adult(piece: Piece, m: re.Match[str]) -> bool:
    """The words of an injury tell of harm to an adult: a partner's assault on "her", bodily
    harm "against a woman", or charged where the bail keeps the man from the mother and the
    sentence names no child."""
    words = m.group(0)
    if whose.DOMESTIC.fullmatch(words) or whose.ADULT_VICTIM.match(piece.text, m.end()):
        return True
    if _adult_injured(piece, m):
        return True
    return bool(
        whose.BODILY_HARM.fullmatch(words)
        and whose.NAMES_ADULT.search(piece.text)
        and not whose.NAMES_CHILD.search(piece.text)
    )


# "A urine screen was positive for cannabis only", after "Mother described smoking two
# or three joints each evening": a urine or hair test that names no one is the adult's
# the sentence before tells of (after "The infant was taken to hospital" it is hers)
_LIVING_TEST = re.compile(r"(?:urine|hair)\b", re.IGNORECASE)
_OWNED_TEST = re.compile(r"\b[A-Z]\w*(?:'s|\u2019s)\s+(?:urine|hair)\b")
_ADULT_TOLD = re.compile(rf"\b(?:{W.CARER})\b", re.IGNORECASE)


def _adults_screen(items: list[Piece], piece: Piece, m: re.Match[str]) -> bool:
    if not _LIVING_TEST.match(m.group(0)) or whose.NAMES_CHILD.search(piece.text):
        return False
    if _OWNED_TEST.search(piece.text):
        return False
    at = items.index(piece)
    before = items[at - 1].text if at > 0 else ""
    return bool(_ADULT_TOLD.search(before) and not whose.NAMES_CHILD.search(before))


# An adult named by title: "Mr K told the police that he had been staying most weeks,
# sleeping on the sofa": where the sentence names no child, the sleeper is the adult.
_TITLE = r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z]"
_TITLED_ADULT = re.compile(_TITLE)


# "Mr T attended the emergency department with a fractured wrist after a fall at work":
# the adult named by title went to be treated (not "Mr K caused the fractures")
_ADULT_TREATED = re.compile(
    _TITLE + r"\w*\s+(?:\w+\s+){0,2}?(?:attended|presented|was admitted"
    r"|was taken|went|sustained|suffered|broke)\b[^.;]{0,80}$"
)


def _adult_injured(piece: Piece, m: re.Match[str]) -> bool:
    return bool(
        _ADULT_TREATED.search(piece.text, 0, m.start()) and not whose.NAMES_CHILD.search(piece.text)
    )


def _adult_told(piece: Piece, m: re.Match[str]) -> bool:
    """An adult named by title before the words, and no child in the sentence."""
    return bool(
        _TITLED_ADULT.search(piece.text, 0, m.start()) and not whose.NAMES_CHILD.search(piece.text)
    )


# The baby asleep in a place of its own while an adult dozed elsewhere: "Poppy was asleep in
# the Moses basket in the living room while Shannon dozed on the sofa beside her"
_CHILD_IN_OWN_PLACE = re.compile(
    r"\b(?:asleep|sleeping|slept|settled|placed|put\s+down|lying)\s+(?:\w+\s+){0,2}?in\s+"
    r"(?:a|the|his|her|their)\s+(?:own\s+)?(?:moses\s+basket|cot|crib|bassinet|carry\s?cot)\b",
    _I,
)
_WHILE_ADULT = re.compile(r"\bwhile\s+(?:[\w'\u2019]+\s+){1,2}$", _I)


def _adult_asleep_apart(piece: Piece, m: re.Match[str]) -> bool:
    """The sleeping words are an adult's, the child being asleep in its own place."""
    return bool(
        _WHILE_ADULT.search(piece.text, max(0, m.start() - 30), m.start())
        and _CHILD_IN_OWN_PLACE.search(piece.text, 0, m.start())
    )


_SELF_INGESTED = re.compile(
    r"\b(?:swallow(?:ed|ing)|ingest(?:ed|ing|ion)|drank|got\s+hold\s+of|accessed)\b", _I
)


def _told(items: list[Piece], pattern: re.Pattern[str]) -> bool:
    return any(p.zone != ADVICE and pattern.search(p.text) for p in items)


def _stated_fall(items: list[Piece]) -> bool:
    """The review tells, as fact, of the child falling: a fracture then says no more
    than the fall does, and only a word of infliction makes it a non-accidental injury."""
    for piece, m in find_all(W.FALL, (p for p in items if p.zone != ADVICE)):
        if _valid(piece, m) and not W.ACCOUNT.search(piece.text[: m.start()]):
            return True
    return False


_INJURY_TOLD = re.compile(r"\b(?:injur(?:y|ies|ed)|fractur\w*)\b", _I)
_EXPLAINED = re.compile(r"\b(?:explained\s+by|explanations?\s+(?:was|were)\s+accepted)\b", _I)


def injury_reviewed(outcome: Fact, items: list[Piece]) -> Fact | None:
    """Where no harm type is found: a review held after a baby's injury, with no cause and
    no accident told, reviews a suspected inflicted injury.

    A case review of a child's injury is held because abuse or neglect is known or
    suspected; reporting that tells only of the injury ("after an injury to an infant",
    "seriously injured at the age of five months") tells of a suspected inflicted injury,
    as labellers read it. Not where the text tells, as fact, of a fall, an accident, an
    animal or a vehicle, or of an explanation accepted."""
    if outcome.value != "serious_harm" or not outcome.evidence:
        return None
    quote = outcome.evidence[0].quote
    if not _INJURY_TOLD.search(quote) or whose.NOT_BY_PERSON.search(quote) or _stated_fall(items):
        return None
    told = [p.text for p in items if p.zone != ADVICE]
    if any(_ACCIDENT.search(t) or _EXPLAINED.search(t) for t in told):
        return None
    return Fact(
        "harm_types",
        ("non_accidental_injury",),
        outcome.evidence[:1],
        "non_accidental_injury: an injury reviewed, with no cause or accident told",
    )


def _sleep_harm(items: list[Piece]) -> bool:
    """Some sentence tells of a death or a collapse, as harm from unsafe sleep is.

    Asked only where the sentence of the unsafe sleep does not name the child."""
    return any(True for _ in find_all(W.SLEEP_HARM, (p for p in items if p.zone != ADVICE)))


def extract_outcome(doc: Document, items: list[Piece]) -> Fact:
    """Death or serious harm, read from the title page and introduction when they say.

    Only when they do not is the rest read: the chronology of a long review tells of
    the deaths of grandparents and the injuries of siblings, and recommendations
    speak of deaths in general, so they are read last.
    """
    front = [p for p in items if p.zone in (TITLE, FRONT)]
    rest = [p for p in items if p.zone == BODY]
    advice = [p for p in items if p.zone == ADVICE]
    for tier in (front, rest, advice):
        found = _outcome_in(doc, tier) if tier else None
        if found is not None:
            return found
    return Fact("outcome", None)


def extract_harm_types(doc: Document, items: list[Piece]) -> Fact:
    """The kinds of harm, read from how the review describes the incident.

    In a long review with a title page or introduction, a kind named only in the
    chronology or analysis counts only where that sentence tells of the death or
    injury: the chronology also describes the baby asleep in a bouncer or a sibling's
    bruise. Recommendations and learning never count.
    """
    items = by_weight(items)
    long_form = structured(items)

    def counts(piece: Piece, m: re.Match[str]) -> bool:
        return not long_form or piece.zone != BODY or _about_incident(piece, m)

    found: dict[str, tuple[Piece, str]] = {}
    fell = _stated_fall(items)
    for piece, m in _harm_matches(_NAI, need.NAI_NEED, items):
        if fell and W.INJURY_ONLY.fullmatch(m.group(0)):
            continue
        word = m.group(0).lower()
        if "murder" in word and whose.NOT_CARER_KILLING.search(_near(piece, m)):
            continue
        # a poisoning the child took: "the near-fatal poisoning of a 21-month-old ... who
        # swallowed methadone" (neglect, read below), not a poisoning by a carer
        if word.startswith("poison") and _told(items, _SELF_INGESTED):
            continue
        if _harm_to_adult(piece, m) or whose.NOT_BY_PERSON.search(_near(piece, m)):
            continue
        if not counts(piece, m):
            continue
        found["non_accidental_injury"] = (piece, m.group(0))
        break
    excluded: list[tuple[int, int]] | None = None  # read only once a neglect match is found
    for piece, m in _harm_matches(_NEGLECT, need.NEGLECT_NEED, items):
        if excluded is None:
            excluded = [
                (p.start + x.start(), p.start + x.end())
                for p, x in find_all(_NOT_NEGLECT, items, need.NOT_NEGLECT_NEED)
            ]
        at = piece.start + m.start()
        if any(s <= at < e for s, e in excluded):
            continue
        if W.INGESTION.match(m.group(0)) and whose.ADULT_CONSUMER.search(
            piece.text[max(0, m.start() - 40) : m.start()]
        ):
            continue
        if _adults_screen(items, piece, m):
            continue
        if counts(piece, m):
            found["neglect"] = (piece, m.group(0))
            break
    for piece, m in _harm_matches(
        _SLEEP, need.SLEEP_NEED, items, advice_sensitive=True, own_child=False
    ):
        if not W.SLEEPER_CHILD.search(_near(piece, m)) and not _sleep_harm(items):
            continue
        if _adult_told(piece, m) or _adult_asleep_apart(piece, m):
            continue
        if counts(piece, m):
            found["unsafe_sleeping"] = (piece, m.group(0))
            break
    if not found:
        # Appointments missed, and no other harm named: the neglect the review tells of.
        for piece, m in _harm_matches(W.NEGLECT_WEAK, need.NEGLECT_WEAK_NEED, items):
            if counts(piece, m):
                found["neglect"] = (piece, m.group(0))
                break
    if not found:
        # A killing or a burn with no neglect or unsafe sleep named is taken as inflicted.
        for piece, m in _harm_matches(_NAI_WEAK, need.NAI_WEAK_NEED, items):
            if whose.NOT_CARER_KILLING.search(_near(piece, m)) or _ACCIDENT.search(_near(piece, m)):
                continue
            # a head injury told without its cause, where the review tells of a fall or an
            # accident ("the coroner recorded accidental death")
            if "head" in m.group(0).lower() and (fell or _told(items, _ACCIDENT)):
                continue
            if counts(piece, m):
                found["non_accidental_injury"] = (piece, m.group(0))
                break
    if not found:
        for piece, m in _harm_matches(_OTHER, need.OTHER_NEED, items):
            found["other"] = (piece, m.group(0))
            break
    order = ("non_accidental_injury", "neglect", "unsafe_sleeping", "other")
    kinds = tuple(k for k in order if k in found)
    ev: tuple[Evidence, ...] = tuple(evidence(doc, found[k][0]) for k in kinds)
    note = "; ".join(f"{k}: '{found[k][1]}'" for k in kinds) or None
    return Fact("harm_types", kinds, ev, note)
