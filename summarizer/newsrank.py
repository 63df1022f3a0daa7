"""Our default method, ``newsrank``: sentence features that matter in news, weighed by a model
fitted on summaries that people wrote (CNN/DailyMail highlights and Inshorts summaries), then
picked best first while they fit a word budget, with trigram blocking against repeats.

Lexical features of each sentence (numpy/scipy, similarities in row chunks so memory stays
bounded on long texts; or one compiled loop, :mod:`summarizer.kernels`):

- position: relative place, 1/(1+i), and whether it is the first sentence;
- length: log word count, and its rank in the document;
- centrality on the word-overlap graph (TextRank's edge: shared stems over the sum of the log
  lengths), split by direction as in PacSum (Zheng & Lapata 2019): similarity to the sentences
  *after* it (news states a fact, then elaborates) and to those *before* it (an echo);
- tf-idf cosine to the headline (when the text starts with one) and to the whole document.

Surface features, none leaning on case (some corpora are lower-cased): the second, third and
fourth place, too short or too long, a quotation, a question, a caption's marks ("pictured",
"( left )"), a label and a colon, and whether it leans on the sentence before it or on a
referent named shortly before (:mod:`summarizer.cohesion`).

A logistic regression over these (weights in ``data/newsrank.json``, refitted with
``python -m corpuscut.summarizer.train``) scores each sentence; sentences are taken best first
until the best one left would overflow the word budget, after the lede, skipping one that
repeats a word trigram (not of stop words only) of one already taken or mostly retells their
longer words, and one that leans on sentences not taken (it waits, and comes in
once one of them has). (Filling the budget with lesser sentences that happen to fit scored
lower on the development slice: 0.4 ROUGE-1 less.)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain, count, islice
from pathlib import Path
from typing import AbstractSet, Callable, Hashable, Iterator, Sequence

import numpy as np

from corpuscut.text.compiled import Tier, compiled
from corpuscut.text.datafiles import read_json
from corpuscut.text.stems import StemIds
from corpuscut.text.words import WordNormalizer

from .errors import SummarizerError
from .kernels import TIE_DECIMALS, newsrank_features

CHUNK_ROWS = 512
LEXICAL_FEATURES: tuple[str, ...] = (
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
SURFACE_FEATURES: tuple[str, ...] = (
    "second_sentence",
    "third_sentence",
    "fourth_sentence",
    "log_position",
    "words_before",
    "starts_in_first_60_words",
    "starts_in_first_120_words",
    "document_similarity_by_position",
    "under_8_words",
    "under_12_words",
    "over_30_words",
    "over_40_words",
    "quotation",
    "question",
    "caption_marks",
    "label_colon",
    "leans_on_previous",
    "leans_on_referent",
)
FEATURES = LEXICAL_FEATURES + SURFACE_FEATURES
_QUOTE = re.compile(r"[\"\u201c\u201d]|^\W*[\'\u2018]|\s[\'\u2018]\s")
#: _QUOTE's branches with a single quote: one opening the sentence, one standing alone.
_SINGLE_QUOTE_OPENING = re.compile(r"\W*[\'\u2018]")
_SINGLE_QUOTE_ALONE = re.compile(r"\s[\'\u2018]\s")
_CAPTION_MARKS = re.compile(r"\bpictured\b|\(\s*(?:left|right|above|below|centre|center|top|bottom|inset|file)\s*\)", re.I)
_LABEL_COLON = re.compile(r"^\W*(?:\S+\s+){0,3}?\S+?\s*:\s")


@dataclass(frozen=True)
class NewsRankModel:
    """Feature weights and bias; how a default summary is sized (at most ``max_sentences``
    sentences within ``word_budget`` words); the longest and shortest sentence worth showing
    (a piece of fewer words is a fragment: "transcript .", "Congratulations team"); whether the
    summary opens with the article's lede (``lede_first``: readers asked blind preferred the
    summary that gives the news first, see CHANGELOG.md, "Benchmark history", Summarizing), when the lede is among the
    ``lede_among_best`` sentences the weights score highest (``lede_among_best_long`` in a long
    text at the default length; 0: wherever they rank it) or
    holds at most ``lede_short_words`` words (a short opening line: a reader's context, told in
    few words; readers asked blind held a summary without the lede against it); a
    sentence whose longer words are ``retold_share`` or more among those of the sentences taken
    retells them, and is passed over (a caption or a quote restating the lede in other words).
    At the default length a text of ``long_text`` sentences or more gets ``least_sentences``
    (a shorter one ``least_sentences_short``) even where the last of them takes it past the
    budget, up to ``stretch`` times it: readers asked blind found two long sentences of a long
    article too little (its gist, but not its context), and on the development slices it scored
    higher too (see CHANGELOG.md, "Benchmark history", Summarizing). At the default length a shorter text's second and third
    sentences weigh ``early_bonus`` more, a long text's ``early_bonus_long`` (a later one takes
    their place only when scored that much above them; the shipped bonus for shorter texts is
    above any score's spread, so they come first unless left out as furniture, as leaning on a
    sentence not taken, or as retelling one taken): readers asked blind preferred Lead-3 to
    summaries that swapped them for later details. With ``early_lede`` the lede is one of those
    early sentences (it opens the summary wherever the weights rank it: readers held a summary
    that opened on the second sentence against it, "starts mid-story"), and the early sentences
    are not passed over for sharing one word trigram with those taken (a three-word name), only
    for retelling them. A text of ``long_text`` sentences or more has a budget of
    ``word_budget_long`` words where that is set (readers preferred Lead-3's longer summary
    where it added a fact; see CHANGELOG.md, "Benchmark history", Summarizing)."""

    weights: tuple[float, ...]
    bias: float = 0.0
    word_budget: int = 75
    max_sentences: int = 4
    max_sentence_words: int = 60
    min_sentence_words: int = 4
    lede_first: bool = True
    lede_among_best: int = 0
    retold_share: float = 0.5
    lede_short_words: int = 0
    lede_among_best_long: int = 0
    least_sentences: int = 0
    least_sentences_short: int = 0
    stretch: float = 1.0
    long_text: int = 0
    early_bonus: float = 0.0
    early_bonus_long: float = 0.0
    early_lede: bool = False
    word_budget_long: int = 0

    def default_budget(self, sentences: int) -> int:
        """The word budget of a default summary of a text of ``sentences`` sentences."""
        if self.word_budget_long and self.long_text and sentences >= self.long_text:
            return self.word_budget_long
        return self.word_budget

    @cached_property
    def weight_vector(self) -> np.ndarray:
        return np.asarray(self.weights)

    def to_json(self, **meta: object) -> str:
        body = {
            "features": list(FEATURES),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "word_budget": self.word_budget,
            "max_sentences": self.max_sentences,
            "max_sentence_words": self.max_sentence_words,
            "min_sentence_words": self.min_sentence_words,
            "lede_first": self.lede_first,
            "lede_among_best": self.lede_among_best,
            "retold_share": self.retold_share,
            "lede_short_words": self.lede_short_words,
            "lede_among_best_long": self.lede_among_best_long,
            "least_sentences": self.least_sentences,
            "least_sentences_short": self.least_sentences_short,
            "stretch": self.stretch,
            "long_text": self.long_text,
            "early_bonus": self.early_bonus,
            "early_bonus_long": self.early_bonus_long,
            "early_lede": self.early_lede,
            "word_budget_long": self.word_budget_long,
            **meta,
        }
        return json.dumps(body, indent=2) + "\n"


@lru_cache(maxsize=4)
def load_newsrank(path: Path | str | None = None) -> NewsRankModel:
    try:
        data = read_json("corpuscut.summarizer", "data/newsrank.json", path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SummarizerError(f"newsrank model {path or 'data/newsrank.json'} cannot be loaded: {exc}") from exc
    if tuple(data.get("features", ())) != FEATURES:
        raise SummarizerError("the newsrank model was fitted on other features; refit: python -m corpuscut.summarizer.train")
    try:
        return NewsRankModel(
            tuple(float(w) for w in data["weights"]), float(data["bias"]), int(data["word_budget"]),
            int(data["max_sentences"]), int(data["max_sentence_words"]), int(data.get("min_sentence_words", 4)),
            bool(data.get("lede_first", True)), int(data.get("lede_among_best", 0)), float(data.get("retold_share", 0.5)),
            int(data.get("lede_short_words", 0)), int(data.get("lede_among_best_long", 0)), int(data.get("least_sentences", 0)),
            int(data.get("least_sentences_short", 0)),
            float(data.get("stretch", 1.0)), int(data.get("long_text", 0)), float(data.get("early_bonus", 0.0)),
            float(data.get("early_bonus_long", 0.0)), bool(data.get("early_lede", False)),
            int(data.get("word_budget_long", 0)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise SummarizerError(f"newsrank model {path or 'data/newsrank.json'} lacks a setting: {exc}") from exc


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


def _product(a: object, b: object) -> np.ndarray:
    """``a @ b`` as a dense array. Dense matrices are multiplied by einsum's own loop, not BLAS:
    OpenBLAS spreads a product of this size over every core, and on a busy machine its threads'
    start-up and waiting cost ten times the product (35 sentences by 700 stems: 14 ms against
    1 ms)."""
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        return np.einsum("ik,kj->ij", a, b)
    return _array(a @ b)  # type: ignore[operator]


def _rank(values: np.ndarray) -> np.ndarray:
    """Rank within the document, scaled to 0..1 (1: the largest); ties (equal to TIE_DECIMALS
    places) in document order."""
    n = len(values)
    if n <= 1:
        return np.ones(n)
    order = values.round(TIE_DECIMALS).argsort(kind="stable").argsort(kind="stable")
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
    present = counts > 0
    df = present.sum(axis=0)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    tf = np.where(present, 1.0 + np.log(np.maximum(counts, 1.0)), 0.0)
    weighted = tf * idf
    norms = np.sqrt(np.add.reduce(weighted * weighted, axis=1))  # np.linalg.norm's sum, without its checks
    norms[norms == 0] = 1.0
    return weighted / norms[:, None]


@dataclass(frozen=True)
class _Document:
    """The matrices of one text: stem counts, and tf-idf rows of the sentences and title."""

    counts: object
    tfidf: object
    title: object | None
    words: np.ndarray  # each sentence's white-space words


def _word_counts(sentences: list[str]) -> np.ndarray:
    """Each sentence's white-space words."""
    return np.fromiter(map(len, map(str.split, sentences)), dtype=np.int64, count=len(sentences))


