"""The segmenter's inner loops over integer arrays, run compiled by Numba once a process has
enough work (:mod:`corpuscut.text.compiled`: ``compiled(kernel)`` and the :class:`Tier` that
decides when). Each is an ordinary Python function of numpy arrays and numbers, written one
step at a time; its caller keeps a numpy form that does the same arithmetic in the same order
on whole arrays (a test holds the two equal).
"""

from __future__ import annotations

import numpy as np


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


#: FNV-1a, 64 bits: a token's hash, from its code points one after another.
FNV_OFFSET = np.uint64(14695981039346656037)
FNV_PRIME = np.uint64(1099511628211)


def token_count(points: np.ndarray, space: np.ndarray) -> int:
    """How many white-space tokens the code points hold (``space[c]``: c is white space, as
    ``str.isspace`` says; a code point past the table is none)."""
    tokens = 0
    inside = False
    n_space = len(space)
    for i in range(len(points)):
        c = points[i]
        if c < n_space and space[c]:
            inside = False
        elif not inside:
            inside = True
            tokens += 1
    return tokens


def token_ids(
    points: np.ndarray,
    text_ends: np.ndarray,
    space: np.ndarray,
    table: np.ndarray,
    token_start: np.ndarray,
    token_length: np.ndarray,
    token_hash: np.ndarray,
    chars: np.ndarray,
    state: np.ndarray,
    ids: np.ndarray,
    words: np.ndarray,
    first_at: np.ndarray,
) -> None:
    """The number of each white-space token of ``points`` (texts, each ending before its
    ``text_ends`` entry: a white-space separator, or the end), in order, into ``ids``; each
    text's count of tokens added to ``words``. A token is known by its code points: ``table``
    (open addressing, a power of two long, -1 where free) holds token numbers by their hash,
    ``chars[token_start[k]:][:token_length[k]]`` token k's code points. A token not known yet
    gets the next number and its first place in ``points`` in ``first_at`` (from 0 for the
    first new one). ``state`` holds where to go on and what is used: the place in ``points``,
    the text, the tokens looked up, the tokens known, the known before the first call, the
    ``chars`` used; the call returns (``state`` updated) once the table is half full, to be
    grown, or once ``points`` are done. ``chars`` and the token arrays must hold room for
    every token left as a new one."""
    mask = len(table) - 1
    n_space = len(space)
    i, text, out, n, known, chars_used = state[0], state[1], state[2], state[3], state[4], state[5]
    full = len(table) // 2
    total = len(points)
    while i < total and n < full:
        c = points[i]
        if c < n_space and space[c]:
            i += 1
            continue
        start = i
        h = FNV_OFFSET
        while i < total:
            c = points[i]
            if c < n_space and space[c]:
                break
            h = (h ^ np.uint64(c)) * FNV_PRIME
            i += 1
        length = i - start
        while text_ends[text] < start:
            text += 1
        words[text] += 1
        slot = np.int64(h & np.uint64(mask))
        while True:
            k = table[slot]
            if k < 0:
                table[slot] = n
                token_start[n] = chars_used
                token_length[n] = length
                token_hash[n] = h
                for q in range(length):
                    chars[chars_used + q] = points[start + q]
                chars_used += length
                first_at[n - known] = start
                ids[out] = n
                n += 1
                break
            if token_hash[k] == h and token_length[k] == length:
                at = token_start[k]
                same = True
                for q in range(length):
                    if chars[at + q] != points[start + q]:
                        same = False
                        break
                if same:
                    ids[out] = k
                    break
            slot = (slot + 1) & mask
        out += 1
    state[0], state[1], state[2], state[3], state[5] = i, text, out, n, chars_used


def token_table(token_hash: np.ndarray, known: int, size: int) -> np.ndarray:
    """A table of ``size`` slots (a power of two) holding tokens 0 .. ``known`` - 1 by their
    hashes, as :func:`token_ids` fills it."""
    table = np.full(size, -1, dtype=np.int32)
    mask = size - 1
    for k in range(known):
        slot = np.int64(token_hash[k] & np.uint64(mask))
        while table[slot] >= 0:
            slot = (slot + 1) & mask
        table[slot] = k
    return table


def passages_overlap(flat: np.ndarray, starts: np.ndarray, chosen: np.ndarray, reach: int, vocab: int,
                     out: np.ndarray) -> None:
    """:func:`segmenter.features.passages_overlap` of the ``chosen`` blocks, into ``out``: per
    block, the distinct stems of the ``reach`` blocks before it and of those after it, counted
    by marking each stem with the block's number, and the share the two have in common of the
    smaller of the two."""
    n = len(starts) - 1
    before_mark = np.full(max(1, vocab), -1, dtype=np.int64)
    after_mark = np.full(max(1, vocab), -1, dtype=np.int64)
    for block in chosen:
        n_before = 0
        for p in range(starts[max(0, block - reach)], starts[block]):
            stem = flat[p]
            if before_mark[stem] != block:
                before_mark[stem] = block
                n_before += 1
        n_after = 0
        common = 0
        for p in range(starts[block + 1], starts[min(n, block + 1 + reach)]):
            stem = flat[p]
            if after_mark[stem] != block:
                after_mark[stem] = block
                n_after += 1
                if before_mark[stem] == block:
                    common += 1
        if n_before and n_after:
            out[block] = common / min(n_before, n_after)
