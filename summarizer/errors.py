"""Errors the summarizer raises on purpose, with messages a user can act on."""

from __future__ import annotations

from corpuscut.errors import CorpuscutError


class SummarizerError(CorpuscutError):
    """Base of the summarizer's errors."""


class UnknownMethodError(SummarizerError):
    """The method name is not one of ``summarizer.METHODS``."""


class BadLengthError(SummarizerError):
    """The requested summary length is not a positive count, ratio or word budget."""
