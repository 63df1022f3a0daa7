"""Lines grouped into blocks: each text line that may start an article, with the blank and
separator lines before it."""

from __future__ import annotations

from typing import Callable, NamedTuple

from corpuscut.text.lines import Line


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
