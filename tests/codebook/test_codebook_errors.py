"""Malformed codebooks: each message names the file, the key path and the fix."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caselens.codebook import CodebookProblemsError, load_codebook
from caselens.codebook import loader as loader_module
from caselens.errors import CodebookError

Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: object) -> Mutation:
    """Set ``a.b[0].c`` style paths in the parsed fixture."""

    def mutate(data: dict[str, Any]) -> None:
        parts = path.replace("[", ".").replace("]", "").split(".")
        target: Any = data
        for part in parts[:-1]:
            target = target[int(part)] if part.isdigit() else target[part]
        last = parts[-1]
        if last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value

    return mutate


def _delete(path: str) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[part]
        del target[last]

    return mutate


def _append(path: str, value: object) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for part in path.replace("[", ".").replace("]", "").split("."):
            target = target[int(part)] if part.isdigit() else target[part]
        target.append(value)

    return mutate


CASES: list[tuple[str, Mutation, str, str]] = [
    ("missing id", _delete("id"), "id", "missing required key 'id'"),
    ("missing version", _delete("version"), "version", "missing required key 'version'"),
    ("missing themes", _delete("themes"), "themes", "missing required key 'themes'"),
    ("missing indicators", _delete("indicators"), "indicators", "add 'indicators: ...'"),
    ("empty themes", _set("themes", []), "themes", "needs at least one"),
    ("top-level typo", _set("titel", "x"), "titel", "did you mean 'title'?"),
    ("indicator typo", _set("indicators[1].paterns", ["x"]), "indicators[1].paterns",
     "allowed keys are: id, theme, label"),
    ("version as number", _set("version", 1.5), "version", 'version: "1.5"'),
    ("label not text", _set("themes[0].label", ["a"]), "themes[0].label", "expected text"),
    ("patterns not list", _set("indicators[0].patterns", "shout"), "indicators[0].patterns",
     "expected a list"),
    ("theme not mapping", _set("themes[1]", "B"), "themes[1]", "as a mapping"),
    ("duplicate theme", _append("themes", {"id": "A", "label": "Again"}), "themes[2].id",
     "duplicate id 'A'"),
    ("duplicate indicator", _append("indicators", {"id": "A.new_pet", "label": "x"}),
     "indicators[3].id", "duplicate id 'A.new_pet'"),
    ("indicator id without theme", _set("indicators[2].id", "missed_visit"), "indicators[2].id",
     "THEME.name"),
    ("indicator of unknown theme", _set("indicators[2].id", "Z.missed_visit"),
     "indicators[2].id", "names theme 'Z'"),
    ("theme differs from prefix", _set("indicators[1].theme", "B"), "indicators[1].theme",
     "differs from the id's prefix"),
    ("bad regex", _set("indicators[0].patterns[1]", r"\bloud(er"), "indicators[0].patterns[1]",
     "missing ), unterminated subpattern"),
    ("bad exclude regex", _set("indicators[0].exclude[0]", "[a-"), "indicators[0].exclude[0]",
     "not a valid regular expression"),
    ("empty-matching regex", _set("indicators[1].patterns[0]", r"\bpuppy\b|"),
     "indicators[1].patterns[0]", "can match the empty string"),
    ("zero-width regex", _set("indicators[1].patterns[0]", r"(?=dog)|\b"),
     "indicators[1].patterns[0]", "empty string"),
    ("nested quantifiers", _set("indicators[1].patterns[0]", r"(a+)+$"),
     "indicators[1].patterns[0]", "exponential time"),
    ("nested star", _set("indicators[1].patterns[0]", r"\b(\w+\s?)*$"),
     "indicators[1].patterns[0]", "possessive"),
    ("nested in an exclude", _set("indicators[1].exclude", [r"(?:x*y*)+z"]),
     "indicators[1].exclude[0]", "exponential time"),
    ("bad absent regex", _set("indicators[0].absent", ["(no"]), "indicators[0].absent[0]",
     "not a valid regular expression"),
    ("over-large repetition", _set("indicators[1].patterns[0]", r"\bdog{99999999999}"),
     "indicators[1].patterns[0]", "too large to compile"),
    ("empty exemplar", _set("indicators[0].exemplars[0]", "  "), "indicators[0].exemplars[0]",
     "non-empty text"),
    ("unknown fact", _set("criteria[0].fact", "age"), "criteria[0].fact",
     "use one of: age_months, infant"),
    ("unknown unknown_met_by", _set("criteria[0].unknown_met_by", "baby"),
     "criteria[0].unknown_met_by", "not a fact"),
    ("value outside vocabulary", _set("criteria[1].any_of[1]", "serious harm"),
     "criteria[1].any_of[1]", "use one of: death, serious_harm"),
    ("number for a word fact", _set("criteria[1].below", 3), "criteria[1].below",
     "is a word, not a number"),
    ("bound not a number", _set("criteria[2].min", "2018"), "criteria[2].min",
     "expected a number"),
    ("min above max", _set("criteria[2].min", 2030), "criteria[2].min", "greater than max"),
    ("window not boolean", _set("criteria[2].window", "yes please"), "criteria[2].window",
     "expected true or false"),
    ("parents_past not boolean", _set("indicators[0].parents_past", "yes"),
     "indicators[0].parents_past", "expected true or false"),
    ("siblings not boolean", _set("indicators[0].siblings", 1),
     "indicators[0].siblings", "expected true or false"),
    ("review harm not a harm type", _set("indicators[0].review_harms", ["sleeping"]),
     "indicators[0].review_harms[0]", "'sleeping' is not a harm type"),
    ("review harms not a list", _set("indicators[0].review_harms", "unsafe_sleeping"),
     "indicators[0].review_harms", "expected a list"),
    ("sibling pattern without a name", _set("indicators[0].sibling_patterns", [r"\bsister\b"]),
     "indicators[0].sibling_patterns[0]", "writes {sibling} where the name goes"),
    ("bad sibling pattern", _set("indicators[0].sibling_patterns", [r"({sibling}"]),
     "indicators[0].sibling_patterns[0]", "not a valid regular expression"),
    ("question unknown theme", _set("questions[0].themes", ["Q"]), "questions[0].themes[0]",
     "unknown theme 'Q'"),
    ("question unknown indicator", _set("questions[0].indicators", ["A.noisy_hom"]),
     "questions[0].indicators[0]", "did you mean 'A.noisy_home'?"),
    ("criterion without condition", lambda d: d["criteria"][0].pop("below"), "criteria[0]",
     "has no condition"),
    ("question without text", lambda d: d["questions"][1].pop("text"), "questions[1].text",
     "missing required key 'text'"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("mutation", "key", "fragment"),
    [pytest.param(m, k, f, id=name) for name, m, k, f in CASES],
)
def test_each_problem_names_file_key_and_fix(
    mutation: Mutation,
    key: str,
    fragment: str,
    minimal_data: dict[str, Any],
    write_codebook: Callable[..., Path],
) -> None:
    mutation(minimal_data)
    path = write_codebook(minimal_data)
    with pytest.raises(CodebookProblemsError) as info:
        load_codebook(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert info.value.key == key
    assert f"{key} (line " in message or f"{key}: " in message
    assert fragment in message


def test_problems_are_collected_one_per_line(
    minimal_data: dict[str, Any], write_codebook: Callable[..., Path]
) -> None:
    minimal_data["indicators"][0]["patterns"][0] = "(("
    minimal_data["criteria"][0]["fact"] = "weight"
    minimal_data["colour"] = "blue"
    path = write_codebook(minimal_data)
    with pytest.raises(CodebookProblemsError) as info:
        load_codebook(path)
    lines = str(info.value).splitlines()
    assert lines[0] == f"{path}: 3 problems in this codebook:"
    assert [line.split(" (line")[0].strip() for line in lines[1:]] == [
        "colour",
        "indicators[0].patterns[0]",
        "criteria[0].fact",
    ]
    assert len(info.value.problems) == 3


def test_at_most_ten_problems_are_listed(
    minimal_data: dict[str, Any], write_codebook: Callable[..., Path]
) -> None:
    minimal_data["indicators"][0]["patterns"] = ["("] * 14
    path = write_codebook(minimal_data)
    with pytest.raises(CodebookProblemsError) as info:
        load_codebook(path)
    message = str(info.value)
    assert "14 problems" in message
    assert "indicators[0].patterns[9]" in message
    assert "indicators[0].patterns[10]" not in message
    assert "and 4 more" in message


def test_line_numbers_point_into_the_file(write_codebook: Callable[..., Path]) -> None:
    text = """\
