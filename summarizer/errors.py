"""Errors the summarizer raises on purpose, with messages a user can act on."""

from __future__ import annotations

from corpuscut.segmenter.errors import SegmenterError


class SummarizerError(SegmenterError):
    """Base of the summarizer's errors (a SegmenterError, so one except clause catches both)."""


class UnknownMethodError(SummarizerError):
    """The method name is not one of ``summarizer.METHODS``."""


class BadLengthError(SummarizerError):
    """The requested summary length is not a positive count, ratio or word budget."""
