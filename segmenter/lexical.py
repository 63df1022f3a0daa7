"""Global lexical segmentation (after Utiyama & Isahara 2001, "U00"), joined with cue scores.

Inside a stretch of text that no strong cue cuts, the best segmentation maximises

    sum over cut gaps of  cue_weight * logit(gap)
  - lexical_weight * sum over segments of  (U00 cost(segment) + log(total words))
  - short-article penalties

(log of the text's total words is U00's prior on the number of segments)

where U00's cost of a segment with n content words and counts c_w over a vocabulary of size k
is  n * log(n + k) - sum_w c_w * log(c_w + 1):  the code length of the segment's words under a
Laplace-smoothed unigram model of the segment itself. A segment that keeps one topic's words
together is cheap; one that mixes two topics pays for both vocabularies.

The dynamic programme looks back at most ``max_blocks`` blocks; costs for all start points of
one end point are computed at once with numpy from prefix sums of count vectors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class LexicalParams:
    lexical_weight: float = 1.0
    cue_weight: float = 1.0
    segment_cost: float | None = None  # None: log(total words), as U00
    max_blocks: int = 40
    #: U00's vocabulary size k in n*log(n + k). None: the stretch's own vocabulary, as U00; a
    #: fixed value keeps the cost of a cut the same in a short dump and in a long one.
    vocab_size: float | None = None
    #: Only gaps whose cue score reaches this may be cut: vocabulary alone never cuts where
    #: the cues say "same article" with confidence (it would split long articles).
    candidate_logit: float = -2.0


@dataclass(frozen=True)
class StemIds:
    """The stems of a run of units (blocks, or runs of blocks) as integer ids in one array:
    unit u's are ``ids[starts[u]:starts[u + 1]]``."""

    ids: np.ndarray
    starts: np.ndarray

    @classmethod
    def of(cls, unit_stems: list[list[str]]) -> "StemIds":
        vocab: dict[str, int] = {}
        ids = np.fromiter((vocab.setdefault(t, len(vocab)) for stems in unit_stems for t in stems), dtype=np.int64)
        starts = np.zeros(len(unit_stems) + 1, dtype=np.int64)
        np.cumsum([len(stems) for stems in unit_stems], out=starts[1:])
        return cls(ids, starts)

    @property
    def units(self) -> int:
        return len(self.starts) - 1

    def merged(self, bounds: list[int]) -> "StemIds":
        """Units ``bounds[k]:bounds[k + 1]`` of this run, each merged into one unit."""
        edges = self.starts[bounds]
        return StemIds(self.ids[edges[0]: edges[-1]], edges - edges[0])


def _shared_prefix_counts(units: StemIds) -> tuple[np.ndarray, np.ndarray, int]:
    """Prefix sums of count vectors over the words found in more than one unit, prefix sums
    of the rest's share of the cost, and the number of distinct words. A word found in one
    unit only has the same count in every segment holding that unit, so its term
    c*log(c+1) is a constant of the unit: leaving it out of the vectors changes no cost and
    makes them several times narrower."""
    n = units.units
    words, local = np.unique(units.ids, return_inverse=True)
    vocab = max(1, len(words))
    unit_of = np.repeat(np.arange(n), np.diff(units.starts))
    pairs, counts = np.unique(unit_of * vocab + local, return_counts=True)  # (unit, word), sorted
    pair_unit, pair_word = pairs // vocab, pairs % vocab
    spread = np.bincount(pair_word, minlength=vocab)
    shared = spread[pair_word] >= 2
    column = np.full(vocab, -1, dtype=np.int64)
    shared_words = np.flatnonzero(spread >= 2)
    column[shared_words] = np.arange(len(shared_words))
    prefix = np.zeros((n + 1, max(1, len(shared_words))), dtype=np.int32)
    prefix[pair_unit[shared] + 1, column[pair_word[shared]]] = counts[shared]
    np.cumsum(prefix, axis=0, out=prefix)
    alone = counts[~shared].astype(np.float64)
    own = np.zeros(n + 1, dtype=np.float64)
    np.cumsum(np.bincount(pair_unit[~shared], weights=alone * np.log1p(alone), minlength=n), out=own[1:])
    return prefix, own, len(words)


def segment_boundaries(
    units: StemIds,
    logits: list[float],
    words: list[int],
    min_words: int,
    short_penalty: float,
    params: LexicalParams,
) -> list[int]:
    """Units (indices > 0) that start a new segment in this stretch of units."""
    n = units.units
    if n <= 1:
        return []
    prefix, own, vocab = _shared_prefix_counts(units)
    lengths = units.starts.astype(np.float64)
    total = max(2.0, lengths[-1])
    seg_cost = params.segment_cost if params.segment_cost is not None else float(np.log(total))
    k = float(params.vocab_size) if params.vocab_size is not None else float(max(1, vocab))
    word_prefix = np.concatenate([[0], np.cumsum(words)])
    top = int(prefix[-1].max()) if prefix.size else 0
    clog = np.arange(top + 1, dtype=np.float64)
    clog *= np.log1p(clog)
    gains = np.array(  # gains[i]: cut before block i
        [0.0, *[params.cue_weight * g if g >= params.candidate_logit else -np.inf for g in logits]]
    )
    best = np.full(n + 1, -np.inf)
    best[0] = 0.0
    back = np.zeros(n + 1, dtype=int)
    for j in range(1, n + 1):
        lo = max(0, j - params.max_blocks)
        starts = np.arange(lo, j)
        seg = prefix[j] - prefix[lo:j]  # counts of segment [i, j) for every start i
        size = lengths[j] - lengths[lo:j]
        # c*log(c+1) of every count, looked up (counts are small integers): faster than log1p.
        cost = size * np.log(size + k) - np.take(clog, seg).sum(axis=1) - (own[j] - own[lo:j])
        seg_words = word_prefix[j] - word_prefix[lo:j]
        short = np.where(seg_words < min_words, short_penalty * (1.0 - seg_words / max(1, min_words)), 0.0)
        value = best[lo:j] + gains[lo:j] - params.lexical_weight * (cost + seg_cost) - short
        m = int(np.argmax(value))
        best[j] = value[m]
        back[j] = starts[m]
    cuts = []
    j = n
    while j > 0:
        i = int(back[j])
        if i > 0:
            cuts.append(i)
        j = i
    return sorted(cuts)
