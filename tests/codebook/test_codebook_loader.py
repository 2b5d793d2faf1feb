"""Loading good codebooks: the shapes that come out and the round trip through dicts."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caselens.codebook import (
    codebook_from_dict,
    codebook_to_dict,
    default_codebook,
    load_codebook,
)
from caselens.errors import CodebookError
from caselens.model.codebook import Codebook


def test_minimal_codebook_loads_into_frozen_tuples(minimal_path: Path) -> None:
    cb = load_codebook(minimal_path)
    assert (cb.id, cb.version, cb.title) == ("test-mini", "0.1.0", "Test codebook")
    assert [t.id for t in cb.themes] == ["A", "B"]
    assert [i.id for i in cb.indicators] == ["A.noisy_home", "A.new_pet", "B.missed_visit"]
    noisy = cb.indicator("A.noisy_home")
    assert isinstance(noisy.patterns, tuple)
    assert noisy.patterns[0] == r"\bshout(ing|ed)\b"  # single-quoted YAML keeps backslashes
    assert noisy.exclude == (r"\bshouted\s+for\s+help\b",)
    assert noisy.unknown_prompt.startswith("What is the household")
    assert cb.theme("B").description == ""
    assert cb.extra == {"licence": "CC0"}


def test_indicator_theme_defaults_to_id_prefix(minimal_path: Path) -> None:
    cb = load_codebook(minimal_path)
    assert cb.indicator("B.missed_visit").theme == "B"
    assert [i.id for i in cb.indicators_of("A")] == ["A.noisy_home", "A.new_pet"]


def test_criteria_and_questions(minimal_path: Path) -> None:
    cb = load_codebook(minimal_path)
    age, outcome, published = cb.criteria
    assert (age.fact, age.below, age.unknown_met_by, age.window) == (
        "age_months",
        36,
        "infant",
        False,
    )
    assert outcome.any_of == ("death", "serious_harm")
    assert (published.min, published.max, published.window) == (2018, 2022, True)
    assert cb.questions[0].indicators == ("A.noisy_home",)
    assert cb.questions[1].themes == ("B",)


def test_none_means_the_default_codebook_and_it_is_cached() -> None:
    assert load_codebook(None) is default_codebook()
    assert default_codebook() is default_codebook()
    assert default_codebook().indicators  # the shipped file has content


@pytest.mark.parametrize("which", ["minimal", "default"])
def test_dict_round_trip_is_exact_and_json_ready(which: str, minimal_path: Path) -> None:
    cb = load_codebook(minimal_path) if which == "minimal" else default_codebook()
    data = json.loads(json.dumps(codebook_to_dict(cb)))
    assert codebook_from_dict(data, "export.json") == cb
    assert data["indicators"][0]["theme"] == cb.indicators[0].theme


def test_codebook_from_dict_checks_like_a_file(minimal_data: dict[str, Any]) -> None:
    minimal_data["indicators"][0]["patterns"] = ["(unclosed"]
    with pytest.raises(CodebookError) as info:
        codebook_from_dict(minimal_data, "stored run 7")
    assert str(info.value).startswith("stored run 7: indicators[0].patterns[0]")


def test_byte_order_mark_and_null_optional_values_are_accepted(
    write_codebook: Callable[..., Path], minimal_path: Path
) -> None:
    text = minimal_path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^description: .*$", "description:", text)  # a null value
    path = write_codebook("\ufeff" + text)
    cb = load_codebook(path)
    assert isinstance(cb, Codebook)
    assert cb.description == ""


def test_the_shipped_codebook_passes_every_check_it_skips_when_loaded() -> None:
    """The packaged codebook is loaded without compiling and timing each pattern (a
    second of every command's start); the full check, patterns and all, passes here."""
    from importlib import resources

    import yaml

    from caselens.codebook.validate import expanded_and_checked

    raw = resources.files("caselens.codebook").joinpath("infant.yaml").read_text("utf-8")
    data = yaml.safe_load(raw)
    assert expanded_and_checked(data)[1] == []
    first, *rest = data["indicators"]
    bad = dict(data, indicators=[dict(first, patterns=["(unclosed"]), *rest])
    assert expanded_and_checked(bad)[1], "the full check finds a broken pattern"
    assert expanded_and_checked(bad, patterns=False)[1] == []


def test_every_key_a_codebook_may_have_is_a_field_of_the_model_and_is_documented() -> None:
    """A codebook field is declared once, in the model: the validator's keys are its
    fields, and docs/codebook.md's example shows every one."""
    import dataclasses

    from caselens.codebook import validate
    from caselens.model import codebook as model

    docs = (Path(__file__).parents[2] / "docs" / "codebook.md").read_text("utf-8")
    example = docs.split("## The format", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    shown = set(re.findall(r"(?:^|[{,\s-])\s*([a-z_]+):", example, re.MULTILINE))
    for keys, kind in (
        (validate.THEME_KEYS, model.Theme),
        (validate.INDICATOR_KEYS, model.Indicator),
        (validate.NEARBY_KEYS, model.Nearby),
        (validate.CRITERION_KEYS, model.Criterion),
        (validate.QUESTION_KEYS, model.Question),
        (validate.SECTION_KEYS, model.SectionRole),
    ):
        assert keys == tuple(f.name for f in dataclasses.fields(kind))
        assert set(keys) <= shown, (kind.__name__, set(keys) - shown)
    assert set(validate.TOP_KEYS) <= shown, set(validate.TOP_KEYS) - shown
