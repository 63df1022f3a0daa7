"""Lexical cohesion across each gap: how much the vocabulary shifts between neighbours.

For every gap between two blocks, the ``window`` content words before it and after it are
compared as tf-idf vectors (idf over the blocks of the document); a topic change shows as a
low cosine and as a deep valley relative to neighbouring gaps (TextTiling's depth score).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from corpuscut.text.compiled import Tier, compiled
from corpuscut.text.stems import StemIds

from .kernels import document_frequency as kernel_document_frequency
from .kernels import window_sums as kernel_window_sums


@dataclass(frozen=True)
class Cohesion:
    """Per gap: cosine similarity of the passages around it, its depth score, and the
    likelihood gain (nats per word) of modelling the two passages apart rather than together."""

    similarity: list[float]
    depth: list[float]
    split_gain: list[float]


_CLOG = [c * math.log(c + 1) for c in range(512)]


def _clog(c: int) -> float:
    return _CLOG[c] if c < 512 else c * math.log(c + 1)


def split_gain(before: Counter[Hashable], after: Counter[Hashable], vocab: int) -> float:
    """How many nats per word it saves to give the two passages a model each (Utiyama & Isahara):
    U00's cost of a passage is its words' code length under a Laplace-smoothed unigram model
    of itself, n*log(n + vocab) - sum_w c_w*log(c_w + 1)."""
    if not before or not after:
        return 0.0
    nb, na = sum(before.values()), sum(after.values())
    n = nb + na
    own_b = sum(_clog(c) for c in before.values())
    own_a = sum(_clog(c) for c in after.values())
    joint = own_a + sum(_clog(c + after[w]) - _clog(after[w]) for w, c in before.items() if w in after)
    joint += sum(_clog(c) for w, c in before.items() if w not in after)
    together = n * math.log(n + vocab) - joint
    apart = nb * math.log(nb + vocab) - own_b + na * math.log(na + vocab) - own_a
    return (together - apart - math.log(n + 1)) / n


#: A window never spans more blocks than this, however few words they hold (lines without
#: content words would otherwise make every window walk the whole text).
MAX_WINDOW_BLOCKS = 40


def _window(block_stems: list[list[Hashable]], start: int, step: int, size: int) -> Counter[Hashable]:
    """Count up to ``size`` stems walking from block ``start`` in direction ``step``."""
    counts: Counter[Hashable] = Counter()
    taken = 0
    i = start
    stop = start + step * MAX_WINDOW_BLOCKS
    n = len(block_stems)
    while 0 <= i < n and taken < size and i != stop:
        stems = block_stems[i]
        i += step
        if not stems:  # a line without content words (Counter.update costs even on nothing)
            continue
        if step < 0:
            stems = stems[-(size - taken):]
        else:
            stems = stems[: size - taken]
        for stem in stems:
            counts[stem] += 1
        taken += len(stems)
    return counts


def _cosine(a: Counter[Hashable], b: Counter[Hashable], idf: dict[Hashable, float]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b[t] * idf.get(t, 1.0) ** 2 for t, v in a.items() if t in b)
    if dot == 0.0:
        return 0.0
    na = math.sqrt(sum((v * idf.get(t, 1.0)) ** 2 for t, v in a.items()))
    nb = math.sqrt(sum((v * idf.get(t, 1.0)) ** 2 for t, v in b.items()))
    return dot / (na * nb)


def depth_scores(similarity: list[float], reach: int = 3) -> list[float]:
    """TextTiling depth: how far a gap's similarity lies below the peaks on both sides."""
    depth = []
    n = len(similarity)
    for i, s in enumerate(similarity):
        left = max(similarity[max(0, i - reach): i + 1])
        right = max(similarity[i: min(n, i + reach + 1)])
        depth.append((left - s) + (right - s))
    return depth


