"""Code sentences with the trained sentence model, and join its word to the patterns'.

Which coder decides an indicator was chosen by measurement, per indicator, when the
model was trained (``policy`` in its config, chosen on out-of-fold predictions):

* ``rules``: the patterns decide; the model only calibrates their confidence;
* ``verify``: a pattern finding stands only where the model agrees at least a little
  (its threshold is low); the model proposes nothing of its own;
* ``model``: the model decides; a pattern match without the model's agreement is set
  aside (and shown as such by ``caselens explain``);
* ``union``: either may find it.

In a full review (sections, or too long for the model to read whole), the model proposes
nothing; it reads the sentences an indicator's patterns matched and overrules the
indicator where it gives every one of them less than ``long_floor`` (in its config): the
patterns firing on words that are not about the family (context, other people, praise).
The floor was chosen on the labelled long reviews read while writing the rules
(``scripts/choose_long_floor.py``) and measured on long reviews never read.

A case's notes are read with their own union threshold where the config gives one
(``notes_threshold``). The union threshold was chosen on reporting; on notes a lower one
finds more of what a supervisor would pick out for little loss of precision. It was chosen
on batches of labelled notes never read and measured on other batches
(docs/sentence-model.md).

Confidence is calibrated on held-out labelled sentences (Platt scaling of the model's
logit, one fit for pattern findings and one for the model's own), so a finding at 0.8
was right about four times in five on text the model had not seen.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from caselens.model import Codebook, Document, Evidence, Finding, Sentence
from caselens.pipeline.sentence_model import SentenceModel

POLICIES = ("rules", "verify", "union", "model")


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(x, 40.0), -40.0)))


class ModelCoder:
    """The trained model over one codebook's indicators."""

    method = "model"

    def __init__(self, codebook: Codebook, model: SentenceModel) -> None:
        self.model = model
        self.codebook = codebook
        config = model.config
        self._column = {label: i for i, label in enumerate(model.labels)}
        self._theme = {i.id: i.theme for i in codebook.indicators}
        self.policy: dict[str, str] = {
            i.id: str(config.get("policy", {}).get(i.id, "rules")) for i in codebook.indicators
        }
        self.threshold: dict[str, float] = {
            i.id: float(config.get("thresholds", {}).get(i.id, config.get("threshold", 0.5)))
            for i in codebook.indicators
        }
        floor = config.get("long_floor")
        self.long_floor: float | None = None if floor is None else float(floor)
        notes = config.get("notes_threshold")
        self.notes_threshold: float | None = None if notes is None else float(notes)
        calibration = config.get("calibration", {})
        self._calibration = {
            method: (float(calibration[method][0]), float(calibration[method][1]))
            for method in ("rules", "model")
            if method in calibration
        }

    def for_notes(self) -> ModelCoder:
        """This coder as it reads a case's notes: the notes threshold, where the config
        gives one, in place of the threshold chosen on reporting."""
        if self.notes_threshold is None:
            return self
        notes = copy.copy(self)
        notes.threshold = dict.fromkeys(self.threshold, self.notes_threshold)
        return notes

    @property
    def usable(self) -> bool:
        """True when the model knows at least one of the codebook's indicators."""
        return any(i.id in self._column for i in self.codebook.indicators)

    def confidence(self, method: str, logit: float) -> float:
        a, b = self._calibration.get(method, (0.0, 1.0))
        return round(_sigmoid(a + b * logit), 4)  # as findings.json keeps it

    def code(
        self,
        doc: Document,
        sentences: Sequence[Sentence],
        rule_findings: Sequence[Finding],
    ) -> tuple[list[Finding], list[Finding], list[Finding]]:
        """The model's findings, the pattern findings it lets stand (with calibrated
        confidence), and the pattern findings it overrules."""
        texts = [doc.text[s.start : s.end] for s in sentences]
        row_of = _rows(sentences)
        matched = {row_of[key] for f in rule_findings if (key := _sentence_key(f)) in row_of}
        # Only indicators the model may find, or sentences a pattern matched, need reading.
        if any(self.policy.get(label) in ("union", "model") for label in self._column):
            read = list(range(len(texts)))
        else:
            read = sorted(matched)
        logits = np.full((len(texts), len(self.model.labels)), -30.0, dtype=np.float32)
        if read:
            logits[read] = self.model.logits([texts[i] for i in read])
        proposed: list[Finding] = []
        for r, sentence in enumerate(sentences):
            for indicator, column in self._column.items():
                if self.policy.get(indicator) not in ("model", "union"):
                    continue
                logit = float(logits[r, column])
                if _sigmoid(logit) < self.threshold[indicator]:
                    continue
                proposed.append(
                    Finding(
                        document=doc.id,
                        indicator=indicator,
                        theme=self._theme[indicator],
                        evidence=Evidence(texts[r], sentence.start, sentence.end, sentence.page),
                        confidence=self.confidence("model", logit),
                        method=self.method,
                        sentence_start=sentence.start,
                        sentence_end=sentence.end,
                        note=f"model p={_sigmoid(logit):.2f}",
                    )
                )
        kept: list[Finding] = []
        overruled: list[Finding] = []
        for finding in rule_findings:
            at = row_of.get(_sentence_key(finding))
            col = self._column.get(finding.indicator)
            if at is None or col is None:  # set aside later anyway, or unknown to the model
                kept.append(finding)
                continue
            logit = float(logits[at, col])
            how = self.policy.get(finding.indicator)
            if how == "model":
                if _sigmoid(logit) < self.threshold[finding.indicator]:
                    overruled.append(finding)
                continue  # the model's own finding stands for it
            if how == "verify" and _sigmoid(logit) < self.threshold[finding.indicator]:
                overruled.append(finding)
                continue
            kept.append(replace(finding, confidence=self.confidence("rules", logit)))
        return proposed, kept, overruled

    def check(
        self, doc: Document, sentences: Sequence[Sentence], rule_findings: Sequence[Finding]
    ) -> tuple[list[Finding], list[Finding]]:
        """The pattern findings of a full review the model lets stand, and those it
        overrules: an indicator's findings together, where it gives every one of them in
        ``sentences`` (those that may be findings) less than ``long_floor``. It stops
        reading an indicator's sentences at the first it gives more, so a review costs
        fewer sentences than it has indicators."""
        if self.long_floor is None:
            return list(rule_findings), []
        row_of = _rows(sentences)
        stands: set[str] = set()
        rows: dict[str, set[int]] = {}  # indicator -> its sentences not yet read
        for finding in rule_findings:
            r = row_of.get(_sentence_key(finding))
            if r is None:  # not a sentence that may be a finding: set aside later anyway
                continue
            if finding.indicator not in self._column:
                stands.add(finding.indicator)
            else:
                rows.setdefault(finding.indicator, set()).add(r)
        held: dict[int, set[str]] = {}  # sentence -> the undecided indicators found there
        for indicator, found_in in rows.items():
            for r in found_in:
                held.setdefault(r, set()).add(indicator)
        below: dict[str, list[tuple[int, float]]] = {}  # indicator -> (sentence, p), all under
        # An indicator stands as soon as one of its sentences passes, whatever the order, so
        # the sentence deciding the most indicators still open is read first (one reading
        # gives every indicator's probability), the shortest of those (a reading costs by
        # its length): the same verdicts, fewer and shorter sentences read.
        size = {r: sentences[r].end - sentences[r].start for r in held}
        while held:
            r = max(held, key=lambda k: (len(held[k]), -size[k], -k))
            text = doc.text[sentences[r].start : sentences[r].end]
            logits = self.model.logits([text])[0]
            for indicator in held.pop(r):
                p = _sigmoid(float(logits[self._column[indicator]]))
                if p >= self.long_floor:
                    stands.add(indicator)
                    for other in rows.pop(indicator) - {r}:
                        held[other].discard(indicator)
                        if not held[other]:
                            del held[other]
                    below.pop(indicator, None)
                else:
                    rows[indicator].discard(r)
                    below.setdefault(indicator, []).append((r, p))
        kept: list[Finding] = []
        overruled: list[Finding] = []
        for f in rule_findings:
            if f.indicator in stands or f.indicator not in below:
                kept.append(f)
            else:
                read = "model p=" + ", ".join(f"{p:.3f}" for _, p in sorted(below[f.indicator]))
                overruled.append(replace(f, note=f"{f.note}; {read}" if f.note else read))
        return kept, overruled

    def probabilities(
        self, doc: Document, sentences: Sequence[Sentence], findings: Sequence[Finding]
    ) -> list[float | None]:
        """The model's probability of each finding's indicator in its sentence (None for an
        indicator it does not know). Only the sentences the findings are in are read."""
        row_of = _rows(sentences)
        at = [
            row_of.get(_sentence_key(f)) if f.indicator in self._column else None for f in findings
        ]
        read = sorted({r for r in at if r is not None})
        if not read:
            return [None] * len(findings)
        logits = self.model.logits([doc.text[sentences[r].start : sentences[r].end] for r in read])
        row = {r: k for k, r in enumerate(read)}
        return [
            None if r is None else _sigmoid(float(logits[row[r], self._column[f.indicator]]))
            for f, r in zip(findings, at, strict=True)
        ]


def _rows(sentences: Sequence[Sentence]) -> dict[tuple[int, int], int]:
    return {(s.start, s.end): r for r, s in enumerate(sentences)}


def _sentence_key(finding: Finding) -> tuple[int, int]:
    """The span of the sentence a finding is in (its own span where it carries none)."""
    return (finding.sentence_start or finding.start, finding.sentence_end or finding.end)
