"""Lines that repeat words of the lines around them: captions and pull quotes.

A caption or a pull quote is short and has no final stop, like a headline; unlike a headline it
repeats, word for word, part of a paragraph of its own article. A short line whose words (at
least ``min_words`` of them, punctuation and case aside) stand in the same order inside a line
at most ``reach`` lines away echoes its article, and speaks against an article starting there.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: Characters stripped from each word's ends before comparing (a caption drops the commas).
PUNCTUATION = ".,;:!?\"'()[]{}\u2018\u2019\u201c\u201d\u00ab\u00bb\u2026-\u2013\u2014*"
#: Only this many characters of a neighbouring line are searched (bounded work on a huge line).
MAX_NEIGHBOUR_CHARS = 20_000


def _normal(text: str) -> str:
    """The text's words lower-cased and stripped of punctuation, each between single spaces."""
    words = (w.strip(PUNCTUATION) for w in text[:MAX_NEIGHBOUR_CHARS].lower().split())
    return " " + " ".join(w for w in words if w) + " "


def echoes(texts: Sequence[str], candidates: np.ndarray, min_words: int, reach: int) -> np.ndarray:
    """For each text flagged in ``candidates``: True where its words stand, in order, inside
    another text at most ``reach`` places away."""
    out = np.zeros(len(texts), dtype=bool)
    normal: dict[int, str] = {}

    def get(i: int) -> str:
        if i not in normal:
            normal[i] = _normal(texts[i])
        return normal[i]

    for i in np.flatnonzero(candidates).tolist():
        key = get(i)
        if key.count(" ") - 1 < min_words:
            continue
        lo, hi = max(0, i - reach), min(len(texts), i + reach + 1)
        out[i] = any(key in get(j) for j in range(lo, hi) if j != i and len(texts[j]) > len(texts[i]))
    return out
