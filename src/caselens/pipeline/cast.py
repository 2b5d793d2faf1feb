"""Who is who in a review: the parents' names, so their own brothers and sisters are not
taken for the baby's, and the baby's older brothers' and sisters' names, so what is said
of them by name is read as said of an older sibling.

A review names its people once ("Rosa's mother, Kayleigh, ...", "the father, Jordan",
"Milo has an older sister, called Ava here") and then by name alone. "Jordan's younger
sister, Leah, was also subject to a child protection plan" is the father's family history,
not a sibling of the baby on a plan; "Ava's experience was not explored" is the learning
about an older sibling that a pattern cannot see in a name. A pattern cannot know who
Jordan or Ava is, but the review said so earlier. Only a person named in a role is read:
a name the review never ties to a parent or an older sibling stays a name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from caselens.model.codebook import SIBLING
from caselens.model.document import Sentence
from caselens.pipeline.stance import judge

_NAME = r"(?-i:[A-Z][a-z]{1,14}(?:-[A-Z][a-z]{1,14})?)"
_ROLE = r"(?:mother|father|mum|dad|step-?father|stepmother|birth (?:mother|father))"
# "Rosa's mother, Kayleigh," "his father, Jordan", "mother Kayleigh BOND", "Ellis's mother, who
# is called Shannon", and the other way
# round: "Kayleigh (mother)", "Kayleigh, Rosa's mother". Not a list ("mother, father, Alfie"),
# another's name ("His mother, Leo's paternal grandmother"), or a word after a sentence's
# opening ("Similarly, the father's drinking").
_POSSESSIVE = r"(?:'s|\u2019s)"
_NAMED = re.compile(
    rf"(?<!, )(?<!and )\b(?:(?:the|his|her|their|(?-i:[A-Z][a-z]+){_POSSESSIVE}) )?"
    rf"(?:baby{_POSSESSIVE} )?{_ROLE},? \(?(?:(?:who (?:is|was|will be) )?(?:called |known as "
    rf"|referred to (?:here |in this review )?as ))?"
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
        "Sibling",
        "Sister",
        "Brother",
    }
)


def _parent_named(found: re.Match[str]) -> str | None:
    return found.group("after") or found.group("before") or found.group("before2")


def parent_names(text: str) -> frozenset[str]:
    """The first names the text gives its parents (mother, father, stepfather)."""
    names = set()
    for found in _NAMED.finditer(text):
        name = _parent_named(found)
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


_OLDER = r"(?:(?:older|elder|eldest|oldest|big|half-|step-) ?)"
_CALLED = (
    r"(?:who (?:is|was) )?(?:here )?(?:called|named|known as|referred to "
    r"(?:here |in this (?:review|report) )?as) "
)
# "his older half-sister, Mali", "her brother Alfie, who was 20 months old", "an older
# sister, called Ava here", "his sister, who is called Isla here", "Lili's brother, who was
# four at the time, is referred to as Cai", "Ava, Milo's older sister", "Kai (older
# brother, 6)". Not a younger or baby brother or sister, and not one named by another
# child's name without "older" ("Ava's brother, Milo" may be the baby the review is about).
_SIBLING_NAMED = re.compile(
    rf"\b(?:(?:an?|the|his|her|their|the baby{_POSSESSIVE}|the child{_POSSESSIVE})"
    rf"|(?P<owner>{_NAME}){_POSSESSIVE}) (?P<older>{_OLDER}*)(?:sister|brother|sibling)s?"
    rf"(?:,? (?:{_CALLED})?(?P<after>{_NAME})\b(?!{_POSSESSIVE}\b)"
    rf"|, [^.;]{{0,60}}?\b(?:is|was) {_CALLED}(?P<later>{_NAME})\b)"
    rf"|(?P<before>{_NAME}), (?:his|her|the baby{_POSSESSIVE}|(?P<owner2>{_NAME}){_POSSESSIVE}) "
    rf"{_OLDER}+(?:sister|brother)\b(?=,|\.|;| (?:who|was|is|had|has)\b)"
    rf"|(?P<before2>{_NAME}) \((?:(?:his|her|the baby{_POSSESSIVE}) )?{_OLDER}+"
    r"(?:sister|brother|sibling)[^)]{0,20}\)",
    re.IGNORECASE,
)
# a parent spoken of before, not in a list: "The mother was close to her older brother,
# Sam" (but "Poppy lived with her mother, her father and her brother Alfie")
_PARENTS_FAMILY = re.compile(
    r"\b(?:mother|father|mum|dad|parents?|partner|grand\w+|uncle|aunt|Mr|Ms|Mrs)\b"
    r"(?!\s*(?:,|and\b))"
    # a parent's own childhood: "She grew up with her mother and her older sister, Claire"
    r"|\b(?:grew up|growing up|as a (?:child|girl|boy|teenager)|(?:her|his) (?:own )?childhood)\b",
    re.IGNORECASE,
)


def _named_parent(text: str, name: str) -> bool:
    """Whether the text names ``name`` as a parent, read only where the name stands (all
    the parents' names of a long review cost a scan of all of it)."""
    at = text.find(name)
    while at != -1:
        lo, hi = max(0, at - 60), min(len(text), at + len(name) + 40)
        if any(_parent_named(found) == name for found in _NAMED.finditer(text, lo, hi)):
            return True
        at = text.find(name, at + len(name))
    return False


# Case notes list the children with their ages: "Kayden (6), Lacey (4), baby Bella (7/12)";
# "Older sib Tayla (5)"; "Tyler 9, Kacey 5, baby Roman 8/12". A name before an age in years,
# in notes that give a baby's age in months or weeks, is an older child's (not an adult's:
# "Mum Chloe (17)", "cousin (2)").
_YEARS = r"(?:aged? )?(?:[3-9]|1[0-5])(?: ?(?:y|yo|yrs?|years?))?"
_CHILD_AGE = re.compile(
    rf"\({_YEARS}\)|(?<=[a-z] ){_YEARS}(?=[,;]| (?:and|in|at|upstairs|downstairs)\b)"
)
# as written ("7/12", "(13 months)", "(9 wks)") or as the notes are read, shorthand spelt
# out ("7 months old")
_BABY_AGE = re.compile(
    r"\b\d{1,2}(?:/(?:12|52)\b| (?:months?|weeks?) old\b)"
    r"|\(\d{1,2} ?(?:months?|mths?|weeks?|wks?)(?: old)?\)"
)
# notes often give a child only an initial: "T (8) told TA ..."
_BEFORE_AGE = re.compile(
    rf"(?<![\w'\u2019])(?:(?P<pre>[A-Za-z]+) )?(?P<name>{_NAME}|(?-i:[A-Z]))(?::)? $"
)
_NOT_A_CHILD_AFTER = frozenset(  # the word before a name: an adult's role, or a place
    {
        *("mum", "mother", "dad", "father", "partner", "boyfriend", "girlfriend", "carer"),
        *("cousin", "aunt", "uncle", "nan", "gran", "nanna", "grandmother", "grandfather"),
        *("mgm", "pgm", "mgf", "pgf", "friend", "neighbour", "lodger", "fob", "m", "f"),
        # a place or a number, not a child: "seen at Ward 7, baby 3/12"
        *("at", "in", "on", "to", "from", "room", "ward", "bay", "flat", "level", "tier"),
    }
)


def _children_by_age(text: str) -> Iterator[str]:
    """Each child named before an age in years in case notes."""
    if not _BABY_AGE.search(text):
        return
    for age in _CHILD_AGE.finditer(text):
        before = _BEFORE_AGE.search(text, max(0, age.start() - 40), age.start())
        if before is None or (before.group("pre") or "").lower() in _NOT_A_CHILD_AFTER:
            continue
        if len(before.group("name")) > 1 or text[age.start()] == "(":  # an initial: "T (8)"
            yield before.group("name")


def sibling_names(text: str) -> frozenset[str]:
    """The first names the text gives the baby's older brothers and sisters, not a
    parent's (each name looked up as a parent where it stands)."""
    names = set()
    parents: dict[str, bool] = {}  # name: named as a parent
    for name in _children_by_age(text):
        if name not in _NOT_NAMES and name not in parents:
            parents[name] = _named_parent(text, name)
            if not parents[name]:
                names.add(name)
    for found in _sibling_mentions(text):
        name = (
            found.group("after")
            or found.group("later")
            or found.group("before")
            or found.group("before2")
        )
        owner = found.group("owner") or found.group("owner2")
        if not name or name in _NOT_NAMES or (found.group("owner") and not found.group("older")):
            continue
        opening = text.rfind(".", 0, found.start()) + 1
        if _PARENTS_FAMILY.search(text, opening, found.start()):
            continue
        for person in (name, owner):
            if person and person not in parents:
                parents[person] = _named_parent(text, person)
        if parents[name] or (owner and parents[owner]):
            continue
        closing = text.find(".", found.end())
        sentence = text[opening : closing if closing >= 0 else len(text)]
        if judge(sentence).about == "parents_past":  # "She grew up with her older sister"
            continue
        names.add(name)
    return frozenset(names)


# The words every naming holds; the naming pattern runs only around them (a review is
# hundreds of thousands of characters, and a name-shaped pattern tried at every word of
# them cost a twentieth of the pipeline's time).
_ROLE_WORD = re.compile(r"sister|brother|sibling", re.IGNORECASE)
_BEFORE, _AFTER = 100, 140


def _sibling_mentions(text: str) -> Iterator[re.Match[str]]:
    """The namings of a brother or sister, each once, found near the words they hold."""
    seen = -1
    for word in _ROLE_WORD.finditer(text):
        if word.start() < seen:
            continue
        lo, hi = max(0, word.start() - _BEFORE), min(len(text), word.end() + _AFTER)
        for found in _SIBLING_NAMED.finditer(text, lo, hi):
            if found.start() >= seen and found.start() <= word.start() <= found.end():
                seen = found.end()
                yield found


@functools.lru_cache(maxsize=256)
def with_siblings(pattern: str, names: frozenset[str]) -> re.Pattern[str]:
    """An indicator's sibling pattern with this review's older siblings' names put in."""
    alternatives = "|".join(re.escape(n) for n in sorted(names))
    return re.compile(pattern.replace(SIBLING, f"(?-i:{alternatives})"), re.IGNORECASE)


def sibling_matches(
    text: str, sentences: Sequence[Sentence], patterns: Sequence[str], names: frozenset[str]
) -> Iterator[tuple[int, re.Match[str]]]:
    """(sentence index, match) of ``patterns`` with ``names`` put in, in the sentences
    holding one of the names."""
    compiled = [with_siblings(p, names) for p in patterns]
    for i, sentence in enumerate(sentences):
        piece = text[sentence.start : sentence.end]
        if not any(name in piece for name in names):
            continue
        for pattern in compiled:
            for found in pattern.finditer(text, sentence.start, sentence.end):
                yield i, found
