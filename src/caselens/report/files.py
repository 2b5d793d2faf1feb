"""Writing output files so that a crash never leaves half a briefing behind."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path

from caselens.errors import CaselensError


class OutputError(CaselensError):
    """An output file cannot be written (folder missing, read-only, disk full)."""


def folder_trouble(folder: Path, error: OSError) -> str:
    """Why ``folder`` could not be made or written in, for a person.

    Where a file stands in the folder's path the system says only "File exists" or "Not
    a directory", which names neither the file nor the fix; that file is named instead.
    A folder that is there but takes no files (/proc) is "No such file or directory".
    """
    if isinstance(error, FileExistsError | NotADirectoryError):
        for place in (*reversed(folder.parents), folder):
            if place.exists() and not place.is_dir():
                return f"{place} is a file, not a folder"
    if isinstance(error, FileNotFoundError) and folder.is_dir():
        return f"{folder} takes no new files"
    return error.strerror or str(error)


def atomic_write_text(path: Path, text: str, *, private: bool = False) -> None:
    """Write ``text`` as UTF-8, atomically (see :func:`atomic_write_bytes`).

    Encoding happens before the file is touched, so text that cannot be encoded
    leaves the old file as it was.
    """
    atomic_write_bytes(path, text.encode("utf-8"), private=private)


PIECE = 1 << 16  # characters of text written at a time


def joined(pieces: Iterable[str]) -> Iterator[str]:
    """Small pieces of text (a template's, an encoder's) joined into pieces of about
    :data:`PIECE` characters: few writes, and never the whole text held at once."""
    size = PIECE
    batch: list[str] = []
    held = 0
    for piece in pieces:
        batch.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(batch)
            batch.clear()
            held = 0
    yield "".join(batch)


def atomic_write_bytes(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` atomically (see :func:`atomic_write_chunks`)."""
    atomic_write_chunks(path, (data,), private=private)


def atomic_write_text_chunks(path: Path, chunks: Iterable[str], *, private: bool = False) -> None:
    """Write text produced piece by piece (a large JSON file), never held whole in memory.

    A piece that cannot be encoded, or an error while producing one, leaves the old file
    as it was."""
    atomic_write_chunks(path, (chunk.encode("utf-8") for chunk in chunks), private=private)


def atomic_write_chunks(path: Path, chunks: Iterable[bytes], *, private: bool = False) -> None:
    """Write ``chunks`` to a temporary file beside ``path``, then rename it into place.

    The rename is atomic on one file system, so a reader sees either the old file
    or the complete new one, never a partial write. The file gets the usual
    permissions (0666 less the umask), like any file the user saves, or, when
    ``private`` (case data: supervision records), 0600: readable by its owner only.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if private else 0o666)
    except OSError as error:
        raise OutputError(
            f"{path}: cannot write here ({folder_trouble(path.parent, error)}); "
            "choose another folder"
        ) from error
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputError(
            f"{path}: writing failed ({error.strerror}); check the disk space and permissions"
        ) from error
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
