"""Fixtures over the hand-built objects of ``report_builders``."""

from __future__ import annotations

import pytest
from report_builders import make_analysis, make_codebook

from caselens.model import Codebook
from caselens.services import Analysis


@pytest.fixture
def codebook() -> Codebook:
    return make_codebook()


@pytest.fixture
def analysis() -> Analysis:
    return make_analysis()
