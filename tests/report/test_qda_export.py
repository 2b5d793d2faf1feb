"""The codebook as .qdc and a coded corpus as .qdpx: valid, stable, and read back the same."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from qda_helpers import coded_corpus, shared_or_skip

from caselens.codebook import default_codebook
from caselens.qda import QdaError, read_qdpx
from caselens.report.qda import write_qdc, write_qdpx

xmlschema = pytest.importorskip("xmlschema")


def test_qdc_validates_against_the_codebook_schema(tmp_path: Path) -> None:
    schema = xmlschema.XMLSchema(str(shared_or_skip("Codebook-mrt2019.xsd")))
    out = write_qdc(default_codebook(), tmp_path / "caselens.qdc")
    schema.validate(str(out))


def test_qdc_holds_themes_with_their_indicators_and_descriptions(tmp_path: Path) -> None:
    codebook = default_codebook()
    data = xmlschema.XMLSchema(str(shared_or_skip("Codebook-mrt2019.xsd"))).to_dict(
        str(write_qdc(codebook, tmp_path / "c.qdc"))
    )
    themes = data["Code"] if "Code" in data else data["Codes"]["Code"]
    assert [t["@name"].split(":")[0] for t in themes] == [t.id for t in codebook.themes]
    first = themes[0]["Code"][0]
    indicator = codebook.indicators_of(codebook.themes[0].id)[0]
    assert first["@name"] == f"{indicator.id}: {indicator.label}"
    assert indicator.description.strip()[:30] in first["Description"]


def test_exports_are_byte_identical_when_repeated(tmp_path: Path) -> None:
    codebook = default_codebook()
    assert write_qdc(codebook, tmp_path / "1.qdc").read_bytes() == (
        write_qdc(codebook, tmp_path / "2.qdc").read_bytes()
    )
    result, texts = coded_corpus()
    first = write_qdpx(result, codebook, texts, tmp_path / "1.qdpx").read_bytes()
    assert first == write_qdpx(result, codebook, texts, tmp_path / "2.qdpx").read_bytes()


def test_qdpx_validates_and_carries_sources_as_plain_text(tmp_path: Path) -> None:
    schema = xmlschema.XMLSchema(str(shared_or_skip("Project-mrt2019.xsd")))
    result, texts = coded_corpus()
    out = write_qdpx(result, default_codebook(), texts, tmp_path / "corpus.qdpx")
    with zipfile.ZipFile(out) as archive:
        schema.validate(archive.read("project.qde").decode("utf-8"))
        sources = sorted(n for n in archive.namelist() if n.startswith("sources/"))
        stored = {archive.read(n).decode("utf-8") for n in sources}
    assert len(sources) == 2
    assert stored == set(texts.values())


def test_an_export_read_back_gives_the_same_codings(tmp_path: Path) -> None:
    codebook = default_codebook()
    result, texts = coded_corpus()
    project = read_qdpx(write_qdpx(result, codebook, texts, tmp_path / "c.qdpx"), codebook)
    assert [u.name for u in project.users] == ["caselens"]
    by_name = {s.name: s for s in project.sources}
    back = {
        (by_name[r.document.name].text, project.label_of(c), c.start, c.end)
        for r in result.results
        for c in project.codings
        if c.source == by_name[r.document.name].guid
    }
    expected = {(texts[f.document], f.indicator, f.start, f.end) for f in result.findings}
    assert back == expected
    assert len(project.codings) == len(result.findings)
    # positions are half-open: the stored text sliced by them is the finding's quote
    for coding in project.codings:
        source = project.source(coding.source)
        assert source.text is not None
        quote = source.text[coding.start : coding.end]
        assert any(f.quote == quote for f in result.findings)
    assert not project.warnings


def test_export_refuses_a_text_that_is_not_the_one_coded(tmp_path: Path) -> None:
    result, texts = coded_corpus()
    damaged = {k: "x" + v for k, v in texts.items()}
    with pytest.raises(QdaError, match="not the one that was coded"):
        write_qdpx(result, default_codebook(), damaged, tmp_path / "c.qdpx")
    with pytest.raises(QdaError, match="none was given"):
        write_qdpx(result, default_codebook(), {}, tmp_path / "c.qdpx")


def test_control_characters_in_names_still_give_a_valid_project(tmp_path: Path) -> None:
    analysis, texts = coded_corpus()
    first = analysis.results[0]
    hostile = replace(first.document, name='a<b>&"c\x0b\x01 ]]>.txt', title="T\x0c<i>")
    analysis = replace(analysis, results=(replace(first, document=hostile), *analysis.results[1:]))
    path = write_qdpx(analysis, default_codebook(), texts, tmp_path / "hostile.qdpx")
    schema = xmlschema.XMLSchema(str(shared_or_skip("Project-mrt2019.xsd")))
    with zipfile.ZipFile(path) as archive:
        schema.validate(archive.read("project.qde").decode("utf-8"))
    assert read_qdpx(path).sources[0].name == 'a<b>&"c ]]>.txt'
