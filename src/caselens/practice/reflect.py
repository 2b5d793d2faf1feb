"""Check a live case against the learning: what it shows, what is not known, safer sleep.

Everything this produces is a prompt for professional judgement with its
evidence: a quote with offsets into the notes, or a case field with its value.
Nothing here adds things up, weighs them or ranks the family; the output has
no number that could be read as one.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from caselens.model import Codebook, Document, Finding
from caselens.pipeline.settings import Settings
from caselens.practice.case import Case
from caselens.practice.conditions import FactHit, evaluate, lookup
from caselens.practice.result import (
    CaseQuestion,
    Evidence,
    NoteEvidence,
    Reflection,
    ShownIndicator,
    SleepCheck,
    ThemeView,
    Unknown,
)
from caselens.practice.rules import PracticeRules, SleepRule, load_rules
from caselens.practice.wording import spoken_subject

if TYPE_CHECKING:
    from caselens.pipeline.coding import Coder
    from caselens.pipeline.shorthand import Expanded

MAX_POINTS = 4  # a question names at most this many reasons before "and N more"


class _Fields(dict[str, Any]):
    """Template fields of one record, shown as a person would say them."""

    def __missing__(self, key: str) -> str:
        return "not recorded"


def _say(value: Any) -> str:
    if value is None:
        return "not recorded"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_say(v) for v in value) or "none"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("_", " ") if isinstance(value, str) else str(value)


def _fields(record: Any, subject: str) -> _Fields:
    """``subject`` is a data path ("siblings[0]"); the text says "sibling 1"."""
    out = _Fields(subject=spoken_subject(subject) if subject else "the case")
    if isinstance(record, dict):
        out.update({k: _say(v) for k, v in record.items()})
        who = record.get("description") or record.get("relationship")
        if who:
            out["who"] = (
                str(who)
                .replace("mothers_", "mother's ")
                .replace("fathers_", "father's ")
                .replace("_", " ")
            )
    out.setdefault("who", "adult")
    return out


def _records(data: dict[str, Any], each: str | None) -> Iterator[tuple[Any, str]]:
    if each is None:
        yield data, ""
        return
    for i, item in enumerate(lookup(data, each) or []):
        yield item, f"{each}[{i}]"


def _note_evidence(findings: list[Finding]) -> dict[str, list[NoteEvidence]]:
    out: dict[str, list[NoteEvidence]] = {}
    for f in findings:
        out.setdefault(f.indicator, []).append(NoteEvidence(f.quote, f.start, f.end))
    return out


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".")
    first = text.split(" ", 1)[0]
    return text if len(first) > 1 and first.isupper() else text[:1].lower() + text[1:]


def code_notes(
    notes: str,
    name: str,
    codebook: Codebook,
    settings: Settings,
    needs_a_gap: frozenset[str] = frozenset(),
    settled_history: frozenset[str] = frozenset(),
    supervision_working: frozenset[str] = frozenset(),
) -> tuple[str, list[Finding], tuple[str, ...]]:
    """The notes coded by the same engine as reviews (negation handled there), their
    shorthand read as the words it stands for; every finding quotes the notes as written.

    Findings of ``needs_a_gap`` indicators are kept only where their passage names a gap,
    of ``settled_history`` indicators only where it does not say the matter is past and
    over, and of ``supervision_working`` indicators not where the passage names no gap and
    its entry shows supervision at work (see ``practice/notes_reading.yaml``)."""
    from caselens.pipeline.segment import segment
    from caselens.pipeline.shorthand import spelt_out
    from caselens.pipeline.stance import names_a_gap
    from caselens.practice.settled import says_settled
    from caselens.practice.supervision import entry_from
    from caselens.practice.supervision import supervision_working as working

    doc = Document.from_text(notes, name)
    coder = _notes_coder(codebook, settings)
    read, spelt = spelt_out(doc)

    def shown(f: Finding) -> bool:
        if f.indicator in needs_a_gap and not names_a_gap(f.quote):
            return False
        if f.indicator in settled_history and says_settled(f.quote):
            return False
        return not (
            f.indicator in supervision_working
            and not names_a_gap(f.quote)
            and working(entry_from(read.text, f.sentence_start or f.start))
        )

    # judged on the words read ("DNA" is "did not attend"), quoted as written
    findings = [
        f if read is doc else _in_notes(f, doc.text, spelt)
        for f in coder.code(read, segment(read))
        if shown(f)
    ]
    return doc.text, findings, coder.methods


@functools.lru_cache(maxsize=4)
def _notes_coder(codebook: Codebook, settings: Settings) -> Coder:
    """Built once per codebook and settings: compiling the patterns takes most of a
    case check's time, and a web app checks case after case with the same codebook."""
    from caselens.pipeline.coding import Coder

    return Coder(codebook, settings, one_account=True)


