"""The body of an article in plain page text: the span of its main text, without the menus,
cookie notices, share buttons, related links and footers a crude scraper keeps around it.

Each line gets a log-odds of being main text from a small logistic model over what the line
itself shows (length, sentence punctuation, stop-word share, capitalised words, digits,
furniture cues from ``data/body-cues.json``, lines that pages of many sites share) and what its
neighbours show (a run of short lines is a link list). The body is the one contiguous run of
lines with the largest sum of weighted log-odds (a maximum-sum subarray), the "content block"
of the HTML extractors read from the text alone. The article's furniture is cut away only when
the evidence against it is strong: a clean article's body is all of it.
"""

from __future__ import annotations

import math
from itertools import islice
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from corpuscut.text.datafiles import read_json
from corpuscut.text.lines import iter_lines
from corpuscut.text.wrapping import continues_next, shipped_wrap_rules
from corpuscut.text.words import _stop_words

from .articles import make_title
from .cues import _compile, found_in, is_shipped_separator
from .headline import HeadlineModel, PageLines, choose_headline, is_dateline, load_headline_model, page_title
from .logistic import Logistic

#: The cue lists of ``data/body-cues.json``, in the order of their features.
CUE_LISTS = ("menu", "cookie", "legal", "share", "related", "meta")
#: Only this much of a line is searched for cues and counted for its shape (bounded time).
LINE_HEAD_CHARS = 400
#: A line of at most this many words is a short line (a link, a label, a button).
SHORT_WORDS = 4
#: Below a page's headline, the body does not open with a line of at most this many words
#: that ends no sentence (a menu's last links, "Post Tags", a stray button).
TOP_SHORT_WORDS = 6
#: A line of this many words or more that ends a sentence is prose.
PROSE_MIN_WORDS = 8
#: A headline above the body has at most this many words.
HEADLINE_MAX_WORDS = 30
#: A ``<title>`` line's headline is sought this many lines below it (and two more).
HEADLINE_REACH = 3
#: A text of fewer lines is not tested for hard wrapping (the test needs more to tell a width).
WRAPPED_MIN_LINES = shipped_wrap_rules().min_lines
#: Neighbourhood of a line for its context features (lines on each side).
REACH = 3
TERMINAL = tuple(".!?\"'\u201d\u2019)\u2026:;\u3002\uff01\uff1f\u300d\u300f\uff09")  # with the full-width stops of Chinese and Japanese
#: A word as lines are compared (with the page's title, with the lines many sites share).
_NORMAL = re.compile(r"[^\W_]+")
_PUNCTUATION = re.compile(r"[,.;:]")
#: Leading numbers of a line's words ("2 9 9 at home fitness"): a contents entry and its heading match without them.
_NUMBERING = re.compile(r"^(\d+ )+")
#: A white-space word that starts with a capital letter (after any opening quote or bracket),
#: found with the white space before it (a line is searched with a space put before it): a
#: pattern that opens with a class of characters is scanned for in C, where a look-behind
#: is tried at every character.
_CAPITALISED = re.compile("\\s[\"'(\\[\u201c\u2018]*[A-Z\u00c0-\u00de\u0391-\u03a9\u0410-\u042f]")
_DIGIT = re.compile(r"\d")
_SYMBOL = re.compile("[|\u00bb\u203a\u00b7\u2022/>#@]")
#: A character beyond ASCII that is part of a word (a letter, a digit) or one of _SYMBOL's.
_WORDLY = re.compile("[^\\x00-\\x7f\\W]|[\u00bb\u203a\u00b7\u2022]")
#: For ASCII lines: the symbols of _SYMBOL that are ASCII, and a table that turns every byte
#: but a letter or digit into a space (so that splitting gives _NORMAL's words).
_ASCII_SYMBOLS = b"|/>#@"
_ASCII_WORDS = bytes.maketrans(bytes(range(128)), bytes(ord(chr(c).lower()) if chr(c).isalnum() else 32 for c in range(128)))
#: For ASCII lines: every byte as its class, "p" punctuation (_PUNCTUATION), "d" a digit, "s" a
#: symbol (_ASCII_SYMBOLS), "x" any other, so that one pass tells how many of each a line holds.
_ASCII_CLASSES = bytes.maketrans(bytes(range(128)), bytes(
    ord("p") if chr(c) in ",.;:" else ord("d") if chr(c) in "0123456789" else ord("s") if c in _ASCII_SYMBOLS else ord("x")
    for c in range(128)))

#: For ASCII lines: every byte as what _CAPITALISED and ``str.split`` read in it, " " white
#: space, "q" an opening quote or bracket, "C" a capital letter, and as _ASCII_CLASSES else
#: ("p", "d", "s", "x"); and every byte as " " white space or "x" not.
_ASCII_SHAPES = bytes.maketrans(bytes(range(128)), bytes(
    32 if chr(c).isspace() else ord("q") if chr(c) in "\"'([" else ord("C") if "A" <= chr(c) <= "Z" else _ASCII_CLASSES[c]
    for c in range(128)))
_ASCII_SPACES = bytes.maketrans(bytes(range(128)), bytes(32 if chr(c).isspace() else ord("x") for c in range(128)))
#: math.log1p of each small word count (a line's first feature), looked up.
_LOG1P = [math.log1p(w) for w in range(1024)]

#: Of the context features' columns (words, short, terminal, stop share, cues), those where
#: the side more like prose is the higher mean.
_PROSE_HIGH = np.array([True, False, True, True, False])

#: What each feature says when it is the main reason a line is left out of the body.
FEATURES: tuple[str, ...] = (
    "log_words", "short", "terminal", "stop_share", "punct_per_word", "caps_share", "digit_share",
    "symbol_share", "menu", "cookie", "legal", "share", "related", "meta", "common", "repeated_below",
    "ctx_log_words", "ctx_short_share", "ctx_terminal", "ctx_stop_share", "ctx_cues",
    "first_tenth", "last_tenth", "position",
    "words_1", "words_2_3", "words_4_7", "words_8_15", "words_16_30", "sentence_of_8",
    "is_title_line", "before_title_line", "repeated_above",
)
REASONS: dict[str, str] = {
    "log_words": "short line", "short": "short line", "terminal": "no sentence punctuation",
    "stop_share": "few stop words", "punct_per_word": "punctuation", "caps_share": "capitalised words",
    "digit_share": "digits", "symbol_share": "symbols", "menu": "menu words", "cookie": "cookie notice",
    "legal": "copyright/footer", "share": "share buttons", "related": "related links/comments",
    "meta": "byline/date/tags", "common": "line many sites share", "repeated_below": "repeated further down (a table of contents)",
    "repeated_above": "repeated line",
    "ctx_log_words": "among short lines", "ctx_short_share": "link list", "ctx_terminal": "among non-sentences",
    "ctx_stop_share": "among non-prose", "ctx_cues": "among furniture", "first_tenth": "top of the page",
    "last_tenth": "bottom of the page", "position": "position",
    "words_1": "one word", "words_2_3": "two or three words", "words_4_7": "short line", "words_8_15": "short line",
    "words_16_30": "line length", "sentence_of_8": "no sentence",
    "is_title_line": "the page's headline", "before_title_line": "above the headline",
}


#: An article longer than this, or of more lines, is taken whole as its body: no page is that
#: long, and its lines' features would cost time and memory out of proportion (an article of
#: a million one-character lines took 520 MB; one of short lines only the size cap ends).
MAX_BODY_CHARS = 1_000_000
MAX_BODY_LINES = 20_000


@dataclass(frozen=True)
class Body:
    """Where the main text of an article lies: ``text[start:end]``."""

    start: int
    end: int
    #: Share of the article's characters outside the body.
    boilerplate: float
    #: The page's headline, when the body does not open the article (see ``_headline``).
    headline: str | None = None
    #: Runs of lines left out: (first line, last line, 1-based within the article, main reasons).
    dropped: tuple[tuple[int, int, str], ...] = field(default_factory=tuple)

    def title(self) -> str | None:
        """The page's headline as the article's title (kept whole: it has at most
        HEADLINE_MAX_WORDS words), or None where the body opens the article."""
        if self.headline is None:
            return None
        return make_title(self.headline, HEADLINE_MAX_WORDS, is_headline=True, max_chars=LINE_HEAD_CHARS)


