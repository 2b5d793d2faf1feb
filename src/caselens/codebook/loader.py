"""Read a codebook YAML file into the frozen types of :mod:`caselens.model.codebook`.

The file is parsed with caselens's one safe YAML loader (:mod:`caselens.safe_yaml`: no
Python objects, no key written twice, no alias that expands beyond reason). Line numbers
are kept beside the data so that every problem can point into the file, not just at a
key path.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from caselens.codebook.problems import CodebookProblemsError, Problem
from caselens.codebook.validate import check_codebook_data, expanded_and_checked
from caselens.errors import CodebookError, InputError
from caselens.model.codebook import (
    Codebook,
    Criterion,
    Indicator,
    Nearby,
    Question,
    SectionRole,
    Theme,
)
from caselens.safe_yaml import YamlRefusedError, compose_yaml
from caselens.userfile import read_user_bytes

MAX_CODEBOOK_BYTES = 4 * 1024 * 1024  # a codebook is text someone wrote; more is a mistake
DEFAULT_CODEBOOK_NAME = "infant.yaml"
DEFAULT_SECTIONS_NAME = "sections.yaml"


def _line_map(root: yaml.Node | None) -> dict[str, int]:
    """1-based line of each key path (``indicators[3].patterns[1]``) in the composed YAML."""
    lines: dict[str, int] = {}
    visited: set[int] = set()  # aliases share nodes; walking them twice could explode
    stack: list[tuple[yaml.Node, str]] = [(root, "")] if root is not None else []
    while stack:
        node, path = stack.pop()
        if path:
            lines.setdefault(path, node.start_mark.line + 1)
        if id(node) in visited:
            continue
        visited.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                name = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
                child = f"{path}.{name}" if path else name
                lines.setdefault(child, key_node.start_mark.line + 1)
                stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                stack.append((item, f"{path}[{i}]"))
    return lines


def _line_of(key: str, lines: dict[str, int]) -> int | None:
    """The line of a key path, or of its nearest enclosing key (for a missing key)."""
    while key:
        if key in lines:
            return lines[key]
        cut = max(key.rfind("."), key.rfind("["))
        if cut <= 0:
            return None
        key = key[:cut]
    return None


def _parse_yaml(text: str, name: str) -> tuple[object, dict[str, int]]:
    try:
        data, root = compose_yaml(text)
    except YamlRefusedError as e:
        raise CodebookError(name, f"line {e.line}: {e.problem}" if e.line else e.problem) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise CodebookError(
            name,
            f"not valid YAML: {where}{e.problem or e.context}; check the indentation and "
            "quoting there (text containing ': ' or starting with a symbol needs quotes)",
        ) from e
    except yaml.YAMLError as e:
        raise CodebookError(name, f"not valid YAML: {e}; check the file's syntax") from e
    except RecursionError:
        raise CodebookError(
            name, "nested too deeply to be a codebook; check the indentation and anchors"
        ) from None
    except (ValueError, OverflowError) as e:  # a date or a number no Python value can hold
        raise CodebookError(
            name, f"a value cannot be read ({str(e).split(';')[0]}); quote it or shorten it"
        ) from None
    return data, _line_map(root)


def _too_big(name: str, size: int) -> CodebookError:
    return CodebookError(
        name,
        f"the file is {size / 1e6:.1f} MB; a codebook is at most "
        f"{MAX_CODEBOOK_BYTES // (1024 * 1024)} MB of YAML, so this is probably not one",
    )


def _decode(raw: bytes, name: str) -> str:
    if len(raw) > MAX_CODEBOOK_BYTES:
        raise _too_big(name, len(raw))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise CodebookError(
            name, f"not UTF-8 text (byte {e.start}); save the codebook as UTF-8 YAML"
        ) from e
    if not text.strip():
        raise CodebookError(
            name, "the file is empty; a codebook needs id, version, title, themes and indicators"
        )
    return text


def _read(path: Path) -> bytes:
    try:
        return read_user_bytes(path, "codebook YAML file", MAX_CODEBOOK_BYTES)
    except InputError as e:
        raise CodebookError(e.path, e.problem) from None


def load_codebook(path: Path | None = None) -> Codebook:
    """The codebook in ``path``, or the default infant codebook when ``path`` is None.

    Raises :class:`~caselens.errors.CodebookError` naming the file, the key path
    (and line) and the fix for anything that would make the codebook misbehave.
    """
    if path is None:
        return default_codebook()
    name = str(path)
    data, lines = _parse_yaml(_decode(_read(path), name), name)
    return _build(data, name, lines)


@functools.cache
def default_codebook() -> Codebook:
    """The infant codebook shipped with caselens, loaded once per process."""
    resource = resources.files("caselens.codebook").joinpath(DEFAULT_CODEBOOK_NAME)
    name = str(resource)
    try:
        raw = resource.read_bytes()
    except FileNotFoundError as e:
        raise CodebookError(
            name, "the default codebook is missing from this installation; reinstall caselens"
        ) from e
    data, lines = _parse_yaml(_decode(raw, name), name)
    return _build(data, name, lines, patterns=False)


def codebook_from_dict(data: object, source_name: str) -> Codebook:
    """A codebook from already-parsed data (JSON, a database row), checked like a file.

    ``source_name`` stands in for the file name in error messages.
    """
    return _build(data, source_name, {})


def _build(data: object, name: str, lines: dict[str, int], *, patterns: bool = True) -> Codebook:
    if data is None:
        raise CodebookError(
            name, "the file is empty; a codebook needs id, version, title, themes and indicators"
        )
    # {parent} -> (?:mother|father|parents?); see expanded_and_checked for ``patterns``
    data, problems = expanded_and_checked(data, patterns=patterns)
    if problems:
        located = [Problem(p.key, p.message, _line_of(p.key, lines)) for p in problems]
        raise CodebookProblemsError(name, located)
    assert isinstance(data, dict)  # guaranteed by the check
    return Codebook(
        id=data["id"],
        version=data["version"],
        title=data["title"],
        description=data.get("description") or "",
        source=data.get("source") or "",
        themes=tuple(_theme(t) for t in data["themes"]),
        indicators=tuple(_indicator(i) for i in data["indicators"]),
        criteria=tuple(_criterion(c) for c in data.get("criteria") or ()),
        questions=tuple(_question(q) for q in data.get("questions") or ()),
        sections=(
            tuple(_section(s) for s in data["sections"])
            if data.get("sections") is not None
            else default_sections()
        ),
        extra=dict(data.get("extra") or {}),
    )


@functools.cache
def default_sections() -> tuple[SectionRole, ...]:
    """The section roles a codebook without its own ``sections`` uses (sections.yaml)."""
    resource = resources.files("caselens.codebook").joinpath(DEFAULT_SECTIONS_NAME)
    name = str(resource)
    data, lines = _parse_yaml(_decode(resource.read_bytes(), name), name)
    assert isinstance(data, dict)
    problems = check_codebook_data(
        {
            "id": "x",
            "version": "1",
            "title": "x",
            "themes": [{"id": "A", "label": "A"}],
            "indicators": [{"id": "A.x", "label": "x"}],
            "sections": data.get("sections"),
        }
    )
    if problems:
        located = [Problem(p.key, p.message, _line_of(p.key, lines)) for p in problems]
        raise CodebookProblemsError(name, located)
    return tuple(_section(s) for s in data["sections"])


def _section(item: dict[str, Any]) -> SectionRole:
    return SectionRole(
        id=item["id"],
        label=item["label"],
        headings=_strs(item, "headings"),
        coding=item.get("coding", "case"),
        facts=bool(item.get("facts", True)),
    )


def _strs(item: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(item.get(key) or ())


def _theme(item: dict[str, Any]) -> Theme:
    return Theme(
        id=item["id"],
        label=item["label"],
        description=item.get("description") or "",
        why_it_matters=item.get("why_it_matters") or "",
    )


def _indicator(item: dict[str, Any]) -> Indicator:
    ident: str = item["id"]
    return Indicator(
        id=ident,
        theme=item.get("theme") or ident.split(".", 1)[0],
        label=item["label"],
        description=item.get("description") or "",
        why_it_matters=item.get("why_it_matters") or "",
        patterns=_strs(item, "patterns"),
        exclude=_strs(item, "exclude"),
        exemplars=_strs(item, "exemplars"),
        examples=_strs(item, "examples"),
        counter_examples=_strs(item, "counter_examples"),
        unknown_prompt=item.get("unknown_prompt") or "",
        nearby=tuple(
            Nearby(str(n["pattern"]), str(n["near"]), int(n.get("within", 1)))
            for n in item.get("nearby") or ()
        ),
        parents_past=bool(item.get("parents_past") or False),
        siblings=bool(item.get("siblings") or False),
        absent=_strs(item, "absent"),
        sibling_patterns=_strs(item, "sibling_patterns"),
        review_harms=_strs(item, "review_harms"),
    )


def _criterion(item: dict[str, Any]) -> Criterion:
    return Criterion(
        id=item["id"],
        label=item["label"],
        fact=item["fact"],
        any_of=_strs(item, "any_of"),
        below=item.get("below"),
        min=item.get("min"),
        max=item.get("max"),
        window=bool(item.get("window") or False),
        unknown_met_by=item.get("unknown_met_by"),
    )


def _question(item: dict[str, Any]) -> Question:
    return Question(
        id=item["id"],
        text=item["text"],
        themes=_strs(item, "themes"),
        indicators=_strs(item, "indicators"),
    )


def codebook_to_dict(codebook: Codebook) -> dict[str, Any]:
    """The codebook as plain JSON-ready data in the YAML file's shape.

    ``codebook_from_dict(codebook_to_dict(cb), name) == cb`` holds, so exports
    and run provenance can carry the exact codebook used.
    """
    out: dict[str, Any] = {
        "id": codebook.id,
        "version": codebook.version,
        "title": codebook.title,
        "description": codebook.description,
        "source": codebook.source,
        "themes": [
            {
                "id": t.id,
                "label": t.label,
                "description": t.description,
                "why_it_matters": t.why_it_matters,
            }
            for t in codebook.themes
        ],
        "indicators": [
            {
                "id": i.id,
                "theme": i.theme,
                "label": i.label,
                "description": i.description,
                "why_it_matters": i.why_it_matters,
                "patterns": list(i.patterns),
                "exclude": list(i.exclude),
                "exemplars": list(i.exemplars),
                **({"examples": list(i.examples)} if i.examples else {}),
                **({"counter_examples": list(i.counter_examples)} if i.counter_examples else {}),
                "unknown_prompt": i.unknown_prompt,
                **({"parents_past": True} if i.parents_past else {}),
                **({"siblings": True} if i.siblings else {}),
                **({"absent": list(i.absent)} if i.absent else {}),
                **({"sibling_patterns": list(i.sibling_patterns)} if i.sibling_patterns else {}),
                **({"review_harms": list(i.review_harms)} if i.review_harms else {}),
                **(
                    {
                        "nearby": [
                            {"pattern": n.pattern, "near": n.near, "within": n.within}
                            for n in i.nearby
                        ]
                    }
                    if i.nearby
                    else {}
                ),
            }
            for i in codebook.indicators
        ],
        "criteria": [
            {
                "id": c.id,
                "label": c.label,
                "fact": c.fact,
                "any_of": list(c.any_of),
                "below": c.below,
                "min": c.min,
                "max": c.max,
                "window": c.window,
                "unknown_met_by": c.unknown_met_by,
            }
            for c in codebook.criteria
        ],
        "questions": [
            {"id": q.id, "text": q.text, "themes": list(q.themes), "indicators": list(q.indicators)}
            for q in codebook.questions
        ],
    }
    if codebook.sections != default_sections():
        out["sections"] = [
            {
                "id": r.id,
                "label": r.label,
                "headings": list(r.headings),
                "coding": r.coding,
                "facts": r.facts,
            }
            for r in codebook.sections
        ]
    if codebook.extra:
        out["extra"] = dict(codebook.extra)
    return out
