"""Summarizer benchmark: ROUGE on the held-out BBC articles, every method, one run.

    python -m tests.benchmarks.bench_summarize --data ../shared/data [--part heldout] [--limit N]

Summary length = the reference's number of sentences. ROUGE-1, ROUGE-2 and ROUGE-Lsum F1
(Google's rouge-score, stemming on); articles per second for each method over the same
articles (the whole summarize() call, sentence splitting included, timed without tracing).
Speed is timed apart from scoring, in ``--rounds`` rounds; in each round every method in turn
gets a fresh Summarizer (cold caches), an untimed warm-up on 20 articles and one timed pass, and
its best round counts: this machine's speed drifts by tens of percent within minutes, and
rounds that alternate the methods expose them all to the same drift. Then the traced memory
of the default method over the first 10 articles and over all of them, with its stem caches
cold and warm: the peak (the largest article's matrices) and what is still held after the last
article (with warm caches, nothing grows with the number of articles).
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

from corpuscut.summarizer import DEFAULT_METHOD, METHODS, Length, Summarizer

from corpuscut.summarizer.references import load_cases
from corpuscut.segmenter.datafiles import data_present as need

from .common import data_arg


def evaluate(method: str, cases) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Mean ROUGE F1 (in %) of ``method`` over ``cases``."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    summarizer = Summarizer(method)
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    for case in cases:
        summary = summarizer.summarize(case.article, Length(sentences=len(case.reference)))
        got = "\n".join(" ".join(s.text.split()) for s in summary.sentences)
        scores = scorer.score("\n".join(case.reference), got)
        for key in totals:
            totals[key] += scores[key].fmeasure
    n = max(1, len(cases))
    return {k: 100 * v / n for k, v in totals.items()}


def timed_pass(method: str, cases) -> float:  # type: ignore[no-untyped-def]
    """Seconds for one pass of a fresh Summarizer over ``cases``, after a warm-up on 20."""
    summarizer = Summarizer(method)
    for case in cases[:20]:  # untimed, the same for every method: lazy imports, first calls
        summarizer.summarize(case.article, Length(sentences=len(case.reference)))
    seconds = 0.0
    for case in cases:
        started = time.perf_counter()
        summarizer.summarize(case.article, Length(sentences=len(case.reference)))
        seconds += time.perf_counter() - started
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    data_arg(parser)
    parser.add_argument("--part", choices=("heldout", "train"), default="heldout")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; each method's best counts")
    args = parser.parse_args()
    root = args.data / "bbc-news-summary"
    if not need(root / "summaries", "summarizer benchmark"):
        return
    cases = load_cases(root, args.part, args.limit)
    methods = args.methods.split(",")
    rouge = {method: evaluate(method, cases) for method in methods}
    best = {method: float("inf") for method in methods}
    for _ in range(max(1, args.rounds)):
        for method in methods:
            best[method] = min(best[method], timed_pass(method, cases))
    speed = {method: len(cases) / best[method] if best[method] else 0.0 for method in methods}
    print(f"BBC News Summary, {args.part} part: {len(cases)} articles; summary length = reference sentences")
    print(f"articles/s: best of {max(1, args.rounds)} rounds, methods alternating, fresh summarizer each")
    print(f"{'method':12} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-Lsum':>10} {'articles/s':>11}")
    for method in methods:
        r = rouge[method]
        print(f"{method:12} {r['rouge1']:8.2f} {r['rouge2']:8.2f} {r['rougeLsum']:10.2f} {speed[method]:11.1f}")
    if DEFAULT_METHOD in speed and "lex-rank" in speed:
        print(f"{DEFAULT_METHOD} is {speed[DEFAULT_METHOD] / speed['lex-rank']:.1f}x as fast as lex-rank")
    summarizer = Summarizer(DEFAULT_METHOD)
    for caches in ("cold", "warm"):  # warm: after a pass over every article (stem caches filled)
        for n in (10, len(cases)):
            summarizer.summarize(cases[0].article)
            tracemalloc.start()
            for case in cases[:n]:
                summarizer.summarize(case.article, Length(sentences=len(case.reference)))
            kept, peak = (m / 1e6 for m in tracemalloc.get_traced_memory())
            tracemalloc.stop()
            print(f"{DEFAULT_METHOD} traced memory over {n} articles, caches {caches}: "
                  f"peak {peak:.2f} MB, still held after the last {kept:.2f} MB")

if __name__ == "__main__":
    main()