id: x
version: "1"
title: T
themes:
  - {id: A, label: Alpha}
indicators:
  - id: A.one
    label: One
    patterns:
      - 'fine'
      - '[unclosed'
"""
    with pytest.raises(CodebookError) as info:
        load_codebook(write_codebook(text))
    assert "indicators[0].patterns[1] (line 11)" in str(info.value)


def test_double_quoted_backslash_b_is_explained(write_codebook: Callable[..., Path]) -> None:
    text = 'id: x\nversion: "1"\ntitle: T\nthemes: [{id: A, label: L}]\n'
    text += 'indicators: [{id: A.one, label: One, patterns: ["\\bcot\\b"]}]\n'
    with pytest.raises(CodebookError) as info:
        load_codebook(write_codebook(text))
    assert "single quotes" in str(info.value)
    assert info.value.key == "indicators[0].patterns[0]"


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        pytest.param("", "the file is empty", id="empty"),
        pytest.param("   \n# only a comment\n", "the file is empty", id="comment-only"),
        pytest.param("id: [unclosed\n", "not valid YAML: line 2", id="not-yaml"),
        pytest.param("- a\n- b\n", "got a list", id="list"),
        pytest.param("just words\n", "got text", id="scalar"),
        pytest.param("id: a\nid: b\n", "line 2: the key 'id' appears twice", id="duplicate-key"),
        pytest.param("extra: &x [1, *x]\n", "line 1: an alias (*name) stands for", id="loop"),
    ],
)
def test_unusable_files(content: str, fragment: str, write_codebook: Callable[..., Path]) -> None:
    path = write_codebook(content)
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    assert str(info.value).startswith(f"{path}: ")
    assert fragment in str(info.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="no such file"):
        load_codebook(tmp_path / "nope.yaml")
    with pytest.raises(CodebookError, match="this is a folder"):
        load_codebook(tmp_path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("title: caf\xe9\n".encode("latin-1"))
    with pytest.raises(CodebookError, match="not UTF-8"):
        load_codebook(path)


def test_too_big_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader_module, "MAX_CODEBOOK_BYTES", 100)
    path = tmp_path / "big.yaml"
    path.write_text("# padding\n" * 20, encoding="utf-8")
    with pytest.raises(CodebookError, match="probably not one"):
        load_codebook(path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text("id: x\n", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(CodebookError, match="cannot be read"):
            load_codebook(path)
    finally:
        path.chmod(0o600)
