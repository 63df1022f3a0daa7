"""Page text: a dump of web pages as a crude scraper keeps them, split page by page.

A page's text (``get_text``) opens with its ``<title>`` line, then its menus, the article, and
its footer; the next page's title follows. Such text is mostly short lines without a stop (menus,
link lists, footers), where the article model reads headlines everywhere. So a text whose lines
are mostly such furniture is split by a model of its own: every gap gets the log-odds that a new
page starts after it, from boosted trees (:mod:`segmenter.trees`) over what a page start looks
like (a title line whose headline comes again further down, above the article, and whose words
the lines below repeat and those above do not; a footer before it and a skip link or menu after
it, prose far away on both sides, other words after it than before); a second pass of trees reads
those log-odds over the gaps around each one too (a page has one start: a footer's last line or
a pop-up just above the next page's title scores high, but lower than the title), and a dynamic
programme chooses the page starts, paying for every page that holds too little prose (a page is
one article with furniture around it, never a menu alone). Trees,
settings and the share of short lines from which a text is page text are in
``data/page-model.json``, fitted by ``python -m corpuscut.segmenter.train_pages`` on the
training part of the WCXB pages.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any, Sequence

import numpy as np

from corpuscut.text.datafiles import read_json

from .blocks import Block
from .body import CUE_LISTS, TERMINAL, load_body_cues
from .headline import page_title
from .decoding import choose_boundaries
from .model import sigmoid
from .trees import Trees

#: What each page-start feature measures (gap g lies before line g + 1).
FEATURES: tuple[str, ...] = (
    "title_echo",
    "title_separator",
    "title_shaped",
    "log_words",
    "prose_line",
    "short_before",
    "short_after",
    "prose_before",
    "prose_after",
    "log_lines_to_prose_after",
    "log_lines_from_prose_before",
    "footer_before",
    "menu_after",
    "menu_before",
    "common_after",
    "common_before",
    "separator",
    "more_blank_than_usual",
    "page_top_after",
    "footer_just_before",
    "title_repeated_next",
    "title_after_furniture",
    "title_before_menu",
    "echo_after_furniture",
    "page_top_next",
    "title_separator_top_next",
    "stands_out",
    "title_contained",
    "title_part_below",
    "title_part_below_after_footer",
    "title_words_below",
    "title_words_above",
    "vocabulary_shift",
    "log_lines_from_legal_before",
    "page_end_before",
    "title_words_new",
)
#: What the second pass adds for each gap: the first pass's log-odds of the gap, and how far the
#: likeliest gap among the NEARBY before and after it outscores it (a page has one start: a
#: footer's last line or a pop-up just above the next page's title is not it).
CONTEXT_FEATURES: tuple[str, ...] = ("first_pass", "likelier_below", "likelier_above")
#: Gaps on each side that the second pass compares a gap with.
NEARBY = 8
#: The second pass reads only gaps the first scores at least this: most gaps are a menu's, and
#: on the training dumps none scored below it came within 2 of a candidate (CANDIDATE_LOGIT)
#: after the second pass either.
SECOND_PASS_FLOOR = -9.0
#: Each feature as a reason a person reads (a few words).
REASONS: dict[str, str] = {
    "title_echo": "page title (its headline comes again below)",
    "title_separator": "title line (headline | site)",
    "title_shaped": "title-shaped line",
    "log_words": "line length",
    "prose_line": "prose line",
    "short_before": "furniture before",
    "short_after": "furniture after",
    "prose_before": "prose before",
    "prose_after": "prose after",
    "log_lines_to_prose_after": "menus after",
    "log_lines_from_prose_before": "footer before",
    "footer_before": "copyright/footer before",
    "menu_after": "menu after",
    "menu_before": "menu before",
    "common_after": "navigation after",
    "common_before": "navigation before",
    "separator": "separator line",
    "more_blank_than_usual": "more blank lines than usual",
    "page_top_after": "skip link or menu after",
    "footer_just_before": "copyright/footer just before",
    "title_repeated_next": "title line repeated",
    "title_after_furniture": "title line after furniture",
    "title_before_menu": "title line before a menu",
    "echo_after_furniture": "page title after furniture",
    "page_top_next": "skip link or menu toggle next",
    "title_separator_top_next": "title line, then a skip link",
    "stands_out": "longer than the lines around",
    "title_contained": "page title (its headline inside a line below)",
    "title_part_below": "title line (its site name or headline just below)",
    "title_part_below_after_footer": "title line after a footer, its site name below",
    "title_words_below": "its words come again below",
    "title_words_above": "its words new here",
    "vocabulary_shift": "new words after",
    "log_lines_from_legal_before": "footer above",
    "page_end_before": "end of a page before",
    "title_words_new": "its words below, not above",
    "first_pass": "page-start shape",
    "likelier_below": "no likelier start just below",
    "likelier_above": "no likelier start just above",
}

#: A line of at most this many words without a final stop is furniture-shaped (a link, a label).
SHORT_WORDS = 4
#: A line of this many words or more that ends a sentence is prose.
PROSE_WORDS = 8
#: A title line holds at most this many words.
TITLE_MAX_WORDS = 30
#: Lines on each side of a gap its context features look at.
CONTEXT = 6
#: A title's headline is looked for this many lines further down.
ECHO_REACH = 400
#: Distances to prose are counted up to this many lines.
DISTANCE_CAP = 200
#: A headline repeats a title when it shares this share of its words with the title's headline part.
ECHO_SIMILARITY = 0.6
#: A part of a title line (its site name, its headline) is looked for as a line of its own this
#: many lines below: a page's logo and headline come soon after its ``<title>``.
PART_REACH = 15
#: A title line's words are looked for this many lines above and below it: a page's headline
#: and site name come again in its menus, article and footer, seldom in the page before.
WORD_REACH = 40
#: Lines on each side of a gap whose words are compared (a page's furniture and text against
#: the next page's); words are counted in this many hashed bins.
SHIFT_REACH = 30
SHIFT_BINS = 256
#: Copyright and footer cues are looked for in lines of up to this many words (a copyright
#: line often names the company and its rights at length); menu cues in short lines only.
LEGAL_MAX_WORDS = 30

_WORD = re.compile(r"[^\W_]+")
_TITLE_SEPARATOR = re.compile(r"\s[|\u2013\u2014\-:\u00b7\u2022/\u00bb]{1,2}\s")
_LEADING_SEPARATORS = ("|", "\u00bb", "\u00b7", "\u2022", "/", ">")
#: Where a title line splits into its parts (headline, section, site name).
_TITLE_PARTS = re.compile(r":\s|\s[|\u2013\u2014\-\u00b7\u2022/\u00bb]{1,2}\s")


@dataclass(frozen=True)
class PageModel:
    """The page-start model and its decoder (``data/page-model.json``)."""

    #: Boosted trees over FEATURES: the log-odds that a page starts after a gap.
    trees: Trees
    #: Added to every gap's log-odds before decoding (chosen with the decoder).
    shift: float
    #: A text is page text when it has at least ``min_lines`` lines and at least this share of
    #: them are furniture-shaped; or ``cued_short_share`` of them, where at least ``min_cued``
    #: lines are a skip link, menu toggle or menu word (which no article corpus holds).
    min_short_share: float
    min_lines: int
    #: The decoder: a page of fewer than ``min_prose`` words of prose pays up to ``short_penalty``.
    min_prose: int
    short_penalty: float
    #: Platt scaling of a chosen page start's logit to the probability that it is real.
    calibration: tuple[float, float] = (1.0, 0.0)
    cued_short_share: float = 0.2
    min_cued: int = 2
    #: Or at least ``furniture_short_share`` of them, where at least ``min_furniture`` of the
    #: furniture-shaped lines are a page's own (a menu word, a skip link, a line that many web
    #: pages hold, such as ``Contact us``) and a copyright or footer line stands somewhere: an
    #: article page whose article is long. 0: not this way.
    furniture_short_share: float = 1.0
    min_furniture: int = 0
    #: The counts above (``min_cued``, ``min_furniture``, one copyright or footer line) are
    #: what a text of up to this many lines must hold; a longer one holds them once per this
    #: many lines. A page holds its menus and footer whatever the length of the dump, while a
    #: long stretch of wire copy holds a stray "More" or "shares outstanding" every few
    #: thousand lines: counted over 8,000 lines, they would make 2 MB of wire copy page text.
    count_lines: int = 2000
    #: No page holds more words than this (the training pages' longest holds 17,000): a stretch
    #: between two page starts that does is not a page but text of another kind the page
    #: routing took in (wire copy in a long dump of pages), and the article model cuts it.
    max_page_words: int = 30_000
    #: The second pass: trees over FEATURES and CONTEXT_FEATURES (the first pass's log-odds
    #: around each gap), whose log-odds are the gap's; None: the first pass's are.
    context: Trees | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The features of the rows that :meth:`scored_rows` gives and :meth:`evidence` explains."""
        return FEATURES + CONTEXT_FEATURES if self.context is not None else FEATURES

    def scored_rows(self, rows: np.ndarray) -> np.ndarray:
        """The rows of FEATURES with the second pass's columns added (where there is one)."""
        if self.context is None or not len(rows):
            return rows
        return np.column_stack([rows, context_columns(self.trees.logits(rows))])

    def logits(self, rows: np.ndarray, scored: bool = False) -> np.ndarray:
        """Each gap's log-odds of a page start, from its row of FEATURES (or, ``scored``, its
        row of :meth:`scored_rows`)."""
        if not len(rows):
            return np.zeros(0)
        if self.context is None:
            return self.trees.logits(rows) + self.shift
        rows = rows if scored else self.scored_rows(rows)
        out = rows[:, len(FEATURES)].copy()
        live = out >= SECOND_PASS_FLOOR
        if live.any():
            out[live] = self.context.logits(rows[live])
        return out + self.shift

    @property
    def _last(self) -> Trees:
        return self.context if self.context is not None else self.trees

    def probability(self, logit: float) -> float:
        slope, intercept = self.calibration
        return sigmoid(slope * logit + intercept)

    def evidence(self, row: Sequence[float]) -> tuple[tuple[str, float], ...]:
        """Every feature's push on the gap's log-odds and the base (the trees' bias and roots,
        and the decoder's shift); they add up to the gap's log-odds. Largest first. ``row`` is
        a row of :meth:`scored_rows`."""
        names = self.names
        pushes = [(f"page: {name}", round(float(c), 3))
                  for name, c in zip(names, self._last.contributions(np.asarray(row, dtype=float), len(names)))
                  if round(float(c), 3)]
        pushes.append(("page: base", round(self._last.base + self.shift, 3)))
        return tuple(sorted(pushes, key=lambda p: -abs(p[1])))

    def reasons(self, row: Sequence[float], threshold: float = 0.5) -> list[str]:
        """The features that pushed hardest towards a page start, strongest first."""
        names = self.names
        pushes = sorted(zip(self._last.contributions(np.asarray(row, dtype=float), len(names)), names),
                        key=lambda p: -p[0])
        out = ["page start"]
        for push, name in pushes:
            if push >= threshold and REASONS[name] not in out:
                out.append(REASONS[name])
        return out[:4]

    def to_json(self, **meta: Any) -> dict[str, Any]:
        return {
            "features": list(FEATURES), "shift": self.shift,
            "min_short_share": self.min_short_share, "min_lines": self.min_lines,
            "cued_short_share": self.cued_short_share, "min_cued": self.min_cued,
            "furniture_short_share": self.furniture_short_share, "min_furniture": self.min_furniture,
            "count_lines": self.count_lines, "max_page_words": self.max_page_words,
            "min_prose": self.min_prose, "short_penalty": self.short_penalty,
            "calibration": {"slope": round(self.calibration[0], 6), "intercept": round(self.calibration[1], 6)},
            **meta,
            "trees": self.trees.to_json(),
            **({"context_features": list(CONTEXT_FEATURES), "context": self.context.to_json()}
               if self.context is not None else {}),
        }