@dataclass(frozen=True)
class BodyModel:
    """The fitted line model and the decoder's settings (``data/body-model.json``)."""

    lines: Logistic
    #: Decoder: a line's score is (logit + shift) * (1 + words) ** power.
    shift: float
    power: float
    #: Furniture at either end is cut away only when its summed score is below minus this.
    margin: float
    common: frozenset[str]

    def logits(self, rows: np.ndarray) -> np.ndarray:
        """Each line's log-odds of being main text, from its FEATURES."""
        return self.lines.logits(rows)

    def to_json(self, **meta: Any) -> dict[str, Any]:
        return {
            "features": list(FEATURES), "lines": self.lines.to_json(),
            "shift": self.shift, "power": self.power, "margin": self.margin,
            "common": sorted(self.common),
            **meta,
        }


def model_from_json(data: dict[str, Any]) -> BodyModel:
    if list(data["features"]) != list(FEATURES):
        raise ValueError("body model was fitted on other features; refit it (python -m corpuscut.segmenter.train_body)")
    return BodyModel(
        lines=Logistic.from_json(data["lines"]),
        shift=float(data["shift"]), power=float(data["power"]), margin=float(data["margin"]),
        common=frozenset(data.get("common", [])),
    )


def _side_means(table: np.ndarray, reach: int) -> tuple[np.ndarray, np.ndarray]:
    """Per column of ``table`` but its last (one row per line, zero where a line has no
    words), its mean over the lines with words (the last column, 1 or 0) among the ``reach``
    lines before each line, and among those after it: all columns, and the weights, from one
    running sum, both sides at once. ``table``'s first row is all zeros and stands before the
    first line."""
    n = len(table) - 1
    width = table.shape[1] - 1
    csum = np.cumsum(table, axis=0)
    lo, hi = _sides(n, reach)
    spans = csum[hi] - csum[lo]
    count = spans[:, width]
    means = spans[:, :width] / np.maximum(count, 1)[:, None]
    means[count <= 0] = 0.0
    return means[:n], means[n:]


@lru_cache(maxsize=512)
def _sides(n: int, reach: int) -> tuple[np.ndarray, np.ndarray]:
    """The lines before each of ``n`` lines (``lo[i]:hi[i]``, at most ``reach``), then those after each."""
    idx = np.arange(n)
    return (np.concatenate([np.maximum(0, idx - reach), idx + 1]),
            np.concatenate([idx, np.minimum(n, idx + 1 + reach)]))


@lru_cache(maxsize=4)
def load_body_model(path: str | None = None) -> BodyModel:
    return model_from_json(read_json("corpuscut.segmenter", "data/body-model.json", path))


@lru_cache(maxsize=1)
def load_body_cues() -> Any:
    """One RE2 set of every cue list's patterns, case-insensitive, and each pattern's list."""
    import re2

    data = read_json("corpuscut.segmenter", "data/body-cues.json")
    matcher = re2.Set.SearchSet()
    names = []
    for name in CUE_LISTS:
        _compile(name, data[name], "body cues")  # checked as the boundary cues are
        for pattern in data[name]:
            matcher.Add("(?i)" + pattern)
            names.append(CUE_LISTS.index(name))
    matcher.Compile()
    return matcher, tuple(names)


@dataclass(frozen=True)
class EndRules:
    """Where a body ends before what follows its article (``data/body-cues.json``)."""

    #: The lines that open what follows an article on its page (the ``end`` list).
    pattern: Any
    #: The share of a body's words, or the words, that must lie above such a line (whichever is fewer).
    share: float
    enough: float
    #: The most words such a line has (a heading, a row of buttons).
    most_words: int
    #: Such a line ends nothing where the next ``prose_lines`` lines with words are prose by the
    #: line model (a mean log-odds above ``prose_logit``): a "Share" button between paragraphs.
    prose_lines: int
    prose_logit: float
    #: The heading of a list of other posts ("Related articles", "You might also like"; the
    #: ``related_end`` list), which ends the body where none of the next ``related_lines`` lines
    #: with words is a sentence the line model reads as main text (log-odds above
    #: ``related_logit``): inside an article such a box holds two or three links, and its
    #: paragraphs go on below them.
    related: Any
    related_lines: int
    related_logit: float
    #: A form's field ("Email Address", "First Name *", "This field is for validation ...";
    #: the ``form_field`` list), which ends the body where another field stands within
    #: ``form_gap`` lines with words below it and none of the ``form_prose_lines`` lines with
    #: words below that is a line of ``form_prose_words`` words or more that the line model
    #: reads as main text (log-odds above ``related_logit``): a sign-up or quote form below an
    #: article, where the article goes on below a form it embeds. The body ends above the
    #: form's lead-in too: up to ``form_lead_lines`` lines of at most ``form_lead_words`` words
    #: right above its first field (its heading, the sentence asking to sign up).
    form: Any
    form_gap: int
    form_prose_lines: int
    form_prose_words: int
    form_lead_lines: int
    form_lead_words: int
    #: Any of these ends the body only where the lines it would leave out below (inside the body
    #: the decoder found) read, on the mean of their log-odds weighted by their words, at least
    #: ``drop_logit`` less like main text than the lines above it: where they read as much like
    #: it, the article goes on below a "Share this" row, an "About the Author" line or a
    #: newsletter's heading that other pages put after theirs.
    drop_logit: float


@lru_cache(maxsize=1)
def load_body_ends() -> EndRules:
    """The rules of the end of a body (see ``EndRules``)."""
    import re2

    data = read_json("corpuscut.segmenter", "data/body-cues.json")
    patterns = []
    for name in ("end", "related_end", "form_field"):
        _compile(name, data[name], "body cues")
        patterns.append(re2.compile("(?i)(?:" + "|".join(f"(?:{p})" for p in data[name]) + ")"))
    return EndRules(patterns[0], float(data["end_after"]), float(data["end_after_words"]), int(data["end_max_words"]),
                    int(data["end_prose_lines"]), float(data["end_prose_logit"]),
                    patterns[1], int(data["related_end_lines"]), float(data["related_end_logit"]),
                    patterns[2], int(data["form_gap"]), int(data["form_prose_lines"]), int(data["form_prose_words"]),
                    int(data["form_lead_lines"]), int(data["form_lead_words"]), float(data["end_drop_logit"]))


@lru_cache(maxsize=4)
def _ascii_stop_words(language: str) -> frozenset[bytes]:
    """The stop words that are ASCII, as bytes (to look up the words of an ASCII line)."""
    return frozenset(word.encode("ascii") for word in _stop_words(language) if word.isascii())


def _counts(head: str, stops: frozenset[str]) -> tuple[str, int, int, int, int, int]:
    """A line head's normal form (see normal_line), its stop words and words in it, and its
    punctuation marks, digits and symbols."""
    normal = _NORMAL.findall(head.lower())
    return (" ".join(normal), sum(map(stops.__contains__, normal)), len(normal), len(_PUNCTUATION.findall(head)),
            len(_DIGIT.findall(head)), len(_SYMBOL.findall(head)))


def _ascii_counts(head: str, stops: frozenset[bytes]) -> tuple[str, int, int, int, int, int]:
    """``_counts`` of an ASCII head, from its bytes (several times quicker than the patterns)."""
    raw = head.encode("ascii")
    words = raw.translate(_ASCII_WORDS).split()  # lower-cased, and split at what is no letter or digit
    classes = raw.translate(_ASCII_CLASSES)
    return (b" ".join(words).decode("ascii"), sum(map(stops.__contains__, words)), len(words),
            classes.count(b"p"), classes.count(b"d"), classes.count(b"s"))


def _ascii_line(raw: bytes, stops: frozenset[bytes]) -> tuple[str, int, int, int, int, int, int]:
    """``_ascii_counts`` of an ASCII head given as its bytes, and its capitalised words as
    ``_CAPITALISED`` finds them in it (a capital after white space and any opening quotes or
    brackets, the head's start counting as white space), from its bytes alone."""
    words = raw.translate(_ASCII_WORDS).split()  # lower-cased, and split at what is no letter or digit
    shapes = raw.translate(_ASCII_SHAPES)
    return (b" ".join(words).decode("ascii"), sum(map(stops.__contains__, words)), len(words), shapes.count(b"p"),
            shapes.count(b"d"), shapes.count(b"s"), (b" " + shapes).replace(b"q", b"").count(b" C"))