def _depth_array(similarity: "Any", reach: int = 3) -> "Any":
    """``depth_scores`` on an array: the peaks are maxima over shifted copies."""
    import numpy as np

    n = len(similarity)
    padded = np.full(n + 2 * reach, -np.inf)
    padded[reach: reach + n] = similarity
    left = np.max([padded[reach - k: reach - k + n] for k in range(reach + 1)], axis=0)
    right = np.max([padded[reach + k: reach + k + n] for k in range(reach + 1)], axis=0)
    return (left - similarity) + (right - similarity)


#: Below this many blocks the gap-by-gap loop is quicker than building sparse matrices (at
#: 10 blocks it is about three times quicker; at 100 about three times slower).
VECTORISE_FROM = 32


def cohesion_reference(block_stems: list[list[Hashable]], window: int = 60) -> Cohesion:
    """The definition, gap by gap (``cohesion`` computes the same, vectorised; a test holds
    them equal)."""
    n = len(block_stems)
    if n < 2:
        return Cohesion([], [], [])
    df: Counter[Hashable] = Counter()
    for stems in block_stems:
        df.update(set(stems))
    idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
    vocab = len(df)
    similarity, gains = [], []
    for g in range(n - 1):
        before, after = _window(block_stems, g, -1, window), _window(block_stems, g + 1, 1, window)
        similarity.append(_cosine(before, after, idf))
        gains.append(split_gain(before, after, vocab))
    return Cohesion(similarity, depth_scores(similarity), gains)


#: The numpy form builds its window count matrices this many gaps at a time (bounded memory).
CHUNK_GAPS = 2048


def cohesion(ids: StemIds, window: int = 60, tier: Tier | None = None) -> Cohesion:
    """Similarity, depth and split gain for the gaps between the blocks whose stems ``ids``
    holds (a unit per block).

    A gap's two windows are runs of the text's stems in order: the last ``window`` stems of
    the (at most MAX_WINDOW_BLOCKS) blocks before it and the first ``window`` of those after
    it. Each window's counts, and the sums over its words that the cosine and the split gain
    need, come from :func:`window_sums` (numpy on sparse matrices) or, where ``tier`` says so,
    from the compiled :func:`segmenter.kernels.window_sums`; both add in the same order."""
    import numpy as np

    n = ids.units
    if n < VECTORISE_FROM:
        return cohesion_reference([ids.ids[a:z].tolist() for a, z in zip(ids.starts, ids.starts[1:])], window)
    flat, bstart, vocab = ids.ids, ids.starts, ids.vocab
    g = np.arange(n - 1)
    before_hi = bstart[g + 1]
    before_lo = np.maximum(before_hi - window, bstart[np.maximum(0, g - (MAX_WINDOW_BLOCKS - 1))])
    after_lo = bstart[g + 1]
    after_hi = np.minimum(after_lo + window, bstart[np.minimum(n, g + 1 + MAX_WINDOW_BLOCKS)])
    work = int(np.maximum(before_hi - before_lo, 0).sum() + np.maximum(after_hi - after_lo, 0).sum())
    fast = tier is not None and tier.compiles(work)
    if fast:
        df = compiled(kernel_document_frequency)(flat, bstart, vocab)
    else:  # the distinct (block, word) pairs, counted per word
        block_of = np.repeat(np.arange(n), np.diff(bstart))
        df = np.bincount(_distinct(block_of * max(1, vocab) + flat) % max(1, vocab), minlength=vocab)[:vocab]
    idf = np.log((n + 1) / (df + 0.5))
    clog = np.arange(2 * window + 1, dtype=np.float64)
    clog *= np.log1p(clog)
    sums = compiled(kernel_window_sums) if fast else window_sums
    nb, na, dot, bb, aa, own_b, own_a, joint = sums(flat, before_lo, before_hi, after_lo, after_hi, idf, clog)
    both = (nb > 0) & (na > 0)
    # Cosine of the tf-idf vectors.
    norms = np.sqrt(bb * aa)
    similarity = np.zeros(n - 1)
    ok = both & (dot != 0.0)
    similarity[ok] = dot[ok] / norms[ok]
    # U00's saving from modelling the two windows apart (see split_gain).
    total = nb + na
    with np.errstate(divide="ignore", invalid="ignore"):
        together = total * np.log(total + vocab) - joint
        apart = nb * np.log(nb + vocab) - own_b + na * np.log(na + vocab) - own_a
        gains = np.where(both, (together - apart - np.log(total + 1)) / np.where(total > 0, total, 1), 0.0)
    return Cohesion(similarity.tolist(), _depth_array(similarity).tolist(), gains.tolist())


