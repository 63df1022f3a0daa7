"""Text -> lines with their offsets; their spans tile the text exactly."""

from __future__ import annotations

from typing import Iterator, NamedTuple

LINE_END_CHARS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


class Line(NamedTuple):
    """One line of the input. ``start``/``end`` are offsets into the text, end exclusive,
    the line terminator included; ``content`` has the terminator and outer white space removed."""

    number: int
    start: int
    end: int
    content: str
    form_feed: bool


#: Builds a Line from a tuple of its fields, as ``Line(...)`` does, without the Python-level
#: ``__new__`` a named tuple gets (a text of 100 MB has a few hundred thousand lines).
_new_line = tuple.__new__


def iter_lines(text: str, offset: int = 0, first_number: int = 1) -> Iterator[Line]:
    """Yield every line of ``text``; their spans tile ``text`` exactly."""
    pos = offset
    for number, piece in enumerate(text.splitlines(keepends=True), start=first_number):
        end = pos + len(piece)
        stripped = piece.rstrip(LINE_END_CHARS)
        yield _new_line(Line, (number, pos, end, stripped.strip(), "\x0c" in piece))
        pos = end
