"""The quick paths of fact extraction give the same facts as reading every sentence.

Keyword prefilters skip sentences a long pattern cannot match, and the place names
are one trie-shaped pattern; both must only save time, never change a fact.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caselens.ingest import read_document
from caselens.model import Document
from caselens.pipeline import facts_harm, facts_nation
from caselens.pipeline import facts_prefilter as need
from caselens.pipeline import facts_words as W  # noqa: N812
from caselens.pipeline.facts import extract_facts
from caselens.pipeline.facts_text import Piece, find_all, fold
from caselens.pipeline.segment import segment

FIXTURES = Path(__file__).parents[1] / "fixtures"

PAIRS = {
    "death": (W.DEATH, need.DEATH_NEED),
    "serious": (W.SERIOUS, need.SERIOUS_NEED),
    "nai": (W.NAI, need.NAI_NEED),
    "nai_weak": (W.NAI_WEAK, need.NAI_WEAK_NEED),
    "neglect": (W.NEGLECT, need.NEGLECT_NEED),
    "not_neglect": (W.NOT_NEGLECT, need.NOT_NEGLECT_NEED),
    "sleep": (W.SLEEP, need.SLEEP_NEED),
    "other": (W.OTHER, need.OTHER_NEED),
}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_every_match_of_a_pattern_holds_a_keyword_of_its_prefilter(name: str) -> None:
    """Strings built from the pattern itself (every branch, any case, any spacing)."""
    pattern, need = PAIRS[name]

    @settings(
        max_examples=300,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.from_regex(pattern))
    def check(text: str) -> None:
        for m in pattern.finditer(text):
            assert need.search(fold(m.group(0))), m.group(0)

    check()


def test_a_prefilter_missing_a_branch_is_caught() -> None:
    """The property above can fail: dropping one keyword lets a match through."""
    weakened = re.compile(need.NEGLECT_NEED.pattern.replace(r"|went\s+without", ""))
    text = "She went without feeds for a day."
    assert W.NEGLECT.search(text)
    assert not weakened.search(fold(text))
    assert need.NEGLECT_NEED.search(fold(text))


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (W.SLEEP, "The baby was found \u017flept beside her mother."),  # long s
        (W.NAI, "The injuries were \u0130NFLICTED."),  # dotted capital I
        (W.NEGLECT, "The baby was \u017fTARVED."),  # long s
    ],
)
def test_folding_keeps_what_ignorecase_matches(pattern: re.Pattern[str], text: str) -> None:
    pieces = [Piece(0, len(text), text)]
    need = dict(PAIRS.values())[pattern]
    assert [m.group(0) for _, m in find_all(pattern, pieces)]
    assert [m.span() for _, m in find_all(pattern, pieces, need)] == [
        m.span() for _, m in find_all(pattern, pieces)
    ]


def _fixture_documents() -> Iterator[Document]:
    for name in ("fictional.jsonl", "heldout.jsonl"):
        for i, line in enumerate((FIXTURES / "eval" / name).read_text().splitlines()):
            if line.strip():
                record = json.loads(line)
                yield Document.from_text(record["text"], str(record.get("id", i)))
    for path in sorted((FIXTURES / "reviews").iterdir()):
        if path.suffix in (".txt", ".md"):
            yield read_document(path)


def _full_scan(
    pattern: re.Pattern[str], items: Iterable[Piece], need: re.Pattern[str] | None = None
) -> Iterator[tuple[Piece, re.Match[str]]]:
    del need  # every sentence is read, as before the prefilters
    return find_all(pattern, items)


def test_prefilters_and_trie_give_the_same_facts_as_a_full_scan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs = list(_fixture_documents())
    assert len(docs) > 20
    sentences = [segment(doc) for doc in docs]
    quick = [extract_facts(d, s).to_dict() for d, s in zip(docs, sentences, strict=True)]
    _, names, dated = facts_nation._place_pattern()
    plain = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    monkeypatch.setattr(facts_harm, "find_all", _full_scan)
    monkeypatch.setattr(
        facts_nation,
        "_place_pattern",
        lambda: (re.compile(rf"(?<![\w-])(?:{plain})(?![\w-])"), names, dated),
    )
    full = [extract_facts(d, s).to_dict() for d, s in zip(docs, sentences, strict=True)]
    assert quick == full
    assert any(f["harm_types"]["value"] for f in quick)
    assert any(f["nation"]["value"] for f in quick)


_NAMES = sorted(facts_nation._place_pattern()[1])


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_NAMES),
            st.sampled_from(["", " ", "-", "'s ", "s", ", ", "\n", "x ", " of "]),
        ),
        max_size=8,
    )
)
def test_the_place_trie_matches_as_the_names_longest_first(parts: list[tuple[str, str]]) -> None:
    text = "".join(name + sep for name, sep in parts)
    trie, names, _ = facts_nation._place_pattern()
    plain = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    longest_first = re.compile(rf"(?<![\w-])(?:{plain})(?![\w-])")
    assert [(m.span(), m.group(0)) for m in trie.finditer(text)] == [
        (m.span(), m.group(0)) for m in longest_first.finditer(text)
    ]
