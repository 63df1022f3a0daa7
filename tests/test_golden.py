"""The outputs of split, digest and summarize on every sample, byte for byte, against files
captured before the code was reorganised (tests/golden/). A change that means to alter an
output rewrites them on purpose: ``python -m tests.test_golden --write``, then read the diff."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SAMPLES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "samples").glob("*.txt"))

#: name -> the command's arguments (every sample is appended as an input).
CASES: dict[str, list[str]] = {
    "split.jsonl": ["split", "-f", "jsonl", "--jobs", "1"],
    "split.json": ["split", "-f", "json", "--jobs", "1"],
    "split.txt": ["split", "-f", "text", "--jobs", "1"],
    "split.md": ["split", "-f", "markdown", "--jobs", "1"],
    "split-explain.jsonl": ["split", "-f", "jsonl", "--explain", "--jobs", "1"],
    "digest.jsonl": ["digest", "-f", "jsonl", "--jobs", "1"],
    "digest.txt": ["digest", "-f", "text", "--jobs", "1"],
    "digest.md": ["digest", "-f", "markdown", "--jobs", "1"],
    "summarize.jsonl": ["summarize", "-f", "jsonl"],
    "summarize.txt": ["summarize", "-f", "text"],
    "summarize-lead-3.jsonl": ["summarize", "-f", "jsonl", "-m", "lead", "-n", "3"],
    "summarize-text-rank.jsonl": ["summarize", "-f", "jsonl", "-m", "text-rank"],
}


def run(args: list[str]) -> bytes:
    """The command's stdout on every sample, no colour."""
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-m", "corpuscut", *args, *SAMPLES],
                            capture_output=True, cwd=ROOT, env=env, timeout=300)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    return result.stdout


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_on_every_sample_is_byte_identical_to_the_golden_file(name):
    assert SAMPLES, "no samples"
    expected = (GOLDEN / name).read_bytes()
    assert run(CASES[name]) == expected


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m tests.test_golden --write   (rewrites tests/golden/ from the current code)")
    GOLDEN.mkdir(exist_ok=True)
    for name, args in CASES.items():
        (GOLDEN / name).write_bytes(run(args))
        print(name, (GOLDEN / name).stat().st_size, "bytes")