def model_from_json(data: dict[str, Any]) -> PageModel:
    if list(data["features"]) != list(FEATURES):
        raise ValueError("page model was fitted on other features; refit it (python -m corpuscut.segmenter.train_pages)")
    calibration = data.get("calibration") or {"slope": 1.0, "intercept": 0.0}
    return PageModel(
        trees=Trees.from_json(data["trees"]), shift=float(data["shift"]),
        min_short_share=float(data["min_short_share"]), min_lines=int(data["min_lines"]),
        min_prose=int(data["min_prose"]), short_penalty=float(data["short_penalty"]),
        calibration=(float(calibration["slope"]), float(calibration["intercept"])),
        cued_short_share=float(data["cued_short_share"]), min_cued=int(data["min_cued"]),
        furniture_short_share=float(data.get("furniture_short_share", 1.0)), min_furniture=int(data.get("min_furniture", 0)),
        count_lines=int(data.get("count_lines", 2000)), max_page_words=int(data.get("max_page_words", 30_000)),
        context=_context_trees(data),
    )


def _context_trees(data: dict[str, Any]) -> Trees | None:
    if "context" not in data:
        return None
    if list(data.get("context_features", ())) != list(CONTEXT_FEATURES):
        raise ValueError("page model was fitted on other features; refit it (python -m corpuscut.segmenter.train_pages)")
    return Trees.from_json(data["context"])