def _line_counts(head: str, stops: frozenset[str], ascii_stops: frozenset[bytes]) -> tuple[str, int, int, int, int, int]:
    """``_counts`` of a line head, from its bytes where they tell the same: an ASCII head, or one
    whose only characters beyond ASCII part words and count as nothing (curly quotes, dashes),
    as "?" does in their place."""
    if head.isascii():
        return _ascii_counts(head, ascii_stops)
    if _WORDLY.search(head):
        return _counts(head, stops)
    return _ascii_counts(head.encode("ascii", "replace").decode("ascii"), ascii_stops)


def normal_line(line: str) -> str:
    """A line as the list of common lines stores it: lower-cased words, single spaces."""
    return " ".join(_NORMAL.findall(line[:LINE_HEAD_CHARS].lower()))


def line_features(lines: Sequence[str], common: frozenset[str] = frozenset()) -> np.ndarray:
    """One row of FEATURES per line (lines without words get a row too; the decoder skips them)."""
    matcher, lists = load_body_cues()
    stops = _stop_words("english")
    ascii_stops = _ascii_stop_words("english")
    n = len(lines)
    rows = []  # each line's own columns
    normals = []
    counts = [0] * n  # each line's white-space words
    # what the context features average, per line: its words' log, short, terminal, stop
    # share, whether a cue fires, whether it has words (the weight); a zero row before the first
    sides: list[tuple[float, ...]] = [_NO_SIDE]
    caps = _CAPITALISED.findall
    for i, line in enumerate(lines):
        head = line[:LINE_HEAD_CHARS]
        if head.isascii():  # (most lines: counted from their bytes, no word or match made)
            raw = head.encode("ascii")
            spaces = raw.translate(_ASCII_SPACES)
            k = spaces.count(b" x") + (spaces[:1] == b"x")  # white-space words
            if k:
                key, stop_count, word_count, punctuation, digits, symbols, capitals = _ascii_line(raw, ascii_stops)
        else:
            raw = head
            k = len(head.split())
            if k:
                key, stop_count, word_count, punctuation, digits, symbols = _line_counts(head, stops, ascii_stops)
                capitals = len(caps(" " + head))
        if not k:
            rows.append(_BLANK)
            normals.append("")
            sides.append(_NO_SIDE)
            continue
        if len(line) <= LINE_HEAD_CHARS:
            words = k
        elif line.isascii():  # a long line's words counted from its bytes, as its head's are
            spaces = line.encode("ascii").translate(_ASCII_SPACES)
            words = spaces.count(b" x") + (spaces[:1] == b"x")
        else:
            words = len(line.split())
        counts[i] = words
        normals.append(key)
        cues = [0.0] * len(CUE_LISTS)
        cued = 0.0
        for j in matcher.Match(raw) or ():
            cues[lists[j]] = cued = 1.0
        log_words = _LOG1P[words] if words < len(_LOG1P) else math.log1p(words)
        short = float(words <= SHORT_WORDS)
        terminal = float(line.rstrip().endswith(TERMINAL))
        stop_share = stop_count / word_count if word_count else 0.0
        rows.append([
            log_words, short, terminal, stop_share, punctuation / k, capitals / k, digits / len(head), symbols / k,
            *cues,
            float(key in common),
        ])
        sides.append((log_words, short, terminal, stop_share, cued, 1.0))
    # a line repeated further down (a table of contents, a teaser of the headline) and one
    # repeated from further up (the heading a contents entry points to; a menu again at the foot)
    unnumbered = [_NUMBERING.sub("", key) if key[:1].isdecimal() else key for key in normals]
    below, above = [0.0] * n, [0.0] * n
    later: set[str] = set()
    for i in range(n - 1, -1, -1):
        if unnumbered[i]:
            below[i] = float(unnumbered[i] in later)
            later.add(unnumbered[i])
    earlier: set[str] = set()
    for i, key in enumerate(unnumbered):
        if key:
            above[i] = float(key in earlier)
            earlier.add(key)
    title = _title_line(lines, normals, counts)
    # Every column but the context's is made here and turned into one array at once: an
    # article has a dozen lines, and each numpy call costs more than its work on them. The
    # arithmetic is numpy's: a line's position is its middle over the text's characters, the
    # sums of whole numbers exact in either.
    total = max(1.0, float(sum(map(len, lines))))
    end = 0
    table = []
    for i, (line, row) in enumerate(zip(lines, rows)):
        size = len(line)
        end += size + 1
        position = (end - 1 - size / 2) / total
        words = counts[i]
        table.append([
            *row, below[i], *_NO_CONTEXT,
            float(position < 0.1), float(position > 0.9), position,
            *_WORD_BIN_ROWS[min(words, len(_WORD_BIN_ROWS) - 1)], float(words >= 8 and row[2] > 0),
            float(i == title), float(title is not None and i < title), above[i],
        ])
    out = np.array(table, dtype=float).reshape(n, len(FEATURES))
    if n:
        # each side of a line on its own, the side more like prose counting: a paragraph at
        # the edge of the body has furniture on one side only
        before, after = _side_means(np.array(sides, dtype=float), REACH)
        out[:, _CONTEXT] = np.where(_PROSE_HIGH, np.maximum(before, after), np.minimum(before, after))
    return out


def _title_line(lines: Sequence[str], normals: Sequence[str], n_words: Sequence[int]) -> int | None:
    """The first line after the first that repeats the headline part of the first (a page's
    ``<title>``): most often the page's headline, which its main text follows. A line repeats
    it too where it holds all of the headline part's words and only words of the ``<title>``,
    but not all of them: the ``<title>`` without the site's name, its subtitle kept ("Best
    Moving Companies in New York (2025) – Top Local & Long-Distance Movers" under "... | Site"),
    which is too long for the share of words in common, so that a shorter line far below that
    shares most of the headline part's words (a teaser of another post: "Best Car Shipping
    Companies in New York") was taken, and every line above it read as above the headline."""
    wanted = set(page_title(lines[0][:LINE_HEAD_CHARS]).lower().split()) if lines else set()
    wanted = set(_NORMAL.findall(" ".join(wanted)))
    if not wanted:
        return None
    whole = set(_NORMAL.findall(lines[0][:LINE_HEAD_CHARS].lower()))
    for i in range(1, len(lines)):
        if 2 <= n_words[i] <= HEADLINE_MAX_WORDS:
            tokens = set(normals[i].split())
            if len(tokens & wanted) >= HEADLINE_MIN_SIMILARITY * max(len(tokens), len(wanted)) or wanted <= tokens < whole:
                return i
    return None


#: The length bins (words_1 .. words_16_30) of a line of w words, row w (the last row for
#: any longer line): one table lookup per line instead of a comparison per bin.
_WORD_BIN_ROWS = tuple((float(w == 1), float(2 <= w <= 3), float(4 <= w <= 7), float(8 <= w <= 15), float(16 <= w <= 30))
                       for w in range(32))


#: The features that describe a line itself: a dropped line's reasons are named from these.
_OWN = np.array([i for i, name in enumerate(FEATURES) if not name.startswith("ctx_") and "tenth" not in name
                 and name != "position"])


