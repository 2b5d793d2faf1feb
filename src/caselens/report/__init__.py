"""Briefings: one context (:mod:`.context`), one renderer per format."""
