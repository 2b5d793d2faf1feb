"""Named vocabularies: a word list written once and used by name inside patterns.

A codebook's patterns say the same things many times ("mother, father or parents",
"a teenager's age"); written out in each pattern they make it hard for a domain expert to
read what a pattern means or to add a word everywhere at once. A codebook may therefore
declare::

    vocabularies:
      parent: mother|father|parents?
      male_carer: father|dad|partner|boyfriend|stepfather|step-father|male partner|male carer

and write ``{parent}`` inside a pattern, ``exclude`` or ``nearby`` rule. Each use becomes
``(?:mother|father|parents?)`` when the codebook is read, before it is validated, so every
later step (validation, coding, exports, a run's provenance) sees ordinary regular
expressions: a codebook written with vocabularies codes exactly as the same codebook
written out in full. A quantifier such as ``{0,30}`` is not a name, and ``\\{`` is a
literal brace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

NAME = re.compile(r"[a-z][a-z0-9_]*")
USE = re.compile(r"(?<!\\)\{([a-z][a-z0-9_]*)\}")
PATTERN_LISTS = ("patterns", "exclude", "absent", "sibling_patterns")
# Names filled in as each document is coded, not by a vocabulary: ``{sibling}``, the
# names of the baby's older brothers and sisters (``sibling_patterns`` only).
RUN_TIME = {"sibling_patterns": frozenset({"sibling"})}
NEARBY_FIELDS = ("pattern", "near")


def _places(item: dict[str, Any], key: str) -> Iterator[tuple[str, Any, Any]]:
    """(key path, container, index or field) of every pattern text of one indicator."""
    for name in PATTERN_LISTS:
        values = item.get(name)
        if isinstance(values, list):
            for i, value in enumerate(values):
                if isinstance(value, str):
                    yield f"{key}.{name}[{i}]", values, i
    rules = item.get("nearby")
    if isinstance(rules, list):
        for i, rule in enumerate(rules):
            if isinstance(rule, dict):
                for field in NEARBY_FIELDS:
                    if isinstance(rule.get(field), str):
                        yield f"{key}.nearby[{i}].{field}", rule, field


def _declared(data: dict[str, Any], problems: list[tuple[str, str]]) -> dict[str, str]:
    raw = data.get("vocabularies")
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(("vocabularies", "expected a mapping of names to word lists"))
        return {}
    out: dict[str, str] = {}
    for name, words in raw.items():
        key = f"vocabularies.{name}"
        if not isinstance(name, str) or not NAME.fullmatch(name):
            problems.append(
                (key, "a vocabulary's name is lower-case letters, digits and _ (e.g. parent)")
            )
            continue
        if not isinstance(words, str) or not words.strip():
            problems.append((key, "expected a word list such as 'mother|father|parents?'"))
            continue
        if USE.search(words):
            problems.append((key, "a vocabulary cannot use another vocabulary; write it out"))
            continue
        try:
            re.compile(words)
        except (re.error, OverflowError, RecursionError) as error:
            problems.append((key, f"{words!r} is not a valid regular expression ({error})"))
            continue
        out[name] = words.strip()
    return out


def expand(data: object) -> tuple[object, list[tuple[str, str]]]:
    """The codebook data with every ``{name}`` replaced by its vocabulary, and the problems
    (key path, message) met on the way. ``data`` itself is not changed."""
    if not isinstance(data, dict):
        return data, []
    problems: list[tuple[str, str]] = []
    declared = "vocabularies" in data
    words = _declared(data, problems)
    out = dict(data)
    out.pop("vocabularies", None)
    indicators = data.get("indicators")
    if not isinstance(indicators, list):
        return out, problems
    copied: list[Any] = []
    for index, item in enumerate(indicators):
        if not isinstance(item, dict):
            copied.append(item)
            continue
        item = dict(item)
        for name in PATTERN_LISTS:
            if isinstance(item.get(name), list):
                item[name] = list(item[name])
        if isinstance(item.get("nearby"), list):
            item["nearby"] = [dict(r) if isinstance(r, dict) else r for r in item["nearby"]]
        for key, container, slot in _places(item, f"indicators[{index}]"):
            text = container[slot]
            run_time = RUN_TIME.get(key.rsplit(".", 1)[-1].split("[", 1)[0], frozenset())
            unknown = sorted({m.group(1) for m in USE.finditer(text)} - set(words) - run_time)
            if unknown:
                problems.append((key, _unknown_names(unknown, words, declared=declared)))
                continue
            container[slot] = USE.sub(
                lambda m: f"(?:{words[m.group(1)]})" if m.group(1) in words else m.group(), text
            )
        copied.append(item)
    out["indicators"] = copied
    return out, problems


def _unknown_names(unknown: list[str], words: dict[str, str], *, declared: bool) -> str:
    """Why ``{name}`` cannot stand: a codebook without ``vocabularies`` has no names at all,
    and its pattern would otherwise look for the braces themselves and never match."""
    uses = ", ".join("{" + u + "}" for u in unknown)
    if not declared:
        return (
            f"uses {uses}, but the codebook has no 'vocabularies' to define it; add "
            f"'vocabularies:' with {unknown[0]}: 'word|other word', or write \\{{ for a "
            "literal brace"
        )
    known = ", ".join(sorted(words)) or "none"
    return f"uses {uses}, which 'vocabularies' does not define (defined: {known})"
