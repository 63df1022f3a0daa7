"""Errors the segmenter raises. Each message says what went wrong and what to do."""

from __future__ import annotations

from corpuscut.errors import CorpuscutError


class SegmenterError(CorpuscutError):
    """Base of the segmenter's errors (cue files, models); reading an input raises
    :class:`corpuscut.reading.InputError`."""


class CueFileError(SegmenterError):
    """A cue file is missing, not JSON, or has a pattern that does not compile."""
