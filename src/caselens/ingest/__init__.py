"""Readers: one module per format, one entry point ``read_document``."""