def context_columns(first: np.ndarray) -> np.ndarray:
    """For each gap: the first pass's log-odds, and by how much the likeliest of the NEARBY
    gaps below and above it outscores it (-20 where there is none)."""
    n = len(first)
    floor = -20.0
    padded = np.concatenate([np.full(NEARBY, floor), first, np.full(NEARBY, floor)])
    windows = np.lib.stride_tricks.sliding_window_view(padded, NEARBY)
    # windows[k] covers padded[k:k+NEARBY]; gap g sits at padded[g + NEARBY]
    below = windows[np.arange(n) + NEARBY + 1].max(axis=1)
    above = windows[np.arange(n)].max(axis=1)
    return np.column_stack([first, np.maximum(below - first, floor), np.maximum(above - first, floor)])


@lru_cache(maxsize=4)
def load_page_model(path: str | None = None) -> PageModel:
    return model_from_json(read_json("corpuscut.segmenter", "data/page-model.json", path))


@dataclass(frozen=True)
class LineFacts:
    """What the page features need of each text line, counted once."""

    words: np.ndarray
    short: np.ndarray
    prose: np.ndarray
    #: Per line, 1.0 where a cue of ``data/body-cues.json`` of that list fires.
    legal: np.ndarray
    menu: np.ndarray
    common: np.ndarray
    #: 1.0 where a line is one a page opens with (``data/page-cues.json``: skip links, menu toggles).
    top: np.ndarray
    #: 1.0 where a line is one a page closes with (``data/page-cues.json``: back to top, a
    #: consent box's buttons, a pop-up's close).
    end: np.ndarray
    #: Each line's lower-cased words, single-spaced.
    normal: list[str]
    #: 1.0 where a line never opens a page (``data/page-cues.json`` ``no_page_start``: a copyright
    #: line, a consent box's heading, a footer's legal links).
    no_start: np.ndarray | None = None
    #: 1.0 where a line is a consent or cookie notice (``data/body-cues.json`` ``cookie``).
    consent: np.ndarray | None = None

    def main_words(self) -> np.ndarray:
        """Each line's words where it is prose that no footer or consent box holds (no copyright
        or legal line, no cookie notice), else 0: the words a page's main text is made of."""
        furniture = self.legal > 0
        if self.consent is not None:
            furniture = furniture | (self.consent > 0)
        return np.where(self.prose & ~furniture, self.words, 0).astype(int)


