"""Lines that repeat words of the lines around them: captions and pull quotes.

A caption or a pull quote is short and has no final stop, like a headline; unlike a headline it
repeats, word for word, part of a paragraph of its own article. A short line whose words (at
least ``min_words`` of them, punctuation and case aside) stand in the same order inside a line
at most ``reach`` lines away echoes its article, and speaks against an article starting there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

#: Punctuation left out before comparing (a caption drops the commas; "U.S." and "US" match).
PUNCTUATION = ".,;:!?\"'()[]{}\u2018\u2019\u201c\u201d\u00ab\u00bb\u2026-\u2013\u2014*"
#: The ASCII part of PUNCTUATION, deleted from ASCII text as bytes (str.translate with a
#: table looks up every character: several times slower on the lines of a section).
_ASCII_DROP = bytes(ord(c) for c in PUNCTUATION if ord(c) < 128)
_PUNCTUATION = re.compile("[" + re.escape(PUNCTUATION) + "]")
#: Only this many characters of a neighbouring line are searched (bounded work on a huge line).
MAX_NEIGHBOUR_CHARS = 2_000
#: A short line whose words open the line right under it (within its first this many words:
#: "Add an account" / "Add an account to link your ...", "Die Häufigkeit von Datensicherungen
#: hängt ...") is a headline that its first paragraph restates, not a caption.
LEDE_OPENING_WORDS = 3


def _bare(text: str) -> str:
    """The text lower-cased without punctuation (white space as it was)."""
    text = text[:MAX_NEIGHBOUR_CHARS].lower()
    if text.isascii():
        return text.encode("ascii").translate(None, _ASCII_DROP).decode("ascii")
    return _PUNCTUATION.sub("", text)


def echoes(texts: Sequence[str], candidates: np.ndarray, min_words: int, reach: int) -> np.ndarray:
    """For each text flagged in ``candidates``: True where its words (lower-cased, without
    punctuation) stand, in order and between word boundaries, inside another, longer text at
    most ``reach`` places away (not counting the opening words of the text right after it)."""
    out = np.zeros(len(texts), dtype=bool)
    bare: dict[int, str] = {}
    spaced: dict[int, str] = {}  # the words between single spaces, a space at each end
    sizes = [len(text) for text in texts]
    for i in np.flatnonzero(candidates).tolist():
        own = bare.get(i)
        if own is None:
            own = bare[i] = _bare(texts[i])
        words = own.split()
        if len(words) < min_words:
            continue
        key = " " + " ".join(words) + " "
        longest = max(words, key=len)  # in the bare text of any line the key stands in
        size = sizes[i]
        # the neighbours in turn, each looked at (and made bare) only as far as it must be
        for j in range(max(0, i - reach), min(len(texts), i + reach + 1)):
            if j == i or sizes[j] <= size:
                continue
            other = bare.get(j)
            if other is None:
                other = bare[j] = _bare(texts[j])
            if longest not in other:
                continue
            words_of = spaced.get(j)
            if words_of is None:
                words_of = spaced[j] = " " + " ".join(other.split()) + " "
            if key in words_of and not (j == i + 1 and _opens(key, words_of)):
                out[i] = True
                break
    return out


def _opens(key: str, spaced: str) -> bool:
    """Whether ``key`` (spaced words) stands within the first LEDE_OPENING_WORDS words of
    ``spaced`` (and nowhere else in it)."""
    at = spaced.find(key)
    return 0 <= at and spaced.count(" ", 0, at) <= LEDE_OPENING_WORDS and spaced.find(key, at + 1) < 0
