"""Read a case file: YAML or JSON facts with notes, or plain-text notes alone.

Notes are normalised once here (the same normalisation as every document), so
the offsets of a quote from the notes index ``Case.notes`` directly.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from caselens.errors import CaseError, InputError
from caselens.model.normalise import normalise_text
from caselens.practice.case import Case, build
from caselens.safe_yaml import YamlRefusedError, load_yaml
from caselens.userfile import read_user_text

MAX_CASE_BYTES = 2 * 1024 * 1024  # a case file is typed by a person; more is a mistake
STRUCTURED = {".yaml": "YAML", ".yml": "YAML", ".json": "JSON"}
NOTES_ONLY = {".txt", ".text", ".md", ".markdown"}


def case_from_dict(data: Any, name: str = "<case>") -> Case:
    """A Case from an already-parsed mapping; ``name`` is used in error messages."""
    if data is None:
        data = {}
    case = build(Case, data, name)
    if case.notes is not None:
        case = replace(case, notes=normalise_text(case.notes))
    return case


def case_from_text(text: str, reference: str | None = None) -> Case:
    """A notes-only case: everything is unknown except what the notes say."""
    return Case(reference=reference, notes=normalise_text(text))


def unreadable_value(error: BaseException) -> str:
    """What to say of a value a parser could build no Python value from."""
    if isinstance(error, RecursionError):
        return "nested too deeply to be a case file; check the brackets and indentation"
    return (
        f"a value cannot be read ({str(error).split(';')[0]}); dates are YYYY-MM-DD and "
        "numbers have at most a few digits"
    )


def parse_structured(text: str, suffix: str, name: str) -> Any:
    """Parse YAML or JSON text; syntax errors name the file, line and what to check."""
    if STRUCTURED[suffix] == "JSON":
        try:
            return json.loads(text)
        except json.JSONDecodeError as e:
            raise CaseError(
                name, f"not valid JSON: line {e.lineno}, column {e.colno}: {e.msg}"
            ) from e
        except (ValueError, RecursionError) as e:
            raise CaseError(name, unreadable_value(e)) from None
    try:
        return load_yaml(text)
    except YamlRefusedError as e:  # a key written twice, or aliases beyond reason
        raise CaseError(name, f"line {e.line}: {e.problem}" if e.line else e.problem) from None
    except (ValueError, RecursionError, OverflowError) as e:  # a date or number, or nesting
        raise CaseError(name, unreadable_value(e)) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise CaseError(
            name,
            f"not valid YAML: {where}{e.problem or e.context}; check the indentation and "
            "quoting there (text containing ': ' needs quotes, long notes can use 'notes: |')",
        ) from e
    except yaml.YAMLError as e:
        raise CaseError(name, f"not valid YAML: {e}") from e


def read_text_file(path: Path, what: str = "case file") -> str:
    if not path.exists() and not path.is_symlink():
        raise CaseError(str(path), f"no such {what}; check the path")
    try:
        return read_user_text(path, what, MAX_CASE_BYTES, encoding="utf-8-sig")
    except InputError as e:
        raise CaseError(e.path, e.problem) from None


def load_case(path: Path) -> Case:
    """Read a case from ``path`` (.yaml, .yml, .json, or .txt/.md for notes only)."""
    suffix = path.suffix.lower()
    if suffix not in STRUCTURED and suffix not in NOTES_ONLY:
        raise CaseError(
            str(path),
            "unknown kind of case file; use .yaml or .json for facts and notes, "
            "or .txt/.md for notes alone",
        )
    text = read_text_file(path)
    if suffix in NOTES_ONLY:
        if not text.strip():
            raise CaseError(str(path), "the notes file is empty")
        return case_from_text(text, reference=path.stem)
    data = parse_structured(text, suffix, str(path))
    if data is None:  # empty, or comments only: as an empty notes file, not "all unknown"
        raise CaseError(
            str(path), "the case file is empty; give the notes or at least one fact about the case"
        )
    case = case_from_dict(data, str(path))
    if case.reference is None:
        case = replace(case, reference=path.stem)
    return case
