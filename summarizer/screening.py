"""Which of many regular expressions may match somewhere in a text, told by one pass of RE2.

Page furniture is some hundred patterns (``data/furniture.json``), and most texts hold none of
it: asking Python's engine pattern by pattern, each a scan of the text (one not led by a literal
is tried at every character), cost a summary more than its features. RE2 runs all of them
together in one linear pass (``re2.Set``) and names those that match; Python's engine is then
asked only about those, so every answer is still its own.

The pass is a screen, never a judge: it may name a pattern that Python's engine then does not
find, never pass over one that it would. So a pattern RE2 reads differently is screened in a
looser form or not at all: look-arounds are left out of its screened form and bounded repeats
unbounded (the form matches wherever the pattern does), and a pattern RE2 cannot read is
always named. A text is screened
only where RE2's classes agree with Python's on every character of it: RE2's ``\\w``, ``\\d``,
``\\s`` and ``\\b`` are ASCII's, Python's Unicode's, so a text with a letter, digit or space
outside ASCII (or one of the ASCII controls Python counts as space and RE2 not) is not screened:
every pattern may match it.
"""

from __future__ import annotations

import re
from typing import Sequence

#: A non-ASCII character in a text (where the text is not ASCII, each is looked at).
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: ASCII controls that Python's ``\s`` matches and RE2's does not.
_SPACES_APART = "\x0b\x1c\x1d\x1e\x1f"
#: Python's ``\uXXXX`` escape (not itself escaped), which RE2 does not read.
_UNICODE_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)(\\u[0-9a-fA-F]{4})")
#: A bounded repeat, lazy or not ("{1,40}", "{0,60}?", "{,3}"; Python reads "{,3}" as "{0,3}").
_BOUNDS = re.compile(r"\{(\d*),(\d+)\}\??")
_POSIX_CLASS = re.compile(r"\[:\^?[a-z]+:\]")
#: A screened form that matches at a line's start only.
_LINE_START = re.compile(r"(?:\(\?[imsx]+\))?\^")
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
#: Marks the end of a screened text: a pass that stopped short of it (RE2 out of memory) is
#: told by its absence, and then no pattern is ruled out.
_SENTINEL = "\n\x00"


def _class_end(source: str, start: int) -> int:
    """The index just after the character class that opens at ``start`` (a "]" first in it, or
    after its "^", is a member, as Python reads it)."""
    i = start + 1
    if source.startswith("^", i):
        i += 1
    if source.startswith("]", i):
        i += 1
    while i < len(source) and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i + 1


