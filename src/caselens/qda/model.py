"""REFI-QDA exchange records and the identifiers caselens gives its own codes.

GUIDs are uuid5 of a fixed namespace and a readable key, so exporting the same
codebook or analysis twice gives byte-identical files, and an export read back
is recognised by its GUIDs before any name matching is tried.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from caselens.errors import CaselensError

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
CASELENS_USER = "caselens"

# A constant namespace: changing it would change every GUID caselens ever exported.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:caselens:refi-qda")


class QdaError(CaselensError):
    """A REFI-QDA file cannot be written from what was given."""


def guid(*parts: str) -> str:
    """A stable GUID for a thing named by ``parts`` (e.g. ``("code", book, "A.x")``)."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


def theme_guid(codebook_id: str, theme_id: str) -> str:
    return guid("theme", codebook_id, theme_id)


def indicator_guid(codebook_id: str, indicator_id: str) -> str:
    return guid("indicator", codebook_id, indicator_id)


def user_guid(name: str) -> str:
    return guid("user", name)


def source_guid(document_id: str) -> str:
    return guid("source", document_id)


@dataclass(frozen=True, slots=True)
class QdaUser:
    guid: str
    name: str
    id: str | None = None

    @property
    def display(self) -> str:
        """What a person would call this coder."""
        return self.name or self.id or self.guid


@dataclass(frozen=True, slots=True)
class QdaCode:
    """A code of the project's codebook, with its place in the hierarchy.

    ``path`` names the code by its ancestors ("parent/child"), because tools such
    as NVivo allow the same name under different parents. ``label`` is the
    codebook indicator or theme this code was matched to, else None.
    """

    guid: str
    name: str
    path: str
    parent: str | None = None
    description: str = ""
    codable: bool = True
    label: str | None = None


@dataclass(frozen=True, slots=True)
class QdaSource:
    """A text source with its plain text exactly as stored in the project.

    ``text`` is None when the project does not carry the text itself (a source
    linked to a file elsewhere on the exporting machine).
    """

    guid: str
    name: str
    text: str | None
    description: str = ""


@dataclass(frozen=True, slots=True)
class QdaCoding:
    """One code applied to one plain-text selection.

    ``start`` and ``end`` are half-open character positions (Unicode code
    points) into :attr:`QdaSource.text`, as REFI-QDA's ``startPosition`` and
    ``endPosition``: the character at ``end`` is not part of the selection.
    """

    source: str
    start: int
    end: int
    code: str
    user: str | None = None
    selection: str = ""
    quoted: str | None = None  # the selection's name: most tools write the selected words


@dataclass(frozen=True)
class QdaProject:
    name: str
    origin: str
    users: tuple[QdaUser, ...]
    codes: tuple[QdaCode, ...]
    sources: tuple[QdaSource, ...]
    codings: tuple[QdaCoding, ...]
    warnings: tuple[str, ...] = ()

    def code(self, code_guid: str) -> QdaCode:
        for code in self.codes:
            if code.guid == code_guid:
                return code
        raise KeyError(code_guid)

    def user(self, user_guid: str | None) -> QdaUser | None:
        for user in self.users:
            if user.guid == user_guid:
                return user
        return None

    def source(self, source_guid: str) -> QdaSource:
        for source in self.sources:
            if source.guid == source_guid:
                return source
        raise KeyError(source_guid)

    def label_of(self, coding: QdaCoding) -> str:
        """The codebook id a coding counts for, or the code's path if it matched none."""
        code = self.code(coding.code)
        return code.label or code.path