def _stem_ids(
    sentences: list[str], normalizer: WordNormalizer, title: str | None, words: np.ndarray | None = None,
    tokens: list[list[str]] | None = None,
) -> tuple[StemIds, bool, np.ndarray]:
    """The stems of the sentences and then of the title (row n, empty when there is none), whether
    the title has any, and each sentence's white-space words (``words``, counted when not given;
    ``tokens``: each sentence's lower-cased white-space words, split when not given)."""
    stems = normalizer.stems_of(sentences) if tokens is None else normalizer.stems_of_tokens(tokens)
    title_stems = normalizer.stems(title) if title else []
    return StemIds.of(stems + [title_stems]), bool(title_stems), _word_counts(sentences) if words is None else words


def _vectorize(
    sentences: list[str], normalizer: WordNormalizer, title: str | None, words: np.ndarray | None = None,
    tokens: list[list[str]] | None = None,
) -> _Document:
    ids, has_title, words = _stem_ids(sentences, normalizer, title, words, tokens)
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


def lexical_features(
    sentences: list[str], normalizer: WordNormalizer, title: str | None = None, doc: _Document | None = None,
    words: np.ndarray | None = None, tokens: list[list[str]] | None = None,
) -> np.ndarray:
    """One row of LEXICAL_FEATURES per sentence, with numpy (``words``: each sentence's
    white-space words, counted when not given; ``tokens``: those words lower-cased, split when
    not given)."""
    n = len(sentences)
    if doc is None:
        doc = _vectorize(sentences, normalizer, title, words, tokens)
    counts = doc.counts
    lengths = np.asarray(counts.sum(axis=1)).ravel()  # type: ignore[attr-defined]
    logs = np.log(np.maximum(lengths, 1.0))
    dense = isinstance(counts, np.ndarray)
    if dense:
        # A stem in one sentence only adds to that sentence's overlap with itself, which no
        # feature uses: the product leaves it out (a quarter of the columns are left on CNN/DailyMail).
        counts = counts[:, (counts > 0).sum(axis=0) > 1]
    counts_t = counts.T  # type: ignore[attr-defined]
    if dense and n <= CHUNK_ROWS:  # one chunk, the whole text (most texts): the same sums, fewer steps
        edge = _product(counts, counts_t) / np.maximum(logs[:, None] + logs[None, :], 1.0)
        forward = np.triu(edge, 1).sum(axis=1)
        backward = edge.sum(axis=1) - forward - edge.diagonal()
    else:
        forward, backward = np.zeros(n), np.zeros(n)
    for start in range(0, n, CHUNK_ROWS) if not dense or n > CHUNK_ROWS else ():
        overlap = _product(counts[start: start + CHUNK_ROWS], counts_t)  # type: ignore[index]
        rows = start + np.arange(overlap.shape[0])
        edge = overlap / np.maximum(logs[rows][:, None] + logs[None, :], 1.0)
        later = np.triu(edge, start + 1).sum(axis=1)
        forward[rows] = later
        backward[rows] = edge.sum(axis=1) - later - edge[rows - start, rows]
    scale = max(1.0, n - 1)
    centrality = (forward + backward) / scale
    body = doc.tfidf
    title_sim = _array(body @ doc.title.T).ravel() if doc.title is not None else np.zeros(n)  # type: ignore[operator,union-attr]
    centroid = np.asarray(body.sum(axis=0)).ravel()  # type: ignore[attr-defined]
    centroid_norm = np.linalg.norm(centroid) or 1.0
    doc_sim = np.asarray(body @ (centroid / centroid_norm)).ravel()  # type: ignore[operator]
    position = np.arange(n, dtype=float)
    words = doc.words.astype(float)
    return _columns(
        n,
        position / scale,
        1.0 / (1.0 + position),
        position == 0,
        np.log1p(words),
        _rank(words),
        centrality,
        _rank(centrality),
        forward / scale,
        backward / scale,
        title_sim,
        doc_sim,
        _rank(doc_sim),
    )


