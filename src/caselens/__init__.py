"""caselens: learning from case reviews about harm to babies, made usable in practice.

caselens supports professional judgement. It never predicts or scores a family:
every flag it raises carries its evidence and the reason it matters.

The names a Python user needs are here, imported on first use so that ``import caselens``
(and ``caselens --help``) stays quick::

    import caselens

    pipeline = caselens.Pipeline(caselens.default_codebook())
    result = pipeline.process(caselens.read_document(path))
    analysis = caselens.analyse([folder], caselens.default_codebook(), caselens.Settings())
    caselens.render(out, ["html", "csv"], analysis, caselens.default_codebook())
    check = caselens.check_case(caselens.load_case(case_file), caselens.default_codebook())
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("caselens")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+local"

# name -> the module that defines it
_PUBLIC = {
    "read_document": "caselens.ingest",
    "Pipeline": "caselens.pipeline.run",
    "Settings": "caselens.pipeline.settings",
    "default_codebook": "caselens.codebook",
    "load_codebook": "caselens.codebook",
    "analyse": "caselens.services",
    "render": "caselens.report.formats",
    "load_case": "caselens.practice",
    "check_case": "caselens.practice",
}

__all__ = [
    "Pipeline",
    "Settings",
    "__version__",
    "analyse",
    "check_case",
    "default_codebook",
    "load_case",
    "load_codebook",
    "read_document",
    "render",
]

if TYPE_CHECKING:  # for type checkers and editors; at run time these load lazily
    from caselens.codebook import default_codebook, load_codebook
    from caselens.ingest import read_document
    from caselens.pipeline.run import Pipeline
    from caselens.pipeline.settings import Settings
    from caselens.practice import check_case, load_case
    from caselens.report.formats import render
    from caselens.services import analyse


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'caselens' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # once loaded, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])
