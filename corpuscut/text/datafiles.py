"""Reading the JSON data files that hold cues, word lists and model weights: shipped, or a user's own."""

from __future__ import annotations

import dataclasses
import json
import typing
from importlib import resources
from pathlib import Path
from typing import Any, Mapping, TypeVar

T = TypeVar("T")


def read_json(package: str, resource: str, path: Path | str | None = None) -> Any:
    """The JSON of ``path``, or of ``resource`` inside ``package`` when no path is given.
    Raises OSError, UnicodeDecodeError or json.JSONDecodeError for the caller to word."""
    if path is None:
        raw = resources.files(package).joinpath(resource).read_text(encoding="utf-8")
    else:
        raw = Path(path).read_text(encoding="utf-8")
    return json.loads(raw)


def numbers_of(cls: type[T], data: Mapping[str, Any]) -> T:
    """The settings dataclass ``cls``, whose fields are all int or float, from a data file's
    object: each field read by its name (KeyError where one is missing) as its declared type."""
    hints = typing.get_type_hints(cls)
    return cls(**{f.name: hints[f.name](data[f.name]) for f in dataclasses.fields(cls)})  # type: ignore[call-arg]
