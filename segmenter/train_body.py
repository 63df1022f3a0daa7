"""Fit the body model (``data/body-model.json``) on the training part of the WCXB pages.

    python -m corpuscut.segmenter.train_body --data ../shared/data --out segmenter/data/body-model.json

Every line of a training article page is labelled by whether it holds the page's hand-checked
main text inside its gold body (the run of lines that holds it); a logistic regression is fitted on the line
features of :mod:`segmenter.body` (a training page's common lines are those the other training
pages share, as they are for a page no fit saw); then the decoder's shift, power and margin are chosen for
the best mean word F1 on the same training pages, among the settings that keep clean articles
(BBC training articles, headline and paragraphs, no furniture) whole.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from .body import FEATURES, BodyFinder, BodyModel, Logistic, line_features, normal_line
from .wcxb import Page, main_lines, words

#: A line that at least this many training pages share, and that is rarely main text, is a common line.
COMMON_MIN_PAGES = 3
COMMON_MAX_BODY_SHARE = 0.2
COMMON_MAX_WORDS = 8
#: Pages whose text holds less than this share of their main text's words teach nothing.
MIN_GOLD_RECALL = 0.8
L2 = 1.0
#: The decoder keeps at least this share of the clean training articles whole: above the 99%
#: that clean articles must keep on a part no fit saw, with room for the difference between parts.
CLEAN_MIN_WHOLE = 0.997


@dataclass(frozen=True)
class LineCounts:
    """For each short line of the training pages: on how many pages it stands, and inside how
    many of their gold bodies."""

    on_pages: Counter[str]
    in_body: Counter[str]

    def common(self, without: dict[str, bool] | None = None) -> frozenset[str]:
        """The common lines: on at least COMMON_MIN_PAGES pages, inside at most
        COMMON_MAX_BODY_SHARE of their bodies; ``without`` one page's lines (line: inside its
        body) counted out, so that a training page sees only what the other pages share."""
        if without is None:
            return frozenset(k for k, n in self.on_pages.items() if _is_common(n, self.in_body[k]))
        return frozenset(k for k, inside in without.items()
                         if _is_common(self.on_pages[k] - 1, self.in_body[k] - inside))


def _is_common(pages: int, in_body: int) -> bool:
    return pages >= COMMON_MIN_PAGES and in_body <= COMMON_MAX_BODY_SHARE * pages


def page_lines(page: Page) -> dict[str, bool]:
    """A page's short lines (normal_line) and whether each stands inside its gold body."""
    seen: dict[str, bool] = {}
    offset = 0
    for line in page.text.split("\n"):
        key = normal_line(line)
        inside = page.body_start <= offset < page.body_end
        offset += len(line) + 1
        if key and key.count(" ") < COMMON_MAX_WORDS and key not in seen:
            seen[key] = inside
    return seen


def line_counts(pages: Sequence[Page]) -> LineCounts:
    on_pages: Counter[str] = Counter()
    in_body: Counter[str] = Counter()
    for page in pages:
        for key, inside in page_lines(page).items():
            on_pages[key] += 1
            in_body[key] += inside
    return LineCounts(on_pages, in_body)


