"""Build caselens's own slide template (16:9) from python-pptx's blank one.

The briefing deck used to be styled slide by slide on python-pptx's 4:3 default, so a
slide added by hand in PowerPoint came out in the old look and in the wrong place. This
script makes a template whose master carries the look: a 16:9 page, titles and body
placed for it, the briefing's colour-blind-safe palette (Okabe-Ito) as the theme
colours, one sans font, and the blue band down the left edge. Only the layouts the
deck uses are kept (title slide, title and content, title only, blank).

    python scripts/make_slide_template.py            # rewrites the shipped template
    python scripts/make_slide_template.py --out FILE

The output is committed (src/caselens/report/templates/slides/caselens-16x9.pptx);
run this again after changing it and check the deck (tests/report/test_slide_template.py).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.util import Emu, Inches, Pt

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "caselens" / "report" / "templates" / "slides" / "caselens-16x9.pptx"

WIDTH, HEIGHT = 13.333, 7.5
MARGIN = 0.6
KEEP = ("Title Slide", "Title and Content", "Title Only", "Blank")
# Okabe-Ito, as the HTML and PDF charts use; dark text and a muted grey
PALETTE = {
    "dk1": "1A1A1A",
    "lt1": "FFFFFF",
    "dk2": "4A4A4A",
    "lt2": "F2F2F2",
    "accent1": "0072B2",
    "accent2": "E69F00",
    "accent3": "009E73",
    "accent4": "CC79A7",
    "accent5": "56B4E9",
    "accent6": "D55E00",
    "hlink": "0072B2",
    "folHlink": "4A4A4A",
}
FONT = "Arial"  # on every machine that opens a deck; the HTML's system sans falls back to it
NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}

TITLE = (MARGIN, 0.35, WIDTH - 2 * MARGIN, 1.05)
BODY = (MARGIN, 1.5, WIDTH - 2 * MARGIN, 5.3)
FOOTERS = {  # placeholder type (the master numbers them 2-4, the layouts 10-12): box
    PP_PLACEHOLDER.DATE: (MARGIN, 6.95, 2.8, 0.4),
    PP_PLACEHOLDER.FOOTER: (MARGIN + 3.1, 6.95, WIDTH - 2 * MARGIN - 6.2, 0.4),
    PP_PLACEHOLDER.SLIDE_NUMBER: (WIDTH - MARGIN - 2.8, 6.95, 2.8, 0.4),
}
COVER_TITLE = (1.0, 2.1, WIDTH - 2.0, 2.0)
COVER_SUBTITLE = (1.0, 4.3, WIDTH - 2.0, 1.2)


def _place(shape: Any, box: tuple[float, float, float, float]) -> None:
    shape.left, shape.top, shape.width, shape.height = (Emu(Inches(v)) for v in box)


def _placeholder_box(shape: Any, layout: str) -> tuple[float, float, float, float] | None:
    kind = shape.placeholder_format.type
    if kind in FOOTERS:
        return FOOTERS[kind]
    title = kind in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
    if layout == "Title Slide":
        return COVER_TITLE if title else COVER_SUBTITLE
    return TITLE if title else BODY


def _theme(deck: Any) -> None:
    """The palette and font as the theme's, so PowerPoint's pickers offer them."""
    master_part = deck.slide_master.part
    theme_part = next(
        rel.target_part for rel in master_part.rels.values() if rel.reltype.endswith("/theme")
    )
    root = etree.fromstring(theme_part.blob)
    root.set("name", "caselens")
    scheme = root.find(".//a:clrScheme", NS)
    assert scheme is not None
    scheme.set("name", "caselens (Okabe-Ito)")
    for name, value in PALETTE.items():
        slot = scheme.find(f"a:{name}", NS)
        assert slot is not None, name
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{NS['a']}}}srgbClr", val=value)
    fonts = root.find(".//a:fontScheme", NS)
    assert fonts is not None
    fonts.set("name", "caselens")
    for latin in fonts.iterfind(".//a:latin", NS):
        latin.set("typeface", FONT)
    theme_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _text_styles(deck: Any) -> None:
    """Titles left-aligned, bold, 30 pt in the dark ink; body text 20 pt."""
    styles = deck.slide_master.element.find("p:txStyles", NS)
    title = styles.find("p:titleStyle/a:lvl1pPr", NS)
    title.set("algn", "l")
    run = title.find("a:defRPr", NS)
    run.set("sz", "3000")
    run.set("b", "1")
    body = styles.find("p:bodyStyle", NS)
    for level, size in (("a:lvl1pPr", "2000"), ("a:lvl2pPr", "1800"), ("a:lvl3pPr", "1600")):
        body.find(f"{level}/a:defRPr", NS).set("sz", size)


def _band(deck: Any) -> None:
    """The blue band down the left edge, on the master so every layout shows it."""
    scratch = deck.slides.add_slide(deck.slide_layouts.get_by_name("Blank"))
    band = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Inches(0.18), Inches(HEIGHT))
    band.name = "caselens band"
    band.fill.solid()
    band.fill.fore_color.theme_color = 5  # MSO_THEME_COLOR.ACCENT_1
    band.line.fill.background()
    tree = deck.slide_master.shapes._spTree
    element = copy.deepcopy(band._element)
    # shape ids must be unique within the master, or PowerPoint offers to repair the file
    used = [int(v) for v in tree.xpath(".//p:cNvPr/@id")]
    element.xpath("./p:nvSpPr/p:cNvPr")[0].set("id", str(max(used) + 1))
    tree.insert(2, element)  # after the group properties: drawn first, under the text
    # drop the scratch slide again
    ids = deck.slides._sldIdLst
    slide_id = ids[-1]
    deck.part.drop_rel(slide_id.rId)
    ids.remove(slide_id)


def build(out: Path) -> None:
    deck = Presentation()
    deck.slide_width, deck.slide_height = Emu(12192000), Emu(6858000)  # PowerPoint's 16:9
    size = deck.part._element.find("p:sldSz", NS)
    size.attrib.pop("type", None)  # it said "screen4x3"
    for layout in list(deck.slide_layouts):
        if layout.name not in KEEP:
            deck.slide_layouts.remove(layout)
    for shape in deck.slide_master.placeholders:
        box = _placeholder_box(shape, "master")
        if box is not None:
            _place(shape, box)
    for layout in deck.slide_layouts:
        for shape in layout.placeholders:
            box = _placeholder_box(shape, layout.name)
            if box is not None:
                _place(shape, box)
    _theme(deck)
    _text_styles(deck)
    _band(deck)
    props = deck.core_properties
    props.title = "caselens briefing"
    props.author = props.last_modified_by = "caselens"
    props.created = props.modified = dt.datetime(2026, 1, 1)
    props.revision = 1
    for shape in deck.slide_master.placeholders:
        assert shape.left + shape.width <= deck.slide_width + Pt(1), shape.name
    out.parent.mkdir(parents=True, exist_ok=True)
    deck.save(str(out))
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    build(parser.parse_args().out)


if __name__ == "__main__":
    main()
