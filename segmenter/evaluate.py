"""Scoring a segmentation against gold: boundary P/R/F1, Pk, WindowDiff, exact articles.

Both segmentations are given as the set of text-line numbers (1-based, counting only lines
with text) where an article starts; the first line is never counted as a boundary.
Pk and WindowDiff come from ``nltk.metrics.segmentation`` with k = half the mean gold
article length in lines, the usual convention.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from corpuscut.text.lines import iter_lines


@dataclass
class Scores:
    """Counts accumulated over documents; the rates are computed from them."""

    true_positives: int = 0
    predicted: int = 0
    gold: int = 0
    pk_sum: float = 0.0
    windowdiff_sum: float = 0.0
    documents: int = 0
    exact_articles: int = 0
    gold_articles: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def pk(self) -> float:
        return self.pk_sum / self.documents if self.documents else 0.0

    @property
    def windowdiff(self) -> float:
        return self.windowdiff_sum / self.documents if self.documents else 0.0

    @property
    def exact_rate(self) -> float:
        return self.exact_articles / self.gold_articles if self.gold_articles else 1.0

    def add(self, gold: set[int], predicted: set[int], lines: int) -> None:
        """Add one document of ``lines`` text lines; sets hold the lines that start an article."""
        from nltk.metrics.segmentation import pk, windowdiff

        gold = {g for g in gold if 1 < g <= lines}
        predicted = {p for p in predicted if 1 < p <= lines}
        self.true_positives += len(gold & predicted)
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.documents += 1
        if lines > 1:
            ref = "".join("1" if i in gold else "0" for i in range(2, lines + 1))
            hyp = "".join("1" if i in predicted else "0" for i in range(2, lines + 1))
            k = max(2, round(lines / (len(gold) + 1) / 2))
            k = min(k, len(ref) - 1) if len(ref) > 1 else 1
            if len(ref) > k:
                self.pk_sum += pk(ref, hyp, k)
                self.windowdiff_sum += windowdiff(ref, hyp, k)
        starts = [1, *sorted(gold), lines + 1]
        cuts = {1, *predicted, lines + 1}
        for a, b in zip(starts, starts[1:]):
            self.gold_articles += 1
            if a in cuts and b in cuts and not any(a < c < b for c in predicted):
                self.exact_articles += 1

    def merge(self, other: "Scores") -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def text_line_numbers(text: str) -> tuple[list[int], list[int]]:
    """Start offsets of the lines that hold text, and of all lines (for mapping offsets)."""
    text_starts, all_starts = [], []
    for line in iter_lines(text):
        all_starts.append(line.start)
        if line.content:
            text_starts.append(line.start)
    return text_starts, all_starts


def offsets_to_text_lines(offsets: list[int], text_starts: list[int]) -> set[int]:
    """Map character offsets to the 1-based number of the first text line at or after each."""
    return {bisect_left(text_starts, o) + 1 for o in offsets if bisect_left(text_starts, o) < len(text_starts)}


class GoldMismatch(ValueError):
    """A gold file read well whose starts do not fit the dump (a line or offset past its end)."""


def read_gold(path: Path, text: str) -> list[int]:
    """Article start offsets from gold: JSON Lines with ``start`` (offset) or ``line`` (1-based
    line of the whole text), a JSON array of such records or of offsets, or a text file with separator lines (``==========``) between articles.
    Raises :class:`GoldMismatch` naming the gold line whose start lies outside the dump."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:  # line ends as the dump has them
            raw = handle.read()
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})") from None
    if path.suffix in (".jsonl", ".json"):
        _, all_starts = text_line_numbers(text)
        out = []
        whole = raw.lstrip()
        # A JSON array: of start offsets ([0, 652, 1258]) or of records, each read as a line below.
        items = json.loads(raw) if whole.startswith("[") else None
        lines = raw.splitlines() if items is None else [json.dumps(item) for item in items]
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            item = json.loads(line)
            if isinstance(item, int) and not isinstance(item, bool):
                item = {"start": item}
            if not isinstance(item, dict) or not ("start" in item or "line" in item):
                where = "line" if items is None else "item"
                raise ValueError(f"{where} {number} is neither an offset nor a record with \"start\" or \"line\"")
            if "start" in item:
                start = int(item["start"])
                if not 0 <= start <= len(text):
                    raise GoldMismatch(f"line {number} starts an article at offset {start}, "
                                       f"outside the dump's {len(text)} characters: is it the gold of another dump?")
                out.append(start)
            else:
                at = int(item["line"])
                if not 1 <= at <= len(all_starts):
                    raise GoldMismatch(f"line {number} starts an article on line {at}, "
                                       f"past the dump's {len(all_starts)} lines: is it the gold of another dump?")
                out.append(all_starts[at - 1])
        return out
    starts, pos, new = [], 0, True
    kept: list[str] = []
    for line in raw.splitlines(keepends=True):
        if line.strip().startswith("=========="):
            new = True
            continue
        if new and line.strip():
            starts.append(pos)
            new = False
        pos += len(line)
        kept.append(line)
    if "".join(kept) != text:
        raise ValueError("without its ========== lines it is not the dump's text (give JSON Lines of "
                         "starts in a .jsonl file, or the dump itself with ========== lines between articles)")
    return starts


@dataclass
class Reliability:
    """Scores of cuts beside whether each was a real article start: the expected calibration
    error (ECE) and a reliability table over equal-width bins of the score."""

    bins: int = 10
    pairs: list[tuple[float, bool]] = field(default_factory=list)

    def add(self, score: float, real: bool) -> None:
        self.pairs.append((score, real))

    def table(self) -> list[tuple[float, float, int, float, float]]:
        """Per non-empty bin: its lower and upper edge, how many cuts, their mean score and the
        share of them that were real."""
        rows = []
        for k in range(self.bins):
            lo, hi = k / self.bins, (k + 1) / self.bins
            inside = [(s, r) for s, r in self.pairs if lo <= s < hi or (k == self.bins - 1 and s == 1.0)]
            if inside:
                rows.append((lo, hi, len(inside), sum(s for s, _ in inside) / len(inside),
                             sum(r for _, r in inside) / len(inside)))
        return rows

    @property
    def ece(self) -> float:
        """Mean over cuts of |mean score - share real| of each cut's bin."""
        if not self.pairs:
            return 0.0
        return sum(n * abs(score - real) for _, _, n, score, real in self.table()) / len(self.pairs)