def _in_notes(finding: Finding, text: str, spelt: Expanded) -> Finding:
    """A finding made on the spelt-out notes, pointing into the notes as written."""
    start, end = spelt.start(finding.start), spelt.end(finding.end)
    sentence_start = (
        spelt.start(finding.sentence_start) if finding.sentence_start is not None else None
    )
    sentence_end = spelt.end(finding.sentence_end) if finding.sentence_end is not None else None
    evidence = replace(finding.evidence, quote=text[start:end], start=start, end=end)
    return replace(
        finding, evidence=evidence, sentence_start=sentence_start, sentence_end=sentence_end
    )


class _Check:
    """One pass over a case; kept as a class so each step reads the same inputs."""

    def __init__(self, case: Case, codebook: Codebook, rules: PracticeRules) -> None:
        self.case, self.codebook, self.rules = case, codebook, rules
        self.data = case.to_dict()

    def indicators(self, notes: dict[str, list[NoteEvidence]]) -> list[ShownIndicator]:
        says: dict[str, list[str]] = {}
        facts: dict[str, list[FactHit]] = {}
        for m in self.rules.mappings:
            for record, subject in _records(self.data, m.each):
                ok, hits = evaluate(m.when, record, subject)
                if ok:
                    bucket = facts.setdefault(m.indicator, [])
                    bucket.extend([h for h in hits if h not in bucket])
                    line = m.says.format_map(_fields(record, subject))
                    if line and line not in says.setdefault(m.indicator, []):
                        says[m.indicator].append(line)
        out = []
        for ind in self.codebook.indicators:
            evidence: tuple[Evidence, ...] = (*facts.get(ind.id, ()), *notes.get(ind.id, ()))
            if evidence:
                out.append(
                    ShownIndicator(
                        ind.id,
                        ind.theme,
                        ind.label,
                        ind.why_it_matters,
                        tuple(says.get(ind.id, ())),
                        evidence,
                    )
                )
        return out

    def unknowns(self, noted: set[str]) -> list[Unknown]:
        out = []
        for check in self.rules.unknowns:
            if noted.intersection(check.resolved_by_notes):
                continue
            ind = self.codebook.indicator(check.indicator)
            for record, subject in _records(self.data, check.each):
                ok, hits = evaluate(check.when, record, subject)
                if not ok:
                    continue
                fields = _fields(record, subject)
                prompt = check.prompt.strip() or ind.unknown_prompt
                key = f"{check.id}@{subject}" if subject else check.id
                out.append(
                    Unknown(
                        key,
                        check.id,
                        ind.id,
                        ind.theme,
                        check.summary.format_map(fields),
                        prompt.format_map(fields),
                        ind.why_it_matters,
                        tuple(hits),
                    )
                )
        return out

    def sleep(self, notes: dict[str, list[NoteEvidence]]) -> list[SleepCheck]:
        return [self._sleep_rule(rule, notes) for rule in self.rules.safer_sleep]

    def _sleep_rule(self, rule: SleepRule, notes: dict[str, list[NoteEvidence]]) -> SleepCheck:
        differs, hits = evaluate(rule.differs, self.data) if rule.differs else (False, [])
        # one passage may show two of the rule's indicators: it is shown once
        quotes = list(
            {
                q: None
                for entry in rule.notes_differ
                for q in notes.get(entry.indicator, ())
                if entry.shows(q.quote)
            }
        )
        evidence: tuple[Evidence, ...] = (*hits, *quotes)
        status = "differs" if differs or quotes else "not_known"
        if status == "not_known" and rule.in_line:
            in_line, hits = evaluate(rule.in_line, self.data)
            if in_line:
                status, evidence = "in_line", tuple(hits)
        return SleepCheck(
            rule.id,
            rule.label,
            self.rules.safer_sleep_theme,
            rule.advice,
            rule.why_it_matters,
            status,
            rule.prompt,
            rule.facts,
            evidence,
        )


