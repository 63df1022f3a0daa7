"""Per-gap cue features: what speaks for or against an article starting at a block."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .blocks import Block
from .cohesion import Cohesion
from .cues import CueSet, LineShape

#: Feature names, in the order of the vectors and of the weights file.
FEATURES: tuple[str, ...] = (
    "blank_line",
    "more_blank_than_usual",
    "separator",
    "credit_or_copyright_before",
    "cut_mid_sentence_before",
    "long_line_cut_before",
    "teaser_ending_before",
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
    "long_lines_around",
    "whole_articles_per_line",
    "long_line_layout",
    "strong_cue",
    "vocabulary_similarity",
    "vocabulary_shift_depth",
    "vocabulary_split_gain",
)

#: Features that are structural cues: where none of them fires anywhere, a text has no cue.
CUE_FEATURES: tuple[str, ...] = (
    "more_blank_than_usual", "separator", "credit_or_copyright_before", "cut_mid_sentence_before",
    "teaser_ending_before", "headline_after", "byline_or_dateline_after",
)

#: Human wording of each feature, for ``reasons``.
REASONS: dict[str, str] = {
    "blank_line": "blank line",
    "more_blank_than_usual": "more blank lines than between paragraphs",
    "separator": "separator line",
    "credit_or_copyright_before": "credit/copyright line before",
    "cut_mid_sentence_before": "previous text cut off mid-sentence",
    "long_line_cut_before": "long line cut off mid-sentence (a teaser)",
    "teaser_ending_before": "teaser ending (… / Read more) before",
    "headline_after": "headline",
    "title_case_after": "title-case line",
    "byline_or_dateline_after": "byline/dateline",
    "headline_before": "follows a headline",
    "credit_after": "credit line",
    "byline_or_dateline_before": "follows a byline/dateline",
    "lowercase_after": "starts in lower case",
    "continuation_after": "starts like a continuation (quotation, pronoun, But, Mr)",
    "colon_before": "previous line ends with a colon",
    "boilerplate_near": "boilerplate line",
    "short_line_after": "short line",
    "long_lines_around": "long lines on both sides",
    "whole_articles_per_line": "an article per line",
    "long_line_layout": "dump of long lines",
    "strong_cue": "end-of-article cue",
    "vocabulary_similarity": "vocabulary similar",
    "vocabulary_shift_depth": "vocabulary shift",
    "vocabulary_split_gain": "vocabulary change",
}


@dataclass(frozen=True)
class GapFeatures:
    """Feature vectors for the gaps before blocks 1..n-1 (gap g lies before block g+1)."""

    names: tuple[str, ...]
    rows: list[list[float]]


def _is_headline(shape: LineShape, cues: CueSet) -> bool:
    return 0 < shape.words <= cues.headline_max_words and not shape.terminal and not shape.end_cue


def _is_cut(shape: LineShape, cues: CueSet) -> bool:
    return shape.words >= cues.cut_min_words and not shape.terminal and not shape.end_cue


def gap_features(blocks: list[Block], shapes: list[LineShape], coh: Cohesion, cues: CueSet) -> GapFeatures:
    """One feature row per gap between consecutive blocks."""
    n = len(blocks)
    blanks = sorted(b.blank_before for b in blocks[1:])
    usual_blank = blanks[(len(blanks) - 1) // 2] if blanks else 0
    lengths = sorted(s.words for s in shapes)
    long_layout = 1.0 if lengths and lengths[(len(lengths) - 1) // 2] >= 100 else 0.0
    rows: list[list[float]] = []
    for g in range(n - 1):
        prev, nxt = shapes[g], shapes[g + 1]
        block = blocks[g + 1]
        # A headline: a short line without a final stop, with a longer text within two lines
        # (a byline or a caption may come between).
        following = shapes[g + 2: g + 4]
        headline_after = _is_headline(nxt, cues) and (
            not following or any(f.words >= max(nxt.words + 4, 12) for f in following)
        )
        cut = _is_cut(prev, cues) and not prev.teaser_end
        teaser = prev.teaser_end and prev.words >= cues.cut_min_words
        strong = block.separator_before or prev.end_cue or cut or teaser
        # Vocabulary matters where no strong cue speaks: the model weighs it only there.
        lexical = 0.0 if strong else 1.0
        rows.append(
            [
                1.0 if block.blank_before > 0 else 0.0,
                1.0 if block.blank_before > usual_blank else 0.0,
                1.0 if block.separator_before else 0.0,
                1.0 if prev.end_cue else 0.0,
                1.0 if cut else 0.0,
                1.0 if cut and prev.words >= 40 and not nxt.starts_lower else 0.0,
                1.0 if teaser else 0.0,
                1.0 if headline_after else 0.0,
                nxt.title_case if _is_headline(nxt, cues) else 0.0,
                1.0 if nxt.start_cue else 0.0,
                1.0 if _is_headline(prev, cues) else 0.0,
                1.0 if nxt.end_cue else 0.0,
                1.0 if prev.start_cue else 0.0,
                1.0 if nxt.starts_lower else 0.0,
                1.0 if nxt.continues else 0.0,
                1.0 if prev.ends_colon else 0.0,
                1.0 if prev.boilerplate or nxt.boilerplate else 0.0,
                1.0 if nxt.words < 6 else 0.0,
                min(1.0, math.log1p(min(prev.words, nxt.words)) / math.log1p(300)),
                1.0 if min(prev.words, nxt.words) >= 150 else 0.0,
                long_layout,
                1.0 if strong else 0.0,
                lexical * coh.similarity[g],
                lexical * min(1.0, coh.depth[g]),
                lexical * coh.split_gain[g],
            ]
        )
    return GapFeatures(FEATURES, rows)
