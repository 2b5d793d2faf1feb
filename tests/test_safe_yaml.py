"""The one YAML loader: aliases within reason are read, a billion laughs is refused unbuilt."""

from __future__ import annotations

import pytest

from caselens.safe_yaml import MAX_ALIAS_VALUES, YamlRefusedError, compose_yaml, load_yaml


def laughs(levels: int = 9, indent: str = "") -> str:
    """Nine lines that stand for 9**levels strings: each list holds the one before nine times."""
    lines = [f'{indent}a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        copies = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"{indent}a{level}: &a{level} [{copies}]")
    return "\n".join(lines) + "\n"


def test_aliases_within_reason_are_read_as_written() -> None:
    data = load_yaml("base: &b {seen: false}\nadults: [*b, *b]\nmerged: {<<: *b, seen: true}\n")
    assert data["adults"] == [{"seen": False}, {"seen": False}]
    assert data["merged"] == {"seen": True}  # a key given beside a merge is not a duplicate


def test_a_billion_laughs_is_refused_naming_the_line_of_the_first_alias() -> None:
    with pytest.raises(YamlRefusedError) as caught:
        load_yaml("id: book\nextra:\n" + laughs(indent="  "))
    assert caught.value.line == 4  # a1, the first line that uses an alias
    assert f"{MAX_ALIAS_VALUES:,} allowed" in caught.value.problem


def test_merge_keys_that_multiply_are_refused_before_they_are_built() -> None:
    lines = ["m0: &m0 {a: 1, b: 2, c: 3}"]
    for level in range(1, 9):
        merged = ", ".join([f"*m{level - 1}"] * 9)
        lines.append(f"m{level}: &m{level} {{<<: [{merged}], k{level}: 0}}")
    with pytest.raises(YamlRefusedError, match="aliases"):
        load_yaml("\n".join(lines) + "\n")


def test_an_alias_that_holds_itself_is_refused() -> None:
    with pytest.raises(YamlRefusedError, match="never ends"):
        load_yaml("loop: &x [1, *x]\n")


def test_a_key_written_twice_is_refused_with_its_line() -> None:
    with pytest.raises(YamlRefusedError) as caught:
        load_yaml("baby:\n  age_weeks: 3\nbaby:\n  age_weeks: 4\n")
    assert caught.value.line == 3 and "'baby' appears twice" in caught.value.problem


def test_a_file_without_aliases_is_composed_for_its_line_numbers() -> None:
    data, root = compose_yaml("id: x\nthemes: []\n")
    assert data == {"id": "x", "themes": []}
    assert root is not None and root.start_mark.line == 0
    assert compose_yaml("# only a comment\n") == (None, None)