def _columns(n: int, *columns: object) -> np.ndarray:
    """The ``columns`` (arrays or lists of n values; booleans as 1.0 and 0.0) side by side in
    one n-row float matrix, as np.column_stack makes it, with less work a column."""
    out = np.empty((n, len(columns)))
    for k, column in enumerate(columns):
        out[:, k] = column
    return out


def surface_features(
    sentences: list[str], lexical: np.ndarray, reach: Sequence[int] = (), words: np.ndarray | None = None
) -> np.ndarray:
    """One row of SURFACE_FEATURES per sentence (``lexical``: their LEXICAL_FEATURES rows;
    ``reach``: how far back each leans, see :mod:`summarizer.cohesion`; ``words``: each one's
    white-space words, counted when not given). Where a sentence starts in words counts besides
    its place: the lead of news is its first sixty-odd words, however they are cut into sentences."""
    n = len(sentences)
    leans = np.asarray(reach, dtype=float) if len(reach) == n else np.zeros(n)
    position = np.arange(n)
    words = (_word_counts(sentences) if words is None else words).astype(float)
    before = np.concatenate([[0.0], np.cumsum(words)[:-1]])
    doc_sim = lexical[:, LEXICAL_FEATURES.index("document_similarity")] if n else np.zeros(0)
    return _columns(
        n,
        position == 1,
        position == 2,
        position == 3,
        np.log1p(position),
        np.minimum(before, 300.0) / 100.0,
        before < 60,
        before < 120,
        doc_sim / (1.0 + position),
        words < 8,
        words < 12,
        words > 30,
        words > 40,
        [1.0 if _quotes(s) else 0.0 for s in sentences],
        [1.0 if s.rstrip(" \"'\u201d\u2019").endswith("?") else 0.0 for s in sentences],
        [1.0 if _caption_marked(s) else 0.0 for s in sentences],
        [1.0 if ":" in s and _LABEL_COLON.match(s) else 0.0 for s in sentences],
        leans == 1,
        leans > 1,
    )


