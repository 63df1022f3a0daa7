"""Our default method, ``newsrank``: sentence features that matter in news, weighed by a model
fitted on the training part of the BBC data, then picked with a light redundancy check.

Features of each sentence (all computed with numpy/scipy, similarities in row chunks so memory
stays bounded on long texts):

- position: relative place, 1/(1+i), and whether it is the first sentence;
- length: log word count, and its rank in the document;
- centrality on the word-overlap graph (TextRank's edge: shared stems over the sum of the log
  lengths), split by direction as in PacSum (Zheng & Lapata 2019): similarity to the sentences
  *after* it (news states a fact, then elaborates) and to those *before* it (an echo);
- tf-idf cosine to the headline (when the text starts with one) and to the whole document.

A logistic regression over these features (weights in ``data/newsrank.json``, refitted with
``python -m corpuscut.summarizer.train``) gives each sentence a score; sentences are picked best first,
skipping one too similar to a sentence already picked (maximal marginal relevance).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpuscut.segmenter.datafiles import read_json
from corpuscut.segmenter.kernels import Tier, compiled
from corpuscut.segmenter.lexical import StemIds
from corpuscut.segmenter.words import WordNormalizer

from .errors import SummarizerError
from .kernels import TIE_DECIMALS, newsrank_pick

CHUNK_ROWS = 512
FEATURES: tuple[str, ...] = (
    "relative_position",
    "inverse_position",
    "first_sentence",
    "log_words",
    "length_rank",
    "centrality",
    "centrality_rank",
    "forward_centrality",
    "backward_centrality",
    "title_similarity",
    "document_similarity",
    "document_similarity_rank",
)


@dataclass(frozen=True)
class NewsRankModel:
    """Feature weights, bias and the redundancy penalty of MMR selection."""

    weights: tuple[float, ...]
    bias: float = 0.0
    redundancy: float = 0.0

    @property
    def weight_vector(self) -> np.ndarray:
        return np.asarray(self.weights)

    def to_json(self, **meta: object) -> str:
        body = {
            "features": list(FEATURES),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "redundancy": self.redundancy,
            **meta,
        }
        return json.dumps(body, indent=2) + "\n"


def load_newsrank(path: Path | str | None = None) -> NewsRankModel:
    try:
        data = read_json("corpuscut.summarizer", "data/newsrank.json", path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SummarizerError(f"newsrank model {path or 'data/newsrank.json'} cannot be loaded: {exc}") from exc
    if tuple(data["features"]) != FEATURES:
        raise SummarizerError("the newsrank model was fitted on other features; refit: python -m corpuscut.summarizer.train")
    return NewsRankModel(tuple(float(w) for w in data["weights"]), float(data["bias"]), float(data.get("redundancy", 0.0)))


#: Up to this many matrix cells (sentences x stems, or sentences x sentences), dense numpy beats
#: scipy's sparse matrices; above it sparse ones are quicker and far smaller (timed on
#: prefixes of one long text, the two cross near 60,000 cells). A higher threshold let one
#: long article hold several dense float matrices of tens of MB at once (CHANGELOG.md,
#: 2026-12-02).
DENSE_CELLS = 60_000


def _array(m: object) -> np.ndarray:
    if isinstance(m, np.ndarray):
        return m
    return m.toarray() if hasattr(m, "toarray") else np.asarray(m)  # type: ignore[attr-defined]


def _rank(values: np.ndarray) -> np.ndarray:
    """Rank within the document, scaled to 0..1 (1: the largest); ties (equal to TIE_DECIMALS
    places) in document order."""
    n = len(values)
    if n <= 1:
        return np.ones(n)
    order = np.round(values, TIE_DECIMALS).argsort(kind="stable").argsort(kind="stable")
    return order / (n - 1)


def _tfidf_rows(counts):  # type: ignore[no-untyped-def]
    """L2-normalised sublinear tf-idf rows; dense in, dense out; sparse in, sparse out."""
    n = counts.shape[0]
    if not isinstance(counts, np.ndarray):  # scipy's sparse matrix: a text too long for a dense one
        from scipy import sparse

        df = np.asarray((counts > 0).sum(axis=0)).ravel()
        idf = np.log((n + 1) / (df + 1)) + 1.0
        tf = counts.copy()
        tf.data = 1.0 + np.log(tf.data)
        weighted = sparse.csr_matrix(tf @ sparse.diags(idf))
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms) @ weighted)
    df = (counts > 0).sum(axis=0)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    with np.errstate(divide="ignore"):
        tf = np.where(counts > 0, 1.0 + np.log(np.maximum(counts, 1.0)), 0.0)
    weighted = tf * idf
    norms = np.linalg.norm(weighted, axis=1)
    norms[norms == 0] = 1.0
    return weighted / norms[:, None]


@dataclass(frozen=True)
class _Document:
    """The matrices of one text: stem counts, and tf-idf rows of the sentences and title."""

    counts: object
    tfidf: object
    title: object | None
    words: np.ndarray  # each sentence's white-space words


def _stem_ids(sentences: list[str], normalizer: WordNormalizer, title: str | None) -> tuple[StemIds, bool, np.ndarray]:
    """The stems of the sentences and then of the title (row n, empty when there is none), whether
    the title has any, and each sentence's white-space words."""
    stems = [normalizer.stems(s) for s in sentences]
    title_stems = normalizer.stems(title) if title else []
    words = np.fromiter((len(s.split()) for s in sentences), dtype=np.int64, count=len(sentences))
    return StemIds.of(stems + [title_stems]), bool(title_stems), words


