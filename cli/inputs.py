"""Which files a run reads: the inputs as named, and the files of folders, less those that are
not text dumps (cli/data/skip.json), or as ``--include`` and ``--exclude`` choose."""

from __future__ import annotations

import fnmatch
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from corpuscut.reading import expand_inputs

SKIP_FILE = Path(__file__).resolve().parent / "data" / "skip.json"


@lru_cache(maxsize=1)
def skipped_names() -> tuple[str, ...]:
    """Globs on file names that are not text dumps."""
    return tuple(json.loads(SKIP_FILE.read_text(encoding="utf-8"))["names"])


@dataclass(frozen=True)
class Selection:
    sources: list[str]
    #: Files found in folders and left out by the default skip list or --exclude.
    skipped: list[str] = field(default_factory=list)


def _matches(path: str, globs: tuple[str, ...] | list[str]) -> bool:
    name = os.path.basename(path)
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(path, g) for g in globs)


def select_inputs(patterns: list[str], include: list[str] | None = None, exclude: list[str] | None = None) -> Selection:
    """The files to read, in order. A file named on the command line (or by a glob) is read
    whatever its name; the files found inside a folder are filtered: with ``include``, only
    those matching one of its globs; without, all but the ones the skip list names; then
    less those matching ``exclude``."""
    if not patterns:
        return Selection(expand_inputs([]))
    sources: list[str] = []
    skipped: list[str] = []
    for pattern in patterns:
        found = expand_inputs([pattern])
        if not os.path.isdir(pattern) or found == [pattern]:
            sources.extend(s for s in found if not (exclude and _matches(s, exclude)))
            continue
        for source in found:
            keep = _matches(source, include) if include else not _matches(source, skipped_names())
            if keep and not (exclude and _matches(source, exclude)):
                sources.append(source)
            else:
                skipped.append(source)
    return Selection(list(dict.fromkeys(sources)), skipped)
