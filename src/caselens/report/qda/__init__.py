"""REFI-QDA exchange: the codebook as ``.qdc``, coded reviews as ``.qdpx``, and back.

REFI-QDA is the standard that NVivo, ATLAS.ti, MAXQDA and QualCoder share, so a
researcher can check caselens' coding in the tool they know and bring their own
coding back for comparison (:mod:`caselens.agreement`).
"""

from caselens.report.qda.model import (
    QdaCode,
    QdaCoding,
    QdaError,
    QdaProject,
    QdaSource,
    QdaUser,
)
from caselens.report.qda.offsets import Aligned, align
from caselens.report.qda.read import read_qdpx
from caselens.report.qda.write import write_qdc, write_qdpx

__all__ = [
    "Aligned",
    "QdaCode",
    "QdaCoding",
    "QdaError",
    "QdaProject",
    "QdaSource",
    "QdaUser",
    "align",
    "read_qdpx",
    "write_qdc",
    "write_qdpx",
]
