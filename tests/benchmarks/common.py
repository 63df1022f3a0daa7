"""Shared helpers of the benchmarks: where the data is, and skipping clearly when it is not."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def data_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (../shared/data)")


def need(path: Path, what: str) -> bool:
    """True when ``path`` exists; otherwise say what is skipped and why."""
    if path.exists():
        return True
    print(f"SKIPPED {what}: {path} not found (benchmarks read ../shared/data beside the repo)", file=sys.stderr)
    return False
