"""A dump of headless stories: a lede after another story's last paragraph.

Stories glued without their headlines (one paragraph after another, apart by the same blank
lines) on one field share their names and words, so the boundary model's vocabulary features
move little where the next story starts, which then scores where a paragraph inside a story
does (log-odds -7 to 0) and is left uncut. What a reader still sees there is the lede's shape,
and the last paragraph's: the new story opens on a paragraph of one sentence (where most hold
several) that names its subject and says what it has done or will do ("Tennis star Kim
Clijsters will make her return ..."; ``CueSet`` ``lede_opening``), or it follows a paragraph
that ends on a quotation's close (``quotation_end``), as a story's last paragraph often does.
Or the paragraph after it describes whom the lede named (``back_reference``: "Top seed Lindsay
Davenport booked her place ..." and then "The American had too much power ..."). One of these
alone is common inside a story (a short paragraph, a quotation); the lede with either is rare
there.

So, before decoding, in a text with ledes to tell and no headlines (the boundary model's
``lede_after`` fires somewhere and ``lede_in_headed_text`` nowhere) that opens the way its
stories do, on a one-sentence paragraph (``opening``), each gap where ``lede_after`` fires and
the lede opens as one or follows a quotation's end gains ``bonus`` log-odds, where at least
``min_gaps`` such gaps are in the text. Settings in ``data/headless.json``, chosen on training
dumps of the news corpora (``python -m tests.benchmarks.bench_split --part train``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpuscut.text.datafiles import numbers_of, read_json

HEADLESS_RESOURCE = "data/headless.json"


@dataclass(frozen=True)
class HeadlessRules:
    """When a lede after a paragraph gains log-odds (the module's docstring)."""

    #: The log-odds such a lede gains; 0: none.
    bonus: float = 0.0
    #: Only in a text of at least this many such gaps.
    min_gaps: int = 1
    #: Only in a text that opens on a one-sentence paragraph, as a dump of headless stories does.
    opening: bool = False
    #: Only where the lede's first content word is none of the words of this many paragraphs
    #: before it: a lede names its subject for the first time, a paragraph inside a story names
    #: it again ("Mayweather, who turns 40 next month, has teased ..."); 0: not asked.
    subject_reach: int = 0
    #: In cased text, a lede's subject is new too where one of the names among its first words
    #: (a capitalised word after its first) is none of the words of the ``subject_reach``
    #: paragraphs before: a story on one field opens on a word the story before used ("Top seed
    #: Lindsay Davenport booked ...", "Tennis star Kim Clijsters will ..."), then on a new name.
    subject_names: bool = False
    #: Where the paragraph after the lede refers back to whom it named ("The American had too
    #: much power ...", "The 18-year-old Mirza ...": ``CueSet.refers_back``), the lede is of a
    #: lede's shape too (its first content word still new).
    back_reference: bool = False
    #: In cased text, a lede's subject counts as new too where it opens on a full name (two
    #: capitalised words in a row among its first ``OPENING_WORDS`` words, its first word
    #: included) whose last word the ``subject_reach`` paragraphs before used: a story names its
    #: subject in full even where the story before named them ("Lleyton Hewitt suffered a shock
    #: defeat ..." after "... to marry fellow tennis star Lleyton Hewitt ..."), a paragraph inside
    #: a story names them by surname ("Hewitt said ...").
    reintroduced_names: bool = False
    #: A one-sentence paragraph of at least this many words but fewer than the cues'
    #: ``lede_min_words`` counts as a lede here too, where nothing else stands against a cut
    #: before it (no end-of-article cue, no headline above, no more blank lines than usual): a
    #: short lede ("Olympic champion Justine Henin-Hardenne will return to action in January's
    #: Sydney International tournament.", 13 words). 0: only the boundary model's ``lede_after``.
    short_lede_words: int = 0


def load_headless_rules(path: Path | str | None = None) -> HeadlessRules:
    """The shipped rules, or those of a file of the same form."""
    return numbers_of(HeadlessRules, read_json("corpuscut.segmenter", HEADLESS_RESOURCE, path))


def lede_gain(ledes: np.ndarray, headed: bool, opens_lede: bool, lede_opening: np.ndarray,
              quotation_end: np.ndarray, new_subject: np.ndarray, rules: HeadlessRules,
              refers_back: np.ndarray | None = None) -> np.ndarray:
    """Per gap, the log-odds a lede gains there. ``ledes[g]``: the boundary model's
    ``lede_after`` fires at gap g; ``headed``: the text has headlines; ``opens_lede``: its first
    block is a one-sentence paragraph; per block, ``lede_opening``: it opens as a lede does, and
    ``quotation_end``: it ends on a quotation's close, and ``new_subject``: its first content
    word is new to the paragraphs before it (:func:`new_subjects`), and ``refers_back``: it opens
    on a description of someone just named (None: not asked)."""
    out = np.zeros(len(ledes))
    if rules.bonus <= 0 or headed or not ledes.any() or len(lede_opening) != len(ledes) + 1:
        return out
    if rules.opening and not opens_lede:
        return out
    shape = lede_opening[1:] | quotation_end[:-1]
    if rules.back_reference and refers_back is not None:
        # the paragraph after the lede (block g + 2) refers back to whom the lede named
        shape[:-1] |= refers_back[2:]
    shaped = ledes & shape & new_subject[1:]
    if np.count_nonzero(shaped) < rules.min_gaps:
        return out
    out[shaped] = rules.bonus
    return out


#: A word of a line, as :func:`new_names` reads its names.
WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: How many of a lede's first words, in how many of its first characters, are looked at for names.
NAME_WORDS = 6
NAME_CHARS = 200


def new_names(texts: list[str], blocks: np.ndarray, reach: int) -> np.ndarray:
    """Per block, True for each of ``blocks`` among whose first NAME_WORDS words a capitalised
    word after the first (a name: "Top seed Lindsay Davenport", "Tennis star Kim Clijsters") is
    none of the words of the ``reach`` blocks before it, case aside; False elsewhere."""
    out = np.zeros(len(texts), dtype=bool)
    for b in blocks.tolist():
        if b < 1:
            continue
        words = WORD.findall(texts[b][:NAME_CHARS])[:NAME_WORDS]
        # a full name: two capitalised words in a row, after the first word
        names = [w for i, w in enumerate(words) if i >= 1 and w[0].isupper()
                 and ((i + 1 < len(words) and words[i + 1][0].isupper()) or (i >= 2 and words[i - 1][0].isupper()))]
        if not names:
            continue
        seen = set(WORD.findall(" ".join(texts[max(0, b - reach): b]).lower()))
        out[b] = any(name.lower() not in seen for name in names)
    return out


#: How many of a paragraph's first words a full name that opens it may start at (see
#: ``HeadlessRules.reintroduced_names``).
OPENING_WORDS = 3


def reintroduced_names(texts: list[str], blocks: np.ndarray, reach: int) -> np.ndarray:
    """Per block, True for each of ``blocks`` that opens on a full name (two capitalised words in
    a row, the first among its first OPENING_WORDS words) whose last word is one of the words of
    the ``reach`` blocks before it, case aside; False elsewhere."""
    out = np.zeros(len(texts), dtype=bool)
    for b in blocks.tolist():
        if b < 1:
            continue
        words = WORD.findall(texts[b][:NAME_CHARS])[:OPENING_WORDS + 1]
        pair = next((i for i in range(len(words) - 1) if words[i][0].isupper() and words[i + 1][0].isupper()), None)
        if pair is None:
            continue
        seen = set(WORD.findall(" ".join(texts[max(0, b - reach): b]).lower()))
        out[b] = words[pair + 1].lower() in seen
    return out


def short_ledes(words: np.ndarray, terminal: np.ndarray, one_sentence: np.ndarray, free: np.ndarray,
                least: int, most: int) -> np.ndarray:
    """Per gap (before block g + 1), whether the block after it is a short lede: one sentence
    (``one_sentence``: no sentence break inside it) that ends a sentence (``terminal``), of
    ``least`` words or more and fewer than ``most``, where ``free`` (per gap: nothing else stands
    against a cut)."""
    after = slice(1, None)
    return (free & terminal[after] & one_sentence[after] & (words[after] >= least) & (words[after] < most))


def new_subjects(starts: np.ndarray, ids: np.ndarray, blocks: np.ndarray, reach: int) -> np.ndarray:
    """Per block, True where ``reach`` is 0, or for each of ``blocks`` whose first content
    word (its first stem id; ``starts`` and ``ids`` as in ``StemIds``) is none of the stems of
    the ``reach`` blocks before it; False for a listed block without content words."""
    n = len(starts) - 1
    if reach <= 0:
        return np.ones(n, dtype=bool)
    out = np.zeros(n, dtype=bool)
    for b in blocks.tolist():
        if b < 1 or starts[b + 1] == starts[b]:
            continue
        first = ids[starts[b]]
        out[b] = not (ids[starts[max(0, b - reach)]: starts[b]] == first).any()
    return out
