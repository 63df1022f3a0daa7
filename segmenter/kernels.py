"""Inner loops over integer arrays, compiled with Numba once a process has enough work.

Each kernel here is an ordinary Python function of numpy arrays and numbers, written one step
at a time; ``compiled(kernel)`` is the same function compiled to machine code by Numba (cached
on disk after the first run). Its caller keeps a numpy form that does the same arithmetic in
the same order on whole arrays (a test holds the two equal).

Loading Numba costs about 0.3 s per process (importing it, its CPU target and the cached
kernels), more than the compiled kernels save on a few MB of text; so a :class:`Tier` counts
the work done and switches to the compiled kernels only once there has been enough of it. By
default every segmenter of a process shares one count (:func:`process_tier`), so what counts
is all the text the process has split, not one input's: a batch of small files runs compiled
once the batch has passed the threshold, as a single large file does. A paste of a few
articles never loads Numba; a dump of hundreds of MB runs almost all of it compiled.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, TypeVar

import numpy as np

F = TypeVar("F", bound=Callable[..., object])


@lru_cache(maxsize=None)
def compiled(kernel: F) -> F:
    """``kernel`` compiled with Numba (the plain function where Numba cannot be imported)."""
    try:
        import numba
    except ImportError:  # pragma: no cover - numba is a dependency; a platform may lack wheels
        return kernel
    _prepare_numba()
    try:
        return numba.njit(cache=True, nogil=True)(kernel)  # type: ignore[no-any-return]
    except RuntimeError:  # no writable place for the on-disk cache: compile in each process
        return numba.njit(nogil=True)(kernel)  # type: ignore[no-any-return]


#: The module numba imports to learn whether SciPy's BLAS is there.
_BLAS_PROBE = "scipy.linalg.cython_blas"


@lru_cache(maxsize=None)
def _prepare_numba() -> None:
    """Load Numba's CPU target (its implementations of Python and numpy), without SciPy's
    linear algebra where no one has imported it yet. Numba's array maths imports
    ``scipy.linalg`` (0.15 s, a fifth of loading Numba) only to learn whether a float inner
    product (``np.correlate``, ``np.convolve``) may call BLAS; no kernel here uses one. While
    the target loads, the probe's import fails, so those fall back to Numba's own loop for the
    rest of the process; ``np.dot`` and ``np.linalg`` in any compiled function are unaffected:
    they import SciPy's BLAS when first compiled."""
    from numba.core.registry import cpu_target

    blocked = _BLAS_PROBE not in sys.modules
    if blocked:
        sys.modules[_BLAS_PROBE] = None  # type: ignore[assignment]  # the import's way to fail
    try:
        cpu_target.target_context.refresh()
        cpu_target.typing_context.refresh()
    finally:
        if blocked and sys.modules.get(_BLAS_PROBE, 0) is None:
            del sys.modules[_BLAS_PROBE]


@dataclass
class Tier:
    """Whether to run compiled kernels: once ``compile_after`` inner steps have been run in
    numpy (12 million: about 5 MB of news), every later call of this tier runs compiled. Below
    that a run never loads Numba, whose loading costs more than a small input gains from it;
    above it most of the text runs compiled (a lower threshold loses more below it than it
    wins above: the batch benchmark's 1-10 MB rows); and from the first call
    on once Numba is loaded in this process (by another tier, or by
    :meth:`segmenter.Segmenter.load_compiled`): there is nothing left to pay for. None: never
    compile."""

    compile_after: int | None = 12_000_000
    done: int = 0

    def compiles(self, work: int) -> bool:
        """Record ``work`` more inner steps; True if they should run compiled."""
        if self.compile_after is None:
            return False
        self.done += work
        return self.done > self.compile_after or "numba" in sys.modules


@lru_cache(maxsize=None)
def process_tier() -> Tier:
    """The tier of every segmenter built without one of its own: one count of this process's
    work, however many segmenters (one per language, per option set, or a new one per call of
    :func:`segmenter.split`) share it."""
    return Tier()


