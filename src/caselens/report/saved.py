"""Reading a saved analysis (``findings.json``) back, with the codebook it was coded with.

``findings.json`` carries the whole codebook, so a briefing can be rendered
again years later even if the codebook file has changed since. A codebook given
explicitly must be the same codebook (same id); a different version is allowed,
since wording may have improved, and the briefing's method section still names
the version the reviews were coded with.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from caselens.analysis_read import read_analysis, read_analysis_file
from caselens.errors import InputError
from caselens.model import Codebook
from caselens.report.sources import (
    AppendixError,
    SourceSection,
    section_from_data,
    sections_from_data,
)
from caselens.services import Analysis
from caselens.spool import Spool, SpooledItems
from caselens.userfile import check_regular, read_user_text

MAX_SAVED_BYTES = 1024 * 1024 * 1024  # findings.json of a national corpus stays well below
# Larger files are read piece by piece, their findings kept on disk (read_analysis_file).
STREAM_ABOVE = int(os.environ.get("CASELENS_STREAM_ABOVE", str(64 * 1024 * 1024)))


def load_saved(
    path: Path, codebook_path: Path | None = None
) -> tuple[Analysis, Codebook, Sequence[SourceSection] | None]:
    """The analysis, its codebook, and the briefing's source appendix where the file keeps
    one (None for a file written before it kept one: then the sources are read again).
    Every finding's indicator must be that codebook's."""
    path = Path(path)
    chosen: list[Codebook] = []

    def codebook_for(analysis: Analysis, data: dict[str, Any]) -> Codebook:
        chosen.append(_codebook(path, codebook_path, analysis, data))
        return chosen[0]

    streamed: SpooledItems[SourceSection] | None = None
    if check_regular(path, "findings.json that analyse wrote", MAX_SAVED_BYTES) > STREAM_ABOVE:
        streamed = SpooledItems(Spool())  # the appendix, on disk as its sections are met
        try:
            analysis, data = read_analysis_file(
                path,
                MAX_SAVED_BYTES,
                stream={"appendix": lambda at, item: streamed.append(section_from_data(item, at))},
                codebook_for=codebook_for,
            )
        except AppendixError as error:
            raise _bad_appendix(path, error) from None
    else:
        text = read_user_text(path, "findings.json that analyse wrote", MAX_SAVED_BYTES)
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError, ValueError) as error:
            raise InputError(str(path), f"cannot be read as JSON ({error})") from None
        if not isinstance(data, dict):
            raise InputError(str(path), "is not a caselens analysis (expected a JSON object)")
        analysis = read_analysis(data, str(path), codebook_for)
    appendix: Sequence[SourceSection] | None = None
    if "appendix" in data:
        try:
            appendix = streamed if streamed is not None else sections_from_data(data["appendix"])
        except AppendixError as error:
            raise _bad_appendix(path, error) from None
    return analysis, chosen[0], appendix


def _codebook(
    path: Path, codebook_path: Path | None, analysis: Analysis, data: dict[str, Any]
) -> Codebook:
    """The codebook given, else the one the file embeds, else the default; it must be the
    one the reviews were coded with (its id; a later version may word things better)."""
    from caselens.codebook import default_codebook, load_codebook
    from caselens.codebook.loader import codebook_from_dict

    wanted = analysis.provenance.codebook_id
    embedded = data.get("codebook")
    if codebook_path is not None:
        codebook = load_codebook(codebook_path)
    elif isinstance(embedded, dict) and "themes" in embedded:
        codebook = codebook_from_dict(embedded, f"{path} (codebook)")
    else:
        codebook = default_codebook()
    if codebook.id != wanted:
        raise InputError(
            str(path),
            f"was coded with codebook {wanted!r}, not {codebook.id!r}; "
            "give that codebook with --codebook FILE",
        )
    return codebook


def _bad_appendix(path: Path, error: AppendixError) -> InputError:
    return InputError(str(path), f"{error}; it is not as caselens wrote it: run analyse again")
