"""Write the codebook as a REFI-QDA ``.qdc`` and a coded corpus as a ``.qdpx``.

Themes become top-level codes and indicators their children; both are codable,
so a researcher coding in NVivo, ATLAS.ti or MAXQDA may code at theme level
where no indicator fits. Each code's name starts with the caselens id
("A.domestic_abuse: Domestic abuse"), which is how an edited project is matched
back to the codebook when its GUIDs were lost.

Every finding becomes a coded ``PlainTextSelection`` whose positions are the
finding's half-open offsets into the document text, which is stored beside the
project as ``sources/<guid>.txt`` (UTF-8, ``\\n`` line ends), so positions
count exactly the characters of that file.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree as ET

from caselens import __version__
from caselens.model import Codebook, Finding
from caselens.qda.model import (
    CASELENS_USER,
    CODEBOOK_NS,
    PROJECT_NS,
    QdaError,
    guid,
    indicator_guid,
    source_guid,
    theme_guid,
    user_guid,
)
from caselens.report.files import atomic_write_bytes
from caselens.services import Analysis, ReviewResult

ORIGIN = f"caselens {__version__}"
# Zip entries carry a timestamp; a fixed one keeps exports byte-identical.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)
# Characters XML 1.0 cannot hold even escaped (most control characters, lone
# surrogates); a file name or codebook text carrying one would make the file unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def code_name(code_id: str, label: str) -> str:
    return f"{code_id}: {label}" if label else code_id


def _description(text: str, why: str) -> str:
    parts = [text.strip(), f"Why it matters: {why.strip()}" if why.strip() else ""]
    return "\n\n".join(p for p in parts if p)


def _codes(parent: ET.Element, codebook: Codebook, ns: str) -> None:
    """Themes with their indicators beneath them, in codebook order."""
    codes = ET.SubElement(parent, f"{{{ns}}}Codes")
    for theme in codebook.themes:
        theme_el = _code(
            codes,
            ns,
            theme_guid(codebook.id, theme.id),
            code_name(theme.id, theme.label),
            _description(theme.description, theme.why_it_matters),
        )
        for indicator in codebook.indicators_of(theme.id):
            _code(
                theme_el,
                ns,
                indicator_guid(codebook.id, indicator.id),
                code_name(indicator.id, indicator.label),
                _description(indicator.description, indicator.why_it_matters),
            )


def _code(parent: ET.Element, ns: str, guid: str, name: str, description: str) -> ET.Element:
    code = ET.SubElement(parent, f"{{{ns}}}Code", guid=guid, name=name, isCodable="true")
    if description:
        ET.SubElement(code, f"{{{ns}}}Description").text = description
    return code


def _xml_safe(root: ET.Element) -> None:
    """Drop from every attribute and text the characters no XML parser would accept."""
    for element in root.iter():
        for key, value in element.attrib.items():
            element.set(key, _NOT_XML.sub("", value))
        if element.text:
            element.text = _NOT_XML.sub("", element.text)


def _write_xml(root: ET.Element, ns: str) -> bytes:
    _xml_safe(root)
    ET.register_namespace("", ns)
    ET.indent(root, space="  ")
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body + b"\n"


def codebook_xml(codebook: Codebook) -> bytes:
    root = ET.Element(f"{{{CODEBOOK_NS}}}CodeBook", origin=ORIGIN)
    _codes(root, codebook, CODEBOOK_NS)
    return _write_xml(root, CODEBOOK_NS)


def write_qdc(codebook: Codebook, path: Path) -> Path:
    """The codebook as a REFI-QDA codebook exchange file."""
    if not codebook.themes:
        raise QdaError(f"the codebook {codebook.id!r} has no themes, so a .qdc would be empty")
    atomic_write_bytes(path, codebook_xml(codebook))
    return path


def _timestamp(iso: str) -> str:
    """An ISO time as xsd:dateTime in UTC ("...Z"); the run's own time keeps exports stable."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        moment = datetime(2020, 1, 1, tzinfo=UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _check(result: ReviewResult, text: str) -> None:
    for finding in result.findings:
        if text[finding.start : finding.end] != finding.quote:
            raise QdaError(
                f"the text given for {result.document.name} is not the one that was coded "
                f"(the finding at [{finding.start}, {finding.end}) does not quote "
                f"{finding.quote[:40]!r}); read the review again and re-run the analysis"
            )


