"""Settings of a run, recorded with every coding run for provenance."""

from __future__ import annotations

from dataclasses import dataclass

from caselens.model.serial import Serial


@dataclass(frozen=True, slots=True)
class Settings(Serial):
    semantic: bool = False  # also code by similarity to the codebook's exemplars
    # also code with the trained sentence model (caselens/data/coder_model) where it reads
    # (summaries, briefings and case notes; not full reviews with their sections): out of
    # fold and on real reporting it never saw it finds what the patterns miss for more
    # than it costs (docs/sentence-model.md); --no-model codes with the patterns alone
    model: bool = True
    # findings below this are dropped; confidence is calibrated (a finding at 0.4 was right
    # about two times in five on labelled sentences), and weak evidence of a precise
    # indicator is still worth a reader's look
    min_confidence: float = 0.35
    any_year: bool = False  # ignore the codebook's publication window
    max_file_bytes: int = 100 * 1024 * 1024  # larger files are refused, not read
