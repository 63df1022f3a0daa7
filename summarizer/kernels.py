"""newsrank's lexical features for one text in a single compiled loop.

:func:`newsrank_features` is what :func:`summarizer.newsrank.lexical_features` computes with numpy
(the stem-count matrix, tf-idf rows, the overlap graph's centrality, similarity to the title and
to the whole text, ranks), written one step at a time so that Numba compiles it
(:func:`corpuscut.text.compiled.compiled`). A text of twenty
sentences costs numpy some forty calls of a few microseconds each, most of a summary's time;
compiled, the same work is one call. The sums run in another order than numpy's, so a feature
may differ in its last bits; tests hold the two forms' picks equal on the samples' articles.

Memory stays linear in the text: the counts are kept as sparse rows and each sentence's overlap
with the others is built from the stems' postings, one row at a time.
"""

from __future__ import annotations

import numpy as np

#: Values equal to this many decimal places tie when ranked: sentences whose similarity is equal
#: in exact arithmetic come out a few units of the last bit apart in either form, in any order.
TIE_DECIMALS = 12


def newsrank_features(ids: np.ndarray, starts: np.ndarray, words: np.ndarray, has_title: bool) -> np.ndarray:
    """The lexical features of each sentence: one row of ``newsrank.LEXICAL_FEATURES`` each.

    ``ids[starts[r]:starts[r + 1]]`` are the stem ids (0 up, by first appearance) of row r: the
    n sentences, then the title (an empty row when there is none)."""
    n = len(starts) - 2
    rows = n + 1
    width = 1
    for k in range(len(ids)):
        if ids[k] + 1 > width:
            width = ids[k] + 1
    # Sparse rows: each row's distinct stems (in order of first appearance) and their counts.
    scratch = np.zeros(width, dtype=np.int64)
    row_ptr = np.zeros(rows + 1, dtype=np.int64)
    cols = np.empty(len(ids), dtype=np.int64)
    vals = np.empty(len(ids), dtype=np.float64)
    nnz = 0
    for r in range(rows):
        for k in range(starts[r], starts[r + 1]):
            v = ids[k]
            if scratch[v] == 0:
                cols[nnz] = v
                nnz += 1
            scratch[v] += 1
        for k in range(row_ptr[r], nnz):
            vals[k] = scratch[cols[k]]
            scratch[cols[k]] = 0
        row_ptr[r + 1] = nnz
    # Sublinear tf-idf, rows L2-normalised (idf over all rows, the title's included).
    df = np.zeros(width, dtype=np.int64)
    for k in range(nnz):
        df[cols[k]] += 1
    idf = np.log((rows + 1) / (df + 1.0)) + 1.0
    tfidf = np.empty(nnz, dtype=np.float64)
    for r in range(rows):
        norm = 0.0
        for k in range(row_ptr[r], row_ptr[r + 1]):
            w = (1.0 + np.log(vals[k])) * idf[cols[k]]
            tfidf[k] = w
            norm += w * w
        norm = np.sqrt(norm)
        if norm == 0.0:
            norm = 1.0
        for k in range(row_ptr[r], row_ptr[r + 1]):
            tfidf[k] /= norm
    # Postings of the sentences' stems (the title left out), for row-by-row overlaps.
    post_ptr = np.zeros(width + 1, dtype=np.int64)
    for k in range(row_ptr[n]):
        post_ptr[cols[k] + 1] += 1
    for v in range(width):
        post_ptr[v + 1] += post_ptr[v]
    fill = post_ptr[:-1].copy()
    post_row = np.empty(row_ptr[n], dtype=np.int64)
    post_at = np.empty(row_ptr[n], dtype=np.int64)  # the entry's place in cols/vals/tfidf
    for r in range(n):
        for k in range(row_ptr[r], row_ptr[r + 1]):
            v = cols[k]
            post_row[fill[v]] = r
            post_at[fill[v]] = k
            fill[v] += 1
    logs = np.empty(n, dtype=np.float64)
    for r in range(n):
        length = 0.0
        for k in range(row_ptr[r], row_ptr[r + 1]):
            length += vals[k]
        logs[r] = np.log(max(length, 1.0))
    # Centrality on the overlap graph, split by direction.
    forward = np.zeros(n)
    backward = np.zeros(n)
    overlap = np.zeros(n)
    for i in range(n):
        for k in range(row_ptr[i], row_ptr[i + 1]):
            v = cols[k]
            for p in range(post_ptr[v], post_ptr[v + 1]):
                overlap[post_row[p]] += vals[k] * vals[post_at[p]]
        for j in range(n):
            if overlap[j] != 0.0 and j != i:
                edge = overlap[j] / max(logs[i] + logs[j], 1.0)
                if j > i:
                    forward[i] += edge
                else:
                    backward[i] += edge
            overlap[j] = 0.0
    scale = max(1.0, n - 1.0)
    centrality = (forward + backward) / scale
    # Cosine to the title and to the whole text (the sum of the sentences' tf-idf rows).
    title = np.zeros(width)
    if has_title:
        for k in range(row_ptr[n], row_ptr[n + 1]):
            title[cols[k]] = tfidf[k]
    centroid = np.zeros(width)
    for k in range(row_ptr[n]):
        centroid[cols[k]] += tfidf[k]
    centroid_norm = np.sqrt(np.sum(centroid * centroid))
    if centroid_norm == 0.0:
        centroid_norm = 1.0
    title_sim = np.zeros(n)
    doc_sim = np.zeros(n)
    for r in range(n):
        for k in range(row_ptr[r], row_ptr[r + 1]):
            title_sim[r] += tfidf[k] * title[cols[k]]
            doc_sim[r] += tfidf[k] * (centroid[cols[k]] / centroid_norm)
    # The features, in the order of newsrank.LEXICAL_FEATURES.
    position = np.arange(n) * 1.0
    word_counts = words * 1.0
    features = np.empty((n, 12))
    features[:, 0] = position / scale
    features[:, 1] = 1.0 / (1.0 + position)
    features[:, 2] = 0.0
    features[0, 2] = 1.0
    features[:, 3] = np.log1p(word_counts)
    features[:, 5] = centrality
    features[:, 7] = forward / scale
    features[:, 8] = backward / scale
    features[:, 9] = title_sim
    features[:, 10] = doc_sim
    # Ranks within the document, scaled to 0..1 (1: the largest), ties (equal to
    # TIE_DECIMALS places) in document order: (column ranked, column of its rank). The word
    # counts are ranked through their log1p, which keeps their order.
    ranked = ((3, 4), (5, 6), (10, 11))
    for c in range(3):
        source, target = ranked[c]
        if n == 1:
            features[0, target] = 1.0
            continue
        order = np.argsort(np.round(features[:, source], TIE_DECIMALS), kind="mergesort")
        for place in range(n):
            features[order[place], target] = place / (n - 1.0)
    return features
