"""A photo's caption: no story opens on it.

News written for the web puts its photos' captions among its paragraphs, each naming the
people in the picture and where they stand ("leicester 's andrej kramaric ( right ) is closed
down by teammate richie de laet ( left ) during training .", "Prince Harry (left) and ...";
``CueSet`` ``caption``). A caption names new people in new words, so the boundary model's
vocabulary features read the paragraph as a new story's lede (log-odds -2 to 0 in dumps of
lower-cased CNN/DailyMail stories without headlines) and the decoder cut before it. No story
opens on its picture's caption, so, before decoding, each gap before a paragraph that opens as
a caption does loses ``penalty`` log-odds. Settings in ``data/captions.json``, chosen on
training dumps of the news corpora (``python -m tests.benchmarks.bench_split --part train``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpuscut.text.datafiles import numbers_of, read_json

CAPTIONS_RESOURCE = "data/captions.json"


@dataclass(frozen=True)
class CaptionRules:
    """What a cut before a caption loses (the module's docstring)."""

    #: The log-odds a gap before a caption loses; 0: none.
    penalty: float = 0.0


def load_caption_rules(path: Path | str | None = None) -> CaptionRules:
    """The shipped rules, or those of a file of the same form."""
    return numbers_of(CaptionRules, read_json("corpuscut.segmenter", CAPTIONS_RESOURCE, path))


def caption_loss(captions: np.ndarray, rules: CaptionRules) -> np.ndarray:
    """Per gap (gap g lies before block g + 1), the log-odds it loses: ``rules.penalty`` before
    each block that ``captions`` marks, 0 elsewhere."""
    out = np.zeros(max(0, len(captions) - 1))
    if rules.penalty > 0 and len(out):
        out[captions[1:]] = -rules.penalty
    return out