@lru_cache(maxsize=1)
def load_page_cues() -> tuple[Any, Any, Any]:
    """RE2 sets of the page-top, the page-end and the no-page-start patterns, case-insensitive."""
    import re2

    from .cues import _compile

    data = read_json("corpuscut.segmenter", "data/page-cues.json")
    matchers = []
    for name in ("page_top", "page_end", "no_page_start"):
        _compile(name, data[name], "page cues")
        matcher = re2.Set.SearchSet()
        for pattern in data[name]:
            matcher.Add("(?i)" + pattern)
        matcher.Compile()
        matchers.append(matcher)
    return matchers[0], matchers[1], matchers[2]


def line_facts(texts: Sequence[str], common: frozenset[str]) -> LineFacts:
    matcher, lists = load_body_cues()
    top_matcher, end_matcher, no_start_matcher = load_page_cues()
    legal_list, menu_list, cookie_list = (CUE_LISTS.index(n) for n in ("legal", "menu", "cookie"))
    n = len(texts)
    words = np.zeros(n)
    terminal = np.zeros(n, dtype=bool)
    legal = np.zeros(n)
    menu = np.zeros(n)
    shared = np.zeros(n)
    top = np.zeros(n)
    end = np.zeros(n)
    no_start = np.zeros(n)
    consent = np.zeros(n)
    normal = []
    for i, text in enumerate(texts):
        head = text[:400]
        normal.append(" ".join(_WORD.findall(head.lower())))
        words[i] = len(head.split()) if len(text) <= 400 else len(text.split())
        terminal[i] = text.rstrip().endswith(TERMINAL)
        # a cookie notice is prose of any length: its first 400 characters tell
        hits = {lists[j] for j in matcher.Match(head) or ()}
        consent[i] = cookie_list in hits
        if words[i] <= LEGAL_MAX_WORDS:
            legal[i] = legal_list in hits
            no_start[i] = bool(no_start_matcher.Match(head))
        if words[i] <= 12:
            menu[i] = menu_list in hits or cookie_list in hits
            top[i] = bool(top_matcher.Match(head))
            end[i] = bool(end_matcher.Match(head))
            shared[i] = normal[i] in common
    return LineFacts(words, (words <= SHORT_WORDS) & ~terminal, (words >= PROSE_WORDS) & terminal, legal, menu, shared,
                     top, end, normal, no_start, consent)


