"""The deck's look comes from the project's own template, and the script rebuilds it."""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from pathlib import Path

import pytest

pptx = pytest.importorskip("pptx")

from caselens.model import Codebook  # noqa: E402
from caselens.report.context import build_context  # noqa: E402
from caselens.report.slides import TEMPLATE, deck_bytes  # noqa: E402
from caselens.services import Analysis  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def _geometry(deck: object) -> dict[str, list[tuple[int, int, int, int, int]]]:
    out: dict[str, list[tuple[int, int, int, int, int]]] = {}
    for layout in deck.slide_layouts:  # type: ignore[attr-defined]
        out[layout.name] = [
            (p.placeholder_format.idx, p.left, p.top, p.width, p.height)
            for p in layout.placeholders
        ]
    return out


def _theme_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("ppt/theme/theme1.xml")


def test_template_is_16_9_with_the_layouts_the_deck_uses() -> None:
    deck = pptx.Presentation(str(TEMPLATE))
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)
    assert len(deck.slides) == 0
    assert [layout.name for layout in deck.slide_layouts] == [
        "Title Slide",
        "Title and Content",
        "Title Only",
        "Blank",
    ]
    for layout in deck.slide_layouts:
        for shape in layout.placeholders:
            right = deck.slide_width - shape.left - shape.width
            assert shape.left >= 0 and right >= 0, (layout.name, shape.name)
            if shape.placeholder_format.idx == 0:  # titles centred on the wide slide
                assert abs(shape.left - right) < 50_000, (layout.name, shape.left, right)
    assert "caselens band" in [shape.name for shape in deck.slide_master.shapes]
    # the master's own placeholders too: date, footer and number along the foot
    for shape in deck.slide_master.placeholders:
        right = deck.slide_width - shape.left - shape.width
        assert shape.left >= 0 and right >= 0, shape.name
        if shape.placeholder_format.idx >= 2:  # date, footer, slide number
            assert shape.top > deck.slide_height * 0.9, (shape.name, shape.top)
    theme = _theme_xml(TEMPLATE)
    assert b'<a:accent1><a:srgbClr val="0072B2"/>' in theme
    assert b'typeface="Arial"' in theme


def test_the_script_builds_the_shipped_template(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "make_slide_template", ROOT / "scripts" / "make_slide_template.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_slide_template"] = module
    spec.loader.exec_module(module)
    built = tmp_path / "template.pptx"
    module.build(built)
    assert _geometry(pptx.Presentation(str(built))) == _geometry(pptx.Presentation(str(TEMPLATE)))
    assert _theme_xml(built) == _theme_xml(TEMPLATE)


def test_every_slide_of_the_briefing_uses_a_template_layout(
    analysis: Analysis, codebook: Codebook
) -> None:
    deck = pptx.Presentation(io.BytesIO(deck_bytes(build_context(analysis, codebook))))
    names = [slide.slide_layout.name for slide in deck.slides]
    assert names[0] == "Title Slide"
    assert set(names[1:]) == {"Title Only"}
    # the band is the master's, not drawn again on each slide
    for slide in deck.slides:
        assert all(shape.name != "caselens band" for shape in slide.shapes)
    master = deck.slide_master
    assert "caselens band" in [shape.name for shape in master.shapes]