def u00_programme(
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
    """The dynamic programme of :func:`segmenter.lexical.segment_boundaries`, one start at a
    time (its numpy form, ``lexical._programme``, takes all starts of an end at once): for
    every end unit j, the best start i of its last segment (``back[j]``).

    A segment [i, j) scores ``best[i] + gains[i] - lexical_weight * (cost + seg_cost) - short``
    with U00's cost ``size_cost[n] - sum_w clog[c_w]``, less ``extra[i, j - i]`` where
    ``extra`` has rows (another cost of each segment, its reach at least ``max_blocks``).
    The sum for every start i of one end j is built from the pairs (unit, word column, count)
    of the units in reach: moving the start from i + 1 back to i adds unit i's words, each
    word with count a in unit i and C in units i+1..j-1 adding clog(C + a) - clog(C)."""
    n = len(lengths) - 1
    best = np.full(n + 1, -np.inf)
    best[0] = 0.0
    back = np.zeros(n + 1, dtype=np.int64)
    added = np.zeros(max_blocks)
    min_scale = float(max(1, min_words))
    has_extra = extra.shape[0] > 0
    for j in range(1, n + 1):
        lo = max(0, j - max_blocks)
        for u in range(j - lo):
            added[u] = 0.0
        for p in range(pair_start[lo], pair_start[j]):
            column = pair_column[p]
            later = prefix[j, column] - prefix[pair_unit[p] + 1, column]
            added[pair_unit[p] - lo] += clog[later + pair_count[p]] - clog[later]
        own = 0.0
        top = -np.inf
        chosen = lo
        for i in range(j - 1, lo - 1, -1):
            own += added[i - lo]
            cost = size_cost[lengths[j] - lengths[i]] - own
            seg_words = word_prefix[j] - word_prefix[i]
            short = short_penalty * (1.0 - seg_words / min_scale) if seg_words < min_words else 0.0
            value = best[i] + gains[i] - lexical_weight * (cost + seg_cost) - short
            if has_extra:
                value -= extra[i, j - i]
            # Ties go to the earliest start, as numpy's argmax over the starts in order does.
            if value >= top:
                top = value
                chosen = i
        best[j] = top
        back[j] = chosen
    return back


def document_frequency(flat: np.ndarray, starts: np.ndarray, vocab: int) -> np.ndarray:
    """In how many units (``flat[starts[u]:starts[u + 1]]``) each id 0..vocab-1 occurs."""
    df = np.zeros(vocab, dtype=np.int64)
    last = np.full(vocab, -1, dtype=np.int64)
    for unit in range(len(starts) - 1):
        for p in range(starts[unit], starts[unit + 1]):
            word = flat[p]
            if last[word] != unit:
                last[word] = unit
                df[word] += 1
    return df


def window_sums(
    flat: np.ndarray,
    before_lo: np.ndarray,
    before_hi: np.ndarray,
    after_lo: np.ndarray,
    after_hi: np.ndarray,
    idf: np.ndarray,
    clog: np.ndarray,
) -> np.ndarray:
    """:func:`segmenter.cohesion.window_sums` one gap at a time: each window's ids sorted and
    counted, then one walk over both windows' words in id order adds every sum's terms in the
    order the numpy form adds them. A (8, gaps) array."""
    gaps = len(before_lo)
    out = np.zeros((8, gaps))
    widest = 0
    for g in range(gaps):
        widest = max(widest, before_hi[g] - before_lo[g], after_hi[g] - after_lo[g])
    before_buffer = np.empty(widest, dtype=flat.dtype)
    after_buffer = np.empty(widest, dtype=flat.dtype)
    for g in range(gaps):
        # Each window's ids, sorted in place in a buffer reused for every gap.
        before = before_buffer[:max(0, before_hi[g] - before_lo[g])]
        before[:] = flat[before_lo[g]:before_lo[g] + len(before)]
        before.sort()
        after = after_buffer[:max(0, after_hi[g] - after_lo[g])]
        after[:] = flat[after_lo[g]:after_lo[g] + len(after)]
        after.sort()
        nb = na = dot = bb = aa = own_b = own_a = joint = 0.0
        i = j = 0
        while i < len(before) or j < len(after):
            # The next word in id order, and its count in each window.
            if j >= len(after) or (i < len(before) and before[i] < after[j]):
                word = before[i]
            else:
                word = after[j]
            cb = 0
            while i < len(before) and before[i] == word:
                cb += 1
                i += 1
            ca = 0
            while j < len(after) and after[j] == word:
                ca += 1
                j += 1
            if cb:
                nb += cb
                x = cb * idf[word]
                bb += x * x
                own_b += clog[cb]
            if ca:
                na += ca
                y = ca * idf[word]
                aa += y * y
                own_a += clog[ca]
            if cb and ca:
                dot += (cb * idf[word]) * (ca * idf[word])
            joint += clog[cb + ca]
        out[0, g] = nb
        out[1, g] = na
        out[2, g] = dot
        out[3, g] = bb
        out[4, g] = aa
        out[5, g] = own_b
        out[6, g] = own_a
        out[7, g] = joint
    return out
