"""Fit the headline model (``data/headline-model.json``) on the training part of the WCXB pages.

    python -m corpuscut.segmenter.train_headline --data ../shared/data --out segmenter/data/headline-model.json

On each training article page whose body the body finder finds below its top, every headline
candidate (:func:`segmenter.headline.candidates`) is labelled by whether it is the page's
hand-checked title (as :func:`segmenter.wcxb.same_title` compares them). The lines model is a conditional logit (a softmax
over each page's line candidates); the choice model a logistic regression, fitted on the pages
where exactly one of the best line and the title's headline part is right. Printed: the share of pages whose chosen candidate is the title,
on the pages fitted and in a five-fold cross-validation over them; with ``--losses``, each page the
cross-validation gets wrong (its chosen candidate, the right ones, the ``<title>``'s headline part
and the kind of loss: :func:`loss_kind`) and how many pages each kind loses, then each page whose
body opens the text and whose title is wrong (:func:`report_openings`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from collections import Counter
from typing import Iterable, Sequence, TextIO

import numpy as np

from .body import BodyFinder, _paragraph_lines, line_features, page_lines
from .logistic import Logistic
from .headline import CHOICE_FEATURES, FEATURES, HeadlineModel, PageLines, _named, candidates, choice_row, choose_headline, relation
from .train_body import fit_logistic
from .wcxb import Page, same_title

L2 = 1.0
Prepared = tuple[PageLines, int, list[tuple[str, int]], np.ndarray, np.ndarray]
FOLDS = 5
TITLE_PART = FEATURES.index("title_part")


def page_candidates(finder: BodyFinder, page: Page) -> Prepared | None:
    """A page's lines as the headline's choice reads them, its body's first line, and its
    candidates (text and line), rows and labels; None where the body opens the page (no
    headline is sought)."""
    lines, _ = _paragraph_lines(page.text)
    if len(lines) < 3:
        return None
    rows = line_features(lines, finder.model.common)
    logits = finder.model.logits(rows)
    span = finder.span(rows, logits)
    content = np.flatnonzero(rows[:, 0] > 0)
    if span is None or not len(content) or span[0] <= content[0]:
        return None
    view = page_lines(lines, rows, logits)
    found, x = candidates(view, span[0])
    y = np.array([float(same_title(text, page.title, page.url)) for text, _ in found])
    return view, span[0], found, x, y


def _loss(w: np.ndarray, pages: Sequence[tuple[np.ndarray, np.ndarray]], l2: float) -> float:
    total = 0.5 * l2 * float(w @ w)
    for z, target in pages:
        s = z @ w
        top = s.max()
        total += float(top + np.log(np.exp(s - top).sum()) - target @ s)
    return total


def fit_choice(pages: Sequence[tuple[np.ndarray, np.ndarray]], l2: float = L2, iterations: int = 50) -> Logistic:
    """A conditional logit over each page's candidates (rows ``x``, labels ``y``): the weights
    under which the right candidates take the largest share of each page's softmax (L2-
    regularised, Newton's method with step halving), over standardised features."""
    usable = [(x, y) for x, y in pages if len(y) and y.any()]
    stacked = np.vstack([x for x, _ in usable])
    mean = stacked.mean(axis=0)
    scale = stacked.std(axis=0)
    scale[scale == 0] = 1.0
    data = [((x - mean) / scale, y / y.sum()) for x, y in usable]
    d = stacked.shape[1]
    w = np.zeros(d)
    current = _loss(w, data, l2)
    for _ in range(iterations):
        grad = l2 * w
        hess = l2 * np.eye(d)
        for z, target in data:
            s = z @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            expected = p @ z
            grad += expected - target @ z
            hess += (z * p[:, None]).T @ z - np.outer(expected, expected)
        step = np.linalg.solve(hess, grad)
        rate = 1.0
        new = _loss(w - step, data, l2)
        while new > current and rate > 1e-4:
            rate /= 2
            new = _loss(w - rate * step, data, l2)
        w = w - rate * step
        done = abs(current - new) < 1e-7
        current = new
        if done:
            break
    # a per-page softmax has no bias: each page's scores shift alike
    return Logistic(w, 0.0, mean, scale)


#: The choice model is regularised harder: it is fitted on the few pages where one of the two is right.
CHOICE_L2 = 30.0


def _parts(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, int | None, bool]:
    """A page's line candidates (rows, labels), its title part's index (None where it has none),
    and whether the title part is right."""
    lines = x[:, TITLE_PART] == 0
    title = np.flatnonzero(~lines)
    return x[lines], y[lines], (int(title[0]) if len(title) else None), bool(len(title) and y[title[0]])


