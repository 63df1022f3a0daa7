"""Coverage-guided fuzzing (atheris, libFuzzer) of the whole pipeline, with the same checks
as ``tests.benchmarks.fuzz``.

    pip install -e '.[fuzz]'
    python -m tests.benchmarks.fuzz_atheris -max_total_time=300 -seed_inputs=samples/kursk-taiwan-dump.txt

libFuzzer prints the executions ("Done N runs") at the end; a crash is saved as crash-*.
"""

from __future__ import annotations

import random
import sys

import atheris

with atheris.instrument_imports():
    from corpuscut.segmenter import Segmenter
    from corpuscut.summarizer import Summarizer

from .fuzz import check

SEGMENTER = Segmenter()
SUMMARIZER = Summarizer()


def one_input(data: bytes) -> None:
    # Piece and read sizes follow from the input, so that a crash replays exactly.
    check(data, SEGMENTER, SUMMARIZER, random.Random(data))


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
