"""Expanding the paths a person gives into the files caselens will read."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from caselens.errors import InputError
from caselens.ingest.reader import SUPPORTED_SUFFIXES


def _wanted(name: str) -> bool:
    """Hidden files and Office lock files (``~$report.docx``) are never reviews."""
    return not name.startswith((".", "~$")) and Path(name).suffix.lower() in SUPPORTED_SUFFIXES


def iter_documents(paths: Sequence[Path]) -> Iterator[Path]:
    """Files named directly, and supported files found recursively in folders.

    A file named directly is yielded whatever its type, so that reading it
    explains what is wrong; inside folders only supported types are taken.
    Folder contents come sorted, so runs are repeatable. Hidden folders are
    not entered and symbolic links to folders are not followed (no loops).
    """
    for path in map(Path, paths):
        if path.is_dir():
            yield from _walk(path)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            raise InputError(str(path), "does not exist; check the path")


def _walk(folder: Path) -> Iterator[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root) / name for name in files if _wanted(name))
    yield from sorted(found)
