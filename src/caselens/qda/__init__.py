"""Reading REFI-QDA: projects (``.qdpx``) and codebooks (``.qdc``) from other QDA programs.

REFI-QDA is the standard that NVivo, ATLAS.ti, MAXQDA and QualCoder share. Reading it is
input, like reading a review, so it sits beside :mod:`caselens.ingest` and imports only
the core types; writing it is an output format (:mod:`caselens.report.qda`), and putting
an imported project into the library is a use case (:mod:`caselens.qda_import`).
"""

from caselens.qda.model import (
    QdaCode,
    QdaCoding,
    QdaError,
    QdaProject,
    QdaSource,
    QdaUser,
)
from caselens.qda.offsets import Aligned, align
from caselens.qda.read import read_qdpx
from caselens.qda.read_qdc import read_qdc

__all__ = [
    "Aligned",
    "QdaCode",
    "QdaCoding",
    "QdaError",
    "QdaProject",
    "QdaSource",
    "QdaUser",
    "align",
    "read_qdc",
    "read_qdpx",
]
