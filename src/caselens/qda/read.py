"""Read a REFI-QDA project (``.qdpx``) as another coder's work.

Only what a comparison needs is read: users, the code tree, text sources with
their plain text, and the codes applied to plain-text selections. Everything
else (memos, cases, variables, pictures, audio) is left alone, and what could
not be used is listed in :attr:`QdaProject.warnings` instead of failing the
import. A project's text is read only from inside the archive (or inline), never
from a path on the exporting machine.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree as ET

from caselens.errors import InputError
from caselens.model import Codebook
from caselens.qda.model import (
    PROJECT_NS,
    QdaCode,
    QdaCoding,
    QdaProject,
    QdaSource,
    QdaUser,
    indicator_guid,
    theme_guid,
)
from caselens.userfile import check_regular

_NS = {"q": PROJECT_NS}
_MAX_PROJECT_BYTES = 200 * 1024 * 1024
# "A.domestic_abuse: ...", "A: ...", "A.domestic_abuse ..." (an id with a dot reads as no word).
_ID_PREFIX = re.compile(r"^\s*([A-Za-z0-9_.\-]+?)\s*(?::|$)|^\s*(\w+\.[\w.]+)\s")


# What a damaged archive raises on reading a member: bad CRC, broken deflate data,
# a truncated file, a compression method zipfile lacks.
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError)


# Limits on what a project may expand to, checked while reading (the sizes an archive
# declares can lie): a zip bomb or a project of thousands of huge sources stops with a
# message instead of filling memory.
MAX_ENTRIES = 20_000
MAX_ENTRY_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
_CHUNK = 1024 * 1024


class _Budget:
    """What is left of the bytes one project may expand to."""

    def __init__(self) -> None:
        self.left = MAX_TOTAL_BYTES


def _member(archive: zipfile.ZipFile, member: str, budget: _Budget) -> bytes:
    name = str(archive.filename)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                budget.left -= len(chunk)
                if size > MAX_ENTRY_BYTES:
                    raise InputError(
                        name,
                        f"{member} expands to more than {MAX_ENTRY_BYTES // 2**20} MB; "
                        "caselens will not read it (a damaged or hostile archive?)",
                    )
                if budget.left < 0:
                    raise InputError(
                        name,
                        f"expands to more than {MAX_TOTAL_BYTES // 2**20} MB in all; "
                        "caselens will not read it (split the project, or check it is "
                        "the file you meant)",
                    )
                chunks.append(chunk)
    except _DAMAGED as error:
        raise InputError(
            name, f"is damaged: {member} cannot be read ({error}); export it again"
        ) from error
    return b"".join(chunks)


def _tag(name: str) -> str:
    return f"{{{PROJECT_NS}}}{name}"


class _Matcher:
    """Which codebook indicator or theme a project's code stands for, if any.

    By caselens' own GUID first, then a name that is or starts with an id
    ("A.domestic_abuse: Domestic abuse"), then a name equal to a label.
    """

    def __init__(self, codebook: Codebook | None) -> None:
        self.by_guid: dict[str, str] = {}
        self.ids: set[str] = set()
        self.by_label: dict[str, str] = {}
        if codebook is None:
            return
        for theme in codebook.themes:
            self.by_guid[theme_guid(codebook.id, theme.id)] = theme.id
            self.ids.add(theme.id)
            self.by_label.setdefault(theme.label.casefold(), theme.id)
        for indicator in codebook.indicators:
            self.by_guid[indicator_guid(codebook.id, indicator.id)] = indicator.id
            self.ids.add(indicator.id)
            self.by_label.setdefault(indicator.label.casefold(), indicator.id)

    def __call__(self, code_guid: str, name: str) -> str | None:
        if code_guid.lower() in self.by_guid:
            return self.by_guid[code_guid.lower()]
        prefix = _ID_PREFIX.match(name)
        candidate = prefix and (prefix.group(1) or prefix.group(2))
        if candidate and candidate in self.ids:
            return candidate
        return self.by_label.get(name.strip().casefold())


def _codes(parent: ET.Element, match: _Matcher) -> list[QdaCode]:
    found: list[QdaCode] = []

    def walk(element: ET.Element, parent_guid: str | None, prefix: str) -> None:
        for code in element.findall("q:Code", _NS):
            code_guid = code.get("guid", "").lower()
            name = code.get("name", "")
            path = f"{prefix}/{name}" if prefix else name
            found.append(
                QdaCode(
                    guid=code_guid,
                    name=name,
                    path=path,
                    parent=parent_guid,
                    description=(code.findtext("q:Description", "", _NS) or "").strip(),
                    codable=code.get("isCodable", "true").lower() in ("true", "1"),
                    label=match(code_guid, name),
                )
            )
            walk(code, code_guid, path)

    codes = parent.find("q:CodeBook/q:Codes", _NS)
    if codes is not None:
        walk(codes, None, "")
    return found


def _internal(archive: zipfile.ZipFile, reference: str) -> str | None:
    """The archive member an ``internal://`` path names (tools put it under ``sources/``)."""
    name = reference.removeprefix("internal://")
    members = set(archive.namelist())
    for candidate in (f"sources/{name}", name):
        if candidate in members:
            return candidate
    return None


