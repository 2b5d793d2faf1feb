"""What happened to the child: the outcome and the kinds of harm.

Each kind of harm is a list of ways reviews say it. A phrase the text denies
("non-accidental injury was ruled out", "no signs of neglect") does not count.
``other`` is given only when none of the three kinds in the briefing is found and
the text names another cause (sexual abuse, natural causes, an accident), so a
passing mention of an older allegation does not crowd out the real harm.
"""

from __future__ import annotations

import re

from caselens.model import Document, Evidence, Fact
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
_CARER = (
    r"mother|father|parents?|step-?father|step-?mother|partner|boyfriend|carer|guardian|"
    r"adopter|adoptive|relative|grand(?:mother|father|parent)|babysitter|uncle|aunt"
)

# ---- outcome -------------------------------------------------------------------------
_DEATH = re.compile(
    r"\b(?:died|dies|death|deaths|dead|killed|killing|fatal(?:ly)?|murder(?:ed)?|manslaughter|"
    r"drowned|infanticide|homicide|could\s+not\s+be\s+(?:revived|saved|resuscitated)|life\s+support|passed\s+away)\b",
    _I,
)
_NOT_CHILD_DEATH = re.compile(
    rf"\b(?:(?:own|his|her|their|the)\s+)?(?:{_CARER}|husband|wife|relatives?|friend)s?\s+"
    r"(?:had\s+|has\s+|who\s+)?(?:died|dies|death)\b"
    rf"|\bdeath\s+of\s+(?:his|her|their|a|the)\s+(?:own\s+)?(?:{_CARER}|husband|wife|relatives?|friend)\b"
    r"|\battempt(?:ed|s)?\s+(?:to\s+)?(?:murder|kill)\w*|\battempted\s+(?:murder|manslaughter)"
    r"|\b(?:risk|risks|danger|fear|threat)s?\s+(?:of|to)\s+(?:\w+\s+){0,2}(?:death|dying)"
    r"|\b(?:could|might|would|may)\s+(?:have\s+)?(?:died|been\s+killed)|\b(?:near|non)[\s-](?:death|fatal)"
    r"|\b(?:previous|earlier|first|older|elder|another)\s+(?:baby|child|son|daughter|sibling)\b[^.;]{0,40}?\b(?:died|death)\b"
    r"|\blost\s+(?:a|her|his|their)\s+(?:previous|first|earlier|older)?\s*(?:baby|child|son|daughter)\b[^.;]{0,30}?\b(?:death|died)\b"
    r"|\bsudden\s+(?:unexpected\s+|unexplained\s+)?infant\s+death\s+syndrome\s+in\s+\d{4}",
    _I,
)
_SERIOUS = re.compile(
    r"\b(?:injur(?:y|ies|ed)|fractur\w*|broken\s+(?:bones?|ribs?|legs?|arms?|skull|femur)|"
    r"brain\s+(?:injury|damage|haemorrhage)|subdural|head\s+injur\w*|bleeding\s+on\s+the\s+brain|significant\s+harm|"
    r"serious(?:ly)?\s+(?:harm|hurt|injur\w*|ill)|life[\s-](?:changing|threatening)|"
    r"intensive\s+care|hospitali[sz]ed|admitted\s+to\s+hospital|hospital\s+treatment|"
    r"strangulation|suffocation|poison\w*|exploitation|exploited|sexual(?:ly)?\s+abus\w*|"
    r"grievous\s+bodily\s+harm|bodily\s+harm|collapsed|burns?|scald\w*|shaken|shook)\b",
    _I,
)

