"""Segmenter benchmark: BBC-built dumps (held-out part), the user's seed, and Choi's dataset,
with NLTK's TextTiling on the same input in the same run.

    python -m tests.benchmarks.bench_split --data ../shared/data [--dumps-per-shape 30]

Prints, per dump shape and for all together: boundary precision, recall and F1 (exact, at
text-line granularity), Pk and WindowDiff, the rate of articles found exactly, and MB/s of
splitting; then Choi 3-11 (400 samples), 3-5, 6-8 and 9-11 with Pk and WindowDiff.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from corpuscut.segmenter import Segmenter
from corpuscut.segmenter.corpus import SHAPES, load_articles, read_choi, sample_dumps
from corpuscut.segmenter.evaluate import Scores, offsets_to_text_lines, text_line_numbers

from corpuscut.segmenter.datafiles import data_present as need
from corpuscut.segmenter.tune_fallback import choi_scores

from .common import data_arg

SEED_STARTS_LINES = {1, 24, 25, 26, 27}


class TextTiling:
    """NLTK's TextTiling with every text line made a paragraph (it needs blank lines)."""

    def __init__(self, stop_words: frozenset[str]) -> None:
        from nltk.tokenize.texttiling import TextTilingTokenizer

        self.tokenizer = TextTilingTokenizer(stopwords=sorted(stop_words))
        self.failures = 0

    def starts(self, text: str) -> set[int]:
        lines = [line for line in text.splitlines() if line.strip()]
        spaced = "\n\n".join(lines)
        try:
            segments = self.tokenizer.tokenize(spaced)
        except (ValueError, IndexError):
            self.failures += 1
            return set()
        out, pos = set(), 0
        line_starts, p = [], 0
        for line in lines:
            line_starts.append(p)
            p += len(line) + 2
        from bisect import bisect_left

        for segment in segments[:-1]:
            pos += len(segment)
            out.add(bisect_left(line_starts, pos) + 1)
        return out


def score_dump(scores: Scores, text: str, gold_offsets: list[int], predicted_offsets: list[int]) -> None:
    text_starts, _ = text_line_numbers(text)
    scores.add(
        offsets_to_text_lines(gold_offsets, text_starts),
        offsets_to_text_lines(predicted_offsets, text_starts),
        len(text_starts),
    )


def table_row(name: str, s: Scores, extra: str = "") -> str:
    return (
        f"{name:26} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.pk:7.4f} {s.windowdiff:7.4f} "
        f"{s.exact_rate:7.3f} {extra}"
    )


HEADER = f"{'':26} {'P':>6} {'R':>6} {'F1':>6} {'Pk':>7} {'WD':>7} {'exact':>7}"


def bench_bbc(root: Path, segmenter: Segmenter, tiling: TextTiling, per_shape: int, part: str = "heldout",
              seed: int = 99) -> None:
    articles = load_articles(root, part)
    dumps = sample_dumps(articles, SHAPES, dumps_per_shape=per_shape, seed=seed)
    ours: dict[str, Scores] = {shape: Scores() for shape in SHAPES}
    theirs: dict[str, Scores] = {shape: Scores() for shape in SHAPES}
    chars = 0
    seconds = 0.0
    for dump in dumps:
        started = time.perf_counter()
        articles_found = segmenter.split(dump.text)
        seconds += time.perf_counter() - started
        chars += len(dump.text.encode("utf-8"))
        score_dump(ours[dump.shape], dump.text, list(dump.starts), [a.start for a in articles_found])
        tt = tiling.starts(dump.text)
        text_starts, _ = text_line_numbers(dump.text)
        theirs[dump.shape].add(offsets_to_text_lines(list(dump.starts), text_starts), tt, len(text_starts))
    print(f"\nBBC {'held-out' if part == 'heldout' else 'training'} part: {len(articles)} articles, {len(dumps)} dumps ({per_shape} per shape), "
          f"{chars / 1e6:.2f} MB; TextTiling failed (no boundaries) on {tiling.failures} dumps")
    print(f"{HEADER}   | TextTiling: {'F1':>6} {'Pk':>7}")
    total, total_tt = Scores(), Scores()
    for shape in SHAPES:
        total.merge(ours[shape])
        total_tt.merge(theirs[shape])
        print(table_row(shape, ours[shape], f"  | {theirs[shape].f1:16.3f} {theirs[shape].pk:7.4f}"))
    print(table_row("all shapes", total, f"  | {total_tt.f1:16.3f} {total_tt.pk:7.4f}"))
    print(f"splitting speed: {chars / 1e6 / seconds:.2f} MB/s (one core, {seconds:.2f} s)")
    from corpuscut.segmenter.corpus import build_dump
    from corpuscut.segmenter.train import long_dumps

    print(f"\nlong dumps: each shape's {per_shape} dumps glued into one text, split at once")
    print(HEADER)
    long_total = Scores()
    for dump in long_dumps(dumps):
        scores = Scores()
        score_dump(scores, dump.text, list(dump.starts), [a.start for a in segmenter.split(dump.text)])
        long_total.merge(scores)
        print(table_row(f"{dump.shape} ({len(dump.starts)})", scores))
    print(table_row("all long dumps", long_total))

    singles = articles[:200]
    kept = {
        shape: sum(len(segmenter.split(build_dump(shape, [a], i).text)) == 1 for i, a in enumerate(singles))
        for shape in ("lines", "blank-lines", "blank-lines-no-headline", "noisy")
    }
    print(f"single articles kept whole ({len(singles)} {part} articles, one per input): "
          + ", ".join(f"{shape} {n / len(singles):.3f}" for shape, n in kept.items()))


