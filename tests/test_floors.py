"""Floors on the accuracy figures, so a later change cannot lower them unnoticed.

The figures themselves are measured by ``caselens evaluate`` (README, "How well it
works"); these floors sit a little below them. The fictional fixture sets and the
project's own real-derived sets (``data/labelled``) are in the repository; the shared
real-derived and long sets live in ``../shared/eval`` beside it where a checkout has
them (CI does), and are skipped elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from caselens.codebook import default_codebook
from caselens.evaluate import evaluate, load_gold
from caselens.pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"

# set: (screening F1, themes micro-F1, indicators micro-F1), with the default settings:
# the patterns, and the trained model where it reads (summaries and notes; in full
# reviews it only checks the patterns' sentences). rx,
# rz, dev and dev2 trained the model, so their figures here are not a measure of it
# (docs/sentence-model.md gives the out-of-fold ones); ry never did, but its misses were
# read for the patterns on 5 December 2026; rw was never read or trained on. The long sets read
# while the rules were written (own, blind, fresh, winter, dusk, night) gave it sentences
# too; the long-unread sets never did.
FLOORS = {
    ROOT / "tests/fixtures/eval/long-own.jsonl": (1.0, 0.92, 0.94),
    ROOT / "tests/fixtures/eval/seventh.jsonl": (0.95, 0.88, 0.81),
    ROOT / "tests/fixtures/eval/harm-unread.jsonl": (0.96, 0.89, 0.84),
    ROOT / "tests/fixtures/eval/long-blind.jsonl": (1.0, 0.95, 0.91),
    ROOT / "tests/fixtures/eval/long-unread.jsonl": (1.0, 0.90, 0.84),
    ROOT / "tests/fixtures/eval/long-fresh.jsonl": (1.0, 0.89, 0.87),
    ROOT / "tests/fixtures/eval/long-winter.jsonl": (1.0, 0.95, 0.91),
    ROOT / "tests/fixtures/eval/long-unread2.jsonl": (1.0, 0.95, 0.91),
    ROOT / "tests/fixtures/eval/long-dusk.jsonl": (0.95, 0.93, 0.92),
    ROOT / "tests/fixtures/eval/long-unread3.jsonl": (1.0, 0.94, 0.91),
    ROOT / "tests/fixtures/eval/long-unread4.jsonl": (1.0, 0.92, 0.91),
    ROOT / "tests/fixtures/eval/long-night.jsonl": (1.0, 0.95, 0.96),
    ROOT / "tests/fixtures/eval/long-unread5.jsonl": (1.0, 0.95, 0.91),
    ROOT / "tests/fixtures/eval/long-unread6.jsonl": (1.0, 0.94, 0.88),
    ROOT / "tests/fixtures/eval/long-unread7.jsonl": (1.0, 0.90, 0.88),
    # written blind on 5 December 2026 with harm-type traps: long-harm read, long-unread8 not
    ROOT / "tests/fixtures/eval/long-harm.jsonl": (1.0, 0.87, 0.77),
    ROOT / "tests/fixtures/eval/long-unread8.jsonl": (1.0, 0.97, 0.86),
    # written blind on 5 December 2026 (evening): long-frost read (0.814 -> 0.857, then 0.868
    # with safer-sleep information given read as advice given, 0.878 with a mother's own
    # siblings' plans read as hers), long-unread9 not (0.944 on arrival and after)
    ROOT / "tests/fixtures/eval/long-frost.jsonl": (1.0, 0.95, 0.87),
    ROOT / "tests/fixtures/eval/long-unread9.jsonl": (1.0, 0.94, 0.92),
    ROOT / "tests/fixtures/eval/long-unread10.jsonl": (1.0, 0.94, 0.85),
    # written blind on 5 December 2026 (late): long-ember read (0.767 on arrival -> 0.906),
    # long-unread11 and -12 never read (0.817 -> 0.835 and 0.778 -> 0.778 over the session)
    ROOT / "tests/fixtures/eval/long-ember.jsonl": (1.0, 0.97, 0.88),
    ROOT / "tests/fixtures/eval/long-unread11.jsonl": (1.0, 0.94, 0.84),
    ROOT / "tests/fixtures/eval/long-unread12.jsonl": (1.0, 0.90, 0.82),
    # and four more that night: long-gale read (0.824 -> 0.875), long-unread13 never read
    # (0.867 on arrival with the session's starting code, 0.876 at its end)
    ROOT / "tests/fixtures/eval/long-gale.jsonl": (1.0, 0.88, 0.89),
    ROOT / "tests/fixtures/eval/long-unread13.jsonl": (1.0, 0.94, 0.85),
    # written blind after all that night's reading: 0.827 with the session's starting code,
    # 0.838 with its end
    ROOT / "tests/fixtures/eval/long-unread14.jsonl": (1.0, 0.90, 0.81),
    # written blind on 6 December 2026: long-haze and long-mist read (0.874 and 0.891 on
    # arrival -> 0.961 and 0.954), long-unread15 and -16 never read (0.839 and 0.824 on
    # arrival and after); summaries in the registers of published reporting, eighth and
    # ninth read (0.863 -> 0.875, 0.778 -> 0.802), summaries-unread and -unread2 never read
    # (0.846 and after; 0.799 on arrival, 0.797 after)
    ROOT / "tests/fixtures/eval/long-haze.jsonl": (1.0, 0.97, 0.93),
    # themes 1.0 -> 0.963 with the review's harm read (6 December 2026, night): this set counts a
    # night at a relative's in a review of a shaking as disrupted routine
    ROOT / "tests/fixtures/eval/long-mist.jsonl": (1.0, 0.95, 0.93),
    ROOT / "tests/fixtures/eval/long-unread15.jsonl": (1.0, 0.89, 0.81),
    ROOT / "tests/fixtures/eval/long-unread16.jsonl": (1.0, 0.89, 0.80),
    ROOT / "tests/fixtures/eval/eighth.jsonl": (0.98, 0.90, 0.85),
    ROOT / "tests/fixtures/eval/ninth.jsonl": (0.97, 0.87, 0.78),
    ROOT / "tests/fixtures/eval/summaries-unread.jsonl": (0.98, 0.91, 0.82),
    ROOT / "tests/fixtures/eval/summaries-unread2.jsonl": (0.95, 0.87, 0.77),
    # written blind on 6 December 2026 (second session): long-rain and tenth read (0.847 and
    # 0.827 on arrival -> 0.952 and 0.886), long-unread17 and summaries-unread3 never read
    # (0.795 and 0.809 on arrival and after)
    ROOT / "tests/fixtures/eval/long-rain.jsonl": (1.0, 0.90, 0.93),
    ROOT / "tests/fixtures/eval/long-unread17.jsonl": (1.0, 0.97, 0.77),
    ROOT / "tests/fixtures/eval/tenth.jsonl": (0.91, 0.93, 0.86),
    ROOT / "tests/fixtures/eval/summaries-unread3.jsonl": (0.94, 0.88, 0.78),
    # and later: eleventh read (0.813 on arrival -> 0.833), summaries-unread4 never read (0.834
    # on arrival and after)
    ROOT / "tests/fixtures/eval/eleventh.jsonl": (0.89, 0.91, 0.80),
    ROOT / "tests/fixtures/eval/summaries-unread4.jsonl": (0.85, 0.92, 0.81),
    # screening raised with the facts reading of 6 December 2026 (read off the development
    # sets' misses; summaries-unread, -2 and -3, never read, 0.98, 0.95, 0.91 -> 1.0, 0.97,
    # 0.96); untouched too (0.98 -> 1.0)
    ROOT / "tests/fixtures/eval/untouched.jsonl": (0.98, 0.93, 0.89),
    ROOT / "data/labelled/rx.jsonl": (0.90, 0.90, 0.87),
    ROOT / "data/labelled/ry.jsonl": (0.95, 0.83, 0.78),
    ROOT / "data/labelled/rz.jsonl": (0.87, 0.85, 0.80),
    ROOT / "data/labelled/rw.jsonl": (0.85, 0.77, 0.70),
    SHARED / "long-dev.jsonl": (1.0, 0.95, 0.90),
    SHARED / "dev.jsonl": (0.98, 0.92, 0.89),
    SHARED / "dev2.jsonl": (0.92, 0.82, 0.76),
}
# The patterns alone (--no-model): the rules must not get worse behind the model's back.
PATTERN_FLOORS = {
    ROOT / "tests/fixtures/eval/long-unread.jsonl": (1.0, 0.87, 0.81),
    SHARED / "long-dev.jsonl": (1.0, 0.95, 0.88),
    ROOT / "tests/fixtures/eval/seventh.jsonl": (0.95, 0.88, 0.80),
    ROOT / "data/labelled/rx.jsonl": (0.90, 0.88, 0.81),
    ROOT / "data/labelled/ry.jsonl": (0.95, 0.80, 0.73),
    ROOT / "data/labelled/rz.jsonl": (0.87, 0.80, 0.70),
    ROOT / "data/labelled/rw.jsonl": (0.85, 0.73, 0.62),
    SHARED / "dev.jsonl": (0.98, 0.90, 0.88),
    SHARED / "dev2.jsonl": (0.92, 0.76, 0.68),
}
# Harm types micro-F1 (default settings), where a set's harm reading is worth guarding:
# harm-unread was written blind for the facts and never read; ry and rw never used.
HARM_FLOORS = {
    ROOT / "tests/fixtures/eval/harm-unread.jsonl": 0.91,
    ROOT / "tests/fixtures/eval/long-harm.jsonl": 0.95,
    ROOT / "tests/fixtures/eval/long-unread8.jsonl": 0.75,
    ROOT / "tests/fixtures/eval/long-frost.jsonl": 0.95,
    ROOT / "tests/fixtures/eval/long-unread9.jsonl": 0.95,
    ROOT / "tests/fixtures/eval/long-unread10.jsonl": 0.95,
    ROOT / "tests/fixtures/eval/long-ember.jsonl": 0.95,
    ROOT / "tests/fixtures/eval/long-unread11.jsonl": 0.95,
    ROOT / "tests/fixtures/eval/long-unread12.jsonl": 0.95,
    ROOT / "tests/fixtures/eval/long-gale.jsonl": 0.95,
    ROOT / "tests/fixtures/eval/long-unread13.jsonl": 0.95,
    ROOT / "tests/fixtures/eval/long-unread14.jsonl": 0.95,
    ROOT / "tests/fixtures/eval/long-unread15.jsonl": 0.95,
    ROOT / "tests/fixtures/eval/summaries-unread.jsonl": 0.89,
    ROOT / "tests/fixtures/eval/long-unread16.jsonl": 0.75,
    ROOT / "tests/fixtures/eval/summaries-unread2.jsonl": 0.97,
    ROOT / "tests/fixtures/eval/long-unread17.jsonl": 0.75,
    ROOT / "tests/fixtures/eval/summaries-unread3.jsonl": 0.93,
    ROOT / "tests/fixtures/eval/summaries-unread4.jsonl": 0.86,
    ROOT / "data/labelled/ry.jsonl": 0.81,
    ROOT / "data/labelled/rw.jsonl": 0.85,
    ROOT / "data/labelled/rx.jsonl": 0.85,
    ROOT / "data/labelled/rz.jsonl": 0.85,
    SHARED / "dev2.jsonl": 0.80,
}
CASES = [(path, floors, True) for path, floors in FLOORS.items()] + [
    (path, floors, False) for path, floors in PATTERN_FLOORS.items()
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "floors", "model"),
    CASES,
    ids=[f"{p.name}-{'default' if m else 'patterns'}" for p, _, m in CASES],
)
def test_accuracy_stays_above_its_floor(
    path: Path, floors: tuple[float, float, float], model: bool
) -> None:
    if not path.is_file():
        pytest.skip(f"{path} is not in this checkout")
    result = evaluate(load_gold(path), default_codebook(), Settings(model=model))
    screening, themes, indicators = floors
    assert result["screening"]["f1"] >= screening
    assert result["themes"]["micro_f1"] >= themes
    assert result["indicators"]["micro_f1"] >= indicators
    if model and path in HARM_FLOORS:
        assert result["harm_types"]["micro_f1"] >= HARM_FLOORS[path]
