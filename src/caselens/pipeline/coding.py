"""Code a document with every available coder and keep what a careful reviewer would.

Coders propose: the pattern coder (precise, explainable), the trained sentence model
(meaning in other words) and the semantic matcher. Their proposals are merged, one per
(indicator, sentence), and then judged as a reviewer judges a sentence:

* where it sits: headings are never evidence, and a section's role (from the
  codebook's ``sections``) says whether its sentences can be findings at all
  (national context, methodology, glossary: no; recommendations: only when they name
  this case; chronology, analysis: yes);
* how it speaks (:mod:`caselens.pipeline.stance`): only a statement about this case
  that asserts counts, not one that denies, withdraws, praises, asks or speaks of
  people in general.

What is not counted is kept as ``Considered`` with its reason, so a person can see
why a sentence was left out (``caselens explain``) and correct it.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from caselens.model import Codebook, Document, Finding, Sentence
from caselens.pipeline.case_link import names_this_case
from caselens.pipeline.cast import parent_names, parents_sibling_reason
from caselens.pipeline.code_model import ModelCoder
from caselens.pipeline.code_rules import Dropped, RuleCoder, matched_words
from caselens.pipeline.settings import Settings
from caselens.pipeline.stance import ASSERTS, Stance, judge, outside_parents_past
from caselens.pipeline.structure import Structure, StructureReader

_log = logging.getLogger(__name__)

_REASONS = {
    "negated": "the clause denies it",
    "hypothetical": "a supposition, not what happened",
    "asked": "the topic of a question someone was asked, not what was so",
    "other_family": "told of another family, not this one",
    "danger": "the danger advice spoke of, not what this family did",
    "general": "speaks in general (research, guidance, a recommendation for everyone), "
    "not about this case",
}


@dataclass(frozen=True, slots=True)
class Considered:
    """A sentence a coder proposed for an indicator, and what became of it."""

    indicator: str
    start: int
    end: int
    page: int | None
    method: str
    detail: str  # the words a pattern matched, or the model's probability
    confidence: float
    section: str
    stance: str
    kept: bool
    reason: str  # why it was kept or set aside, for a person


@dataclass(frozen=True)
class Coding:
    """The findings of one document and everything considered on the way."""

    findings: tuple[Finding, ...]
    considered: tuple[Considered, ...]

    @property
    def set_aside(self) -> tuple[Considered, ...]:
        return tuple(c for c in self.considered if not c.kept)


class SentenceCoder(Protocol):
    def code(self, doc: Document, sentences: Sequence[Sentence]) -> list[Finding]: ...


def _semantic_coder(codebook: Codebook) -> SentenceCoder | None:
    """The semantic coder if its module and model are available, else None."""
    try:
        module = importlib.import_module("caselens.pipeline.code_semantic")
    except ImportError:
        return None
    try:
        coder: SentenceCoder = module.SemanticCoder(codebook)
    except ImportError:  # the model's runtime (e.g. onnxruntime) is not installed
        return None
    return coder


def _key(finding: Finding) -> tuple[str, int, int]:
    start = finding.sentence_start if finding.sentence_start is not None else finding.start
    end = finding.sentence_end if finding.sentence_end is not None else finding.end
    return (finding.indicator, start, end)


def merge(
    primary: Sequence[Finding], secondary: Sequence[Finding], min_confidence: float
) -> list[Finding]:
    """One finding per (indicator, sentence); ``primary`` wins a tie, weak ones are dropped."""
    chosen: dict[tuple[str, int, int], Finding] = {}
    for finding in list(primary) + list(secondary):
        if finding.confidence < min_confidence:
            continue
        chosen.setdefault(_key(finding), finding)
    return sorted(chosen.values(), key=lambda f: (f.start, f.end, f.indicator))


class Coder:
    """The coding step: patterns always, the trained model and semantic matching when
    asked for and available, then the reviewer's judgement of section and stance."""

    def __init__(
        self,
        codebook: Codebook,
        settings: Settings | None = None,
        model: ModelCoder | None = None,
        *,
        one_account: bool = False,
    ) -> None:
        """``model`` overrides the shipped trained model (training scripts pass their own);
        ``one_account`` codes a case's notes (see :class:`RuleCoder`)."""
        self.codebook = codebook
        self.settings = settings or Settings()
        self.rules = RuleCoder(codebook, one_account=one_account)
        self.structure = StructureReader(codebook.sections)
        self._parents_past = frozenset(i.id for i in codebook.indicators if i.parents_past)
        self._siblings = frozenset(i.id for i in codebook.indicators if i.siblings)
        self._theme = {i.id: i.theme for i in codebook.indicators}
        self.model = model if model is not None else _model_coder(codebook, self.settings)
        if self.model is not None and one_account:
            self.model = self.model.for_notes()
        self.semantic: SentenceCoder | None = (
            _semantic_coder(codebook) if self.settings.semantic else None
        )

    @property
    def methods(self) -> tuple[str, ...]:
        names = ["rules"]
        if self.model is not None:
            names.append("model")
        if self.semantic is not None:
            names.append("semantic")
        return tuple(names)

    def provenance(self) -> dict[str, object]:
        """Which coders ran, and which trained model, for a run's provenance."""
        out: dict[str, object] = {"methods": list(self.methods)}
        if self.model is not None:
            out["model_sha256"] = self.model.model.config.get("sha256")
            # the weights' hash does not cover the floor of its check in full reviews
            out["model_long_floor"] = self.model.long_floor
            if self.rules.one_account:
                out["model_notes_threshold"] = self.model.notes_threshold
        return out

    def code(self, doc: Document, sentences: Sequence[Sentence]) -> list[Finding]:
        """The findings of the document (see :meth:`consider` for what was set aside)."""
        return list(self.consider(doc, sentences).findings)

    def eligible(
        self,
        doc: Document,
        sentences: Sequence[Sentence],
        structure: Structure | None = None,
        stances: Sequence[Stance] | None = None,
    ) -> list[str | None]:
        """For each sentence, why it cannot be a finding (heading, section, stance), or None."""
        structure = structure or self.structure.read(doc, sentences)
        out: list[str | None] = []
        for i, sentence in enumerate(sentences):
            if i in structure.headings:
                out.append("a heading")
                continue
            role = structure.role(i)
            quote = doc.text[sentence.start : sentence.end]
            stance = stances[i] if stances is not None else judge(quote)
            out.append(_sentence_reason(role.coding, role.label, quote, stance))
        return out

    def consider(
        self,
        doc: Document,
        sentences: Sequence[Sentence],
        structure: Structure | None = None,
        stances: Sequence[Stance] | None = None,
    ) -> Coding:
        """Every coder's proposals over the document, judged by section and stance.

        ``structure`` and ``stances`` (one per sentence), when the caller has them, are
        not worked out again."""
        structure = structure or self.structure.read(doc, sentences)
        body = [i for i in range(len(sentences)) if i not in structure.headings]
        coded = [sentences[i] for i in body]
        trace: list[Dropped] = []
        rule_findings = self.rules.code(doc, coded, trace)
        other: list[Finding] = []
        overruled: list[Finding] = []
        verdict = _OVERRULED
        if self.model is not None:
            reasons = self.eligible(doc, sentences, structure, stances)
            open_ = [sentences[i] for i in body if reasons[i] is None]
            if self.model_reads_whole(doc, structure):
                proposed, rule_findings, overruled = self.model.code(doc, open_, rule_findings)
                other.extend(proposed)
            else:  # a full review: the model only checks the patterns' sentences
                rule_findings, overruled = self.model.check(doc, open_, rule_findings)
                verdict = _OVERRULED_IN_REVIEW
        if self.semantic is not None:
            other.extend(self.semantic.code(doc, coded))
        proposals = merge(rule_findings, other, 0.0)
        denied = _denied(trace, coded, self._theme) if other else {}  # only others' need it
        where = {(sentences[i].start, sentences[i].end): i for i in body}
        judged: dict[int, Stance] = dict(enumerate(stances)) if stances is not None else {}
        parents: frozenset[str] | None = None  # read from the text only when needed
        findings: list[Finding] = []
        considered: list[Considered] = []
        for finding, overrule in [(f, None) for f in proposals] + [(f, verdict) for f in overruled]:
            index = where[_sentence_of(finding)]
            role = structure.role(index)
            stance = judged.get(index)
            if stance is None:
                stance = judged[index] = judge(finding.quote)
            sibling = None
            if finding.indicator in self._siblings:
                parents = parent_names(doc.text) if parents is None else parents
                sibling = parents_sibling_reason(finding.quote, matched_words(finding), parents)
            reason = (
                overrule
                or self._set_aside(role.coding, role.label, stance, finding)
                or sibling
                or _denied_reason(finding, denied)
                or self._absent_reason(doc, finding)
            )
            kept = reason is None
            considered.append(
                Considered(
                    finding.indicator,
                    finding.start,
                    finding.end,
                    finding.page,
                    finding.method,
                    finding.note or "",
                    finding.confidence,
                    role.id,
                    stance.label,
                    kept,
                    reason or "a statement about this case",
                )
            )
            if kept:
                findings.append(replace(finding, section=role.id, stance=stance.label))
        for drop in trace:
            sentence = coded[drop.sentence]
            role = structure.role(where[(sentence.start, sentence.end)])
            why = _REASONS.get(drop.reason, drop.reason)
            if role.coding == "none":  # the section says it first
                why = _sentence_reason(role.coding, role.label, "", ASSERTS) or why
            considered.append(
                Considered(
                    drop.indicator,
                    sentence.start,
                    sentence.end,
                    sentence.page,
                    "rules",
                    drop.words,
                    0.0,
                    role.id,
                    drop.reason,
                    False,
                    why,
                )
            )
        considered.sort(key=lambda c: (c.start, c.indicator, not c.kept))
        return Coding(tuple(findings), tuple(considered))

    def model_reads_whole(self, doc: Document, structure: Structure) -> bool:
        """Whether the trained model reads this text: summaries, briefings and notes, the
        kinds of text it learned from; not a review with its sections, nor a long text
        without headings (what it learned from was under 3,000 characters, and encoding
        every sentence of a long document costs seconds). A case's notes are read however
        many there are."""
        if len(structure.headings) >= _STRUCTURED and len(doc.text) > _BRIEFING_MAX_CHARS:
            return False
        return self.rules.one_account or len(doc.text) <= _MODEL_MAX_CHARS

    def _absent_reason(self, doc: Document, finding: Finding) -> str | None:
        """A proposal of another coder (the patterns judge their own words) in a sentence
        that says its indicator's concern is not there: "Mum asked re drugs, says none;
        hair strand clear" is no evidence of substance misuse, however a model weighs the
        topic. Where the patterns found the indicator in the sentence, theirs stands."""
        if finding.method == "rules":
            return None
        start, end = _sentence_of(finding)
        words = self.rules.absent_words(doc.text, start, end, finding.indicator)
        if words is None:
            return None
        return f"the sentence says it is not so ({words!r})"

    def _set_aside(self, coding: str, label: str, stance: Stance, finding: Finding) -> str | None:
        """Why a proposal is not a finding, or None when it is one."""
        reason = _sentence_reason(coding, label, finding.quote, stance)
        parents_only = stance.about == "parents_past" and not outside_parents_past(
            finding.quote, matched_words(finding)
        )
        if reason is None and parents_only and finding.indicator not in self._parents_past:
            return f"{stance.reason}: evidence of the parent's history, not of this"
        if reason is None and finding.confidence < self.settings.min_confidence:
            return f"confidence {finding.confidence:.2f} is below the minimum"
        return reason


