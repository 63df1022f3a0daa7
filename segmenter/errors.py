"""Errors the segmenter raises. Each message says what went wrong and what to do."""

from __future__ import annotations

from corpuscut.errors import CorpuscutError


class SegmenterError(CorpuscutError):
    """Base of the segmenter's errors (reading inputs, cue files, models, languages)."""


class InputError(SegmenterError):
    """An input cannot be read: missing, a directory, unreadable, or not text."""

    def __init__(self, source: str, message: str) -> None:
        from .names import printable

        super().__init__(f"{printable(source, keep_newlines=False)}: {message}")
        self.source = source
        self.reason = message


class BinaryInputError(InputError):
    """The input looks like binary data (it holds NUL bytes), the way grep decides."""


class CueFileError(SegmenterError):
    """A cue file is missing, not JSON, or has a pattern that does not compile."""
