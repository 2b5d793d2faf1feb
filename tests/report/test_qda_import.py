"""Reading REFI-QDA projects written by other tools: NVivo's sample and hand-made ones."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from qda_helpers import shared_or_skip

from caselens.codebook import default_codebook
from caselens.errors import InputError
from caselens.qda import read_qdpx

NS = "urn:QDA-XML:project:1.0"
G = "0000000{}-0000-4000-8000-000000000000"


def test_the_nvivo_sample_imports_with_its_users_and_nested_codes() -> None:
    project = read_qdpx(shared_or_skip("samples/nvivo_project.qdpx"), default_codebook())
    assert project.origin.startswith("NVivo")
    assert {u.name for u in project.users} == {"chrisp", "cp"}
    paths = {c.path for c in project.codes}
    # The same name under different parents stays two codes, told apart by path.
    assert "rq1_definition/competencies/programming" in paths
    assert "rq1_definition/framings/cs_as_programming/programming" in paths
    assert all(c.label is None for c in project.codes)  # nothing here is a caselens code
    assert len(project.sources) == 2
    assert all(s.text is not None and not s.text.strip() for s in project.sources)
    assert project.codings == ()


def _project(tmp_path: Path, text: bytes, selections: str, codes: str) -> Path:
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="hand coded" origin="a QDA tool">
  <Users><User guid="{G.format(1)}" name="Researcher One"/></Users>
  <CodeBook><Codes>{codes}</Codes></CodeBook>
  <Sources>
    <TextSource guid="{G.format(2)}" name="Review X" plainTextPath="internal://{G.format(2)}.txt">
      {selections}
    </TextSource>
  </Sources>
</Project>"""
    path = tmp_path / "hand.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr(f"sources/{G.format(2)}.txt", text)
    return path


def _selection(start: int, end: int, code: int) -> str:
    return (
        f'<PlainTextSelection guid="{G.format(5)}" startPosition="{start}" endPosition="{end}">'
        f'<Coding guid="{G.format(6)}" creatingUser="{G.format(1)}">'
        f'<CodeRef targetGUID="{G.format(code)}"/></Coding></PlainTextSelection>'
    )


def test_codes_match_the_codebook_by_id_or_label_else_keep_their_path(tmp_path: Path) -> None:
    codes = (
        f'<Code guid="{G.format(3)}" name="Sleep" isCodable="true">'
        f'<Code guid="{G.format(4)}" name="E.co_sleeping: sharing a bed" isCodable="true"/>'
        f'<Code guid="{G.format(7)}" name="A good parent" isCodable="true"/></Code>'
        f'<Code guid="{G.format(8)}" name="Domestic abuse" isCodable="true"/>'
    )
    path = _project(tmp_path, b"The baby shared a bed.", _selection(4, 8, 4), codes)
    project = read_qdpx(path, default_codebook())
    labels = {c.path: c.label for c in project.codes}
    assert labels["Sleep/E.co_sleeping: sharing a bed"] == "E.co_sleeping"
    assert labels["Sleep/A good parent"] is None
    assert labels["Domestic abuse"] == "A.domestic_abuse"
    (coding,) = project.codings
    assert project.label_of(coding) == "E.co_sleeping"
    assert project.user(coding.user) is not None


def test_windows_line_ends_count_as_stored_and_a_bom_is_not_a_character(tmp_path: Path) -> None:
    text = "First line.\r\nSecond line here."
    start = text.index("Second")
    path = _project(
        tmp_path,
        b"\xef\xbb\xbf" + text.encode("utf-8"),
        _selection(start, start + 6, 4),
        f'<Code guid="{G.format(4)}" name="x" isCodable="true"/>',
    )
    project = read_qdpx(path)
    (source,) = project.sources
    (coding,) = project.codings
    assert source.text == text
    assert source.text[coding.start : coding.end] == "Second"


def test_selections_outside_the_text_are_skipped_with_a_warning(tmp_path: Path) -> None:
    path = _project(
        tmp_path,
        b"Short.",
        _selection(2, 99, 4),
        f'<Code guid="{G.format(4)}" name="x" isCodable="true"/>',
    )
    project = read_qdpx(path)
    assert project.codings == ()
    assert any("outside its text" in w for w in project.warnings)


@pytest.mark.parametrize("content", [b"not a zip", None])
def test_a_file_that_is_not_a_project_is_refused_with_its_name(
    tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "broken.qdpx"
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "hello")
    else:
        path.write_bytes(content)
    with pytest.raises(InputError, match=r"broken\.qdpx"):
        read_qdpx(path)