#: Cues that mark a line as furniture only, never part of an article: the body's ends are not
#: widened over such a line, however weak the evidence around it.
_FURNITURE_ONLY = ("menu", "cookie", "share")
_REPEATED_BELOW = FEATURES.index("repeated_below")
_TERMINAL_COLUMN = FEATURES.index("terminal")
_DIGIT_COLUMN = FEATURES.index("digit_share")
_REPEATED_ABOVE = FEATURES.index("repeated_above")
#: Where line_features writes each group of columns: the line's own, its context, its position,
#: its length's bins, the headline's.
_OWN_COLUMNS = FEATURES.index("ctx_log_words")
_CONTEXT = slice(_OWN_COLUMNS, FEATURES.index("first_tenth"))
#: A line's own columns but ``repeated_below`` where it has no words; its context's columns
#: before they are computed; its context inputs where it has no words.
_BLANK = (0.0,) * _REPEATED_BELOW
_NO_CONTEXT = (0.0,) * (_CONTEXT.stop - _CONTEXT.start)
_NO_SIDE = (0.0,) * (len(_PROSE_HIGH) + 1)
_POSITION = FEATURES.index("first_tenth")
_BINS = FEATURES.index("words_1")
_TITLE = FEATURES.index("is_title_line")
_CAPS = FEATURES.index("caps_share")
_META = FEATURES.index("meta")
_FURNITURE = np.array([FEATURES.index(name) for name in CUE_LISTS if name != "meta"])
_HARD = np.array([8 + CUE_LISTS.index(name) for name in _FURNITURE_ONLY])


def _plainly_prose(lines: Sequence[str]) -> bool:
    """Whether every line after the first is a sentence of PROSE_MIN_WORDS words or more that
    no furniture cue marks, or a separator (``* * *``, ``----``: a scene break, the rule a
    dump sets between articles, which ends the text before the next): an article with nothing
    to cut away (most of a clean dump's), answered without scoring its lines."""
    matcher, lists = load_body_cues()
    opened = False
    for line in lines:
        head = line[:LINE_HEAD_CHARS]
        if not head.strip():
            continue
        if opened:
            # (splitting stops once the words are enough)
            if len(head.split(None, PROSE_MIN_WORDS)) < PROSE_MIN_WORDS or not line.rstrip().endswith(TERMINAL):
                if is_shipped_separator(line):
                    continue
                return False
            if any(CUE_LISTS[lists[j]] in _FURNITURE_ONLY for j in matcher.Match(head) or ()):
                return False
        opened = True
    return True


def _paragraph_lines(text: str, text_lines: list[str] | None = None) -> tuple[list[str], list[int]]:
    """The units a body is judged by, joined by "\\n" they give ``text`` back, and the line
    number each starts on: the text's lines (``text_lines``, where the caller has split them,
    given back as they are); in hard-wrapped text, its paragraphs (a wrapped line is short only
    because its paragraph ended, or the column came)."""
    lines = text.split("\n") if text_lines is None else text_lines
    numbers = list(range(1, len(lines) + 1))
    if len(lines) < WRAPPED_MIN_LINES:
        return lines, numbers
    found = list(iter_lines(text))
    if len(found) != len(lines) - (lines[-1] == ""):
        return lines, numbers  # other line ends than "\n" and "\r\n": read line by line
    joins = continues_next(text, found, shipped_wrap_rules())
    if not any(joins):
        return lines, numbers
    units: list[str] = []
    starts: list[int] = []
    for k, line in enumerate(lines):
        if k and k - 1 < len(joins) and joins[k - 1]:
            units[-1] += "\n" + line
        else:
            units.append(line)
            starts.append(k + 1)
    return units, starts


def page_lines(lines: Sequence[str], rows: np.ndarray, logits: np.ndarray) -> PageLines:
    """What the headline's choice reads of a text's lines, from their FEATURES and log-odds."""
    return PageLines(
        lines=lines, words=np.rint(np.expm1(rows[:, 0])), furniture=rows[:, _FURNITURE].max(axis=1) > 0,
        meta=rows[:, _META] > 0, terminal=rows[:, _TERMINAL_COLUMN] > 0,
        repeated=(rows[:, _REPEATED_BELOW] > 0) | (rows[:, _REPEATED_ABOVE] > 0), caps=rows[:, _CAPS],
        logits=logits, notice=rows[:, _HARD].max(axis=1) > 0,
    )


class BodyFinder:
    """Finds the body of each article text. Build once; ``find`` is a pure function of the text."""

    def __init__(self, model: BodyModel | None = None, headlines: HeadlineModel | None = None) -> None:
        self.model = model if model is not None else load_body_model()
        self.headlines = headlines if headlines is not None else load_headline_model()

    def find(self, text: str, explain: bool = False) -> Body:
        breaks = text.count("\n")
        if len(text) > MAX_BODY_CHARS or breaks >= MAX_BODY_LINES:
            return Body(0, len(text), 0.0)
        text_lines = text.split("\n")
        if breaks < 2 or _plainly_prose(text_lines):
            return Body(0, len(text), 0.0)  # (a wrapped text is never plainly prose line by line)
        lines, first_lines = _paragraph_lines(text, text_lines)
        # (the text's own lines, where it is not hard-wrapped, were found not plainly prose above)
        if len(lines) < 3 or (lines is not text_lines and _plainly_prose(lines)):
            return Body(0, len(text), 0.0)
        rows = line_features(lines, self.model.common)
        body = self.body(text, lines, rows, self.model.logits(rows), explain)
        if len(first_lines) < len(text_lines) and body.dropped:
            # name the dropped runs by the text's own lines, not by its paragraphs
            last_lines = [*(n - 1 for n in first_lines[1:]), text.count("\n") + 1]
            body = replace(body, dropped=tuple((first_lines[lo - 1], last_lines[hi - 1], why) for lo, hi, why in body.dropped))
        return body

    def span(self, rows: np.ndarray, logits: np.ndarray, lines: Sequence[str] | None = None) -> tuple[int, int] | None:
        """First and last line of the body before its headline is looked for; None where the
        text has no body to find. A table's cells (see ``table_lines``) and a photo's credit
        line (see ``credit_lines``; read where ``lines`` are given) weigh neither for nor
        against it: an article goes on below its table and its pictures."""
        words = np.rint(np.expm1(rows[:, 0]))
        content = np.flatnonzero(words > 0)
        cued = rows[:, _HARD].max(axis=1) > 0
        neutral = table_lines(rows, words)
        if lines is not None:
            neutral |= credit_lines(lines, words)
        logits = np.where(neutral, np.maximum(logits, -self.model.shift), logits)
        first, last = self.decode(logits, words, cued & (logits < 0))
        if first > last or not len(content):
            return None
        return _trimmed(first, last, content, words, logits, cued)

    def body(self, text: str, lines: list[str], rows: np.ndarray, logits: np.ndarray, explain: bool = False) -> Body:
        """The body given each line's features and log-odds."""
        found_span = self.span(rows, logits, lines)
        if found_span is None:
            return Body(0, len(text), 0.0)
        first, last = found_span
        words = np.rint(np.expm1(rows[:, 0]))
        content = np.flatnonzero(words > 0)
        headline = None
        if first > content[0]:
            found = choose_headline(page_lines(lines, rows, logits), first, self.headlines)
            if found is not None:
                headline = found[0]
            if found is not None and first <= found[1] < last:
                first = found[1] + 1  # the body is the text below its headline (the title holds that)
            while first < last and (not words[first] or _contents_entry(rows[first], words[first]) or (
                    words[first] <= BYLINE_MAX_WORDS and (rows[first, _META] or is_dateline(lines[first])))):
                first += 1  # nor does it open with the headline's byline and date, or a table of contents
            while first < last and (not words[first] or (
                    words[first] <= TOP_SHORT_WORDS and not rows[first, _TERMINAL_COLUMN])):
                first += 1  # nor with the short lines left above it (a menu's last links, a label)
            first = _below_standfirst(lines, rows, words, first, last)
            first = _below_notices(lines, words, first, last)
            first = _below_link_run(rows, words, logits, first, last)
            first = _below_author_box(lines, words, first, last)
        elif len(content) >= TITLED_MIN_LINES:
            headline = _titled_headline(lines, content, words, rows)
            if headline is not None:  # a page whose menu runs on into its body from its <title> down
                first = _below_link_run(rows, words, logits, first, last)
                shown = _shown_at(lines, content, headline)
                if shown is not None and first <= shown < last:
                    # the body is the text below the headline the page shows, its byline and date
                    first = shown + 1
                    while first < last and (not words[first] or (
                            words[first] <= BYLINE_MAX_WORDS and (rows[first, _META] or is_dateline(lines[first])))):
                        first += 1
                    first = _below_standfirst(lines, rows, words, first, last)
        ended = False  # whether the body ends before a line that opens what follows the article
        if first > content[0] or last < content[-1]:
            cut = _before_end(lines, first, last, words, logits)
            ended, last = cut < last, cut
        if last < content[-1]:
            last = _before_tail(lines, first, last, words)
        start = 0 if first <= content[0] else sum(map(len, lines[:first])) + int(first)
        end = len(text) if last >= content[-1] else sum(map(len, lines[:last + 1])) + int(last)
        dropped = self._reasons(rows, content, first, last, ended) if explain else ()
        boilerplate = 1.0 - (end - start) / len(text) if text else 0.0
        return Body(start, end, round(boilerplate, 4), headline, dropped)

    def decode(self, logits: np.ndarray, words: np.ndarray, hard: np.ndarray | None = None) -> tuple[int, int]:
        """First and last line of the body: the maximum-sum run of scored lines, kept whole
        when the lines it would leave out at either end do not add up to strong evidence and
        hold no ``hard`` line (one that only furniture is: a cookie notice, a menu, share buttons)."""
        m = self.model
        shift = m.shift
        if words.any() and float(logits[words > 0].max()) + shift <= 0:
            # no line is more likely main text than not: a page whose body the model finds
            # weak (a short article among much furniture); its most likely lines lead
            shift = 1.0 - float(logits[words > 0].max())
        scores = np.where(words > 0, (logits + shift) * (1.0 + words) ** m.power, 0.0)
        first, last = max_sum_run(scores)
        if first > last:
            return 0, len(scores) - 1
        first, last = _anchored(scores, np.where(words > 0, logits * (1.0 + words) ** m.power, 0.0),
                                first, last, m.margin)
        if scores[:first].sum() > -m.margin and (hard is None or not hard[:first].any()):
            first = 0
        if scores[last + 1:].sum() > -m.margin and (hard is None or not hard[last + 1:].any()):
            last = len(scores) - 1
        return first, last

    def _reasons(
        self, rows: np.ndarray, content: np.ndarray, first: int, last: int, ended: bool = False,
    ) -> tuple[tuple[int, int, str], ...]:
        """Each run of dropped lines with the features that pushed hardest against its lines
        (the run after the body first says so where it starts at what follows the article)."""
        out = []
        for lo, hi in ((int(content[0]), first - 1), (last + 1, int(content[-1]))):
            if lo > hi:
                continue
            dropped = rows[lo:hi + 1][rows[lo:hi + 1, 0] > 0]  # only the dropped lines are explained
            if not len(dropped):
                continue
            push = self.model.lines.contributions(dropped)[:, _OWN]
            counts: dict[str, int] = {}
            for column in np.argmin(push, axis=1):
                reason = REASONS[FEATURES[int(_OWN[column])]]
                counts[reason] = counts.get(reason, 0) + 1
            top = [f"{r} ({c})" for r, c in sorted(counts.items(), key=lambda kv: -kv[1])[:3]]
            if ended and lo == last + 1:
                top.insert(0, "what follows the article (comments, share buttons, author, tags)")
            out.append((lo + 1, hi + 1, ", ".join(top)))
        return tuple(out)


