"""Writers for each output format. They take finished records; they never compute anything."""

from __future__ import annotations

import codecs
import functools
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Protocol, TextIO

import orjson
from rich.console import Console

from .screen import PREVIEW_CHARS, Preview, Screen, View
from .text import count, evidence_lines, line_range, size




class Writer(Protocol):
    """Takes each input's records. A streaming writer gets them in runs as they are made
    (``emit`` may be called many times per input, ``seconds`` then 0) and ``finish`` once the
    input is done; any other gets all of an input's records in one ``emit`` once the input is
    done, each as ``hold`` kept it (subclass :class:`BaseWriter` for the rest)."""

    streaming: bool

    def start(self, doc: Described) -> None: ...

    def hold(self, record: dict[str, Any]) -> dict[str, Any]: ...

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None: ...

    def finish(self, doc: Described, seconds: float) -> None: ...

    def close(self) -> None: ...


class Described(Protocol):
    """What writers show of an input."""

    source: str
    encoding: str

    @property
    def size_bytes(self) -> int: ...


class BaseWriter:
    streaming = False

    def start(self, doc: Described) -> None:
        pass

    def hold(self, record: dict[str, Any]) -> dict[str, Any]:
        """What a writer that is not streaming keeps of a record until its input is done."""
        return record

    def finish(self, doc: Described, seconds: float) -> None:
        """A streaming writer's input is done (after its last ``emit``)."""

    def close(self) -> None:
        pass


def _utf8_bytes_of(out: TextIO) -> IO[bytes] | None:
    """The byte stream under ``out`` where text written to it reaches it as UTF-8 unchanged;
    else None. The command writes to its standard output and to files opened with
    ``newline=""``: where the system's line end is "\n", neither translates line ends."""
    raw = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None)
    if raw is None or os.linesep != "\n" or not isinstance(encoding, str) or codecs.lookup(encoding).name != "utf-8":
        return None
    return raw  # type: ignore[no-any-return]


@dataclass
class JsonlWriter(BaseWriter):
    out: TextIO
    streaming = True

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None:
        raw = _utf8_bytes_of(self.out)
        if raw is not None:
            # orjson's UTF-8 straight to the stream's bytes: the same bytes as the text written,
            # without decoding each record to a string and encoding it again
            self.out.flush()
            for record in records:
                raw.write(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))
        else:
            for record in records:
                self.out.write(orjson.dumps(record).decode() + "\n")
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


@dataclass
class JsonWriter(BaseWriter):
    """One JSON array of the records, written as they come (never held): the same bytes as
    the whole list dumped with a two-space indent."""

    out: TextIO
    count: int = 0
    streaming = True

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None:
        for record in records:
            body = orjson.dumps(record, option=orjson.OPT_INDENT_2).decode()
            self.out.write(("[\n  " if self.count == 0 else ",\n  ") + body.replace("\n", "\n  "))
            self.count += 1

    def close(self) -> None:
        self.out.write("\n]\n" if self.count else "[]\n")
        self.out.flush()


def is_scores(record: dict[str, Any]) -> bool:
    """An ``eval split`` record (measures, not an article or a summary)."""
    return "f1" in record


def key_values(record: dict[str, Any]) -> str:
    """A record as aligned ``name value`` lines."""
    return "".join(f"{k:14} {v}\n" for k, v in record.items())


def _body(record: dict[str, Any]) -> str:
    if is_scores(record):
        return key_values(record).rstrip("\n")
    if "summary" in record and "text" in record:
        body = f"{record['title']}\n\n{record['summary']}" if record["title"] else record["summary"]
    elif "summary" in record:
        body = record["summary"]
    else:
        body = record["text"].rstrip()
    explained = evidence_lines(record)
    if "evidence" in record:  # --explain: the cut and its evidence after the article
        explained.insert(0, f"cut {record['score']:.2f}: {', '.join(record['reasons'])}")
    return body + ("\n\n" + "\n".join(explained) if explained else "")


