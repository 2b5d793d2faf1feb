"""Checks on the bundled fictional samples and the fictional labelled set.

The samples are what a new user first runs caselens on, and what teammates use to try
ingestion on every format; the labelled set is a second, independent check on
generalisation. These tests keep both usable: present, readable, long where they should be,
in step with their Markdown sources, and labelled in the contract's vocabulary.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SOURCES = ROOT / "scripts" / "sample_sources"
FICTIONAL = ROOT / "tests" / "fixtures" / "eval" / "fictional.jsonl"
REVIEW_SUFFIXES = {".pdf", ".docx", ".html", ".txt", ".md"}

OUTCOMES = {"death", "serious_harm", "other"}
HARMS = {"non_accidental_injury", "neglect", "unsafe_sleeping", "other"}
NATIONS = {"England", "Wales", "Scotland", "Northern Ireland", "other"}
IN_SCOPE_HARMS = {"non_accidental_injury", "neglect", "unsafe_sleeping"}


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.suffix in REVIEW_SUFFIXES)


def load_make_samples() -> ModuleType:
    """Import the script by path: scripts/ is not a package."""
    spec = importlib.util.spec_from_file_location(
        "make_samples", ROOT / "scripts" / "make_samples.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = module
    spec.loader.exec_module(module)
    return module


def fictional_records() -> list[dict[str, Any]]:
    with FICTIONAL.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# ---------------------------------------------------------------- samples


def test_samples_cover_every_format() -> None:
    files = sample_files()
    assert len(files) >= 12
    suffixes = Counter(p.suffix for p in files)
    assert suffixes[".pdf"] >= 4
    assert suffixes[".docx"] >= 3
    assert suffixes[".html"] >= 3
    assert suffixes[".txt"] + suffixes[".md"] >= 2


def test_no_readme_among_samples() -> None:
    # Anything in samples/ is read as a review by `caselens analyse samples/`.
    assert not any(p.stem.lower() == "readme" for p in SAMPLES.iterdir())


def test_several_pdfs_are_long() -> None:
    pypdf = pytest.importorskip("pypdf")
    pages = {p.name: len(pypdf.PdfReader(p).pages) for p in SAMPLES.glob("*.pdf")}
    assert sum(n >= 15 for n in pages.values()) >= 4, pages


def test_pdfs_have_text_layer_and_page_numbers() -> None:
    pypdf = pytest.importorskip("pypdf")
    for path in SAMPLES.glob("*.pdf"):
        reader = pypdf.PdfReader(path)
        text = reader.pages[2].extract_text()
        assert len(text.split()) > 50, path.name
        assert f"Page 3 of {len(reader.pages)}" in text, path.name


def rendered_content(path: Path) -> list[str]:
    """What a sample says, independent of the library versions that wrote the bytes."""
    if path.suffix == ".pdf":
        pypdf = pytest.importorskip("pypdf")
        return [page.extract_text() for page in pypdf.PdfReader(path).pages]
    if path.suffix == ".docx":
        docx = pytest.importorskip("docx")
        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return [p.text for p in document.paragraphs] + cells
    return path.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def rendered_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Render the sources once for the tests that compare against samples/."""
    pytest.importorskip("fpdf")
    pytest.importorskip("docx")
    out = tmp_path_factory.mktemp("rendered")
    assert load_make_samples().main(["--sources", str(SOURCES), "--out", str(out)]) == 0
    return out


def test_every_sample_has_a_source_and_is_up_to_date(rendered_dir: Path) -> None:
    rendered = {p.name: p for p in rendered_dir.iterdir()}
    committed = {p.name: p for p in sample_files()}
    assert set(rendered) == set(committed)
    stale = [
        name
        for name in sorted(committed)
        if rendered_content(committed[name]) != rendered_content(rendered[name])
    ]
    assert not stale, f"rerun scripts/make_samples.py; stale: {stale}"


def test_rendering_is_deterministic(rendered_dir: Path, tmp_path: Path) -> None:
    assert load_make_samples().main(["--sources", str(SOURCES), "--out", str(tmp_path)]) == 0
    for path in rendered_dir.iterdir():
        assert path.read_bytes() == (tmp_path / path.name).read_bytes(), path.name


def test_every_sample_is_readable_by_ingest() -> None:
    try:
        from caselens.ingest import read_document
    except ImportError as exc:  # pragma: no cover - only before ingest exists
        pytest.skip(f"caselens.ingest.read_document not available: {exc}")
    for path in sample_files():
        doc = read_document(path)
        assert len(doc.text.split()) > 300, path.name
        assert "Child" in doc.text or "Baby" in doc.text, path.name
        # Site chrome around the HTML reviews must not reach the analysed text.
        assert "Cookie settings" not in doc.text, path.name


def test_pdf_render_is_latin1_safe() -> None:
    make_samples = load_make_samples()
    text = make_samples.latin1("“Ŵyn” – a **bold** note… Ysbyty Afon")
    text.encode("latin-1")
    assert text == '"Wyn" - a bold note... Ysbyty Afon'


# ---------------------------------------------------------------- fictional labelled set


def test_fictional_set_is_well_formed() -> None:
    records = fictional_records()
    assert len(records) >= 30
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    for record in records:
        gold = record["gold"]
        words = len(record["text"].split())
        assert 140 <= words <= 320, (record["id"], words)
        assert gold["outcome"] in OUTCOMES
        assert set(gold["harm_types"]) <= HARMS and gold["harm_types"]
        assert gold["nation"] is None or gold["nation"] in NATIONS
        assert gold["age_months"] is None or gold["age_months"] >= 0
        themes = {i.split(".", 1)[0] for i in gold["indicators"]}
        assert sorted(themes) == gold["themes"], record["id"]


def test_fictional_in_scope_follows_the_guidelines() -> None:
    for record in fictional_records():
        gold = record["gold"]
        expected = (
            (gold["age_months"] is None or gold["age_months"] < 36)
            and gold["outcome"] in {"death", "serious_harm"}
            and bool(set(gold["harm_types"]) & IN_SCOPE_HARMS)
            and gold["nation"] in {"England", "Wales"}
        )
        assert gold["in_scope"] == expected, record["id"]


def test_fictional_set_mixes_scope_and_uses_codebook_ids() -> None:
    records = fictional_records()
    in_scope = sum(r["gold"]["in_scope"] for r in records)
    assert 0 < in_scope < len(records) - 5
    used = {i for r in records for i in r["gold"]["indicators"]}
    try:
        from caselens.codebook import default_codebook
    except ImportError as exc:  # pragma: no cover - only before the codebook exists
        pytest.skip(f"caselens.codebook not available: {exc}")
    known = {indicator.id for indicator in default_codebook().indicators}
    assert used <= known, sorted(used - known)
    assert len(used) >= 30
