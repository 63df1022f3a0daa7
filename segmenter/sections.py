"""One article's sections: a cut between two passages that share much of their vocabulary is a
section break inside one article (a subhead, a list's title, a step), not an article start.

A web article, a guide or a long report runs in sections under subheads; each section moves
to words of its own, and its subhead reads as a headline, so that the boundary model and the
lexical programme take each for an article of its own. Yet the sections of one article share
its subject's words throughout (its names, its product, its place), where two articles side by
side share little beyond common words: on training dumps of the news corpora, a real article
start's two sides share a median 6-13% of their distinct stems (of the smaller side's), on the
sections of WCXB's article pages a median 33%. So, once the decoder has chosen its cuts, the
pair of neighbouring articles that share the most is merged while they share at least
``min_shared``, as long as none of the cues of ``kept_at`` fires at the cut between them (a
separator, a credit line) and it scores under ``max_logit``. A line cut off mid-sentence is
no such cue here: in web articles it is mostly a list item or a table row without a stop; nor
is a teaser's ellipsis, on which a blog's paragraph ends before its next subhead ("So, in no
particular order…"). A cut the boundary model doubts (a negative log-odds: the lexical programme
made it on a shift of vocabulary) between two passages short enough to be sections asks less
shared vocabulary (``min_shared_by_logit``, up to ``relaxed_max_words`` words on both sides
together): a guide's sections share 25-40% of their stems, where two whole web pages side by
side, or two news stories, seldom do. Not in a text read in another language than its own
(``relaxed_max_stems_per_word``; ``spaced_max_stems_per_word`` in a text without Chinese or
Japanese script, whose character pairs count as words of their own), whose function words,
counted as content words, every passage shares. Nor fully at a cut before a headline-like line whose passages on either side
share few of their rarer words (as :mod:`segmenter.titled` reads a new document's title, before
any bonus): such a cut asks at least ``headline_min_shared``. A title is a cue of its own, not a
shift of vocabulary, and short documents side by side (a desktop's help pages, a manual's
topics) share the common words of what they all speak of, page after page: neighbouring pages
of GNOME's help share a median 14-19% of their distinct stems, a quarter of them 21-28% or more,
as much as the relaxed least asks. Only in a text where some cut scores ``headline_dump_logit`` or more,
though: a dump of documents holds a start the model is sure of, where one article's subheads,
alone in a text, all score under it, and a guide's sections under short subheads share as few
rarer words as two help pages.

Sharing distinct stems counts a word used once as much as the subject named in every
paragraph; a long guide's sections under subheads may share under a fifth of their distinct
stems and still weigh the same few words most (a guide to taxes says "tax" in each). So a cut
scored under ``cosine_max_logit`` is merged too where the cosine of its two sides' stem counts
reaches ``min_cosine_by_logit``'s least at its log-odds, whatever their length: two stories
side by side, even two on one field, weigh other words most (on training dumps of the news
corpora 5 of 258 real starts the decoder chose under a log-odds of 2 reach a cosine of 0.2,
against 590 of the 679 false cuts in WCXB's training main texts). Where no headline-like line
follows the cut, the least is ``cosine_without_headline`` higher: stories without headlines,
side by side on one field (football after football in lower-cased CNN/DailyMail text), are
cut on a shift of vocabulary and may weigh the same words most.

A source or link line before a cut ("Read more: ...", an image's credit) or an end-of-article cue
(a line cut off mid-sentence, a teaser's ellipsis) pushes its log-odds past those limits, yet
web articles hold such lines between their sections as often as news stories end on them. A cut
where one of ``discounted`` fires is also merged where its sides' counts reach the cosine
asked at its log-odds without those features' push, and ``discounted_min_cosine`` at least:
whether the text after the line weighs the same words tells a section from a new story.

The settings are in ``data/sections.json``, chosen on training dumps of the news corpora and
WCXB's training pages (``python -m tests.benchmarks.bench_split --part train``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from corpuscut.text.datafiles import read_json
from corpuscut.text.stems import StemIds, counted_pairs

from .numbered import NumberedRules
from .recurrence import stem_blocks

SECTIONS_RESOURCE = "data/sections.json"


@dataclass(frozen=True)
class SectionRules:
    """When two neighbouring articles are one article's sections (see the module's docstring)."""

    #: Merge while the two sides share at least this share of the smaller side's distinct stems.
    min_shared: float = 1.0
    #: The least share by the cut's log-odds: (log-odds, share) points, increasing in log-odds,
    #: between which it runs linearly and beyond which it stays at the nearest point's (none:
    #: ``min_shared`` at every cut). A cut that the boundary model itself doubts, chosen on a
    #: shift of vocabulary alone, is undone on less shared vocabulary than one its cues made.
    min_shared_by_logit: tuple[tuple[float, float], ...] = ()
    #: ``min_shared_by_logit`` holds only where the two sides together hold at most this many
    #: words (none: any); longer, ``min_shared``.
    relaxed_max_words: int | None = None
    #: Nor does it hold in a text of more content stems than this per white-space word (none:
    #: any text): a text read in its own language, whose function words are stop words, holds
    #: 0.36-0.67; read in another (German as English: 0.97-1.0), its function words count as
    #: content words shared by every passage, as they do in unspaced Chinese or Japanese.
    relaxed_max_stems_per_word: float | None = None
    #: A cut scored this or more (log-odds) is kept whatever its sides share.
    max_logit: float = 0.0
    #: A side of fewer distinct stems than this tells too little to merge on.
    min_stems: int = 10
    #: Gap features (of :mod:`segmenter.features`) at whose cut nothing is merged.
    kept_at: tuple[str, ...] = ()
    #: Two sides each of fewer blocks than this are no sections (a text of an article a line
    #: holds one block per article, and two stories on one subject share their words); one
    #: such side beside a longer one may be (a subhead cut off from its section).
    min_blocks: int = 1
    #: What heads one of a run of numbered sections (:mod:`segmenter.numbered`): a cut before
    #: such a line, scored under ``max_logit`` and at no cue of ``kept_at``, is no article start.
    numbered: NumberedRules = NumberedRules()
    #: The least cosine of the two sides' stem counts by the cut's log-odds: (log-odds, cosine)
    #: points as ``min_shared_by_logit``'s (none: the counts are not compared). Two passages
    #: that weigh the same words most (an article's subject, named again and again in each of
    #: its sections) are one article's, however many of their rarer words differ; two stories
    #: side by side seldom are, even on one field.
    min_cosine_by_logit: tuple[tuple[float, float], ...] = ()
    #: A cut scored this or more (log-odds) is not merged on its counts' cosine: a help page's
    #: title, or a story's headline, that the boundary model is sure of, over a page or a story
    #: on the same subject as the one before.
    cosine_max_logit: float = float("inf")
    #: At a cut with no headline-like line after it, the least cosine is this much higher: a
    #: guide's sections open under subheads, while headless stories side by side on one field
    #: (football after football, lower-cased and without a headline) are cut where the
    #: vocabulary shifts and may weigh the same words most.
    cosine_without_headline: float = 0.0
    #: Gap features whose push the cosine's rule leaves out of a cut's log-odds: a source or
    #: link line ("Read more: ...", an image's credit) closes a news story but stands between a
    #: web article's sections as often, and whether the text after it weighs the same words
    #: tells which. Such a cut asks a cosine of at least ``discounted_min_cosine``.
    discounted: tuple[str, ...] = ()
    discounted_min_cosine: float = 0.0
    #: The least share ``min_shared_by_logit`` may ask at a cut before a headline-like line whose
    #: passages on either side share few of their rarer words, as a new document's title's do
    #: (none: as at any cut): a title is a cue of its own, not a shift of vocabulary, and a run of
    #: short documents (a desktop's help pages) share their common words page after page.
    headline_min_shared: float | None = None
    #: Where such a title comes after a whole page (``title_run`` lines or more since the last
    #: headline-like line), the least share it asks instead (none: ``headline_min_shared``),
    #: above ``min_shared`` too: pages of one desktop's help share its common words ("click",
    #: "settings", "window"), where a guide's subhead a few lines under the last is merged on
    #: the plain least.
    title_min_shared: float | None = None
    title_run: int = 5
    #: Whether ``title_min_shared`` holds only at a title whose sides share few of their rarer
    #: words (read as apart); off: at every headline-like line after a whole page, in a text where
    #: a new document's title matters (:func:`titles_matter`). Help pages of one desktop share
    #: its less common words ("printer", "keyboard") too, so that a page's title and the page
    #: before it often fail the rarer words' test, while the whole page before it marks it.
    title_apart_only: bool = True
    #: ``relaxed_max_stems_per_word`` for a text without Chinese or Japanese script (none: the
    #: same): a text read in its own language may hold 0.65-0.9 content stems a word where it is
    #: thick with names, compounds or labelled lines, while Chinese or Japanese read among spaced
    #: words counts its character pairs as words of their own.
    spaced_max_stems_per_word: float | None = None
    #: ``headline_min_shared`` holds only in a text where at least one of the decoder's cuts scores
    #: this or more (log-odds; none: in every text): a dump of documents, where some start is
    #: sure. One article's subheads, alone in a text, all score under it, and a guide's sections
    #: under short subheads share as few rarer words as two help pages do.
    headline_dump_logit: float | None = None


def load_section_rules(path: Path | str | None = None) -> SectionRules:
    """The shipped rules, or those of a file of the same form."""
    data = read_json("corpuscut.segmenter", SECTIONS_RESOURCE, path)
    points = tuple((float(logit), float(share)) for logit, share in data.get("min_shared_by_logit", ()))
    cosines = tuple((float(logit), float(cosine)) for logit, cosine in data.get("min_cosine_by_logit", ()))
    cosine_max = data.get("cosine_max_logit")
    headless = data.get("cosine_without_headline", 0.0)
    words = data.get("relaxed_max_words")
    per_word = data.get("relaxed_max_stems_per_word")
    headline = data.get("headline_min_shared")
    spaced = data.get("spaced_max_stems_per_word")
    dump = data.get("headline_dump_logit")
    title = data.get("title_min_shared")
    numbered = NumberedRules(data.get("numbered_section"), int(data.get("numbered_max_words", NumberedRules.max_words)))
    return SectionRules(min_shared=float(data["min_shared"]), min_shared_by_logit=points,
                        max_logit=float(data["max_logit"]),
                        relaxed_max_words=None if words is None else int(words),
                        relaxed_max_stems_per_word=None if per_word is None else float(per_word),
                        min_stems=int(data["min_stems"]), kept_at=tuple(data["kept_at"]),
                        min_blocks=int(data["min_blocks"]), numbered=numbered, min_cosine_by_logit=cosines,
                        cosine_max_logit=float("inf") if cosine_max is None else float(cosine_max),
                        cosine_without_headline=float(headless),
                        discounted=tuple(data.get("discounted", ())),
                        discounted_min_cosine=float(data.get("discounted_min_cosine", 0.0)),
                        headline_min_shared=None if headline is None else float(headline),
                        spaced_max_stems_per_word=None if spaced is None else float(spaced),
                        headline_dump_logit=None if dump is None else float(dump),
                        title_min_shared=None if title is None else float(title),
                        title_run=int(data.get("title_run", SectionRules.title_run)),
                        title_apart_only=bool(data.get("title_apart_only", SectionRules.title_apart_only)))


def titles_matter(cuts: list[int], logits: list[float], headed: np.ndarray, rules: SectionRules) -> bool:
    """Whether a cut before a new document's title may ask ``rules.headline_min_shared``: the
    rule is set, one of ``cuts`` (block indices) before a headline-like line (``headed``, per
    gap) scores under ``rules.max_logit``, and, where ``rules.headline_dump_logit`` is set, one
    of them scores that or more (the text is a dump of documents, not one article's sections)."""
    if rules.headline_min_shared is None or not any(headed[c - 1] and logits[c - 1] < rules.max_logit for c in cuts):
        return False
    return rules.headline_dump_logit is None or any(logits[c - 1] >= rules.headline_dump_logit for c in cuts)


def _foreign(ids: StemIds, words: list[int] | None, rules: SectionRules, spaced: Callable[[], bool] | None) -> bool:
    """Whether the text reads as in another language than its own (more content stems per
    white-space word than ``rules.relaxed_max_stems_per_word``, or ``spaced_max_stems_per_word``
    in a text without Chinese or Japanese script)."""
    limit = rules.relaxed_max_stems_per_word
    foreign = limit is not None and (words is None or len(ids.ids) > limit * max(1, sum(words)))
    if foreign and words is not None and rules.spaced_max_stems_per_word is not None and spaced is not None:
        # a text of spaced words alone reads as in its own language up to a higher limit (a
        # guide thick with names and compounds, a list in labelled lines)
        foreign = len(ids.ids) > rules.spaced_max_stems_per_word * max(1, sum(words)) or not spaced()
    return foreign


def merge_sections(cuts: list[int], ids: StemIds, logits: list[float], kept: np.ndarray,
                   rules: SectionRules, words: list[int] | None = None,
                   numbered: frozenset[int] = frozenset(), headed: np.ndarray | None = None,
                   discounted: np.ndarray | None = None, titled: np.ndarray | None = None,
                   spaced: Callable[[], bool] | None = None) -> list[int]:
    """``cuts`` (block indices) less those between two passages of one article: first those
    before a block of ``numbered`` (one of a run of numbered sections) scored under
    ``rules.max_logit``, then the most alike neighbours, again and again, while they share the
    least share their cut asks (``rules.min_shared``, or less at a doubtful cut between short
    passages) or more. ``kept``: per gap, True where the cut may not be merged away (an
    end-of-article cue fires); ``words``: each block's words (without, a cut asks
    ``rules.min_shared`` at least where ``rules.relaxed_max_words`` or
    ``rules.relaxed_max_stems_per_word`` is set); ``headed``: per gap, True where a
    headline-like line follows (without, every cut counts as headed); ``titled``: per gap, True
    where that line reads as a new document's title (:func:`segmenter.titled.titles_apart`),
    where the least share is at least ``rules.headline_min_shared`` (without, none is)."""
    if numbered:
        # a numbered section's cut after a discounted line (a teaser's "in no particular order…")
        # is weighed without that line's push
        cuts = [c for c in cuts if c not in numbered or kept[c - 1]
                or logits[c - 1] - (0.0 if discounted is None else float(discounted[c - 1])) >= rules.max_logit]
    if not cuts or rules.min_shared > 1.0:
        return cuts
    bounds = [0, *cuts, ids.units]
    # the push of the discounted features at each cut: such a cut may be merged on its counts'
    # cosine at its log-odds without that push
    push = [0.0 if discounted is None else float(discounted[c - 1]) for c in cuts]
    open_ = [not kept[c - 1] and max(c - bounds[k], bounds[k + 2] - c) >= rules.min_blocks for k, c in enumerate(cuts)]
    shareable = [free and logits[c - 1] < rules.max_logit for c, free in zip(cuts, open_)]
    mergeable = [shared or (free and rules.min_cosine_by_logit != () and logits[c - 1] - p < rules.cosine_max_logit)
                 for c, shared, free, p in zip(cuts, shareable, open_, push)]
    if not any(mergeable):
        return cuts
    edges = np.array(bounds)
    counts, common = _neighbour_overlaps(ids, edges)
    cut_logits = [logits[c - 1] for c in cuts]
    relaxed = least_shares(cut_logits, rules)
    foreign = _foreign(ids, words, rules, spaced)
    if foreign:
        relaxed = [max(x, rules.min_shared) for x in relaxed]
    if rules.headline_min_shared is not None and titled is not None:
        floor = min(rules.min_shared, rules.headline_min_shared)
        after_page = floor if rules.title_min_shared is None else rules.title_min_shared
        raised = None if rules.title_min_shared is None or headed is None else after_runs(headed, rules.title_run)
        # a title after a whole page asks its least whether or not its sides read as apart
        # (``title_apart_only`` off): pages of one desktop's help share its less common words too
        page_title = [raised is not None and bool(raised[c - 1]) and not rules.title_apart_only for c in cuts]
        relaxed = [max(x, after_page if raised is not None and raised[c - 1] else floor) if titled[c - 1]
                   else max(x, after_page) if page else x
                   for x, c, page in zip(relaxed, cuts, page_title)]
    # a text read in another language than its own shares its function words throughout: its
    # counts are not compared
    cosines = None if foreign or not rules.min_cosine_by_logit else least_cosines(cut_logits, rules)
    if cosines is not None and any(push):
        lowered = least_cosines([x - p for x, p in zip(cut_logits, push)], rules)
        cosines = [min(x if shared else 2.0, max(low, rules.discounted_min_cosine)) if p else x
                   for x, low, p, shared in zip(cosines, lowered, push, shareable)]
    if cosines is not None and rules.cosine_without_headline and headed is not None:
        cosines = [x if headed[c - 1] else x + rules.cosine_without_headline for x, c in zip(cosines, cuts)]
    cap = rules.relaxed_max_words
    before = None if words is None else np.concatenate([[0], np.cumsum(words)])

    def least(k: int) -> float:
        """The least share at live cut ``k``: its log-odds', unless its two sides are long."""
        if cap is not None and (before is None or before[bounds[k + 2]] - before[bounds[k]] > cap):
            return max(relaxed[k], rules.min_shared)
        return relaxed[k]

    # Each cut's score: how far its sides' share (or the cosine of their counts) lies above the
    # least it asks.
    scores = [_share(int(counts[k]), int(counts[k + 1]), int(common[k]), rules) - least(k) if shareable[k] else -2.0
              for k in range(len(cuts))]
    if cosines is not None:
        alike = _neighbour_cosines(ids, edges)
        scores = [max(score, alike[k] - cosines[k]) if mergeable[k] and min(counts[k], counts[k + 1]) >= rules.min_stems
                  else score for k, score in enumerate(scores)]
    if max(scores) < 0.0:  # most texts: nothing to merge
        return cuts
    # Each segment's distinct stems and their counts, found only for the segments beside a
    # merge (most texts merge a pair or two of their dozens of articles); segment k spans
    # bounds[k]:bounds[k + 1].
    found: list[tuple[np.ndarray, np.ndarray] | None] = [None] * (len(bounds) - 1)

    def stems(k: int) -> tuple[np.ndarray, np.ndarray]:
        segment = found[k]
        if segment is None:
            segment = found[k] = np.unique(ids.ids[ids.starts[bounds[k]]: ids.starts[bounds[k + 1]]], return_counts=True)
        return segment

    def rescore(k: int) -> float:
        if not mergeable[k]:
            return -2.0
        (a, count_a), (b, count_b) = stems(k), stems(k + 1)
        both, in_a, in_b = np.intersect1d(a, b, assume_unique=True, return_indices=True)
        score = _share(len(a), len(b), len(both), rules) - least(k) if shareable[k] else -2.0
        if cosines is not None and min(len(a), len(b)) >= rules.min_stems:
            dot = float(np.dot(count_a[in_a], count_b[in_b]))
            norm = float(np.sqrt(np.dot(count_a, count_a) * np.dot(count_b, count_b)))
            score = max(score, dot / norm - cosines[k])
        return score

    while scores:
        k = int(np.argmax(scores))
        if scores[k] < 0.0:
            break
        (a, count_a), (b, count_b) = stems(k), stems(k + 1)
        union = np.concatenate([a, b])
        merged, where = np.unique(union, return_inverse=True)
        found[k] = merged, np.bincount(where.reshape(-1), weights=np.concatenate([count_a, count_b]),
                                       minlength=len(merged)).astype(np.int64)
        del found[k + 1], bounds[k + 1], mergeable[k], shareable[k], scores[k], relaxed[k], push[k]
        if cosines is not None:
            del cosines[k]
        if k > 0:
            scores[k - 1] = rescore(k - 1)
        if k < len(scores):
            scores[k] = rescore(k)
    return bounds[1:-1]


def after_runs(headed: np.ndarray, least: int) -> np.ndarray:
    """Per gap: a headline-like line follows it (``headed``) at least ``least`` lines after the
    last one (or the text's start)."""
    at = np.flatnonzero(headed) + 1
    out = np.zeros(len(headed), dtype=bool)
    out[at - 1] = np.diff(np.concatenate([[0], at])) >= least
    return out


def least_shares(logits: list[float], rules: SectionRules) -> list[float]:
    """The least share of stems at which a cut of each log-odds is merged between short
    passages (``rules.min_shared_by_logit``)."""
    if not rules.min_shared_by_logit:
        return [rules.min_shared] * len(logits)
    xs = [x for x, _ in rules.min_shared_by_logit]
    ys = [y for _, y in rules.min_shared_by_logit]
    return np.interp(logits, xs, ys).tolist()


def least_cosines(logits: list[float], rules: SectionRules) -> list[float]:
    """The least cosine of the two sides' stem counts at which a cut of each log-odds is merged
    (``rules.min_cosine_by_logit``; more than any cosine from ``rules.cosine_max_logit`` on)."""
    xs = [x for x, _ in rules.min_cosine_by_logit]
    ys = [y for _, y in rules.min_cosine_by_logit]
    least = np.interp(logits, xs, ys)
    return np.where(np.asarray(logits) >= rules.cosine_max_logit, 2.0, least).tolist()


def _share(size_a: int, size_b: int, common: int, rules: SectionRules) -> float:
    """The share of the smaller side's distinct stems that the other side holds too (0 where
    the smaller side has too few to tell)."""
    smaller = min(size_a, size_b)
    return 0.0 if smaller < rules.min_stems else common / smaller


def _neighbour_overlaps(ids: StemIds, edges: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For the segments between ``edges`` (unit indices): each one's distinct stems, and how
    many of them the next segment holds too; all at once, from the distinct (stem, segment)
    pairs sorted stem-major, where the same stem in the next segment is the next key."""
    segments = len(edges) - 1
    keys = stem_blocks(ids.merged(edges.tolist()))
    segment = keys % segments
    counts = np.bincount(segment, minlength=segments)
    in_next = keys[1:] == keys[:-1] + 1
    common = np.bincount(segment[:-1][in_next], minlength=segments)
    return counts, common[:-1]


def _neighbour_cosines(ids: StemIds, edges: np.ndarray) -> list[float]:
    """For the segments between ``edges`` (unit indices): the cosine of each one's stem counts
    with the next one's, all at once from the (stem, segment) pairs and their counts sorted
    stem-major, where the same stem in the next segment is the next key."""
    segments = len(edges) - 1
    flat = ids.ids[ids.starts[edges[0]]: ids.starts[edges[-1]]].astype(np.int64)
    segment_of = np.repeat(np.arange(segments, dtype=np.int64), np.diff(ids.starts[edges]))
    keys, counts = counted_pairs(flat, segment_of, segments)
    segment = keys % segments
    squares = np.bincount(segment, weights=counts.astype(np.float64) ** 2, minlength=segments)
    in_next = keys[1:] == keys[:-1] + 1
    dots = np.bincount(segment[:-1][in_next], weights=(counts[:-1] * counts[1:])[in_next].astype(np.float64),
                       minlength=segments)
    norms = np.sqrt(squares[:-1] * squares[1:])
    return np.divide(dots[:-1], norms, out=np.zeros(segments - 1), where=norms > 0).tolist()