def _text(
    archive: zipfile.ZipFile,
    source: ET.Element,
    name: str,
    warnings: list[str],
    budget: _Budget,
) -> str | None:
    inline = source.find("q:PlainTextContent", _NS)
    if inline is not None:
        return inline.text or ""
    reference = source.get("plainTextPath", "")
    if not reference.startswith("internal://"):
        warnings.append(
            f"source {name!r} keeps its text outside the project ({reference or 'no path'}); "
            "export the project again with its sources embedded"
        )
        return None
    member = _internal(archive, reference)
    if member is None:
        warnings.append(f"source {name!r}: {reference} is missing from the archive")
        return None
    data = _member(archive, member, budget)
    try:
        # utf-8-sig: a byte-order mark is not a character of the text.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        warnings.append(f"source {name!r}: {member} is not UTF-8 text as REFI-QDA requires")
        return None


def _selections(
    source: ET.Element, source_guid: str, text: str | None, name: str, warnings: list[str]
) -> list[QdaCoding]:
    codings: list[QdaCoding] = []
    if source.find("q:Coding", _NS) is not None:
        warnings.append(f"source {name!r} is coded as a whole; only coded selections are read")
    for selection in source.findall("q:PlainTextSelection", _NS):
        try:
            start = int(selection.get("startPosition", ""))
            end = int(selection.get("endPosition", ""))
        except ValueError:
            warnings.append(f"source {name!r}: a selection without numeric positions was skipped")
            continue
        if text is None or not 0 <= start < end <= len(text):
            warnings.append(
                f"source {name!r}: selection [{start}, {end}) lies outside its text "
                f"of {0 if text is None else len(text)} characters and was skipped"
            )
            continue
        for coding in selection.findall("q:Coding", _NS):
            ref = coding.find("q:CodeRef", _NS)
            if ref is None:
                continue
            codings.append(
                QdaCoding(
                    source=source_guid,
                    start=start,
                    end=end,
                    code=ref.get("targetGUID", "").lower(),
                    user=(coding.get("creatingUser") or selection.get("creatingUser") or "").lower()
                    or None,
                    selection=selection.get("guid", "").lower(),
                    quoted=selection.get("name"),
                )
            )
    return codings


MAX_QDPX_BYTES = 2 * 1024 * 1024 * 1024  # the archive itself; entries are limited apart


