"""Fit the page model (``data/page-model.json``) on dumps of the WCXB training pages.

    python -m corpuscut.segmenter.train_pages --data ../shared/data --out segmenter/data/page-model.json

The training part of the WCXB pages (every page type; never the held-out part) is shuffled
(seeded) and glued into dumps of six pages, a third of them with a separator line or blank
lines between pages. Every gap is labelled by whether a page starts after it; the gaps between
a page's first line and its main text are left out (a cut there finds the page too). Boosted
trees (:mod:`segmenter.trees`) are fitted on part of the pages, and a second pass of trees
over the same rows and the first pass's log-odds around each gap (those of trees fitted on the
other half of these pages, so that the second pass learns them as they are on unseen text);
the decoder's shift of the log-odds, the prose a page must hold and the price of a page that
holds less are chosen on dumps of the other pages, by the page-start F1 (a cut anywhere from a page's first line to the first line of its main text
finds it) among the settings that keep enough single pages whole; then the Platt scaling of a chosen start's
log-odds, on those dumps too.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from corpuscut.text.lines import iter_lines
from corpuscut.text.words import _stop_words

from .blocks import Block, make_blocks
from .body import load_body_model
from .cues import load_cues
from .pages import CONTEXT_FEATURES, FEATURES, PageModel, block_inputs, context_columns, decode, line_facts, page_features
from .trees import Trees, fit_trees
from .wcxb import Page
from .wrapping import continues_next, load_wrap_rules

PAGES_PER_DUMP = 6
#: Pages fitted on (the rest choose the decoder), and how many shuffled rounds of dumps each part gives.
FIT_SHARE = 0.65
FIT_ROUNDS, TUNE_ROUNDS = 2, 2
#: The gate: page text has this many lines and at least this share of furniture-shaped lines,
#: or the smaller share where this many lines are skip links, menu toggles or menu words. The
#: training dumps of the four article corpora stay below 0.34 in every shape and hold no such
#: line; page dumps are above 0.35, 87% of single pages above 0.4 and 10% more take the second way.
MIN_SHORT_SHARE, MIN_LINES, CUED_SHORT_SHARE, MIN_CUED = 0.4, 20, 0.2, 2
#: The third way, for an article page whose long article outweighs its furniture: a tenth of the
#: lines furniture-shaped, at least this many of those a menu word, a skip link or a line many
#: web pages hold, and a copyright or footer line. The training dumps of the four article corpora
#: hold at most one such line; of the WCXB training article pages the article model cut, most
#: hold four or more (kept whole by the page model: 0.934 -> 0.953 of them all). The footer line
#: keeps extractors' main texts out (dumps of the training pages' trafilatura output: F1 0.316
#: by the article model, 0.254 with this way open to them, 0.311 with the footer line asked for).
FURNITURE_SHORT_SHARE, MIN_FURNITURE = 0.1, 4
SEPARATORS = ("\n----\n", "\n\n\n", "\n==========\n", "\n\n")
SEED = 3
#: The boosted trees: this many rounds of trees this deep.
ROUNDS, DEPTH = 100, 3
#: Whether a second pass of trees reads the first pass's log-odds around each gap.
SECOND_PASS = True
#: The decoder's settings tried on the tune dumps: the shift of every gap's log-odds, the prose
#: a page must hold and the most a page with less pays. The one chosen finds the most page
#: starts (F1) among those that keep at least MIN_WHOLE of the single tune pages whole.
SHIFTS = (0.0, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
MIN_PROSE = (100, 200, 300)
PENALTIES = (4.0, 6.0, 8.0, 16.0)
MIN_WHOLE = 0.97


def page_dumps(pages: Sequence[Page], rounds: int, seed: int) -> list[tuple[str, list[tuple[int, int]]]]:
    """Dumps of PAGES_PER_DUMP pages and, for each page, where it starts and where its main
    text starts (character offsets)."""
    rng = random.Random(seed)
    out = []
    for _ in range(rounds):
        order = list(pages)
        rng.shuffle(order)
        for k in range(0, len(order) - 1, PAGES_PER_DUMP):
            joiner = rng.choice(SEPARATORS) if rng.random() < 1 / 3 else "\n"
            text, spans = "", []
            for page in order[k: k + PAGES_PER_DUMP]:
                if text:
                    text = text.rstrip("\n") + joiner
                spans.append((len(text), len(text) + page.body_start))
                text += page.text.rstrip("\n") + "\n"
            out.append((text, spans))
    return out


def _blocks(text: str) -> list[Block]:
    """The text's blocks as the segmenter makes them (hard-wrapped paragraphs read whole)."""
    lines = list(iter_lines(text))
    return make_blocks(lines, load_cues().is_separator, continues_next(text, lines, load_wrap_rules()))