def labelled_rows(page: Page, common: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
    """A page's line features, and whether each line holds the hand-checked text inside the gold
    body: a caption, an advertisement or a "Share" row inside the body span is no main text."""
    lines = page.text.split("\n")
    rows = line_features(lines, common)
    labels = np.zeros(len(lines))
    offset = 0
    for i, (line, holds) in enumerate(zip(lines, main_lines(page.text, page.main_content))):
        labels[i] = holds and page.body_start <= offset < page.body_end
        offset += len(line) + 1
    return rows, labels


def fit_logistic(x: np.ndarray, y: np.ndarray, sample: np.ndarray, l2: float = L2) -> Logistic:
    """An L2-regularised logistic regression on standardised features (Newton's method)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (sample * (p - y)) + reg * w
        hess = (z * (sample * p * (1 - p))[:, None]).T @ z + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return Logistic(w[:-1], float(w[-1]), mean, scale)


def word_f1(predicted: str, gold: str) -> float:
    """Bag-of-words F1 of a predicted body against the gold main text."""
    p, g = Counter(words(predicted)), Counter(words(gold))
    both = sum((p & g).values())
    if not both:
        return 0.0
    precision, recall = both / sum(p.values()), both / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def fit(pages: Sequence[Page], clean: Sequence[str]) -> BodyModel:
    """The body model fitted on ``pages``, its decoder tuned on them and on ``clean`` articles."""
    pages = [p for p in pages if p.gold_recall >= MIN_GOLD_RECALL]
    counts = line_counts(pages)
    common = counts.common()
    xs, ys = [], []
    for page in pages:
        # each page's common lines are those the other pages share, as on a page no fit saw:
        # counted with the page itself, a line on three pages would be common on each of them
        x, y = labelled_rows(page, counts.common(without=page_lines(page)))
        xs.append(x)
        ys.append(y)
    # log(1 + words): longer lines weigh more, as in the word F1
    lines = fit_logistic(np.vstack(xs), np.concatenate(ys), np.concatenate([x[:, 0] for x in xs]))
    prepared = [(p, p.text.split("\n"), x) for p, x in zip(pages, xs)]
    clean_rows = [(text, text.split("\n")) for text in clean]
    clean_rows = [(text, lines, line_features(lines, common)) for text, lines in clean_rows]
    best: tuple[float, BodyModel] | None = None
    for shift in (-0.5, 0.0, 0.5):
        for power in (0.5, 0.75, 1.0):
            for margin in (10.0, 20.0, 40.0):
                model = BodyModel(lines, shift, power, margin, common)
                finder = BodyFinder(model)
                kept = sum(_whole(finder, *c) for c in clean_rows) / max(1, len(clean_rows))
                if kept < CLEAN_MIN_WHOLE:
                    continue
                f1 = float(np.mean([_page_f1(finder, *p) for p in prepared]))
                print(f"shift {shift:+.1f} power {power} margin {margin:4.1f}: F1 {f1:.4f} clean kept whole {kept:.4f}",
                      file=sys.stderr)
                if best is None or f1 > best[0]:
                    best = (f1, model)
    if best is None:
        raise SystemExit(f"no decoder setting keeps {CLEAN_MIN_WHOLE:.1%} of the clean articles whole")
    return best[1]


def _whole(finder: BodyFinder, text: str, lines: list[str], rows: np.ndarray) -> bool:
    body = finder.body(text, lines, rows, finder.model.logits(rows))
    return body.start == 0 and body.end == len(text)


def _page_f1(finder: BodyFinder, page: Page, lines: list[str], rows: np.ndarray) -> float:
    body = finder.body(page.text, lines, rows, finder.model.logits(rows))
    return word_f1(page.text[body.start:body.end], page.main_content)


def clean_articles(data: Path, part: str = "train") -> list[str]:
    """BBC articles as clean article texts: headline, then paragraphs (one a line, and apart by blank lines)."""
    from .corpus import load_articles

    out = []
    for i, article in enumerate(load_articles(data / "bbc-news-summary", part)):
        joiner = "\n\n" if i % 2 else "\n"
        out.append(article.headline + joiner + joiner.join(article.paragraphs) + "\n")
    return out


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("segmenter/data/body-model.json"))
    args = parser.parse_args(list(argv) if argv is not None else None)
    from .wcxb import read_pages

    pages = list(read_pages(args.data / "wcxb-dev", split="train", page_types=["article"]))
    model = fit(pages, clean_articles(args.data))
    args.out.write_text(json.dumps(model.to_json(trained_on="wcxb-dev train part, article pages"), indent=1) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out}: {len(FEATURES)} features, {len(model.common)} common lines", file=sys.stderr)


if __name__ == "__main__":
    main()
