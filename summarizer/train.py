"""Fit newsrank's weights on the training part of the BBC data.

    python -m corpuscut.summarizer.train --data ../shared/data --out summarizer/data/newsrank.json

Labels: whether a sentence is in the article's reference summary. The features are those of
``summarizer.newsrank``; the fit is an L2-regularised logistic regression (numpy, Newton's
method). The MMR redundancy penalty is then chosen by ROUGE-2 on a slice of the training part.
Only training articles (file numbers not divisible by 5) are read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from corpuscut.segmenter.datafiles import data_present
from corpuscut.segmenter.train import fit_logistic

from .length import Length
from .newsrank import FEATURES, NewsRankModel, sentence_features
from .references import load_cases
from .summarizing import Summarizer, is_heading
from .sentences import split_sentences


def training_rows(cases, normalizer) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
    xs, ys = [], []
    for case in cases:
        sentences = split_sentences(case.article)
        body = [s for s in sentences if not is_heading(case.article, s)] or sentences
        title = sentences[0].text if sentences and body and sentences[0] is not body[0] else None
        texts = [" ".join(s.text.split()) for s in body]
        reference = set(case.reference)
        xs.append(sentence_features(texts, normalizer, title))
        ys.extend(1.0 if t in reference else 0.0 for t in texts)
    return np.vstack(xs), np.array(ys)


def rouge2(model: NewsRankModel, cases) -> float:  # type: ignore[no-untyped-def]
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    summarizer = Summarizer(model=model)
    total = 0.0
    for case in cases:
        summary = summarizer.summarize(case.article, Length(sentences=len(case.reference)))
        total += scorer.score("\n".join(case.reference), "\n".join(s.text for s in summary.sentences))["rouge2"].fmeasure
    return 100 * total / max(1, len(cases))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fit newsrank on the BBC training part.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("summarizer/data/newsrank.json"))
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args(argv)
    root = args.data / "bbc-news-summary"
    if not data_present(root / "summaries", "fitting newsrank"):
        return 1
    cases = load_cases(root, "train")
    normalizer = Summarizer().normalizer
    x, y = training_rows(cases, normalizer)
    weights, bias = fit_logistic(x, y, args.l2)
    tune = cases[::8]
    best = max(
        (NewsRankModel(tuple(weights), bias, r) for r in (0.0, 0.5, 1.0, 2.0)),
        key=lambda m: rouge2(m, tune),
    )
    args.out.write_text(
        best.to_json(
            trained_on=f"BBC training part: {len(cases)} articles, {len(y)} sentences, {int(y.sum())} in summaries",
            command="python -m corpuscut.summarizer.train --data ../shared/data --out summarizer/data/newsrank.json",
        ),
        encoding="utf-8",
    )
    for name, w in sorted(zip(FEATURES, weights), key=lambda t: -abs(t[1])):
        print(f"{w:+8.3f}  {name}")
    print(f"{bias:+8.3f}  bias; redundancy {best.redundancy}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
