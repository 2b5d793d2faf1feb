"""Check a parsed codebook before anything uses it.

A codebook is written by people, often by copying and editing the default one,
so every check here answers "what is wrong, where, and how do I fix it". Problems
are collected rather than raised one by one: fixing a file is faster when all of
its mistakes are listed together. Nothing here knows a theme or indicator name;
the only vocabulary checked is that of the :class:`~caselens.model.Facts` fields.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable, Sequence
from typing import Any

from caselens.codebook.problems import Problem, describe
from caselens.codebook.regex_safety import pattern_problem
from caselens.codebook.vocabulary import expand as expand_vocabularies
from caselens.model.codebook import (
    SECTION_CODING,
    SIBLING,
    Codebook,
    Criterion,
    Indicator,
    Nearby,
    Question,
    SectionRole,
    Theme,
)
from caselens.model.facts import DOCUMENT_TYPES, HARM_TYPES, NATIONS, OUTCOMES, Facts


def _keys(kind: type) -> tuple[str, ...]:
    """The keys a codebook entry may have: the fields of its type in the model, so a field
    is declared once, there (the loader builds that type; docs/codebook.md is checked
    against these keys by the tests)."""
    return tuple(f.name for f in dataclasses.fields(kind))


TOP_KEYS = (*_keys(Codebook), "vocabularies")  # vocabularies are put in while checking
TOP_REQUIRED = ("id", "version", "title", "themes", "indicators")
THEME_KEYS = _keys(Theme)
INDICATOR_KEYS = _keys(Indicator)
SECTION_KEYS = _keys(SectionRole)
NEARBY_KEYS = _keys(Nearby)
MAX_NEARBY_WITHIN = 5
CRITERION_KEYS = _keys(Criterion)
QUESTION_KEYS = _keys(Question)

FACT_NAMES = tuple(f.name for f in dataclasses.fields(Facts))
# Facts whose values are words from a fixed vocabulary; the others are numbers or flags.
FACT_VOCABULARY: dict[str, tuple[str, ...]] = {
    "outcome": OUTCOMES,
    "harm_types": HARM_TYPES,
    "nation": NATIONS,
    "document_type": DOCUMENT_TYPES,
}

THEME_ID = re.compile(r"[A-Za-z0-9_-]+")
INDICATOR_ID = re.compile(r"(?P<theme>[A-Za-z0-9_-]+)\.(?P<name>[A-Za-z0-9_-]+)")
PLAIN_ID = re.compile(r"[A-Za-z0-9_.-]+")


class _Checker:
    """Walks the parsed data once, appending a :class:`Problem` for each mistake."""

    def __init__(self, *, patterns: bool = True) -> None:
        self.patterns = patterns  # compile each pattern and judge its running time
        self.problems: list[Problem] = []
        self.theme_ids: set[str] = set()
        self.indicator_ids: set[str] = set()

    def add(self, key: str, message: str) -> None:
        self.problems.append(Problem(key, message))

    # -- generic shapes -------------------------------------------------------------

    def mapping(
        self, value: object, key: str, what: str, allowed: Sequence[str], required: Sequence[str]
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.add(
                key or "(top level)",
                f"expected {what} as a mapping with keys {', '.join(required)}; "
                f"got {describe(value)}",
            )
            return None
        for name in value:
            if name not in allowed:
                hint = difflib.get_close_matches(str(name), allowed, n=1)
                did = f"did you mean {hint[0]!r}? " if hint else ""
                self.add(
                    _join(key, str(name)),
                    f"unknown key {str(name)[:40]!r} in {what}; {did}"
                    f"allowed keys are: {', '.join(allowed)}",
                )
        for name in required:
            if value.get(name) is None:
                self.add(
                    _join(key, name), f"missing required key {name!r} in {what}; add '{name}: ...'"
                )
        return {str(k): v for k, v in value.items()}

    def text(self, item: dict[str, Any], name: str, key: str, *, required: bool = False) -> str:
        value = item.get(name)
        if value is None:
            return ""
        if not isinstance(value, str):
            quote = " (put it in quotes)" if isinstance(value, int | float | bool) else ""
            self.add(_join(key, name), f"expected text{quote}; got {describe(value)}")
            return ""
        if required and not value.strip():
            self.add(_join(key, name), f"{name!r} is empty; write a value")
        return value

    def ident(self, item: dict[str, Any], key: str, pattern: re.Pattern[str], form: str) -> str:
        value = self.text(item, "id", key)
        if value and not pattern.fullmatch(value):
            self.add(_join(key, "id"), f"id {value!r} is not of the form {form}")
            return ""
        return value

    def text_list(self, item: dict[str, Any], name: str, key: str) -> list[tuple[str, str]]:
        """The strings of a list key with their key paths; wrong shapes are reported."""
        value = item.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(
                _join(key, name),
                f"expected a list (lines starting with '- ', or [a, b]); got {describe(value)}",
            )
            return []
        out: list[tuple[str, str]] = []
        for i, entry in enumerate(value):
            where = f"{_join(key, name)}[{i}]"
            if not isinstance(entry, str) or not entry.strip():
                self.add(where, f"expected non-empty text; got {describe(entry)}")
            else:
                out.append((where, entry))
        return out

    def items(
        self, data: dict[str, Any], name: str, check: Callable[[object, str], str | None]
    ) -> None:
        value = data.get(name)
        if value is None:
            return
        if not isinstance(value, list):
            self.add(name, f"expected a list of {name}; got {describe(value)}")
            return
        seen: dict[str, int] = {}
        for i, entry in enumerate(value):
            ident = check(entry, f"{name}[{i}]")
            if not ident:
                continue
            if ident in seen:
                self.add(
                    f"{name}[{i}].id",
                    f"duplicate id {ident!r} (also {name}[{seen[ident]}]); "
                    "ids must be unique: rename or remove one",
                )
            else:
                seen[ident] = i

    # -- the parts of a codebook ----------------------------------------------------

    def codebook(self, data: object) -> None:
        top = self.mapping(data, "", "a codebook", TOP_KEYS, TOP_REQUIRED)
        if top is None:
            return
        for name in ("id", "title"):
            self.text(top, name, "", required=True)
        version = top.get("version")
        if version is not None and not isinstance(version, str):
            self.add(
                "version",
                f"expected text; got {describe(version)}: write it in quotes, "
                f'e.g. version: "{version}"',
            )
        self.text(top, "description", "")
        self.text(top, "source", "")
        if top.get("extra") is not None and not isinstance(top["extra"], dict):
            self.add("extra", f"expected a mapping; got {describe(top['extra'])}")
        for name in ("themes", "indicators"):
            if isinstance(top.get(name), list) and not top[name]:
                self.add(name, f"the list of {name} is empty; a codebook needs at least one")
        self.items(top, "themes", self.theme)
        self.items(top, "indicators", self.indicator)
        self.items(top, "criteria", self.criterion)
        self.items(top, "questions", self.question)
        self.items(top, "sections", self.section)

    def theme(self, value: object, key: str) -> str | None:
        item = self.mapping(value, key, "a theme", THEME_KEYS, ("id", "label"))
        if item is None:
            return None
        ident = self.ident(item, key, THEME_ID, "letters, digits, '_' or '-' (no dots), e.g. A")
        for name in THEME_KEYS[1:]:
            self.text(item, name, key, required=name == "label")
        if ident:
            self.theme_ids.add(ident)
        return ident

    def indicator(self, value: object, key: str) -> str | None:
        item = self.mapping(value, key, "an indicator", INDICATOR_KEYS, ("id", "label"))
        if item is None:
            return None
        ident = self.ident(item, key, INDICATOR_ID, "THEME.name, e.g. A.domestic_abuse")
        for name in ("label", "description", "why_it_matters", "unknown_prompt"):
            self.text(item, name, key, required=name == "label")
        theme = self.text(item, "theme", key)
        if ident:
            prefix = ident.split(".", 1)[0]
            if theme and theme != prefix:
                self.add(
                    _join(key, "theme"),
                    f"theme {theme!r} differs from the id's prefix "
                    f"{prefix!r}; remove 'theme' or rename the indicator",
                )
            elif self.theme_ids and prefix not in self.theme_ids:
                known = ", ".join(sorted(self.theme_ids)) or "none"
                self.add(
                    _join(key, "id"),
                    f"{ident!r} names theme {prefix!r}, which is not in "
                    f"'themes' (known: {known}); add the theme or fix the prefix",
                )
            self.indicator_ids.add(ident)
        for name in ("patterns", "exclude", "absent"):
            for where, pattern in self.text_list(item, name, key):
                self.regex(where, pattern)
        for where, pattern in self.text_list(item, "sibling_patterns", key):
            if SIBLING not in pattern:
                self.add(where, f"a sibling pattern writes {SIBLING} where the name goes")
            else:  # checked as it will run, with a name put in
                self.regex(where, pattern.replace(SIBLING, "(?-i:Ava)"))
        for name in ("exemplars", "examples", "counter_examples"):
            self.text_list(item, name, key)
        for where, harm in self.text_list(item, "review_harms", key):
            if harm not in HARM_TYPES:
                self.add(where, f"{harm!r} is not a harm type (known: {', '.join(HARM_TYPES)})")
        self.nearby(item, key)
        for flag in ("parents_past", "siblings"):
            if flag in item and not isinstance(item[flag], bool):
                self.add(_join(key, flag), f"expected true or false; got {describe(item[flag])}")
        return ident

    def nearby(self, item: dict[str, Any], key: str) -> None:
        """``nearby``: a list of {pattern, near, within} pairs of sentence patterns."""
        value = item.get("nearby")
        if value is None:
            return
        where = _join(key, "nearby")
        if not isinstance(value, list):
            self.add(where, f"expected a list of {{pattern, near, within}}; got {describe(value)}")
            return
        for i, entry in enumerate(value):
            at = f"{where}[{i}]"
            rule = self.mapping(entry, at, "a nearby rule", NEARBY_KEYS, ("pattern", "near"))
            if rule is None:
                continue
            for name in ("pattern", "near"):
                text = self.text(rule, name, at, required=True)
                if text:
                    self.regex(_join(at, name), text)
            within = rule.get("within", 1)
            if (
                isinstance(within, bool)
                or not isinstance(within, int)
                or not 1 <= within <= MAX_NEARBY_WITHIN
            ):
                self.add(
                    _join(at, "within"),
                    f"expected a whole number of sentences from 1 to {MAX_NEARBY_WITHIN}; "
                    f"got {describe(within)}",
                )

    def regex(self, key: str, pattern: str) -> None:
        problem = pattern_problem(pattern, compile_it=self.patterns)
        if problem is not None:
            self.add(key, problem)

    def criterion(self, value: object, key: str) -> str | None:
        item = self.mapping(value, key, "a criterion", CRITERION_KEYS, ("id", "label", "fact"))
        if item is None:
            return None
        ident = self.ident(item, key, PLAIN_ID, "letters, digits, '_', '.' or '-'")
        self.text(item, "label", key, required=True)
        fact = self.fact_name(item, "fact", key)
        if item.get("unknown_met_by") is not None:
            self.fact_name(item, "unknown_met_by", key)
        if item.get("window") is not None and not isinstance(item["window"], bool):
            self.add(
                _join(key, "window"), f"expected true or false; got {describe(item['window'])}"
            )
        numbers = [n for n in ("below", "min", "max") if item.get(n) is not None]
        words = self.text_list(item, "any_of", key)
        for name in numbers:
            number = item[name]
            if isinstance(number, bool) or not isinstance(number, int | float):
                self.add(_join(key, name), f"expected a number; got {describe(number)}")
        if not numbers and not item.get("any_of"):
            self.add(
                key,
                "the criterion has no condition; add 'any_of: [...]', 'below: N', "
                "'min: N' or 'max: N'",
            )
        vocabulary = FACT_VOCABULARY.get(fact)
        if vocabulary is not None:
            for name in numbers:
                self.add(
                    _join(key, name),
                    f"{fact!r} is a word, not a number; use 'any_of: "
                    f"[...]' with values from: {', '.join(vocabulary)}",
                )
            for where, word in words:
                if word not in vocabulary:
                    self.add(
                        where,
                        f"{word!r} is not a value of {fact!r}; use one of: {', '.join(vocabulary)}",
                    )
        elif fact and item.get("any_of"):
            self.add(
                _join(key, "any_of"),
                f"{fact!r} is not a word fact; use 'below', 'min' or 'max' for numbers",
            )
        low, high = item.get("min"), item.get("max")
        if isinstance(low, int | float) and isinstance(high, int | float) and low > high:
            self.add(_join(key, "min"), f"min ({low}) is greater than max ({high}); swap them")
        return ident

    def fact_name(self, item: dict[str, Any], name: str, key: str) -> str:
        fact = self.text(item, name, key)
        if fact and fact not in FACT_NAMES:
            hint = difflib.get_close_matches(fact, FACT_NAMES, n=1)
            did = f"did you mean {hint[0]!r}? " if hint else ""
            self.add(
                _join(key, name),
                f"{fact!r} is not a fact caselens reads; {did}use one of: {', '.join(FACT_NAMES)}",
            )
            return ""
        return fact

    def question(self, value: object, key: str) -> str | None:
        item = self.mapping(value, key, "a question", QUESTION_KEYS, ("id", "text"))
        if item is None:
            return None
        ident = self.ident(item, key, PLAIN_ID, "letters, digits, '_', '.' or '-'")
        self.text(item, "text", key, required=True)
        for where, theme in self.text_list(item, "themes", key):
            if theme not in self.theme_ids:
                self.add(where, f"unknown theme {theme!r}; use an id from 'themes'")
        for where, indicator in self.text_list(item, "indicators", key):
            if indicator not in self.indicator_ids:
                hint = difflib.get_close_matches(indicator, sorted(self.indicator_ids), n=1)
                did = f" (did you mean {hint[0]!r}?)" if hint else ""
                self.add(
                    where, f"unknown indicator {indicator!r}{did}; use an id from 'indicators'"
                )
        return ident

    def section(self, value: object, key: str) -> str | None:
        item = self.mapping(value, key, "a section role", SECTION_KEYS, ("id", "label"))
        if item is None:
            return None
        ident = self.ident(item, key, PLAIN_ID, "letters, digits, '_', '.' or '-'")
        self.text(item, "label", key, required=True)
        for where, pattern in self.text_list(item, "headings", key):
            self.regex(where, pattern)
        coding = item.get("coding", "case")
        if coding not in SECTION_CODING:
            self.add(
                _join(key, "coding"),
                f"{coding!r} is not a way of coding a section; use one of: "
                + ", ".join(SECTION_CODING),
            )
        if "facts" in item and not isinstance(item["facts"], bool):
            self.add(_join(key, "facts"), f"expected true or false; got {describe(item['facts'])}")
        return ident


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name


def check_codebook_data(data: object) -> list[Problem]:
    """Every problem in a parsed codebook (empty when it is valid), in file order."""
    return expanded_and_checked(data)[1]


def expanded_and_checked(data: object, *, patterns: bool = True) -> tuple[object, list[Problem]]:
    """The codebook data with its named vocabularies put in, and every problem in it:
    patterns are checked as they will run. ``patterns=False`` leaves out compiling each
    pattern and judging its running time (a second of every command's start), for the
    codebook shipped in the package, which the tests check in full."""
    expanded, vocabulary_problems = expand_vocabularies(data)
    checker = _Checker(patterns=patterns)
    for key, message in vocabulary_problems:
        checker.add(key, message)
    checker.codebook(expanded)
    return expanded, checker.problems
