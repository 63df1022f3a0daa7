"""What reading gives: a decoded input whole (:class:`Document`) or as it streams (:class:`TextStream`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from .errors import InputError
from .raw import Counting


@dataclass(frozen=True)
class Document:
    """One decoded input: its text and how it was read."""

    source: str
    text: str
    encoding: str
    compression: str | None
    size_bytes: int
    #: What the reader had to leave out or change, for the user to be told (never an error).
    notes: tuple[str, ...] = ()
    #: A record of a larger input (JSON Lines, WARC): the bytes of that input (as stored,
    #: compressed or not) read by the time the record was, for the progress bar.
    input_read: int | None = None

    @property
    def pieces(self) -> Iterator[str]:
        """The text as a stream of one piece (as a TextStream gives it)."""
        return iter((self.text,))


@dataclass
class TextStream:
    """An input being read: how it is decoded, and its text as a stream of pieces.
    ``size_bytes`` counts the bytes read so far (all of them once ``pieces`` is exhausted)."""

    source: str
    encoding: str
    compression: str | None
    pieces: Iterator[str]
    _raw: Counting
    #: What the user should be told about the input (it looks like JSON Lines or HTML, say).
    notes: tuple[str, ...] = ()
    #: Why the input could not be read to its end (a truncated .gz), once ``pieces`` has given
    #: all the text read before that: the reader reports it after using the text.
    broken: list[InputError] = field(default_factory=list)

    @property
    def size_bytes(self) -> int:
        return self._raw.count

    def check_whole(self) -> None:
        """Raise the error that cut the input short, if one did (once ``pieces`` is used up)."""
        if self.broken:
            raise self.broken[0]

    def read_all(self) -> Document:
        """The whole input as one Document (an input cut short raises its error)."""
        text = "".join(self.pieces)
        self.check_whole()
        return Document(self.source, text, self.encoding, self.compression, self.size_bytes, self.notes)

    def read_head(self, max_chars: int) -> Document:
        """The input's first ``max_chars`` characters as a Document; the rest is never read
        (``size_bytes`` counts what was)."""
        parts: list[str] = []
        wanted = max_chars
        for piece in self.pieces:
            parts.append(piece[:wanted])
            wanted -= len(parts[-1])
            if wanted <= 0:
                break
        close = getattr(self.pieces, "close", None)
        if close is not None:
            close()  # closes the input
        return Document(self.source, "".join(parts), self.encoding, self.compression, self.size_bytes, self.notes)