def _quotes(sentence: str) -> bool:
    """Whether the sentence quotes someone (_QUOTE), its branches asked in turn: a double quote
    by a scan in C, and, only where a single quote stands, the single quote's branches (tried
    together, the branch anchored at the start was tried at every character)."""
    if '"' in sentence or "\u201c" in sentence or "\u201d" in sentence:
        return True
    if "'" not in sentence and "\u2018" not in sentence:
        return False
    return _SINGLE_QUOTE_OPENING.match(sentence) is not None or _SINGLE_QUOTE_ALONE.search(sentence) is not None


def _caption_marked(sentence: str) -> bool:
    """Whether the sentence bears a caption's mark (_CAPTION_MARKS). An ASCII sentence without
    "(" or "pictured" in any case has none (no other character matches those case-blind)."""
    if sentence.isascii() and "(" not in sentence and "pictured" not in sentence.lower():
        return False
    return _CAPTION_MARKS.search(sentence) is not None


def sentence_features(
    sentences: list[str], normalizer: WordNormalizer, title: str | None = None, tier: Tier | None = None,
    reach: Sequence[int] = (), words: np.ndarray | None = None, tokens: list[list[str]] | None = None,
) -> np.ndarray:
    """One row of FEATURES per sentence (``words``: each one's white-space words, counted when
    not given; ``tokens``: those words lower-cased, split when not given). With a ``tier`` that has reached its compiled kernels, the lexical features come
    from :func:`summarizer.kernels.newsrank_features`."""
    if words is None:
        words = _word_counts(sentences)
    if tier is not None and tier.compiles(len(sentences)):
        ids, has_title, words = _stem_ids(sentences, normalizer, title, words, tokens)
        lexical = compiled(newsrank_features)(ids.ids, ids.starts, words, has_title)
    else:
        lexical = lexical_features(sentences, normalizer, title, words=words, tokens=tokens)
    return np.hstack([lexical, surface_features(sentences, lexical, reach, words)])