def labelled_rows(text: str, spans: list[tuple[int, int]], common: frozenset[str], stop_words: frozenset[str]
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Feature rows, labels (1: a page starts after the gap) and weights (0: a gap inside a
    page's leading furniture, where a cut is right too)."""
    blocks = _blocks(text)
    texts, separator, more_blank = block_inputs(blocks)
    rows = page_features(texts, line_facts(texts, common), separator, more_blank, stop_words)
    starts = {a for a, _ in spans}
    labels = np.array([b.start in starts for b in blocks[1:]], dtype=float)
    weights = np.array([0.0 if b.start not in starts and any(a < b.start <= z for a, z in spans) else 1.0
                        for b in blocks[1:]])
    return rows, labels, weights


@dataclass(frozen=True)
class Prepared:
    """A tuning text with its features computed once: its block starts, the prose words of
    each block, the feature rows, and the page spans (none for a single page)."""

    starts: list[int]
    prose_words: list[int]
    rows: np.ndarray
    spans: list[tuple[int, int]]
    #: Each block's main-text words, and whether it never starts a page (:func:`pages.decode`).
    main_words: np.ndarray
    no_start: np.ndarray


def prepare(text: str, spans: list[tuple[int, int]], common: frozenset[str], stop_words: frozenset[str]) -> Prepared:
    blocks = _blocks(text)
    texts, separator, more_blank = block_inputs(blocks)
    facts = line_facts(texts, common)
    rows = page_features(texts, facts, separator, more_blank, stop_words)
    prose = [int(w) if p else 0 for w, p in zip(facts.words, facts.prose)]
    return Prepared([b.start for b in blocks], prose, rows, spans, facts.main_words(), facts.no_start)


def window_scores(model: PageModel, dumps: Sequence[Prepared], singles: Sequence[Prepared],
                  unshifted: tuple[list[np.ndarray], list[np.ndarray]] | None = None,
                  ) -> tuple[float, float, float, float, list[tuple[float, bool]]]:
    """Precision, recall and F1 of page starts (a cut from a page's first line to its main
    text's finds it), the share of single pages left whole, and each chosen cut's (logit, real).
    ``unshifted``: the model's log-odds of the dumps' and the singles' gaps before its shift."""
    if unshifted is None:
        unshifted = ([model.logits(d.rows) - model.shift for d in dumps],
                     [model.logits(s.rows) - model.shift for s in singles])
    found = predicted = windows = 0
    chosen = []
    for dump, base in zip(dumps, unshifted[0]):
        logits = base + model.shift
        cuts = decode(logits, dump.prose_words, model, dump.main_words, dump.no_start)
        offsets = [dump.starts[b] for b in cuts]
        chosen.extend((float(logits[b - 1]), any(a <= o <= z for a, z in dump.spans[1:])) for b, o in zip(cuts, offsets))
        predicted += len(offsets)
        for lo, hi in dump.spans[1:]:
            windows += 1
            found += any(lo <= c <= hi for c in offsets)
    whole = sum(not decode(base + model.shift, s.prose_words, model, s.main_words, s.no_start)
                for s, base in zip(singles, unshifted[1]))
    precision = found / predicted if predicted else 1.0
    recall = found / windows if windows else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, whole / max(1, len(singles)), chosen


def fit(pages: Sequence[Page], common: frozenset[str], stop_words: frozenset[str],
        fitted_model: PageModel | None = None) -> PageModel:
    """The page model fitted on ``pages``; with ``fitted_model``, its trees kept (they are what a
    fit on the same pages and features gives) and only its decoder's settings chosen again."""
    pages = [p for p in pages if p.text.strip() and p.body_end > p.body_start]
    order = list(pages)
    random.Random(SEED).shuffle(order)
    cut = int(len(order) * FIT_SHARE)
    fit_pages, tune_pages = order[:cut], order[cut:]
    if fitted_model is not None:
        return tuned(fitted_model.trees, fitted_model.context, tune_pages, common, stop_words)
    # Two halves of the fitting pages, dumped apart: the second pass learns from first-pass
    # log-odds that trees fitted on the other half gave, as it meets them on unseen text.
    halves = [[labelled_rows(text, spans, common, stop_words) for text, spans in page_dumps(half, FIT_ROUNDS, SEED + k)]
              for k, half in enumerate((fit_pages[::2], fit_pages[1::2]))]

    def fitted(dumps: list[tuple[np.ndarray, np.ndarray, np.ndarray]], columns: list[np.ndarray] | None = None) -> Trees:
        xs = columns if columns is not None else [x for x, _, _ in dumps]
        return fit_trees(np.vstack(xs), np.concatenate([y for _, y, _ in dumps]),
                         np.concatenate([w for _, _, w in dumps]), rounds=ROUNDS, depth=DEPTH)

    trees = fitted(halves[0] + halves[1])
    context = None
    if SECOND_PASS:
        stacked = []
        for k in (0, 1):
            other = fitted(halves[1 - k])
            stacked.extend(np.column_stack([x, context_columns(other.logits(x))]) for x, _, _ in halves[k])
        context = fitted(halves[0] + halves[1], stacked)
    last = context if context is not None else trees
    names = FEATURES + CONTEXT_FEATURES if context is not None else FEATURES
    used = np.bincount(last.feature[last.feature >= 0], minlength=len(names))
    for name, count in sorted(zip(names, used), key=lambda t: -t[1]):
        print(f"{count:5d} splits on {name}", file=sys.stderr)
    return tuned(trees, context, tune_pages, common, stop_words)


def tuned(trees: Trees, context: Trees | None, tune_pages: Sequence[Page], common: frozenset[str],
          stop_words: frozenset[str]) -> PageModel:
    """The decoder's settings that find the most page starts in dumps of ``tune_pages`` while
    keeping enough of them whole alone, and the calibration of the chosen starts' log-odds."""
    tune = [prepare(text, spans, common, stop_words) for text, spans in page_dumps(tune_pages, TUNE_ROUNDS, SEED + 1)]
    singles = [prepare(p.text, [], common, stop_words) for p in tune_pages]
    best: tuple[float, PageModel, list] | None = None
    unshifted = PageModel(trees, 0.0, MIN_SHORT_SHARE, MIN_LINES, 0, 0.0, context=context)
    scored = ([unshifted.logits(d.rows) for d in tune], [unshifted.logits(s.rows) for s in singles])
    for shift in SHIFTS:
        for min_prose in MIN_PROSE:
            for penalty in PENALTIES:
                model = PageModel(trees, shift, MIN_SHORT_SHARE, MIN_LINES, min_prose, penalty,
                                  cued_short_share=CUED_SHORT_SHARE, min_cued=MIN_CUED,
                                  furniture_short_share=FURNITURE_SHORT_SHARE, min_furniture=MIN_FURNITURE,
                                  context=context)
                p, r, f1, whole, chosen = window_scores(model, tune, singles, scored)
                # the most page starts found among the settings that keep enough single pages
                # whole (where none does, the two count alike)
                score = f1 + 1.0 if whole >= MIN_WHOLE else (f1 + whole) / 2
                print(f"shift {shift:+.2f} prose {min_prose:3d} penalty {penalty:4.1f}: P {p:.3f} R {r:.3f} "
                      f"F1 {f1:.3f} single pages whole {whole:.3f}", file=sys.stderr)
                if best is None or score > best[0]:
                    best = (score, model, chosen)
    assert best is not None
    _, model, chosen = best
    logits = np.array([[c[0]] for c in chosen])
    real = np.array([float(c[1]) for c in chosen])
    from .train import fit_logistic as fit_plain

    slope, intercept = fit_plain(logits, real, l2=1e-3)
    return replace(model, calibration=(float(slope[0]), float(intercept)))


def model_text(model: PageModel, **meta: object) -> str:
    """The model file: its settings a line each, each of the trees' arrays (both passes') on one line."""
    data = model.to_json(**meta)
    forests = {name: data.pop(name) for name in ("trees", "context") if name in data}
    text = json.dumps(data, indent=1)[:-2]
    for name, trees in forests.items():
        lines = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in trees.items())
        text += f',\n {json.dumps(name)}: {{\n' + lines + "\n }"
    return text + "\n}\n"


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("segmenter/data/page-model.json"))
    parser.add_argument("--decoder-only", action="store_true",
                        help="keep the trees of the shipped model and choose only the decoder's settings again")
    args = parser.parse_args(list(argv) if argv is not None else None)
    from .pages import load_page_model
    from .wcxb import read_pages

    pages = list(read_pages(args.data / "wcxb-dev", split="train"))
    model = fit(pages, load_body_model().common, _stop_words("english"),
                load_page_model() if args.decoder_only else None)
    meta = {"trained_on": f"wcxb-dev train part, {len(pages)} pages of every type, in dumps of {PAGES_PER_DUMP}",
            "command": "python -m corpuscut.segmenter.train_pages --data ../shared/data --out segmenter/data/page-model.json"}
    args.out.write_text(model_text(model, **meta), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
