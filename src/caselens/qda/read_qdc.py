"""A REFI-QDA codebook (.qdc) as a caselens codebook, so a team that built its codes in
NVivo, ATLAS.ti or QualCoder can start a codebook from them rather than retype them.

Top-level codes become themes and the codes under them indicators (deeper codes are
named by their path below the theme). A code caselens itself exported keeps its id, its
label and its "why it matters"; others get ids made from their names. Patterns cannot
come from a QDA program, so the result says which indicators still need them: until then
they are found only by the semantic matcher or the trained model, and by people.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from caselens.errors import InputError
from caselens.model import Codebook
from caselens.qda.model import CODEBOOK_NS, PROJECT_NS, indicator_guid, theme_guid
from caselens.userfile import check_regular

MAX_QDC_BYTES = 20 * 1024 * 1024
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # how a zip file (a .qdpx project) begins
MAX_DEPTH = 40  # a code tree deeper than this is damaged or hostile, not a codebook
_WHY = re.compile(r"\n\s*Why it matters:\s*", re.IGNORECASE)
_PREFIX = re.compile(r"^\s*([A-Z][A-Za-z0-9]*(?:\.[a-z0-9_]+)?)\s*:\s+(.+)$")


def read_qdc(path: Path, *, known: Codebook | None = None) -> dict[str, Any]:
    """The codebook in the YAML file's shape (see docs/codebook.md), ready to validate."""
    check_regular(path, "REFI-QDA codebook (.qdc)", MAX_QDC_BYTES)
    try:
        data = path.read_bytes()
        root = ET.fromstring(data)
    except ET.ParseError as error:
        if data.startswith(_ZIP):
            raise InputError(
                str(path),
                "is a zip archive (a REFI-QDA project, .qdpx), not a codebook (.qdc): "
                f"`caselens qda import {path}` brings its coding into the library; for a "
                "codebook, give the project.qde inside it (unzip it) or a .qdc exported "
                "from the QDA program",
            ) from None
        raise InputError(str(path), f"is not readable XML ({error}); export it again") from None
    except OSError as error:
        raise InputError(str(path), f"cannot be read: {error.strerror or error}") from None
    codes = _codes_element(root)
    if codes is None:
        raise InputError(
            str(path),
            f"is not a REFI-QDA codebook (root {root.tag!r}, expected CodeBook in "
            f"{CODEBOOK_NS}); export the codebook as .qdc",
        )
    ns = root.tag[1:].split("}", 1)[0]
    themes: list[dict[str, Any]] = []
    indicators: list[dict[str, Any]] = []
    guids = _known_guids(known)
    for number, top in enumerate(codes.findall(f"{{{ns}}}Code"), start=1):
        theme_id, label = _identity(top, guids, f"T{number}")
        description, why = _description(top, ns)
        themes.append(
            {"id": theme_id, "label": label, "description": description, "why_it_matters": why}
        )
        below = list(_descendants(top, ns, "", 1, path))
        if not below:  # a theme with no codes under it is coded as itself
            below = [(top, label)]
        used: set[str] = set()
        for code, name in below:
            ident, label = _identity(code, guids, "")
            if "." not in ident:  # not caselens' own: an id from the name, the path as label
                ident, label = f"{theme_id}.{_slug(name, used)}", name
            used.add(ident.split(".", 1)[1])
            text, why_code = _description(code, ns)
            indicators.append(
                {
                    "id": ident,
                    "label": label,
                    "description": text,
                    "why_it_matters": why_code,
                    "patterns": [],
                }
            )
    if not indicators:
        raise InputError(str(path), "holds no codes; there is nothing to make a codebook of")
    return {
        "id": _slug(path.stem, set()).replace("_", "-") or "imported",
        "version": "0.1.0",
        "title": f"Codebook imported from {path.name}",
        "description": "",
        "source": f"REFI-QDA codebook {path.name}",
        "themes": themes,
        "indicators": indicators,
    }


def _codes_element(root: ET.Element) -> ET.Element | None:
    for ns in (CODEBOOK_NS, PROJECT_NS):  # a .qdc, or a project.qde's own codebook
        if root.tag == f"{{{ns}}}CodeBook":
            return root.find(f"{{{ns}}}Codes")
        if root.tag == f"{{{ns}}}Project":
            return root.find(f"{{{ns}}}CodeBook/{{{ns}}}Codes")
    return None


def _known_guids(known: Codebook | None) -> dict[str, str]:
    if known is None:
        return {}
    out = {theme_guid(known.id, t.id): t.id for t in known.themes}
    out.update({indicator_guid(known.id, i.id): i.id for i in known.indicators})
    return out


def _identity(code: ET.Element, guids: dict[str, str], fallback: str) -> tuple[str, str]:
    """The id and label of a code: caselens' own by GUID or an "A.x: Label" name, else
    the fallback id and the whole name."""
    name = (code.get("name") or "").strip()
    prefixed = _PREFIX.match(name)
    label = prefixed.group(2) if prefixed else name
    own = guids.get((code.get("guid") or "").lower())
    if own is not None:
        return own, label
    if prefixed:
        return prefixed.group(1), label
    return fallback, name


def _description(code: ET.Element, ns: str) -> tuple[str, str]:
    text = (code.findtext(f"{{{ns}}}Description") or "").strip()
    parts = _WHY.split(text, maxsplit=1)
    return parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")


def _descendants(
    code: ET.Element, ns: str, prefix: str, depth: int, path: Path
) -> list[tuple[ET.Element, str]]:
    if depth > MAX_DEPTH:
        raise InputError(
            str(path), f"nests codes more than {MAX_DEPTH} deep; a damaged or hostile codebook?"
        )
    found: list[tuple[ET.Element, str]] = []
    for child in code.findall(f"{{{ns}}}Code"):
        name = (child.get("name") or "").strip() or "unnamed"
        shown = f"{prefix} / {name}" if prefix else name
        found.append((child, shown))
        found.extend(_descendants(child, ns, shown, depth + 1, path))
    return found


def _slug(name: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:48] or "code"
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}_{n}", n + 1
    return slug