def _group_end(source: str, start: int) -> int | None:
    """The index just after the group that opens at ``start`` (None when it is not closed)."""
    depth, i = 0, start
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(source, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def _loosened(source: str) -> str | None:
    """``source`` in a form that matches wherever it does and that RE2 reads as Python would:
    its look-arounds left out, its bounded repeats unbounded ("{0,60}?" as "*": RE2 builds one
    state of its automaton for each count, and a hundred patterns' counts together made it build
    states anew on most texts), Python's "\\uXXXX" escapes as the characters; None where that
    cannot be done plainly (a look-around not closed, or repeated)."""
    out: list[str] = []
    i = 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            out.append(_unescaped(source[i: i + 6]) if source.startswith("\\u", i) else source[i: i + 2])
            i += 6 if source.startswith("\\u", i) else 2
        elif c == "[":
            end = _class_end(source, i)
            out.append(_UNICODE_ESCAPE.sub(lambda m: m.group(1) + _unescaped(m.group(2)), source[i: end]))
            i = end
        elif c == "(" and source.startswith(_LOOKAROUNDS, i):
            end = _group_end(source, i)
            if end is None or source[end: end + 1] in ("*", "+", "?", "{"):
                return None
            i = end
        elif c == "{" and (bounds := _BOUNDS.match(source, i)) is not None:
            least = int(bounds.group(1) or 0)
            out.append("*" if least == 0 else "+" if least == 1 else f"{{{least},}}")
            i = bounds.end()
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _unescaped(escape: str) -> str:
    """The character of a "\\uXXXX" escape (or of its hex digits alone), escaped for a pattern."""
    return re.escape(chr(int(escape[-4:], 16)))


def screened_form(pattern: re.Pattern[str]) -> str | None:
    """The RE2 form of ``pattern`` that matches wherever it does, or None where there is none
    that can be told plainly (Python syntax that RE2 reads otherwise, or does not read)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.VERBOSE | re.LOCALE):
        return None
    source = pattern.pattern
    # RE2 reads "[:alpha:]" as a class, Python as the characters; "{,}" the other way. Without MULTILINE, Python's
    # "$" matches before a last line break too, and RE2's does not.
    if _POSIX_CLASS.search(source) or "{,}" in source or "\\Z" in source or (not pattern.flags & re.MULTILINE and "$" in source):
        return None
    loose = _loosened(source)
    if loose is None or "(?P=" in loose or re.search(r"\\[1-9]", loose):
        return None
    flags = "".join(f for f, bit in (("i", re.IGNORECASE), ("m", re.MULTILINE), ("s", re.DOTALL)) if pattern.flags & bit)
    return f"(?{flags}){loose}" if flags else loose


def screenable(text: str) -> bool:
    """Whether RE2's classes read every character of ``text`` as Python's do: no letter, digit
    or space outside ASCII, and none of the ASCII controls that only Python counts as space."""
    if any(map(text.__contains__, _SPACES_APART)):
        return False
    return text.isascii() or not any(c.isalnum() or c.isspace() for c in set(_NON_ASCII.findall(text)))


class Screen:
    """Screens texts for ``patterns`` (Python's, compiled): :meth:`candidates` names those that
    may match somewhere in a text."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]):
        self.size = len(patterns)
        self._sets: list[tuple[object, list[int]]] = []  # each RE2 set, and the pattern of each of its entries
        self._always: frozenset[int] = frozenset(range(self.size))  # those never screened
        try:
            import re2
        except ImportError:  # pragma: no cover - a dependency; without it nothing is screened
            return
        options = re2.Options()
        options.log_errors = False  # a pattern it cannot read is simply not screened
        options.max_mem = 64 << 20
        # Patterns that match at a line's start apart from the others, in two sets: one
        # automaton of both kept states of each kind alive together, and built many more
        # (twice the time on news).
        groups: tuple[list[tuple[int, str]], list[tuple[int, str]]] = ([], [])
        always = set()
        for index, pattern in enumerate(patterns):
            form = screened_form(pattern)
            if form is None:
                always.add(index)
            else:
                groups[bool(_LINE_START.match(form))].append((index, form))
        for group in groups:
            matcher = re2.Set.SearchSet(options)
            ids: list[int] = []
            for index, form in group:
                try:
                    matcher.Add(form)
                except Exception:  # noqa: BLE001 - re2.error: the pattern is not screened
                    always.add(index)
                    continue
                ids.append(index)
            try:
                matcher.Add(re.escape(_SENTINEL))  # the last entry: len(ids)
                matcher.Compile()
            except Exception:  # noqa: BLE001 - nothing screened
                self._sets = []
                return
            self._sets.append((matcher, ids))
        self._always = frozenset(always)

    def candidates(self, text: str) -> frozenset[int] | None:
        """The indices of the patterns that may match somewhere in ``text`` (every one that
        does, and perhaps a few that do not); None where ``text`` cannot be screened (every
        pattern may)."""
        if not self._sets or not screenable(text):
            return None
        try:
            data = (text + _SENTINEL).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no UTF-8 for RE2 to read
            return None
        named = set(self._always)
        for matcher, ids in self._sets:
            found = matcher.Match(data) or ()  # type: ignore[attr-defined]
            if len(ids) not in found:
                return None  # the pass stopped short of the sentinel
            named.update(ids[k] for k in found if k < len(ids))
        return frozenset(named)
