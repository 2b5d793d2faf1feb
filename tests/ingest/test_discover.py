from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from caselens.errors import InputError
from caselens.ingest import iter_documents

Write = Callable[[str, bytes | str], Path]


def test_folders_expand_recursively_sorted_skipping_hidden_and_lock_files(
    tmp_path: Path, write: Write
) -> None:
    for name in [
        "b.pdf", "a.txt", "sub/c.DOCX", "sub/deeper/d.md", "sub/e.html", "f.htm", "g.markdown",
        ".hidden.txt", "~$locked.docx", ".git/config.txt", "picture.png", "sheet.xlsx",
    ]:  # fmt: skip
        write(name, "x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_documents([tmp_path])]
    assert found == [
        "a.txt", "b.pdf", "f.htm", "g.markdown", "sub/c.DOCX", "sub/deeper/d.md", "sub/e.html",
    ]  # fmt: skip


def test_named_files_are_yielded_whatever_their_type(write: Write) -> None:
    png = write("picture.png", b"x")
    txt = write("notes.txt", "x")
    assert list(iter_documents([png, txt])) == [png, txt]


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        list(iter_documents([tmp_path / "gone"]))


def test_symlinked_folder_is_not_followed(tmp_path: Path, write: Write) -> None:
    write("real/a.txt", "x")
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real")
    assert [p.name for p in iter_documents([tmp_path / "real"])] == ["a.txt"]
