"""Lines grouped into blocks: each text line that may start an article, with the blank and
separator lines before it."""

from __future__ import annotations

from typing import Callable, NamedTuple

from corpuscut.text.lines import Line


class Block(NamedTuple):
    """A text line that may start an article, and what lies between it and the previous one;
    in hard-wrapped text, the run of lines of one paragraph (``line`` is its first)."""

    index: int
    line: Line
    blank_before: int
    separator_before: bool
    #: The paragraph's text where the block runs over several lines (their contents joined).
    joined: str | None = None
    #: How many text lines the block holds.
    lines: int = 1

    @property
    def text(self) -> str:
        return self.line.content if self.joined is None else self.joined

    @property
    def start(self) -> int:
        return self.line.start


#: Builds a Block from a tuple of all its fields, as ``Block(...)`` does, without the named
#: tuple's Python-level ``__new__`` (a block per line of text).
_new_block = tuple.__new__


def make_blocks(
    lines: list[Line], is_separator: Callable[[str], bool], continues: list[bool] | None = None
) -> list[Block]:
    """Group lines into text blocks, counting the blank and separator lines before each.
    ``continues[i]``: line i goes on into line i + 1 (a hard-wrapped paragraph), which then
    joins its block instead of starting one."""
    blocks: list[Block] = []
    parts: list[str] = []  # the contents of the last block's lines, while it runs on

    def close() -> None:
        if len(parts) > 1:
            blocks[-1] = blocks[-1]._replace(joined=" ".join(parts), lines=len(parts))
        parts.clear()

    blank = 0
    separator = False
    for i, line in enumerate(lines):
        if not line.content:
            close()
            blank += 1
            separator = separator or line.form_feed
            continue
        if is_separator(line.content):
            close()
            separator = True
            continue
        if blocks and not separator and _fragment(line.content):
            # A stray end of a sentence (a closing quote on its own line) ends what came
            # before it; an article never starts there.
            if parts:
                parts.append(line.content)
            else:
                last = blocks[-1]
                blocks[-1] = last._replace(joined=f"{last.text} {line.content}", lines=last.lines + 1)
            blank = 0
            separator = line.form_feed
            if separator or continues is None or not continues[i]:
                close()
            continue
        if not parts:
            blocks.append(_new_block(Block, (len(blocks), line, blank, separator, None, 1)))
        parts.append(line.content)
        blank = 0
        separator = line.form_feed
        if separator or continues is None or not continues[i]:
            close()
    close()
    return blocks


#: What a stray fragment of a sentence's end is made of: closing quotes and brackets, stops.
FRAGMENT_CHARS = frozenset("\"'\u201d\u2019\u201c\u2018\u00bb\u00ab)]}.,;:!?\u2026 ")
_FRAGMENT = "".join(sorted(FRAGMENT_CHARS))


def _fragment(content: str) -> bool:
    """A line of closing quotes, brackets and stops only (``'``, ``." ``, ``)``): nothing left
    once they are stripped (a scan in C; most lines stop it at their first character)."""
    return not content.strip(_FRAGMENT)
