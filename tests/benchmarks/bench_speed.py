"""Speed and memory of splitting and digesting at growing sizes (one core, one process per size).

    python -m tests.benchmarks.bench_speed --data ../shared/data --sizes 1,10,100

Each size builds a news dump of that many MB from the held-out BBC articles (every dump shape,
concatenated), then runs ``split`` (and ``digest`` with --digest) in a fresh process, and
prints MB/s, articles/s and the peak resident memory of that process.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from segmenter.datafiles import data_present as need

from .common import data_arg

CHILD = r"""
import json, resource, sys, time
from segmenter import Segmenter
from summarizer import Summarizer, digest
text = open(sys.argv[1], encoding="utf-8").read()
started = time.perf_counter()
if sys.argv[2] == "digest":
    n = len(digest(text, Segmenter(), Summarizer()))
else:
    n = len(Segmenter().split(text))
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "articles": n, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def build(root: Path, megabytes: float, path: Path) -> int:
    from segmenter.corpus import SHAPES, load_articles, sample_dumps

    articles = load_articles(root, "heldout")
    pieces, size, seed = [], 0, 0
    while size < megabytes * 1e6:
        for dump in sample_dumps(articles, SHAPES, dumps_per_shape=2, seed=seed):
            pieces.append(dump.text)
            size += len(dump.text.encode("utf-8"))
        seed += 1
    path.write_text("".join(pieces), encoding="utf-8")
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    data_arg(parser)
    parser.add_argument("--sizes", default="1,10", help="comma-separated sizes in MB")
    parser.add_argument("--digest", action="store_true", help="also time digest")
    args = parser.parse_args()
    root = args.data / "bbc-news-summary"
    if not need(root / "articles", "speed benchmark"):
        return
    modes = ["split", "digest"] if args.digest else ["split"]
    print(f"{'size MB':>8} {'mode':>7} {'seconds':>8} {'MB/s':>6} {'articles/s':>11} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in (float(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"dump-{mb}.txt"
            size = build(root, mb, path)
            for mode in modes:
                out = subprocess.run([sys.executable, "-c", CHILD, str(path), mode], capture_output=True, text=True, check=True)
                r = json.loads(out.stdout)
                print(f"{size / 1e6:8.1f} {mode:>7} {r['seconds']:8.2f} {size / 1e6 / r['seconds']:6.2f} "
                      f"{r['articles'] / r['seconds']:11.0f} {r['peak_mb']:12.0f}")


if __name__ == "__main__":
    main()
