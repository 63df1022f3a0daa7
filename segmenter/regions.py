"""Regions of page text and of plain prose inside one text: news glued around web pages.

A dump may hold wire stories, then a web page as a crude scraper keeps it (its title, menus,
article and footer), then more stories. The page model reads the whole text as page text and
finds the page's start, but not the stories' starts: they are prose, where a page has menus.
So the text's page lines (a menu word, a skip link, a line many pages hold, a copyright or
consent line, a short line without a stop among other such lines) are found, and each run of
prose between them that holds enough prose is looked at as a page reads: a page opens with its
title and menus, holds its article, and closes with its footer. A run of prose after a footer
(or at the text's start) and before a page's start (or at the text's end) is no page's article
but text of its own kind: the article model cuts it, a boundary stands where it begins (the
article model's likeliest start just after the footer) and where it ends (the page start the
page model chose or scores highest just before the next page's menus). A run of prose after a
page's menus is that page's article, whatever follows it.

The settings are in ``data/regions.json``, chosen on training dumps of the news corpora with
WCXB's training pages put among the stories, and on dumps of the training pages alone
(``python -m tests.benchmarks.bench_split --part train``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from corpuscut.text.datafiles import numbers_of, read_json
from corpuscut.text.stems import StemIds

from .pages import LineFacts

REGIONS_RESOURCE = "data/regions.json"


@dataclass(frozen=True)
class RegionRules:
    """Where page text gives way to prose of another kind (see the module's docstring)."""

    #: A short line without a stop is a page line where at least ``dense_lines`` of the lines
    #: within ``dense_reach`` on each side of it (itself included) are short too: a menu or a
    #: link list, not a headline or a sign-off among paragraphs.
    dense_reach: int = 3
    dense_lines: int = 4
    #: A run between page lines is prose of its own when it holds at least this many prose
    #: lines and words of prose.
    min_prose_lines: int = 2
    min_prose_words: int = 40
    #: A run of prose follows a footer where a footer line (copyright or legal, a page's end,
    #: a consent line, a line that never opens a page) is among the last ``footer_lines`` page
    #: lines before it.
    footer_lines: int = 6
    #: It precedes a page's start where the page model chose a start between its last prose
    #: line and ``start_reach`` lines into the page lines after it, or scores one there at least
    #: ``start_logit``.
    start_reach: int = 3
    start_logit: float = 0.0
    #: The same for a run at the text's start, which no page's footer closes: the page model,
    #: which weighs prose above a title against a page start, scores the first page's lower.
    first_start_logit: float = 0.0
    #: A start the page model did not choose is a page's start only where no copyright or legal
    #: line stands among the first ``no_footer_lines`` page lines after it: those are the same
    #: page's related links and footer, below an article that follows its menus.
    no_footer_lines: int = 0
    #: A run is no page's own text (a disclaimer, a newsletter box or a page's article below its
    #: footer) only where at most this share of its distinct stems stand in the page above it
    #: (from that page's start, at most ``page_reach`` lines up) and in the page below it.
    max_shared: float = 1.0
    page_reach: int = 300
    #: A consent or cookie line is a page line only where its lower-cased words also match one
    #: of these (a news paragraph may say "without consent"); none: every such line is one.
    consent_cues: tuple[str, ...] = ()
    #: A stretch between page starts in which no line is a page's furniture cue (a menu word, a
    #: skip link, a copyright, legal or consent line, a page's end; a line many pieces share is
    #: none: wire stories share their sign-off) and at least this many lines are prose holds no
    #: web page's article but stories the page model found the first start of (wire copy after a
    #: page): the article model's starts inside it stand where a story's sign-off or credit line
    #: stands before them. 0: never.
    bare_min_prose_lines: int = 0


def load_region_rules(path: Path | str | None = None) -> RegionRules:
    """The shipped rules, or those of a file of the same form."""
    data = read_json("corpuscut.segmenter", REGIONS_RESOURCE, path)
    return numbers_of(RegionRules, data)


def page_lines(facts: LineFacts, rules: RegionRules) -> np.ndarray:
    """Per line, whether it is a page's furniture: a cue no article holds (a menu word, a skip
    link, a line many pages hold, a copyright, legal or consent line, a page's end), or a short
    line among many short lines."""
    n = len(facts.words)
    marked = (facts.menu + facts.common + facts.top + facts.legal + facts.end) > 0
    marked |= consent_lines(facts, rules)
    short = facts.short.astype(int)
    csum = np.concatenate([[0], np.cumsum(short)])
    idx = np.arange(n)
    lo = np.maximum(0, idx - rules.dense_reach)
    hi = np.minimum(n, idx + rules.dense_reach + 1)
    dense = facts.short & ((csum[hi] - csum[lo]) >= rules.dense_lines)
    return marked | dense


def bare_stretches(facts: LineFacts, boundaries: Sequence[int], rules: RegionRules) -> list[tuple[int, int]]:
    """The stretches between page starts (line indices, the text's ends included) that hold no
    furniture cue and at least ``rules.bare_min_prose_lines`` prose lines: stories, not a page."""
    if rules.bare_min_prose_lines <= 0:
        return []
    marked = ((facts.menu + facts.top + facts.legal + facts.end) > 0) | consent_lines(facts, rules)
    marked_before = np.concatenate([[0], np.cumsum(marked)])
    prose_before = np.concatenate([[0], np.cumsum(facts.prose)])
    edges = [0, *boundaries, len(facts.words)]
    return [(lo, hi) for lo, hi in zip(edges, edges[1:]) if marked_before[hi] == marked_before[lo]
            and prose_before[hi] - prose_before[lo] >= rules.bare_min_prose_lines]


def consent_lines(facts: LineFacts, rules: RegionRules) -> np.ndarray:
    """Per line, whether it is a consent or cookie notice (held to ``rules.consent_cues``)."""
    if facts.consent is None:
        return np.zeros(len(facts.words), dtype=bool)
    out = facts.consent > 0
    if rules.consent_cues:
        pattern = _consent_pattern(rules.consent_cues)
        for i in np.flatnonzero(out):
            out[i] = pattern.search(facts.normal[i]) is not None
    return out


@lru_cache(maxsize=4)
def _consent_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{cue})" for cue in cues))


