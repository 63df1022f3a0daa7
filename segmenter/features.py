"""Per-gap cue features: what speaks for or against an article starting at a block.

Each feature is one entry of ``TABLE``: its name, its wording for ``--explain``, how its column
is computed, and its flags."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from typing import Callable

import numpy as np

from corpuscut.text.compiled import Tier, compiled
from corpuscut.text.stems import StemIds
from corpuscut.text.words import CJK_RUN

from .blocks import Block
from .cohesion import Cohesion, _distinct
from .cues import CueSet, LineShape
from .echo import echoes
from .kernels import passages_overlap as kernel_passages_overlap
from .recurrence import NEUTRAL, Recurrence, introduced, recurrence, stem_blocks


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


#: How many blocks on each side a short line's words are looked for in (a subhead repeats the
#: words of the paragraphs before it; a headline only those of the paragraphs after it).
CONTEXT_BLOCKS = 6


#: The kinds of line that are never a headline: one that ends a sentence; a closing or source
#: line; one ending with a colon, which introduces what follows (a subhead, a list, a quotation)
#: and is no line cut off mid-sentence either; a line of an embedded post (a tweet's text and
#: link) or a caption mark.
NOT_HEADLINE = ("terminal", "end_cue", "aside", "ends_colon", "embedded")


def is_headline_shaped(shape: LineShape, max_words: int) -> bool:
    """Whether a line has a headline's shape: some words, at most ``max_words``, and none of the
    kinds of :data:`NOT_HEADLINE`."""
    return 0 < shape.words <= max_words and not any(getattr(shape, name) for name in NOT_HEADLINE)


def context_overlap(ids: StemIds, candidates: np.ndarray, keys: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """For each candidate block (True in ``candidates``), the share of its distinct stems found
    in the CONTEXT_BLOCKS blocks before it, and in those after it; 0 for the others.

    All candidates at once: the distinct (stem, block) pairs are keyed and sorted once
    (``keys``: :func:`segmenter.recurrence.stem_blocks`, where the caller has them); a stem
    occurs in the blocks lo..hi - 1 when a key lies between (stem, lo) and (stem, hi)."""
    n = ids.units
    before, after = np.zeros(n), np.zeros(n)
    chosen = np.flatnonzero(candidates[:n])
    if not len(chosen) or not len(ids.ids):
        return before, after
    starts, flat = ids.starts, ids.ids
    vocab = int(flat.max()) + 1
    lengths = starts[chosen + 1] - starts[chosen]
    # each candidate's distinct stems, as (candidate, stem) pairs
    which = np.repeat(np.arange(len(chosen)), lengths)
    ends = np.cumsum(lengths)
    positions = np.repeat(starts[chosen] - (ends - lengths), lengths) + np.arange(int(ends[-1]) if len(ends) else 0)
    pairs = _distinct(which * vocab + flat[positions])
    owner, stem = pairs // vocab, pairs % vocab
    own_count = np.bincount(owner, minlength=len(chosen))
    if keys is None:
        keys = stem_blocks(ids)
    block = chosen[owner]
    base = stem * n

    def found(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """Per candidate, how many of its stems occur in its blocks lo..hi - 1."""
        inside = np.searchsorted(keys, base + hi) > np.searchsorted(keys, base + lo)
        return np.bincount(owner[inside], minlength=len(chosen))

    lo = np.maximum(0, chosen - CONTEXT_BLOCKS)
    hi = np.minimum(n, chosen + 1 + CONTEXT_BLOCKS)
    seen_before = found(lo[owner], block)
    seen_after = found(block + 1, hi[owner])
    has = own_count > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        before[chosen] = np.where(has & (chosen > lo), seen_before / own_count, 0.0)
        after[chosen] = np.where(has & (hi > chosen + 1), seen_after / own_count, 0.0)
    return before, after


#: How many blocks on each side of a headline-like block make the passages whose shared words
#: tell a subhead (one article's passages share a third of their words or so, two articles' a
#: tenth: on training dumps of every corpus and the WCXB training pages, the median share at
#: subheads is 0.20-0.30, at article starts 0.07-0.12).
PASSAGE_BLOCKS = 6
#: The gaps on either side of a gap whose blank lines set its usual paragraph gap.
NEAR_GAPS = 10


def passages_overlap(ids: StemIds, candidates: np.ndarray, reach: int = PASSAGE_BLOCKS,
                     tier: Tier | None = None) -> np.ndarray:
    """For each candidate block (True in ``candidates``), the share of distinct stems that the
    ``reach`` blocks before it and the ``reach`` blocks after it (the block itself left out)
    have in common, of the smaller of the two sets; 0 for the others, and where a side is empty.
    Counted by the compiled kernel once ``tier`` runs compiled (it adds no work to the tier's
    count: this never decides when Numba loads)."""
    n = ids.units
    out = np.zeros(n)
    if tier is not None and tier.compiles(0):
        chosen_blocks = np.flatnonzero(candidates[:n])
        if len(chosen_blocks):
            compiled(kernel_passages_overlap)(ids.ids, ids.starts, chosen_blocks, reach, ids.vocab, out)
        return out
    chosen = np.flatnonzero(candidates[:n]).tolist()
    if not chosen:
        return out
    # Python sets: the passages hold tens to hundreds of stems, where numpy's unique and union
    # cost more in their calls than in their work (and slices of lists less than of arrays).
    starts, flat = ids.starts.tolist(), ids.ids.tolist()
    for block in chosen:
        before = set(flat[starts[max(0, block - reach)]: starts[block]])
        after = set(flat[starts[block + 1]: starts[min(n, block + 1 + reach)]])
        if before and after:
            out[block] = len(before & after) / min(len(before), len(after))
    return out


#: ``min(1, log1p(k) / log1p(300))`` for k = 0..300: the long-lines scale, 1 from 300 words on.
_LONG_LINES = np.array([min(1.0, math.log1p(k) / math.log1p(300)) for k in range(301)])


#: Fields of LineShape, in order, as columns of the shapes' matrix.
_SHAPE = {name: i for i, name in enumerate(LineShape._fields)}


class Gaps:
    """A text's blocks seen from the gaps between them (gap g lies before block g+1): what the
    feature columns are computed from. Arrays per block hold n values (``[:-1]`` is the block
    before each gap, ``[1:]`` the one after it), arrays per gap n-1; each derived quantity is
    computed once, when a column first asks for it."""

    def __init__(self, blocks: list[Block], shapes: list[LineShape], coh: Cohesion, cues: CueSet,
                 ids: StemIds | None, tier: Tier | None = None) -> None:
        self.n = len(blocks)
        self.count = self.n - 1
        self.cues = cues
        self.coh = coh
        self.ids = ids
        #: Whether its counts of stems run compiled (:mod:`corpuscut.text.compiled`).
        self.tier = tier
        self.texts = [b.text for b in blocks]
        #: The line shapes' matrix: one row per block, a column per LineShape field (1.0 for True).
        # (read as one run of numbers: a list of tuples given to np.array is walked twice, for
        # its shape and then its values)
        self.shapes = np.fromiter(chain.from_iterable(shapes), dtype=np.float64,
                                  count=self.n * len(_SHAPE)).reshape(self.n, len(_SHAPE))
        self.words = self.value("words")
        self.blank = np.array([b.blank_before for b in blocks[1:]], dtype=np.int64)
        self.separator = np.array([b.separator_before for b in blocks[1:]], dtype=bool)
        self._flags: dict[str, np.ndarray] = {}

    def value(self, field: str) -> np.ndarray:
        """A LineShape field of every block."""
        return self.shapes[:, _SHAPE[field]]

    def flag(self, field: str) -> np.ndarray:
        """A true-or-false LineShape field of every block."""
        if field not in self._flags:
            self._flags[field] = self.value(field) > 0
        return self._flags[field]

    def before(self, field: str) -> np.ndarray:
        """A true-or-false LineShape field of the block before each gap."""
        return self.flag(field)[:-1]

    def after(self, field: str) -> np.ndarray:
        """A true-or-false LineShape field of the block after each gap."""
        return self.flag(field)[1:]

    @cached_property
    def start_cue(self) -> np.ndarray:
        return self.flag("byline") | self.flag("dateline") | self.flag("date")

    @cached_property
    def link_title(self) -> np.ndarray:
        """Per block: the title of a link that an aside ending with a colon introduces ("ALSO
        READ:", "Related:" over the related story's title), in a text without headlines: a
        short line without a final stop that belongs to the aside above it, not the next article's start. Where
        articles have headlines, the line under such an aside is as likely the next one's
        headline (a scrape that kept "Also read:" and lost the link), and is read so unless
        no body follows it: another headline right under it, or the text's end, leaves it a
        title with no story of its own (a byline or a date under it opens its story)."""
        out = np.zeros(self.n, dtype=bool)
        intro = self.flag("aside") & self.flag("ends_colon")
        # A title has no final stop (a sentence under a dangling "Also read:" starts the next
        # article), and nothing parts it from the aside: no separator, neither more nor fewer
        # blank lines than between paragraphs (files joined by ``cat`` glue a headline under
        # the last line).
        apart = self.separator | (self.blank > self.usual_blank) | self.fewer_blank
        out[1:] = intro[:-1] & self.headline_shaped[1:] & ~apart
        if self.headed_text:
            bodiless = np.append(self.headline_shaped[1:] & ~self.start_cue[1:], True)
            out &= bodiless
        return out

    @cached_property
    def asides(self) -> np.ndarray:
        """Source, share and link lines; an aside that introduces a link's title on the next line
        ends under that title (``link_title``), so the title counts as the aside and the line
        that introduces it does not."""
        return (self.flag("aside") & ~np.append(self.link_title[1:], False)) | self.link_title

    @cached_property
    def closing(self) -> np.ndarray:
        """Lines of the kinds that close a story (credit, copyright, sign-off, source, share and
        link lines, a link's title): neither headlines nor lines cut off mid-sentence."""
        return self.flag("end_cue") | self.flag("aside") | self.link_title

    @cached_property
    def headline_shaped(self) -> np.ndarray:
        """Per block, :func:`is_headline_shaped`."""
        out = (self.words > 0) & (self.words <= self.cues.headline_max_words)
        for name in NOT_HEADLINE:
            out &= ~self.flag(name)
        return out

    @cached_property
    def headline(self) -> np.ndarray:
        """Headline-shaped lines that are no link's title."""
        return self.headline_shaped & ~self.link_title

    @cached_property
    def question(self) -> np.ndarray:
        """A short question ("What is an IP address?", "¿Qué es GNOME clásico?"): a headline for
        all its final stop, or a question inside an article; a question-and-answer turn ("Q:
        ...?") is a list item."""
        return ((self.words > 0) & (self.words <= self.cues.headline_max_words) & self.flag("question")
                & ~self.flag("item") & ~self.closing)

    @cached_property
    def titles(self) -> np.ndarray:
        """The headline-like blocks: headlines and short questions (whose words are looked for
        around them, and whose echoes are captions)."""
        return self.headline | self.question

    @cached_property
    def is_cut(self) -> np.ndarray:
        # A list item (a team sheet, a squad of names and clubs) ends without a stop, and is
        # not a sentence cut off.
        return ((self.words >= self.cues.cut_min_words) & ~self.flag("terminal") & ~self.closing
                & ~self.flag("ends_colon") & ~self.flag("item"))

    @cached_property
    def usual_blank(self) -> int:
        # The usual gap between paragraphs: over gaps after a line that ends a sentence (in
        # hard-wrapped text most line ends are inside a paragraph, and tell nothing).
        ends = self.flag("terminal")[:-1]
        pool = np.sort(self.blank[ends] if ends.any() else self.blank)
        return int(pool[(len(pool) - 1) // 2])

    @cached_property
    def fewer_blank(self) -> np.ndarray:
        """Gaps with fewer blank lines than the usual gap between paragraphs around them (the
        NEAR_GAPS gaps on either side that follow a sentence's end): files joined by ``cat``
        put a headline right under the last paragraph. Measured near the gap, as a dump may
        glue texts of different layouts, each with its own usual."""
        ends = self.flag("terminal")[:-1]
        n = len(self.blank)
        out = np.zeros(n, dtype=bool)
        if not n:
            return out
        lo = np.maximum(0, np.arange(n) - NEAR_GAPS)
        hi = np.minimum(n, np.arange(n) + NEAR_GAPS + 1)
        total = np.concatenate([[0], np.cumsum(ends)])
        pool = total[hi] - total[lo]
        for b in range(int(min(self.blank.max(), 3))):
            at = self.blank == b
            if not at.any():
                continue
            upto = np.concatenate([[0], np.cumsum(ends & (self.blank <= b))])
            held = upto[hi] - upto[lo]
            # The usual (the lower median of the pool) has more blank lines than this gap.
            out |= at & (pool > 0) & (held <= (pool - 1) // 2)
        return out

    @cached_property
    def long_layout(self) -> float:
        ordered = np.sort(self.words)
        return 1.0 if ordered[(self.n - 1) // 2] >= self.cues.long_layout_min_words else 0.0

    @cached_property
    def sizes(self) -> np.ndarray:
        """Each block's length in words, where a run of Chinese or Japanese characters (written
        without spaces, one white-space word however long) counts a word per two of them: a
        headline over a longer paragraph is then told there as it is between spaced words."""
        sizes = self.words.copy()
        # only blocks whose words run long are looked at: a text of spaced words costs nothing
        for b in np.flatnonzero(np.array([len(t) for t in self.texts]) > 8 * np.maximum(self.words, 1)).tolist():
            sizes[b] += sum(len(run) for run in CJK_RUN.findall(self.texts[b])) // 2
        return sizes

    @cached_property
    def heads_text(self) -> np.ndarray:
        """Per gap: the block after it has a longer text within two lines after it (a byline or
        a caption may come between), or nothing after it."""
        words, n = self.sizes, self.n
        need = np.maximum(words[1:] + 4, 12)
        later = np.zeros(self.count, dtype=bool)
        for ahead in (2, 3):
            reach = max(0, n - ahead)
            later[:reach] |= words[ahead:] >= need[:reach]
        following_none = np.arange(self.count) + 2 >= n
        return following_none | later

    @cached_property
    def headline_after(self) -> np.ndarray:
        # A headline: a short line without a final stop, with a longer text after it.
        return self.headline[1:] & self.heads_text

    @cached_property
    def echo(self) -> np.ndarray:
        return echoes(self.texts, self.titles, self.cues.echo_min_words, self.cues.echo_reach)

    @cached_property
    def cut(self) -> np.ndarray:
        return self.is_cut[:-1] & ~self.before("teaser_end")

    @cached_property
    def teaser(self) -> np.ndarray:
        return self.before("teaser_end") & (self.words[:-1] >= self.cues.cut_min_words)

    @cached_property
    def strong(self) -> np.ndarray:
        """Some end-of-article cue fires: one of the features flagged ``strong``."""
        return np.logical_or.reduce([np.asarray(f.column(self), dtype=bool) for f in TABLE if f.strong])

    @cached_property
    def lede_layout(self) -> bool:
        # A lede tells only where most paragraphs hold several sentences (not in a text of a
        # sentence per line, nor in wire copy whose every paragraph is one sentence).
        long_enough = self.words >= self.cues.lede_min_words
        return bool(long_enough.any() and self.flag("one_sentence")[long_enough].mean() < 0.5)

    @cached_property
    def ledes(self) -> np.ndarray:
        return self.flag("one_sentence") & self.lede_layout

    @cached_property
    def lede_after(self) -> np.ndarray:
        # A lede after a headline starts nothing (the headline did), nor where a stronger cue
        # already speaks; in a text whose ledes mostly follow a headline or a byline, a lone
        # one-sentence paragraph is most likely just a short one (a feature of its own weighs that).
        return self.ledes[1:] & ~self.headline[:-1] & ~self.strong & ~(self.blank > self.usual_blank)

    @cached_property
    def headed_text(self) -> bool:
        # Where articles have headlines (some headline-like line starts a passage), the headline
        # starts an article, and a one-sentence paragraph is most likely just a short one: American
        # news writes them throughout.
        # Headlines count where there are enough of them for a dump of headed articles: a stray
        # headline-shaped line (a result, a related story's title, a short quotation) among
        # headless paragraphs is none, and neither are a few against many more ledes without one.
        # (read off headline-shaped lines: a link's title is told only in a text without headlines)
        headed = self.headline_shaped[:-1] | self.start_cue[:-1]
        alone = int((self.ledes[1:] & ~headed).sum())
        heads = int((self.headline_shaped[1:] & self.heads_text).sum())
        return (alone < (self.ledes[1:] & headed).sum()
                or (heads * self.cues.headed_blocks_per_headline >= self.n
                    and heads * self.cues.ledes_per_headline >= alone))

    @cached_property
    def one_article(self) -> float:
        """1.0 where the whole text reads as one article, as a file or a record of one story
        does: it opens with a headline over a longer text, no later line reads as a headline,
        a byline or a dateline, no end-of-article cue fires, and it runs no longer than an
        article (``one_article_max_words``); else 0.0. A dump of articles with headlines has a
        headline at each; a single story's paragraph breaks are not article starts, however
        its vocabulary moves (a last paragraph on the wider field, new people entering)."""
        words = self.words
        if self.n < 3 or words.sum() > self.cues.one_article_max_words or not self.headline[0]:
            return 0.0
        if not (words[1:3] >= max(words[0] + 4, 12)).any():
            return 0.0
        # list items (a team sheet, steps) read as short headlines, and stand inside an article
        later = ((self.headline_after[1:] & ~self.after("item")[1:]).any() or self.start_cue[3:].any()
                 or self.strong.any())
        return 0.0 if later else 1.0

    @cached_property
    def caps_headlines(self) -> float:
        """The share of the text's headlines (short lines that head a longer text) that are
        upper case: nearly all in wire copy, few in web articles whose subheads alone are."""
        heads = self.headline_after
        return float(self.after("all_caps")[heads].mean()) if heads.any() else 0.0

    @cached_property
    def title_share(self) -> float:
        """The share of the text's blocks that are headline-like: about one in ten in a dump of
        news articles (a headline each), a third or more in an article of subheads, lists and steps."""
        return float(self.titles.mean())

    @cached_property
    def lexical(self) -> np.ndarray:
        # Vocabulary matters where no strong cue speaks: the model weighs it only there.
        return np.where(self.strong, 0.0, 1.0)

    @cached_property
    def cased(self) -> float:
        # Lower case tells only in a text whose lines mostly begin upper case (not in one that was
        # lower-cased throughout).
        return float(self.flag("starts_lower").mean() < 0.5)

    @cached_property
    def shortest(self) -> np.ndarray:
        """The fewer words of the two blocks around each gap."""
        return np.minimum(self.words[:-1], self.words[1:]).astype(np.int64)

    @cached_property
    def long_lines(self) -> np.ndarray:
        """How long the shorter block around each gap is, on a log scale up to 300 words."""
        return _LONG_LINES[np.minimum(self.shortest, len(_LONG_LINES) - 1)]

    @cached_property
    def stem_blocks(self) -> np.ndarray:
        """:func:`segmenter.recurrence.stem_blocks` of the text's stems: one sort for the features that share it."""
        assert self.ids is not None
        return stem_blocks(self.ids)

    @cached_property
    def recurrence(self) -> Recurrence:
        """Per gap, the share of the rarer words of the block after it seen in the blocks just
        before it, and of the block before it found again just after it
        (:mod:`segmenter.recurrence`; neutral without the text's stems)."""
        if self.ids is not None and self.ids.units == self.n:
            return recurrence(self.ids, keys=self.stem_blocks)
        return Recurrence(np.full(self.count, NEUTRAL), np.full(self.count, NEUTRAL))

    @cached_property
    def introduced(self) -> np.ndarray:
        """Per block, :func:`segmenter.recurrence.introduced`: the share of its words new to the
        blocks before it that the blocks after it take up (zeros without the text's stems)."""
        if self.ids is not None and self.ids.units == self.n:
            return introduced(self.ids, keys=self.stem_blocks)
        return np.zeros(self.n)

    @cached_property
    def passages_share(self) -> np.ndarray:
        """``passages_overlap`` of the headline-like blocks (zeros without the text's stems)."""
        if self.ids is not None and self.ids.units == self.n:
            return passages_overlap(self.ids, self.titles, tier=self.tier)
        return np.zeros(self.n)

    @cached_property
    def context(self) -> tuple[np.ndarray, np.ndarray]:
        """``context_overlap`` of the headline-like blocks (zeros without the text's stems)."""
        if self.ids is not None and self.ids.units == self.n:
            return context_overlap(self.ids, self.titles, self.stem_blocks)
        return np.zeros(self.n), np.zeros(self.n)


@dataclass(frozen=True)
class Feature:
    """One gap feature: its name (as in the weights file), the few words ``--explain`` gives
    for it, and how its column is computed from a text's ``Gaps``."""

    name: str
    #: A few words each, one wording per cue (features that measure the same cue share it, and
    #: a cut names it once).
    reason: str
    column: Callable[[Gaps], np.ndarray]
    #: A structural cue: where none of them fires anywhere, a text has no cue.
    cue: bool = False
    #: An end-of-article cue: ``strong_cue`` fires where any of them does (and vocabulary is
    #: weighed only where none does); its reasons name those that fired.
    strong: bool = False
    #: An end-of-article cue whose cut the vocabulary may still undo: a line that ends without a
    #: stop closes a teaser in a news dump, but in a web page's main text it is a list item, a
    #: product's note or a caption, and the passages on either side share their words.
    overruled: bool = False
    #: Features whose reasons this one's reason already says (left out when both are given).
    covers: tuple[str, ...] = ()


#: Every gap feature, in the order of the vectors and of the weights file.
TABLE: tuple[Feature, ...] = (
    Feature("blank_line", "blank line", lambda g: g.blank > 0),
    Feature("more_blank_than_usual", "more blank lines than usual", lambda g: g.blank > g.usual_blank, cue=True),
    # Files joined by ``cat``: a headline right under the last paragraph, where paragraphs
    # stand apart by blank lines.
    Feature("fewer_blank_than_usual", "no blank line where paragraphs have one",
            lambda g: g.fewer_blank),
    Feature("separator", "separator line", lambda g: g.separator, cue=True, strong=True),
    Feature("credit_or_copyright_before", "credit line before", lambda g: g.before("end_cue"), cue=True,
            strong=True),
    Feature("cut_mid_sentence_before", "text before ends mid-sentence", lambda g: g.cut, cue=True, strong=True,
            overruled=True),
    Feature("long_line_cut_before", "teaser before",
            lambda g: g.cut & (g.words[:-1] >= 40) & ~g.after("starts_lower"), strong=True, overruled=True,
            covers=("cut_mid_sentence_before",)),
    Feature("teaser_ending_before", "teaser ending before", lambda g: g.teaser, cue=True, strong=True,
            overruled=True),
    Feature("cut_line_after", "starts a teaser",
            lambda g: (g.is_cut[1:] | g.after("teaser_end")) & (g.words[1:] >= 40)),
    Feature("headline_after", "headline", lambda g: g.headline_after, cue=True),
    Feature("title_case_after", "title-case line",
            lambda g: np.where(g.headline[1:], g.value("title_case")[1:], 0.0)),
    Feature("byline_or_dateline_after", "byline/dateline", lambda g: g.start_cue[1:], cue=True),
    Feature("headline_before", "follows a headline", lambda g: g.headline[:-1]),
    # In a text without headlines (``Gaps.headed_text``), a headline-shaped line is an article's
    # own: a subhead, or the related story, the "Watch:" link or the tweet that closes it. The
    # article after such a closing line starts under it, and no cut belongs before it.
    Feature("headline_after_in_headless_text", "stray headline-shaped line",
            lambda g: g.headline_after & (not g.headed_text)),
    Feature("headline_before_in_headless_text", "follows a stray headline",
            lambda g: g.headline[:-1] & (not g.headed_text)),
    Feature("credit_after", "credit line", lambda g: g.after("end_cue")),
    # A source, share or link line closes a news story, but stands inside web articles too.
    Feature("aside_before", "source or link line before", lambda g: g.asides[:-1], cue=True),
    Feature("aside_after", "source or link line", lambda g: g.asides[1:]),
    Feature("byline_or_dateline_before", "follows a byline/dateline", lambda g: g.start_cue[:-1]),
    Feature("lowercase_after", "starts in lower case", lambda g: g.after("starts_lower") * g.cased),
    Feature("continuation_after", "starts like a continuation", lambda g: g.after("continues")),
    Feature("colon_before", "text before ends with a colon", lambda g: g.before("ends_colon")),
    Feature("boilerplate_near", "boilerplate line", lambda g: g.before("boilerplate") | g.after("boilerplate")),
    Feature("short_line_after", "short line", lambda g: g.words[1:] < 6),
    Feature("echo_after", "caption or pull quote", lambda g: g.echo[1:]),
    Feature("echo_before", "follows a caption or pull quote", lambda g: g.echo[:-1]),
    Feature("lede_after", "lede", lambda g: g.lede_after),
    Feature("lede_in_headed_text", "lede among headlines", lambda g: g.lede_after & g.headed_text),
    Feature("lede_before", "follows a lede", lambda g: g.ledes[:-1]),
    Feature("no_lede_layout", "no ledes to tell", lambda g: np.full(g.count, 0.0 if g.lede_layout else 1.0)),
    Feature("one_article_text", "the text reads as one headed article",
            lambda g: np.full(g.count, g.one_article)),
    Feature("long_lines_around", "long lines around", lambda g: g.long_lines),
    Feature("whole_articles_per_line", "an article per line", lambda g: g.shortest >= 150),
    Feature("long_line_layout", "dump of long lines", lambda g: np.full(g.count, g.long_layout)),
    Feature("strong_cue", "end-of-article cue", lambda g: g.strong),
    Feature("vocabulary_similarity", "vocabulary shift",
            lambda g: g.lexical * np.asarray(g.coh.similarity, dtype=np.float64)),
    Feature("vocabulary_shift_depth", "vocabulary shift",
            lambda g: g.lexical * np.minimum(1.0, np.asarray(g.coh.depth, dtype=np.float64))),
    Feature("vocabulary_split_gain", "vocabulary shift",
            lambda g: g.lexical * np.asarray(g.coh.split_gain, dtype=np.float64)),
    # Names and rarer words: the paragraph after the gap shares none with the paragraphs just
    # before it, the paragraph before none with those just after (lower-cased text included:
    # rare words stand for names). A gap a paragraph early has its article's last paragraph
    # after it, whose words were all seen just before. Weighed at every gap, strong cues'
    # too (a separator between two articles about different people is surer still); centred
    # on the share of a passage without content words, which tells nothing, as does a credit,
    # sign-off or boilerplate line: "Reuter", "Share this article" come again in every article.
    Feature("new_words_after", "new names and words",
            lambda g: np.where(g.closing[1:] | g.after("boilerplate"), 0.0, NEUTRAL - g.recurrence.seen)),
    Feature("words_end_before", "new names and words",
            lambda g: np.where(g.closing[:-1] | g.before("boilerplate"), 0.0, NEUTRAL - g.recurrence.again)),
    # A lede names what its article is about, and the paragraphs after it take those names up:
    # where no headline marks a start, this is what tells it from a paragraph that brings in a
    # passing detail, or from an article's last paragraph, whose new words the next article never uses.
    # (Not at a headline-like line, whose words after it are a feature of their own.)
    Feature("introduces_words_after", "subject taken up after",
            lambda g: np.where(g.closing[1:] | g.after("boilerplate") | g.titles[1:], 0.0, g.introduced[1:])),
    Feature("item_after", "list item or Q&A turn", lambda g: g.after("item")),
    Feature("item_before", "follows a list item", lambda g: g.before("item")),
    Feature("embedded_near", "embedded post or caption", lambda g: g.before("embedded") | g.after("embedded")),
    # An upper-case line among headlines that are not is a subhead; where the headlines are
    # upper case themselves (wire copy), it tells nothing more than any headline.
    Feature("odd_all_caps_after", "upper-case line among cased headlines",
            lambda g: g.after("all_caps") * (1.0 - g.caps_headlines)),
    Feature("headline_words_before", "subhead (repeats words before)", lambda g: g.context[0][1:]),
    Feature("headline_words_after", "headline", lambda g: g.context[1][1:]),
    Feature("colon_line_after", "line ends with a colon",
            lambda g: g.after("ends_colon") & (g.words[1:] <= g.cues.headline_max_words)),
    # A headline-like line inside an article (a subhead, a step, a list's title) is one of many,
    # and the passages on either side of it share their words; a headline of a new article is
    # rarer, and the words change under it.
    Feature("headline_among_many", "subhead (one of many)", lambda g: g.headline_after * g.title_share),
    Feature("headline_in_one_passage", "subhead (the passages around it share words)",
            lambda g: (g.headline_after | (g.question[1:] & g.heads_text)) * g.passages_share[1:]),
    # Not a structural cue: a text of one sentence a line holds questions, and no headlines.
    Feature("question_after", "question headline", lambda g: g.question[1:] & g.heads_text),
)

#: Feature names, in the order of the vectors and of the weights file.
FEATURES: tuple[str, ...] = tuple(f.name for f in TABLE)
#: Human wording of each feature, for ``reasons``.
REASONS: dict[str, str] = {f.name: f.reason for f in TABLE}
#: Features that are structural cues: where none of them fires anywhere, a text has no cue.
CUE_FEATURES: tuple[str, ...] = tuple(f.name for f in TABLE if f.cue)
#: The end-of-article cues the shared ``strong_cue`` stands for.
STRONG_CUES: tuple[str, ...] = tuple(f.name for f in TABLE if f.strong)
#: The end-of-article cues at which the decoder's cut stands whatever the vocabulary says.
SURE_CUES: tuple[str, ...] = tuple(f.name for f in TABLE if f.strong and not f.overruled)
#: For each feature, the features whose reasons its reason already says.
COVERS: dict[str, tuple[str, ...]] = {f.name: f.covers for f in TABLE if f.covers}


def gap_features(
    blocks: list[Block], shapes: list[LineShape], coh: Cohesion, cues: CueSet, ids: StemIds | None = None,
    tier: Tier | None = None,
) -> GapFeatures:
    """One feature row per gap between consecutive blocks, all gaps at once: each feature's
    column computed from the text's ``Gaps``."""
    if len(blocks) < 2:
        return GapFeatures(FEATURES, np.zeros((0, len(FEATURES))))
    gaps = Gaps(blocks, shapes, coh, cues, ids, tier)
    # each column written into its place (true as 1.0): one array, where a list of columns
    # stacked cost a conversion each and a copy, much of a short text's features
    matrix = np.empty((gaps.count, len(TABLE)))
    for j, feature in enumerate(TABLE):
        matrix[:, j] = feature.column(gaps)
    return GapFeatures(FEATURES, matrix)
