"""Reading the JSON data files that hold cues, word lists and model weights: shipped, or a user's own."""

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