# ---- harm types ----------------------------------------------------------------------
_NAI = re.compile(
    r"\b(?:non[\s-]accidental(?:\s+(?:head\s+)?injur\w*)?|inflicted|abusive\s+head\s+trauma|"
    r"shaken(?:\s+baby)?|shak(?:e|es|ing)\s+(?:him|her|the\s+baby|the\s+child)|shook|"
    r"fractur\w*|broken\s+(?:bones?|ribs?|legs?|arms?|skull|femur)|smother\w*|strangl\w*|strangul\w*|"
    r"grievous\s+bodily\s+harm|actual\s+bodily\s+harm|murder\w*|manslaughter|(?:culpable\s+)?homicide|infanticide|filicide|"
    r"physical(?:ly)?\s+abus\w*|poison(?:ed|ing)|"
    r"(?:given|fed|administered)\s+(?:\w+\s+){0,3}(?:methadone|heroin|drugs?|alcohol|medication)|"
    rf"(?:killed|killing|attacked|assaulted|beaten|hit|punched)\s+(?:\w+\s+){{0,4}}by\s+(?:his|her|their|the)\s+(?:\w+\s+)?(?:{_CARER})|"
    rf"(?:{_CARER})\s+(?:\w+\s+){{0,2}}(?:killed|hit|punched|beat|assaulted|attacked)\s+(?:him|her|the\s+baby|the\s+child))\b",
    _I,
)
_NOT_CARER_KILLING = re.compile(
    r"\b(?:young\s+people|peers?|other\s+(?:young|boys|children)|gang|stranger|altercation|"
    r"confrontation|fight|stabb\w*)\b",
    _I,
)
_NEGLECT = re.compile(
    r"\b(?:neglect(?:ed|ful)?|faltering\s+growth|failure\s+to\s+thrive|malnourish\w*|"
    r"malnutrition|starv\w*|dehydrat\w*|unsupervised|unattended|underweight|"
    r"(?:faltering|poor)\s+(?:weight\s+gain|growth)|weight\s+faltering|"
    r"(?:failed|failure|fail(?:ing)?|delay\w*)\s+(?:\w+\s+){0,2}(?:to\s+|in\s+)?seek\w*\s+(?:\w+\s+)?(?:medical|timely)\s+(?:help|attention|care|treatment|advice)|"
    r"(?:poor|lack\s+of|inadequate)\s+supervision|home\s+alone|"
    r"left\s+(?:alone|on\s+(?:his|her|their)\s+own|without\s+(?:an\s+)?adult)|"
    r"left\s+(?:\w+\s+){0,3}(?:on\s+(?:their|his|her)\s+own|alone|unsupervised)|"
    r"(?:drown\w*|submerged|under\s+the\s+water)[^.]{0,60}\bbath|"
    r"\bbath\b[^.]{0,60}(?:drown\w*|submerged|under\s+the\s+water)|"
    r"(?:drank|drinking|swallow\w*|ingest\w*|ingestion)\s+(?:\w+\s+){0,4}"
    r"(?:methadone|heroin|cocaine|drugs?|medication|tablets|pills)|"
    r"(?:unable|failed|failure|fail(?:ing)?)\s+to\s+(?:\w+\s+){0,3}meet\s+(?:\w+\s+){0,4}needs|"
    r"uninhabitable|squal(?:id|or)|filthy|soiled|medical\s+neglect)\b",
    _I,
)
_NOT_NEGLECT = re.compile(r"\bcategory\s+of\s+neglect\b|\bneglect\s+category\b", _I)
_SLEEP = re.compile(
    r"\b(?:co-?sleep\w*|bed[\s-]?shar\w*|shar(?:ed|ing|es)\s+(?:a|the|her|his|their)?\s*(?:double\s+)?"
    r"(?:bed|sleep(?:ing)?\s+surface|sofa)|bed\s+(?:he|she)\s+was\s+sharing|"
    r"(?:sleeping|asleep|slept|sleep)\s+(?:in|on)\s+(?:the\s+same|a|an|the|his|her|their|"
    r"(?:his|her|their)\s+parents'?|an\s+adult)\s+(?:\w+\s+)?(?:bed|sofa|couch|settee|armchair|chair)|"
    r"same\s+bed|slept\s+with\s+(?:him|her|the\s+baby|the\s+child|(?:his|her)\s+bab\w+)|"
    r"into\s+(?:her|his|their|the)\s+(?:double\s+)?bed|unsafe\s+sleep\w*|"
    r"fell\s+asleep\s+(?:while\s+|whilst\s+)?(?:holding|feeding|with|cuddling)\s+(?:him|her|the\s+baby)|"
    r"(?:asleep|sleeping|slept|(?:put|placed|left)\s+(?:\w+\s+)?(?:down\s+)?to\s+sleep)\s+"
    r"(?:(?:\w+\s+){0,3}(?:in|on)\s+)?(?:a|an|the|his|her|their)\s+(?:\w+\s+)?"
    r"(?:car\s+seat|bouncer|pram|pushchair|sling)|"
    r"overlay|overlain|overlaid|overlying|overlaying|lain\s+on|"
    r"in\s+(?:his|her|their|the)\s+parents'?\s+(?:double\s+)?bed|(?:unsuitable|soft|loose)\s+bedding|positional\s+asphyxia|"
    r"(?:asleep|sleeping|slept)\b[^.]{0,60}\b(?:sofa|couch|settee|armchair)|"
    r"(?:sofa|couch|settee|armchair)\b[^.]{0,60}\b(?:asleep|sleeping|slept|slumped))\b",
    _I,
)
_OTHER = re.compile(
    r"\b(?:sexual(?:ly)?\s+(?:abus\w*|exploit\w*|assault\w*)|rape|grooming|natural\s+causes?|"
    r"(?:unascertained|died)\s+(?:but\s+)?natural|(?:death|cause)\b[^.;]{0,30}\bnatural\b|medical\s+condition|sudden\s+infant\s+death|"
    r"SIDS|accident(?:al)?|dog|road\s+traffic|overdose|suicide|took\s+(?:his|her)\s+own\s+life|"
    r"altercation|confrontation|stabb\w*|illness)\b",
    _I,
)