def _vectorize(sentences: list[str], normalizer: WordNormalizer, title: str | None) -> _Document:
    ids, has_title, words = _stem_ids(sentences, normalizer, title)
    n = len(sentences)
    width = max(1, ids.vocab)
    rows = np.repeat(np.arange(n + 1), np.diff(ids.starts))
    if (n + 1) * width <= DENSE_CELLS:
        both = np.bincount(rows * width + ids.ids, minlength=(n + 1) * width).reshape(n + 1, width).astype(float)
    else:
        from scipy import sparse  # imported only here: it costs every process start 0.09 s

        both = sparse.csr_matrix((np.ones(len(rows)), (rows, ids.ids)), shape=(n + 1, width))
    tfidf = _tfidf_rows(both)
    return _Document(both[:n], tfidf[:n], tfidf[n] if has_title else None, words)


def sentence_features(
    sentences: list[str], normalizer: WordNormalizer, title: str | None = None, doc: _Document | None = None
) -> np.ndarray:
    """One row of FEATURES per sentence."""
    n = len(sentences)
    if doc is None:
        doc = _vectorize(sentences, normalizer, title)
    counts = doc.counts
    lengths = np.asarray(counts.sum(axis=1)).ravel()  # type: ignore[attr-defined]
    logs = np.log(np.maximum(lengths, 1.0))
    forward = np.zeros(n)
    backward = np.zeros(n)
    counts_t = counts.T  # type: ignore[attr-defined]
    for start in range(0, n, CHUNK_ROWS):
        overlap = _array(counts[start: start + CHUNK_ROWS] @ counts_t)  # type: ignore[index]
        rows = start + np.arange(overlap.shape[0])
        edge = overlap / np.maximum(logs[rows][:, None] + logs[None, :], 1.0)
        later = np.triu(edge, start + 1)
        forward[rows] = later.sum(axis=1)
        backward[rows] = edge.sum(axis=1) - later.sum(axis=1) - edge[rows - start, rows]
    scale = max(1.0, n - 1)
    centrality = (forward + backward) / scale
    body = doc.tfidf
    title_sim = _array(body @ doc.title.T).ravel() if doc.title is not None else np.zeros(n)  # type: ignore[operator,union-attr]
    centroid = np.asarray(body.sum(axis=0)).ravel()  # type: ignore[attr-defined]
    centroid_norm = np.linalg.norm(centroid) or 1.0
    doc_sim = np.asarray(body @ (centroid / centroid_norm)).ravel()  # type: ignore[operator]
    position = np.arange(n, dtype=float)
    words = doc.words.astype(float)
    return np.column_stack(
        [
            position / scale,
            1.0 / (1.0 + position),
            (position == 0).astype(float),
            np.log1p(words),
            _rank(words),
            centrality,
            _rank(centrality),
            forward / scale,
            backward / scale,
            title_sim,
            doc_sim,
            _rank(doc_sim),
        ]
    )


def newsrank_select(
    sentences: list[str], count: int, normalizer: WordNormalizer, model: NewsRankModel,
    title: str | None = None, word_budget: int | None = None, tier: Tier | None = None,
) -> list[int]:
    """Indices (in document order) of the sentences to keep. With a ``tier`` that has reached
    its compiled kernels, the features and the pick run in
    :func:`summarizer.kernels.newsrank_pick`."""
    n = len(sentences)
    if n == 0 or count <= 0:
        return []
    if count >= n and word_budget is None:
        return list(range(n))
    if tier is not None and tier.compiles(n):
        ids, has_title, words = _stem_ids(sentences, normalizer, title)
        budget = -1 if word_budget is None else word_budget
        picked = compiled(newsrank_pick)(
            ids.ids, ids.starts, words, has_title, model.weight_vector, model.bias, model.redundancy, count, budget
        )
        return [int(i) for i in picked]
    doc = _vectorize(sentences, normalizer, title)
    score = sentence_features(sentences, normalizer, title, doc) @ model.weight_vector + model.bias
    words = doc.words
    tfidf = doc.tfidf if model.redundancy > 0 else None
    chosen: list[int] = []
    used = 0
    sims = _array(tfidf @ tfidf.T) if tfidf is not None and n * n <= DENSE_CELLS else None  # type: ignore[operator,union-attr]
    penalty = np.zeros(n)
    order_score = score.copy()
    while len(chosen) < count:
        i = int(np.argmax(order_score - penalty))
        if order_score[i] == -np.inf:
            break
        order_score[i] = -np.inf
        if word_budget is not None and chosen and used + words[i] > word_budget:
            continue
        chosen.append(i)
        used += int(words[i])
        if tfidf is not None:
            row = sims[i] if sims is not None else _array(tfidf @ tfidf[i].T).ravel()  # type: ignore[index,operator]
            penalty = np.maximum(penalty, model.redundancy * row)
        if word_budget is not None and used >= word_budget:
            break
    return sorted(chosen)
