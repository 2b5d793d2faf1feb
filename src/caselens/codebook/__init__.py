"""Codebooks: the themes and indicators of the learning, loaded from YAML data.

The default infant codebook ships as ``infant.yaml`` beside this package; a user
can give their own file of the same shape anywhere a codebook is accepted.
"""

from caselens.codebook.contract import contract_ids, validate_against_contract
from caselens.codebook.loader import (
    MAX_CODEBOOK_BYTES,
    codebook_from_dict,
    codebook_to_dict,
    default_codebook,
    load_codebook,
)
from caselens.codebook.problems import CodebookProblemsError, Problem
from caselens.codebook.validate import check_codebook_data

__all__ = [
    "MAX_CODEBOOK_BYTES",
    "CodebookProblemsError",
    "Problem",
    "check_codebook_data",
    "codebook_from_dict",
    "codebook_to_dict",
    "contract_ids",
    "default_codebook",
    "load_codebook",
    "validate_against_contract",
]
