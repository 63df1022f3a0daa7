"""Stem ids of many lines at once: one dictionary lookup per token, the rest in numpy.

A line's content words are the stems of its white-space tokens, lower-cased (see
:class:`corpuscut.text.words.WordNormalizer`). Splitting every line into tokens is the only work done
per line here; each distinct token is stemmed once and remembered as a run of stem numbers,
and the stems of a whole section come from those runs by array indexing.

The ids handed out are numbered by first appearance in the texts given, exactly as
:meth:`corpuscut.text.stems.StemIds.of` numbers the stems of the same texts, whatever was read
before: a section's result never depends on the sections analysed before it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import count
from operator import itemgetter

import numpy as np

from corpuscut.text.stems import StemIds
from corpuscut.text.words import WordNormalizer

#: The remembered tokens are forgotten when there are this many (bounded memory on endless
#: streams of new words: numbers, names, noise).
MAX_TOKENS = 100_000
#: Token strings are turned into numbers this many at a time (a 2 MB section has ~340,000).
CHUNK_TOKENS = 50_000


@dataclass
class Vocabulary:
    """Turns texts into :class:`StemIds` for one language, remembering every token's stems."""

    normalizer: WordNormalizer
    _token_ids: defaultdict[str, int] = field(init=False, repr=False)
    _stem_ids: dict[str, int] = field(init=False, repr=False)  # stem -> global stem number
    _stem_count: np.ndarray = field(init=False, repr=False)  # token id -> how many stems
    _stem_start: np.ndarray = field(init=False, repr=False)  # token id -> first in _stem_flat
    _stem_flat: np.ndarray = field(init=False, repr=False)  # global stem numbers, token after token

    def __post_init__(self) -> None:
        self._forget()

    def _forget(self) -> None:
        # A missing token gets the next number from the counter, inside the dictionary lookup.
        self._token_ids = defaultdict(count().__next__)
        self._stem_ids = {}
        self._stem_count = np.zeros(0, dtype=np.int64)
        self._stem_start = np.zeros(0, dtype=np.int64)
        self._stem_flat = np.zeros(0, dtype=np.int64)

    def stem_ids(self, texts: list[str]) -> tuple[StemIds, list[int]]:
        """The stems of each text as one :class:`StemIds` (a unit per text), and each text's
        number of white-space words."""
        return self.stem_ids_of_groups([texts])[0]

    def stem_ids_of_groups(self, groups: list[list[str]]) -> list[tuple[StemIds, list[int]]]:
        """:meth:`stem_ids` of each group of texts, the same as one call per group, with the
        tokens of all groups looked up in one pass: the lookups of many small sections at
        once run a third quicker than one section at a time (the table of known tokens stays
        in the processor's cache)."""
        if len(self._token_ids) > MAX_TOKENS:
            self._forget()
        tokens: list[str] = []
        words: list[int] = []
        looked_up: list[np.ndarray] = []
        for texts in groups:
            for text in texts:
                split = text.lower().split()
                tokens.extend(split)
                words.append(len(split))
                if len(tokens) >= CHUNK_TOKENS:  # only token numbers are kept, not the strings
                    looked_up.append(self._look_up(tokens))
                    tokens = []
        looked_up.append(self._look_up(tokens))
        token_ids = np.concatenate(looked_up)
        # Each token's run of stems, concatenated.
        counts = self._stem_count[token_ids]
        ends = np.cumsum(counts)
        total = int(ends[-1]) if len(ends) else 0
        offsets = np.repeat(self._stem_start[token_ids] - (ends - counts), counts)
        stems = self._stem_flat[offsets + np.arange(total)]
        # Where each text's stems start, over all groups.
        text_starts = np.concatenate([np.zeros(1, dtype=np.int64), ends])[np.cumsum([0, *words], dtype=np.int64)]
        out = []
        first = 0
        for texts in groups:
            last = first + len(texts)
            starts = text_starts[first: last + 1] - text_starts[first]
            own = stems[text_starts[first]: text_starts[last]]
            out.append((StemIds(_by_first_appearance(own, len(self._stem_ids)), starts), words[first:last]))
            first = last
        return out

    def _look_up(self, tokens: list[str]) -> np.ndarray:
        """The tokens' numbers, stemming those never seen before."""
        known = len(self._stem_count)
        # one itemgetter call looks all of them up (a fifth quicker than a lookup per token
        # through map); it gives a tuple for two or more keys only
        found = itemgetter(*tokens)(self._token_ids) if len(tokens) > 1 else map(self._token_ids.__getitem__, tokens)
        token_ids = np.fromiter(found, dtype=np.int64, count=len(tokens))
        if len(self._token_ids) > known:
            self._learn(tokens, token_ids, known)
        return token_ids

    def _learn(self, tokens: list[str], token_ids: np.ndarray, known: int) -> None:
        """Stem the tokens first seen in this call (ids ``known`` onwards, numbered in order of
        first appearance) and append their runs of stems."""
        new_at = np.flatnonzero(token_ids >= known)
        _, first = np.unique(token_ids[new_at], return_index=True)  # in id order
        stem_ids = self._stem_ids
        counts, flat = [], []
        for stems in self.normalizer.token_stems([tokens[position] for position in new_at[first].tolist()]):
            counts.append(len(stems))
            flat.extend(stem_ids.setdefault(stem, len(stem_ids)) for stem in stems)
        counts_array = np.asarray(counts, dtype=np.int64)
        self._stem_start = np.concatenate([self._stem_start, len(self._stem_flat) + np.cumsum(counts_array) - counts_array])
        self._stem_count = np.concatenate([self._stem_count, counts_array])
        self._stem_flat = np.concatenate([self._stem_flat, np.asarray(flat, dtype=np.int64)])


def _by_first_appearance(numbers: np.ndarray, size: int) -> np.ndarray:
    """``numbers`` (each below ``size``) renumbered 0, 1, 2, ... in order of first appearance.
    The work follows the text's length, not ``size`` (the stems of every text read so far): a
    batch of small files would otherwise pay for the whole vocabulary in each."""
    if size <= 4 * len(numbers):  # a long text: arrays over the vocabulary are the cheaper way
        n = len(numbers)
        first = np.full(size, n, dtype=np.int64)
        np.minimum.at(first, numbers, np.arange(n, dtype=np.int64))
        present = np.flatnonzero(first < n)
        rank = np.zeros(size, dtype=np.int64)
        rank[present[np.argsort(first[present], kind="stable")]] = np.arange(len(present), dtype=np.int64)
        return rank[numbers]
    distinct, first, inverse = np.unique(numbers, return_index=True, return_inverse=True)
    rank = np.empty(len(distinct), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(distinct), dtype=np.int64)
    return rank[inverse.reshape(-1)]
