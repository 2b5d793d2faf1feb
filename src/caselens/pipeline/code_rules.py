"""Code a document against the codebook's patterns, one finding per indicator and sentence.

Each indicator pattern is compiled on its own and run only inside the sentences
that could match it. Which sentences could match is decided by
:mod:`caselens.pipeline.anchors`: the words a pattern cannot match without are
found with fast string search, so the regex engine only sees the few sentences
holding them, and only the patterns whose words are there (an indicator has up to
a hundred patterns; one alternation of them all is tried at every character of
every sentence holding any one's words). An indicator's matches in a sentence are
then taken as their alternation would take them: leftmost first, the earlier
pattern first at one place, none overlapping one taken. Results are exactly those
of running every pattern over every sentence.

Speed: Python's ``re`` is about three times slower with ``re.IGNORECASE``, so the
text is lower-cased once (when that keeps every offset) and patterns without
upper-case letters run case-sensitively on it. A match counts only when no
``exclude`` pattern of the indicator overlaps it and
:mod:`caselens.pipeline.negation` does not find it denied or general. The
evidence is the whole sentence, because a reader judging a finding needs the
sentence, not the few matched words.

An indicator's ``nearby`` rules code a fact told in two sentences of one
paragraph (the sleep in one, the drinking in the next); such findings get the
weak confidence, since the link between the sentences is inferred.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from caselens.errors import CodebookError
from caselens.model import Codebook, Document, Evidence, Finding, Indicator, Nearby, Sentence
from caselens.pipeline.anchor_index import AnchorSet, SentenceIndex
from caselens.pipeline.anchors import ANY, FOLDING_ODDITIES, derive
from caselens.pipeline.cast import sibling_matches, sibling_names
from caselens.pipeline.negation import negation_reason
from caselens.pipeline.rule_confidence import measured_precision

STRONG_CONFIDENCE = 0.9
WEAK_CONFIDENCE = 0.6  # a pattern marked "(?#weak)" is suggestive, not conclusive
WEAK_MARK = "(?#weak)"
_NOTE_LIMIT = 120
_WORDS_SEP = "; "
_CUT = "\u2026"


def matched_words(finding: Finding) -> list[str]:
    """The words a pattern finding's patterns matched, as its note keeps them (a word cut
    short by the note's limit is left out: it is no longer the text's)."""
    if finding.method != "rules" or not finding.note:
        return []
    return [w for w in finding.note.split(_WORDS_SEP) if w and not w.endswith(_CUT)]


_UPPER_LITERAL = re.compile(r"(?<!\\)[A-Z]")


def _caseless(pattern: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """Excludes run only in sentences a pattern matched, so they can afford to ignore case
    on the original text: whether the indicator's patterns ran on the lower-cased text or
    not, "Why ..." opening a sentence must meet an exclude written as "why"."""
    if pattern is None or pattern.flags & re.IGNORECASE:
        return pattern
    return re.compile(pattern.pattern, re.IGNORECASE)


def _alternation(patterns: Iterable[str], where: str) -> re.Pattern[str] | None:
    """One pattern for many; case-sensitive (for lower-cased text) unless a pattern needs case."""
    parts = [p.strip() for p in patterns if p.strip()]
    if not parts:
        return None
    joined = "|".join(f"(?:{p})" for p in parts)
    flags = re.IGNORECASE if any(_UPPER_LITERAL.search(p) for p in parts) else 0
    try:
        return re.compile(joined, flags)
    except re.error as error:
        raise CodebookError(
            "codebook",
            f"a pattern is not a valid regular expression ({error}); fix or remove it",
            where,
        ) from error


@dataclass(frozen=True)
class _NearbyRule:
    """A nearby rule's two patterns, compiled case-insensitively (they run on the original
    text), with their anchors so only sentences holding their words are searched."""

    pattern: re.Pattern[str]
    near: re.Pattern[str]
    within: int
    pattern_anchor: int
    near_anchor: int


def _indices(mask: int) -> list[int]:
    """The positions of the set bits, lowest first."""
    bits = bin(mask)[:1:-1]
    return [i for i, bit in enumerate(bits) if bit == "1"]


@dataclass(frozen=True)
class _Part:
    """One of an indicator's patterns, with the node of its anchor in the coder's AnchorSet."""

    pattern: re.Pattern[str]
    anchor: int
    strong: bool  # not marked "(?#weak)"


@dataclass(frozen=True)
class _Compiled:
    indicator: Indicator
    parts: tuple[_Part, ...]
    exclude: re.Pattern[str] | None
    nearby: tuple[_NearbyRule, ...] = ()
    sibling: tuple[str, ...] = ()  # Indicator.sibling_patterns, names put in per document


@dataclass(frozen=True, slots=True)
class Dropped:
    """A pattern match set aside inside its own clause, with the reason."""

    sentence: int  # index into the sentences coded
    indicator: str
    words: str
    reason: str  # negated | hypothetical | general


@dataclass
class _Hit:
    confidence: float
    words: list[str]


class RuleCoder:
    """Pattern coder over a codebook; build once, then code many documents."""

    method = "rules"

    def __init__(
        self, codebook: Codebook, *, prefilter: bool = True, one_account: bool = False
    ) -> None:
        """``prefilter=False`` runs every pattern on every sentence (for checking).

        ``one_account``: the text is one account of one household (a case's notes), so a
        nearby rule's partner may sit in the next paragraph ("sleeps in her bed" /
        "She smokes"); in a review a paragraph ends a topic, and pairs stay inside it."""
        self.codebook = codebook
        self.prefilter = prefilter
        self.one_account = one_account
        self._precision = measured_precision(codebook)
        self._compiled: list[_Compiled] = []
        # an indicator's words saying its concern is not there (see Indicator.absent)
        self._absent: dict[str, re.Pattern[str]] = {}
        self._anchors = AnchorSet()
        self._caseless_parts: dict[str, re.Pattern[str]] = {}
        self._anchors.add(ANY)
        for ind in codebook.indicators:
            absent = _caseless(_alternation(ind.absent, f"{ind.id}.absent"))
            if absent is not None:
                self._absent[ind.id] = absent
            parts: list[_Part] = []
            for text in ind.patterns:
                strong = not text.startswith(WEAK_MARK)
                compiled = _alternation(
                    [text if strong else text[len(WEAK_MARK) :]], f"{ind.id}.patterns"
                )
                if compiled is not None:
                    parts.append(_Part(compiled, self._anchor(compiled), strong))
            self._compiled.append(
                _Compiled(
                    ind,
                    tuple(parts),
                    _caseless(_alternation(ind.exclude, f"{ind.id}.exclude")),
                    tuple(self._nearby(rule, f"{ind.id}.nearby") for rule in ind.nearby),
                    ind.sibling_patterns,
                )
            )
        self._any_sibling = any(ind.sibling_patterns for ind in codebook.indicators)

    def absent_words(self, text: str, start: int, end: int, indicator: str) -> str | None:
        """The words in ``text[start:end]`` saying ``indicator``'s concern is not there
        ("hair strand clear"), or None."""
        pattern = self._absent.get(indicator)
        found = pattern.search(text, start, end) if pattern is not None else None
        return found.group() if found is not None else None

    def _anchor(self, pattern: re.Pattern[str] | None) -> int:
        return self._anchors.add(derive(pattern.pattern) if pattern is not None else ANY)

    def _nearby(self, rule: Nearby, where: str) -> _NearbyRule:
        compiled = []
        for part in (rule.pattern, rule.near):
            found = _alternation([part], where)
            assert found is not None  # the validator rejects empty patterns
            compiled.append(re.compile(found.pattern, re.IGNORECASE))
        main, near = compiled
        return _NearbyRule(main, near, rule.within, self._anchor(main), self._anchor(near))

    def code(
        self,
        doc: Document,
        sentences: Sequence[Sentence],
        trace: list[Dropped] | None = None,
    ) -> list[Finding]:
        """All findings of the document, ordered by sentence then indicator order.

        ``trace``, when given, collects the matches set aside inside their clause
        (denied, hypothetical, general), so ``caselens explain`` can show them.
        """
        if not sentences:
            return []
        lowered = doc.text.lower()
        index: SentenceIndex | None = None
        if len(lowered) != len(doc.text):  # a rare character changed length: keep offsets
            lowered = doc.text
        elif self.prefilter and not any(char in doc.text for char in FOLDING_ODDITIES):
            index = self._anchors.index(
                lowered, [s.start for s in sentences], [s.end for s in sentences]
            )
        findings: list[tuple[int, int, Finding]] = []
        text = doc.text
        siblings = sibling_names(text) if self._any_sibling else frozenset()
        for order, comp in enumerate(self._compiled):
            hits: dict[int, _Hit] = {}
            for strong, confidence in ((True, STRONG_CONFIDENCE), (False, WEAK_CONFIDENCE)):
                matches = self._matches(doc.text, lowered, comp, strong, sentences, index)
                for i, m in matches:
                    self._consider(doc.text, m, confidence, comp, i, sentences[i], hits, trace)
            for rule in comp.nearby:
                self._pairs(doc.text, lowered, rule, comp, sentences, index, hits, self.one_account)
            if siblings and comp.sibling:
                for i, m in sibling_matches(text, sentences, comp.sibling, siblings):
                    self._consider(text, m, STRONG_CONFIDENCE, comp, i, sentences[i], hits, trace)
            for i, hit in hits.items():
                measured = self._precision.get(comp.indicator.id)
                if measured is not None:  # calibrated: weak evidence keeps its discount
                    hit.confidence = round(measured * hit.confidence / STRONG_CONFIDENCE, 4)
                findings.append((i, order, self._finding(doc, sentences[i], comp, hit)))
        findings.sort(key=lambda item: (item[0], item[1]))
        return [f for _, _, f in findings]

    def _matches(
        self,
        text: str,
        lowered: str,
        comp: _Compiled,
        strong: bool,
        sentences: Sequence[Sentence],
        index: SentenceIndex | None,
    ) -> list[tuple[int, re.Match[str]]]:
        """The strong (or weak) patterns' matches of one indicator, by sentence and place,
        exactly as the alternation of those patterns would find them."""
        live: dict[int, list[re.Pattern[str]]] = {}  # sentence: the patterns it may match
        for part in comp.parts:
            if part.strong != strong:
                continue
            pattern = part.pattern
            if pattern.flags & re.IGNORECASE == 0 and lowered is text:
                pattern = self._folded(pattern)
            candidates = (
                range(len(sentences)) if index is None else _indices(index.candidates(part.anchor))
            )
            for i in candidates:
                live.setdefault(i, []).append(pattern)
        taken: list[tuple[int, re.Match[str]]] = []
        for i in sorted(live):
            sentence = sentences[i]
            patterns = live[i]
            sources = [text if p.flags & re.IGNORECASE else lowered for p in patterns]
            upcoming: list[re.Match[str] | None] = [
                p.search(source, sentence.start, sentence.end)
                for p, source in zip(patterns, sources, strict=True)
            ]
            while True:  # the leftmost match next, the earlier pattern's at one place
                best: re.Match[str] | None = None
                for m in upcoming:
                    if m is not None and (best is None or m.start() < best.start()):
                        best = m
                if best is None:
                    break
                taken.append((i, best))
                resume = best.end() if best.end() > best.start() else best.end() + 1
                for n, m in enumerate(upcoming):
                    if m is not None and m.start() < resume:  # inside the match taken
                        upcoming[n] = patterns[n].search(sources[n], resume, sentence.end)
        return taken

    def _folded(self, pattern: re.Pattern[str]) -> re.Pattern[str]:
        """``pattern`` ignoring case, for a text whose lower-cased form would move offsets."""
        folded = self._caseless_parts.get(pattern.pattern)
        if folded is None:
            folded = self._caseless_parts[pattern.pattern] = re.compile(
                pattern.pattern, re.IGNORECASE
            )
        return folded

    @staticmethod
    def _pairs(
        text: str,
        lowered: str,
        rule: _NearbyRule,
        comp: _Compiled,
        sentences: Sequence[Sentence],
        index: SentenceIndex | None,
        hits: dict[int, _Hit],
        one_account: bool = False,
    ) -> None:
        """Code sentences matching a nearby rule's pattern that have its partner close by
        (in the same paragraph, unless the text is ``one_account``)."""
        within = rule.within
        mains: dict[int, _Hit] = {}
        partners: dict[int, _Hit] = {}
        for compiled, anchor, found in (
            (rule.pattern, rule.pattern_anchor, mains),
            (rule.near, rule.near_anchor, partners),
        ):
            candidates = (
                range(len(sentences)) if index is None else _indices(index.candidates(anchor))
            )
            for i in candidates:
                sentence = sentences[i]
                for m in compiled.finditer(text, sentence.start, sentence.end):
                    RuleCoder._consider(text, m, WEAK_CONFIDENCE, comp, i, sentence, found)
        for i, main in mains.items():
            close = [
                j
                for j in partners
                if abs(i - j) <= within
                and (one_account or sentences[j].block == sentences[i].block)
            ]
            if not close:
                continue
            words = main.words + [w for j in close for w in partners[j].words]
            hit = hits.get(i)
            if hit is None:
                hits[i] = _Hit(WEAK_CONFIDENCE, words)
            else:
                hit.words.extend(w for w in words if w not in hit.words)

    @staticmethod
    def _consider(
        text: str,
        m: re.Match[str],
        confidence: float,
        comp: _Compiled,
        index: int,
        sentence: Sentence,
        hits: dict[int, _Hit],
        trace: list[Dropped] | None = None,
    ) -> None:
        if m.start() < sentence.start or m.end() == m.start():
            return
        if comp.exclude is not None:
            for ex in comp.exclude.finditer(text, sentence.start, sentence.end):
                if ex.start() < m.end() and m.start() < ex.end():
                    return
        quote = text[sentence.start : sentence.end]
        rel_start, rel_end = m.start() - sentence.start, m.end() - sentence.start
        reason = negation_reason(quote, rel_start, rel_end)
        if reason is not None:
            if trace is not None:
                trace.append(Dropped(index, comp.indicator.id, m.group(), reason))
            return
        hit = hits.get(index)
        if hit is None:
            hits[index] = _Hit(confidence, [m.group()])
        else:
            hit.confidence = max(hit.confidence, confidence)
            if m.group() not in hit.words:
                hit.words.append(m.group())

    @staticmethod
    def _finding(doc: Document, sentence: Sentence, comp: _Compiled, hit: _Hit) -> Finding:
        quote = doc.text[sentence.start : sentence.end]
        note = _WORDS_SEP.join(hit.words)
        if len(note) > _NOTE_LIMIT:
            note = note[: _NOTE_LIMIT - 1] + _CUT
        return Finding(
            document=doc.id,
            indicator=comp.indicator.id,
            theme=comp.indicator.theme,
            evidence=Evidence(quote, sentence.start, sentence.end, sentence.page),
            confidence=hit.confidence,
            method="rules",
            sentence_start=sentence.start,
            sentence_end=sentence.end,
            note=note,
        )
