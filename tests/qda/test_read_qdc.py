"""A REFI-QDA codebook (.qdc) from a QDA program becomes a caselens codebook."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from caselens.cli import cli
from caselens.codebook import codebook_from_dict, default_codebook, load_codebook
from caselens.errors import InputError
from caselens.qda.read_qdc import MAX_DEPTH, read_qdc
from caselens.report.qda import write_qdc

FOREIGN = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="a QDA program">
  <Codes>
    <Code guid="00000000-0000-0000-0000-000000000001" name="Family" isCodable="true">
      <Description>What the family lived with.</Description>
      <Code guid="00000000-0000-0000-0000-000000000002" name="Housing" isCodable="true">
        <Code guid="00000000-0000-0000-0000-000000000003" name="Overcrowding" isCodable="true"/>
      </Code>
      <Code guid="00000000-0000-0000-0000-000000000004" name="Debt &amp; money" isCodable="true"/>
    </Code>
    <Code guid="00000000-0000-0000-0000-000000000005" name="Good practice" isCodable="true"/>
  </Codes>
</CodeBook>
"""


def test_caselens_own_codebook_comes_back_with_its_ids_labels_and_reasons(
    tmp_path: Path,
) -> None:
    original = default_codebook()
    path = tmp_path / "infant.qdc"
    write_qdc(original, path)
    back = codebook_from_dict(read_qdc(path, known=original), str(path))
    assert [(t.id, t.label) for t in back.themes] == [(t.id, t.label) for t in original.themes]
    assert [(i.id, i.label) for i in back.indicators] == [
        (i.id, i.label) for i in original.indicators
    ]
    assert back.themes[0].why_it_matters == original.themes[0].why_it_matters
    assert all(not i.patterns for i in back.indicators)  # patterns do not travel


def test_a_foreign_code_tree_becomes_themes_and_indicators(tmp_path: Path) -> None:
    path = tmp_path / "team codes.qdc"
    path.write_text(FOREIGN, encoding="utf-8")
    cb = codebook_from_dict(read_qdc(path), str(path))
    assert cb.id == "team-codes"
    assert [(t.id, t.label, t.description) for t in cb.themes] == [
        ("T1", "Family", "What the family lived with."),
        ("T2", "Good practice", ""),
    ]
    assert [(i.id, i.label) for i in cb.indicators] == [
        ("T1.housing", "Housing"),
        ("T1.housing_overcrowding", "Housing / Overcrowding"),
        ("T1.debt_money", "Debt & money"),
        ("T2.good_practice", "Good practice"),  # a theme with no codes under it
    ]


def test_not_a_codebook_and_a_hostile_depth_are_clear_errors(tmp_path: Path) -> None:
    html = tmp_path / "page.qdc"
    html.write_text("<html><body>hello</body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="not a REFI-QDA codebook"):
        read_qdc(html)
    broken = tmp_path / "broken.qdc"
    broken.write_text("<CodeBook", encoding="utf-8")
    with pytest.raises(InputError, match="not readable XML"):
        read_qdc(broken)
    deep = tmp_path / "deep.qdc"
    nested = "<Code name='x'>" * (MAX_DEPTH + 5) + "</Code>" * (MAX_DEPTH + 5)
    deep.write_text(
        f'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>{nested}</Codes></CodeBook>',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="deep"):
        read_qdc(deep)


def test_the_command_writes_a_codebook_that_validates_and_never_overwrites(
    tmp_path: Path,
) -> None:
    source = tmp_path / "team.qdc"
    source.write_text(FOREIGN, encoding="utf-8")
    out = tmp_path / "team.yaml"
    runner = CliRunner()
    made = runner.invoke(cli, ["qda", "import-codebook", str(source), "--out", str(out)])
    assert made.exit_code == 0, made.output
    assert "4 still need patterns" in made.output
    assert len(load_codebook(out).indicators) == 4
    before = out.read_bytes()
    again = runner.invoke(cli, ["qda", "import-codebook", str(source), "--out", str(out)])
    assert again.exit_code == 1 and "already exists" in again.output
    assert out.read_bytes() == before
