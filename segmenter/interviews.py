"""An interviewer's question: no story opens on it.

An interview printed as questions and answers puts the interviewer's questions in paragraphs of
their own ("Did the army's September 29, 2016 surgical strikes define our new red lines ...?",
"Do you see an emerging threat in the new China-Pakistan proximity ...?"; ``CueSet``
``question_turn``: a paragraph that ends on its own question mark, not on a quotation's). Each
question brings in the matter of the answer after it, so the boundary model's vocabulary features
read it as a new story's lede (log-odds -2 to 0 in training dumps of Inshorts' stories) and the
decoder cut before it. A question among others (another within ``reach`` paragraphs) is a turn of
an interview, so, before decoding, each gap before a question of at least ``min_words`` words
with another such question within ``reach`` paragraphs loses ``penalty`` log-odds. A story that
opens on a question ("How tall were you when you were eight?") has none near it. Settings in
``data/interviews.json``, chosen on training dumps of the news corpora (``python -m
tests.benchmarks.bench_split --part train``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpuscut.text.datafiles import numbers_of, read_json

INTERVIEWS_RESOURCE = "data/interviews.json"


@dataclass(frozen=True)
class InterviewRules:
    """What a cut before an interviewer's question loses (the module's docstring)."""

    #: The log-odds a gap before such a question loses; 0: none.
    penalty: float = 0.0
    #: Only questions of at least this many words: a paragraph's, not a title's (a help page's
    #: "How do I test if color management is working correctly?", an FAQ's question).
    min_words: int = 16
    #: Another such question within this many paragraphs before or after makes it a turn.
    reach: int = 4


def load_interview_rules(path: Path | str | None = None) -> InterviewRules:
    """The shipped rules, or those of a file of the same form."""
    return numbers_of(InterviewRules, read_json("corpuscut.segmenter", INTERVIEWS_RESOURCE, path))


def question_loss(questions: np.ndarray, words: np.ndarray, rules: InterviewRules) -> np.ndarray:
    """Per gap (gap g lies before block g + 1), the log-odds it loses: ``rules.penalty`` before
    each block that ``questions`` marks and that holds at least ``rules.min_words`` words, where
    another such block lies within ``rules.reach`` blocks of it; 0 elsewhere."""
    out = np.zeros(max(0, len(questions) - 1))
    turns = questions & (words >= rules.min_words)
    if rules.penalty <= 0 or not len(out) or np.count_nonzero(turns) < 2:
        return out
    at = np.flatnonzero(turns)
    # the nearest other such question, before or after
    gaps = np.diff(at)
    near = np.zeros(len(at), dtype=bool)
    near[:-1] |= gaps <= rules.reach
    near[1:] |= gaps <= rules.reach
    chosen = at[near]
    chosen = chosen[chosen >= 1]
    out[chosen - 1] = -rules.penalty
    return out