@dataclass
class TextWriter(BaseWriter):
    """Plain text: one block per record, blocks separated by a blank line and a ``---`` line.
    With several inputs, each input's blocks come under a ``==> INPUT <==`` line (as ``head``
    and ``tail`` name their files)."""

    out: TextIO
    several: bool = False
    first: bool = True
    streaming = True

    def start(self, doc: Described) -> None:
        if self.several:
            self.out.write(f"{'' if self.first else chr(10)}==> {doc.source} <==\n")
            self.first = True

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None:
        for record in records:
            if not self.first:
                self.out.write("\n---\n\n")
            self.out.write(_body(record) + "\n")
            self.first = False
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


@dataclass
class MarkdownWriter(BaseWriter):
    """A report a person can paste: a heading per source, a section per article.

    The heading counts the input's articles, so each section waits until the input is done:
    in a temporary file past 1 MB (unnamed, so nothing is left behind), never in memory."""

    out: TextIO
    spool: IO[str] | None = None

    def start(self, doc: Described) -> None:
        self._drop()  # what a failed input left

    def hold(self, record: dict[str, Any]) -> dict[str, Any]:
        if is_scores(record):
            return record
        if self.spool is None:
            self.spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8")
        self.spool.write(_article_markdown(record))
        return {"index": record["index"]} if "index" in record else {}

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None:
        self.out.write(f"# {doc.source}\n\n")
        if records and is_scores(records[0]):
            self.out.writelines(_scores_markdown(record) for record in records)
            self.out.flush()
            return
        self.out.write(f"{size(doc.size_bytes)}, {doc.encoding}, {_count(records)}\n\n")
        if self.spool is not None:
            self.spool.seek(0)
            shutil.copyfileobj(self.spool, self.out)
        self._drop()
        self.out.flush()

    def close(self) -> None:
        self._drop()
        self.out.flush()

    def _drop(self) -> None:
        if self.spool is not None:
            self.spool.close()
            self.spool = None


SPOOL_BYTES = 1 << 20


#: Characters that Markdown reads as markup inside a line ("<WWP>" would be taken for an HTML
#: tag and vanish; "*" and "_" start emphasis): each is shown as itself by a backslash.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<])")


