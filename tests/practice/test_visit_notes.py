"""Floors on the case side: labelled visit notes checked as a practitioner would enter them.

``tests/fixtures/notes/visit-notes.jsonl``: 60 fictional sets of case notes (health
visiting, midwifery, social work, GP, supervision and front-door notes, with their
shorthand), written blind to the codebook's patterns, each with the indicators a
supervisor would pick out (``indicators``) and those a trap in the notes might wrongly
suggest (``not``). ``vn01``-``vn30`` were read while building the notes reading;
``vn31``-``vn60`` never were, and are the honest figure. The floors sit just under the
figures measured when they were set, so that a change cannot lower them unnoticed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caselens.practice import case_from_dict, check_case

NOTES_DIR = Path(__file__).parent.parent / "fixtures" / "notes"
NOTES = NOTES_DIR / "visit-notes.jsonl"
# vn61-vn120, a second blind batch that arrived after the notes reading was built and was
# scored once, never read: 0.656 before this reading, 0.693 after, 0.702 with the notes
# reading of multi-agency steps (its mistakes counted by indicator, not read)
NOTES_2 = NOTES_DIR / "visit-notes-2.jsonl"
# vn121-vn195, a third blind batch (five writers, December 2026), scored once on arrival
# (0.736, 11 traps taken) and then read to widen the notes reading (0.837, 8 traps)
NOTES_3 = NOTES_DIR / "visit-notes-3.jsonl"
# vn196-vn225, a fourth blind batch written after that reading, never read: 0.667 with the
# code before it, 0.730 after
NOTES_4 = NOTES_DIR / "visit-notes-4.jsonl"
# vn226-vn285, a fifth blind batch (four writers), scored on arrival (0.727) and read;
# vn286-vn315 (sixth) and vn316-vn345 (seventh), written with it and after it, never read
NOTES_5 = NOTES_DIR / "visit-notes-5.jsonl"
NOTES_6 = NOTES_DIR / "visit-notes-6.jsonl"
NOTES_7 = NOTES_DIR / "visit-notes-7.jsonl"
# vn346-vn405, an eighth blind batch (four writers), scored on arrival (0.726) and read;
# vn406-vn435 (ninth), written with it, never read
NOTES_8 = NOTES_DIR / "visit-notes-8.jsonl"
NOTES_9 = NOTES_DIR / "visit-notes-9.jsonl"
# vn436-vn495, a tenth blind batch (four writers), scored on arrival (0.782) and read;
# vn496-vn525 (eleventh), written with it, never read
NOTES_10 = NOTES_DIR / "visit-notes-10.jsonl"
NOTES_11 = NOTES_DIR / "visit-notes-11.jsonl"
NOTES_12 = NOTES_DIR / "visit-notes-12.jsonl"
# vn586-vn645, a thirteenth blind batch (four writers, 5 December 2026), scored on arrival
# (0.824, 3 traps) and read
NOTES_13 = NOTES_DIR / "visit-notes-13.jsonl"
# vn646-vn675, written blind after that reading (two writers), never read
NOTES_14 = NOTES_DIR / "visit-notes-14.jsonl"
# vn676-vn735, written blind on 5 December 2026 by one writer in four kinds of record,
# never read
NOTES_15 = NOTES_DIR / "visit-notes-15.jsonl"
# vn736-vn931, written blind on 5 December 2026 by four new writers (health visiting and
# midwifery; children's social care; health records; the front door and partners),
# written as training data, trained on in a model that was measured and not shipped, never
# read: the shipped model has never seen them
NOTES_16 = NOTES_DIR / "visit-notes-16.jsonl"
NOTES_17 = NOTES_DIR / "visit-notes-17.jsonl"
NOTES_18 = NOTES_DIR / "visit-notes-18.jsonl"
NOTES_19 = NOTES_DIR / "visit-notes-19.jsonl"
# vn932-vn990 (health visiting and midwifery in heavy shorthand) and vn991-vn1050 (social
# care, the front door, police and supervision), written blind on 5 December 2026 by two
# writers, scored on arrival and read
NOTES_20 = NOTES_DIR / "visit-notes-20.jsonl"
NOTES_21 = NOTES_DIR / "visit-notes-21.jsonl"
# vn1051-vn1080 (health visiting, midwifery, GP and neonatal notes) and vn1081-vn1110
# (social care, police, the front door and supervision), written blind on 5 December 2026
# by two more writers: the first read, the second never read
NOTES_22 = NOTES_DIR / "visit-notes-22.jsonl"
NOTES_23 = NOTES_DIR / "visit-notes-23.jsonl"
# vn1111-vn1140 (GP, emergency department, ward, neonatal and safeguarding-nurse records) and
# vn1141-vn1170 (police, housing, probation, youth offending, drug services, nurseries, MARAC
# and MASH), written blind the same evening by two more writers: the first never read, the
# second read
NOTES_24 = NOTES_DIR / "visit-notes-24.jsonl"
NOTES_25 = NOTES_DIR / "visit-notes-25.jsonl"
NOTES_26 = NOTES_DIR / "visit-notes-26.jsonl"
NOTES_27 = NOTES_DIR / "visit-notes-27.jsonl"
NOTES_28 = NOTES_DIR / "visit-notes-28.jsonl"
# vn1261-vn1290 and vn1291-vn1320, written blind on 6 December 2026 by two more writers:
# the first read, the second never read
NOTES_29 = NOTES_DIR / "visit-notes-29.jsonl"
NOTES_30 = NOTES_DIR / "visit-notes-30.jsonl"
NOTES_31 = NOTES_DIR / "visit-notes-31.jsonl"
NOTES_32 = NOTES_DIR / "visit-notes-32.jsonl"
NOTES_33 = NOTES_DIR / "visit-notes-33.jsonl"


def _score(first: int, last: int, path: Path = NOTES) -> tuple[float, float, float, int]:
    tp = fp = fn = traps = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if not first <= int(record["id"][2:]) <= last:
            continue
        result = check_case(case_from_dict({"notes": record["notes"]}))
        found = {shown.id for shown in result.indicators}
        gold = set(record["indicators"])
        tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
        traps += len(found & set(record["not"]))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return precision, recall, 2 * precision * recall / (precision + recall), traps


@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "last", "floor_f1", "most_traps"),
    [
        (1, 30, 0.87, 2),  # read: 0.891 (0.714 before), 1 trap of 14; retrained 0.915
        (31, 60, 0.79, 2),  # never read: 0.786 (0.679 before), 1 trap of 15; retrained 0.814
    ],
)
def test_visit_notes_keep_their_floor(
    first: int, last: int, floor_f1: float, most_traps: int
) -> None:
    precision, recall, f1, traps = _score(first, last)
    assert f1 >= floor_f1, (precision, recall, f1)
    assert traps <= most_traps


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "first", "last", "floor_f1", "most_traps"),
    [
        # never read: 0.702 with the patterns alone (3 traps); 0.715 with the trained model,
        # which finds more and takes two more traps; 0.764 with the later readings
        # (0.786 with the model retrained on the read batches' quotes)
        (NOTES_2, 61, 120, 0.75, 5),
        (NOTES_3, 121, 195, 0.84, 9),  # read: 0.736 on arrival (11 of 52 traps), 0.858 after
        # never read: 0.667 (6 of 17 traps) before the third batch was read, 0.730 (4) after;
        # 0.770 with the readings of the fifth and eighth batches; 0.816 retrained
        (NOTES_4, 196, 225, 0.79, 5),
        (NOTES_5, 226, 285, 0.89, 2),  # read: 0.727 on arrival (6 traps), 0.913 after (1)
        (NOTES_6, 286, 315, 0.78, 3),  # never read: 0.750 before (2 traps), 0.795, 0.810 (1)
        (NOTES_7, 316, 345, 0.78, 6),  # never read: 0.757 before (6 traps), 0.804 after (5)
        (NOTES_8, 346, 405, 0.82, 4),  # read: 0.726 on arrival (9 traps), 0.846 after (2)
        # never read: 0.738 before (6 traps), 0.760, 0.786 (4); 0.810 (3) with the notes threshold
        (NOTES_9, 406, 435, 0.79, 6),
        (NOTES_10, 436, 495, 0.84, 3),  # read: 0.782 on arrival (2 traps), 0.865 after (2)
        (NOTES_11, 496, 525, 0.83, 4),  # never read: 0.805 / 0.835 before (3 traps), 0.855 (3)
        # never read, written after all the reading: 0.775 on arrival (12 of 39 traps), 0.790
        # (9) with the model retrained on the read batches' quotes, 0.824 (9) with the notes
        # threshold
        (NOTES_12, 526, 585, 0.80, 10),
        # read: 0.824 on arrival (3 of 45 traps), 0.878 after (3); 0.858 (6) with the model's
        # notes threshold, which gains on the batches never read; 0.863 (3) once a clear test
        # or a weight on its centile sets the model's proposal aside (codebook ``absent``)
        (NOTES_13, 586, 645, 0.85, 4),
        # never read: 0.780 (2 of 28 traps) on arrival, with the code before and after the
        # thirteenth batch's reading alike
        (NOTES_14, 646, 675, 0.76, 4),
        # never read: 0.706 on arrival (9 of 51 traps), before and after that day's changes
        (NOTES_15, 676, 735, 0.69, 10),
        # never read: on arrival 0.727 (7 traps), 0.706 (17), 0.747 (9), 0.766 (12); with
        # the codebook's ``absent`` words 0.729 (6), 0.707 (16), 0.753 (6), 0.766 (12)
        (NOTES_16, 736, 785, 0.72, 8),  # 0.744 after the third reading of 6 December
        (NOTES_17, 786, 834, 0.69, 18),
        (NOTES_18, 835, 883, 0.73, 8),
        (NOTES_19, 884, 931, 0.75, 14),
        (NOTES_20, 932, 990, 0.81, 5),  # read: 0.798 on arrival (10 traps), 0.833 after (3)
        (NOTES_21, 991, 1050, 0.78, 7),  # read: 0.749 (11 traps), 0.781 (9), 0.807 (5)
        (NOTES_22, 1051, 1080, 0.75, 12),  # read: 0.728 on arrival (13 traps), 0.778 after (11)
        (NOTES_23, 1081, 1110, 0.78, 9),  # never read: 0.805 on arrival (7 traps), and after
        (NOTES_24, 1111, 1140, 0.74, 11),  # never read: 0.765 on arrival (9 traps), and after
        (NOTES_25, 1141, 1170, 0.76, 5),  # read: 0.748 (5 traps), 0.757 (5), 0.786 (3)
        (NOTES_26, 1171, 1200, 0.74, 4),  # read: 0.701 (7 traps), 0.724 (4), 0.770 (2)
        (NOTES_27, 1201, 1230, 0.78, 7),  # never read: 0.798 on arrival (5 traps), 0.802 after
        (NOTES_28, 1231, 1260, 0.74, 9),  # never read: 0.763 (8 traps) before, 0.767 (7) after
        (NOTES_29, 1261, 1290, 0.78, 7),  # read: 0.738 on arrival (7 traps), 0.804 after (5)
        (NOTES_30, 1291, 1320, 0.78, 6),  # never read: 0.804 on arrival (4 traps), and after
        (NOTES_31, 1321, 1350, 0.78, 5),  # read: 0.732 on arrival (6 traps), 0.800 after (3)
        (NOTES_32, 1351, 1380, 0.78, 5),  # read: 0.777 on arrival (3 traps), 0.821 after (3)
        # never read: 0.787 on arrival (10 traps), 0.793 at the session's end (10)
        (NOTES_33, 1381, 1410, 0.76, 12),
    ],
    ids=[
        "second-never-read",
        "third-read",
        "fourth-never-read",
        "fifth-read",
        "sixth-never-read",
        "seventh-never-read",
        "eighth-read",
        "ninth-never-read",
        "tenth-read",
        "eleventh-never-read",
        "twelfth-never-read",
        "thirteenth-read",
        "fourteenth-never-read",
        "fifteenth-never-read",
        "sixteenth-never-read",
        "seventeenth-never-read",
        "eighteenth-never-read",
        "nineteenth-never-read",
        "twentieth-read",
        "twenty-first-read",
        "twenty-second-read",
        "twenty-third-never-read",
        "twenty-fourth-never-read",
        "twenty-fifth-read",
        "twenty-sixth-read",
        "twenty-seventh-never-read",
        "twenty-eighth-never-read",
        "twenty-ninth-read",
        "thirtieth-never-read",
        "thirty-first-read",
        "thirty-second-read",
        "thirty-third-never-read",
    ],
)
def test_the_later_batches_keep_their_floors(
    path: Path, first: int, last: int, floor_f1: float, most_traps: int
) -> None:
    precision, recall, f1, traps = _score(first, last, path)
    assert f1 >= floor_f1, (precision, recall, f1)
    assert traps <= most_traps


def test_the_labelled_notes_name_only_codebook_indicators() -> None:
    from caselens.codebook import default_codebook

    known = {i.id for i in default_codebook().indicators}
    paths = sorted(NOTES_DIR.glob("visit-notes*.jsonl"))
    assert len(paths) == 33
    lines = [line for path in paths for line in path.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        record = json.loads(line)
        assert set(record["indicators"]) <= known and set(record["not"]) <= known
        assert not set(record["indicators"]) & set(record["not"])