def _denied(
    trace: Sequence[Dropped], coded: Sequence[Sentence], theme: dict[str, str]
) -> dict[tuple[str, int, int], str]:
    """(indicator or theme, sentence start, end) -> why the patterns set their own words
    for it aside there."""
    out: dict[tuple[str, int, int], str] = {}
    for drop in trace:
        sentence = coded[drop.sentence]
        out.setdefault((drop.indicator, sentence.start, sentence.end), drop.reason)
        if drop.reason == "negated" and drop.indicator in theme:
            out.setdefault((theme[drop.indicator], sentence.start, sentence.end), drop.reason)
    return out


def _denied_reason(finding: Finding, denied: dict[tuple[str, int, int], str]) -> str | None:
    """A proposal of another coder in a sentence where the patterns read the words for its
    indicator, or a denial of another of its theme's, as denied ("no bed-sharing", "nil
    DV disclosed") is set aside as theirs were.

    A sentence's stance is judged as a whole, and a note lists many things in one
    sentence ("Safe sleep discussed: cot in parents' room, no bed-sharing, no smokers");
    the patterns judge the clause around their words, so where they found the topic's
    words denied, a model weighing the same words is not believed over them. A pattern
    finding of the same indicator kept elsewhere in the sentence is merged with the
    proposal first, so this only ever sets aside what the patterns did not find."""
    if finding.method == "rules":
        return None
    _, start, end = _key(finding)
    reason = denied.get(_key(finding))
    if reason is None:
        reason = denied.get((finding.theme, start, end))
        if reason is None:
            return None
        return f"{_REASONS.get(reason, reason)} (the words of its theme that the patterns read)"
    return f"{_REASONS.get(reason, reason)} (the words for it that the patterns read)"


