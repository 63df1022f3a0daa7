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


def _shared_prefix_counts(block_ids: list[list[int]], vocab: int) -> tuple[np.ndarray, np.ndarray]:
    """Prefix sums of count vectors over the words found in more than one block, and prefix
    sums of the rest's share of the cost. A word found in one block only has the same count
    in every segment holding that block, so its term c*log(c+1) is a constant of the block:
    leaving it out of the vectors changes no cost and makes them several times narrower."""
    from collections import Counter

    spread = np.zeros(max(1, vocab), dtype=np.int64)
    counted = [Counter(ids) for ids in block_ids]
    for counts in counted:
        if counts:
            spread[list(counts)] += 1
    shared = np.flatnonzero(spread >= 2)
    column = np.full(max(1, vocab), -1, dtype=np.int64)
    column[shared] = np.arange(len(shared))
    prefix = np.zeros((len(block_ids) + 1, max(1, len(shared))), dtype=np.int32)
    own = np.zeros(len(block_ids) + 1, dtype=np.float64)
    for b, counts in enumerate(counted):
        prefix[b + 1] = prefix[b]
        local = 0.0
        for word, c in counts.items():
            col = column[word]
            if col >= 0:
                prefix[b + 1, col] += c
            else:
                local += c * np.log1p(c)
        own[b + 1] = own[b] + local
    return prefix, own


def segment_boundaries(
    block_ids: list[list[int]],
    vocab: int,
    logits: list[float],
    words: list[int],
    min_words: int,
    short_penalty: float,
    params: LexicalParams,
) -> list[int]:
    """Blocks (indices > 0) that start a new segment in this stretch of blocks."""
    n = len(block_ids)
    if n <= 1:
        return []
    prefix, own = _shared_prefix_counts(block_ids, vocab)
    lengths = np.concatenate([[0.0], np.cumsum([len(ids) for ids in block_ids], dtype=np.float64)])
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