#: A line sharing this share of its words with the page's title repeats it.
HEADLINE_MIN_SIMILARITY = 0.6


#: A text whose body reaches up to its first line is read as a page under its ``<title>`` only
#: from this many lines on (a clean article is most often shorter), and where at least this
#: share of its lines are short lines without a stop (menus, labels).
TITLED_MIN_LINES = 20
TITLED_MIN_SHORT = 0.25
#: A ``<title>`` line (a headline and the site's name) has at most this many words: a longer
#: first line is a paragraph, whatever separators it holds ("london , england ( cnn ) -- a
#: chronology of bombings ...": its part before " -- " is a dateline, not a headline).
TITLE_LINE_MAX_WORDS = 2 * HEADLINE_MAX_WORDS


def _shown_at(lines: Sequence[str], content: np.ndarray, headline: str) -> int | None:
    """The line among a page's first few lines with words that shows its headline."""
    for i in content[1:1 + HEADLINE_REACH + 2]:
        if headline in lines[i]:
            return int(i)
    return None


def _titled_headline(lines: Sequence[str], content: np.ndarray, words: np.ndarray, rows: np.ndarray) -> str | None:
    """The headline of a page whose body reaches up to its first line, where that line is a
    ``<title>`` (``Headline | Site``): the line among the next few that repeats its headline
    part, else that part itself; None for a text that is not such a page."""
    if words[content[0]] > TITLE_LINE_MAX_WORDS:
        return None
    top = lines[content[0]][:LINE_HEAD_CHARS].strip()
    title = page_title(top)
    if title == top or not 2 <= len(title.split()) <= HEADLINE_MAX_WORDS:
        return None
    short = (words[content] <= SHORT_WORDS) & (rows[content, _TERMINAL_COLUMN] == 0)
    if float(short.mean()) < TITLED_MIN_SHORT:
        return None
    wanted = set(_NORMAL.findall(title.lower()))
    for i in content[1:1 + HEADLINE_REACH + 2]:
        tokens = set(_NORMAL.findall(lines[i][:LINE_HEAD_CHARS].lower()))
        if 2 <= words[i] <= HEADLINE_MAX_WORDS and len(tokens & wanted) >= HEADLINE_MIN_SIMILARITY * max(len(tokens), len(wanted)):
            line = lines[i].strip()
            at = line.lower().find(title.lower())
            # A date the page sets before the headline on its line is no part of it ("Dec 18 2025
            # Preparing a transition in Debusine").
            return line[at:] if at > 0 and is_dateline(line[:at]) else line
    return title


@lru_cache(maxsize=1)
def load_author_bios() -> Any:
    """The pattern of what follows an author's name in the sentence that opens an author's box
    (the ``author_bio`` list of ``data/body-cues.json``)."""
    import re2

    data = read_json("corpuscut.segmenter", "data/body-cues.json")
    _compile("author_bio", data["author_bio"], "body cues")
    return re2.compile("(?i)(?:" + "|".join(f"(?:{p})" for p in data["author_bio"]) + ")")


#: An author's name on a line of its own has at most this many words.
AUTHOR_NAME_WORDS = 5


@lru_cache(maxsize=1)
def load_author_box() -> tuple[int, int]:
    """Within how many lines with words below an author's name the sentence about them stands,
    and the most words of each line between them (the author's role, a follow button):
    ``author_bio_lines`` and ``author_role_words`` of ``data/body-cues.json``."""
    data = read_json("corpuscut.segmenter", "data/body-cues.json")
    return int(data["author_bio_lines"]), int(data["author_role_words"])


@lru_cache(maxsize=1)
def load_author_intro() -> Any:
    """The pattern of the words with which an author introduces themselves before their first
    name ("Hi there! I'm", the ``author_intro`` list of ``data/body-cues.json``)."""
    import re2

    data = read_json("corpuscut.segmenter", "data/body-cues.json")
    _compile("author_intro", data["author_intro"], "body cues")
    return re2.compile("(?i)(?:" + "|".join(f"(?:{p})" for p in data["author_intro"]) + ")")


#: What an author's name line may hold besides the name: "About" before it, a part in brackets
#: after it ("Jean-Luc Aufranc (CNXSoft)"), a footnote's star.
_ABOUT = re.compile(r"^about\s+", re.IGNORECASE)
_NAME_TAIL = re.compile(r"\s*(\([^()]*\))?[\s*,]*$")


def _author_name(line: str) -> list[str]:
    """The words of an author's name as a line above their box gives it, without "About", a
    part in brackets or a star, each without a trailing comma ("Angela Holliday-Bell, MD*")."""
    name = _NAME_TAIL.sub("", _ABOUT.sub("", line.strip()))
    return [word.rstrip(",") for word in name.split()]


def _author_names(line: str, role_words: int) -> list[list[str]]:
    """The ways a line above an author's box may give the author's name: the whole line (see
    ``_author_name``), and where a comma follows the name and the author's role of at most
    ``role_words`` words follows the comma, the part before it ("Jeff Cobb, Founder of
    Learning Revolution")."""
    names = [_author_name(line)]
    head, comma, role = line.strip().partition(",")
    if comma and 0 < len(role.split()) <= role_words:
        names.append(head.split())
    return names


