"""Hostile inputs at full size: time, peak memory and exit status of the command on each.

    python -m tests.benchmarks.bench_hostile [--bomb-gb 5] [--only NAME,...]

Every input is made on the spot in a temporary folder (nothing large is kept) and run with
``--jobs 1`` under ``/usr/bin/time -v`` (peak RSS of the command); the output goes to
/dev/null. The tests in tests/test_hostile.py check the same behaviour on small inputs with
small caps; this measures it where the caps and the time matter.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "samples" / "kursk-taiwan-dump.txt"
LINE = b"The same line of text comes again and again in this dump.\n"


def _huge_line(folder: Path, gb: float) -> list[str]:
    path = folder / "huge_line.txt"
    path.write_bytes(b"The committee met again and the talks went on into the night without any newline at all " * 2_300_000)
    return ["digest", "-f", "jsonl", str(path)]


def _zstd_bomb(folder: Path, gb: float) -> list[str]:
    import zstandard

    path = folder / "spaces.zst"
    block = b" " * (1 << 24)
    with open(path, "wb") as out, zstandard.ZstdCompressor(level=19).stream_writer(out) as writer:
        left = int(gb * 1e9)
        while left > 0:
            writer.write(block[: min(left, len(block))])
            left -= len(block)
    return ["split", "-f", "jsonl", str(path)]


def _same_lines(folder: Path, gb: float) -> list[str]:
    path = folder / "same.txt.gz"
    block = LINE * ((16 << 20) // len(LINE))
    with gzip.open(path, "wb", compresslevel=1) as out:
        for _ in range(max(1, int(0.2e9) // len(block))):
            out.write(block)
    return ["split", "-f", "jsonl", str(path)]


def _million_lines(folder: Path, gb: float) -> list[str]:
    path = folder / "million.txt"
    path.write_bytes(b"x\n" * 1_000_000)
    return ["split", "-f", "jsonl", str(path)]


def _jobs_64(folder: Path, gb: float) -> list[str]:
    return ["split", "-f", "jsonl", "-j", "64", str(SEED), str(ROOT / "samples" / "bbc-noisy.txt")]


def _warc_attributes(folder: Path, gb: float) -> list[str]:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    attributes = " ".join(f'a{i}="x"' for i in range(500_000))
    html = f"<html><body><div {attributes}><p>{SEED.read_text(encoding='utf-8')[:3000]}</p></div></body></html>"
    path = folder / "attributes.warc.gz"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/a", "response",
                                                      payload=BytesIO(html.encode()), http_headers=http))
    return ["split", "-f", "jsonl", str(path)]


#: name -> (what the input is, how to make it and the command's arguments)
CASES: dict[str, tuple[str, Callable[[Path, float], list[str]]]] = {
    "huge-line": ("a 202 MB line with no newline, digest", _huge_line),
    "zstd-bomb": ("GB of spaces in a zstd of a few hundred KB, split", _zstd_bomb),
    "same-lines": ("200 MB of one line repeated (gzip), split", _same_lines),
    "million-lines": ("a million one-character lines, split", _million_lines),
    "jobs-64": ("-j 64 on two small files, split", _jobs_64),
    "warc-attributes": ("a WARC page whose one tag has 500,000 attributes, split", _warc_attributes),
}


def measure(args: list[str]) -> tuple[int, float, float, str]:
    """Exit status, seconds, peak RSS in MB and the first line of stderr of the command."""
    command = ["/usr/bin/time", "-v", sys.executable, "-m", "corpuscut", *args[:1], "--jobs", "1", *args[1:]]
    if "-j" in args:
        command = ["/usr/bin/time", "-v", sys.executable, "-m", "corpuscut", *args]
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    field = dict(re.findall(r"^\s+([^:]+(?:\([^)]*\))?[^:]*): (.*)$", done.stderr, re.M))
    wall = field.get("Elapsed (wall clock) time (h:mm:ss or m:ss)", "0:0")
    seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(wall.split(":"))))
    rss = int(field.get("Maximum resident set size (kbytes)", "0")) / 1024
    said = next((line for line in done.stderr.splitlines() if line.startswith("corpuscut:")), "")
    return int(field.get("Exit status", done.returncode)), seconds, rss, said


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bomb-gb", type=float, default=5.0, help="gigabytes of spaces in the zstd bomb")
    parser.add_argument("--only", default="", help="comma-separated case names (default: all)")
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or list(CASES)
    print("| input | exit | time | peak RSS | stderr |")
    print("| --- | --- | --- | --- | --- |")
    for name in names:
        what, make = CASES[name]
        with tempfile.TemporaryDirectory(prefix="corpuscut-hostile-") as folder:
            try:
                command = make(Path(folder), args.bomb_gb)
            except ImportError as exc:
                print(f"SKIPPED {name}: {exc}", file=sys.stderr)
                continue
            status, seconds, rss, said = measure(command)
        label = what if name != "zstd-bomb" else f"{args.bomb_gb:g} {what}"
        print(f"| {label} | {status} | {seconds:.1f} s | {rss:.0f} MB | {said} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
