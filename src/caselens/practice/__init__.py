"""Apply the learning to a live infant case: reflection, safer sleep, supervision record.

A case is facts plus notes (:mod:`.case`, read by :func:`load_case`);
:func:`check_case` finds what it shows, what is not known and how its sleep
arrangements compare with national advice; :mod:`.record` keeps a supervision
record and shows what changed since the last one. Nothing here scores a family.
"""

from caselens.practice.case import Adult, Baby, Case, Engagement, Parents, Sibling, Sleep
from caselens.practice.conditions import PracticeDataError
from caselens.practice.load import case_from_dict, case_from_text, load_case
from caselens.practice.reflect import check_case
from caselens.practice.result import Reflection
from caselens.practice.rules import PracticeRules, load_rules

__all__ = [
    "Adult",
    "Baby",
    "Case",
    "Engagement",
    "Parents",
    "PracticeDataError",
    "PracticeRules",
    "Reflection",
    "Sibling",
    "Sleep",
    "case_from_dict",
    "case_from_text",
    "check_case",
    "load_case",
    "load_rules",
]