def _opens_author_box(lines: Sequence[str], i: int, last: int, words: np.ndarray) -> bool:
    """Whether line ``i`` is an author's name above a sentence about them ("Jane Doe", then
    "Jane is a freelance writer who ..."): the box that follows an article on many pages."""
    reach, role_words = load_author_box()
    if not 2 <= words[i] <= AUTHOR_NAME_WORDS + role_words:
        return False
    return any(_names_author(name, lines, i, last, words, reach, role_words)
               for name in _author_names(lines[i][:LINE_HEAD_CHARS], role_words))


def _names_author(name: list[str], lines: Sequence[str], i: int, last: int, words: np.ndarray, reach: int,
                  role_words: int) -> bool:
    """Whether ``name``, read on line ``i``, is an author's whom a sentence below names and
    says what they are."""
    if not 2 <= len(name) <= AUTHOR_NAME_WORDS or not (name[0][:1].isupper() and name[1][:1].isupper()) or (
            name[-1].endswith(TERMINAL)):
        return False
    # the sentence may stand below a line or two of the author's role and a follow button
    # ("Sarah Schwartz", "Follow", "Staff Writer, Education Week", "Sarah Schwartz is a reporter ...")
    following = list(islice((j for j in range(i + 1, last + 1) if words[j]), reach))
    sentence: list[str] = []
    introduces = load_author_intro()
    for j in following:
        head = lines[j][:LINE_HEAD_CHARS].strip()
        intro = introduces.match(head)
        if intro is not None and head[intro.end():].split(None, 1)[:1] in ([name[0]], [name[0] + ","]):
            return True  # the author introduces themselves: "Stephen Jesudunsin", then "I'm Stephen, a content writer ..."
        sentence = head.split()
        if sentence and sentence[0].rstrip(",") == name[0]:
            break
        if words[j] > role_words or lines[j].rstrip().endswith(TERMINAL) or ":" in lines[j][:LINE_HEAD_CHARS]:
            return False  # (a label and its value, "Rated: Good", stands under each item of a list)
        sentence = []
    if not sentence:
        return False
    k = 0
    while k < min(len(sentence), len(name)) and sentence[k].rstrip(",") in name:
        k += 1
    # the whole name or the first name alone ("Perfect Privacy Cons", then "Perfect Privacy
    # started ...", is a product's heading)
    return k in (1, len(name)) and bool(load_author_bios().match(" ".join(sentence[k:])))


def _before_end(lines: Sequence[str], first: int, last: int, words: np.ndarray, logits: np.ndarray | None = None) -> int:
    """The body's last line: ended where ``_end_line`` finds what follows the article, unless
    (where the lines' ``logits`` are given) the lines it would leave out read as much like main
    text as those it keeps (see ``EndRules.drop_logit``)."""
    cut = _end_line(lines, first, last, words, logits)
    if logits is None or cut >= last:
        return cut
    kept, left = slice(first, cut + 1), slice(cut + 1, last + 1)
    if not words[left].any():
        return cut
    mean_kept = float(logits[kept] @ words[kept]) / max(1.0, float(words[kept].sum()))
    mean_left = float(logits[left] @ words[left]) / float(words[left].sum())
    return cut if mean_kept - mean_left >= load_body_ends().drop_logit else last


def _end_line(lines: Sequence[str], first: int, last: int, words: np.ndarray, logits: np.ndarray | None = None) -> int:
    """The body's last line, ended before the first line that opens what follows the article
    (its share buttons, comments, the author's box, its tags: a page's article runs on into
    them as prose would) below the body's first ``end_after`` of words or ``end_after_words``
    words (share buttons and tags under a headline are no end), unless prose follows it (see
    ``EndRules``; read where the lines' ``logits`` are given); else before a list of teasers of
    other posts below as many words."""
    rules = load_body_ends()
    above = min(rules.share * float(words[first:last + 1].sum()), rules.enough)
    seen = 0.0
    for i in range(first, last + 1):
        short = 0 < words[i] <= rules.most_words or (
            seen >= above and 0 < words[i] and _unquoted_words(lines[i]) <= rules.most_words)
        if short and seen >= above and (
                rules.pattern.search(lines[i][:LINE_HEAD_CHARS].strip()) or _opens_author_box(lines, i, last, words)):
            if logits is None or not _prose_follows(i, last, words, logits, rules):
                return _line_above(first, i, words)
        if logits is not None and short and seen >= above and (
                rules.related.search(lines[i][:LINE_HEAD_CHARS].strip())) and not _sentence_follows(i, last, words, logits, rules):
            return _line_above(first, i, words)
        if logits is not None and seen >= above and _opens_form(lines, i, first, last, words, logits, rules):
            return _line_above(first, _form_lead(lines, i, first, words, rules), words)
        seen += float(words[i])
    # (a form may open right below the body's last line: its lead-in closes the body)
    below = next((j for j in range(last + 1, len(lines)) if words[j]), None)
    if logits is not None and below is not None and seen >= above and (
            _opens_form(lines, below, first, len(lines) - 1, words, logits, rules)):
        return _line_above(first, _form_lead(lines, below, first, words, rules), words)
    # (the list's links may lie below the body's last line: short link lines end no body)
    teasers = _teaser_list(lines, first, len(lines) - 1, words)
    if teasers is not None and teasers <= last and float(words[first:teasers].sum()) >= above:
        return _line_above(first, teasers, words)
    return last


#: A quotation in a line (a post's title that a comment count quotes).
_QUOTED = re.compile('["\u201c][^"\u201d]*["\u201d]')


def _unquoted_words(line: str) -> int:
    """The words of a line outside its quotations: a heading of the comments that quotes the
    post's title ("244 thoughts on \u201c9 Best Online Course Selling Platforms For Creators
    (2026)\u201d") is as short as the heading without it."""
    head = line[:LINE_HEAD_CHARS]
    if '"' not in head and "\u201c" not in head:
        return len(line.split())
    return len(_QUOTED.sub(" ", head).split())


#: A form's field is a line of at most this many words.
FORM_FIELD_WORDS = 25


def _form_field(lines: Sequence[str], i: int, words: np.ndarray, rules: EndRules) -> bool:
    return 0 < words[i] <= FORM_FIELD_WORDS and bool(rules.form.search(lines[i][:LINE_HEAD_CHARS].strip()))


def _opens_form(lines: Sequence[str], i: int, first: int, last: int, words: np.ndarray, logits: np.ndarray,
                rules: EndRules) -> bool:
    """Whether line ``i`` is the first field of a form that follows the article (see ``EndRules``)."""
    if not _form_field(lines, i, words, rules):
        return False
    below = (j for j in range(i + 1, last + 1) if words[j])
    second = next((j for j in islice(below, rules.form_gap) if _form_field(lines, j, words, rules)), None)
    if second is None:
        return False
    after = islice((j for j in range(second + 1, last + 1) if words[j]), rules.form_prose_lines)
    return not any(words[j] >= rules.form_prose_words and logits[j] > rules.related_logit for j in after)


def _form_lead(lines: Sequence[str], i: int, first: int, words: np.ndarray, rules: EndRules) -> int:
    """The first line of a form's lead-in above its first field ``i`` (see ``EndRules``): ``i``
    itself where the line above is longer."""
    lead = i
    for _ in range(rules.form_lead_lines):
        j = _line_above(first, lead, words)
        if j <= first or not 0 < words[j] <= rules.form_lead_words:
            break
        lead = j
    return lead


def _sentence_follows(i: int, last: int, words: np.ndarray, logits: np.ndarray, rules: EndRules) -> bool:
    """Whether one of the ``related_lines`` lines with words below line ``i`` (inside the body) is
    a line of PROSE_MIN_WORDS words or more that the line model reads as main text: the article
    goes on below a box of links to other posts."""
    below = islice((j for j in range(i + 1, last + 1) if words[j]), rules.related_lines)
    return any(words[j] >= PROSE_MIN_WORDS and logits[j] > rules.related_logit for j in below)


def _prose_follows(i: int, last: int, words: np.ndarray, logits: np.ndarray, rules: EndRules) -> bool:
    """Whether the ``prose_lines`` lines with words below line ``i`` (inside the body) are prose
    by the line model: the article goes on below a button or a heading that ends others."""
    below = list(islice((j for j in range(i + 1, last + 1) if words[j]), rules.prose_lines))
    return len(below) == rules.prose_lines and float(np.mean(logits[below])) > rules.prose_logit