def has_furniture(texts: Sequence[str], common: frozenset[str], enough: int) -> bool:
    """Whether at least ``enough`` of ``texts`` are furniture lines (``furniture_lines`` of
    their ``line_facts`` reaches it), looking at each line only as far as it takes and no
    further once that many are found: the quick look at a text that is most likely no page."""
    matcher, lists = load_body_cues()
    top_matcher, _, _ = load_page_cues()
    menu_lists = {CUE_LISTS.index("menu"), CUE_LISTS.index("cookie")}
    found = 0
    for text in texts:
        head = text[:400]
        # (whether it has more than SHORT_WORDS words: splitting stops past them)
        if len(text.split(None, SHORT_WORDS)) > SHORT_WORDS or text.rstrip().endswith(TERMINAL):
            continue
        if (top_matcher.Match(head) or not menu_lists.isdisjoint(lists[j] for j in matcher.Match(head) or ())
                or " ".join(_WORD.findall(head.lower())) in common):
            found += 1
            if found >= enough:
                return True
    return found >= enough


def furniture_lines(facts: LineFacts) -> int:
    """How many furniture-shaped lines are plainly a page's: a menu word, a skip link or menu
    toggle, or a line that many web pages hold."""
    return int((facts.short & ((facts.top + facts.menu + facts.common) > 0)).sum())


def may_be_page_text(texts: Sequence[str], common: frozenset[str], model: PageModel) -> bool:
    """False where :func:`is_page_text` is sure to be false, told from the share of short lines
    (``LineFacts.short``, counted as ``line_facts`` counts it) and, where only the footer rule
    is left, from the furniture lines: most texts with some short lines (a dump of headlines
    and paragraphs) are ruled out without the cues of every line."""
    n = len(texts)
    if n < model.min_lines:
        return False
    short = sum(1 for text in texts
                if len(text.split(None, SHORT_WORDS)) <= SHORT_WORDS and not text.rstrip().endswith(TERMINAL)) / n
    if short >= model.min_short_share or short >= model.cued_short_share:
        return True
    return 0 < model.min_furniture and short >= model.furniture_short_share \
        and has_furniture(texts, common, model.min_furniture)


def is_page_text(facts: LineFacts, model: PageModel) -> bool:
    """Whether a text is page text: enough lines, most of them furniture-shaped, or many of them
    where some are plainly a page's (a skip link, a menu, a line many pages hold), as often as
    a page holds them (once per ``model.count_lines`` lines of a long text)."""
    n = len(facts.words)
    if n < model.min_lines:
        return False
    short = float(facts.short.mean())
    if short >= model.min_short_share:
        return True
    per = max(1.0, n / model.count_lines)
    if short >= model.cued_short_share and float(facts.top.sum() + facts.menu.sum()) >= model.min_cued * per:
        return True
    # a crude scrape keeps the page's footer; an extractor's main text, which holds menu-like
    # lines of its own (lists, table cells), does not
    return (0 < model.min_furniture and model.min_furniture * per <= furniture_lines(facts)
            and short >= model.furniture_short_share and float(facts.legal.sum()) >= per)


def _window_mean(values: np.ndarray, reach: int, before: bool) -> np.ndarray:
    """For each gap g (before line g + 1): the mean of ``values`` over the ``reach`` lines before
    it (lines g - reach + 1 .. g) or after it (lines g + 1 .. g + reach)."""
    n = len(values)
    csum = np.concatenate([[0.0], np.cumsum(values)])
    gaps = np.arange(n - 1)
    if before:
        lo, hi = np.maximum(0, gaps + 1 - reach), gaps + 1
    else:
        lo, hi = gaps + 1, np.minimum(n, gaps + 1 + reach)
    return (csum[hi] - csum[lo]) / np.maximum(1, hi - lo)