def markdown_text(text: str) -> str:
    """``text`` with the characters Markdown reads as markup inside a line escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def _unindented(text: str) -> str:
    """``text`` without the indentation of its lines: Markdown shows a line indented by four
    spaces (a wire story's paragraphs) as code."""
    return _INDENT.sub("", text)


def _line_broken(text: str) -> str:
    """``text`` with a hard line break (a backslash at the line's end) where a line goes on to
    another: Markdown joins lines into one paragraph, and a scraped text's lines are its
    headline and paragraphs."""
    lines = text.splitlines()
    return "\n".join(line + "\\" if line.strip() and k + 1 < len(lines) and lines[k + 1].strip() else line
                     for k, line in enumerate(lines))


def _article_markdown(record: dict[str, Any]) -> str:
    parts = []
    if "index" in record:
        parts.append(f"## {record['index']}. {markdown_text(record['title'] or '(untitled)')}\n\n")
        parts.append(f"*{line_range(record).capitalize()}, {record['words']} words; "
                     f"{', '.join(record['reasons'])} (cut {record['score']:.2f})*\n\n")
        parts.extend(f"*{markdown_text(line)}*\n\n" for line in evidence_lines(record))
    elif record.get("title"):
        parts.append(f"## {markdown_text(record['title'])}\n\n")
    if "sentences" in record:
        parts.extend(f"- {markdown_text(' '.join(s.split()))}\n" for s in record["sentences"])
    else:
        parts.append(_line_broken(markdown_text(_unindented(record["text"].rstrip()))) + "\n")
    parts.append("\n")
    return "".join(parts)


def _scores_markdown(record: dict[str, Any]) -> str:
    rows = "".join(f"| {name} | {value} |\n" for name, value in record.items() if name not in ("source", "missed", "extra"))
    lists = "".join(f"\n{name.capitalize()} (lines): {', '.join(map(str, record.get(name) or [])) or 'none'}\n"
                    for name in ("missed", "extra"))
    return f"| measure | value |\n| --- | --- |\n{rows}{lists}\n"


@dataclass
class DelimitedWriter(BaseWriter):
    """CSV or TSV (``csv`` module quoting, so a text with tabs or new lines stays one cell):
    a header row of the first record's fields, then a row per record; lists and objects as
    JSON, true/false for booleans."""

    out: TextIO
    dialect: str = "excel"
    writer: Any = None
    streaming = True

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None:
        import csv

        for record in records:
            if self.writer is None:
                self.writer = csv.DictWriter(self.out, fieldnames=list(record), dialect=self.dialect,
                                             lineterminator="\n", extrasaction="ignore")
                self.writer.writeheader()
            self.writer.writerow({k: _cell(v) for k, v in record.items()})
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return orjson.dumps(value).decode()
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def _count(records: list[dict[str, Any]]) -> str:
    if records and "index" not in records[0]:
        return "1 document"
    return count(len(records), "article")


@dataclass
class RichWriter(BaseWriter):
    """The terminal preview of each input (:mod:`cli.screen`). Records come as they are made
    and are kept only as far as the screen shows them (an overview keeps counts and the
    weakest cuts), so that a preview of any number of articles or documents takes bounded
    memory."""

    console: Console
    kind: str = "digest"
    view: View = View.auto
    screen: Screen | None = None
    preview: Preview | None = None
    streaming = True

    def _screen(self) -> Screen:
        if self.screen is None:
            self.screen = Screen(self.console, self.kind, self.view)
        return self.screen

    def start(self, doc: Described) -> None:
        self.preview = self._screen().preview(doc)

    def hold(self, record: dict[str, Any]) -> dict[str, Any]:
        """The start of the text only (all a panel or a title shows), so that a long input's
        records held for its preview take a fraction of its size; where the record marks its
        body, the start of the body (a page's body often opens past its menus' first 1,000
        characters, and the panel shows the body)."""
        text = record.get("text", "")
        if len(text) <= PREVIEW_CHARS:
            return record
        start, end = record.get("body_start"), record.get("body_end")
        if isinstance(start, int) and isinstance(end, int) and 0 < start < end:
            return {**record, "text": text[start:start + PREVIEW_CHARS], "body_start": 0,
                    "body_end": min(end - start, PREVIEW_CHARS)}
        return {**record, "text": text[:PREVIEW_CHARS]}

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None:
        if self.preview is None:
            self.start(doc)
        assert self.preview is not None
        for record in records:
            self.preview.add(self.hold(record))

    def finish(self, doc: Described, seconds: float) -> None:
        if self.preview is None:
            self.start(doc)
        assert self.preview is not None
        self._screen().finish(self.preview, seconds)
        self.preview = None

    def close(self) -> None:
        self._screen().close()


@dataclass
class FolderWriter(BaseWriter):
    """``split --out-dir``: one file per article, named ``NNNN-slug.txt``, plus ``index.jsonl``;
    every file is written atomically, and no symbolic link planted in the folder is followed.
    With several inputs, each gets a sub-folder ``NNNN-name-of-input``. Articles are numbered
    through each folder, so the documents of a JSON Lines or WARC input never share a name.
    Written over an earlier run (``--overwrite``), the files its index listed that this run
    does not write are removed once the new index is in place, so the folder holds what the
    index says; files no index listed are kept."""

    folder: Path
    per_source: bool = False
    index_lines: list[str] = field(default_factory=list)
    sources: int = 0
    root: Any = None
    target: Any = None
    #: The name of the current input's sub-folder, made when its first article is written.
    pending: str = ""
    #: Articles written into the current target folder.
    count: int = 0
    #: The files the index of an earlier run in this folder listed, and those this run wrote.
    earlier: list[str] = field(default_factory=list)
    earlier_index: list[str] = field(default_factory=list)
    written: set[str] = field(default_factory=set)
    streaming = True

    def start(self, doc: Described) -> None:
        from .slug import slugify

        if self.root is None:
            self._open_root()
        if not self.per_source:
            self.target = self.root
            return
        self.sources += 1
        name = "stdin" if doc.source == "-" else _input_name(doc.source)
        if self.target is not None and self.target is not self.root:
            self.target.close()
        self.target = None
        self.pending = f"{self.sources:04d}-{slugify(name)}"
        self.count = 0

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None:
        from .slug import article_filename

        if records and self.target is None:
            # Made with its first article, so that a run stopped before it leaves no empty folder.
            self.target = self.root.subfolder(self.pending)
        for record in records:
            filename = article_filename(self.count, record["title"])
            self.count += 1
            self.target.write(filename, record["text"])
            entry = {k: v for k, v in record.items() if k != "text"}
            entry["file"] = str((self.target.path / filename).relative_to(self.folder))
            self.written.add(entry["file"])
            self.index_lines.append(orjson.dumps(entry).decode())

    def close(self) -> None:
        if self.root is None:
            self._open_root()
        if self.target is not None and self.target is not self.root:
            self.target.close()
        self.root.write("index.jsonl", "".join(line + "\n" for line in self.index_lines), sync=True)
        for name in self.earlier:
            if name not in self.written:
                self.root.remove(name)
        self.root.close()

    def stopped(self) -> int:
        """After an interruption: ``index.jsonl`` lists what the folder holds (the articles
        written so far, and an earlier run's files this run did not replace), so that the
        folder is never a heap of files no index names; the same command with ``--overwrite``
        then writes it anew. The count of articles written."""
        if self.root is None:
            return 0
        if self.target is not None and self.target is not self.root:
            self.target.close()
        kept = [line for line in self.earlier_index if not set(listed_files([line])) <= self.written]
        if kept or self.index_lines or self.earlier_index:
            # A run stopped before its first article writes no index: an empty one would make
            # the folder look used, and the same command would then ask for --overwrite.
            self.root.write("index.jsonl", "".join(line + "\n" for line in kept + self.index_lines), sync=True)
        self.root.close()
        return len(self.index_lines)

    def _open_root(self) -> None:
        from .output import OutputFolder

        self.root = OutputFolder(self.folder)
        self.earlier_index = (self.root.read("index.jsonl") or "").splitlines()
        self.earlier = listed_files(self.earlier_index)


def listed_files(index: Iterable[str]) -> list[str]:
    """The ``file`` of each record of an ``--out-dir`` index, given as its lines (lines that are
    not such records are passed over: an index is the user's file once written)."""
    files = []
    for line in index:
        try:
            entry = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            files.append(entry["file"])
    return files


#: The writers of records to a text stream, by format name (see CONTRIBUTING.md to add one).
#: ``rich`` (a terminal's panels or table) and ``parquet`` (a columnar file) are written apart.
WRITERS: dict[str, Callable[[TextIO], Writer]] = {
    "text": TextWriter,
    "json": JsonWriter,
    "jsonl": JsonlWriter,
    "markdown": MarkdownWriter,
    "csv": functools.partial(DelimitedWriter, dialect="excel"),
    "tsv": functools.partial(DelimitedWriter, dialect="excel-tab"),
}

#: Every value of ``--format``: ``auto`` is rich on a terminal and JSON Lines when piped.
OutputFormat = Enum(  # type: ignore[misc]
    "OutputFormat", [(name, name) for name in ("auto", "rich", *WRITERS, "parquet")], type=str, module=__name__,
)

#: Output formats by the extension of ``--output``'s file, for ``--format auto``.
EXTENSIONS = {
    ".json": OutputFormat.json, ".jsonl": OutputFormat.jsonl, ".ndjson": OutputFormat.jsonl,
    ".md": OutputFormat.markdown, ".markdown": OutputFormat.markdown, ".txt": OutputFormat.text,
    ".csv": OutputFormat.csv, ".tsv": OutputFormat.tsv, ".parquet": OutputFormat.parquet,
}


def make_writer(fmt: OutputFormat, out: TextIO, console: Console, kind: str, several: bool, view: View) -> Writer:
    """The writer for a resolved format (``auto`` must be resolved first; parquet and
    ``--out-dir`` have writers of their own). ``several``: the run has more than one input."""
    if fmt.value in WRITERS:
        writer = WRITERS[fmt.value](out)
        if isinstance(writer, TextWriter):
            writer.several = several
        return writer
    return RichWriter(console, kind, view)


#: Name endings of compressed files (what they hold is told by magic bytes, not by these).
_COMPRESSED = (".gz", ".bz2", ".xz", ".zst", ".zstd")


def _input_name(source: str) -> str:
    """An input's name without its extension, and without a compressed file's two
    (``dump000.txt.gz`` -> ``dump000``, as ``dump001.txt`` -> ``dump001``)."""
    path = Path(source)
    if path.suffix.lower() in _COMPRESSED:
        path = Path(path.stem)
    return path.stem
