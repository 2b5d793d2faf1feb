"""Words that say a harm was someone else's: an adult's, a parent's own past, another child's.

``facts_harm`` finds a harm in a sentence by ``facts_words``; these lists then ask whose it
was, so that a partner's assault on the mother, a parent's childhood in care or an older
child's removal is not read as what happened to the child the review is about.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# Harm done to an adult, told in a carer's record: "assault occasioning actual bodily harm
# against a woman with whom he was then in a relationship".
ADULT_VICTIM = re.compile(
    r"\s*(?:[\w'-]+\s+){0,3}?(?:against|on|to)\s+(?:a|an|his|her|their|the|another|a\s+former)\s+"
    r"(?:[\w'-]+\s+)?(?:woman|man|partner|ex-partner|girlfriend|boyfriend|adult|wife|husband|"
    r"neighbour|stranger|officer|friend|colleague)\b",
    _I,
)
# A charge of bodily harm in a sentence about an adult and no child: "the father was later
# charged with assault occasioning actual bodily harm and released on bail, with conditions
# not to contact the mother".
BODILY_HARM = re.compile(r"(?:grievous|actual)\s+bodily\s+harm", _I)
NAMES_ADULT = re.compile(  # an adult as the one harmed or kept away, not "the mother's partner"
    r"\b(?:contact|against|assault\w*|attack\w*|hit(?:ting)?|punch\w*|towards?)\s+"
    r"(?:the|his|her|a|an)\s+(?:\w+\s+)?(?:mother|partner|ex-partner|girlfriend|wife|woman)\b(?!'s)",
    _I,
)
NAMES_CHILD = re.compile(
    r"\b(?:bab(?:y|ies)|infants?|child|children|son|daughter|boy|girl|toddler|new-?borns?|twins?)\b"
    r"|\b(?:Baby|Child|Infant)\s+[A-Z]\b",
    _I,
)
# An adult the one who drank or took the drugs: "an adult who had consumed alcohol and
# cannabis" (a child's ingestion is told of the child: "the toddler had swallowed ...").
ADULT_CONSUMER = re.compile(
    r"\b(?:adults?|parents?|mother|father|carers?|partner|boyfriend|girlfriend|man|woman)\s+"
    r"(?:who\s+)?(?:had\s+)?(?:been\s+)?$",
    _I,
)

# A partner's assault on "her" is abuse of the mother, not the baby's injury.
DOMESTIC = re.compile(
    r"\b(?:partner|boyfriend|husband|ex-?partner)s?\s+(?:\w+\s+){0,2}"
    r"(?:hit|punched|beat|assaulted|attacked|kicked|slapped|threw)\s+her\b",
    _I,
)
# An attack by an animal or a collision is no inflicted injury.
NOT_BY_PERSON = re.compile(r"\b(?:dogs?|pit-?bull\w*|animals?|pets?|car|vehicle|lorry)\b", _I)
NOT_CARER_KILLING = re.compile(
    r"\b(?:young\s+people|peers?|other\s+(?:young|boys|children)|gang|stranger|altercation|"
    r"confrontation|fight|stabb\w*)\b",
    _I,
)

# The harm belongs to someone else where the same clause tells of a parent's own
# childhood ("had grown up in care after being neglected", "abused as a child") or of
# another child ("her first child had been adopted following neglect").
PARENT_PAST = re.compile(
    r"\b(?:own\s+(?:childhood|upbringing|early\s+life)|"
    # not a review's name for the child: "the boy, referred to as Child J", "known as Baby K"
    r"(?<!\bto\s)(?<!\bknown\s)(?<!\bcalled\s)(?<!\bnamed\s)as\s+(?:a\s+)?(?:child|children|girl|boy|"
    r"teenager|young\s+(?:person|woman|man))|(?:grew|grown|growing)\s+up|(?:in|of|during)\s+"
    r"(?:her|his)\s+(?:own\s+)?(?:youth|teens|teenage\s+years|adolescence|childhood)|"
    r"by\s+(?:her|his|their)\s+own\s+(?:parents|mother|father|family|carers)|"
    r"(?:from|at|since)\s+the\s+age\s+of\s+(?:[4-9]|1\d|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b(?!\s+(?:days|weeks|months))|care\s+leaver|"
    r"(?:a|some|her|his)\s+(?:time|years?|period)\s+in\s+(?:local\s+authority\s+|foster\s+)?care|"
    r"(?:in|from)\s+(?:an?|his|her)\s+(?:previous|earlier|former|past)\s+relationship|"
    r"(?:in|during)\s+early\s+childhood|when\s+(?:she|he)\s+was\s+(?:young|little|a\s+child|\d+))\b",
    _I,
)
OTHER_CHILD = re.compile(
    r"\b(?:(?:first|eldest|oldest|older|elder|previous|other|earlier|big)\s+"
    r"(?:child|children|son|sons|daughter|daughters|baby|babies|sibling|siblings|brother|sister|ones)|"
    r"half-?(?:sibling|brother|sister)s?|step-?(?:sibling|brother|sister)s?|"
    r"(?:his|her|the\s+baby's|the\s+child's)\s+(?:\w+\s+)?(?:sibling|brother|sister)s?)\b",
    _I,
)