#: A letter or digit ([^\W_] is what str.isalnum() accepts).
_ALNUM = re.compile(r"[^\W_]")


def _words_with_alnum(sentence: str) -> list[str]:
    """The sentence's lower-cased white-space words that hold a letter or digit."""
    return _with_alnum(sentence.lower().split())


def _with_alnum(words: list[str]) -> list[str]:
    """Those of ``words`` that hold a letter or digit (most are letters or digits only, told
    without a pattern)."""
    return [w for w in words if w.isalnum() or _ALNUM.search(w)]


def _trigrams(sentence: str, stop_words: frozenset[str] = frozenset()) -> set[tuple[str, ...]]:
    """The sentence's word trigrams, but those of ``stop_words`` only ("in the same", "one of
    the"): sharing one says nothing of repeating a fact."""
    return _trigrams_of(_words_with_alnum(sentence), stop_words)


def _trigrams_of(words: list[str], stop_words: frozenset[str]) -> set[tuple[str, ...]]:
    grams = set(zip(words, words[1:], words[2:]))
    if stop_words and grams:
        # Where three stop words stand in a row (flags found in C; few such places a sentence).
        flags = bytes(map(stop_words.__contains__, words))
        at = flags.find(b"\x01\x01\x01")
        while at >= 0:
            grams.discard((words[at], words[at + 1], words[at + 2]))
            at = flags.find(b"\x01\x01\x01", at + 1)
    return grams


#: Up to this many distinct words a trigram's code (word ids in base the vocabulary's size) fits
#: in 64 bits.
CODED_WORDS = 1 << 21


