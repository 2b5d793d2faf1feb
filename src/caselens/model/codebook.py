"""The codebook: themes, indicators, criteria and questions, as data.

No code anywhere branches on a theme or indicator name; everything a theme means
to the product is in these objects, loaded from YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    label: str
    description: str = ""
    why_it_matters: str = ""


@dataclass(frozen=True, slots=True)
class Nearby:
    """Evidence that takes two sentences of one paragraph.

    Reviews often tell a fact in two steps ("She fell asleep on the sofa with him.
    She had injected heroin earlier that evening."). A sentence matching
    ``pattern`` is coded when a sentence within ``within`` sentences of it, in the
    same paragraph, matches ``near``; the evidence is the ``pattern`` sentence.
    """

    pattern: str
    near: str
    within: int = 1


# Where an indicator's ``sibling_patterns`` put the name of one of the baby's older
# brothers or sisters; each document's names go in as it is coded.
SIBLING = "{sibling}"


@dataclass(frozen=True, slots=True)
class Indicator:
    """One thing the learning says to look for.

    ``patterns`` are case-insensitive regular expressions matched within a
    sentence; ``exemplars`` are sentences that express the indicator in other
    words, used by semantic matching. ``examples`` are sentences caselens must
    find the indicator in and ``counter_examples`` sentences it must not (a denial,
    another person, a near miss): ``caselens codebook validate`` checks both, so
    whoever edits a pattern sees at once what it broke. ``unknown_prompt`` is what
    to ask when a live case says nothing about it.
    """

    id: str
    theme: str
    label: str
    description: str = ""
    why_it_matters: str = ""
    patterns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    exemplars: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    unknown_prompt: str = ""
    nearby: tuple[Nearby, ...] = ()
    # A sentence about a parent's own childhood ("when she was 14 she was taken into
    # care") can be evidence of this indicator; of the baby's indicators it cannot.
    parents_past: bool = False
    # The indicator is about the baby's brothers and sisters: a parent's own brother or
    # sister, named as such ("Jordan's younger sister", Jordan the father), is not one.
    siblings: bool = False
    # Words saying the concern is not there ("hair strand clear", "tracking the 50th
    # centile"): an ``exclude`` cancels a pattern match it overlaps, but the trained model
    # and semantic matching weigh a whole sentence, so their proposal of this indicator
    # is set aside in a sentence holding one of these, unless the patterns found it there.
    absent: tuple[str, ...] = ()
    # Patterns that name one of the baby's older brothers or sisters, written
    # ``{sibling}`` where the name goes ("{sibling}'s experience was not explored"): a
    # review names its children once ("an older sister, called Ava here") and then by
    # name, so the names are read from each review (``pipeline.cast``) and put in.
    sibling_patterns: tuple[str, ...] = ()
    # In a case review, the indicator is learning only where the review's harm is one of
    # these: a sofa, a party or a night's drinking tells of a baby's sleep where a baby
    # died or was harmed asleep, and of something else in a review of a shaking ("jumped
    # from a sofa", "murdered on Christmas Day"). Where the harm is unknown, and in a live
    # case, it always counts.
    review_harms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Criterion:
    """An inclusion criterion over one fact.

    ``any_of`` lists accepted values (for list facts, any overlap counts);
    ``below`` is an exclusive upper bound and ``min``/``max`` inclusive bounds
    for numbers. ``window`` marks a publication-window filter that a user can
    turn off without changing the population.
    """

    id: str
    label: str
    fact: str
    any_of: tuple[str, ...] = ()
    below: float | None = None
    min: float | None = None
    max: float | None = None
    window: bool = False
    # A boolean fact that satisfies the criterion when this one is unknown.
    unknown_met_by: str | None = None


@dataclass(frozen=True, slots=True)
class Question:
    """A discussion question for a learning session or supervision.

    ``themes`` and ``indicators`` say which learning it follows from, so a live
    case is asked only the questions that fit it.
    """

    id: str
    text: str
    themes: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SectionRole:
    """A kind of section of a case review and what its sentences may be evidence of.

    ``headings`` are case-insensitive regular expressions searched in a heading's text.
    ``coding`` is ``case`` (sentences may be findings), ``linked`` (only sentences that
    name this case count, as in recommendations) or ``none`` (context only); ``facts``
    says whether the child's facts may be read from the section.
    """

    id: str
    label: str
    headings: tuple[str, ...] = ()
    coding: str = "case"
    facts: bool = True


SECTION_CODING = ("case", "linked", "none")


@dataclass(frozen=True)
class Codebook:
    id: str
    version: str
    title: str
    description: str = ""
    source: str = ""
    themes: tuple[Theme, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    questions: tuple[Question, ...] = ()
    sections: tuple[SectionRole, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def theme(self, theme_id: str) -> Theme:
        for t in self.themes:
            if t.id == theme_id:
                return t
        raise KeyError(theme_id)

    def indicator(self, indicator_id: str) -> Indicator:
        for i in self.indicators:
            if i.id == indicator_id:
                return i
        raise KeyError(indicator_id)

    def indicators_of(self, theme_id: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.theme == theme_id)