def _choice_rows(lines: Logistic, prepared: Sequence[Prepared]) -> tuple[list[np.ndarray], list[float]]:
    """The choice model's rows and labels: the pages with lines and a title part where exactly
    one of the best line and the title part is right (1.0: the line)."""
    xs, ys = [], []
    for view, first, found, x, y in prepared:
        lx, ly, title, title_right = _parts(x, y)
        if not len(ly) or title is None:
            continue
        scores = lines.logits(lx)
        best = int(np.argmax(scores))
        line_right = bool(ly[best])
        if line_right != title_right:
            best_line = [c for c, row in zip(found, x) if row[TITLE_PART] == 0][best]
            xs.append(choice_row(scores, relation(view, first, best_line, found[title][0])))
            ys.append(float(line_right))
    return xs, ys


def fit(prepared: Sequence[Prepared], l2: float = L2) -> HeadlineModel:
    """Both models on ``prepared`` pages; the choice model on line scores from the lines model
    fitted without each page's fold (as it will see them on pages it was not fitted on)."""
    def lines_on(part: Sequence[Prepared]) -> Logistic:
        return fit_choice([(lx, ly) for lx, ly, _, _ in (_parts(x, y) for _, _, _, x, y in part)], l2)

    xs: list[np.ndarray] = []
    ys: list[float] = []
    for k in range(FOLDS):
        inner = lines_on([p for i, p in enumerate(prepared) if i % FOLDS != k])
        fx, fy = _choice_rows(inner, [p for i, p in enumerate(prepared) if i % FOLDS == k])
        xs += fx
        ys += fy
    choice = fit_logistic(np.array(xs), np.array(ys), np.ones(len(ys)), CHOICE_L2)
    return HeadlineModel(lines_on(prepared), choice)


def accuracy(model: HeadlineModel, prepared: Sequence[Prepared], pages: Sequence[Page]) -> float:
    """Share of ``prepared`` pages whose chosen headline is their title."""
    right = 0
    for (view, first, _, _, _), page in zip(prepared, pages):
        chosen = choose_headline(view, first, model)
        right += chosen is not None and same_title(chosen[0], page.title, page.url)
    return right / max(1, len(prepared))


#: The kinds of a wrong headline (:func:`loss_kind`), in the order they are counted.
LOSS_KINDS: tuple[str, ...] = (
    "named: a breadcrumb or a comments heading named a wrong line",
    "choice: the <title>'s part was right, a line was taken",
    "choice: the best line was right, the <title>'s part was taken",
    "lines: a right line scored below a wrong one",
    "none: no candidate is the title",
)
#: The kind of a wrong title on a page whose body opens its text (no headline is sought above it:
#: the title is the body finder's ``_titled_headline`` or the text's first line).
OPENS_KIND = "opens: the body opens the text; its first line or the line that repeats it is the title"


def loss_kind(model: HeadlineModel, prepared: Prepared, chosen: tuple[str, int] | None) -> str:
    """Why a page's chosen headline (``chosen``, wrong) is not its title: one of LOSS_KINDS."""
    view, first, found, x, y = prepared
    if not y.any():
        return LOSS_KINDS[4]
    if chosen is not None and chosen == _named(view, found):
        return LOSS_KINDS[0]
    lx, ly, _, title_right = _parts(x, y)
    best_right = bool(len(ly)) and bool(ly[int(np.argmax(model.lines.logits(lx)))])
    if best_right:
        return LOSS_KINDS[2]
    return LOSS_KINDS[1] if title_right else LOSS_KINDS[3]


#: How many features a loss's report names: those that most set the chosen line's score above a right line's.
REPORTED_FEATURES = 4


def _apart(model: HeadlineModel, x: np.ndarray, chosen: int, right: int) -> str:
    """The lines model's scores of candidate rows ``chosen`` and ``right`` and the features that most set them apart."""
    scores = model.lines.logits(x[[chosen, right]])
    gap = model.lines.contributions(x[[chosen]])[0] - model.lines.contributions(x[[right]])[0]
    named = ", ".join(f"{FEATURES[f]} {gap[f]:+.2f}" for f in np.argsort(-gap)[:REPORTED_FEATURES] if gap[f] > 0)
    return f"scores {scores[0]:.2f} against {scores[1]:.2f}; for the chosen: {named or 'none'}"