def _trigram_codes(tokens: list[list[str]], stop_words: frozenset[str]) -> Sequence[AbstractSet[Hashable]]:
    """Each sentence's :func:`_trigrams_of` (``tokens``: its words), each trigram coded as one
    integer, the same for the same three words throughout the text: sets of integers are
    built and compared quicker than sets of tuples of words. Where three stop words stand in
    a row is read off flags over the whole text at once."""
    flat = list(chain.from_iterable(tokens))
    index = dict(zip(dict.fromkeys(flat), count()))
    size = len(index)
    if size >= CODED_WORDS or len(flat) < 3:
        return [_trigrams_of(words, stop_words) for words in tokens]
    ids = np.fromiter(map(index.__getitem__, flat), dtype=np.int64, count=len(flat))
    coded = (ids[:-2] * size + ids[1:-1]) * size + ids[2:]  # the trigram at each place
    if stop_words:
        stop = np.fromiter(map(stop_words.__contains__, index), dtype=bool, count=size)[ids]  # each word asked once
        coded[stop[:-2] & stop[1:-1] & stop[2:]] = -1  # of stop words only: none
    codes = coded.tolist()
    out: list[set[int]] = []
    start = 0
    for words in tokens:
        end = start + len(words)
        grams = set(codes[start: end - 2]) if end - start >= 3 else set()  # those within the sentence
        grams.discard(-1)
        out.append(grams)
        start = end
    return out


#: A restatement is looked for among the text's first sentences (where the news is told first).
ECHOED_WITHIN = 8
#: Words this short are left out of a restatement's count (most are function words).
SHORT_WORD = 3


def _content_words(sentence: str) -> set[str]:
    """The longer words of a sentence, lower-cased, a final "s" dropped (a rough stem)."""
    return _content_of(_words_with_alnum(sentence))


def _content_of(words: list[str]) -> set[str]:
    return {w.rstrip("s") for w in words if len(w) > SHORT_WORD}


def _echoes(
    trigrams: Sequence[AbstractSet[Hashable]], words: Sequence[set[str]] | None = None, share: float = 0.5, least: int = 4,
    cover: float = 0.75, least_words: int = 6,
) -> np.ndarray:
    """Which sentences (given by their word trigrams) mostly repeat words of earlier ones (at
    least ``share`` of their trigrams, and ``least`` of them): a photo caption or a pull quote
    restating the lead. Picked first, such an echo would block the sentence it repeats, which
    tells the story better. With ``words`` (each sentence's :func:`_content_words`), also a
    sentence whose longer words (``least_words`` or more) are nearly all (``cover``) found in the
    first ECHOED_WITHIN sentences before it: a caption restating the lede in other small words
    ("tim sherwood says scott sinclair and tom cleverley are playing for their future at aston
    villa" after "tim sherwood has told scott sinclair and tom cleverley they are playing for
    their futures in aston villa 's fight against relegation")."""
    before: set[Hashable] = set()
    opening: set[str] = set()  # the longer words of the first ECHOED_WITHIN sentences so far
    echoes = [False] * len(trigrams)
    for i, grams in enumerate(trigrams):
        earlier = len(grams & before)
        echoes[i] = earlier >= least and earlier >= share * len(grams)
        before |= grams
        if words is None:
            continue
        if not echoes[i] and len(words[i]) >= least_words:
            echoes[i] = len(words[i] & opening) >= cover * len(words[i])
        if i < ECHOED_WITHIN:
            opening |= words[i]
    return np.array(echoes, dtype=bool)


#: A sentence of fewer longer words is never taken for a retelling.
RETOLD_LEAST_WORDS = 5


def _retells(words: set[str], told: set[str], share: float) -> bool:
    """Whether a sentence of these longer words mostly (``share`` or more of them) retells what
    the sentences taken have told (0: never)."""
    return share > 0 and len(words) >= RETOLD_LEAST_WORDS and len(words & told) >= share * len(words)


