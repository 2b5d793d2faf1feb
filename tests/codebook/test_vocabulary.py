"""Named vocabularies: written once, used by name, coding exactly as if written out."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caselens.codebook import codebook_from_dict, default_codebook, load_codebook
from caselens.codebook.loader import DEFAULT_CODEBOOK_NAME, codebook_to_dict
from caselens.errors import CodebookError
from caselens.model import Document
from caselens.pipeline.run import Pipeline


def _with(data: dict[str, Any], patterns: list[str], **vocabularies: str) -> dict[str, Any]:
    out = copy.deepcopy(data)
    out["vocabularies"] = vocabularies
    out["indicators"][0]["patterns"] = patterns
    return out


def test_a_vocabulary_codes_as_if_written_out(minimal_data: dict[str, Any]) -> None:
    named = codebook_from_dict(
        _with(minimal_data, [r"\b{carer} (?:\w+ ){0,3}drank\b"], carer="mother|father|parents?"),
        "named.yaml",
    )
    written = copy.deepcopy(minimal_data)
    written["indicators"][0]["patterns"] = [r"\b(?:mother|father|parents?) (?:\w+ ){0,3}drank\b"]
    assert named == codebook_from_dict(written, "written.yaml")
    assert "vocabularies" not in codebook_to_dict(named)  # exports carry what runs
    text = "The father had drank heavily that night."
    found = Pipeline(named).process(Document.from_text(text, "d")).findings
    assert [f.indicator for f in found] == [named.indicators[0].id]


def test_quantifiers_and_escaped_braces_are_not_names(minimal_data: dict[str, Any]) -> None:
    book = codebook_from_dict(
        _with(minimal_data, [r"\bcot\b[^.]{0,30}\{x\}"], x="never used"), "book.yaml"
    )
    assert book.indicators[0].patterns == (r"\bcot\b[^.]{0,30}\{x\}",)


def test_a_sibling_pattern_keeps_its_name_for_each_document(minimal_data: dict[str, Any]) -> None:
    """``{sibling}`` is filled from each review as it is coded, never by a vocabulary;
    the vocabularies around it are put in as anywhere else."""
    data = _with(minimal_data, [r"\bcot\b"], carer="mother|father")
    data["indicators"][0]["sibling_patterns"] = [r"\b{carer} never asked {sibling}\b"]
    book = codebook_from_dict(data, "book.yaml")
    assert book.indicators[0].sibling_patterns == (r"\b(?:mother|father) never asked {sibling}\b",)
    assert codebook_from_dict(codebook_to_dict(book), "again.yaml") == book


@pytest.mark.parametrize(
    ("vocabularies", "pattern", "key", "fragment"),
    [
        ({"carer": "mother"}, r"\b{carers}\b", "indicators[0].patterns[0]", "{carers}"),
        ({"Carer": "mother"}, r"\bcot\b", "vocabularies.Carer", "lower-case letters"),
        ({"carer": ""}, r"\bcot\b", "vocabularies.carer", "word list"),
        ({"carer": "mo(ther"}, r"\bcot\b", "vocabularies.carer", "not a valid regular"),
        ({"a": "x", "b": "{a}|y"}, r"\bcot\b", "vocabularies.b", "cannot use another"),
    ],
)
def test_problems_name_the_key_and_the_fix(
    minimal_data: dict[str, Any],
    write_codebook: Callable[..., Path],
    vocabularies: dict[str, str],
    pattern: str,
    key: str,
    fragment: str,
) -> None:
    path = write_codebook(_with(minimal_data, [pattern], **vocabularies))
    with pytest.raises(CodebookError) as caught:
        load_codebook(path)
    message = str(caught.value)
    assert key in message and fragment in message, message


def test_unknown_name_lists_the_defined_ones(
    minimal_data: dict[str, Any], write_codebook: Callable[..., Path]
) -> None:
    path = write_codebook(_with(minimal_data, [r"\b{dad}\b"], parent="mother|father"))
    with pytest.raises(CodebookError, match=r"defined: parent") as caught:
        load_codebook(path)
    assert "line" in str(caught.value)  # the problem points into the file


def test_a_dangerous_pattern_made_of_a_vocabulary_is_refused(
    minimal_data: dict[str, Any], write_codebook: Callable[..., Path]
) -> None:
    path = write_codebook(_with(minimal_data, [r"(?:{word}\s?)*$"], word=r"\w+"))
    with pytest.raises(CodebookError, match="exponential time"):
        load_codebook(path)


def test_the_default_codebook_uses_vocabularies() -> None:
    from importlib import resources

    text = resources.files("caselens.codebook").joinpath(DEFAULT_CODEBOOK_NAME).read_text()
    assert "\nvocabularies:\n" in text and "{parent}" in text
    book = default_codebook()
    assert not any("{parent}" in p for i in book.indicators for p in i.patterns)


def test_a_name_is_checked_even_without_vocabularies(
    minimal_data: dict[str, Any], write_codebook: Callable[..., Path]
) -> None:
    """Without the key, ``{parent}`` would be searched for as the braces themselves and
    never match, so it is refused as with any other vocabularies."""
    minimal_data["indicators"][0]["patterns"] = [r"\b{parent} shouted\b"]
    with pytest.raises(CodebookError) as caught:
        load_codebook(write_codebook(minimal_data))
    message = str(caught.value)
    assert "indicators[0].patterns[0]" in message and "{parent}" in message
    assert "no 'vocabularies'" in message


def test_without_vocabularies_sibling_and_literal_braces_still_stand(
    minimal_data: dict[str, Any],
) -> None:
    minimal_data["indicators"][0]["patterns"] = [r"\bcot\b[^.]{0,30}\{x\}"]
    minimal_data["indicators"][0]["sibling_patterns"] = [r"\bnobody asked {sibling}\b"]
    book = codebook_from_dict(minimal_data, "book.yaml")
    assert book.indicators[0].patterns == (r"\bcot\b[^.]{0,30}\{x\}",)
    assert book.indicators[0].sibling_patterns == (r"\bnobody asked {sibling}\b",)
