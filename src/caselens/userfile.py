"""The one guarded way to read a file a person gave caselens (codebook, case, saved
analysis, labelled set, QDA project).

Only a regular file of bounded size is read, and that is checked before reading: a path
that is ``/dev/zero``, ``/dev/urandom``, a named pipe or a socket would otherwise fill
memory or wait for ever. The file is opened without blocking and read no further than
its limit, so a file that grows while it is read is refused too. Every refusal is an
:class:`~caselens.errors.InputError` naming the file, the problem and what to do.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from caselens.errors import InputError

_CHUNK = 1 << 20


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def check_regular(path: Path, what: str, max_bytes: int) -> int:
    """The size of ``path`` if it is a regular file within ``max_bytes``; else InputError."""
    name = str(path)
    try:
        info = Path(path).stat()
    except FileNotFoundError:
        raise InputError(name, f"no such file; check the path to the {what}") from None
    except OSError as error:
        raise InputError(name, f"cannot be read ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(name, f"this is a folder; give the path of a {what}")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            name, f"not a regular file (a device, pipe or socket); give the path of a {what}"
        )
    if info.st_size > max_bytes:
        raise InputError(
            name,
            f"the file is {_megabytes(info.st_size)}; a {what} is at most "
            f"{_megabytes(max_bytes)}, so this is probably not one",
        )
    return info.st_size


def read_user_bytes(path: Path, what: str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (see the module docstring)."""
    check_regular(path, what, max_bytes)
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise InputError(
            name, f"cannot be read ({error.strerror or error}); check its permissions"
        ) from None
    chunks: list[bytes] = []
    total = 0
    try:
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since the check
                raise InputError(name, f"not a regular file; give the path of a {what}")
            while chunk := handle.read(_CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    raise InputError(
                        name, f"the file grew past {_megabytes(max_bytes)} while being read"
                    )
                chunks.append(chunk)
    except OSError as error:
        raise InputError(name, f"cannot be read ({error.strerror or error})") from None
    return b"".join(chunks)


def read_user_text(path: Path, what: str, max_bytes: int, encoding: str = "utf-8") -> str:
    """The text of a regular file of at most ``max_bytes``, which must be UTF-8."""
    data = read_user_bytes(path, what, max_bytes)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            str(path), f"not UTF-8 text (byte {error.start}); save it as UTF-8"
        ) from None
