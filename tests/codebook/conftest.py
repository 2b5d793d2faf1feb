"""A small fictional codebook and a way to write broken variants of it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "codebook"
MINIMAL = FIXTURES / "minimal.yaml"


@pytest.fixture
def minimal_path() -> Path:
    return MINIMAL


@pytest.fixture
def minimal_data() -> dict[str, Any]:
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return copy.deepcopy(data)


@pytest.fixture
def write_codebook(tmp_path: Path) -> Callable[[object, str], Path]:
    """Write data (dumped as YAML) or a raw string to a file named ``name`` in tmp_path."""

    def write(content: object, name: str = "book.yaml") -> Path:
        path = tmp_path / name
        text = content if isinstance(content, str) else yaml.safe_dump(content, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write
