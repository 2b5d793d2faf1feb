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

import bisect
import importlib
import itertools
import re
from dataclasses import dataclass
from typing import Any

# ``re._parser`` is the standard library's own regex parser; importing it by name
# avoids the deprecation warning of its public alias ``sre_parse``.
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

MIN_LITERAL = 3  # shorter strings ("he", "a ") occur everywhere and filter nothing
_MAX_SET = 64  # the largest set of exact strings kept while expanding alternatives

_BOUNDARY = "\x00"  # stands for ``\b`` inside derived strings; removed before searching

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
    if not strings or min(len(s.replace(_BOUNDARY, "").strip()) for s in strings) < MIN_LITERAL:
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
        return frozenset({_BOUNDARY}), ANY
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
    return all(r and (r[-1] == _BOUNDARY or not (r[-1].isalnum() or r[-1] == "_")) for r in run)


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
        needs.append(_lit_set(frozenset(_BOUNDARY + s for s in strings) if lead else strings))

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


_WORD = re.compile(r"\w+")
_ASCII_WORD = re.compile(r"[a-z0-9_]+")


def _keys(needle: str) -> list[tuple[str, bool, bool]]:
    """Word pieces of a literal, each with whether it starts and ends a word in the text."""
    keys: list[tuple[str, bool, bool]] = []
    for m in _ASCII_WORD.finditer(needle):
        if m.end() - m.start() >= MIN_LITERAL:
            starts = m.start() > 0  # a non-word character or a \b comes before it
            ends = m.end() < len(needle)
            keys.append((m.group(), starts, ends))
    return keys


_Piece_ = tuple[str, bool, bool]  # a word piece: text, starts a word, ends a word


class AnchorSet:
    """Anchors of many patterns, numbered once so documents are checked without hashing them.

    Besides the AND/OR graph, it keeps for each word piece the literals needing
    it, so a document's own words tell at once which literals (and so which
    nodes) can be present at all: in a short text most cannot.
    """

    def __init__(self) -> None:
        self._ids: dict[Anchor, int] = {}
        self.nodes: list[tuple[str, int | tuple[int, ...]]] = []
        self.parents: list[list[int]] = []
        self.literals: list[str] = []
        self.literal_node: list[int] = []
        self.pieces: list[tuple[_Piece_, ...]] = []  # per literal: word pieces it needs
        self.piece_numbers: dict[_Piece_, int] = {}
        # Piece numbers by form: a whole word, a word's beginning, a word's end.
        self.forms: tuple[dict[str, int], dict[str, int], dict[str, int]] = ({}, {}, {})
        self.piece_literals: list[list[int]] = []
        self.unconditional: list[int] = []  # nodes that may always be present
        self._rarity: list[int] = []  # longer strings are rarer: check those first

    def add(self, anchor: Anchor) -> int:
        """The node number of ``anchor``, adding it and its parts if new."""
        known = self._ids.get(anchor)
        if known is not None:
            return known
        payload: int | tuple[int, ...]
        if anchor.kind == "lit":
            number = len(self.nodes)
            payload = self._add_literal(anchor.text, number)
            rarity = len(self.literals[payload])
        else:
            parts = [self.add(part) for part in anchor.parts]
            number = len(self.nodes)
            if anchor.kind == "and":
                parts.sort(key=lambda part: -self._rarity[part])
            payload = tuple(parts)
            for part in parts:
                self.parents[part].append(number)
            rarities = [self._rarity[part] for part in parts] or [0]
            rarity = max(rarities) if anchor.kind == "and" else min(rarities)
            if anchor.kind == "any":
                self.unconditional.append(number)
        self._ids[anchor] = number
        self.nodes.append((anchor.kind, payload))
        self.parents.append([])
        self._rarity.append(rarity)
        return number

    def _add_literal(self, marked: str, node: int) -> int:
        literal = len(self.literals)
        self.literals.append(marked.replace(_BOUNDARY, ""))
        self.literal_node.append(node)
        pieces = tuple(dict.fromkeys(p for p in _keys(marked) if p[1] or p[2]))
        self.pieces.append(pieces)
        for piece in pieces:
            if piece not in self.piece_numbers:
                key, starts, ends = piece
                self.piece_numbers[piece] = len(self.piece_literals)
                self.forms[0 if starts and ends else 1 if starts else 2][key] = len(
                    self.piece_literals
                )
                self.piece_literals.append([])
            self.piece_literals[self.piece_numbers[piece]].append(literal)
        if not pieces:
            self.unconditional.append(node)
        return literal

    def index(self, text: str, starts: list[int], ends: list[int]) -> SentenceIndex:
        return SentenceIndex(self, text, starts, ends)


