"""Numbered sections: a line that heads one of a run of numbered sections ("Tip #3 - Avoid
phishing scams", "4 - Dolmenwood", "7. Pick a paint palette") is a section of one article (a
list of tips, a countdown, a guide's steps), not the headline of an article of its own, where
another line of the same text is numbered one more or one less in the same form: its label
("Tip #", "Step", none) and the mark after the number ("-", ".", ")") alike. A dump of news
stories puts no two headlines numbered one apart in one form side by side.

The pattern and the longest such line are in ``data/sections.json`` (``numbered_section``,
``numbered_max_words``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable

#: A numbered line's form: its label (lower-cased, without spaces: "tip#"), the mark after its number and
#: the number's parts before its last ("4" of "4.2").
Form = tuple[str, str, tuple[int, ...]]


@dataclass(frozen=True)
class NumberedRules:
    """What heads a numbered section: ``pattern`` (a regular expression matched at a line's start,
    with the groups ``label``, ``number`` and ``mark``; None: no line does), on a line of at most
    ``max_words`` words."""

    pattern: str | None = None
    max_words: int = 18

    @cached_property
    def compiled(self) -> "re.Pattern[str] | None":
        return None if self.pattern is None else re.compile(self.pattern)


def numbered(line: str, pattern: "re.Pattern[str]", max_words: int) -> tuple[Form, int] | None:
    """The form and number of a line that heads a numbered section (None: it does not): a
    section "4.2" is number 2 of the form of "4.1", "4.3"."""
    if len(line.split(None, max_words)) > max_words:
        return None
    match = pattern.match(line)
    if match is None:
        return None
    label = "".join((match.group("label") or "").split()).lower()
    *outer, number = (int(part) for part in match.group("number").split("."))
    return (label, match.group("mark").strip(), tuple(outer)), number


def numbered_heads(cuts: list[int], text_of: Callable[[int], str], blocks: int, rules: NumberedRules) -> set[int]:
    """Of ``cuts`` (block indices), those whose block heads a numbered section with a neighbour
    number in the same form heading another of the ``blocks`` blocks (``text_of(b)``: block b's
    text). Only the cuts' own lines are read unless one of them is numbered."""
    pattern = rules.compiled
    if pattern is None or not cuts:
        return set()
    mine = {c: numbered(text_of(c), pattern, rules.max_words) for c in cuts}
    mine = {c: found for c, found in mine.items() if found is not None}
    if not mine:
        return set()
    numbers: dict[Form, dict[int, set[int]]] = {}
    for b in range(blocks):
        found = mine.get(b) or numbered(text_of(b), pattern, rules.max_words)
        if found is not None:
            form, number = found
            numbers.setdefault(form, {}).setdefault(number, set()).add(b)
    return {c for c, (form, number) in mine.items()
            if numbers[form].get(number - 1, set()) - {c} or numbers[form].get(number + 1, set()) - {c}}
