"""Summarizer benchmark: ROUGE on the held-out BBC articles, every method, one run.

    python -m tests.benchmarks.bench_summarize --data ../shared/data [--part heldout] [--limit N]

Summary length = the reference's number of sentences. ROUGE-1, ROUGE-2 and ROUGE-Lsum F1
(Google's rouge-score, stemming on); articles per second for each method over the same
articles (the whole summarize() call, sentence splitting included, timed without tracing, after an
untimed warm-up on 20 articles for every method); and the
peak traced memory of the default method over the first 10 articles and over all of them
(flat: memory does not grow with the number of articles).
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

from summarizer import DEFAULT_METHOD, METHODS, Length, Summarizer

from summarizer.references import load_cases
from segmenter.datafiles import data_present as need

from .common import data_arg


def evaluate(method: str, cases) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    summarizer = Summarizer(method)
    for case in cases[:20]:  # warm-up, untimed, the same for every method: caches and lazy imports
        summarizer.summarize(case.article, Length(sentences=len(case.reference)))
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    seconds = 0.0
    for case in cases:
        started = time.perf_counter()
        summary = summarizer.summarize(case.article, Length(sentences=len(case.reference)))
        seconds += time.perf_counter() - started
        got = "\n".join(" ".join(s.text.split()) for s in summary.sentences)
        scores = scorer.score("\n".join(case.reference), got)
        for key in totals:
            totals[key] += scores[key].fmeasure
    n = max(1, len(cases))
    return {**{k: 100 * v / n for k, v in totals.items()}, "per_second": len(cases) / seconds if seconds else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    data_arg(parser)
    parser.add_argument("--part", choices=("heldout", "train"), default="heldout")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--methods", default=",".join(METHODS))
    args = parser.parse_args()
    root = args.data / "bbc-news-summary"
    if not need(root / "summaries", "summarizer benchmark"):
        return
    cases = load_cases(root, args.part, args.limit)
    print(f"BBC News Summary, {args.part} part: {len(cases)} articles; summary length = reference sentences")
    print(f"{'method':12} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-Lsum':>10} {'articles/s':>11}")
    speed = {}
    for method in args.methods.split(","):
        r = evaluate(method, cases)
        speed[method] = r["per_second"]
        print(f"{method:12} {r['rouge1']:8.2f} {r['rouge2']:8.2f} {r['rougeLsum']:10.2f} {r['per_second']:11.1f}")
    if DEFAULT_METHOD in speed and "lex-rank" in speed:
        print(f"{DEFAULT_METHOD} is {speed[DEFAULT_METHOD] / speed['lex-rank']:.1f}x as fast as lex-rank")
    summarizer = Summarizer(DEFAULT_METHOD)
    for n in (10, len(cases)):
        summarizer.summarize(cases[0].article)
        tracemalloc.start()
        for case in cases[:n]:
            summarizer.summarize(case.article, Length(sentences=len(case.reference)))
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(f"{DEFAULT_METHOD} peak traced memory over {n} articles: {peak:.2f} MB")


if __name__ == "__main__":
    main()
