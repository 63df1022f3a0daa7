"""Shared helpers of the benchmarks: where the data is, and skipping clearly when it is not."""

from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def data_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (../shared/data)")