#: An author's bio sentence opens with the author's name: two to four capitalised words (after
#: a bracket where the page sets the note in brackets: "(Paul Fenaroli is an Associate Attorney ...)").
_BIO_NAME = re.compile(r"^\(?((?:[A-Z][\w.'\u2019-]*,? ){2,4})")
#: A body cut back from its tail keeps at least this many words.
TAIL_MIN_WORDS = 100


@lru_cache(maxsize=1)
def load_tail_rules() -> tuple[int, Any]:
    """How many of a body's last lines are searched for an author's bio, and the pattern of a
    short line that a body's tail keeps (code: ``}``, ``main()``), from ``data/body-cues.json``."""
    import re2

    data = read_json("corpuscut.segmenter", "data/body-cues.json")
    _compile("tail_keeps", data["tail_keeps"], "body cues")
    return int(data["tail_bio_lines"]), re2.compile("(?:" + "|".join(f"(?:{p})" for p in data["tail_keeps"]) + ")")


def _is_bio(line: str) -> bool:
    """Whether a line is an author's bio: a name, then what the author is ("Sara Coughlin is
    a writer and editor with ..."); or a first name alone, then what the author is, where the
    line speaks of a person ("Summer is Yeti's Marketing Manager. When not working, you can find
    her ...": ``author_pronoun``; "Flatliner is a handy code editor that ..." is a product)."""
    head = line[:LINE_HEAD_CHARS].strip()
    name = _BIO_NAME.match(head)
    if name is not None:
        return bool(load_author_bios().match(head[name.end():]))
    first = _BIO_FIRST_NAME.match(head)
    return first is not None and bool(load_author_bios().match(head[first.end():])) and bool(
        load_author_pronoun().search(line[:LINE_HEAD_CHARS]))


#: A bio sentence that names the author by the first name alone.
_BIO_FIRST_NAME = re.compile(r"^\(?[A-Z][\w.'\u2019-]* ")


@lru_cache(maxsize=1)
def load_author_pronoun() -> Any:
    """The pattern of a word that speaks of a person (``author_pronoun`` in ``data/body-cues.json``)."""
    import re2

    data = read_json("corpuscut.segmenter", "data/body-cues.json")
    _compile("author_pronoun", data["author_pronoun"], "body cues")
    return re2.compile("(?:" + "|".join(f"(?:{p})" for p in data["author_pronoun"]) + ")")


def _before_tail(lines: Sequence[str], first: int, last: int, words: np.ndarray) -> int:
    """The body's last line, once an author's bio among its last ``tail_bio_lines`` lines and
    the short lines that close it ("Tags", "Share", "Like", a date, "Learn more") are left out;
    for a body with furniture below it only (an article's own last lines are its own), and
    never below TAIL_MIN_WORDS words."""
    reach, keeps = load_tail_rules()
    content = [i for i in range(first, last + 1) if words[i]]
    cut = last
    for i in content[-reach:]:
        if _is_bio(lines[i]):
            cut = _line_above(first, i, words)
            break
    while cut > first and (not words[cut] or (
            words[cut] <= SHORT_WORDS and not keeps.search(lines[cut][:LINE_HEAD_CHARS]))):
        cut -= 1
    return cut if float(words[first:cut + 1].sum()) >= TAIL_MIN_WORDS else last


def _below_author_box(lines: Sequence[str], words: np.ndarray, first: int, last: int) -> int:
    """The body's first line below an author's box that stands over the article (the name, then
    a sentence about them: "Elaine Chen", then "Elaine Chen covers biotech, co-writes ..."): a
    bio among the body's first ``author_bio_lines`` lines with words whose author the page names
    on a line of its own within as many lines with words above it. ``first`` where none does."""
    reach, role_words = load_author_box()
    content = [i for i in range(first, last + 1) if words[i]][:reach + 1]
    for k, i in enumerate(content[:reach]):
        name = _BIO_NAME.match(lines[i][:LINE_HEAD_CHARS].strip())
        if name is None or not _is_bio(lines[i]) or k + 1 >= len(content):
            continue
        named = {word.rstrip(",") for word in name.group(1).split()}
        above = [j for j in range(i - 1, -1, -1) if words[j]][:reach]
        if any(len(written) >= 2 and set(written) <= named
               for j in above for written in _author_names(_BY.sub("", lines[j][:LINE_HEAD_CHARS]), role_words)):
            return content[k + 1]
    return first


#: "By" before an author's name on a byline.
_BY = re.compile(r"^\s*by:?\s+", re.IGNORECASE)


def _line_above(first: int, i: int, words: np.ndarray) -> int:
    """The last line with words above line ``i`` (``first`` at the least)."""
    j = i - 1
    while j > first and not words[j]:
        j -= 1
    return j


@lru_cache(maxsize=1)
def load_teaser_links() -> tuple[Any, int]:
    """The pattern of the link line that closes a teaser of another post ("Read more"; the
    ``teaser_link`` list of ``data/body-cues.json``) and the most lines a teaser has."""
    import re2

    data = read_json("corpuscut.segmenter", "data/body-cues.json")
    _compile("teaser_link", data["teaser_link"], "body cues")
    return re2.compile("(?i)(?:" + "|".join(f"(?:{p})" for p in data["teaser_link"]) + ")"), int(data["teaser_lines"])


#: A teaser's link line ("Read more", "Continue reading ...") has at most this many words.
TEASER_LINK_WORDS = 6


def _teaser_list(lines: Sequence[str], first: int, last: int, words: np.ndarray) -> int | None:
    """The first line of a list of teasers of other posts inside the body's lines (a heading,
    a snippet and a "Read more" link, again and again), or None: two link lines at most
    ``teaser_lines`` lines with words apart, each closing a teaser that long. One such link
    alone is no list: an article embeds a teaser of another now and then."""
    pattern, most = load_teaser_links()
    content = [i for i in range(first, last + 1) if words[i]]
    previous = None
    for k, i in enumerate(content):
        if words[i] > TEASER_LINK_WORDS or not pattern.search(lines[i][:LINE_HEAD_CHARS].strip()):
            continue
        if previous is not None and 2 <= k - previous <= most:
            return content[max(0, previous - (k - previous - 1))]  # the first teaser's first line
        previous = k
    return None


#: A byline or date among the body's first this many lines with words, below at most this many
#: words (a standfirst, a deck under the headline, a photo's caption and credit between them),
#: opens the body after it.
STANDFIRST_LINES = 6
STANDFIRST_MAX_WORDS = 60
#: A byline or date line has at most this many words ("by Nicole Forbes, Master Horticulturalist
#: & Garden Educator | Dec 30, 2025 | Indoor Plants").
BYLINE_MAX_WORDS = 16


def _below_standfirst(lines: Sequence[str], rows: np.ndarray, words: np.ndarray, first: int, last: int) -> int:
    """The body's first line below a standfirst and the byline or date under it ("Travelers say
    ... in 2025", then "Faith Katunga • Oct 20, 2025", then the article): the main text that
    pages hand-check opens after the byline; ``first`` where no such line stands near the top."""

    def byline(i: int) -> bool:
        return 0 < words[i] <= BYLINE_MAX_WORDS and bool(rows[i, _META] or is_dateline(lines[i]))

    content = [i for i in range(first, last + 1) if words[i]]
    above = 0.0
    for k, i in enumerate(content[:STANDFIRST_LINES]):
        if k and byline(i):
            while k + 1 < len(content) and byline(content[k + 1]):
                k += 1
            return content[k + 1] if k + 1 < len(content) and above <= STANDFIRST_MAX_WORDS else first
        above += float(words[i])
    return first


@lru_cache(maxsize=1)
def load_table_shape() -> tuple[int, int, float]:
    """The shape of a table whose cells stand one a line: the fewest lines of a run, the most
    words of a cell, the share of its cells that hold a digit (``data/body-cues.json``)."""
    data = read_json("corpuscut.segmenter", "data/body-cues.json")
    return int(data["table_min_lines"]), int(data["table_max_words"]), float(data["table_min_digits"])


