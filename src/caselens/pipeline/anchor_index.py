"""Which sentences of a text hold the words each pattern needs, found once per text.

:mod:`caselens.pipeline.anchors` derives from each pattern the words a match must contain;
this module numbers those anchors for a whole codebook and indexes a text's sentences by
their words, so that a sentence lacking a pattern's words never reaches the regex engine,
and a short text costs a few dictionary look-ups rather than a search per literal.
"""

from __future__ import annotations

import bisect
import re

from caselens.pipeline.anchors import MIN_LITERAL, WORD_BOUNDARY, Anchor

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
        self.literals.append(marked.replace(WORD_BOUNDARY, ""))
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
