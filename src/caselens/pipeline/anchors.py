"""Which sentences could a pattern possibly match? Words it needs, derived from the regex.

Python's ``re`` has no literal pre-filter for a pattern that starts with ``\\b`` or
an alternation, so it attempts a match at every character of the text: running
forty indicators over a long review is the slowest step of the pipeline. Most
codebook patterns, though, cannot match unless certain words are present
("sofa" or "settee" or ...; "not" *and* "shar" ...). This module reads each
pattern's parse tree and derives that requirement as an AND/OR tree of literal
strings (an :class:`Anchor`). Finding those strings with ``str.find`` is fast
(C code), and a sentence lacking them is never handed to the regex engine.

The derivation is conservative: where it cannot tell what a part of a pattern
needs (a character class, an optional part, a look-around) it requires nothing,
so an anchor may let through sentences that do not match, but never stops one
that does. Anchors are derived automatically, so a user's own codebook is as
fast as the default one without any extra keys.

Strings are lower-cased: patterns run on lower-cased text, or case-insensitively
on the original text whose lower-cased form is then searched.
"""

from __future__ import annotations

import importlib
import itertools
from dataclasses import dataclass
from typing import Any

# ``re._parser`` is the standard library's own regex parser; importing it by name
# avoids the deprecation warning of its public alias ``sre_parse``.
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

MIN_LITERAL = 3  # shorter strings ("he", "a ") occur everywhere and filter nothing
_MAX_SET = 64  # the largest set of exact strings kept while expanding alternatives

WORD_BOUNDARY = "\x00"  # stands for ``\b`` inside derived strings; removed before searching

# Characters that ``re.IGNORECASE`` matches to an ASCII letter although their
# lower-case form is not that letter: in a text holding one, lower-cased
# literals could miss a real match, so no sentence is filtered out.
FOLDING_ODDITIES = ("\u0130", "\u0131", "\u017f", "\u212a")


@dataclass(frozen=True)
class Anchor:
    """What a match must contain: ``kind`` is "any", "lit", "and" or "or"."""

    kind: str
    text: str = ""
    parts: tuple[Anchor, ...] = ()

    def literals(self) -> set[str]:
        """Every literal string the anchor mentions."""
        if self.kind == "lit":
            return {self.text}
        return set().union(*(p.literals() for p in self.parts)) if self.parts else set()


ANY = Anchor("any")


def _lit_set(strings: frozenset[str]) -> Anchor:
    """A match holds one of ``strings``; useless if any is too short to be selective."""
    if not strings or min(len(s.replace(WORD_BOUNDARY, "").strip()) for s in strings) < MIN_LITERAL:
        return ANY
    return _or([Anchor("lit", s) for s in sorted(strings)])


def _flatten(parts: list[Anchor]) -> list[Anchor]:
    """Nested alternatives made one; a string holding another listed string is redundant."""
    flat: list[Anchor] = []
    for part in parts:
        flat.extend(part.parts if part.kind == "or" else (part,))
    texts = [p.text for p in flat if p.kind == "lit"]
    return [
        p for p in flat if p.kind != "lit" or not any(t != p.text and t in p.text for t in texts)
    ]


def _and(parts: list[Anchor]) -> Anchor:
    kept = tuple(dict.fromkeys(p for p in parts if p.kind != "any"))
    if not kept:
        return ANY
    return kept[0] if len(kept) == 1 else Anchor("and", parts=kept)


def _or(parts: list[Anchor]) -> Anchor:
    if not parts or any(p.kind == "any" for p in parts):
        return ANY
    kept = tuple(dict.fromkeys(_flatten(parts)))
    return kept[0] if len(kept) == 1 else Anchor("or", parts=kept)


# One analysed piece of a pattern: the exact strings it can match (None when
# unbounded or too many), and what any match of it must contain.
_Piece = tuple[frozenset[str] | None, Anchor]


def _char(code: int) -> frozenset[str] | None:
    char = chr(code)
    return frozenset({char.lower()}) if char.isascii() else None


