"""Readers: one module per format, one entry point ``read_document``."""

from caselens.ingest.discover import iter_documents
from caselens.ingest.reader import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    document_from_bytes,
    read_bytes,
    read_document,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "document_from_bytes",
    "iter_documents",
    "read_bytes",
    "read_document",
]
