"""Writers for each output format. They take finished records; they never compute anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Protocol, TextIO

import orjson
from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from corpuscut.segmenter.names import printable



PALETTE = ("cyan", "magenta", "green", "yellow", "blue", "red")
SPARKS = "▁▂▃▄▅▆▇█"


class Writer(Protocol):
    """Takes each input's records. A streaming writer gets them in runs as they are made
    (``emit`` may be called many times per input, ``seconds`` then 0); any other gets all of
    an input's records in one ``emit`` once the input is done."""

    streaming: bool

    def start(self, doc: Described) -> None: ...

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None: ...

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

    def close(self) -> None:
        pass


@dataclass
class JsonlWriter(BaseWriter):
    out: TextIO
    streaming = True

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None:
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
        return f"{record['title']}\n\n{record['summary']}" if record["title"] else record["summary"]
    if "summary" in record:
        return record["summary"]
    return record["text"].rstrip()


@dataclass
class TextWriter(BaseWriter):
    """Plain text: one block per record, blocks separated by a blank line and a ``---`` line."""

    out: TextIO
    first: bool = True
    streaming = True

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
    """A report a person can paste: a heading per source, a section per article."""

    out: TextIO

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None:
        if records and is_scores(records[0]):
            self.out.writelines(key_values(record) for record in records)
            return
        self.out.write(f"# {doc.source}\n\n")
        self.out.write(f"{_size(doc.size_bytes)}, {doc.encoding}, {_count(records)}\n\n")
        for record in records:
            if "index" in record:
                self.out.write(f"## {record['index'] + 1}. {record['title'] or '(untitled)'}\n\n")
                self.out.write(
                    f"*{line_range(record).capitalize()}, {record['words']} words; "
                    f"{', '.join(record['reasons'])} (score {record['score']:.2f})*\n\n"
                )
            if "sentences" in record:
                self.out.writelines(f"- {' '.join(s.split())}\n" for s in record["sentences"])
            else:
                self.out.write(record["text"].rstrip() + "\n")
            self.out.write("\n")
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


