from __future__ import annotations

import pytest

from caselens.codebook import default_codebook
from caselens.pipeline.code_rules import RuleCoder


@pytest.fixture(scope="session")
def coder() -> RuleCoder:
    """The default codebook's rule coder, compiled once for all coder tests."""
    return RuleCoder(default_codebook())