def _questions(
    codebook: Codebook,
    rules: PracticeRules,
    shown: list[ShownIndicator],
    unknowns: list[Unknown],
    sleep: list[SleepCheck],
) -> list[CaseQuestion]:
    out = []
    for q in codebook.questions:
        wording = rules.questions.get(q.id)
        include = wording.wording if wording else "{text} In this case: {points}."
        if wording and wording.include == "never":
            continue
        fits: list[tuple[str, str]] = []  # (id, phrase)
        for i in shown:
            if i.id in q.indicators or (not q.indicators and i.theme in q.themes):
                fits.append((i.id, i.says[0] if i.says else i.label))
        for u in unknowns:
            if u.indicator in q.indicators or (not q.indicators and u.theme in q.themes):
                fits.append((u.key, u.summary))
        for s in sleep:
            if s.status == "differs" and s.theme in q.themes and q.indicators:
                fits.append((s.id, f"the advice '{s.label}' is not what the case shows"))
        if not fits and not (wording and wording.include == "always"):
            continue
        every = [_sentence(p) for _, p in fits]
        phrases = every
        if len(phrases) > MAX_POINTS:
            phrases = [*phrases[:MAX_POINTS], f"and {len(phrases) - MAX_POINTS} more"]
        worded = include.format(text=q.text, points="; ".join(phrases)) if fits else q.text
        out.append(
            CaseQuestion(
                q.id, q.text, worded, tuple(i for i, _ in fits), tuple(dict.fromkeys(every))
            )
        )
    return out


def check_case(
    case: Case,
    codebook: Codebook | None = None,
    settings: Settings | None = None,
    rules: PracticeRules | None = None,
) -> Reflection:
    """Check ``case`` against the learning in ``codebook`` (default: the infant codebook)."""
    if codebook is None:
        from caselens.codebook import default_codebook

        codebook = default_codebook()
    settings = settings or Settings()
    rules = rules or load_rules(codebook)
    notes_text = ""
    methods: tuple[str, ...] = ("rules",)
    findings: list[Finding] = []
    if case.notes and case.notes.strip():
        notes_text, findings, methods = code_notes(
            case.notes,
            case.reference or "case notes",
            codebook,
            settings,
            rules.needs_a_gap,
            rules.settled_history,
            rules.supervision_working,
        )
    notes = _note_evidence(findings)
    check = _Check(case, codebook, rules)
    shown = check.indicators(notes)
    unknowns = check.unknowns(set(notes))
    sleep = check.sleep(notes)
    themes = tuple(
        ThemeView(
            t.id,
            t.label,
            t.why_it_matters,
            tuple(i.id for i in shown if i.theme == t.id),
            tuple(u.key for u in unknowns if u.theme == t.id),
            tuple(s.id for s in sleep if s.theme == t.id),
        )
        for t in codebook.themes
    )
    return Reflection(
        reference=case.reference,
        date=case.date,
        codebook={"id": codebook.id, "version": codebook.version},
        methods=methods,
        statement=rules.statement,
        safer_sleep_source=rules.safer_sleep_source,
        notes=notes_text,
        themes=themes,
        indicators=tuple(shown),
        unknowns=tuple(unknowns),
        questions=tuple(_questions(codebook, rules, shown, unknowns, sleep)),
        safer_sleep=tuple(sleep),
    )
