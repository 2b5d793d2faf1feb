"""One family of exceptions whose messages are written for a person.

Every message says what went wrong, where (the file, the key), and what to do.
The CLI prints ``str(error)`` and never a traceback for these.
"""

from __future__ import annotations


class CaselensError(Exception):
    """Base of every error caselens raises on purpose."""

    exit_code = 1


class InputError(CaselensError):
    """A file given to caselens cannot be used (missing, corrupt, encrypted, empty, too big)."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class UnsupportedFormatError(InputError):
    """The file is of a kind caselens does not read."""


class CodebookError(CaselensError):
    """A codebook file is malformed; the message names the file, the key and the fix."""

    def __init__(self, path: str, problem: str, key: str | None = None) -> None:
        self.path = path
        self.key = key
        self.problem = problem
        where = f"{path}: {key}: " if key else f"{path}: "
        super().__init__(where + problem)


class CaseError(CaselensError):
    """A live case file is malformed."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class StoreError(CaselensError):
    """The library database cannot do what was asked."""


class NotFoundError(CaselensError):
    """An id given by the user names nothing."""
