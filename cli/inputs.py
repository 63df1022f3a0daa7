"""Which files a run reads: the inputs as named, and the files of folders, less those that are
not text dumps (cli/data/skip.json), or as ``--include`` and ``--exclude`` choose."""

from __future__ import annotations

import fnmatch
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from corpuscut.reading import expand_inputs

SKIP_FILE = Path(__file__).resolve().parent / "data" / "skip.json"


@lru_cache(maxsize=1)
def _skip_list() -> dict:
    return json.loads(SKIP_FILE.read_text(encoding="utf-8"))


def skipped_names() -> tuple[str, ...]:
    """Globs on file names that are not text dumps."""
    return tuple(_skip_list()["names"])


#: How much of a file is read to tell whether it holds corpuscut's own records: the fields
#: before ``text`` (which every record puts last) fit in far less.
OWN_HEAD_BYTES = 16 * 1024
_RECORD_START = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\[?\s*\{\s*"source"\s*:')
_KEY = re.compile(rb'"([A-Za-z_]+)"\s*:')
#: The head of a ``-f markdown`` report: a heading naming the input, then its size, encoding
#: and count of articles (cli.render.MarkdownWriter).
_MARKDOWN_REPORT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?# [^\n]+\n\n[\d.]+ (?:B|kB|MB|GB), [^\n]+, [\d,]+ (?:article|document)s?\n")


def is_own_output(path: str) -> bool:
    """True when the file holds corpuscut's own records (an ``--out-dir`` index, or ``split``,
    ``summarize`` or ``digest`` output as JSON Lines, JSON, CSV or TSV): its first record
    starts with ``source`` and has every field of skip.json's ``own_fields``; or a markdown
    report, by its heading."""
    if not os.path.isfile(path):
        return False  # a FIFO or a device is never opened here: reading it says what it is
    try:
        with open(path, "rb") as handle:
            head = handle.read(OWN_HEAD_BYTES)
    except OSError:
        return False  # reading it reports why
    if _MARKDOWN_REPORT.match(head):
        return True
    fields = set(_skip_list()["own_fields"])
    if _RECORD_START.match(head):
        return fields <= {key.decode() for key in _KEY.findall(head)}
    header = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].rstrip(b"\r")
    for delimiter in (b",", b"\t"):
        names = header.split(delimiter)
        if names[0] == b"source" and fields <= {name.decode("latin-1") for name in names}:
            return True
    return False


def out_dir_files(found: list[str]) -> set[str]:
    """The article files that the ``--out-dir`` indexes among ``found`` list, as paths like
    ``found``'s: what an earlier run wrote into the folder read now is not a dump of its own.
    Only files inside an index's folder count (an index is the user's file once written)."""
    from .render import listed_files

    listed: set[str] = set()
    for path in found:
        if os.path.basename(path) != "index.jsonl" or not is_own_output(path):
            continue
        folder = os.path.normpath(os.path.dirname(path))
        try:
            with open(path, encoding="utf-8", errors="replace") as index:
                names = listed_files(index)
        except OSError:
            continue
        for name in names:
            file = os.path.normpath(os.path.join(folder, name))
            if not os.path.isabs(name) and file.startswith(folder + os.sep):
                listed.add(file)
    return listed


@dataclass(frozen=True)
class Selection:
    sources: list[str]
    #: Files found in folders and left out by the default skip list or --exclude.
    skipped: list[str] = field(default_factory=list)
    #: Files found in folders that corpuscut wrote (its records, reports and --out-dir files).
    own: list[str] = field(default_factory=list)


def _matches(path: str, globs: tuple[str, ...] | list[str]) -> bool:
    """Whether the file's name or its path matches one of the globs (as ``fnmatch`` matches)."""
    match = _globs_matcher(tuple(globs))
    return match(os.path.normcase(os.path.basename(path))) is not None or match(os.path.normcase(path)) is not None


@lru_cache(maxsize=16)
def _globs_matcher(globs: tuple[str, ...]) -> Callable[[str], re.Match[str] | None]:
    """One regular expression for all the globs: a folder of thousands of files is filtered by
    one match per name, not by a call of ``fnmatch`` per glob and name."""
    return re.compile("|".join(fnmatch.translate(os.path.normcase(g)) for g in globs) or "(?!)").match


def select_inputs(patterns: list[str], include: list[str] | None = None, exclude: list[str] | None = None) -> Selection:
    """The files to read, in order. A file named on the command line (or by a glob) is read
    whatever its name; the files found inside a folder are filtered: with ``include``, only
    those matching one of its globs; without, all but the ones the skip list names; then
    less those matching ``exclude``. Without ``include``, a folder's files that corpuscut
    wrote (:func:`is_own_output`, :func:`out_dir_files`) are left out too."""
    if not patterns:
        return Selection(expand_inputs([]))
    sources: list[str] = []
    skipped: list[str] = []
    own: list[str] = []
    for pattern in patterns:
        found = expand_inputs([pattern])
        if not os.path.isdir(pattern) or found == [pattern]:
            sources.extend(s for s in found if not (exclude and _matches(s, exclude)))
            continue
        written = set() if include else out_dir_files(found)
        articles = []  # said after the records and reports, which name what they are
        for source in found:
            if not include and os.path.normpath(source) in written:
                articles.append(source)
            elif not include and is_own_output(source):
                own.append(source)
            elif (_matches(source, include) if include else not _matches(source, skipped_names())) \
                    and not (exclude and _matches(source, exclude)):
                sources.append(source)
            else:
                skipped.append(source)
        own.extend(articles)
    return Selection(list(dict.fromkeys(sources)), skipped, own)
