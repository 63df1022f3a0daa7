"""A dump of headed stories: a headline over a lede, where the text's headlines head ledes.

News written for the web opens each story on a headline and a one-sentence first paragraph (its
lede), and goes on in paragraphs of several sentences. Glued one after another, stories on one
field (tennis after tennis, one market's reports after another's) share their names and words,
so the boundary model's vocabulary features move little at each headline, which then scores
where a subhead scores (log-odds -4 to +3) and is left uncut, or merged back as one article's
section. What tells a reader the headline opens a story is the layout the text repeats: most of
its headlines stand over a lede. A subhead inside an article heads a paragraph like the others,
and a text of captions, pull quotes and subheads shows no such rhythm.

So, before decoding, in a text laid out in ledes (most paragraphs of lede length hold several
sentences) with at least ``min_headlines`` headlines over a longer text, of which at least
``min_share`` stand over a one-sentence paragraph, each such headline over a lede gains
``bonus`` log-odds. Settings in ``data/headed.json``, chosen on training dumps of the news
corpora (``python -m tests.benchmarks.bench_split --part train``), WCXB's training pages' main
texts and the help's tune dumps.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpuscut.text.datafiles import numbers_of, read_json

HEADED_RESOURCE = "data/headed.json"


@dataclass(frozen=True)
class HeadedRules:
    """When a headline over a lede gains log-odds (the module's docstring)."""

    #: The log-odds a headline over a lede gains; 0: none.
    bonus: float = 0.0
    #: Only in a text of at least this many headlines over a longer text ...
    min_headlines: int = 3
    #: ... of which at least this share stand over a one-sentence paragraph.
    min_share: float = 1.0
    #: Only in a text that opens the way its stories do, on a headline over a lede (a dump of
    #: headed stories; a web article opens on its own first paragraph, its subheads below).
    opening: bool = False


def load_headed_rules(path: Path | str | None = None) -> HeadedRules:
    """The shipped rules, or those of a file of the same form."""
    return numbers_of(HeadedRules, read_json("corpuscut.segmenter", HEADED_RESOURCE, path))


def lede_bonus(heads: np.ndarray, one_sentence: np.ndarray, long_enough: np.ndarray, rules: HeadedRules,
               opens_headed: bool = True) -> np.ndarray:
    """Per gap, the log-odds a headline over a lede gains there. ``heads[g]``: a headline over
    a longer text lies after gap g (block g + 1); per block, ``one_sentence``: a paragraph of
    one sentence of lede length, ``long_enough``: a paragraph of lede length; ``opens_headed``:
    the text's first line is headline-shaped (its second, then, a lede or not)."""
    out = np.zeros(len(heads))
    count = int(np.count_nonzero(heads))
    if rules.bonus <= 0 or count < rules.min_headlines or len(one_sentence) != len(heads) + 1:
        return out
    if rules.opening and not (opens_headed and one_sentence[1]):
        return out
    # A text of a sentence a line (wire copy, a transcript) has no ledes to tell.
    if not long_enough.any() or one_sentence[long_enough].mean() >= 0.5:
        return out
    over_lede = np.zeros(len(heads), dtype=bool)
    over_lede[:-1] = one_sentence[2:]
    over_lede &= heads
    if np.count_nonzero(over_lede) < rules.min_share * count:
        return out
    out[over_lede] = rules.bonus
    return out
