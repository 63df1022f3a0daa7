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
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .cues import _compile
from .datafiles import read_json
from .words import _stop_words

#: The cue lists of ``data/body-cues.json``, in the order of their features.
CUE_LISTS = ("menu", "cookie", "legal", "share", "related", "meta")
#: Only this much of a line is searched for cues and counted for its shape (bounded time).
LINE_HEAD_CHARS = 400
#: A line of at most this many words is a short line (a link, a label, a button).
SHORT_WORDS = 4
#: A headline above the body has at most this many words.
HEADLINE_MAX_WORDS = 30
#: Neighbourhood of a line for its context features (lines on each side).
REACH = 3
TERMINAL = tuple(".!?\"'\u201d\u2019)\u2026:;")
#: A line that many pages of different sites share, as stored in the model (lower-cased words).
_NORMAL = re.compile(r"[^\W_]+")

#: What each feature says when it is the main reason a line is left out of the body.
FEATURES: tuple[str, ...] = (
    "log_words", "short", "terminal", "stop_share", "punct_per_word", "caps_share", "digit_share",
    "symbol_share", "menu", "cookie", "legal", "share", "related", "meta", "common", "repeated",
    "ctx_log_words", "ctx_short_share", "ctx_terminal", "ctx_stop_share", "ctx_cues",
    "first_tenth", "last_tenth", "position",
    "words_1", "words_2_3", "words_4_7", "words_8_15", "words_16_30", "sentence_of_8",
)
REASONS: dict[str, str] = {
    "log_words": "short line", "short": "short line", "terminal": "no sentence punctuation",
    "stop_share": "few stop words", "punct_per_word": "punctuation", "caps_share": "capitalised words",
    "digit_share": "digits", "symbol_share": "symbols", "menu": "menu words", "cookie": "cookie notice",
    "legal": "copyright/footer", "share": "share buttons", "related": "related links/comments",
    "meta": "byline/date/tags", "common": "line many sites share", "repeated": "repeated line",
    "ctx_log_words": "among short lines", "ctx_short_share": "link list", "ctx_terminal": "among non-sentences",
    "ctx_stop_share": "among non-prose", "ctx_cues": "among furniture", "first_tenth": "top of the page",
    "last_tenth": "bottom of the page", "position": "position",
    "words_1": "one word", "words_2_3": "two or three words", "words_4_7": "short line", "words_8_15": "short line",
    "words_16_30": "line length", "sentence_of_8": "no sentence",
}


@dataclass(frozen=True)
class Body:
    """Where the main text of an article lies: ``text[start:end]``."""

    start: int
    end: int
    #: Share of the article's characters outside the body.
    boilerplate: float
    #: The headline-shaped line just before the body, when the body does not open the article.
    headline: str | None = None
    #: Runs of lines left out: (first line, last line, 1-based within the article, main reasons).
    dropped: tuple[tuple[int, int, str], ...] = field(default_factory=tuple)


#: The second stage reads the first stage's log-odds in context and against the page's best.
STAGE2_FEATURES: tuple[str, ...] = (
    "logit", "logit_near", "logit_around", "logit_before", "logit_after", "logit_below_best", "words_below_longest",
)


