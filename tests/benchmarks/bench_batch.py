"""Batch throughput, memory and parallel speed-up of the ``corpuscut`` command itself.

    python -m tests.benchmarks.bench_batch --data ../shared/data --sizes 1,10,100,1000 --jobs 1,2 --dask

Each size builds one news dump of that many MB from the held-out BBC articles (every dump
shape, concatenated) and runs ``corpuscut split`` and ``corpuscut digest`` on it, output piped
away (JSON Lines), once per ``--jobs`` value (``--repeat N``: the values in turn N times, then
the median of each, as this machine's speed drifts by several percent from run to run); it
prints seconds, MB/s, articles/s, the peak resident memory of the largest process of the
run (the command or one of its workers) and the CPU seconds the machine was busy during the
run (more with two jobs than with one: work the parallel run added, or cores slowed by
sharing). With ``--side-by-side``, each round also runs one job on each half of the dump at
once (row ``1+1``): two processes that share nothing, so their speed-up over one job is what
this machine allows two workers in that round, whatever the code (its start-up paid twice,
its cores slowed by each other or by the host). With ``--small-files N``, a folder of N files
of about 50 KB each (``--small-kb``), cut at line ends from one news dump, is split beside that
same dump as one file, in turn ``--repeat`` times, once per ``--jobs`` value: seconds, MB/s,
and the CPU seconds of the command and its workers with the MB per CPU second (MB/s per core,
whatever else the machine is running). With
``--dask``, a 100 MB batch of 1 MB files is run with ``--jobs 2`` and on a Dask LocalCluster of
two one-thread workers on loopback (in turn, ``--repeat`` times), and both records are checked
to be equal.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpuscut.training import data_present as need

from .common import data_arg

#: Runs the commands (a JSON list of [output file, arguments]) in children at once and reports
#: when the last one ended, the peak RSS of the largest process of their trees (ru_maxrss of
#: waited-for descendants: a command, its fork server and workers), and the CPU seconds the
#: whole machine was busy meanwhile (Linux's /proc/stat, less idle, I/O wait and time stolen by
#: the host; None elsewhere): pool workers are children of a fork server, whose CPU time no
#: rusage of ours counts.
RUNNER = r"""
import json, os, resource, subprocess, sys, time
def busy():
    if not os.path.exists("/proc/stat"):
        return None
    with open("/proc/stat") as stat:
        v = [int(x) for x in stat.readline().split()[1:]]
    return (sum(v) - v[3] - v[4] - (v[7] if len(v) > 7 else 0)) / os.sysconf("SC_CLK_TCK")
