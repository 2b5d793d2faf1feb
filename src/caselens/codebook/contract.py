"""The identifiers other tools rely on (``codebook-ids.md``): read from its table and
checked against a codebook, so a derived codebook that drops one is told which."""

from __future__ import annotations

import re
from collections.abc import Iterable

from caselens.model.codebook import Codebook


def contract_ids(markdown: str) -> tuple[str, ...]:
    """The identifiers in the first column of a contract table such as ``codebook-ids.md``.

    Ids are written in backticks-free table cells, themes in bold (``**A**``);
    rows of other tables (``| field | values |``) are skipped because their first
    cell is not an id.
    """
    found: list[str] = []
    for line in markdown.splitlines():
        match = re.match(r"\|\s*\**([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?)\**\s*\|", line)
        if match and (match.group(1).isupper() or "." in match.group(1)):
            found.append(match.group(1))
    return tuple(found)


def validate_against_contract(codebook: Codebook, required_ids: Iterable[str]) -> list[str]:
    """What a codebook lacks of a contract: ids without a dot are themes, the others indicators.

    The contract itself is data passed in (the design's id list), never written here.
    """
    themes = {t.id for t in codebook.themes}
    indicators = {i.id for i in codebook.indicators}
    missing: list[str] = []
    for ident in required_ids:
        if "." in ident and ident not in indicators:
            missing.append(f"indicator {ident} is missing from codebook {codebook.id}")
        elif "." not in ident and ident not in themes:
            missing.append(f"theme {ident} is missing from codebook {codebook.id}")
    return missing
