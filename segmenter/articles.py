"""Article records: lossless spans of the input with a title, a score and reasons."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TITLE_MAX_CHARS = 100


@dataclass(frozen=True)
class Article:
    """One article: ``text == input[start:end]``; lines are 1-based and inclusive."""

    index: int
    start: int
    end: int
    start_line: int
    end_line: int
    text: str
    title: str
    score: float
    #: White-space words of ``text`` (as ``len(text.split())`` counts them).
    words: int
    reasons: tuple[str, ...] = field(default_factory=tuple)
    #: Each cue's contribution to the cut's log-odds (weight times value), largest first.
    evidence: tuple[tuple[str, float], ...] = field(default_factory=tuple)


_WORDS = re.compile(r"\S+")
#: Longer texts are counted without splitting them into a list of words (bounded memory).
SPLIT_COUNT_CHARS = 100_000


def count_words(text: str) -> int:
    """Whitespace-separated words of ``text``."""
    if len(text) <= SPLIT_COUNT_CHARS:
        return len(text.split())
    return _WORDS.subn("", text)[1]


def make_title(first_line: str, headline_max_words: int, is_headline: bool) -> str:
    """The article's headline, or its opening words when it has none (white space
    normalised; "…" where words were left out)."""
    head = first_line[: 20 * TITLE_MAX_CHARS]
    if is_headline:
        line = " ".join(head.split())
        if len(line) <= TITLE_MAX_CHARS:
            return line
    keep = headline_max_words // 2 + 3
    parts = head.split(maxsplit=keep)  # the words kept, and the rest of the line unsplit
    words = parts[:keep]
    title = shown = " ".join(words)
    if len(title) > TITLE_MAX_CHARS:
        title = title[: TITLE_MAX_CHARS - 1].rstrip()
    return title + ("…" if len(parts) > keep or title != shown else "")
