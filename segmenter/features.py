"""Per-gap cue features: what speaks for or against an article starting at a block."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .blocks import Block
from .cohesion import Cohesion, _distinct
from .cues import CueSet, LineShape
from .echo import echoes
from .lexical import StemIds

#: Feature names, in the order of the vectors and of the weights file.
FEATURES: tuple[str, ...] = (
    "blank_line",
    "more_blank_than_usual",
    "separator",
    "credit_or_copyright_before",
    "cut_mid_sentence_before",
    "long_line_cut_before",
    "teaser_ending_before",
    "cut_line_after",
    "headline_after",
    "title_case_after",
    "byline_or_dateline_after",
    "headline_before",
    "credit_after",
    "byline_or_dateline_before",
    "lowercase_after",
    "continuation_after",
    "colon_before",
    "boilerplate_near",
    "short_line_after",
    "echo_after",
    "echo_before",
    "lede_after",
    "lede_in_headed_text",
    "lede_before",
    "no_lede_layout",
    "long_lines_around",
    "whole_articles_per_line",
    "long_line_layout",
    "strong_cue",
    "vocabulary_similarity",
    "vocabulary_shift_depth",
    "vocabulary_split_gain",
    "item_after",
    "item_before",
    "embedded_near",
    "all_caps_after",
    "headline_words_before",
    "headline_words_after",
    "colon_line_after",
)

#: Features that are structural cues: where none of them fires anywhere, a text has no cue.
CUE_FEATURES: tuple[str, ...] = (
    "more_blank_than_usual", "separator", "credit_or_copyright_before", "cut_mid_sentence_before",
    "teaser_ending_before", "headline_after", "byline_or_dateline_after",
)

#: Human wording of each feature, for ``reasons``: a few words each, one wording per cue
#: (features that measure the same cue share it, and a cut names it once).
REASONS: dict[str, str] = {
    "blank_line": "blank line",
    "more_blank_than_usual": "more blank lines than usual",
    "separator": "separator line",
    "credit_or_copyright_before": "credit line before",
    "cut_mid_sentence_before": "text before ends mid-sentence",
    "long_line_cut_before": "teaser before",
    "teaser_ending_before": "teaser ending before",
    "cut_line_after": "starts a teaser",
    "headline_after": "headline",
    "title_case_after": "title-case line",
    "byline_or_dateline_after": "byline/dateline",
    "headline_before": "follows a headline",
    "credit_after": "credit line",
    "byline_or_dateline_before": "follows a byline/dateline",
    "lowercase_after": "starts in lower case",
    "continuation_after": "starts like a continuation",
    "colon_before": "text before ends with a colon",
    "boilerplate_near": "boilerplate line",
    "short_line_after": "short line",
    "echo_after": "caption or pull quote",
    "echo_before": "follows a caption or pull quote",
    "lede_after": "lede",
    "lede_in_headed_text": "lede among headlines",
    "lede_before": "follows a lede",
    "no_lede_layout": "no ledes to tell",
    "long_lines_around": "long lines around",
    "whole_articles_per_line": "an article per line",
    "long_line_layout": "dump of long lines",
    "strong_cue": "end-of-article cue",
    "vocabulary_similarity": "vocabulary shift",
    "vocabulary_shift_depth": "vocabulary shift",
    "vocabulary_split_gain": "vocabulary shift",
    "item_after": "list item or Q&A turn",
    "item_before": "follows a list item",
    "embedded_near": "embedded post or caption",
    "all_caps_after": "upper-case line",
    "headline_words_before": "subhead (repeats words before)",
    "headline_words_after": "headline",
    "colon_line_after": "line ends with a colon",
}


@dataclass(frozen=True)
class GapFeatures:
    """Feature vectors for the gaps before blocks 1..n-1 (gap g lies before block g+1): one
    row of ``matrix`` per gap, a column per name."""

    names: tuple[str, ...]
    matrix: np.ndarray

    @property
    def rows(self) -> list[list[float]]:
        return self.matrix.tolist()

    def row(self, gap: int) -> list[float]:
        return self.matrix[gap].tolist()


#: Fields of LineShape, in order, as columns of the shapes' matrix.
_SHAPE = {name: i for i, name in enumerate(LineShape._fields)}


#: How many blocks on each side a short line's words are looked for in (a subhead repeats the
#: words of the paragraphs before it; a headline only those of the paragraphs after it).
CONTEXT_BLOCKS = 6


def context_overlap(ids: StemIds, candidates: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each candidate block (True in ``candidates``), the share of its distinct stems found
    in the CONTEXT_BLOCKS blocks before it, and in those after it; 0 for the others."""
    n = ids.units
    before, after = np.zeros(n), np.zeros(n)
    starts = ids.starts
    for b in np.flatnonzero(candidates):
        own = _distinct(ids.ids[starts[b]: starts[b + 1]])  # np.unique's hashing path is slower here
        if not len(own):
            continue
        lo, hi = max(0, b - CONTEXT_BLOCKS), min(n, b + 1 + CONTEXT_BLOCKS)
        before[b] = np.isin(own, ids.ids[starts[lo]: starts[b]]).mean() if b > lo else 0.0
        after[b] = np.isin(own, ids.ids[starts[b + 1]: starts[hi]]).mean() if hi > b + 1 else 0.0
    return before, after


