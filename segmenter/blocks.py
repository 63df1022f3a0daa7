"""Text -> lines with offsets, classified as text, blank or separator."""

from __future__ import annotations

from typing import Callable, Iterator, NamedTuple

LINE_END_CHARS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


class Line(NamedTuple):
    """One line of the input. ``start``/``end`` are offsets into the text, end exclusive,
    the line terminator included; ``content`` has the terminator and outer white space removed."""

    number: int
    start: int
    end: int
    content: str
    form_feed: bool


class Block(NamedTuple):
    """A text line that may start an article, and what lies between it and the previous one."""

    index: int
    line: Line
    blank_before: int
    separator_before: bool

    @property
    def text(self) -> str:
        return self.line.content

    @property
    def start(self) -> int:
        return self.line.start


def iter_lines(text: str, offset: int = 0, first_number: int = 1) -> Iterator[Line]:
    """Yield every line of ``text``; their spans tile ``text`` exactly."""
    pos = offset
    for number, piece in enumerate(text.splitlines(keepends=True), start=first_number):
        end = pos + len(piece)
        stripped = piece.rstrip(LINE_END_CHARS)
        yield Line(number, pos, end, stripped.strip(), "\x0c" in piece)
        pos = end


def make_blocks(lines: list[Line], is_separator: Callable[[str], bool]) -> list[Block]:
    """Group lines into text blocks, counting the blank and separator lines before each."""
    blocks: list[Block] = []
    blank = 0
    separator = False
    for line in lines:
        if not line.content:
            blank += 1
            separator = separator or line.form_feed
            continue
        if is_separator(line.content):
            separator = True
            continue
        blocks.append(Block(len(blocks), line, blank, separator))
        blank = 0
        separator = line.form_feed
    return blocks
