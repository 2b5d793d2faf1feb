"""What is wrong with a codebook, said for the person editing it: each problem at its key
path (``indicators[3].patterns[1]``) and line, many listed together in one error."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from caselens.errors import CodebookError

MAX_PROBLEMS_SHOWN = 10


@dataclasses.dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a codebook, at a key path such as ``indicators[3].patterns[1]``."""

    key: str
    message: str
    line: int | None = None

    def where(self) -> str:
        return f"{self.key} (line {self.line})" if self.line else self.key


class CodebookProblemsError(CodebookError):
    """A codebook with one or more problems; ``problems`` lists them all."""

    def __init__(self, path: str, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0]
        if len(self.problems) == 1:
            super().__init__(path, first.message, first.where())
        else:
            shown = self.problems[:MAX_PROBLEMS_SHOWN]
            lines = [f"  {p.where()}: {p.message}" for p in shown]
            hidden = len(self.problems) - len(shown)
            if hidden:
                lines.append(f"  ... and {hidden} more; fix these and validate again.")
            text = f"{len(self.problems)} problems in this codebook:\n" + "\n".join(lines)
            super().__init__(path, text, None)
        self.key = first.key


def describe(value: object) -> str:
    """Name a YAML value's kind the way a person editing the file would."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({value[:40]!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    return f"a {type(value).__name__} ({value})"
