"""Refuse regular expressions whose matching time can explode.

A codebook is data a user may get from someone else, and its patterns run on every
sentence of every review. Python's ``re`` backtracks: a repetition nested inside an
unbounded repetition (``(a+)+$``, ``(\\w+\\s?)*$``) can take exponential time on a
sentence that almost matches, and the coder would hang for ever. The shapes are found
in the parsed expression, before any text is read, so a validator can name the pattern
and say how to rewrite it. Bounded outer repetitions (``(?:\\w+\\s+){0,4}``, the
codebook's everyday "up to four words") stay allowed; possessive and atomic groups
cannot backtrack and are allowed too.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# The standard library's own parser of regular expressions (re._parser since 3.11; its
# old public name sre_parse is deprecated). Private, so typed loosely.
_p: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

# An outer repetition allowed to hold an unbounded one: "up to this many times".
MAX_OUTER = 10
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}


def _children(op: Any, av: Any) -> list[Any]:
    """The sub-patterns directly under one node of the parse tree."""
    if op in _REPEATS:
        return [av[2]]
    if op is _c.SUBPATTERN:
        return [av[3]]
    if op is _c.BRANCH:
        return list(av[1])
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]]
    if op is _c.GROUPREF_EXISTS:
        return [x for x in av[1:] if x is not None]
    return []


def _has_unbounded(sub: Any) -> bool:
    for op, av in sub:
        if op in _REPEATS and av[1] > MAX_OUTER:
            return True
        if any(_has_unbounded(child) for child in _children(op, av)):
            return True
    return False


_SEPARATORS = {_c.LITERAL, _c.NOT_LITERAL, _c.IN}


def _separated(sub: Any) -> bool:
    r"""The repeated body must match a fixed character of its own each time round
    (``(?:\.\d+)*``: the dot), so the ways of splitting a text between rounds do not
    multiply. A heuristic against the common catastrophic shapes, not a proof."""
    for op, av in sub:
        if op in _SEPARATORS:
            return True
        if op is _c.SUBPATTERN and _separated(av[3]):
            return True
    return False


def _nested(sub: Any) -> str | None:
    """The text of the first repetition that holds an unbounded repetition, if any."""
    for op, av in sub:
        if op in _REPEATS and av[1] > MAX_OUTER and _has_unbounded(av[2]) and not _separated(av[2]):
            return "an unbounded repetition inside another"
        for child in _children(op, av):
            found = _nested(child)
            if found:
                return found
    return None


def danger(pattern: str) -> str | None:
    """Why ``pattern`` may take exponential time, or None when its shape is safe.

    The pattern must already compile; flags do not change the shape."""
    try:
        parsed = _p.parse(pattern)
    except (re.error, RecursionError, OverflowError):  # reported by compiling it
        return None
    return _nested(parsed)


# A sentence of ordinary words: a pattern that matches zero characters anywhere
# in it would tag every sentence of every document.
_EMPTY_MATCH_PROBE = "The baby was seen at home by the health visitor on 3 May."


def pattern_problem(pattern: str, *, compile_it: bool = True) -> str | None:
    """What makes a codebook pattern unfit to run, said for the person editing it, or
    None. ``compile_it=False`` checks only what needs no compiling (control characters):
    the shipped codebook, which the tests check in full, skips the rest at start-up."""
    control = [c for c in pattern if ord(c) < 0x20]
    if control:
        return (
            f"pattern {pattern!r} contains a control character {control[0]!r}: in "
            "YAML double quotes '\\b' is a backspace; write patterns in single quotes, "
            "e.g. '\\bcot\\b'"
        )
    if not compile_it:
        return None
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as e:
        return (
            f"pattern {pattern!r} is not a valid regular expression: {e}; "
            "fix the expression (escape literal ( ) [ ] . + * ? with a backslash)"
        )
    except (OverflowError, RecursionError):
        return (
            f"pattern {pattern!r} is too large to compile (a repetition count or a "
            "nesting beyond what the regular expression engine accepts); use a smaller "
            "bound such as {0,60}"
        )
    slow = danger(pattern)
    if slow:
        return (
            f"pattern {pattern!r} has {slow}, which can take exponential time on a "
            "sentence that nearly matches and would hang the coding; bound the outer "
            f"repetition (at most {{0,{MAX_OUTER}}}), or make the inner one possessive "
            "('\\w++') or atomic ('(?>...)')"
        )
    probes = ("", _EMPTY_MATCH_PROBE)
    if any(m.end() == m.start() for probe in probes for m in compiled.finditer(probe)):
        return (
            f"pattern {pattern!r} can match the empty string, so it would tag "
            "every sentence; make at least one character required "
            "(e.g. 'x+' not 'x*', no empty alternative '|')"
        )
    return None
