"""REFI-QDA export: the codebook as ``.qdc`` and coded reviews as ``.qdpx``.

REFI-QDA is the standard that NVivo, ATLAS.ti, MAXQDA and QualCoder share, so a
researcher can check caselens' coding in the tool they know and bring their own
coding back for comparison (reading it back: :mod:`caselens.qda`).
"""

from caselens.report.qda.write import write_qdc, write_qdpx

__all__ = ["write_qdc", "write_qdpx"]