runs = json.loads(sys.argv[1])
before = busy()
own_before = resource.getrusage(resource.RUSAGE_CHILDREN)
started = time.perf_counter()
outs = [open(out, "wb") for out, _ in runs]
children = [subprocess.Popen(args, stdout=out) for out, (_, args) in zip(outs, runs)]
codes = [child.wait() for child in children]
seconds = time.perf_counter() - started
after = busy()
own = resource.getrusage(resource.RUSAGE_CHILDREN)
own_cpu = own.ru_utime + own.ru_stime - own_before.ru_utime - own_before.ru_stime
print(json.dumps({"code": max(codes, key=abs), "seconds": seconds, "cpu_s": None if before is None else after - before,
                  "own_cpu_s": own_cpu,
                  "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def build(root: Path, megabytes: float, path: Path) -> int:
    """Write a news dump of about ``megabytes`` MB made of held-out BBC dumps of every shape."""
    from corpuscut.segmenter.corpus import SHAPES, load_articles, sample_dumps

    articles = load_articles(root, "heldout")
    if not articles:
        raise SystemExit(f"no held-out articles under {root}/articles")
    size, seed = 0, 0
    with open(path, "w", encoding="utf-8") as out:
        while size < megabytes * 1e6:
            for dump in sample_dumps(articles, SHAPES, dumps_per_shape=2, seed=seed):
                out.write(dump.text)
                size += len(dump.text.encode("utf-8"))
            seed += 1
    return size


def corpuscut() -> str:
    return str(Path(sys.executable).with_name("corpuscut"))


def timed(args: list[str], out: Path) -> dict:
    return timed_together([(args, out)])


def timed_together(runs: list[tuple[list[str], Path]]) -> dict:
    """Run the commands at once; the report counts the articles of all their outputs."""
    spec = json.dumps([[str(out), args] for args, out in runs])
    result = subprocess.run([sys.executable, "-c", RUNNER, spec], capture_output=True, text=True, check=True)
    report = json.loads(result.stdout)
    if report["code"] != 0:
        raise SystemExit(f"corpuscut exited with {report['code']}: {runs}")
    report["articles"] = 0
    for _, out in runs:
        with open(out, "rb") as handle:
            report["articles"] += sum(1 for _ in handle)
    return report


def halves(path: Path, tmp: Path) -> list[Path]:
    """The dump cut in two at the blank line nearest past its middle (an article's end)."""
    import mmap

    parts = [tmp / f"{path.stem}-first-half.txt", tmp / f"{path.stem}-second-half.txt"]
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        middle = data.find(b"\n\n", len(data) // 2) + 2
        parts[0].write_bytes(data[:middle])
        parts[1].write_bytes(data[middle:])
    return parts


def _cpu(report: dict) -> str:
    return "-" if report.get("cpu_s") is None else f"{report['cpu_s']:.1f}"


def digest_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def bench_sizes(root: Path, sizes: list[float], jobs: list[int], modes: list[str], tmp: Path, repeat: int = 1,
                side_by_side: bool = False) -> None:
    print(f"{'size MB':>8} {'mode':>7} {'jobs':>4} {'seconds':>8} {'MB/s':>6} {'articles/s':>11} {'peak RSS MB':>12} {'speed-up':>9} {'cpu-s':>7}")
    costs: dict[str, list[tuple[int, float]]] = {mode: [] for mode in modes}  # (bytes, median seconds), first job count
    for mb in sizes:
        path = tmp / f"dump-{mb:g}.txt"
        size = build(root, mb, path)
        parts = halves(path, tmp) if side_by_side else []
        for mode in modes:
            outputs = set()
            seconds: dict[int, list[float]] = {j: [] for j in jobs}
            paired: list[float] = []
            for _ in range(repeat):  # job counts in turn, so that the machine's drift falls on each alike
                for j in jobs:
                    out = tmp / f"out-{mode}-{j}.jsonl"
                    r = timed([corpuscut(), mode, "--jobs", str(j), "--quiet", str(path)], out)
                    outputs.add(digest_of(out))
                    seconds[j].append(r["seconds"])
                    _row(size, mode, str(j), r, seconds[jobs[0]][-1])
                    out.unlink()
                if parts:  # what this machine gives two processes that share nothing, this round
                    runs = [([corpuscut(), mode, "--jobs", "1", "--quiet", str(part)], tmp / f"out-{mode}-half{i}.jsonl")
                            for i, part in enumerate(parts)]
                    r = timed_together(runs)
                    paired.append(r["seconds"])
                    _row(size, mode, "1+1", r, seconds[jobs[0]][-1])
                    for _, out in runs:
                        out.unlink()
            if repeat > 1:
                rounds = {str(j): runs for j, runs in seconds.items()} | ({"1+1": paired} if paired else {})
                medians = {j: statistics.median(runs) for j, runs in rounds.items()}
                base = medians[str(jobs[0])]
                print(f"{size / 1e6:8.1f} {mode:>7} median of {repeat}: " + ", ".join(
                    f"{j} jobs {m:.2f} s ({base / m:.2f}x)" for j, m in medians.items()), flush=True)
                # Each round's own ratio: its runs follow each other, so the drift cancels best.
                print(f"{size / 1e6:8.1f} {mode:>7} median speed-up within a round: " + ", ".join(
                    f"{j} jobs {statistics.median(b / r for b, r in zip(seconds[jobs[0]], runs)):.2f}x"
                    for j, runs in rounds.items()), flush=True)
            costs[mode].append((size, statistics.median(seconds[jobs[0]])))
            if len(outputs) != 1:
                print(f"  !! the outputs of {mode} differ between job counts")
        path.unlink()
        for part in parts:
            part.unlink()
    if len(sizes) > 1:
        for mode, points in costs.items():
            print(_linearity(mode, jobs[0], points))


def _linearity(mode: str, jobs: int, points: list[tuple[int, float]]) -> str:
    """Seconds per MB at each size, and for each MB past the size before (the start-up that
    every run pays once falls out of the second)."""
    each = "; ".join(f"{size / 1e6:.1f} MB {seconds / (size / 1e6):.3f}" for size, seconds in points)
    extra = "; ".join(f"{b / 1e6:.1f} MB {(tb - ta) / ((b - a) / 1e6):.3f}" for (a, ta), (b, tb) in zip(points, points[1:]))
    return f"{mode}, {jobs} job(s), seconds per MB: {each}; per MB past the size before: {extra}"


def _row(size: int, mode: str, jobs: str, r: dict, base: float) -> None:
    print(f"{size / 1e6:8.1f} {mode:>7} {jobs:>4} {r['seconds']:8.2f} {size / 1e6 / r['seconds']:6.2f} "
          f"{r['articles'] / r['seconds']:11.0f} {r['peak_mb']:12.0f} {base / r['seconds']:8.2f}x {_cpu(r):>7}", flush=True)


def bench_small_files(root: Path, count: int, kilobytes: int, jobs: list[int], tmp: Path, repeat: int = 1) -> None:
    """A folder of ``count`` small files beside the same text as one file, ``split`` each."""
    whole = tmp / "small-files-as-one.txt"
    build(root, count * kilobytes / 1000, whole)
    data = whole.read_bytes()
    folder = tmp / "small-files"
    folder.mkdir()
    at = 0
    for i in range(count):
        end = len(data) if i == count - 1 else data.find(b"\n", at + kilobytes * 1000) + 1 or len(data)
        (folder / f"{i:05d}.txt").write_bytes(data[at:end])
        at = end
    size = len(data)
    print(f"\n{count} files of about {kilobytes} KB ({size / 1e6:.1f} MB) and the same text as one file, split")
    print(f"{'input':>14} {'jobs':>4} {'seconds':>8} {'MB/s':>6} {'CPU s':>7} {'MB/CPU s':>9} {'peak RSS MB':>12}")
    rates: dict[tuple[str, int], list[float]] = {}
    for _ in range(repeat):
        for j in jobs:
            for name, target in ((f"{count} files", folder), ("one file", whole)):
                r = timed([corpuscut(), "split", "--jobs", str(j), "--quiet", str(target)], tmp / "small-out.jsonl")
                rate = size / 1e6 / r["own_cpu_s"]
                rates.setdefault((name, j), []).append(rate)
                print(f"{name:>14} {j:>4} {r['seconds']:8.2f} {size / 1e6 / r['seconds']:6.2f} {r['own_cpu_s']:7.1f} "
                      f"{rate:9.2f} {r['peak_mb']:12.0f}", flush=True)
    if repeat > 1:
        print("median MB per CPU second: " + ", ".join(
            f"{name} --jobs {j} {statistics.median(v):.2f}" for (name, j), v in rates.items()))
    (tmp / "small-out.jsonl").unlink()


def bench_dask(root: Path, tmp: Path, megabytes: int = 100, repeat: int = 1) -> None:
    try:
        from distributed import LocalCluster
    except ImportError:
        print("dask: skipped (pip install 'corpuscut[dask]')")
        return
    folder = tmp / "batch"
    folder.mkdir()
    for i in range(megabytes):
        build(root, 1, folder / f"{i:04d}.txt")
    size = sum(p.stat().st_size for p in folder.iterdir())
    print(f"\nbatch of {megabytes} files, {size / 1e6:.1f} MB, digest")
    local_runs: list[float] = []
    dask_runs: list[float] = []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
        for _ in range(repeat):  # in turn, as for the sizes: the machine's drift falls on both alike
            local = timed([corpuscut(), "digest", "--jobs", "2", "--quiet", str(folder)], tmp / "local.jsonl")
            local_runs.append(local["seconds"])
            print(f"  --jobs 2               {local['seconds']:8.2f} s {size / 1e6 / local['seconds']:6.2f} MB/s", flush=True)
            on_cluster = timed([corpuscut(), "digest", "--dask", cluster.scheduler_address, "--quiet", str(folder)],
                               tmp / "dask.jsonl")
            dask_runs.append(on_cluster["seconds"])
            same = digest_of(tmp / "local.jsonl") == digest_of(tmp / "dask.jsonl")
            print(f"  --dask (2 workers)     {on_cluster['seconds']:8.2f} s {size / 1e6 / on_cluster['seconds']:6.2f} MB/s "
                  f"({on_cluster['seconds'] / local['seconds'] - 1:+.0%} against --jobs 2; records {'equal' if same else 'DIFFER'})",
                  flush=True)
    if repeat > 1:
        print(f"  median of {repeat}: --jobs 2 {statistics.median(local_runs):.2f} s, --dask {statistics.median(dask_runs):.2f} s "
              f"({statistics.median(dask_runs) / statistics.median(local_runs) - 1:+.0%}); median within a round "
              f"{statistics.median(d / j for d, j in zip(dask_runs, local_runs)) - 1:+.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    data_arg(parser)
    parser.add_argument("--sizes", default="1,10", help="comma-separated sizes in MB (empty: none)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated job counts")
    parser.add_argument("--modes", default="split,digest", help="split, digest or both")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the job counts in turn this many times and also print the median of each")
    parser.add_argument("--dask", action="store_true", help="also compare a Dask LocalCluster with --jobs 2")
    parser.add_argument("--small-files", type=int, default=0, metavar="N",
                        help="also split a folder of N small files beside the same text as one file")
    parser.add_argument("--small-kb", type=int, default=50, help="the size of each small file in KB")
    parser.add_argument("--side-by-side", action="store_true",
                        help="each round, also run one job on each half of the dump at once (row 1+1): the speed-up "
                             "this machine gives two processes that share nothing, the ceiling for --jobs 2")
    args = parser.parse_args()
    root = args.data / "bbc-news-summary"
    if not need(root / "articles", "batch benchmark"):
        return
    with tempfile.TemporaryDirectory() as tmp:
        if args.sizes:
            bench_sizes(root, [float(s) for s in args.sizes.split(",")], [int(j) for j in args.jobs.split(",")],
                        args.modes.split(","), Path(tmp), args.repeat, args.side_by_side)
        if args.small_files:
            bench_small_files(root, args.small_files, args.small_kb, [int(j) for j in args.jobs.split(",")], Path(tmp),
                              args.repeat)
        if args.dask:
            bench_dask(root, Path(tmp), repeat=args.repeat)


if __name__ == "__main__":
    main()
