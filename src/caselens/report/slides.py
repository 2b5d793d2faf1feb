"""The briefing as a slide deck for a learning session (python-pptx).

A title slide, scope and method, theme prevalence as a native chart (editable
in PowerPoint, read by its accessibility tools), one slide per theme (why it
matters, its figures, two or three quotes) and the discussion questions. The
questions of each theme are also put in its speaker notes, for the facilitator.

The look lives in the project's own template (``templates/slides/caselens-16x9.pptx``,
built by ``scripts/make_slide_template.py``): 16:9, titles and body placed for it, the
palette as theme colours, the blue band on the master. A slide a facilitator adds in
PowerPoint therefore matches the ones caselens made.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from caselens.report.context import BriefingContext, ThemeSection
from caselens.report.files import atomic_write_bytes

TEMPLATE = Path(__file__).resolve().parent / "templates" / "slides" / "caselens-16x9.pptx"

QUOTES_PER_SLIDE = 3
MAX_BARS = 6  # indicators charted on a theme slide: the most often seen
QUESTIONS_PER_SLIDE = 6
LONG_QUOTE = 260  # characters shown on a slide; the full quote is in the notes
INK = (0x1A, 0x1A, 0x1A)
MUTED = (0x4A, 0x4A, 0x4A)
BAR = (0x00, 0x72, 0xB2)  # Okabe-Ito blue, distinct in greyscale


def _rgb(colour: tuple[int, int, int]) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor(*colour)  # type: ignore[no-untyped-call]


def _text(
    slide: Any,
    box: tuple[float, float, float, float],
    paragraphs: Sequence[tuple[str, int, bool, tuple[int, int, int]]],
) -> Any:
    """A text box of (text, point size, bold, colour) paragraphs; sizes in inches."""
    from pptx.util import Inches, Pt

    shape = slide.shapes.add_textbox(*(Inches(v) for v in box))
    frame = shape.text_frame
    frame.word_wrap = True
    for index, (text, size, bold, colour) in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(6)
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = _rgb(colour)
    return shape


def title_size(text: str) -> int:
    """A point size at which the title fits two lines of the 12-inch title box."""
    length = len(text)
    return 30 if length <= 48 else 26 if length <= 70 else 22 if length <= 95 else 18


def _set_title(shape: Any, text: str) -> None:
    """The layout places the title; its size is chosen so that it fits two lines."""
    from pptx.util import Pt

    shape.text = text
    frame = shape.text_frame
    frame.word_wrap = True
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(title_size(text))


def _layout(deck: Any, name: str) -> Any:
    layout = deck.slide_layouts.get_by_name(name)
    if layout is None:  # pragma: no cover - the shipped template has them (a test checks)
        raise ValueError(f"the slide template has no layout called {name!r}")
    return layout


def _titled(deck: Any, title: str) -> Any:
    slide = deck.slides.add_slide(_layout(deck, "Title Only"))
    _set_title(slide.shapes.title, title)
    return slide


def _clip(text: str, limit: int = LONG_QUOTE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _bar_chart(
    slide: Any,
    box: tuple[float, float, float, float],
    rows: Sequence[tuple[str, float]],
    description: str,
    font: int = 14,
) -> None:
    """A native horizontal bar chart of percentages (editable, read by accessibility tools)."""
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
    from pptx.util import Inches, Pt

    ordered = list(reversed(rows))  # bar charts draw the first category lowest
    data = CategoryChartData(number_format='0"%"')  # type: ignore[no-untyped-call]
    data.categories = [label for label, _ in ordered]
    data.add_series("% of included reviews", [value for _, value in ordered])  # type: ignore[no-untyped-call]
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, *(Inches(v) for v in box), data)
    chart = frame.chart
    chart.has_legend = False
    chart.font.size = Pt(font)
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.has_data_labels = True
    plot.data_labels.number_format = '0"%"'
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    fill = plot.series[0].format.fill
    fill.solid()
    fill.fore_color.rgb = _rgb(BAR)
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale = 0, 100
    axis.has_major_gridlines = False
    frame._element.nvGraphicFramePr.cNvPr.set("descr", description)  # alt text


def _prevalence_chart(slide: Any, context: BriefingContext) -> None:
    description = "; ".join(
        f"{t.label}: {t.reviews} of {context.flow.included} reviews ({t.percent:.0f}%)"
        for t in context.themes
    )
    rows = [(f"{t.id}. {t.label}", float(t.percent)) for t in context.themes]
    _bar_chart(slide, (0.6, 1.5, 12, 5.6), rows, description)


def _theme_slide(deck: Any, theme: ThemeSection, included: int) -> None:
    slide = _titled(deck, f"{theme.id}. {theme.label}")
    seen = sorted((i for i in theme.indicators if i.reviews), key=lambda i: (-i.reviews, i.id))
    left: list[tuple[str, int, bool, tuple[int, int, int]]] = [("Why it matters", 16, True, INK)]
    left.append((_clip(theme.why_it_matters or theme.description or "", 300), 13, False, INK))
    left.append(
        (f"Seen in {theme.reviews} of {included} reviews ({theme.percent:.0f}%)", 14, True, INK)
    )
    _text(slide, (0.5, 1.45, 5.8, 2.5), left)
    if seen:
        top = seen[:MAX_BARS]
        _bar_chart(
            slide,
            (0.4, 4.0, 6.0, 3.3),
            [(_clip(i.label, 42), float(i.percent)) for i in top],
            "; ".join(f"{i.label}: {i.reviews} of {included} reviews" for i in top),
            font=11,
        )
    quotes: list[tuple[str, int, bool, tuple[int, int, int]]] = []
    for q in theme.quotes[:QUOTES_PER_SLIDE]:
        page = f", p. {q.page}" if q.page else ""
        quotes.append((f"“{_clip(q.text)}”", 14, False, INK))
        quotes.append((f"{q.review}{page} · {q.indicator_label}", 11, False, MUTED))
    if not quotes:
        quotes.append(
            ("No passage of the included reviews was coded to this theme.", 14, False, MUTED)
        )
    _text(slide, (6.5, 1.5, 6.3, 5.6), quotes)
    notes = [q.text for q in theme.questions] or ["No discussion question follows this theme."]
    full = [f"“{q.text}” ({q.review})" for q in theme.quotes]
    slide.notes_slide.notes_text_frame.text = "\n".join(["To discuss:", *notes, "", *full])


def deck_bytes(context: BriefingContext) -> bytes:
    from pptx import Presentation

    deck = Presentation(str(TEMPLATE))
    title = deck.slides.add_slide(_layout(deck, "Title Slide"))
    _set_title(title.shapes.title, context.title)
    title.placeholders[1].text = (
        (f"{context.organisation} · " if context.organisation else "")
        + f"{context.flow.included} case reviews · {context.date} · caselens "
        f"{context.method.software_version}"
    )
    m, flow = context.method, context.flow
    scope = _titled(deck, "Scope and method")
    lines: list[tuple[str, int, bool, tuple[int, int, int]]] = [
        ("Reviews counted when they meet every criterion:", 16, True, INK)
    ]
    lines += [(f"• {c}", 14, False, INK) for c in m.criteria]
    lines.append(
        (f"{flow.read} reviews read, {flow.read - flow.included} excluded, "
         f"{flow.included} included.", 16, True, INK)
    )  # fmt: skip
    lines += [(f"Excluded: {e.label}: {e.total}", 12, False, MUTED) for e in flow.excluded]
    lines.append(
        (f"Codebook {m.codebook_id} {m.codebook_version}; caselens {m.software_version}; {m.date}. "
         "Passages were coded by machine: read the quotes and reviews before drawing lessons.",
         12, False, MUTED)
    )  # fmt: skip
    _text(scope, (0.6, 1.5, 12, 5.6), lines)
    if context.themes and context.flow.included:
        _prevalence_chart(_titled(deck, "How often each theme came up"), context)
    for theme in context.themes:
        _theme_slide(deck, theme, context.flow.included)
    questions = list(context.questions)
    for start in range(0, len(questions), QUESTIONS_PER_SLIDE):
        chunk = questions[start : start + QUESTIONS_PER_SLIDE]
        slide = _titled(deck, "Discussion questions")
        _text(
            slide,
            (0.6, 1.5, 12, 5.6),
            [(f"{start + n}. {q.text}", 16, False, INK) for n, q in enumerate(chunk, start=1)],
        )
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def write_pptx(path: Path, context: BriefingContext) -> None:
    atomic_write_bytes(path, deck_bytes(context))