def footer_lines(facts: LineFacts, rules: RegionRules) -> np.ndarray:
    """Per line, whether it is one a page closes with: copyright or legal, a page's end, consent,
    or one that never opens a page."""
    out = (facts.legal + facts.end) > 0
    out |= consent_lines(facts, rules)
    if facts.no_start is not None:
        out |= facts.no_start > 0
    return out


@dataclass(frozen=True)
class ProseRun:
    """A run of prose of its own kind (block indices): it starts at ``start`` (never 0 where a
    page stands before it) and ends before ``end``; ``page_after`` whether a page starts at ``end``."""

    start: int
    end: int
    page_after: bool


def shared_share(stems: StemIds, run: tuple[int, int], other: tuple[int, int]) -> float:
    """The share of the distinct stems of blocks ``run`` (lo, hi) that blocks ``other`` hold."""
    mine = np.unique(stems.ids[stems.starts[run[0]]: stems.starts[run[1]]])
    if not len(mine) or other[1] <= other[0]:
        return 0.0
    theirs = stems.ids[stems.starts[other[0]]: stems.starts[other[1]]]
    return float(np.isin(mine, theirs).sum()) / len(mine)


def prose_runs(facts: LineFacts, page_starts: Sequence[int], page_logits: np.ndarray,
               article_logits: Sequence[float], stems: StemIds, rules: RegionRules) -> list[ProseRun]:
    """The runs of prose that no page holds: after a footer or at the text's start, before a
    page's start or at the text's end. Each starts at the article model's likeliest start
    between the footer's last line and the run's first prose line, and ends at the page start
    chosen there (or the page model's likeliest one between the run's last prose line and the
    page lines after it)."""
    n = len(facts.words)
    furniture = page_lines(facts, rules)
    footer = footer_lines(facts, rules)
    legal = facts.legal > 0
    if facts.no_start is not None:
        legal |= facts.no_start > 0
    marks = np.flatnonzero(furniture).tolist()
    if not marks:
        return []
    prose = facts.prose.astype(int)
    prose_words = np.where(facts.prose, facts.words, 0)
    p_lines = np.concatenate([[0], np.cumsum(prose)])
    p_words = np.concatenate([[0], np.cumsum(prose_words)])
    starts = sorted(page_starts)
    out: list[ProseRun] = []
    last_end = 0
    # each run between page lines (the text's ends included): (last page line before, first after)
    edges = [-1, *marks, n]
    for k, (a, b) in enumerate(zip(edges, edges[1:])):
        lo, hi = a + 1, b
        if hi - lo < rules.min_prose_lines:
            continue
        if p_lines[hi] - p_lines[lo] < rules.min_prose_lines or p_words[hi] - p_words[lo] < rules.min_prose_words:
            continue
        if a >= 0:
            # after a footer: one of the last page lines before the run closes a page
            before = marks[max(0, k - rules.footer_lines): k]
            if not any(footer[i] for i in before):
                continue
        first_prose = lo + int(np.argmax(facts.prose[lo:hi]))
        last_prose = hi - 1 - int(np.argmax(facts.prose[lo:hi][::-1]))
        page_after = b < n
        end = n
        if page_after:
            reach_hi = min(n - 1, b + rules.start_reach)
            # the page may start at the run's last prose line: a title that ends like a
            # sentence ("... It's Never Too Late!") reads as prose
            chosen = [s for s in starts if last_prose <= s <= reach_hi and s > lo]
            if chosen:
                end = chosen[0]
            else:
                # gap g lies before line g + 1
                gaps = range(max(lo, last_prose - 1), reach_hi)
                best = max(gaps, key=lambda g: page_logits[g])
                if page_logits[best] < (rules.start_logit if a >= 0 else rules.first_start_logit):
                    continue
                if any(legal[i] for i in marks[k: k + rules.no_footer_lines]):
                    continue
                end = best + 1
        start = 0
        if a >= 0:
            start = max(range(lo, first_prose + 1), key=lambda s: article_logits[s - 1])
            # the page above starts at the page start or the run of prose before it
            above = max(start - rules.page_reach, last_end, *(s for s in starts if s < start))
            if shared_share(stems, (start, end), (above, start)) > rules.max_shared:
                continue
        if page_after:
            below = min(end + rules.page_reach, *(s for s in starts if s > end), n)
            if shared_share(stems, (start, end), (end, below)) > rules.max_shared:
                continue
        out.append(ProseRun(start, end, page_after))
        last_end = end
    return out