def report_losses(chosen: dict[int, tuple[tuple[str, int] | None, HeadlineModel]], prepared: Sequence[Prepared],
                  pages: Sequence[Page], out: TextIO) -> None:
    """Each page of ``chosen`` (its index: its chosen headline and the model that chose it, fitted
    without it) whose headline is not its title: the chosen line, the right candidates, and for a
    line chosen over a right line, the features that set it above; then how many pages each kind
    of loss costs."""
    kinds: Counter[str] = Counter()
    for i in sorted(chosen, key=lambda i: pages[i].file_id):
        headline, model = chosen[i]
        page = pages[i]
        if headline is not None and same_title(headline[0], page.title, page.url):
            continue
        view, first, found, x, y = prepared[i]
        kind = loss_kind(model, prepared[i], headline)
        kinds[kind] += 1
        is_title = x[:, TITLE_PART] == 1
        title = next((text for (text, _), part in zip(found, is_title) if part), None)
        right = [k for k in np.flatnonzero(y > 0) if not is_title[k]]
        also = " and the <title>'s part" if y[is_title].any() else ""
        print(f"{page.file_id} ({kind})\n  title:   {page.title!r}\n  chosen:  {headline!r}\n"
              f"  right:   {[found[k] for k in right][:3]!r}{also}\n"
              f"  <title>'s part: {title!r}; the body's first line: {first}", file=out)
        mine = next((k for k, c in enumerate(found) if headline is not None and c == headline and not is_title[k]), None)
        if mine is not None and right:
            print(f"  {_apart(model, x, mine, right[0])}", file=out)
    for kind in LOSS_KINDS:
        print(f"{kinds[kind]:4d}  {kind}", file=out)


def report_openings(finder: BodyFinder, pages: Sequence[Page], out: TextIO) -> None:
    """Each page of ``pages`` (pages whose body opens the text: the cross-validation leaves them
    out) whose title, as ``finder`` names it, is not its title: the title taken and the text's
    first line; then how many such pages are wrong."""
    wrong = 0
    for page in sorted(pages, key=lambda p: p.file_id):
        first = page.text.split("\n", 1)[0]
        title = finder.find(page.text).headline or first
        if same_title(title, page.title, page.url):
            continue
        wrong += 1
        print(f"{page.file_id} ({OPENS_KIND})\n  title:   {page.title!r}\n  chosen:  {title!r}\n"
              f"  first line: {first[:200]!r}", file=out)
    print(f"{wrong:4d}  {OPENS_KIND} (of {len(pages)} such pages)", file=out)


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("segmenter/data/headline-model.json"))
    parser.add_argument("--losses", action="store_true", help="list the pages the cross-validation gets wrong, by kind")
    args = parser.parse_args(list(argv) if argv is not None else None)
    from .wcxb import read_pages

    # the body's span does not depend on the headline model: any will do while it is fitted
    blank = HeadlineModel(*(Logistic(np.zeros(n), 0.0, np.zeros(n), np.ones(n)) for n in (len(FEATURES), len(CHOICE_FEATURES))))
    finder = BodyFinder(headlines=blank)
    pages, prepared, opening = [], [], []
    for page in read_pages(args.data / "wcxb-dev", split="train", page_types=["article"]):
        found = page_candidates(finder, page)
        if found is not None:
            pages.append(page)
            prepared.append(found)
        elif args.losses:
            opening.append(page)
    folds = [i % FOLDS for i in range(len(prepared))]
    crossed = 0.0
    chosen: dict[int, tuple[tuple[str, int] | None, HeadlineModel]] = {}
    for k in range(FOLDS):
        model = fit([p for p, f in zip(prepared, folds) if f != k])
        held = [(p, page) for p, page, f in zip(prepared, pages, folds) if f == k]
        crossed += accuracy(model, [p for p, _ in held], [t for _, t in held]) * len(held)
        if args.losses:
            chosen.update({i: (choose_headline(prepared[i][0], prepared[i][1], model), model)
                           for i, f in enumerate(folds) if f == k})
    if args.losses:
        report_losses(chosen, prepared, pages, sys.stdout)
    model = fit(prepared)
    if args.losses:
        report_openings(BodyFinder(headlines=model), opening, sys.stdout)
    fitted = accuracy(model, prepared, pages)
    print(f"{len(prepared)} training pages whose body is below their top: headline = title on "
          f"{fitted:.3f} of them fitted, {crossed / len(prepared):.3f} in {FOLDS}-fold cross-validation", file=sys.stderr)
    args.out.write_text(json.dumps(model.to_json(trained_on="wcxb-dev train part, article pages"), indent=1) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out}: {len(FEATURES)} features", file=sys.stderr)


if __name__ == "__main__":
    main()
