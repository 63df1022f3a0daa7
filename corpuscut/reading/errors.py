"""Errors the reading layer raises. Each message names the input and says what to do."""

from __future__ import annotations

from corpuscut.errors import CorpuscutError


class InputError(CorpuscutError):
    """An input cannot be read: missing, a directory, unreadable, or not text."""

    def __init__(self, source: str, message: str) -> None:
        from corpuscut.text.names import printable

        super().__init__(f"{printable(source, keep_newlines=False)}: {message}")
        self.source = source
        self.reason = message


class BinaryInputError(InputError):
    """The input looks like binary data: it holds NUL bytes (the way grep decides) or control
    characters and bytes no encoding reads as text (the way file(1) decides)."""