def _size(n: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return f"{n} B"


def _count(records: list[dict[str, Any]]) -> str:
    if records and "index" not in records[0]:
        return "1 document"
    return f"{len(records)} article{'s' if len(records) != 1 else ''}"


def dump_map(records: list[dict[str, Any]], total: int, width: int) -> tuple[Text, Text]:
    """One line with each article as a coloured span in proportion to its length, and a
    sparkline beneath with each boundary's score at the column where the article starts."""
    bar = Text()
    spark = Text()
    if not records or total <= 0 or width <= 0:
        return bar, spark
    columns = []
    for record in records:
        columns.append(min(width - 1, int(record["start"] / total * width)))
    columns.append(width)
    for i, record in enumerate(records):
        span = max(1, columns[i + 1] - columns[i])
        label = str(record["index"] + 1)
        cell = (label + " " * span)[:span] if span > len(label) else "█" * span
        bar.append(cell, style=f"black on {PALETTE[i % len(PALETTE)]}" if span > len(label) else PALETTE[i % len(PALETTE)])
    bar.truncate(width)
    marks = [" "] * width
    for i, record in enumerate(records):
        level = min(len(SPARKS) - 1, int(record["score"] * (len(SPARKS) - 1) + 0.5))
        marks[columns[i]] = SPARKS[level]
    spark.append("".join(marks), style="bright_black")
    return bar, spark


@dataclass
class RichWriter(BaseWriter):
    """The terminal preview: a header, a map of the dump, and a panel per article."""

    console: Console

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None:
        c = self.console
        if records and is_scores(records[0]):
            for record in records:
                c.print(Text(key_values(record)), end="")
            return
        header = Text()
        header.append(printable(doc.source, keep_newlines=False), style="bold")
        header.append(f"  {_size(doc.size_bytes)} · {doc.encoding} · {_count(records)} · {seconds:.2f} s", style="dim")
        c.print(header)
        if records and "index" in records[0]:
            bar, spark = dump_map(records, records[-1]["end"], max(10, c.width))
            c.print(bar, no_wrap=True, overflow="crop")
            c.print(spark, no_wrap=True, overflow="crop")
        for i, record in enumerate(records):
            c.print(self._panel(i, record, c.width))

    def _panel(self, i: int, record: dict[str, Any], width: int = 80) -> Panel:
        colour = PALETTE[i % len(PALETTE)]
        parts: list[Any] = []
        if "sentences" in record:
            for sentence in record["sentences"]:
                line = Text("• ", style=colour)
                line.append(printable(" ".join(sentence.split())))
                parts.append(line)
        else:
            parts.append(Text(printable(_preview(record["text"]))))
        if "index" not in record:
            return Panel(Group(*parts), title=record["method"], title_align="left", border_style=colour)
        title = Text(f"{record['index'] + 1}. ", style=f"bold {colour}")
        title.append(printable(record["title"]) or "(untitled)", style="bold")
        title.truncate(max(10, width - 8), overflow="ellipsis")  # the title fits in the border
        why = Text(f"cut {record['score']:.2f}: {', '.join(record['reasons'])}", style="dim italic")
        parts.insert(0, why)
        if record.get("evidence"):
            detail = ", ".join(f"{name} {value:+.2f}" for name, value in record["evidence"].items())
            parts.insert(1, Text(f"evidence (log-odds): {detail}", style="dim"))
        info = f"{line_range(record)} · {record['words']} words"
        return Panel(
            Group(*parts), title=title, title_align="left", subtitle=Text(info, style="dim"),
            subtitle_align="right", border_style=colour,
        )



def line_range(record: dict[str, Any]) -> str:
    a, b = record["start_line"], record["end_line"]
    return f"line {a}" if a == b else f"lines {a}–{b}"


def _preview(text: str, limit: int = 400) -> str:
    flat = " ".join(text[: 4 * limit].split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@dataclass
class FolderWriter(BaseWriter):
    """``split --out-dir``: one file per article, named ``NNNN-slug.txt``, plus ``index.jsonl``;
    every file is written atomically, and no symbolic link planted in the folder is followed.
    With several inputs, each gets a sub-folder ``NNNN-name-of-input``. Articles are numbered
    through each folder, so the documents of a JSON Lines or WARC input never share a name."""

    folder: Path
    per_source: bool = False
    index_lines: list[str] = field(default_factory=list)
    sources: int = 0
    root: Any = None
    target: Any = None
    #: Articles written into the current target folder.
    count: int = 0
    streaming = True

    def start(self, doc: Described) -> None:
        from .output import OutputFolder
        from .slug import slugify

        if self.root is None:
            self.root = OutputFolder(self.folder)
        if not self.per_source:
            self.target = self.root
            return
        self.sources += 1
        name = "stdin" if doc.source == "-" else Path(doc.source).stem
        if self.target is not None and self.target is not self.root:
            self.target.close()
        self.target = self.root.subfolder(f"{self.sources:04d}-{slugify(name)}")
        self.count = 0

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None:
        from .slug import article_filename

        for record in records:
            filename = article_filename(self.count, record["title"])
            self.count += 1
            self.target.write(filename, record["text"])
            entry = {k: v for k, v in record.items() if k != "text"}
            entry["file"] = str((self.target.path / filename).relative_to(self.folder))
            self.index_lines.append(orjson.dumps(entry).decode())

    def close(self) -> None:
        from .output import OutputFolder

        if self.root is None:
            self.root = OutputFolder(self.folder)
        if self.target is not None and self.target is not self.root:
            self.target.close()
        self.root.write("index.jsonl", "".join(line + "\n" for line in self.index_lines), sync=True)
        self.root.close()


@dataclass
class TableWriter(BaseWriter):
    """``--view table``: one row per article, for long dumps."""

    console: Console

    def emit(self, doc: Described, records: list[dict[str, Any]], seconds: float) -> None:
        from rich.table import Table

        heading = f"{printable(doc.source, keep_newlines=False)} · {_size(doc.size_bytes)} · {doc.encoding} · {_count(records)} · {seconds:.2f} s"
        table = Table(title=Text(heading), title_justify="left", expand=True)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("title", ratio=2)
        table.add_column("lines", no_wrap=True)
        table.add_column("words", justify="right", no_wrap=True)
        table.add_column("cut", justify="right", no_wrap=True)
        table.add_column("summary" if records and "summary" in records[0] else "why", ratio=3)
        for record in records:
            last = record.get("summary") or ", ".join(record["reasons"])
            table.add_row(str(record["index"] + 1), Text(printable(record["title"])), line_range(record).split(" ", 1)[1],
                          str(record["words"]), f"{record['score']:.2f}", Text(printable(_preview(last, 200))))
        self.console.print(table)


#: The writers of records to a text stream, by format name (see CONTRIBUTING.md to add one).
#: ``rich`` (a terminal's panels or table) and ``parquet`` (a columnar file) are written apart.
WRITERS: dict[str, Callable[[TextIO], Writer]] = {
    "text": TextWriter,
    "json": JsonWriter,
    "jsonl": JsonlWriter,
    "markdown": MarkdownWriter,
}

#: Every value of ``--format``: ``auto`` is rich on a terminal and JSON Lines when piped.
OutputFormat = Enum(  # type: ignore[misc]
    "OutputFormat", [(name, name) for name in ("auto", "rich", *WRITERS, "parquet")], type=str, module=__name__,
)


def make_writer(fmt: OutputFormat, out: TextIO, console: Console, table: bool = False) -> Writer:
    """The writer for a resolved format (``auto`` must be resolved first; not ``parquet``)."""
    if fmt.value in WRITERS:
        return WRITERS[fmt.value](out)
    return TableWriter(console) if table else RichWriter(console)
