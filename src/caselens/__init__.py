"""caselens: learning from case reviews about harm to babies, made usable in practice.

caselens supports professional judgement. It never predicts or scores a family:
every flag it raises carries its evidence and the reason it matters.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("caselens")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+local"

__all__ = ["__version__"]
