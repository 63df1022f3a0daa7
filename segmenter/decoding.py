"""Pick boundaries from gap scores: dynamic programming with a penalty on short articles.

The best segmentation maximises the sum of the log-odds of the gaps it cuts, minus a penalty
for every article shorter than ``min_words`` (growing as it gets shorter). Runs in time linear
in the number of blocks times the few blocks that fit in ``min_words``.
"""

from __future__ import annotations


def choose_boundaries(
    logits: list[float], words: list[int], min_words: int, short_penalty: float
) -> list[int]:
    """Indices of the blocks that start a new article (never 0).

    ``logits[g]`` scores a cut before block ``g + 1``; ``words[b]`` is block b's word count.
    """
    n = len(words)
    if n <= 1:
        return []
    prefix = [0]
    for w in words:
        prefix.append(prefix[-1] + w)

    def gain(i: int) -> float:
        return logits[i - 1] if i > 0 else 0.0

    def penalty(i: int, j: int) -> float:
        size = prefix[j] - prefix[i]
        if size >= min_words or min_words <= 0:
            return 0.0
        return short_penalty * (1.0 - size / min_words)

    best = [0.0] * (n + 1)
    back = [0] * (n + 1)
    long_max = float("-inf")  # best[i] + gain(i) over starts i whose article to j is long enough
    long_arg = -1
    k = 0  # next start not yet folded into long_max
    for j in range(1, n + 1):
        while k < j and prefix[j] - prefix[k] >= min_words:
            value = best[k] + gain(k)
            if value > long_max:
                long_max, long_arg = value, k
            k += 1
        cand, arg = long_max, long_arg
        for i in range(k, j):
            value = best[i] + gain(i) - penalty(i, j)
            if value > cand:
                cand, arg = value, i
        best[j], back[j] = cand, arg
    cuts = []
    j = n
    while j > 0:
        i = back[j]
        if i > 0:
            cuts.append(i)
        j = i
    return sorted(cuts)
