"""Summarizer benchmark: ROUGE against summaries people wrote, page furniture, length, speed.

    python -m tests.benchmarks.bench_summarize --data ../shared/data [--limit N]

Corpora (each skipped with a message where absent):

- CNN/DailyMail validation part (all 4,368 articles; never fitted or tuned on): highlights
  written by the papers' editors, lower-cased and tokenised;
- Inshorts' fixed held-out part (a fifth, by a hash of the url): 60-word summaries by its
  editors; each text is the headline, a blank line and the article;
- BBC News Summary's held-out part: extracts holding ~40% of each article's sentences
  (agreement with those extracts, at the reference's sentence count).

On the first two, each method at its default length: ours (``newsrank``) at its word budget,
Lead-3 (``lead``, the first three sentences as split) and sumy's methods at three sentences.
ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (Google's rouge-score, stemming on, one sentence a line);
furniture: summaries holding a video prompt, a "click here"-style prompt, a byline or time
stamp, a caption (a short label and a colon, a caption's marks such as "( left )", or a run of
six words twice in one sentence: a caption glued to the sentence it repeats),
each found by this file's own patterns (not the summarizer's rules); the share of summary
sentences over 60 words; the mean summary length in words. Speed: articles per second of the
whole process (a fresh interpreter: imports, model loading, then summarizing ``--speed``
CNN/DailyMail validation articles read from memory), ours against sumy's LexRank.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path

from corpuscut.training import data_present as need
from corpuscut.summarizer import DEFAULT_METHOD, Length, Summarizer
from corpuscut.summarizer.references import Case, load_cases, load_cnndm, load_inshorts

from .common import data_arg

FURNITURE = {
    "video": re.compile(r"scroll down|\bvideo\s*:|\bwatch (the )?video\b", re.I),
    "click": re.compile(r"click here|e-?mail to a friend|\bfollow @|\b(also read|read more)\b", re.I),
    "byline": re.compile(
        r"^\W*by\s*\.(\s|$)|daily mail reporter|\b(published|updated)\s*:|\bfor mailonline\s*\.|contributed to this report",
        re.I,
    ),
    "caption": re.compile(
        r"^\W*(?!(\S+\s+){0,2}(said|says|told|added|tweeted|wrote|explained|asked|replied)\s*:)(\S+\s+){0,2}\S+\s*:\s"
        r"|\(\s*pictured\s*\)\s*\W*$|\bpictured\s+(left|right|above|below)\b|\(\s*(left|right|above|below|centre|center)\s*\)"
        r"|\b(?P<run>\w+\s+\w+\s+\w+\s+\w+\s+\w+\s+\w+)\b.*\b(?P=run)\b",
        re.I,
    ),
}


@dataclass
class Figures:
    rouge1: float = 0.0
    rouge2: float = 0.0
    rougeLsum: float = 0.0
    words: float = 0.0
    over_60: float = 0.0
    furniture: dict[str, int] = field(default_factory=lambda: {k: 0 for k in FURNITURE})


def evaluate(method: str, cases: list[Case], length: Length | None) -> Figures:
    """Mean ROUGE F1 (in %), length and furniture of ``method`` over ``cases`` at ``length``
    (None: the reference's sentence count)."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    summarizer = Summarizer(method)
    out = Figures()
    sentences = long = 0
    for case in cases:
        summary = summarizer.summarize(case.article, length or Length(sentences=len(case.reference)))
        texts = [" ".join(s.text.split()) for s in summary.sentences]
        scores = scorer.score("\n".join(case.reference), "\n".join(texts))
        out.rouge1 += scores["rouge1"].fmeasure
        out.rouge2 += scores["rouge2"].fmeasure
        out.rougeLsum += scores["rougeLsum"].fmeasure
        out.words += sum(len(t.split()) for t in texts)
        sentences += len(texts)
        long += sum(len(t.split()) > 60 for t in texts)
        for kind, pattern in FURNITURE.items():
            out.furniture[kind] += any(pattern.search(t) for t in texts)
    n = max(1, len(cases))
    out.rouge1, out.rouge2, out.rougeLsum = (100 * v / n for v in (out.rouge1, out.rouge2, out.rougeLsum))
    out.words /= n
    out.over_60 = 100 * long / max(1, sentences)
    return out


def report(title: str, cases: list[Case], methods: list[str], length_of) -> None:  # type: ignore[no-untyped-def]
    print(f"\n{title}: {len(cases)} articles")
    print(f"{'method':10} {'length':>8} {'ROUGE-1':>8} {'ROUGE-2':>8} {'R-Lsum':>8} {'words':>6} {'>60w %':>7}  "
          + " ".join(f"{k:>7}" for k in FURNITURE))
    figures = {}
    for method in methods:
        length, label = length_of(method)
        f = figures[method] = evaluate(method, cases, length)
        print(f"{method:10} {label:>8} {f.rouge1:8.2f} {f.rouge2:8.2f} {f.rougeLsum:8.2f} {f.words:6.1f} {f.over_60:7.1f}  "
              + " ".join(f"{f.furniture[k]:7d}" for k in FURNITURE))
    if DEFAULT_METHOD in figures and "lead" in figures:
        ours, lead = figures[DEFAULT_METHOD], figures["lead"]
        print(f"{DEFAULT_METHOD} - lead: ROUGE-1 {ours.rouge1 - lead.rouge1:+.2f}, ROUGE-2 {ours.rouge2 - lead.rouge2:+.2f}, "
              f"ROUGE-Lsum {ours.rougeLsum - lead.rougeLsum:+.2f}; words {ours.words / max(lead.words, 1e-9):.2f}x lead's")


def default_length(method: str) -> tuple[Length, str]:
    if method == DEFAULT_METHOD:
        return Length(), "default"
    return Length(sentences=3), "3 sent."


def speed(data: Path, method: str, articles: int) -> tuple[float, float]:
    """Articles per second of a fresh process summarizing ``articles`` CNN/DailyMail articles,
    and per CPU second of that process (what a shared machine's load changes least)."""
    code = (
        "import sys, time; t0 = time.perf_counter(); from pathlib import Path; "
        "from corpuscut.summarizer.references import load_cnndm; "
        f"cases = load_cnndm(Path(sys.argv[1]), 'val', {articles}); t1 = time.perf_counter(); c1 = time.process_time(); "
        "from corpuscut.summarizer import Summarizer, Length; s = Summarizer(sys.argv[2]); "
        f"length = Length() if sys.argv[2] == {DEFAULT_METHOD!r} else Length(sentences=3); "
        "[s.summarize(c.article, length) for c in cases]; "
        "print(time.perf_counter() - t0 - (t1 - t0), time.process_time() - c1)"
    )
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, str(data / "cnndm"), method], capture_output=True, text=True, check=True)
    inner, cpu = (float(v) for v in out.stdout.split())
    reading = (time.perf_counter() - started) - inner  # the reading of the data, left out
    seconds = time.perf_counter() - started - reading
    return articles / seconds, articles / cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    data_arg(parser)
    parser.add_argument("--limit", type=int, default=None, help="at most N articles of each corpus (a quick run)")
    parser.add_argument("--methods", default=f"{DEFAULT_METHOD},lead,lex-rank,text-rank")
    parser.add_argument("--speed", type=int, default=500, help="articles timed for the speed figure (0: none)")
    args = parser.parse_args()
    methods = args.methods.split(",")
    if need(args.data / "cnndm" / "val.jsonl.gz", "CNN/DailyMail benchmark"):
        report("CNN/DailyMail validation part (highlights by editors)", load_cnndm(args.data / "cnndm", "val", args.limit),
               methods, default_length)
    if need(args.data / "inshorts" / "news_summary.jsonl.gz", "Inshorts benchmark"):
        report("Inshorts held-out part (sha1(url) % 5 == 0; summaries by editors)",
               load_inshorts(args.data / "inshorts", "heldout", args.limit), methods, default_length)
    bbc = args.data / "bbc-news-summary"
    if need(bbc / "summaries", "BBC benchmark"):
        cases = load_cases(bbc, "heldout", args.limit)
        report("BBC News Summary held-out part (extracts; length = the reference's sentences)", cases, methods,
               lambda method: (None, "ref."))
        summarizer = Summarizer(DEFAULT_METHOD)
        summarizer.summarize(cases[0].article)
        tracemalloc.start()
        for case in cases:
            summarizer.summarize(case.article)
        kept, peak = (m / 1e6 for m in tracemalloc.get_traced_memory())
        tracemalloc.stop()
        print(f"{DEFAULT_METHOD} traced memory over {len(cases)} BBC articles: peak {peak:.2f} MB, "
              f"still held after the last {kept:.2f} MB")
    if args.speed and (args.data / "cnndm" / "val.jsonl.gz").exists():
        (ours, ours_cpu), (lexrank, lexrank_cpu) = (speed(args.data, m, args.speed) for m in (DEFAULT_METHOD, "lex-rank"))
        print(f"\nspeed, whole process, {args.speed} CNN/DailyMail articles: {DEFAULT_METHOD} {ours:.1f} articles/s, "
              f"lex-rank {lexrank:.1f} articles/s: {ours / lexrank:.1f}x")
        print(f"per CPU second: {DEFAULT_METHOD} {ours_cpu:.1f} articles, lex-rank {lexrank_cpu:.1f} articles: "
              f"{ours_cpu / lexrank_cpu:.1f}x")


if __name__ == "__main__":
    main()
