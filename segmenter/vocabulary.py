"""Stem ids of many lines at once: one lookup per token, the rest in numpy.

A line's content words are the stems of its white-space tokens, lower-cased (see
:class:`corpuscut.text.words.WordNormalizer`). Splitting every line into tokens is the only work done
per line here; each distinct token is stemmed once and remembered as a run of stem numbers,
and the stems of a whole section come from those runs by array indexing.

A token is looked up in a dictionary of token strings; once the process runs its kernels
compiled (:mod:`corpuscut.text.compiled`), by a compiled kernel that reads the lower-cased
texts' code points and keeps its own table of them (:func:`segmenter.kernels.token_ids`): the
same tokens, split where ``str.split`` splits, without a string made per token. The numbers
either gives are the vocabulary's own; the stem ids handed out do not depend on them.

The ids handed out are numbered by first appearance in the texts given, exactly as
:meth:`corpuscut.text.stems.StemIds.of` numbers the stems of the same texts, whatever was read
before: a section's result never depends on the sections analysed before it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import count
from operator import itemgetter

import numpy as np

from corpuscut.text.compiled import Tier, compiled
from corpuscut.text.stems import StemIds
from corpuscut.text.words import WordNormalizer

from .kernels import token_count, token_ids, token_table

#: The remembered tokens are forgotten when there are this many (bounded memory on endless
#: streams of new words: numbers, names, noise).
MAX_TOKENS = 100_000
#: Token strings are turned into numbers this many at a time (a 2 MB section has ~340,000).
CHUNK_TOKENS = 50_000
#: The compiled lookup reads the texts' code points about this many at a time.
CHUNK_POINTS = 250_000


@dataclass
class Vocabulary:
    """Turns texts into :class:`StemIds` for one language, remembering every token's stems."""

    normalizer: WordNormalizer
    #: When the tokens are looked up by the compiled kernel rather than a dictionary: once the
    #: process runs its kernels compiled (:mod:`corpuscut.text.compiled`; this lookup adds no
    #: work to the tier's count, so it never decides when Numba loads). None: never.
    tier: Tier | None = None
    _token_ids: defaultdict[str, int] = field(init=False, repr=False)
    _table: "_TokenTable | None" = field(init=False, repr=False)  # the compiled lookup's tokens
    _stem_ids: dict[str, int] = field(init=False, repr=False)  # stem -> global stem number
    _stem_count: np.ndarray = field(init=False, repr=False)  # token id -> how many stems
    _stem_start: np.ndarray = field(init=False, repr=False)  # token id -> first in _stem_flat
    _stem_flat: np.ndarray = field(init=False, repr=False)  # global stem numbers, token after token

    def __post_init__(self) -> None:
        self._table = None
        self._forget()

    def _forget(self) -> None:
        # A missing token gets the next number from the counter, inside the dictionary lookup.
        self._token_ids = defaultdict(count().__next__)
        if self._table is not None:
            self._table = _TokenTable()
        self._stem_ids = {}
        self._stem_count = np.zeros(0, dtype=np.int64)
        self._stem_start = np.zeros(0, dtype=np.int64)
        self._stem_flat = np.zeros(0, dtype=np.int64)

    def _known(self) -> int:
        return self._table.known if self._table is not None else len(self._token_ids)

    def stem_ids(self, texts: list[str]) -> tuple[StemIds, list[int]]:
        """The stems of each text as one :class:`StemIds` (a unit per text), and each text's
        number of white-space words."""
        return self.stem_ids_of_groups([texts])[0]

    def stem_ids_of_groups(self, groups: list[list[str]]) -> list[tuple[StemIds, list[int]]]:
        """:meth:`stem_ids` of each group of texts, the same as one call per group, with the
        tokens of all groups looked up in one pass: the lookups of many small sections at
        once run a third quicker than one section at a time (the table of known tokens stays
        in the processor's cache)."""
        if self._table is None and self.tier is not None and self.tier.compiles(0):
            self._table = _TokenTable()  # (the dictionary's numbers are not the table's)
            self._forget()
        if self._known() > MAX_TOKENS:
            self._forget()
        if self._table is not None:
            token_ids, words = self._look_up_compiled([text for texts in groups for text in texts])
        else:
            token_ids, words = self._look_up_texts(groups)
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

    def _look_up_texts(self, groups: list[list[str]]) -> tuple[np.ndarray, list[int]]:
        """Every white-space token's number, all texts' one after another, and each text's
        count of tokens: by a dictionary lookup of each token."""
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
        return np.concatenate(looked_up), words

    def _look_up_compiled(self, texts: list[str]) -> tuple[np.ndarray, list[int]]:
        """:meth:`_look_up_texts` by the compiled kernel, from the texts' code points, some
        ``CHUNK_POINTS`` at a time: no string is made per token, none but a new token's first."""
        lowered = [text.lower() for text in texts]  # (each alone, as _look_up_texts lowers them)
        lengths = np.fromiter(map(len, lowered), dtype=np.int64, count=len(lowered))
        ends = np.cumsum(lengths + 1)  # past each text and the "\n" after it
        looked_up: list[np.ndarray] = []
        words: list[int] = []
        first = 0
        while first < len(texts) or not looked_up:
            last = max(first + 1, int(np.searchsorted(ends, ends[first - 1] + CHUNK_POINTS if first else CHUNK_POINTS)))
            ids, counted = self._look_up_points(lowered[first:last])
            looked_up.append(ids)
            words.extend(counted)
            first = last
        return np.concatenate(looked_up), words

    def _look_up_points(self, lowered: list[str]) -> tuple[np.ndarray, list[int]]:
        """The token numbers and each text's count of tokens of some lower-cased texts."""
        assert self._table is not None
        joined = "\n".join(lowered)
        points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        space = _space_table()
        tokens = compiled(token_count)(points, space)
        table = self._table
        table.make_room(tokens, len(points))
        known = table.known
        text_ends = np.cumsum(np.fromiter(map(len, lowered), dtype=np.int64, count=len(lowered)) + 1) - 1
        ids = np.empty(tokens, dtype=np.int64)
        words = np.zeros(len(lowered), dtype=np.int64)
        first_at = np.empty(tokens, dtype=np.int64)
        state = np.array([0, 0, 0, known, known, table.chars_used], dtype=np.int64)
        while True:
            compiled(token_ids)(points, text_ends, space, table.table, table.token_start, table.token_length,
                                table.token_hash, table.chars, state, ids, words, first_at)
            table.known, table.chars_used = int(state[3]), int(state[5])
            if state[2] == tokens:
                break
            table.grow()
        if table.known > known:
            lengths = table.token_length[known:table.known].tolist()
            self._append_stems([joined[at:at + n] for at, n in zip(first_at[:table.known - known].tolist(), lengths)])
        return ids, words.tolist()

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
        self._append_stems([tokens[position] for position in new_at[first].tolist()])

    def _append_stems(self, new: list[str]) -> None:
        """Stem the ``new`` tokens, the next token numbers in order, and append their runs of stems."""
        stem_ids = self._stem_ids
        counts, flat = [], []
        for stems in self.normalizer.token_stems(new):
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