def test_a_damaged_archive_is_an_input_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "damaged.qdpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "project.qde", f'<Project xmlns="{NS}" name="x">' + "<Users/>" * 400 + "</Project>"
        )
    data = bytearray(path.read_bytes())
    for i in range(60, 80):  # inside the compressed project.qde
        data[i] ^= 0x55
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"damaged\.qdpx: is damaged: project\.qde"):
        read_qdpx(path)


def test_a_source_that_expands_past_the_limit_is_refused_while_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The limit is checked on the bytes read, not on the size the archive declares."""
    from caselens.qda import read as qda_read

    monkeypatch.setattr(qda_read, "MAX_ENTRY_BYTES", 2 * 1024 * 1024)
    path = _project(tmp_path, b"a" * (3 * 1024 * 1024), "", "")
    with pytest.raises(InputError, match=r"hand\.qdpx: .*expands to more than 2 MB"):
        read_qdpx(path)


def test_many_sources_that_expand_past_the_total_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caselens.qda import read as qda_read

    monkeypatch.setattr(qda_read, "MAX_TOTAL_BYTES", 4 * 1024 * 1024)
    path = tmp_path / "many.qdpx"
    sources = "".join(
        f'<TextSource guid="{G.format(10 + i)}" name="S{i}" '
        f'plainTextPath="internal://{G.format(10 + i)}.txt"/>'
        for i in range(5)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "project.qde", f'<Project xmlns="{NS}" name="x"><Sources>{sources}</Sources></Project>'
        )
        for i in range(5):
            archive.writestr(f"sources/{G.format(10 + i)}.txt", b"b" * (1024 * 1024 + 1))
    with pytest.raises(InputError, match=r"many\.qdpx: expands to more than 4 MB in all"):
        read_qdpx(path)


def test_an_archive_of_too_many_entries_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caselens.qda import read as qda_read

    monkeypatch.setattr(qda_read, "MAX_ENTRIES", 10)
    path = tmp_path / "crowded.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", f'<Project xmlns="{NS}" name="x"/>')
        for i in range(12):
            archive.writestr(f"sources/{i}.txt", b"x")
    with pytest.raises(InputError, match=r"crowded\.qdpx: holds 13 entries"):
        read_qdpx(path)


def test_a_pdf_source_is_read_through_its_text_rendition(tmp_path: Path) -> None:
    """As a QDA tool exports a review named '.pdf': a PDFSource whose plain-text
    Representation (its own GUID, a byte-order mark) carries the codings of two coders."""
    text = "The father was never seen. The baby slept on the sofa."
    codes = (
        f'<Code guid="{G.format(3)}" name="F.fathers_unseen_men" isCodable="true"/>'
        f'<Code guid="{G.format(4)}" name="E.sofa_or_unsafe_surface" isCodable="true"/>'
    )
    selections = "".join(
        f'<PlainTextSelection guid="{G.format(20 + i)}" startPosition="{a}" endPosition="{b}">'
        f'<Coding guid="{G.format(30 + i)}" creatingUser="{G.format(user)}">'
        f'<CodeRef targetGUID="{G.format(code)}"/></Coding></PlainTextSelection>'
        for i, (a, b, code, user) in enumerate([(0, 26, 3, 1), (27, 54, 4, 7), (0, 26, 3, 7)])
    )
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="round trip" origin="QualCoder">
  <Users><User guid="{G.format(1)}" name="one"/><User guid="{G.format(7)}" name="two"/></Users>
  <CodeBook><Codes>{codes}</Codes></CodeBook>
  <Sources>
    <PDFSource guid="{G.format(2)}" name="review-b.pdf" path="internal://{G.format(2)}.pdf">
      <Representation guid="{G.format(9)}" name="review-b.txt"
          plainTextPath="internal://{G.format(9)}.txt">{selections}</Representation>
    </PDFSource>
    <PDFSource guid="{G.format(8)}" name="scan.pdf" path="internal://{G.format(8)}.pdf"/>
  </Sources>
</Project>"""
    path = tmp_path / "qualcoder.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr(f"sources/{G.format(9)}.txt", "\ufeff".encode() + text.encode())
        archive.writestr(f"sources/{G.format(2)}.pdf", b"%PDF-1.4 not read")
    project = read_qdpx(path, default_codebook())
    assert [s.name for s in project.sources] == ["review-b.pdf"]
    assert project.sources[0].text == text
    assert len(project.codings) == 3  # every coding comes back, with its own coder
    assert {c.user for c in project.codings} == {G.format(1), G.format(7)}
    assert {text[c.start : c.end] for c in project.codings} == {
        "The father was never seen.",
        "The baby slept on the sofa.",
    }
    assert any("scan.pdf" in w and "plain-text rendition" in w for w in project.warnings)
