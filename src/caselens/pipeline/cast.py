"""Who is who in a review: the parents' names, so their own brothers and sisters are not
taken for the baby's.

A review names its people once ("Rosa's mother, Kayleigh, ...", "the father, Jordan") and
then by name alone. "Jordan's younger sister, Leah, was also subject to a child protection
plan" is the father's family history, not a sibling of the baby on a plan; a pattern
cannot know that Jordan is the father, but the review said so earlier. Only a parent
named as such is read: a name the review never ties to a parent stays a name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

_NAME = r"(?-i:[A-Z][a-z]{1,14}(?:-[A-Z][a-z]{1,14})?)"
_ROLE = r"(?:mother|father|mum|dad|step-?father|stepmother|birth (?:mother|father))"
# "Rosa's mother, Kayleigh," "his father, Jordan", "mother Kayleigh BOND", and the other way
# round: "Kayleigh (mother)", "Kayleigh, Rosa's mother". Not a list ("mother, father, Alfie"),
# another's name ("His mother, Leo's paternal grandmother"), or a word after a sentence's
# opening ("Similarly, the father's drinking").
_POSSESSIVE = r"(?:'s|\u2019s)"
_NAMED = re.compile(
    rf"(?<!, )(?<!and )\b(?:(?:the|his|her|their|(?-i:[A-Z][a-z]+){_POSSESSIVE}) )?"
    rf"(?:baby{_POSSESSIVE} )?{_ROLE},? \(?(?:called |known as |referred to (?:here )?as )?"
    rf"(?P<after>{_NAME})\b(?!{_POSSESSIVE}\b)(?! (?:British|Irish|Welsh|English|Scottish)\b)"
    rf"|(?P<before>{_NAME}) \((?:the )?(?:baby{_POSSESSIVE} )?{_ROLE}\)"
    rf"|(?P<before2>{_NAME}), (?:the baby{_POSSESSIVE}|(?-i:[A-Z][a-z]+){_POSSESSIVE})"
    rf" {_ROLE}\b(?! of\b)",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset(
    {
        "The",
        "This",
        "That",
        "She",
        "He",
        "They",
        "Her",
        "His",
        "Baby",
        "Child",
        "Mother",
        "Father",
        "Mum",
        "Dad",
        "Ms",
        "Mr",
        "Mrs",
        "Miss",
        "Both",
        "When",
        "After",
        "Before",
        "Neither",
        "Either",
        "Each",
        "And",
        "But",
        "Maternal",
        "Paternal",
    }
)


def parent_names(text: str) -> frozenset[str]:
    """The first names the text gives its parents (mother, father, stepfather)."""
    names = set()
    for found in _NAMED.finditer(text):
        name = found.group("after") or found.group("before") or found.group("before2")
        if name and name not in _NOT_NAMES:
            names.add(name)
    return frozenset(names)


def parents_sibling(sentence: str, names: frozenset[str]) -> re.Match[str] | None:
    """Where the sentence names a parent's own brother or sister ("Jordan's younger
    sister", "Kayleigh has a younger half-brother"), or None."""
    if not names:
        return None
    return _sibling_pattern(names).search(sentence)


@functools.lru_cache(maxsize=64)
def _sibling_pattern(names: frozenset[str]) -> re.Pattern[str]:
    """Built once per review's cast, not once per finding."""
    alternatives = "|".join(re.escape(n) for n in sorted(names))
    return re.compile(
        rf"\b(?P<name>(?-i:{alternatives}))(?:(?:'s|\u2019s) (?:own )?|,? (?:has|had) "
        r"(?:an? |two |three )(?:\w+ )?)(?:older |younger |elder |big |little |twin )?"
        r"(?:half-|step-?)?(?:sisters?|brothers?|siblings?)\b",
        re.IGNORECASE,
    )


def parents_sibling_reason(quote: str, words: Sequence[str], names: frozenset[str]) -> str | None:
    """Why a finding of an indicator about the baby's brothers and sisters is about a
    parent's own instead, or None: the sentence names a parent's brother or sister and the
    words found (a model's proposal has none: the whole sentence) stand at or after it."""
    found = parents_sibling(quote, names)
    if found is None:
        return None
    lowered = quote.lower()
    if words and all(lowered.find(w.lower()) < found.start() for w in words):
        return None
    return (
        f"about {found.group()!r}: {found.group('name')} is a parent, so this is not the baby's"
        " brother or sister"
    )