def _distances(flags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each line: lines to the nearest flagged line at or after it, and since the nearest
    flagged line before it (DISTANCE_CAP where there is none)."""
    n = len(flags)
    ahead = np.full(n, DISTANCE_CAP, dtype=float)
    behind = np.full(n, DISTANCE_CAP, dtype=float)
    nxt = None
    for i in range(n - 1, -1, -1):
        if flags[i]:
            nxt = i
        if nxt is not None:
            ahead[i] = min(DISTANCE_CAP, nxt - i)
    prev = None
    for i in range(n):
        if prev is not None:
            behind[i] = min(DISTANCE_CAP, i - prev)
        if flags[i]:
            prev = i
    return ahead, behind


def title_echoes(texts: Sequence[str], words: np.ndarray, stop_words: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
    """For each line shaped like a title (2 to TITLE_MAX_WORDS words), how much of its headline
    part (:func:`segmenter.headline.page_title`) a line within ECHO_REACH lines below repeats: the
    best share of shared words over the larger count, stop words aside; and the best share of
    the headline's words that one such line holds (a dateline or a byline may stand in the
    headline's line). 0 for other lines."""
    n = len(texts)
    tokens: list[frozenset[str]] = []
    postings: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        if 2 <= words[i] <= TITLE_MAX_WORDS:
            found = frozenset(w for w in _WORD.findall(text.lower()) if w not in stop_words)
        else:
            found = frozenset()
        tokens.append(found)
        for w in found:
            postings[w].append(i)
    out = np.zeros(n)
    contained = np.zeros(n)
    sizes = [len(t) for t in tokens]
    empty: list[int] = []
    for i, text in enumerate(texts):
        if not tokens[i]:
            continue
        title = page_title(text)
        wanted = tokens[i] if title == text.strip() else frozenset(
            w for w in _WORD.findall(title.lower()) if w not in stop_words)
        if not wanted:
            continue
        below = []
        for w in wanted:
            lines = postings.get(w, empty)
            below.append(lines[bisect_right(lines, i): bisect_right(lines, i + ECHO_REACH)])
        # how many of the headline's words each line below holds
        shared = Counter(chain.from_iterable(below))
        if not shared:
            continue
        size = len(wanted)
        out[i] = max(count / (sizes[j] if sizes[j] > size else size) for j, count in shared.items())
        contained[i] = max(shared.values()) / size if size >= 2 else 0.0
    return out, contained


def title_parts_below(texts: Sequence[str], normal: Sequence[str], words: np.ndarray) -> np.ndarray:
    """1.0 for a line shaped like a title (2 to TITLE_MAX_WORDS words) of which a part (the
    site's name, the headline; or the whole line) is a line of its own, or opens or ends one,
    within PART_REACH lines below: the logo and the headline under a page's ``<title>``."""
    n = len(texts)
    out = np.zeros(n)
    # the lines one string, a line feed before and after each: the lines below a line are a slice
    joined = "\n" + "\n".join(normal) + "\n"
    starts = np.concatenate([[1], 1 + np.cumsum([len(line) + 1 for line in normal])]).tolist()
    for i, text in enumerate(texts):
        if not 2 <= words[i] <= TITLE_MAX_WORDS or i + 1 >= n:
            continue
        parts = {" ".join(_WORD.findall(p.lower())) for p in _TITLE_PARTS.split(text[:400])}
        parts.add(normal[i])
        parts.discard("")
        below = joined[starts[i + 1] - 1: starts[min(n, i + 1 + PART_REACH)]]
        if any(f"\n{p}\n" in below or f"\n{p} " in below or f" {p}\n" in below for p in parts):
            out[i] = 1.0
    return out


def title_word_shares(normal: Sequence[str], words: np.ndarray, stop_words: frozenset[str]
                      ) -> tuple[np.ndarray, np.ndarray]:
    """For each line shaped like a title (2 to TITLE_MAX_WORDS words): the share of its words
    (stop words aside) found in the WORD_REACH lines below it, and in the WORD_REACH lines above
    it. A page's title names its headline and its site, which its own lines repeat and the page
    before seldom does. 0 for other lines."""
    n = len(normal)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, line in enumerate(normal):
        for w in set(line.split()):
            postings[w].append(i)
    below = np.zeros(n)
    above = np.zeros(n)
    for i, line in enumerate(normal):
        if not 2 <= words[i] <= TITLE_MAX_WORDS:
            continue
        wanted = {w for w in line.split() if w not in stop_words}
        if not wanted:
            continue
        down = up = 0
        for w in wanted:
            lines = postings[w]
            k = bisect_right(lines, i)
            down += k < len(lines) and lines[k] <= i + WORD_REACH
            # lines[k - 1] is i itself
            up += k >= 2 and lines[k - 2] >= i - WORD_REACH
        below[i] = down / len(wanted)
        above[i] = up / len(wanted)
    return below, above


def vocabulary_shift(normal: Sequence[str], stop_words: frozenset[str]) -> np.ndarray:
    """For each gap: 1 less the cosine of the word counts (stop words aside) of the SHIFT_REACH
    lines before it and after it (words hashed into SHIFT_BINS bins by their order of first use,
    so the same text gives the same figures). High where one page's menus and text give way to
    another's."""
    n = len(normal)
    ids: dict[str, int] = {}
    cells: list[int] = []
    for i, line in enumerate(normal):
        base = (i + 1) * SHIFT_BINS
        cells.extend(base + ids.setdefault(w, len(ids)) % SHIFT_BINS for w in line.split() if w not in stop_words)
    counts = np.bincount(np.asarray(cells, dtype=np.int64), minlength=(n + 1) * SHIFT_BINS).astype(np.float32)
    counts = counts.reshape(n + 1, SHIFT_BINS)
    np.cumsum(counts, axis=0, out=counts)
    gaps = np.arange(n - 1)
    lo = np.maximum(0, gaps + 1 - SHIFT_REACH)
    hi = np.minimum(n, gaps + 1 + SHIFT_REACH)
    before = counts[gaps + 1] - counts[lo]
    after = counts[hi] - counts[gaps + 1]
    dot = (before * after).sum(axis=1)
    norms = np.sqrt((before * before).sum(axis=1) * (after * after).sum(axis=1))
    return 1.0 - np.where(norms > 0, dot / np.maximum(norms, 1e-9), 0.0)


def page_features(
    texts: Sequence[str], facts: LineFacts, separator: np.ndarray, more_blank: np.ndarray,
    stop_words: frozenset[str],
) -> np.ndarray:
    """One row of FEATURES per gap between consecutive text lines (gap g before line g + 1)."""
    n = len(texts)
    if n < 2:
        return np.zeros((0, len(FEATURES)))
    words = facts.words
    echo, contained = title_echoes(texts, words, stop_words)
    parts_below = title_parts_below(texts, facts.normal, words)
    words_below, words_above = title_word_shares(facts.normal, words, stop_words)
    _, legal_behind = _distances(facts.legal > 0)
    nxt = slice(1, n)
    # A line that opens with a separator ("| Resources | Blog | Packing Tips Guide") is a
    # breadcrumb under the page's menu, never the <title> line a page's text opens with.
    titled = np.array([bool(_TITLE_SEPARATOR.search(t[:400])) and not t.lstrip().startswith(_LEADING_SEPARATORS)
                       for t in texts[1:]], dtype=float)
    shaped = (words[nxt] >= 2) & (words[nxt] <= TITLE_MAX_WORDS) & ~facts.prose[nxt]
    ahead, behind = _distances(facts.prose)
    echoed = echo[nxt] * (echo[nxt] >= ECHO_SIMILARITY)
    short_before = _window_mean(facts.short.astype(float), CONTEXT, True)
    top_after = _window_mean(facts.top, 3, False)
    normal = facts.normal
    # a skip link or menu toggle in one of the two lines after the gap's line
    top_next = np.zeros(n - 1)
    top_next[:-1] = facts.top[2:]
    top_next[:-2] = np.maximum(top_next[:-2], facts.top[3:])
    logw = np.log1p(words)
    around = (_window_mean(logw, CONTEXT, True) + np.concatenate([_window_mean(logw, CONTEXT, False)[1:], [0.0]])) / 2
    repeated = np.array([bool(normal[i]) and normal[i] == normal[i + 1] for i in range(1, n - 1)] + [False], dtype=float)
    columns = [
        echoed,
        titled * shaped,
        shaped,
        np.log1p(words[nxt]),
        facts.prose[nxt],
        short_before,
        _window_mean(facts.short.astype(float), CONTEXT, False),
        _window_mean(facts.prose.astype(float), CONTEXT, True),
        _window_mean(facts.prose.astype(float), CONTEXT, False),
        np.log1p(ahead[nxt]),
        np.log1p(behind[nxt]),
        _window_mean(facts.legal, 2 * CONTEXT, True),
        _window_mean(facts.menu, 2 * CONTEXT, False),
        _window_mean(facts.menu, 2 * CONTEXT, True),
        _window_mean(facts.common, 2 * CONTEXT, False),
        _window_mean(facts.common, 2 * CONTEXT, True),
        separator,
        more_blank,
        top_after,
        _window_mean(facts.legal, 3, True),
        repeated * shaped,
        shaped * short_before,
        shaped * np.maximum(top_after, _window_mean(facts.menu, 3, False)),
        echoed * short_before,
        top_next,
        titled * top_next,
        logw[nxt] - around,
        contained[nxt],
        parts_below[nxt],
        parts_below[nxt] * _window_mean(facts.legal, 3, True),
        words_below[nxt],
        words_above[nxt],
        vocabulary_shift(normal, stop_words),
        np.log1p(legal_behind[nxt]),
        _window_mean(facts.end, 3, True),
        words_below[nxt] - words_above[nxt],
    ]
    return np.column_stack([np.asarray(c, dtype=float) for c in columns])


@dataclass(frozen=True)
class PageCuts:
    """The page starts chosen in page text (block indices, never 0), with what scored each gap."""

    boundaries: list[int]
    logits: np.ndarray
    rows: np.ndarray
    #: Of the boundaries, those the article model chose, in a stretch too long for a page
    #: (``PageModel.max_page_words``): its scores explain them.
    article: frozenset[int] = frozenset()

    def long_stretches(self, words: Sequence[int], limit: int) -> list[tuple[int, int]]:
        """The stretches between page starts (block indices, the text's ends included) that
        hold more than ``limit`` words."""
        edges = [0, *self.boundaries, len(words)]
        prefix = np.concatenate([[0], np.cumsum(words)])
        return [(lo, hi) for lo, hi in zip(edges, edges[1:]) if prefix[hi] - prefix[lo] > limit]


def block_inputs(blocks: Sequence[Block]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The texts of the blocks, and for each gap whether a separator, and more blank lines than
    the text's usual gap, stand in it."""
    texts = [b.text for b in blocks]
    blank = np.array([b.blank_before for b in blocks[1:]], dtype=float)
    separator = np.array([b.separator_before for b in blocks[1:]], dtype=float)
    usual = float(np.median(blank)) if len(blank) else 0.0
    return texts, separator, (blank > usual).astype(float)


def split_pages(blocks: Sequence[Block], facts: LineFacts, stop_words: frozenset[str], model: PageModel) -> PageCuts:
    """The blocks that start a page, by the page-start model and the decoder."""
    texts, separator, more_blank = block_inputs(blocks)
    rows = model.scored_rows(page_features(texts, facts, separator, more_blank, stop_words))
    logits = model.logits(rows, scored=True)
    prose_words = [int(w) if p else 0 for w, p in zip(facts.words, facts.prose)]
    return PageCuts(decode(logits, prose_words, model, facts.main_words(), facts.no_start), logits, rows)


#: Only gaps scored at least this may start a page: the decoder runs over the runs of lines
#: between them, so its cost follows the candidates, not the lines (most are menu lines).
CANDIDATE_LOGIT = -3.0


def decode(logits: np.ndarray, prose_words: Sequence[int], model: PageModel,
           main_words: np.ndarray | None = None, no_start: np.ndarray | None = None) -> list[int]:
    """The lines that start a page: the cuts of largest summed log-odds, a page of fewer than
    ``min_prose`` words of prose paying up to ``short_penalty``. A line that ``no_start`` flags
    (a copyright line, a consent box) never starts a page; a start whose page would hold no
    ``main_words`` at all (a footer's last lines, a cookie panel) is the page above's furniture,
    and a first start with none above it is the first page's headline below its menus."""
    live = logits >= CANDIDATE_LOGIT
    if no_start is not None:
        live = live & (no_start[1:] == 0)
    starts = [0, *(int(g) + 1 for g in np.flatnonzero(live))]
    if len(starts) < 2:
        return []
    prefix = np.concatenate([[0], np.cumsum(prose_words)])
    bounds = [*starts, len(prose_words)]
    unit_words = [int(prefix[b] - prefix[a]) for a, b in zip(bounds, bounds[1:])]
    cuts = choose_boundaries([float(logits[b - 1]) for b in starts[1:]], unit_words, model.min_prose,
                             model.short_penalty)
    # A page is never one line: of two starts a line apart (a footer's last line shaped like a
    # title, "Settings / Do not sell ...", just above the next page's title), the likelier stays,
    # and the line goes with the page above.
    kept: list[int] = []
    for cut in (starts[c] for c in cuts):
        if kept and cut - kept[-1] == 1:
            if logits[cut - 1] > logits[kept[-1] - 1]:
                kept[-1] = cut
            continue
        kept.append(cut)
    if main_words is None or not kept:
        return kept
    main = np.concatenate([[0], np.cumsum(main_words)])
    ends = [*kept[1:], len(main_words)]
    kept = [cut for cut, end in zip(kept, ends) if main[end] > main[cut]]
    # no main text above the first start: what stands there is the first page's leading
    # furniture (its menus above its headline), and the text's start is the page's
    return kept[1:] if kept and main[kept[0]] == 0 else kept