def _open(path: Path, budget: _Budget) -> tuple[zipfile.ZipFile, ET.Element]:
    check_regular(path, "REFI-QDA project (.qdpx)", MAX_QDPX_BYTES)
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as error:
        raise InputError(str(path), "does not exist") from error
    except OSError as error:
        raise InputError(str(path), f"cannot be read: {error.strerror or error}") from error
    except zipfile.BadZipFile as error:
        raise InputError(
            str(path), "is not a REFI-QDA project (.qdpx is a zip archive); export it again"
        ) from error
    names = archive.namelist()
    if len(names) > MAX_ENTRIES:
        archive.close()
        raise InputError(
            str(path),
            f"holds {len(names):,} entries; caselens reads projects of at most "
            f"{MAX_ENTRIES:,} (a damaged or hostile archive?)",
        )
    qde = [n for n in names if n.endswith(".qde") and "/" not in n]
    if not qde:
        archive.close()
        raise InputError(str(path), "holds no project.qde, so it is not a REFI-QDA project")
    if archive.getinfo(qde[0]).file_size > _MAX_PROJECT_BYTES:
        archive.close()
        raise InputError(
            str(path), "has a project.qde larger than 200 MB; caselens will not read it"
        )
    try:
        root = ET.fromstring(_member(archive, qde[0], budget))
    except InputError:
        archive.close()
        raise
    except ET.ParseError as error:
        archive.close()
        raise InputError(str(path), f"has a damaged project.qde ({error})") from error
    if root.tag != _tag("Project"):
        archive.close()
        raise InputError(
            str(path),
            f"project.qde is not a REFI-QDA project (root {root.tag!r}, expected "
            f"Project in {PROJECT_NS})",
        )
    return archive, root


def _textual(element: ET.Element, name: str, warnings: list[str]) -> ET.Element | None:
    """The element holding a source's text and its coded selections.

    A text source holds them itself. A PDF source (QDA tools export a review whose name
    ends in .pdf as one) holds them in its plain-text ``Representation``, where the
    tool's codings on the text are kept; without one its codings cannot be placed."""
    if element.tag == _tag("TextSource"):
        return element
    kind = element.tag.rsplit("}", 1)[-1]
    if element.tag == _tag("PDFSource"):
        rendition = element.find("q:Representation", _NS)
        if rendition is not None:
            if element.find("q:PDFSelection", _NS) is not None:
                warnings.append(
                    f"source {name!r}: selections drawn on the PDF's pages (not on its text) "
                    "were skipped; its text rendition's codings were read"
                )
            return rendition
        warnings.append(
            f"source {name!r} is a PDF source without a plain-text rendition, so its codings "
            "cannot be placed in text; export it with its text, or as a text source"
        )
        return None
    warnings.append(f"source {name!r} is a {kind}; only text and PDF sources are read")
    return None


def read_qdpx(path: Path, codebook: Codebook | None = None) -> QdaProject:
    """The users, codes, text sources and coded selections of a ``.qdpx``.

    With ``codebook``, codes are matched to its indicators and themes
    (:attr:`QdaCode.label`); codes that match nothing keep their own path.
    """
    budget = _Budget()
    archive, root = _open(path, budget)
    warnings: list[str] = []
    with archive:
        users = tuple(
            QdaUser(u.get("guid", "").lower(), u.get("name", ""), u.get("id"))
            for u in root.findall("q:Users/q:User", _NS)
        )
        codes = tuple(_codes(root, _Matcher(codebook)))
        sources: list[QdaSource] = []
        codings: list[QdaCoding] = []
        for element in root.findall("q:Sources/*", _NS):
            source_guid = element.get("guid", "").lower()
            name = element.get("name") or source_guid
            textual = _textual(element, name, warnings)
            if textual is None:
                continue
            text = _text(archive, textual, name, warnings, budget)
            description = (element.findtext("q:Description", "", _NS) or "").strip()
            sources.append(QdaSource(source_guid, name, text, description))
            codings.extend(_selections(textual, source_guid, text, name, warnings))
    known = {c.guid for c in codes}
    kept = []
    for coding in codings:
        if coding.code in known:
            kept.append(coding)
        else:
            warnings.append(f"a coding refers to code {coding.code}, which the codebook lacks")
    return QdaProject(
        name=root.get("name", ""),
        origin=root.get("origin", ""),
        users=users,
        codes=codes,
        sources=tuple(sources),
        codings=tuple(kept),
        warnings=tuple(warnings),
    )