def bench_seed(path: Path, segmenter: Segmenter, tiling: TextTiling) -> None:
    text = path.read_text(encoding="utf-8")
    text_starts, _ = text_line_numbers(text)
    ours, theirs = Scores(), Scores()
    found = offsets_to_text_lines([a.start for a in segmenter.split(text)], text_starts)
    ours.add(SEED_STARTS_LINES, found, len(text_starts))
    theirs.add(SEED_STARTS_LINES, tiling.starts(text), len(text_starts))
    print(f"\nseed dump: articles start at lines {sorted(found)} (gold {sorted(SEED_STARTS_LINES)})")
    print(HEADER)
    print(table_row("corpuscut", ours))
    print(table_row("TextTiling", theirs))


def bench_choi(root: Path, segmenter: Segmenter, tiling: TextTiling, limit: int | None) -> None:
    sets = {
        "3-11": [root / "1" / "3-11", root / "2" / "3-11", root / "3" / "3-11"],
        "3-5": [root / "1" / "3-5", root / "2" / "3-5"],
        "6-8": [root / "1" / "6-8", root / "2" / "6-8"],
        "9-11": [root / "1" / "9-11", root / "2" / "9-11"],
    }
    print("\nChoi's dataset (sentence lines; Pk and WindowDiff over sentences)")
    print(f"{'set':8} {'samples':>7} {'Pk':>7} {'WD':>7} {'F1':>6}   | TextTiling Pk")
    for name, folders in sets.items():
        samples = [s for f in folders if f.is_dir() for s in read_choi(f)]
        if limit:
            samples = samples[:limit]
        ours, theirs = choi_scores(segmenter, samples), Scores()
        for sample in samples:
            theirs.add(set(sample.starts), tiling.starts(sample.text), len(sample.lines))
        print(f"{name:8} {len(samples):7} {ours.pk:7.4f} {ours.windowdiff:7.4f} {ours.f1:6.3f}   | {theirs.pk:7.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    data_arg(parser)
    parser.add_argument("--dumps-per-shape", type=int, default=30)
    parser.add_argument("--choi-limit", type=int, default=None, help="samples per Choi set (default: all)")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: bbc, seed, choi")
    parser.add_argument("--part", choices=("heldout", "train"), default="heldout",
                        help="BBC articles to build dumps from: the held-out part (the figures to report) or the "
                             "training part (for choosing between models without looking at the held-out part)")
    parser.add_argument("--seed", type=int, default=99, help="seed of the BBC dumps")
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    segmenter = Segmenter()
    tiling = TextTiling(segmenter.vocabulary.normalizer.stop_words)
    if "seed" not in skip and need(args.data / "seed" / "kursk-taiwan-dump.txt", "seed dump"):
        bench_seed(args.data / "seed" / "kursk-taiwan-dump.txt", segmenter, tiling)
    if "bbc" not in skip and need(args.data / "bbc-news-summary" / "articles", "BBC dumps"):
        bench_bbc(args.data / "bbc-news-summary", segmenter, tiling, args.dumps_per_shape, args.part, args.seed)
    if "choi" not in skip and need(args.data / "choi", "Choi's dataset"):
        bench_choi(args.data / "choi", segmenter, tiling, args.choi_limit)


if __name__ == "__main__":
    main()
