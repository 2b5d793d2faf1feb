from __future__ import annotations

from pathlib import Path

import pytest
from practice_helpers import CASES


@pytest.fixture
def cases_dir() -> Path:
    return CASES
