"""Load the practice data files: fact mappings, unknown checks, safer-sleep advice, questions
and how notes are read.

All of what a case check looks for lives in YAML beside this module, so a
partnership can change the advice or add a check without touching code. Each
file is checked when it loads: every condition against the case schema, every
indicator against the codebook in use.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from caselens.model import Codebook
from caselens.practice.case import Case, list_item_type, schema_path_type
from caselens.practice.conditions import PracticeDataError, check_condition
from caselens.safe_yaml import YamlRefusedError, load_yaml

Condition = dict[str, Any]


@dataclass(frozen=True)
class FactMapping:
    """Case facts that show an indicator, e.g. gestation under 37 weeks -> B.premature."""

    indicator: str
    when: Condition
    each: str | None = None
    says: str = ""


@dataclass(frozen=True)
class UnknownCheck:
    """Something the learning says matters that this case does not yet answer."""

    id: str
    indicator: str
    when: Condition
    summary: str
    each: str | None = None
    prompt: str = ""  # empty: the codebook indicator's unknown_prompt
    resolved_by_notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SleepRule:
    """One point of national safer-sleep advice and the case facts that show it is followed."""

    id: str
    label: str
    advice: str
    why_it_matters: str
    facts: tuple[str, ...]
    prompt: str
    differs: Condition | None = None
    in_line: Condition | None = None
    notes_differ: tuple[NotesDiffer, ...] = ()


@dataclass(frozen=True)
class NotesDiffer:
    """A codebook indicator which, found in the notes, shows what ``differs`` shows; with
    ``quote``, only where its passage says so too (a carer's smoking, not the drinking
    the same indicator also covers)."""

    indicator: str
    quote: re.Pattern[str] | None = None

    def shows(self, passage: str) -> bool:
        return self.quote is None or self.quote.search(passage) is not None


@dataclass(frozen=True)
class QuestionWording:
    wording: str = "{text} In this case: {points}."
    include: str = "when_fits"  # when_fits | always | never


@dataclass(frozen=True)
class PracticeRules:
    mappings: tuple[FactMapping, ...]
    unknowns: tuple[UnknownCheck, ...]
    safer_sleep: tuple[SleepRule, ...]
    safer_sleep_source: str
    safer_sleep_theme: str
    questions: dict[str, QuestionWording]
    statement: str
    needs_a_gap: frozenset[str] = frozenset()  # shown by notes only where a gap is named
    settled_history: frozenset[str] = frozenset()  # not shown where notes say it is over
    supervision_working: frozenset[str] = frozenset()  # not shown for supervision done well


def _read(name: str, folder: Path | None) -> dict[str, Any]:
    path = folder / name if folder else None
    text = (
        path.read_text(encoding="utf-8")
        if path
        else resources.files("caselens.practice").joinpath(name).read_text(encoding="utf-8")
    )
    label = str(path) if path else f"caselens/practice/{name}"
    try:
        data = load_yaml(text)
    except YamlRefusedError as e:
        raise PracticeDataError(label, str(e)) from e
    except yaml.YAMLError as e:
        raise PracticeDataError(label, f"not valid YAML: {e}") from e
    if not isinstance(data, dict):
        raise PracticeDataError(label, "expected a mapping at the top of the file")
    data["__file__"] = label
    return data


def _items(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    items = data.get(key)
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise PracticeDataError(data["__file__"], f"'{key}' must be a list of mappings")
    return items


def _need(item: dict[str, Any], key: str, file: str, where: str) -> Any:
    if key not in item or item[key] in (None, ""):
        raise PracticeDataError(file, f"missing '{key}'", where)
    return item[key]


def _check_when(item: dict[str, Any], file: str, where: str, key: str = "when") -> None:
    each = item.get("each")
    root: type = Case
    if each is not None:
        element = list_item_type(schema_path_type(str(each)))
        if element is None:
            raise PracticeDataError(file, f"'each: {each}' is not a list of records", where)
        root = element
    check_condition(_need(item, key, file, where), file, f"{where}.{key}", root)


def _check_indicator(indicator: str, codebook: Codebook, file: str, where: str) -> None:
    if indicator not in {i.id for i in codebook.indicators}:
        raise PracticeDataError(
            file, f"indicator {indicator!r} is not in codebook {codebook.id}", where
        )


def _mappings(data: dict[str, Any], codebook: Codebook) -> tuple[FactMapping, ...]:
    file, out = data["__file__"], []
    for n, item in enumerate(_items(data, "mappings")):
        where = f"mappings[{n}]"
        _check_when(item, file, where)
        indicator = str(_need(item, "indicator", file, where))
        _check_indicator(indicator, codebook, file, where)
        out.append(FactMapping(indicator, item["when"], item.get("each"), item.get("says", "")))
    return tuple(out)


def _unknowns(data: dict[str, Any], codebook: Codebook) -> tuple[UnknownCheck, ...]:
    file, out = data["__file__"], []
    for n, item in enumerate(_items(data, "unknowns")):
        where = f"unknowns[{n}]"
        _check_when(item, file, where)
        indicator = str(_need(item, "indicator", file, where))
        _check_indicator(indicator, codebook, file, where)
        resolved = tuple(item.get("resolved_by_notes") or ())
        for r in resolved:
            _check_indicator(r, codebook, file, f"{where}.resolved_by_notes")
        prompt = str(item.get("prompt") or "")
        if not prompt and not codebook.indicator(indicator).unknown_prompt:
            raise PracticeDataError(
                file, f"no 'prompt', and {indicator} has no unknown_prompt to fall back on", where
            )
        out.append(
            UnknownCheck(
                id=str(_need(item, "id", file, where)),
                indicator=indicator,
                when=item["when"],
                summary=str(_need(item, "summary", file, where)),
                each=item.get("each"),
                prompt=prompt,
                resolved_by_notes=resolved,
            )
        )
    return tuple(out)


def _notes_differ(entry: Any, codebook: Codebook, file: str, where: str) -> NotesDiffer:
    """``E.co_sleeping``, or ``{indicator: E.x, quote: REGEX}``."""
    if isinstance(entry, str):
        _check_indicator(entry, codebook, file, where)
        return NotesDiffer(entry)
    if not isinstance(entry, dict) or set(entry) - {"indicator", "quote"}:
        raise PracticeDataError(
            file, "expected an indicator id, or {indicator: ID, quote: REGEX}", where
        )
    indicator = str(_need(entry, "indicator", file, where))
    _check_indicator(indicator, codebook, file, where)
    quote = entry.get("quote")
    if quote is None:
        return NotesDiffer(indicator)
    try:
        return NotesDiffer(indicator, re.compile(str(quote), re.IGNORECASE))
    except re.error as error:
        raise PracticeDataError(file, f"quote is not a valid pattern: {error}", where) from error


def _sleep(data: dict[str, Any], codebook: Codebook) -> tuple[SleepRule, ...]:
    file, out = data["__file__"], []
    for n, item in enumerate(_items(data, "rules")):
        where = f"rules[{n}]"
        facts = tuple(_need(item, "facts", file, where))
        for f in facts:
            if schema_path_type(str(f)) is None:
                raise PracticeDataError(file, f"{f!r} is not a field of a case", f"{where}.facts")
        for key in ("differs", "in_line"):
            if key in item:
                _check_when(item, file, where, key)
        notes = tuple(
            _notes_differ(entry, codebook, file, f"{where}.notes_differ[{k}]")
            for k, entry in enumerate(item.get("notes_differ") or ())
        )
        out.append(
            SleepRule(
                id=str(_need(item, "id", file, where)),
                label=str(_need(item, "label", file, where)),
                advice=str(_need(item, "advice", file, where)).strip(),
                why_it_matters=str(_need(item, "why_it_matters", file, where)).strip(),
                facts=facts,
                prompt=str(_need(item, "prompt", file, where)).strip(),
                differs=item.get("differs"),
                in_line=item.get("in_line"),
                notes_differ=notes,
            )
        )
    return tuple(out)


def _theme(data: dict[str, Any], codebook: Codebook) -> str:
    theme = str(_need(data, "theme", data["__file__"], "top"))
    if theme not in {t.id for t in codebook.themes}:
        raise PracticeDataError(data["__file__"], f"theme {theme!r} is not in the codebook")
    return theme


def _indicator_list(data: dict[str, Any], key: str, codebook: Codebook) -> frozenset[str]:
    file, raw = data["__file__"], data.get(key) or []
    if not isinstance(raw, list) or not all(isinstance(i, str) for i in raw):
        raise PracticeDataError(file, f"'{key}' must be a list of indicator ids")
    for n, indicator in enumerate(raw):
        _check_indicator(indicator, codebook, file, f"{key}[{n}]")
    return frozenset(raw)


def _questions(data: dict[str, Any]) -> dict[str, QuestionWording]:
    file, out = data["__file__"], {}
    raw = data.get("questions") or {}
    if not isinstance(raw, dict):
        raise PracticeDataError(file, "'questions' must map question ids to wordings")
    for qid, item in raw.items():
        item = item or {}
        include = item.get("include", "when_fits")
        if include not in ("when_fits", "always", "never"):
            problem = "include is when_fits, always or never"
            raise PracticeDataError(file, problem, f"questions.{qid}")
        out[str(qid)] = QuestionWording(item.get("wording", QuestionWording.wording), include)
    return out


@functools.lru_cache(maxsize=8)
def _load(codebook: Codebook, folder: Path | None) -> PracticeRules:
    sleep = _read("safer_sleep.yaml", folder)
    questions = _read("questions.yaml", folder)
    # a folder of rules written before this file existed reads notes as shipped
    reading = _read(
        "notes_reading.yaml",
        folder if folder and (folder / "notes_reading.yaml").exists() else None,
    )
    return PracticeRules(
        mappings=_mappings(_read("fact_indicators.yaml", folder), codebook),
        unknowns=_unknowns(_read("unknowns.yaml", folder), codebook),
        safer_sleep=_sleep(sleep, codebook),
        safer_sleep_source=str(sleep.get("source", "")).strip(),
        safer_sleep_theme=_theme(sleep, codebook),
        questions=_questions(questions),
        statement=str(_need(questions, "statement", questions["__file__"], "top")).strip(),
        needs_a_gap=_indicator_list(reading, "needs_a_gap", codebook),
        settled_history=_indicator_list(reading, "settled_history", codebook),
        supervision_working=_indicator_list(reading, "supervision_working", codebook),
    )


def load_rules(codebook: Codebook, folder: Path | None = None) -> PracticeRules:
    """The practice rules checked against ``codebook``; ``folder`` overrides the shipped files."""
    return _load(codebook, folder)
