"""The base of every error corpuscut's libraries raise on purpose.

The segmenter's, the summarizer's and the batch engine's errors all derive from
:class:`CorpuscutError`, and none from another's: one ``except CorpuscutError`` catches them
all (the command turns it into an exit code), and each library's own base catches only its own.
"""

from __future__ import annotations


class CorpuscutError(Exception):
    """Base of every error corpuscut's libraries raise on purpose; its message says what went
    wrong and what to do."""