def window_sums(
    flat: "Any", before_lo: "Any", before_hi: "Any", after_lo: "Any", after_hi: "Any", idf: "Any", clog: "Any"
) -> "Any":
    """Per gap, sums over the words of its two windows (``flat[before_lo:before_hi]`` and
    ``flat[after_lo:after_hi]``), each word once with its count c in the window, in order of
    word id: words before and after, their squared tf-idf weights ``(c * idf)**2`` before and
    after, the tf-idf dot product of the two windows, c*log(c+1) before, after, and of the two
    windows together. Sums run in word order, one term after another (``np.bincount``), as
    the compiled form adds them. A (8, gaps) array."""
    import numpy as np

    gaps = len(before_lo)
    out = np.zeros((8, gaps))
    vocab = max(1, len(idf))
    for lo in range(0, gaps, CHUNK_GAPS):
        part = slice(lo, min(gaps, lo + CHUNK_GAPS))
        m = part.stop - part.start
        before = _run_counts(before_lo[part], before_hi[part], flat, vocab)
        after = _run_counts(after_lo[part], after_hi[part], flat, vocab)
        wb = type(before)((before.data * idf[before.indices], before.indices, before.indptr), shape=before.shape)
        wa = type(after)((after.data * idf[after.indices], after.indices, after.indptr), shape=after.shape)
        together = before + after
        def squared(x: "Any") -> "Any":
            return x * x

        def clogged(x: "Any") -> "Any":
            return clog[x.astype(np.int64)]

        out[0, part] = _row_sums(before, m)
        out[1, part] = _row_sums(after, m)
        out[2, part] = _row_sums(wb.multiply(wa), m)
        out[3, part] = _row_sums(wb, m, squared)
        out[4, part] = _row_sums(wa, m, squared)
        out[5, part] = _row_sums(before, m, clogged)
        out[6, part] = _row_sums(after, m, clogged)
        out[7, part] = _row_sums(together, m, clogged)
    return out


def _row_sums(matrix: "Any", rows: int, of: "Callable[[Any], Any] | None" = None) -> "Any":
    """Per row of a sparse matrix, the sum of its entries (or of ``of`` of them) in column
    order, one after another."""
    import numpy as np

    matrix = matrix.tocsr()
    matrix.sort_indices()
    row_of = np.repeat(np.arange(rows), np.diff(matrix.indptr))
    return np.bincount(row_of, weights=matrix.data if of is None else of(matrix.data), minlength=rows)


def _run_counts(lo: "Any", hi: "Any", flat: "Any", vocab: int) -> "Any":
    """A sparse matrix whose row r counts the stems ``flat[lo[r]:hi[r]]``."""
    import numpy as np
    from scipy.sparse import csr_matrix

    lengths = np.maximum(hi - lo, 0)
    total = int(lengths.sum())
    rows = np.repeat(np.arange(len(lo)), lengths)
    ends = np.cumsum(lengths)
    positions = np.repeat(lo - (ends - lengths), lengths) + np.arange(total)
    matrix = csr_matrix((np.ones(total), (rows, flat[positions])), shape=(len(lo), max(1, vocab)))
    matrix.sum_duplicates()
    return matrix


def _distinct(keys: "Any") -> "Any":
    """The distinct values of an integer array, sorted. (``np.unique`` without further
    outputs takes a hashing path in numpy 2.4 that is far slower on these keys than a
    sort.)"""
    import numpy as np

    if len(keys) == 0:
        return keys
    ordered = np.sort(keys)
    first = np.empty(len(ordered), dtype=bool)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return ordered[first]