#: Code points up to this one may be white space (U+3000, the ideographic space, is the last).
_LAST_SPACE = 0x3000


@lru_cache(maxsize=1)
def _space_table() -> np.ndarray:
    """Per code point up to ``_LAST_SPACE``, whether ``str.split`` splits at it."""
    return np.array([chr(c).isspace() for c in range(_LAST_SPACE + 1)], dtype=np.bool_)


@dataclass
class _TokenTable:
    """The tokens the compiled lookup knows (:func:`segmenter.kernels.token_ids`): by their
    hashes in ``table``, each one's code points in ``chars``."""

    known: int = 0
    chars_used: int = 0
    table: np.ndarray = field(default_factory=lambda: np.full(1 << 16, -1, dtype=np.int32))
    token_start: np.ndarray = field(default_factory=lambda: np.zeros(1 << 15, dtype=np.int64))
    token_length: np.ndarray = field(default_factory=lambda: np.zeros(1 << 15, dtype=np.int64))
    token_hash: np.ndarray = field(default_factory=lambda: np.zeros(1 << 15, dtype=np.uint64))
    chars: np.ndarray = field(default_factory=lambda: np.zeros(1 << 18, dtype=np.uint32))

    def make_room(self, tokens: int, points: int) -> None:
        """Room for ``tokens`` more tokens of ``points`` code points in all, each a new one
        (the table grows as they come: :meth:`grow`)."""
        wanted = self.known + tokens
        if wanted > len(self.token_start):
            size = _power_of_two(wanted)
            self.token_start = _grown(self.token_start, size)
            self.token_length = _grown(self.token_length, size)
            self.token_hash = _grown(self.token_hash, size)
        if self.chars_used + points > len(self.chars):
            self.chars = _grown(self.chars, _power_of_two(self.chars_used + points))

    def grow(self) -> None:
        """A table twice as large, of the same tokens."""
        self.table = compiled(token_table)(self.token_hash, self.known, 2 * len(self.table))


def _power_of_two(n: int) -> int:
    return 1 << max(0, n - 1).bit_length()


def _grown(array: np.ndarray, size: int) -> np.ndarray:
    out = np.zeros(size, dtype=array.dtype)
    out[:len(array)] = array
    return out
