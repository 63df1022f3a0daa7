"""A text's stems as integer ids in one array, unit by unit: what the lexical measures of both
libraries count."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain, count

import numpy as np


@dataclass(frozen=True)
class StemIds:
    """The stems of a run of units (blocks, or runs of blocks) as integer ids in one array:
    unit u's are ``ids[starts[u]:starts[u + 1]]``."""

    ids: np.ndarray
    starts: np.ndarray

    @classmethod
    def of(cls, unit_stems: list[list[str]]) -> "StemIds":
        # Ids in order of first appearance; every pass runs in C.
        index = dict(zip(dict.fromkeys(chain.from_iterable(unit_stems)), count()))
        starts = np.zeros(len(unit_stems) + 1, dtype=np.int64)
        np.cumsum([len(stems) for stems in unit_stems], out=starts[1:])
        ids = np.fromiter(map(index.__getitem__, chain.from_iterable(unit_stems)), dtype=np.int64, count=int(starts[-1]))
        return cls(ids, starts)

    @property
    def units(self) -> int:
        return len(self.starts) - 1

    @property
    def vocab(self) -> int:
        """How many distinct ids (ids run from 0)."""
        return int(self.ids.max()) + 1 if len(self.ids) else 0

    def merged(self, bounds: list[int]) -> "StemIds":
        """Units ``bounds[k]:bounds[k + 1]`` of this run, each merged into one unit."""
        edges = self.starts[bounds]
        return StemIds(self.ids[edges[0]: edges[-1]], edges - edges[0])


def counted_pairs(major: np.ndarray, minor: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(major * width + minor, return_counts=True)`` for ``minor`` that never falls
    along the arrays (a unit's or segment's number, each below ``width``): a stable sort by
    ``major`` alone then orders the keys, and where ``major`` fits 16 bits that sort is numpy's
    radix sort (a stem per token of a long section: several times quicker than sorting the keys)."""
    keys = major.astype(np.int64) * width + minor
    if not len(keys) or int(major.min()) < 0 or int(major.max()) >= 1 << 16:
        return np.unique(keys, return_counts=True)
    keys = keys[np.argsort(major.astype(np.uint16), kind="stable")]
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    return keys[starts], np.diff(np.append(starts, len(keys)))