def table_lines(rows: np.ndarray, words: np.ndarray) -> np.ndarray:
    """Which lines are the cells of a table: a run of at least ``table_min_lines`` short lines
    (at most ``table_max_words`` words, no sentence's end; lines without words do not break
    it) of which at least ``table_min_digits`` hold a digit (amounts, ranks, figures). A
    crude scraper puts each cell on a line of its own, which the line model reads as a link
    list; a menu or a list of links holds few digits."""
    most_lines, most_words, digits = load_table_shape()
    out = np.zeros(len(words), dtype=bool)
    content = np.flatnonzero(words > 0)
    if len(content) < most_lines:
        return out
    cell = (words[content] <= most_words) & (rows[content, _TERMINAL_COLUMN] == 0)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], cell.astype(np.int8), [0]))))
    for lo, hi in zip(edges[::2], edges[1::2]):  # each run of cells, content[lo:hi]
        figures = rows[content[lo:hi], _DIGIT_COLUMN] > 0
        if hi - lo >= most_lines and float(figures.mean()) >= digits:
            # from its first figure to its last: the short lines around it (a header row, the
            # share buttons and links below) are not its cells
            found = np.flatnonzero(figures)
            out[content[lo + found[0]]:content[lo + found[-1]] + 1] = True
    return out


@lru_cache(maxsize=1)
def load_notices() -> tuple[Any, Any, int]:
    """The patterns of a notice that opens a page's body without being part of it (an affiliate
    disclosure, a sign-up's thanks: the ``notice`` list of ``data/body-cues.json``) and of a
    photo's credit line (``credit``), and the most words a credit line has."""
    import re2

    data = read_json("corpuscut.segmenter", "data/body-cues.json")
    patterns = []
    for name in ("notice", "credit"):
        _compile(name, data[name], "body cues")
        patterns.append(re2.compile("(?i)(?:" + "|".join(f"(?:{p})" for p in data[name]) + ")"))
    return patterns[0], patterns[1], int(data["credit_max_words"])


def credit_lines(lines: Sequence[str], words: np.ndarray) -> np.ndarray:
    """Which lines are a photo's credit ("Photo: Volkswagen", "Photo Courtesy of ...": the
    ``credit`` list of ``data/body-cues.json``, at most ``credit_max_words`` words). A crude
    scraper keeps the credit under each picture of an article, where the line model reads a
    short line without a sentence; the article goes on below it."""
    _, credit, most = load_notices()
    out = np.zeros(len(words), dtype=bool)
    for i in np.flatnonzero((words > 0) & (words <= most)):
        out[i] = found_in(credit, lines[i][:LINE_HEAD_CHARS])
    return out


#: A notice above a body is a line of at most this many words.
NOTICE_MAX_WORDS = 60


def _below_notices(lines: Sequence[str], words: np.ndarray, first: int, last: int) -> int:
    """The body's first line below the notices and photo credits that open it ("This post may
    contain affiliate links.", "Awesome, you're subscribed!", "Tanja Ivanova//Getty Images");
    only the body's first lines are read: further down, an article's own paragraph may speak
    of affiliate links."""
    notice, credit, credit_words = load_notices()
    while first < last and (not words[first] or (
            words[first] <= NOTICE_MAX_WORDS and notice.search(lines[first][:LINE_HEAD_CHARS])) or (
            words[first] <= credit_words and credit.search(lines[first][:LINE_HEAD_CHARS]))):
        first += 1
    return first


@lru_cache(maxsize=1)
def load_link_run() -> tuple[int, int, float]:
    """The shape of a run of link-like lines that opens a body above its first paragraph (a
    menu with a description under each entry, a product box, a list of other posts): the
    words of that paragraph, the fewest lines of the run, the most its mean log-odds may be
    (``data/body-cues.json``)."""
    data = read_json("corpuscut.segmenter", "data/body-cues.json")
    return int(data["top_paragraph_words"]), int(data["top_links_lines"]), float(data["top_links_logit"])


def _below_link_run(rows: np.ndarray, words: np.ndarray, logits: np.ndarray, first: int, last: int) -> int:
    """The body's first paragraph (a sentence of ``top_paragraph_words`` words or more), where at
    least ``top_links_lines`` lines with words stand above it in the body and the line model
    reads them, on the mean, as no main text (a mean log-odds below ``top_links_logit``): a
    site's menu whose entries each carry a line of description ("Protect your pet Get a
    no-obligation pet insurance quote") scores near even, line by line, and the run of them
    outweighs the furniture around it; ``first`` else. An article that opens with short
    sentences scores them as prose and keeps them."""
    paragraph, most, logit = load_link_run()
    content = [i for i in range(first, last + 1) if words[i]]
    for k, i in enumerate(content):
        if words[i] >= paragraph and rows[i, _TERMINAL_COLUMN]:
            if k >= most and float(np.mean(logits[content[:k]])) < logit:
                return i
            return first
    return first


def _contents_entry(row: np.ndarray, words: float) -> bool:
    """Whether a line is an entry of a table of contents: a heading that comes again further down."""
    return bool(row[_REPEATED_BELOW]) and words <= 12 and not row[_TERMINAL_COLUMN]


def _trimmed(
    first: int, last: int, content: np.ndarray, words: np.ndarray, logits: np.ndarray, hard: np.ndarray
) -> tuple[int, int]:
    """The body without the stray short lines at its ends that its neighbours carried in (a
    "+ Follow", a bullet, a "Share this article"): lines of at most SHORT_WORDS words whose
    log-odds are against them or that a furniture-only cue marks. A body that opens or closes
    the article keeps its end."""

    def stray(i: int) -> bool:
        return words[i] == 0 or (words[i] <= SHORT_WORDS and (logits[i] < 0 or bool(hard[i])))


    if first > content[0]:
        while first < last and stray(first):
            first += 1
    if last < content[-1]:
        while last > first and stray(last):
            last -= 1
    return first, last


def _anchored(scores: np.ndarray, unshifted: np.ndarray, first: int, last: int, margin: float) -> tuple[int, int]:
    """The body's run anchored on its core: where the maximum-sum run of the ``unshifted``
    scores (the lines the line model finds more likely main text than not) lies wholly apart
    from the run ``first``..``last`` of the shifted ``scores``, the run of ``scores`` that holds
    that core (its best stretch above it and below it added, see ``_stretch``); the run as it
    was else. The shift lifts near-even lines above zero, and a long list of them (a search
    page's facets, hundreds of "2011 - Alice project-team") can outweigh a short article's
    paragraphs far from it."""
    core_first, core_last = max_sum_run(unshifted)
    if core_first > core_last or first <= core_last and core_first <= last:
        return first, last
    return core_first - _stretch(scores[:core_first][::-1], margin), core_last + _stretch(scores[core_last + 1:], margin)


def _stretch(scores: np.ndarray, margin: float) -> int:
    """How many of ``scores`` (the lines going away from a body's core, the nearest first) the
    body takes: the most-summing run from the first, among those that do not cross a stretch
    summing below minus ``margin`` (strong evidence against, as the decoder weighs the body's
    ends: the list far beyond the furniture below an article is no part of it)."""
    sums = np.cumsum(scores)
    crossed = np.flatnonzero(sums < -margin)
    if len(crossed):
        sums = sums[:crossed[0]]
    return int(np.argmax(sums)) + 1 if len(sums) and sums.max() > 0 else 0


def max_sum_run(scores: Sequence[float] | np.ndarray) -> tuple[int, int]:
    """(first, last) index of the contiguous run with the largest sum (Kadane's algorithm);
    first > last when no score is positive."""
    best, best_first, best_last = 0.0, 0, -1
    total, first = 0.0, 0
    for i, s in enumerate(np.asarray(scores, dtype=float).tolist()):
        if total <= 0:
            total, first = s, i
        else:
            total += s
        if total > best:
            best, best_first, best_last = total, first, i
    return best_first, best_last


def find_body(text: str, explain: bool = False, model_path: Path | str | None = None) -> Body:
    """The body of one article text (the shipped model unless ``model_path`` is given)."""
    return BodyFinder(load_body_model(None if model_path is None else str(model_path))).find(text, explain)
