"""The literal strings that a regular expression cannot match without: a quick test (``in``, a
scan in C) that rules a pattern out of a text before the regular-expression engine looks.

A pattern such as ``(?<![\\w.])@\\w+[^\\n]*#\\w`` starts with no literal, so the engine tries it
at every character of the text; yet it can only match a text holding both "@" and "#", and most
texts hold neither. :func:`required_literals` reads those out of the parsed pattern (Python's
own parser), so that rules kept as data need no hand-written test beside them.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # Python 3.11 on
    from re import _constants as _codes  # type: ignore[attr-defined]
    from re import _parser as _parsing  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _codes  # type: ignore[no-redef]
    import sre_parse as _parsing  # type: ignore[no-redef]


def required_literals(pattern: re.Pattern[str]) -> frozenset[str]:
    """Strings that every match of ``pattern`` holds (an empty set where none can be told: a
    pattern that ignores case, or one the parser here does not read)."""
    if not isinstance(pattern.pattern, str):
        return frozenset()
    return _required_of(pattern.pattern, pattern.flags)


@lru_cache(maxsize=1024)
def _required_of(source: str, flags: int) -> frozenset[str]:
    # Keyed by the pattern's text (its hash is kept): a compiled pattern's hash runs over its code.
    if flags & re.IGNORECASE:
        return frozenset()
    try:
        return frozenset(_required(list(_parsing.parse(source, flags))))
    except Exception:  # noqa: BLE001 - a parser of another version: no test, never a wrong one
        return frozenset()


def _required(items: list[tuple[object, object]]) -> set[str]:
    """The literals a sequence of parsed items requires: each run of literal characters, and
    what the items within it require."""
    out: set[str] = set()
    run: list[str] = []
    for op, arg in items:
        if op is _codes.LITERAL:
            run.append(chr(arg))  # type: ignore[arg-type]
            continue
        if run:
            out.add("".join(run))
            run = []
        if op is _codes.SUBPATTERN:
            _group, add_flags, _del_flags, sub = arg  # type: ignore[misc]
            if not add_flags & re.IGNORECASE:
                out |= _required(list(sub))
        elif op in (_codes.MAX_REPEAT, _codes.MIN_REPEAT):
            least, _most, sub = arg  # type: ignore[misc]
            if least >= 1:
                out |= _required(list(sub))
        elif op is _codes.BRANCH:
            _none, branches = arg  # type: ignore[misc]
            common: set[str] | None = None
            for branch in branches:
                found = _required(list(branch))
                common = found if common is None else common & found
            out |= common or set()
    if run:
        out.add("".join(run))
    return out
