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

With ``dirichlet`` = a, the cost is instead the segment's words' negative log marginal
likelihood under a unigram model drawn from a symmetric Dirichlet(a) prior (the Dirichlet-
multinomial of Eisenstein & Barzilay's BayesSeg):
    log G(n + k*a) - log G(k*a) - sum_w (log G(c_w + a) - log G(a)).
Both costs have the same form, a table over segment sizes minus a sum of a table over counts,
so the programme is the same; only its two tables differ.

The dynamic programme looks back at most ``max_blocks`` blocks; costs for all start points of
one end point are computed at once with numpy from prefix sums of count vectors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from corpuscut.text.compiled import Tier, compiled
from corpuscut.text.stems import StemIds

from .kernels import u00_programme


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
    #: None: U00's Laplace-smoothed code length. A value a: the Dirichlet-multinomial cost with
    #: a symmetric prior a (smaller a: a segment is expected to use fewer distinct words).
    dirichlet: float | None = None


@dataclass(frozen=True)
class _UnitCounts:
    """Each unit's distinct words with their counts (pairs sorted by unit; unit u's pairs are
    ``pair_start[u]:pair_start[u + 1]``), and prefix sums over units of the count vectors of
    the words found in more than one unit. A word found in one unit only points at the last
    column of ``prefix``, which stays zero: in every segment holding its unit it has that
    unit's count, so it needs no column of its own (the vectors become several times narrower)."""

    pair_unit: np.ndarray
    pair_column: np.ndarray
    pair_count: np.ndarray
    pair_start: np.ndarray
    prefix: np.ndarray
    vocab: int


def _unit_counts(units: StemIds) -> _UnitCounts:
    n = units.units
    local, distinct = _dense(units.ids)
    vocab = max(1, distinct)
    unit_of = np.repeat(np.arange(n), np.diff(units.starts))
    pairs, counts = _unit_word_pairs(unit_of, local, n, vocab)
    pair_unit, pair_word = pairs // vocab, pairs % vocab
    spread = np.bincount(pair_word, minlength=vocab)
    shared_words = np.flatnonzero(spread >= 2)
    column = np.full(vocab, len(shared_words), dtype=np.int64)
    column[shared_words] = np.arange(len(shared_words))
    pair_column = column[pair_word]
    prefix = np.zeros((n + 1, len(shared_words) + 1), dtype=np.int32)
    shared = pair_column < len(shared_words)
    prefix[pair_unit[shared] + 1, pair_column[shared]] = counts[shared]
    np.cumsum(prefix, axis=0, out=prefix)
    pair_start = np.searchsorted(pair_unit, np.arange(n + 1))
    return _UnitCounts(pair_unit, pair_column, counts, pair_start, prefix, distinct)


def _dense(ids: np.ndarray) -> tuple[np.ndarray, int]:
    """The ids renumbered 0, 1, 2, ... in their order (``np.unique``'s inverse), and how many
    distinct ids there are: by marking each, as a stretch's ids lie below its section's few
    thousand stems (sorting them cost more)."""
    if not len(ids):
        return np.zeros(0, dtype=np.int64), 0
    marks = np.zeros(int(ids.max()) + 1, dtype=bool)
    marks[ids] = True
    rank = np.cumsum(marks) - 1
    return rank[ids], int(rank[-1]) + 1


def _unit_word_pairs(unit_of: np.ndarray, local: np.ndarray, units: int, vocab: int) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(unit_of * vocab + local, return_counts=True)``, ``unit_of`` never falling:
    two stable sorts, by word and then by unit, order the keys, by radix where both fit 16 bits."""
    keys = unit_of * vocab + local
    if not len(keys) or units >= 1 << 16 or vocab >= 1 << 16:
        return np.unique(keys, return_counts=True)
    by_word = np.argsort(local.astype(np.uint16), kind="stable")
    keys = keys[by_word[np.argsort(unit_of[by_word].astype(np.uint16), kind="stable")]]
    first = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    return keys[first], np.diff(np.append(first, len(keys)))


def segment_boundaries(
    units: StemIds,
    logits: list[float],
    words: list[int],
    min_words: int,
    short_penalty: float,
    params: LexicalParams,
    tier: Tier | None = None,
    extra: np.ndarray | None = None,
) -> list[int]:
    """Units (indices > 0) that start a new segment in this stretch of units. ``tier`` decides
    whether the programme runs compiled (see :mod:`corpuscut.text.compiled`); numpy without one.
    ``extra[i, k]``, where given, is another cost of the segment of units i..i+k-1 (k up to
    ``params.max_blocks``): the word vectors' dispersion of :mod:`segmenter.vectors`."""
    n = units.units
    if n <= 1:
        return []
    counts = _unit_counts(units)
    lengths = units.starts
    seg_cost = params.segment_cost if params.segment_cost is not None else float(np.log(max(2, int(lengths[-1]))))
    k = float(params.vocab_size) if params.vocab_size is not None else float(max(1, counts.vocab))
    # Tables looked up by both forms of the programme (so both get the same numbers): the
    # size term s*log(s + k) of a segment of s words, and c*log(c + 1) of a word counted c times
    # (counts are small integers: a lookup is quicker than log1p).
    top = max(int(counts.prefix[-1].max()), int(counts.pair_count.max(initial=0)))
    size_cost, clog = cost_tables(int(lengths[-1]), top, k, params.dirichlet)
    gains = np.array(  # gains[i]: cut before block i
        [0.0, *[params.cue_weight * g if g >= params.candidate_logit else -np.inf for g in logits]]
    )
    word_prefix = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(words, out=word_prefix[1:])
    work = len(counts.pair_unit) * min(n, params.max_blocks)
    programme = compiled(u00_programme) if tier is not None and tier.compiles(work) else _programme
    back = programme(
        counts.pair_unit, counts.pair_column, counts.pair_count, counts.pair_start, counts.prefix, clog,
        size_cost, lengths, word_prefix, gains, np.zeros((0, 0)) if extra is None else extra, seg_cost,
        float(params.lexical_weight), int(min_words), float(short_penalty), int(params.max_blocks),
    )
    cuts = []
    j = n
    while j > 0:
        i = int(back[j])
        if i > 0:
            cuts.append(i)
        j = i
    return sorted(cuts)


def cost_tables(words: int, top_count: int, vocab_size: float, dirichlet: float | None) -> tuple[np.ndarray, np.ndarray]:
    """The two tables of a segment's cost ``size_cost[n] - sum_w clog[c_w]``: over segment sizes
    0..words and over word counts 0..top_count (both zero at 0)."""
    sizes = np.arange(words + 1, dtype=np.float64)
    counts = np.arange(top_count + 1, dtype=np.float64)
    if dirichlet is None:  # U00: n*log(n + k) and c*log(c + 1)
        return sizes * np.log(sizes + vocab_size), counts * np.log1p(counts)
    from scipy.special import gammaln

    total = vocab_size * dirichlet
    return gammaln(sizes + total) - gammaln(total), gammaln(counts + dirichlet) - gammaln(dirichlet)


def _programme(
    pair_unit: np.ndarray,
    pair_column: np.ndarray,
    pair_count: np.ndarray,
    pair_start: np.ndarray,
    prefix: np.ndarray,
    clog: np.ndarray,
    size_cost: np.ndarray,
    lengths: np.ndarray,
    word_prefix: np.ndarray,
    gains: np.ndarray,
    extra: np.ndarray,
    seg_cost: float,
    lexical_weight: float,
    min_words: int,
    short_penalty: float,
    max_blocks: int,
) -> np.ndarray:
    """:func:`segmenter.kernels.u00_programme` with numpy: all starts of one end at once."""
    n = len(lengths) - 1
    best = np.full(n + 1, -np.inf)
    best[0] = 0.0
    back = np.zeros(n + 1, dtype=np.int64)
    min_scale = float(max(1, min_words))
    for j in range(1, n + 1):
        lo = max(0, j - max_blocks)
        # Moving a segment's start from i + 1 back to i adds unit i's words: each word with
        # count a in unit i and C in units i+1..j-1 adds clog(C + a) - clog(C). Only the words
        # of the units in reach are touched, so the cost follows them, not the vocabulary.
        p0, p1 = pair_start[lo], pair_start[j]
        unit, column, a = pair_unit[p0:p1], pair_column[p0:p1], pair_count[p0:p1]
        later = prefix[j, column] - prefix[unit + 1, column]
        added = np.bincount(unit - lo, weights=clog[later + a] - clog[later], minlength=j - lo)
        own = np.cumsum(added[::-1])[::-1]
        cost = size_cost[lengths[j] - lengths[lo:j]] - own
        value = best[lo:j] + gains[lo:j] - lexical_weight * (cost + seg_cost)
        if word_prefix[j] - word_prefix[j - 1] < min_words:
            # some segment is short (the shortest ends at unit j - 1); where none is, the
            # penalty is zero throughout, and subtracting zero changes no value
            seg_words = word_prefix[j] - word_prefix[lo:j]
            value = value - np.where(seg_words < min_words, short_penalty * (1.0 - seg_words / min_scale), 0.0)
        if extra.shape[0]:
            starts = np.arange(lo, j)
            value = value - extra[starts, j - starts]
        m = int(np.argmax(value))
        best[j] = value[m]
        back[j] = lo + m
    return back