def _reads_after(i: int, chosen: list[int], reach: Sequence[int], needs: Sequence[tuple[frozenset[int], ...]] = ()) -> bool:
    """Whether sentence ``i`` reads right after ``chosen``: any sentence it leans on (one of
    the ``reach[i]`` right before it, see :mod:`summarizer.cohesion`) is among them, and each
    person it names whom an earlier sentence introduced (``needs[i]``: the sentences naming
    them, :meth:`Cohesion.introductions`) is named by one of them."""
    if reach[i] and not any(i - d in chosen for d in range(1, reach[i] + 1)):
        return False
    return not needs or all(any(k in chosen for k in group) for group in needs[i])


class _LastResort:
    """Whether each sentence is taken only as a last resort: an echo, or ``demoted`` (asked
    once, when first needed: the look of a caption, asked of every sentence, cost a summary
    some 6% of its time, and a summary reads the first few of its order)."""

    def __init__(self, echoes: list[bool], demoted: Sequence[bool]):
        self._echoes = echoes
        self._demoted = demoted
        self._asked: dict[int, bool] = {}

    def __call__(self, k: int) -> bool:
        if self._echoes[k]:
            return True
        found = self._asked.get(k)
        if found is None:
            found = self._asked[k] = bool(self._demoted[k])
        return found


class _LastResortOrder:
    """The indices of ``ranked``, in its order, those that ``last_resort`` flags after all the
    others (each part in ``ranked``'s order); each index is flagged or not when the order is
    first read up to it."""

    def __init__(self, ranked: list[int], last_resort: Callable[[int], bool]):
        self._ranked = ranked
        self._last_resort = last_resort
        self._front: list[int] = []  # those read so far that are not flagged
        self._back: list[int] = []  # those read so far that are
        self._read = 0

    def __iter__(self) -> Iterator[int]:
        front, i = self._front, 0
        while True:
            if i < len(front):
                yield front[i]
                i += 1
            elif self._read < len(self._ranked):
                k = self._ranked[self._read]
                self._read += 1
                (self._back if self._last_resort(k) else front).append(k)
            else:
                break
        yield from self._back  # all read by now

    def first(self, count: int) -> list[int]:
        return list(islice(self, count))


#: A lede is found among the first few sentences and holds at least this many words (a shorter
#: opening is a label, a dateline or a teaser line, not the news).
LEDE_WITHIN = 3
LEDE_LEAST_WORDS = 6


def _lede(words: list[int], reach: Sequence[int], echoes: Sequence[bool], budget: int | None, longest: int) -> int | None:
    """The article's lede: the first of its first sentences that reads alone, is long enough to
    tell the news and short enough to show, and fits the budget; None when none does."""
    for i in range(min(LEDE_WITHIN, len(words))):
        if reach[i] or echoes[i] or not LEDE_LEAST_WORDS <= words[i] <= longest:
            continue
        if budget is None or words[i] <= budget:
            return i
    return None