@dataclass(frozen=True)
class Stage:
    """One logistic regression over standardised features."""

    weights: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray

    def logits(self, rows: np.ndarray) -> np.ndarray:
        return ((rows - self.mean) / self.scale) @ self.weights + self.bias

    def contributions(self, rows: np.ndarray) -> np.ndarray:
        return ((rows - self.mean) / self.scale) * self.weights

    def to_json(self) -> dict[str, Any]:
        return {
            "weights": [round(float(w), 6) for w in self.weights], "bias": round(float(self.bias), 6),
            "mean": [round(float(m), 6) for m in self.mean], "scale": [round(float(v), 6) for v in self.scale],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Stage":
        return cls(np.asarray(data["weights"], dtype=float), float(data["bias"]),
                   np.asarray(data["mean"], dtype=float), np.asarray(data["scale"], dtype=float))


@dataclass(frozen=True)
class BodyModel:
    """The fitted line model and the decoder's settings (``data/body-model.json``)."""

    lines: Stage
    context: Stage
    #: Decoder: a line's score is (logit + shift) * (1 + words) ** power.
    shift: float
    power: float
    #: Furniture at either end is cut away only when its summed score is below minus this.
    margin: float
    common: frozenset[str]

    def logits(self, rows: np.ndarray) -> np.ndarray:
        """Each line's log-odds of being main text, from its FEATURES and its first-stage neighbours'."""
        return self.context.logits(context_features(self.lines.logits(rows), rows))

    def to_json(self, **meta: Any) -> dict[str, Any]:
        return {
            "features": list(FEATURES), "stage2_features": list(STAGE2_FEATURES),
            "lines": self.lines.to_json(), "context": self.context.to_json(),
            "shift": self.shift, "power": self.power, "margin": self.margin,
            "common": sorted(self.common),
            **meta,
        }


def model_from_json(data: dict[str, Any]) -> BodyModel:
    if list(data["features"]) != list(FEATURES) or list(data["stage2_features"]) != list(STAGE2_FEATURES):
        raise ValueError("body model was fitted on other features; refit it (python -m corpuscut.segmenter.train_body)")
    return BodyModel(
        lines=Stage.from_json(data["lines"]), context=Stage.from_json(data["context"]),
        shift=float(data["shift"]), power=float(data["power"]), margin=float(data["margin"]),
        common=frozenset(data.get("common", [])),
    )


def context_features(logits: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """STAGE2_FEATURES of every line: its first-stage log-odds, their means over 2 and 6 lines
    on each side and over the 6 lines before and after it, how far below the page's best
    stretch it lies, and its length against the page's longest line."""
    n = len(logits)
    has_words = rows[:, 0] > 0
    weight = has_words.astype(float)
    values = logits * weight
    near = _window_mean(values, weight, 2, include_self=True)
    around = _window_mean(values, weight, 6, include_self=True)
    # one side's mean over the 6 lines before it, the other's over the 6 after: low on one side
    # at the edge of the body
    before = _side_mean(values, weight, 6, before=True)
    after = _side_mean(values, weight, 6, before=False)
    best = float(around[has_words].max()) if has_words.any() else 0.0
    longest = float(rows[:, 0].max()) if n else 0.0
    return np.stack([logits, near, around, before, after, around - best, rows[:, 0] - longest], axis=1)


def _side_mean(values: np.ndarray, weight: np.ndarray, reach: int, before: bool) -> np.ndarray:
    """Mean of ``values`` over the lines with words among the ``reach`` lines before (or after) each line."""
    csum = np.concatenate([[0.0], np.cumsum(values)])
    cw = np.concatenate([[0.0], np.cumsum(weight)])
    idx = np.arange(len(values))
    if before:
        lo, hi = np.maximum(0, idx - reach), idx
    else:
        lo, hi = idx + 1, np.minimum(len(values), idx + 1 + reach)
    count = cw[hi] - cw[lo]
    return np.where(count > 0, (csum[hi] - csum[lo]) / np.maximum(count, 1), 0.0)


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


def normal_line(line: str) -> str:
    """A line as the list of common lines stores it: lower-cased words, single spaces."""
    return " ".join(_NORMAL.findall(line[:LINE_HEAD_CHARS].lower()))


def line_features(lines: Sequence[str], common: frozenset[str] = frozenset()) -> np.ndarray:
    """One row of FEATURES per line (lines without words get a row too; the decoder skips them)."""
    matcher, lists = load_body_cues()
    stops = _stop_words("english")
    n = len(lines)
    own = np.zeros((n, 16))
    total = sum(len(line) for line in lines) or 1
    seen: dict[str, int] = {}
    normals = []
    for line in lines:
        key = normal_line(line)
        normals.append(key)
        if key:
            seen[key] = seen.get(key, 0) + 1
    position = 0
    positions = np.zeros(n)
    for i, line in enumerate(lines):
        positions[i] = (position + len(line) / 2) / total
        position += len(line) + 1
        head = line[:LINE_HEAD_CHARS]
        tokens = head.split()
        words = len(tokens) if len(line) <= LINE_HEAD_CHARS else len(line.split())
        if not words:
            continue
        sample = tokens[:80]
        k = len(sample)
        lowered = [t.strip(".,;:!?\"'()[]\u201c\u201d\u2018\u2019").lower() for t in sample]
        row = own[i]
        row[0] = math.log1p(words)
        row[1] = words <= SHORT_WORDS
        row[2] = line.rstrip().endswith(TERMINAL)
        row[3] = sum(t in stops for t in lowered) / k
        row[4] = sum(head.count(c) for c in ",.;:") / k
        row[5] = sum(t[:1].isupper() for t in sample) / k
        chars = len(head) or 1
        row[6] = sum(c.isdigit() for c in head) / chars
        row[7] = sum(head.count(c) for c in "|\u00bb\u203a\u00b7\u2022/>#@") / k
        fired = matcher.Match(head)
        if fired:
            for j in fired:
                row[8 + lists[j]] = 1.0
        key = normals[i]
        row[14] = key in common
        row[15] = math.log(seen.get(key, 1)) if key else 0.0
    has_words = own[:, 0] > 0
    ctx = np.zeros((n, 5))
    if n:
        cues_any = own[:, 8:14].max(axis=1)
        columns = (own[:, 0], own[:, 1], own[:, 2], own[:, 3], cues_any)
        weight = has_words.astype(float)
        for c, column in enumerate(columns):
            ctx[:, c] = _window_mean(column * weight, weight, REACH)
    pos = np.stack([positions < 0.1, positions > 0.9, positions], axis=1).astype(float)
    n_words = np.where(has_words, np.expm1(own[:, 0]), 0.0)
    bins = np.stack([
        n_words == 1, (n_words >= 2) & (n_words <= 3), (n_words >= 4) & (n_words <= 7),
        (n_words >= 8) & (n_words <= 15), (n_words >= 16) & (n_words <= 30), (n_words >= 8) & (own[:, 2] > 0),
    ], axis=1).astype(float)
    return np.hstack([own, ctx, pos, bins])


def _window_mean(values: np.ndarray, weight: np.ndarray, reach: int, include_self: bool = False) -> np.ndarray:
    """Mean of ``values`` over the lines with words within ``reach`` lines on each side (the
    line itself left out unless ``include_self``)."""
    csum = np.concatenate([[0.0], np.cumsum(values)])
    cw = np.concatenate([[0.0], np.cumsum(weight)])
    idx = np.arange(len(values))
    lo = np.maximum(0, idx - reach)
    hi = np.minimum(len(values), idx + reach + 1)
    total = csum[hi] - csum[lo] - (0 if include_self else values)
    count = cw[hi] - cw[lo] - (0 if include_self else weight)
    return np.where(count > 0, total / np.maximum(count, 1), 0.0)


#: The features that describe a line itself: a dropped line's reasons are named from these.
_OWN = np.array([i for i, name in enumerate(FEATURES) if not name.startswith("ctx_") and "tenth" not in name
                 and name != "position"])


class BodyFinder:
    """Finds the body of each article text. Build once; ``find`` is a pure function of the text."""

    def __init__(self, model: BodyModel | None = None) -> None:
        self.model = model if model is not None else load_body_model()

    def find(self, text: str, explain: bool = False) -> Body:
        lines = text.split("\n")
        if len(lines) < 3:
            return Body(0, len(text), 0.0)
        rows = line_features(lines, self.model.common)
        return self.body(text, lines, rows, self.model.logits(rows), explain)

    def body(self, text: str, lines: list[str], rows: np.ndarray, logits: np.ndarray, explain: bool = False) -> Body:
        """The body given each line's features and log-odds."""
        words = np.expm1(rows[:, 0])
        content = np.flatnonzero(words > 0)
        first, last = self.decode(logits, words)
        if first > last or not len(content):
            return Body(0, len(text), 0.0)
        headline = None
        if first > content[0]:
            found = _headline(lines, first, words, rows)
            if found is not None:
                headline, line = found
                first = min(line, last)  # the body opens with its headline
        offsets = np.cumsum([0] + [len(line) + 1 for line in lines])
        start = 0 if first <= content[0] else int(offsets[first])
        end = len(text) if last >= content[-1] else int(offsets[last] + len(lines[last]))
        dropped = self._reasons(rows, content, first, last) if explain else ()
        boilerplate = 1.0 - (end - start) / len(text) if text else 0.0
        return Body(start, end, round(boilerplate, 4), headline, dropped)

    def decode(self, logits: np.ndarray, words: np.ndarray) -> tuple[int, int]:
        """First and last line of the body: the maximum-sum run of scored lines, kept whole
        when the lines it would leave out at either end do not add up to strong evidence."""
        m = self.model
        shift = m.shift
        if words.any() and float(logits[words > 0].max()) + shift <= 0:
            # no line is more likely main text than not: a page whose body the model finds
            # weak (a short article among much furniture); its most likely lines lead
            shift = 1.0 - float(logits[words > 0].max())
        scores = np.where(words > 0, (logits + shift) * (1.0 + words) ** m.power, 0.0)
        first, last = _max_sum_run(scores)
        if first > last:
            return 0, len(scores) - 1
        if scores[:first].sum() > -m.margin:
            first = 0
        if scores[last + 1:].sum() > -m.margin:
            last = len(scores) - 1
        return first, last

    def _reasons(self, rows: np.ndarray, content: np.ndarray, first: int, last: int) -> tuple[tuple[int, int, str], ...]:
        """Each run of dropped lines with the features that pushed hardest against its lines."""
        contrib = self.model.lines.contributions(rows)
        out = []
        for lo, hi in ((int(content[0]), first - 1), (last + 1, int(content[-1]))):
            if lo > hi:
                continue
            push = contrib[lo:hi + 1][rows[lo:hi + 1, 0] > 0]
            if not len(push):
                continue
            counts: dict[str, int] = {}
            for row in push:
                reason = REASONS[FEATURES[int(_OWN[np.argmin(row[_OWN])])]]
                counts[reason] = counts.get(reason, 0) + 1
            top = sorted(counts.items(), key=lambda kv: -kv[1])[:3]
            out.append((lo + 1, hi + 1, ", ".join(f"{r} ({c})" for r, c in top)))
        return tuple(out)


def _headline(lines: Sequence[str], first: int, words: np.ndarray, rows: np.ndarray) -> tuple[str, int] | None:
    """The headline at the top of the body, and its line: among the lines near the body's first, the
    headline-shaped one (2-30 words, no cue, not ending in a full stop) that best matches the
    article's first line (a page's ``<title>`` repeats its headline) or stands right above a
    paragraph of prose; the nearest on a tie."""
    top = set(_NORMAL.findall(lines[0][:LINE_HEAD_CHARS].lower()))
    best, best_line, best_score = "", 0, 0.0
    for i in sorted(range(max(1, first - 8), min(len(lines), first + 4)), key=lambda i: abs(i - first)):
        n = words[i]
        line = lines[i].strip()
        if not 2 <= n <= HEADLINE_MAX_WORDS or rows[i, 8:14].any() or line.endswith("."):
            continue
        tokens = set(_NORMAL.findall(line.lower()))
        overlap = len(tokens & top) / max(1, len(tokens))
        after = next((j for j in range(i + 1, len(lines)) if words[j] > 0), None)
        prose = after is not None and words[after] >= 15 and rows[after, 2] > 0
        score = 0.6 * overlap + (0.4 if prose and n >= 4 else 0.0) - 0.01 * abs(first - i)
        if score > best_score:
            best, best_line, best_score = line, i, score
    return (best, best_line) if best_score >= 0.35 else None


def _max_sum_run(scores: np.ndarray) -> tuple[int, int]:
    """(first, last) of the contiguous run with the largest sum; first > last when none is positive."""
    best, best_first, best_last = 0.0, 0, -1
    total, first = 0.0, 0
    for i, s in enumerate(scores.tolist()):
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
