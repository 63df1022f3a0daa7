"""Whether the words around a gap were just seen, or come again: the name overlap of passages.

Two articles about different people, places and things share few of their rarer words; two
passages of one article share its names. For every gap, the share of the words of the
``span`` blocks after it (weighted by their idf over the text's blocks, so that names count far
more than common words) that occur in the ``reach`` blocks before it, and the share of the
words of the ``span`` blocks before it that occur in the ``reach`` blocks after it. Before an
article's first paragraph the first share is low; after its last paragraph the second.
Lower-cased text has no capitals to find names by: its rare words stand for them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from corpuscut.text.stems import StemIds

from .cohesion import _distinct

#: How many blocks on the other side of the gap a passage's words are looked for in.
REACH = 8
#: A passage without content words tells nothing: its shares are this.
NEUTRAL = 0.5


@dataclass(frozen=True)
class Recurrence:
    """Per gap (before block g + 1): the idf-weighted share of the distinct stems of the
    ``span`` blocks after it found in the ``reach`` blocks before it (``seen``), and of the
    ``span`` blocks before it found in the ``reach`` blocks after it (``again``)."""

    seen: np.ndarray
    again: np.ndarray


def stem_blocks(ids: StemIds) -> np.ndarray:
    """The distinct (stem, block) pairs of ``ids`` (a unit per block) as sorted keys
    ``stem * units + block``: which blocks hold each stem, in block order."""
    n = ids.units
    block_of = np.repeat(np.arange(n, dtype=np.int64), np.diff(ids.starts))
    if ids.vocab > RADIX_MAX_STEMS:
        return _distinct(ids.ids.astype(np.int64) * n + block_of)
    # The pairs come in block order, so a stable sort by stem alone sorts them by (stem,
    # block): numpy sorts 16-bit numbers stably by radix, in linear time (a section's few
    # thousand stems fit; sorting the 64-bit keys took three times as long).
    order = np.argsort(ids.ids.astype(np.uint16), kind="stable")
    keys = ids.ids[order].astype(np.int64) * n + block_of[order]
    first = np.empty(len(keys), dtype=bool)
    first[:1] = True
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    return keys[first]


#: Stem ids below this fit 16 bits (see stem_blocks).
RADIX_MAX_STEMS = 1 << 16


def _neighbours(ids: StemIds, keys: np.ndarray | None, reach: int, ahead: int
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For each distinct (stem, block) pair of ``ids`` (``keys``: :func:`stem_blocks` of them,
    sorted stem-major, or None to find them): its block, its stem's idf weight, and the previous
    and next blocks holding the stem (far out of ``reach`` before, or ``ahead`` after, where none
    does)."""
    n = ids.units
    if keys is None:
        keys = stem_blocks(ids)
    stem, block = keys // n, keys % n
    df = np.bincount(stem)
    weight = np.log((n + 1) / (df[stem] + 0.5))
    same = stem[1:] == stem[:-1]
    prev = np.full(len(keys), -(reach + n + 1), dtype=np.int64)
    prev[1:][same] = block[:-1][same]
    following = np.full(len(keys), 2 * n + ahead + 1, dtype=np.int64)
    following[:-1][same] = block[1:][same]
    return block, weight, prev, following


def recurrence(ids: StemIds, span: int = 1, reach: int = REACH, keys: np.ndarray | None = None) -> Recurrence:
    """:class:`Recurrence` of every gap between the units of ``ids`` (a unit per block), all at
    once. The distinct (stem, block) pairs are sorted stem-major once: a pair's neighbours in
    that order with the same stem are the previous and next blocks that hold the stem. Each
    pair then counts towards an interval of gaps (those whose passage holds the block and
    not an earlier, or later, block with the stem), and towards a narrower one where that
    block lies within reach: sums over intervals are differences of prefix sums. ``keys``:
    :func:`stem_blocks` of ``ids``, where the caller has them."""
    n = ids.units
    gaps = max(0, n - 1)
    seen, again = np.full(gaps, NEUTRAL), np.full(gaps, NEUTRAL)
    flat = ids.ids
    if n < 2 or not len(flat):
        return Recurrence(seen, again)
    block, weight, prev, following = _neighbours(ids, keys, reach, reach)
    # Gap g lies before block g + 1. The passage after gap g is blocks g+1..g+span: block b is
    # in it for gaps b-span..b-1; its stem is new to the passage unless the previous block
    # holding it is in the passage too (gap g >= prev); it was seen within reach where
    # prev >= g - reach + 1.
    lo = np.maximum(block - span, np.maximum(prev, 0))
    hi = block - 1
    seen_hi = np.minimum(hi, prev + reach - 1)
    mass_after = _interval_sums(lo, hi, weight, gaps)
    found_after = _interval_sums(lo, seen_hi, weight, gaps)
    # The passage before gap g is blocks g-span+1..g: block b is in it for gaps b..b+span-1,
    # new to it unless the next block holding the stem is in it too (gap g < next); found
    # again within reach where next <= g + reach.
    lo = block
    hi = np.minimum(block + span - 1, following - 1)
    again_lo = np.maximum(lo, following - reach)
    mass_before = _interval_sums(lo, hi, weight, gaps)
    found_before = _interval_sums(again_lo, hi, weight, gaps)
    # (a difference of prefix sums: an empty passage may leave a rounding residue, not zero)
    has = mass_after > 1e-9
    seen[has] = found_after[has] / mass_after[has]
    has = mass_before > 1e-9
    again[has] = found_before[has] / mass_before[has]
    return Recurrence(np.clip(seen, 0.0, 1.0), np.clip(again, 0.0, 1.0))


#: How many blocks after a paragraph its new words are looked for in, to tell a lede's subject
#: (taken up by the paragraphs after it) from a passing detail.
AHEAD = 6


def introduced(ids: StemIds, reach: int = REACH, ahead: int = AHEAD, keys: np.ndarray | None = None) -> np.ndarray:
    """Per block, the idf-weighted share of its distinct stems that none of the ``reach`` blocks
    before it holds and one of the ``ahead`` blocks after it does: the words a paragraph brings
    in and the next paragraphs go on with. An article's first paragraph names its subject (people,
    places, the matter) and the rest of the article takes it up; a paragraph inside an article
    brings in a detail that is dropped, or repeats words already met; an article's last paragraph
    brings in words the next article never uses. 0 for a block without content words."""
    n = ids.units
    out = np.zeros(n)
    if n < 2 or not len(ids.ids):
        return out
    block, weight, prev, following = _neighbours(ids, keys, reach, ahead)
    taken_up = (prev < block - reach) & (following <= block + ahead)
    mass = np.bincount(block, weights=weight, minlength=n)
    found = np.bincount(block[taken_up], weights=weight[taken_up], minlength=n)
    has = mass > 1e-9
    out[has] = found[has] / mass[has]
    return out


def _interval_sums(lo: np.ndarray, hi: np.ndarray, weight: np.ndarray, size: int) -> np.ndarray:
    """For each position 0..size-1, the sum of the weights whose interval [lo, hi] holds it
    (intervals clipped to the positions; empty ones count nowhere)."""
    lo = np.maximum(lo, 0)
    hi = np.minimum(hi, size - 1)
    keep = lo <= hi
    lo, hi, weight = lo[keep], hi[keep], weight[keep]
    diff = np.bincount(lo, weights=weight, minlength=size + 1) - np.bincount(hi + 1, weights=weight, minlength=size + 1)
    return np.cumsum(diff[:size])
