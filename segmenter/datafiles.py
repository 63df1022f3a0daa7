"""Reading the JSON data files that hold cues and model weights: shipped, or a user's own."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any


def read_json(package: str, resource: str, path: Path | str | None = None) -> Any:
    """The JSON of ``path``, or of ``resource`` inside ``package`` when no path is given.
    Raises OSError, UnicodeDecodeError or json.JSONDecodeError for the caller to word."""
    if path is None:
        raw = resources.files(package).joinpath(resource).read_text(encoding="utf-8")
    else:
        raw = Path(path).read_text(encoding="utf-8")
    return json.loads(raw)


def data_present(path: Path, what: str) -> bool:
    """True when ``path`` exists; otherwise say on stderr that ``what`` is skipped, and why.
    Training and benchmarks read the shared data folder, which a checkout may not have."""
    if path.exists():
        return True
    import sys

    print(f"SKIPPED {what}: {path} not found (the shared data is read from ../shared/data beside the repo)",
          file=sys.stderr)
    return False
