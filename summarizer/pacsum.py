"""Our default method: position-aware centrality with redundancy control.

The idea of PacSum (Zheng & Lapata 2019): a sentence matters when the sentences after it
resemble it (news states a fact, then elaborates), and matters less when it only repeats what
came before. Sentences are tf-idf vectors of stems (scipy sparse); the similarity of every
pair is computed in row chunks so memory stays bounded on long texts. A sentence's score is

    forward * sum_{j>i} e_ij  -  backward * sum_{j<i} e_ij  (normalised)  +  position / (1 + i)**decay

where e_ij is the similarity above a threshold set between the smallest and largest
similarity. Sentences are then picked greedily by maximal marginal relevance (MMR): score minus
``redundancy`` times the largest similarity to a sentence already picked.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from segmenter.words import WordNormalizer

CHUNK_ROWS = 512


@dataclass(frozen=True)
class PacSumParams:
    """Tunables, fitted on the training part of the BBC data (see BENCHMARKS.md)."""

    forward: float = 1.0
    backward: float = 0.3
    threshold: float = 0.1
    position: float = 1.0
    decay: float = 1.0
    redundancy: float = 0.5
    min_words: int = 4


def tfidf_matrix(stems: list[list[str]]) -> sparse.csr_matrix:
    """Rows: sentences as L2-normalised sublinear tf-idf vectors."""
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, sent in enumerate(stems):
        counts: dict[int, int] = {}
        for stem in sent:
            j = vocab.setdefault(stem, len(vocab))
            counts[j] = counts.get(j, 0) + 1
        for j, c in counts.items():
            rows.append(i)
            cols.append(j)
            vals.append(1.0 + np.log(c))
    n = len(stems)
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))), dtype=np.float64)
    df = np.bincount(cols, minlength=matrix.shape[1]) if cols else np.zeros(matrix.shape[1])
    idf = np.log((n + 1) / (df + 1)) + 1.0
    matrix = matrix @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def _directed_centrality(x: sparse.csr_matrix, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Sum of thresholded similarity to later and to earlier sentences, chunk by chunk."""
    n = x.shape[0]
    forward = np.zeros(n)
    backward = np.zeros(n)
    # Threshold relative to the range of off-diagonal similarities, estimated chunk-wise.
    lo, hi = np.inf, -np.inf
    xt = x.T.tocsc()
    for start in range(0, n, CHUNK_ROWS):
        block = (x[start: start + CHUNK_ROWS] @ xt).toarray()
        idx = np.arange(block.shape[0])
        block[idx, start + idx] = np.nan
        if np.isfinite(block).any():
            lo = min(lo, np.nanmin(block))
            hi = max(hi, np.nanmax(block))
    if not np.isfinite(lo):
        return forward, backward
    cut = lo + threshold * (hi - lo)
    cols = np.arange(n)
    for start in range(0, n, CHUNK_ROWS):
        block = (x[start: start + CHUNK_ROWS] @ xt).toarray()
        block = np.where(block > cut, block - cut, 0.0)
        rows = start + np.arange(block.shape[0])
        later = cols[None, :] > rows[:, None]
        earlier = cols[None, :] < rows[:, None]
        forward[rows] = (block * later).sum(axis=1)
        backward[rows] = (block * earlier).sum(axis=1)
    return forward, backward


def pacsum_select(
    sentences: list[str], count: int, normalizer: WordNormalizer, params: PacSumParams = PacSumParams(),
    word_budget: int | None = None,
) -> list[int]:
    """Indices (in document order) of the sentences to keep."""
    n = len(sentences)
    if n == 0 or count <= 0:
        return []
    stems = [normalizer.stems(s) for s in sentences]
    x = tfidf_matrix(stems)
    forward, backward = _directed_centrality(x, params.threshold)
    central = params.forward * forward - params.backward * backward
    span = central.max() - central.min()
    central = (central - central.min()) / span if span > 0 else np.zeros(n)
    position = params.position / (1.0 + np.arange(n)) ** params.decay
    score = central + position
    words = np.array([len(s.split()) for s in sentences])
    score = np.where(words < params.min_words, score - 1.0, score)
    chosen: list[int] = []
    used_words = 0
    best_sim = np.zeros(n)
    available = np.ones(n, dtype=bool)
    while len(chosen) < count and available.any():
        mmr = np.where(available, score - params.redundancy * best_sim, -np.inf)
        i = int(np.argmax(mmr))
        available[i] = False
        if word_budget is not None and used_words + words[i] > word_budget:
            if chosen:
                continue
        chosen.append(i)
        used_words += int(words[i])
        sims = (x @ x[i].T).toarray().ravel()
        best_sim = np.maximum(best_sim, sims)
        if word_budget is not None and used_words >= word_budget:
            break
    return sorted(chosen)