def gap_features(
    blocks: list[Block], shapes: list[LineShape], coh: Cohesion, cues: CueSet, ids: StemIds | None = None
) -> GapFeatures:
    """One feature row per gap between consecutive blocks, all gaps at once: each feature is
    a column computed from the line shapes' matrix (one row per block; 1.0 for True)."""
    n = len(blocks)
    gaps = max(0, n - 1)
    if gaps == 0:
        return GapFeatures(FEATURES, np.zeros((0, len(FEATURES))))
    shape = np.array(shapes, dtype=np.float64).reshape(n, len(_SHAPE))

    def column(name: str) -> np.ndarray:
        return shape[:, _SHAPE[name]]

    words = column("words")
    flag = {name: column(name) > 0 for name in ("terminal", "end_cue", "teaser_end", "byline", "dateline", "date",
                                                "boilerplate", "starts_lower", "continues", "ends_colon",
                                                "one_sentence", "item", "embedded", "all_caps")}
    start_cue = flag["byline"] | flag["dateline"] | flag["date"]
    # A line ending with a colon introduces what follows (a subhead, a list, a quotation): it
    # is neither a headline nor a line cut off mid-sentence.
    headline = ((words > 0) & (words <= cues.headline_max_words) & ~flag["terminal"] & ~flag["end_cue"]
                & ~flag["ends_colon"])
    is_cut = (words >= cues.cut_min_words) & ~flag["terminal"] & ~flag["end_cue"] & ~flag["ends_colon"]
    blank = np.array([b.blank_before for b in blocks[1:]], dtype=np.int64)
    separator = np.array([b.separator_before for b in blocks[1:]], dtype=bool)
    # The usual gap between paragraphs: over gaps after a line that ends a sentence (in
    # hard-wrapped text most line ends are inside a paragraph, and tell nothing).
    ends = flag["terminal"][:-1]
    pool = np.sort(blank[ends] if ends.any() else blank)
    usual_blank = int(pool[(len(pool) - 1) // 2])
    ordered = np.sort(words)
    long_layout = 1.0 if ordered[(n - 1) // 2] >= cues.long_layout_min_words else 0.0
    prev, nxt = slice(0, n - 1), slice(1, n)
    # A headline: a short line without a final stop, with a longer text within two lines after
    # it (a byline or a caption may come between).
    need = np.maximum(words[nxt] + 4, 12)
    later = np.zeros(gaps, dtype=bool)
    for ahead in (2, 3):
        reach = max(0, n - ahead)
        later[:reach] |= words[ahead:] >= need[:reach]
    following_none = np.arange(gaps) + 2 >= n
    headline_after = headline[nxt] & (following_none | later)
    echo = echoes([b.text for b in blocks], headline, cues.echo_min_words, cues.echo_reach)
    cut = is_cut[prev] & ~flag["teaser_end"][prev]
    teaser = flag["teaser_end"][prev] & (words[prev] >= cues.cut_min_words)
    strong = separator | flag["end_cue"][prev] | cut | teaser
    # A lede tells only where most paragraphs hold several sentences (not in a text of a
    # sentence per line, nor in wire copy whose every paragraph is one sentence).
    long_enough = words >= cues.lede_min_words
    lede_layout = bool(long_enough.any() and flag["one_sentence"][long_enough].mean() < 0.5)
    ledes = flag["one_sentence"] & lede_layout
    # A lede after a headline starts nothing (the headline did), nor where a stronger cue
    # already speaks; in a text whose ledes mostly follow a headline or a byline, a lone
    # one-sentence paragraph is most likely just a short one (a feature of its own weighs that).
    headed = headline[prev] | start_cue[prev]
    lede_after = ledes[nxt] & ~headline[prev] & ~strong & ~(blank > usual_blank)
    # Where articles have headlines (some headline-like line starts a passage), the headline
    # starts an article, and a one-sentence paragraph is most likely just a short one: American
    # news writes them throughout.
    headed_text = (ledes[nxt] & ~headed).sum() < (ledes[nxt] & headed).sum() or bool(headline_after.any())
    # Vocabulary matters where no strong cue speaks: the model weighs it only there.
    lexical = np.where(strong, 0.0, 1.0)
    shortest = np.minimum(words[prev], words[nxt]).astype(np.int64)
    # Lower case tells only in a text whose lines mostly begin upper case (not in one that was
    # lower-cased throughout).
    cased = float(flag["starts_lower"].mean() < 0.5)
    if ids is not None and ids.units == n:
        seen_before, seen_after = context_overlap(ids, headline)
    else:
        seen_before, seen_after = np.zeros(n), np.zeros(n)
    scale = math.log1p(300)
    log_table = np.array([min(1.0, math.log1p(k) / scale) for k in range(int(shortest.max()) + 1)])
    columns = [
        blank > 0,
        blank > usual_blank,
        separator,
        flag["end_cue"][prev],
        cut,
        cut & (words[prev] >= 40) & ~flag["starts_lower"][nxt],
        teaser,
        (is_cut[nxt] | flag["teaser_end"][nxt]) & (words[nxt] >= 40),
        headline_after,
        np.where(headline[nxt], column("title_case")[nxt], 0.0),
        start_cue[nxt],
        headline[prev],
        flag["end_cue"][nxt],
        start_cue[prev],
        flag["starts_lower"][nxt] * cased,
        flag["continues"][nxt],
        flag["ends_colon"][prev],
        flag["boilerplate"][prev] | flag["boilerplate"][nxt],
        words[nxt] < 6,
        echo[nxt],
        echo[prev],
        lede_after,
        lede_after & headed_text,
        ledes[prev],
        np.full(gaps, 0.0 if lede_layout else 1.0),
        log_table[shortest],
        shortest >= 150,
        np.full(gaps, long_layout),
        strong,
        lexical * np.asarray(coh.similarity, dtype=np.float64),
        lexical * np.minimum(1.0, np.asarray(coh.depth, dtype=np.float64)),
        lexical * np.asarray(coh.split_gain, dtype=np.float64),
        flag["item"][nxt],
        flag["item"][prev],
        flag["embedded"][prev] | flag["embedded"][nxt],
        flag["all_caps"][nxt],
        seen_before[nxt],
        seen_after[nxt],
        flag["ends_colon"][nxt] & (words[nxt] <= cues.headline_max_words),
    ]
    return GapFeatures(FEATURES, np.column_stack([np.asarray(c, dtype=np.float64) for c in columns]))