def _sentence_of(finding: Finding) -> tuple[int, int]:
    start = finding.sentence_start if finding.sentence_start is not None else finding.start
    end = finding.sentence_end if finding.sentence_end is not None else finding.end
    return (start, end)


def _sentence_reason(coding: str, label: str, quote: str, stance: Stance) -> str | None:
    """Why a sentence in a section of this kind, speaking this way, is no finding."""
    if coding == "none":
        return f"in the section '{label}', which is not about what happened in this case"
    if coding == "linked" and not names_this_case(quote):
        return "a recommendation that does not name this case"
    if not stance.counts and stance.about != "parents_past":
        return stance.reason
    return None


_OVERRULED = "the trained model, which checks the patterns for this indicator, did not find it here"
# In a full review the model reads only what a pattern matched (ModelCoder.check).
_OVERRULED_IN_REVIEW = (
    "the trained model, reading the sentence a pattern matched, all but ruled it out "
    "(a pattern firing on words that are not about this family)"
)

# The trained model learned from summaries and notes. In a full review with its sections
# it added more wrong findings than right ones (long-dev 0.885 -> 0.847), so in a text with
# three headings or more and over 10,000 characters (a briefing's "What happened", "What
# we learned" are a page or two; a review 25,000 and more) the patterns code alone.
_STRUCTURED = 3
_BRIEFING_MAX_CHARS = 10_000
# About 5,000 words: a briefing of a few pages. The generated reviews of the speed benchmark
# (20 pages, no headings) are not read by it, nor is a long text whose headings were lost.
_MODEL_MAX_CHARS = 30_000


def _model_coder(codebook: Codebook, settings: Settings) -> ModelCoder | None:
    """The shipped trained model, when asked for; a codebook whose indicators it does not
    know is coded without it (and the log says so)."""
    if not settings.model:
        return None
    from caselens.pipeline.sentence_model import default_model

    coder = ModelCoder(codebook, default_model())  # SentenceModelError says what to do
    if not coder.usable:
        _log.warning("the trained model knows none of codebook %s's indicators", codebook.id)
        return None
    return coder