def _in(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """A character class of a few literal characters, such as ``[- ]``."""
    chars: set[str] = set()
    for op, arg in items:
        if op is _c.LITERAL and chr(arg).isascii():
            chars.add(chr(arg).lower())
        elif op is _c.RANGE and arg[1] - arg[0] < 10 and chr(arg[1]).isascii():
            chars.update(chr(c).lower() for c in range(arg[0], arg[1] + 1))
        else:  # negation, categories (\w, \d), non-ASCII: anything may match
            return None
    return frozenset(chars)


def _item(op: Any, arg: Any, closed: bool) -> _Piece:
    """``closed``: a word cannot continue from the left into this item."""
    if op is _c.LITERAL:
        return _char(arg), ANY
    if op is _c.IN:
        return _in(arg), ANY
    if op is _c.AT and arg is _c.AT_BOUNDARY:  # kept as a mark: a word starts or ends here
        return frozenset({WORD_BOUNDARY}), ANY
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero width: consumes nothing
        return frozenset({""}), ANY
    if op is _c.SUBPATTERN:
        return _sequence(arg[-1], closed)
    if op is _c.BRANCH:
        pieces = [_sequence(alt, closed) for alt in arg[1]]
        exact: frozenset[str] | None = frozenset()
        for alt_exact, _ in pieces:
            if exact is None or alt_exact is None or len(exact | alt_exact) > _MAX_SET:
                exact = None
            else:
                exact = exact | alt_exact
        return exact, _or([need for _, need in pieces])
    if op in _REPEATS:
        low, high, body = arg
        body_exact, body_need = _sequence(body, closed)
        if low == high == 1:
            return body_exact, body_need
        if low == 0 and high == 1 and body_exact is not None:
            return body_exact | {""}, ANY
        return None, (body_need if low >= 1 else ANY)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(arg, closed)
    return None, ANY  # back-references, anything new: require nothing


_REPEATS = tuple(
    op
    for op in (
        _c.MAX_REPEAT,
        _c.MIN_REPEAT,
        getattr(_c, "POSSESSIVE_REPEAT", None),
    )
    if op is not None
)


def _gap(op: Any, arg: Any) -> bool:
    r"""Is this item at least one character that cannot be part of a word (``\s+``)?"""
    if op not in _REPEATS or arg[0] < 1 or len(arg[2]) != 1:
        return False
    inner_op, inner_arg = arg[2][0]
    items = inner_arg if inner_op is _c.IN else [(inner_op, inner_arg)]
    non_word = (_c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD, _c.CATEGORY_DIGIT)
    for kind, value in items:
        if kind is _c.CATEGORY and value in non_word[:2]:
            continue
        if kind is _c.LITERAL and not (chr(value).isalnum() or chr(value) == "_"):
            continue
        return False
    return True


def _ends_word(run: frozenset[str], lead: bool) -> bool:
    """Does every string of ``run`` end where no word goes on (a ``\\b``, a space ...)?"""
    if run == frozenset({""}):
        return lead
    return all(r and (r[-1] == WORD_BOUNDARY or not (r[-1].isalnum() or r[-1] == "_")) for r in run)


def _sequence(items: Any, closed: bool = False) -> _Piece:
    """Adjacent exact parts are joined ("in " + "care|bed") into longer, rarer strings.

    Returns the exact strings of the whole sequence (None unless every part is
    exact) and what a match needs, marked as starting a word when ``closed``.
    """
    needs: list[Anchor] = []
    run = frozenset({""})
    lead = closed
    whole_exact = True

    def flush(strings: frozenset[str]) -> None:
        needs.append(_lit_set(frozenset(WORD_BOUNDARY + s for s in strings) if lead else strings))

    for op, arg in items:
        exact, need = _item(op, arg, _ends_word(run, lead))
        if exact is not None and len(run) * len(exact) <= _MAX_SET:
            run = frozenset(a + b for a, b in itertools.product(run, exact))
            continue
        whole_exact = False
        needs.append(need)
        flush(run)
        if exact is not None and len(exact) <= _MAX_SET:
            lead, run = False, exact
        else:
            lead, run = exact is None and _gap(op, arg), frozenset({""})
    flush(run)
    return (run if whole_exact else None), _and(needs)


def derive(pattern: str) -> Anchor:
    """The anchor of a regular expression; ``ANY`` when nothing is certain."""
    return _sequence(_parser.parse(pattern))[1]
