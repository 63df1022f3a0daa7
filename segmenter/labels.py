"""A paragraph that ends on a link's label: its story ends there.

A scrape of a news site keeps the label of a link to a related story and loses the link, and
the label stays glued to the end of the story's last paragraph ("... to State Election
Commissioner SK Srivastava. Also read:"; ``CueSet`` ``label_end``). A label on a line of its
own is an aside, which the boundary model weighs as a story's close; glued to a paragraph it is
none, and the paragraph's colon counts against a cut after it (``colon_before``, -2.6 log-odds),
so the next story's first paragraph is left uncut (log-odds -4 to -3 in training dumps of
Inshorts' headless stories). So, before decoding, each gap after a paragraph of at least
``min_words`` words that ends on such a label gains ``bonus`` log-odds where the block after it
is a paragraph of at least ``next_min_words`` words (not the short title of the linked story,
which belongs to the label). Settings in ``data/labels.json``, chosen on training dumps of the
news corpora (``python -m tests.benchmarks.bench_split --part train``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpuscut.text.datafiles import numbers_of, read_json

LABELS_RESOURCE = "data/labels.json"


@dataclass(frozen=True)
class LabelRules:
    """What a gap after a paragraph that ends on a link's label gains (the module's docstring)."""

    #: The log-odds such a gap gains; 0: none.
    bonus: float = 0.0
    #: Only after a paragraph of at least this many words (a label alone is an aside line).
    min_words: int = 8
    #: Only before a paragraph of at least this many words (a short line under the label is the
    #: linked story's title).
    next_min_words: int = 16


def load_label_rules(path: Path | str | None = None) -> LabelRules:
    """The shipped rules, or those of a file of the same form."""
    return numbers_of(LabelRules, read_json("corpuscut.segmenter", LABELS_RESOURCE, path))


def label_gain(labelled: np.ndarray, words: np.ndarray, rules: LabelRules) -> np.ndarray:
    """Per gap (gap g lies before block g + 1), the log-odds it gains: ``rules.bonus`` after each
    block that ``labelled`` marks (it ends on a link's label) and that holds at least
    ``rules.min_words`` words, where the block after it holds at least ``rules.next_min_words``;
    0 elsewhere."""
    out = np.zeros(max(0, len(labelled) - 1))
    if rules.bonus <= 0 or not len(out):
        return out
    at = labelled[:-1] & (words[:-1] >= rules.min_words) & (words[1:] >= rules.next_min_words)
    out[at] = rules.bonus
    return out