def _selections(
    source: ET.Element, findings: Iterable[Finding], codebook: Codebook, user: str, when: str
) -> None:
    """One selection per span, with one coding for each indicator found there."""
    by_span: dict[tuple[int, int], list[Finding]] = {}
    for finding in findings:
        by_span.setdefault((finding.start, finding.end), []).append(finding)
    ns = PROJECT_NS
    for (start, end), found in sorted(by_span.items()):
        doc = found[0].document
        selection = ET.SubElement(
            source,
            f"{{{ns}}}PlainTextSelection",
            guid=guid("selection", doc, str(start), str(end)),
            name=found[0].quote[:80],
            startPosition=str(start),
            endPosition=str(end),
            creatingUser=user,
            creationDateTime=when,
        )
        notes = [f"{f.indicator}: {f.method}, confidence {f.confidence:.2f}" for f in found]
        ET.SubElement(selection, f"{{{ns}}}Description").text = "\n".join(notes)
        for finding in sorted(found, key=lambda f: f.indicator):
            coding = ET.SubElement(
                selection,
                f"{{{ns}}}Coding",
                guid=guid("coding", doc, str(start), str(end), finding.indicator),
                creatingUser=user,
                creationDateTime=when,
            )
            ET.SubElement(
                coding,
                f"{{{ns}}}CodeRef",
                targetGUID=indicator_guid(codebook.id, finding.indicator),
            )


def _screening_note(result: ReviewResult) -> str:
    screening = result.screening
    if screening.included:
        return "Screening: included."
    return f"Screening: not included ({screening.exclusion_reason or 'out of scope'})."


def project_xml(analysis: Analysis, codebook: Codebook, texts: Mapping[str, str]) -> bytes:
    """The ``project.qde`` document; ``texts`` must hold every analysed document's text."""
    missing = [r.document.name for r in analysis.results if r.document.id not in texts]
    if missing:
        raise QdaError(
            "a .qdpx carries the text of every review, but none was given for "
            + ", ".join(missing[:5])
            + ("" if len(missing) <= 5 else f" and {len(missing) - 5} more")
            + "; keep the review files where they were analysed"
        )
    known = {i.id for i in codebook.indicators}
    strays = sorted({f.indicator for r in analysis.results for f in r.findings} - known)
    if strays:
        raise QdaError(
            f"findings use indicators the codebook {codebook.id!r} does not have "
            f"({', '.join(strays[:5])}); export with the codebook the analysis used"
        )
    ns = PROJECT_NS
    user = user_guid(CASELENS_USER)
    when = _timestamp(analysis.provenance.finished)
    root = ET.Element(
        f"{{{ns}}}Project",
        name=f"caselens: {codebook.title}",
        origin=ORIGIN,
        creatingUserGUID=user,
        creationDateTime=when,
    )
    users = ET.SubElement(root, f"{{{ns}}}Users")
    ET.SubElement(users, f"{{{ns}}}User", guid=user, name=CASELENS_USER, id=CASELENS_USER)
    _codes(ET.SubElement(root, f"{{{ns}}}CodeBook"), codebook, ns)
    if analysis.results:
        sources = ET.SubElement(root, f"{{{ns}}}Sources")
        for result in analysis.results:
            text = texts[result.document.id]
            _check(result, text)
            source_id = source_guid(result.document.id)
            source = ET.SubElement(
                sources,
                f"{{{ns}}}TextSource",
                guid=source_id,
                name=result.document.name,
                plainTextPath=f"internal://{source_id}.txt",
                creatingUser=user,
                creationDateTime=when,
            )
            title = result.document.title
            note = f"{title}\n{_screening_note(result)}" if title else _screening_note(result)
            ET.SubElement(source, f"{{{ns}}}Description").text = note
            _selections(source, result.findings, codebook, user, when)
    ET.SubElement(root, f"{{{ns}}}Description").text = (
        f"Coded by caselens {analysis.provenance.software_version} with codebook "
        f"{analysis.provenance.codebook_id} {analysis.provenance.codebook_version}."
    )
    return _write_xml(root, ns)


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def write_qdpx(
    analysis: Analysis, codebook: Codebook, texts: Mapping[str, str], path: Path
) -> Path:
    """The coded corpus as a REFI-QDA project: ``project.qde`` plus ``sources/<guid>.txt``."""
    project = project_xml(analysis, codebook, texts)
    with zipfile.ZipFile(path, "w") as archive:
        _add(archive, "project.qde", project)
        for result in analysis.results:
            name = f"sources/{source_guid(result.document.id)}.txt"
            _add(archive, name, texts[result.document.id].encode("utf-8"))
    return path