# Words that make a harm a question or a suspicion, not a finding: "whether neglect
# was a factor", "abuse or neglect was suspected", "the risk of co-sleeping".
_HEDGE_BEFORE = re.compile(
    r"\b(?:whether|if)\b[^;:]*$"
    r"|\b(?:possible|possibly|potential|risks?\s+(?:of|from|associated\s+with)|dangers?\s+of|"
    r"avoid\w*|prevent\w*)\s+(?:[\w'-]+\s+){0,4}$",
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
    r"(?:known\s+or\s+)?suspected|\b(?:known\s+or\s+)?suspected\s+abuse\s+or\s+neglect\b",
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


def _valid(piece: Piece, m: re.Match[str]) -> bool:
    return not negated(piece, m)


def _hedged(piece: Piece, m: re.Match[str]) -> bool:
    if any(c.start() <= m.start() < c.end() for c in _CRITERIA.finditer(piece.text)):
        return True
    before = piece.text[max(0, m.start() - 80) : m.start()]
    before = re.split(r"[;:]|\bbut\b", before)[-1]
    return bool(_HEDGE_BEFORE.search(before) or _HEDGE_AFTER.search(piece.text[m.end() :]))


def _harm_matches(
    pattern: re.Pattern[str], items: list[Piece], *, advice_sensitive: bool = False
) -> list[tuple[Piece, re.Match[str]]]:
    """Matches that state the harm happened, in order of weight.

    Recommendations and learning speak of harms in general, so they never count;
    a denied or hedged mention does not count either.
    """
    out: list[tuple[Piece, re.Match[str]]] = []
    for piece, m in find_all(pattern, items):
        if piece.zone == ADVICE or not _valid(piece, m) or _hedged(piece, m):
            continue
        if (
            advice_sensitive
            and _SLEEP_ADVICE.search(piece.text)
            and not _INCIDENT.search(piece.text)
        ):
            continue
        out.append((piece, m))
    return out


def _about_incident(piece: Piece) -> bool:
    """The sentence tells of the child's death or harm, not of everyday life."""
    return bool(_INCIDENT.search(piece.text) or _SERIOUS.search(piece.text))


def _outcome_in(doc: Document, items: list[Piece]) -> Fact | None:
    for piece, m in find_all(_DEATH, items):
        if not _valid(piece, m):
            continue
        spans = [(x.start(), x.end()) for x in _NOT_CHILD_DEATH.finditer(piece.text)]
        if any(s <= m.start() < e for s, e in spans):
            continue
        return Fact("outcome", "death", (evidence(doc, piece),), f"'{m.group(0)}'")
    for piece, m in find_all(_SERIOUS, items):
        if _valid(piece, m):
            return Fact("outcome", "serious_harm", (evidence(doc, piece),), f"'{m.group(0)}'")
    return None


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

    def counts(piece: Piece) -> bool:
        return not long_form or piece.zone != BODY or _about_incident(piece)

    found: dict[str, tuple[Piece, str]] = {}
    for piece, m in _harm_matches(_NAI, items):
        word = m.group(0).lower()
        if ("murder" in word or "manslaughter" in word) and _NOT_CARER_KILLING.search(piece.text):
            continue
        if counts(piece):
            found.setdefault("non_accidental_injury", (piece, m.group(0)))
            break
    excluded = [
        (p.start + x.start(), p.start + x.end())
        for p in items
        for x in _NOT_NEGLECT.finditer(p.text)
    ]
    for piece, m in _harm_matches(_NEGLECT, items):
        at = piece.start + m.start()
        if any(s <= at < e for s, e in excluded):
            continue
        if counts(piece):
            found.setdefault("neglect", (piece, m.group(0)))
            break
    for piece, m in _harm_matches(_SLEEP, items, advice_sensitive=True):
        if counts(piece):
            found.setdefault("unsafe_sleeping", (piece, m.group(0)))
            break
    if not found:
        for piece, m in _harm_matches(_OTHER, items):
            found["other"] = (piece, m.group(0))
            break
    order = ("non_accidental_injury", "neglect", "unsafe_sleeping", "other")
    kinds = tuple(k for k in order if k in found)
    ev: tuple[Evidence, ...] = tuple(evidence(doc, found[k][0]) for k in kinds)
    note = "; ".join(f"{k}: '{found[k][1]}'" for k in kinds) or None
    return Fact("harm_types", kinds, ev, note)