class SentenceIndex:
    """Which sentences of one (lower-cased) text could match each anchor of a set.

    The words of each sentence are indexed once; a literal's sentences are then
    those holding all its word pieces (a whole word, a word's start or its end),
    found by dictionary look-ups rather than by searching the text. Only literals
    whose pieces may sit inside a word are searched for with ``str.find``.
    """

    def __init__(self, anchors: AnchorSet, text: str, starts: list[int], ends: list[int]) -> None:
        self.anchors = anchors
        self.text = text
        self.starts = starts
        self.ends = ends
        self.everything = (1 << len(starts)) - 1
        self._literal_masks: dict[int, int] = {}
        self._node_masks: dict[int, int] = {}
        self._word_masks: dict[str, int] = {}
        self._sorted: list[str] = []
        self._reversed: list[str] = []
        self._piece_masks: dict[tuple[str, bool], int] = {}
        self._live: set[int] | None = None

    def _words(self) -> dict[str, int]:
        """For each word of the text, the sentences holding it."""
        if not self._sorted:
            masks: dict[str, int] = {}
            words_of = _WORD.findall
            for index, (start, end) in enumerate(zip(self.starts, self.ends, strict=True)):
                bit = 1 << index
                for word in set(words_of(self.text, start, end)):
                    masks[word] = masks.get(word, 0) | bit
            self._word_masks = masks
            self._sorted = sorted(masks) or [""]
            self._reversed = sorted(word[::-1] for word in masks)
        return self._word_masks

    def _present(self) -> set[int]:
        """Nodes that may be present, judged from the text's words alone."""
        if self._live is not None:
            return self._live
        anchors = self.anchors
        whole, prefix, suffix = anchors.forms
        words = self._words()
        found = {whole[word] for word in words if word in whole}
        for form, ordered in ((prefix, self._sorted), (suffix, self._reversed)):
            for key, number in form.items():
                probe = key if form is prefix else key[::-1]
                at = bisect.bisect_left(ordered, probe)
                if at < len(ordered) and ordered[at].startswith(probe):
                    found.add(number)
        counts: dict[int, int] = {}
        stack = list(anchors.unconditional)
        for number in found:
            for literal in anchors.piece_literals[number]:
                counts[literal] = counts.get(literal, 0) + 1
                if counts[literal] == len(anchors.pieces[literal]):
                    stack.append(anchors.literal_node[literal])
        live: set[int] = set()
        missing: dict[int, int] = {}
        while stack:
            node = stack.pop()
            if node in live:
                continue
            live.add(node)
            for parent in anchors.parents[node]:
                kind, parts = anchors.nodes[parent]
                if kind == "and":
                    left = missing.get(parent, len(parts) if isinstance(parts, tuple) else 1) - 1
                    missing[parent] = left
                    if left:
                        continue
                stack.append(parent)
        self._live = live
        return live

    def _piece(self, key: str, starts: bool, ends: bool) -> int:
        """Sentences with a word equal to ``key``, or starting or ending with it."""
        masks = self._words()
        if starts and ends:
            return masks.get(key, 0)
        cached = self._piece_masks.get((key, starts))
        if cached is not None:
            return cached
        words, probe = (self._sorted, key) if starts else (self._reversed, key[::-1])
        mask = 0
        at = bisect.bisect_left(words, probe)
        while at < len(words) and words[at].startswith(probe):
            mask |= masks[words[at] if starts else words[at][::-1]]
            at += 1
        self._piece_masks[(key, starts)] = mask
        return mask

    def _search(self, needle: str, within: int) -> int:
        """The sentences of ``within`` that hold ``needle``, by searching the text."""
        text, starts, ends = self.text, self.starts, self.ends
        mask = 0
        if within != self.everything and within.bit_count() * 8 < len(starts):
            rest = within
            while rest:
                low = rest & -rest
                rest ^= low
                index = low.bit_length() - 1
                if text.find(needle, starts[index], ends[index]) >= 0:
                    mask |= low
            return mask
        at = text.find(needle)
        while at >= 0:
            index = bisect.bisect_right(starts, at) - 1
            if index >= 0 and at + len(needle) <= ends[index]:
                mask |= 1 << index
            if index + 1 >= len(starts):
                break
            at = text.find(needle, max(at + 1, starts[index + 1]))  # on to the next sentence
        return mask & within

    def literal(self, number: int) -> int:
        """The sentences that may hold literal ``number`` (all that do, perhaps a few more)."""
        cached = self._literal_masks.get(number)
        if cached is not None:
            return cached
        mask = self.everything
        pieces = self.anchors.pieces[number]
        for key, starts, ends in pieces:
            mask &= self._piece(key, starts, ends)
            if not mask:
                break
        if (mask and len(pieces) != 1) or not pieces:  # several words, or none indexed: search
            mask = self._search(self.anchors.literals[number], mask)
        self._literal_masks[number] = mask
        return mask

    def candidates(self, node: int) -> int:
        """Sentences that could hold a match of the pattern whose anchor is ``node``."""
        cached = self._node_masks.get(node)
        if cached is not None:
            return cached
        if node not in self._present():
            return 0
        kind, payload = self.anchors.nodes[node]
        if isinstance(payload, int):
            mask = self.literal(payload)
        elif kind == "and":
            mask = self.everything
            for part in payload:
                mask &= self.candidates(part)
                if not mask:
                    break
        elif kind == "or":
            mask = 0
            live = self._present()
            for part in payload:
                if part in live:
                    mask |= self.candidates(part)
        else:
            mask = self.everything
        self._node_masks[node] = mask
        return mask