def newsrank_select(
    sentences: list[str], count: int, normalizer: WordNormalizer, model: NewsRankModel,
    title: str | None = None, word_budget: int | None = None, tier: Tier | None = None,
    reach: Sequence[int] = (), needs: Sequence[tuple[frozenset[int], ...]] = (), least: int = 0,
    demoted: Sequence[bool] = (),
) -> list[int]:
    """Indices (in document order) of the sentences to keep: the lede, then best score first,
    skipping one that shares a word trigram with one already kept or retells their words
    (:func:`_retells`) and one that leans on sentences not kept
    (``reach``, see :func:`_reads_after`), until ``count`` are kept or the best one left would
    overflow ``word_budget`` (when no sentence fits the budget, the best one alone). Without a
    budget, a count that only repeats and leaning sentences can fill is filled with the best of
    them."""
    n = len(sentences)
    if n == 0 or count <= 0:
        return []
    if count >= n and word_budget is None:
        return list(range(n))
    # Each sentence's lower-cased white-space words, split once for its stems, its length and
    # its trigrams (a lower-cased word holds white space where the word did: the same count).
    lowered = [sentence.lower().split() for sentence in sentences]
    lengths = np.fromiter(map(len, lowered), dtype=np.int64, count=n)
    score = sentence_features(sentences, normalizer, title, tier, reach, lengths, lowered) @ model.weight_vector + model.bias
    order = np.argsort(-np.round(score, TIE_DECIMALS), kind="stable")
    lede_order = order  # whether the lede ranks among the best is asked of the weights alone
    least = least if n >= model.long_text else min(least, model.least_sentences_short)
    bonus = model.early_bonus_long if n >= model.long_text else model.early_bonus
    lede_early = bool(bonus and least and model.early_lede)
    early_set: frozenset[int] = frozenset()
    if bonus and least:
        # At the default length a text's second and third sentences give way only to a later
        # one the weights score well above them: readers asked blind held a later detail taken
        # in their place against the summary ("Lead-3 adds the contract terms").
        score = score.copy()
        score[0 if lede_early else 1:3] += bonus
        early_set = frozenset(range(0 if lede_early else 1, 3))
        order = np.argsort(-np.round(score, TIE_DECIMALS), kind="stable")
    tokens = [_with_alnum(words) for words in lowered]
    trigrams = _trigram_codes(tokens, normalizer.stop_words)
    content = [_content_of(words) for words in tokens]
    told: set[str] = set()  # the longer words of the sentences taken
    echoes = _echoes(trigrams, content).tolist()
    if len(demoted) == n:  # a caption's look: taken only as a last resort too (asked when reached)
        last_resort = _LastResort(echoes, demoted)
    else:
        last_resort = echoes.__getitem__
    # Echoes only as a last resort; the orders read element by element below.
    order = _LastResortOrder(order.tolist(), last_resort)
    lede_order = _LastResortOrder(lede_order.tolist(), last_resort)
    chosen: list[int] = []
    seen: set[Hashable] = set()
    used = 0
    reach = list(reach) if len(reach) == n else [0] * n
    needs = needs if len(needs) == n else ()
    passed: set[int] = set()  # repeats, and sentences too long to open the summary with
    if model.lede_first:  # the news first, then the best of the rest
        early = [last_resort(i) for i in range(min(LEDE_WITHIN, n))]
        lede = _lede(lengths.tolist(), reach, early, word_budget, model.max_sentence_words)
        among = model.lede_among_best_long if n >= model.long_text and least else model.lede_among_best
        ranked = among <= 0 or lede_early or lede in lede_order.first(among)
        if lede is not None and (ranked or int(lengths[lede]) <= model.lede_short_words):
            chosen.append(lede)
            told |= content[lede]
            seen |= trigrams[lede]
            used += int(lengths[lede])
    while len(chosen) < count:
        # The best sentence left that reads right after those chosen (one leaning on a sentence
        # not chosen waits: it may come in once that one has).
        i = next((int(k) for k in order if k not in passed and k not in chosen and _reads_after(int(k), chosen, reach, needs)), None)
        if i is None or (least and len(chosen) >= least and last_resort(i)):
            break  # (a last resort only fills a summary short of its least sentences)
        words = int(lengths[i])
        if word_budget is not None and used + words > word_budget:
            if chosen and (len(chosen) >= least or used + words > model.stretch * word_budget):
                break  # the best left does not fit: a lesser one would only fill the budget
            if not chosen:
                passed.add(i)
                continue
        # A lead sentence the bonus favours may share a name of three words with the lede
        # ("misty may - treanor"); it is passed over only when it retells or echoes what is taken.
        blocked = bool(trigrams[i] & seen) and not (i in early_set)
        if blocked or _retells(content[i], told, model.retold_share):
            passed.add(i)
            continue
        told |= content[i]
        chosen.append(i)
        seen |= trigrams[i]
        used += words
        if word_budget is not None and used >= word_budget and len(chosen) >= least:
            break
    if not chosen:  # no sentence fits the budget: the best one that reads alone, rather than nothing
        chosen.append(next((int(k) for k in order if not reach[int(k)]), order.first(1)[0]))
    if word_budget is None and len(chosen) < count:  # a count asked for is met, repeats or not
        chosen += [int(i) for i in order if int(i) not in chosen][: count - len(chosen)]
    return sorted(chosen)
