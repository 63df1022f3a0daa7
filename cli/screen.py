"""What a person sees on a terminal: a header per input, then panels (a short dump), a table,
or an overview that scales to thousands of articles (a long dump). Everything is fitted to
the console's width and cut at word boundaries."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from corpuscut.text.names import printable

from .text import count, evidence_lines, fit, flat_preview, line_range, size

#: Colours that read on dark and light backgrounds alike (no plain blue: dark on dark).
PALETTE = ("cyan", "magenta", "green", "yellow", "bright_blue", "red")
SPARKS = "▁▂▃▄▅▆▇█"
#: Above this many articles, ``--view auto`` shows an input's overview instead of its panels...
LONG_DUMP = 20
#: ...but ``digest`` shows a table of the summaries up to this many (what its user came for),
#: and the overview only beyond.
LONG_DIGEST = 200
#: Above this many documents (files, or the records of a JSON Lines or WARC input), ``--view
#: auto`` shows one overview of the run instead of each document's preview.
LONG_RUN = 20
#: The most of an article's text a panel or a title shows (5 lines of a 200-column terminal).
PREVIEW_CHARS = 1_000
#: The weakest cuts the overview lists.
WEAKEST = 10
#: ``digest``'s overview shows the summaries of this many articles, the first ones: what its
#: user came for, in a few lines however long the run.
SUMMARIES = 5
LEGEND = "cut: how sure the model is that a new article starts there, from 0 to 1"
MAP_LEGEND = "map: each article's share of the input; ▁…█ under it: each cut, low to high"



def _nothing() -> Text:
    """What a panel shows where an article holds no sentence a summary may take (page furniture
    only, a table)."""
    return Text("(nothing to summarize)", style="dim")


class View(str, Enum):
    auto = "auto"
    panels = "panels"
    table = "table"
    overview = "overview"


def dump_map(records: list[dict[str, Any]], total: int, width: int, colour: bool = True) -> tuple[Text, Text]:
    """One line with each article as a span in proportion to its length (numbered where the
    number fits; without colour, neighbours alternate █ and ░), and a sparkline beneath with
    each cut's score (0 to 1 mapped onto ▁ to █) at the column where its article starts."""
    bar = Text()
    spark = Text()
    if not records or total <= 0 or width <= 0:
        return bar, spark
    columns = [min(width - 1, int(record["start"] / total * width)) for record in records]
    columns.append(width)
    for i, record in enumerate(records):
        span = max(1, columns[i + 1] - columns[i])
        label = str(record["index"])
        colour_name = PALETTE[i % len(PALETTE)]
        if span > len(label):
            cell = (label + " " * span)[:span]
            bar.append(cell, style=f"black on {colour_name}" if colour else "reverse" if i % 2 == 0 else "")
        else:
            bar.append(("█" if i % 2 == 0 or colour else "░") * span, style=colour_name)
    bar.truncate(width)
    marks = [" "] * width
    for i, record in enumerate(records):
        level = min(len(SPARKS) - 1, max(0, int(record["score"] * (len(SPARKS) - 1) + 0.5)))
        marks[columns[i]] = SPARKS[level]
    spark.append("".join(marks), style="bright_black")
    return bar, spark


def header(doc: Any, preview: "Preview", seconds: float, kind: str) -> Text:
    """``source  7.5 kB · utf-8 · english · 5 articles · 0.03 s``."""
    line = Text()
    line.append(printable(doc.source, keep_newlines=False), style="bold")
    facts = [size(doc.size_bytes), doc.encoding]
    if preview.languages:
        facts.append(languages_shown(preview.languages))
    facts += [count(preview.count, "document" if kind in ("summarize", "eval") else "article"), f"{seconds:.2f} s"]
    line.append("  " + " · ".join(facts), style="dim")
    return line


def languages_shown(languages: dict[str, int]) -> str:
    """``english``; or, for articles in several languages, each with its count, the most
    common first: ``english 4, german 2``."""
    if len(languages) == 1:
        return next(iter(languages))
    ranked = sorted(languages.items(), key=lambda kv: -kv[1])
    return ", ".join(f"{name} {n}" for name, n in ranked)


def shown_title(record: dict[str, Any], width: int) -> str:
    """The record's title fitted to ``width``; a title made of the opening words is made again
    from the article's opening line, as much of it as fits (a headline found further down, as
    a web page's is, is shown as the record holds it)."""
    title = record.get("title") or ""
    if record.get("title_guessed") and record.get("text") and title.endswith("…"):
        opening = flat_preview(record["text"], min(4 * width, PREVIEW_CHARS))
        if opening.startswith(title[:-1]):
            return fit(opening, width)
    return fit(title or "(untitled)", width)


def body_text(record: dict[str, Any]) -> str:
    """An article's body (its main text, where the record says where that lies), without the
    headline (the panel's title says it)."""
    text = record["text"]
    if "body_start" in record and "body_end" in record:
        text = text[record["body_start"]:record["body_end"]] or text
    if not record.get("title_guessed") and record.get("title"):
        stripped = text.lstrip()
        first, _, rest = stripped.partition("\n")
        if " ".join(first.split()) == record["title"]:
            return rest
    return text


def reasons_line(record: dict[str, Any]) -> Text:
    line = Text(f"cut {record['score']:.2f}", style="bold")
    if record["reasons"]:
        line.append(" · " + ", ".join(record["reasons"]), style="italic")
    return line


#: The lower edges of the overview's bins of article sizes, in words (each doubles).
SIZE_EDGES = (0, 50, 100, 200, 400, 800, 1600, 3200, 6400)


@dataclass
class Tally:
    """What an overview shows of any number of articles, in memory that does not grow with
    their number: counts, sizes by bin, and the weakest cuts."""

    articles: int = 0
    words: int = 0
    sure: int = 0
    unsure: int = 0
    bins: list[int] = field(default_factory=lambda: [0] * len(SIZE_EDGES))
    #: The weakest cuts as a heap of (negated key, record, document): the largest key on top.
    #: One more than shown is kept, so that a run's overview can leave a document's start out.
    _weakest: list[tuple[tuple[Any, ...], dict[str, Any], str | None]] = field(default_factory=list)
    #: The first SUMMARIES summarized articles, and the document of each (None: this one).
    first: list[tuple[dict[str, Any], str | None]] = field(default_factory=list)

    def add(self, record: dict[str, Any]) -> None:
        if "summary" in record and len(self.first) < SUMMARIES:
            self.first.append((record, None))
        self.articles += 1
        self.words += record["words"]
        self.sure += record["score"] >= 0.9
        self.unsure += record["score"] < 0.5
        self.bins[max(i for i, edge in enumerate(SIZE_EDGES) if record["words"] >= edge)] += 1
        self._keep((record["score"], record["index"]), record, None)

    def merge(self, other: "Tally", number: int, where: str) -> None:
        """Add a document's tally (the ``number``-th document of the run, named ``where``); the
        start of each document is no cut and is left out of the weakest."""
        self.articles += other.articles
        self.words += other.words
        self.sure += other.sure
        self.unsure += other.unsure
        self.bins = [a + b for a, b in zip(self.bins, other.bins)]
        self.first.extend((record, where) for record, _ in other.first[:SUMMARIES - len(self.first)])
        for (score, index), record, _ in other.weakest(WEAKEST + 1):
            if index > 1:
                self._keep((score, number, index), record, where)

    def _keep(self, key: tuple[Any, ...], record: dict[str, Any], where: str | None) -> None:
        entry = (tuple(-k for k in key), record, where)
        if len(self._weakest) <= WEAKEST:
            heapq.heappush(self._weakest, entry)  # type: ignore[misc]
        elif entry[0] > self._weakest[0][0]:
            heapq.heapreplace(self._weakest, entry)  # type: ignore[misc]

    def weakest(self, n: int = WEAKEST) -> list[tuple[tuple[Any, ...], dict[str, Any], str | None]]:
        """The ``n`` weakest cuts, least sure first: (key, record, document)."""
        ordered = sorted(((tuple(-k for k in key), record, where) for key, record, where in self._weakest),
                         key=lambda entry: entry[0])
        return ordered[:n]


@dataclass
class Preview:
    """One document's records as its preview needs them: every one while they are few or the
    view shows each (panels, table, summaries), else only the overview's :class:`Tally`."""

    doc: Any
    keep_all: bool = False
    #: Records kept while there are at most this many (the overview needs none of them).
    keep_up_to: int = LONG_DUMP
    records: list[dict[str, Any]] | None = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)
    count: int = 0
    #: How many records are in each language, in the order first seen.
    languages: dict[str, int] = field(default_factory=dict)

    def add(self, record: dict[str, Any]) -> None:
        self.count += 1
        language = record.get("language")
        if language:
            self.languages[language] = self.languages.get(language, 0) + 1
        if "score" in record:
            self.tally.add(record)
        if self.records is not None:
            self.records.append(record)
            if not self.keep_all and self.count > self.keep_up_to:
                self.records = None  # the overview is shown: its tally is all it needs


@dataclass
class Run:
    """Many documents at once: their sizes, counts and articles' tally, and the documents
    with the most articles."""

    documents: int = 0
    size_bytes: int = 0
    several: int = 0
    tally: Tally = field(default_factory=Tally)
    #: The documents split the most (more than one article), a heap of (articles, -number,
    #: name, words).
    largest: list[tuple[int, int, str, int]] = field(default_factory=list)

    def add(self, preview: Preview, seconds: float) -> None:
        self.documents += 1
        self.size_bytes += preview.doc.size_bytes
        self.several += preview.count > 1
        self.tally.merge(preview.tally, self.documents, preview.doc.source)
        entry = (preview.count, -self.documents, preview.doc.source, preview.tally.words)
        if preview.count < 2:
            return
        if len(self.largest) < WEAKEST:
            heapq.heappush(self.largest, entry)
        elif entry > self.largest[0]:
            heapq.heapreplace(self.largest, entry)


@dataclass
class Screen:
    """Renders each input's records on ``console`` as the ``view`` asks (``auto``: panels
    for a short dump, the overview for a long one (for ``digest``, a table of the summaries
    up to LONG_DIGEST articles), and one overview of the run when it has more than LONG_RUN
    documents (with ``auto`` or ``overview``))."""

    console: Console
    kind: str
    view: View = View.auto
    #: Whether the map's and the score's legend is shown (once a run, under its first map).
    legend: bool = True
    #: Documents done, not yet shown: the run may turn out to hold too many to show each.
    pending: list[tuple[Preview, float]] = field(default_factory=list)
    run: Run | None = None

    @property
    def colour(self) -> bool:
        return self.console.color_system is not None

    def preview(self, doc: Any) -> Preview:
        """An empty preview of ``doc``, keeping what this screen's view will show of it."""
        keep_all = self.view in (View.panels, View.table) or self.kind in ("summarize", "eval")
        return Preview(doc, keep_all, keep_up_to=LONG_DIGEST if self.kind == "digest" else LONG_DUMP)

    def finish(self, preview: Preview, seconds: float) -> None:
        """A document is done: shown now, or (``--view auto`` over articles) once the run shows
        whether it has few documents or many."""
        if self.view not in (View.auto, View.overview) or self.kind not in ("split", "digest"):
            self.show(preview, seconds)
        elif self.run is not None:
            self.run.add(preview, seconds)
        else:
            self.pending.append((preview, seconds))
            if len(self.pending) > LONG_RUN:
                self.run = Run()
                for held, held_seconds in self.pending:
                    self.run.add(held, held_seconds)
                self.pending = []

    def close(self) -> None:
        """The run is done: each document held back, or the run's overview."""
        for preview, seconds in self.pending:
            self.show(preview, seconds)
        self.pending = []
        if self.run is not None:
            self._run_overview(self.run)

    def show(self, preview: Preview, seconds: float) -> None:
        c = self.console
        c.print(header(preview.doc, preview, seconds, self.kind), no_wrap=True, overflow="ellipsis")
        records = preview.records or []
        if self.kind == "eval":
            for record in records:
                self._scores(record)
            return
        if self.kind == "summarize":
            for i, record in enumerate(records):
                c.print(self._summary_panel(i, record))
            return
        view = self.view
        if view is View.auto:
            view = View.panels if preview.count <= LONG_DUMP else View.overview
            if view is View.overview and self.kind == "digest" and preview.count <= LONG_DIGEST:
                view = View.table
        if view is View.table:
            c.print(self._table(records))
        elif view is View.overview:
            self._overview(preview.tally)
        else:
            self._map(records)
            for i, record in enumerate(records):
                c.print(self._panel(i, record))

    def _map(self, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        c = self.console
        bar, spark = dump_map(records, records[-1]["end"], max(10, c.width), self.colour)
        c.print(bar, no_wrap=True, overflow="crop")
        c.print(spark, no_wrap=True, overflow="crop")
        if self.legend:
            c.print(Text(fit(MAP_LEGEND, c.width), style="dim"), no_wrap=True)
            c.print(Text(fit(LEGEND, c.width), style="dim"), no_wrap=True)
            self.legend = False

    def _panel(self, i: int, record: dict[str, Any]) -> Panel:
        width = self.console.width
        colour = PALETTE[i % len(PALETTE)]
        number = f"{record['index']}. "
        title = Text(number, style=f"bold {colour}")
        title.append(shown_title(record, max(10, width - 8 - len(number))), style="bold")
        parts: list[Any] = [reasons_line(record)]
        parts += [Text(line, style="dim") for line in evidence_lines(record)]
        if "sentences" in record:
            parts += [_bullet(sentence, colour) for sentence in record["sentences"]] or [_nothing()]
        else:
            parts.append(Text(flat_preview(body_text(record), min(5 * width, PREVIEW_CHARS - 100))))
        info = Text(f"{line_range(record)} · {record['words']} words", style="dim")
        return Panel(Group(*parts), title=title, title_align="left", subtitle=info, subtitle_align="right",
                     border_style=colour)

    def _summary_panel(self, i: int, record: dict[str, Any]) -> Panel:
        colour = PALETTE[i % len(PALETTE)]
        title = Text(shown_title(record, max(10, self.console.width - 8)), style="bold")
        parts = [_bullet(sentence, colour) for sentence in record["sentences"]] or [_nothing()]
        return Panel(Group(*parts), title=title, title_align="left", subtitle=Text(record["method"], style="dim"),
                     subtitle_align="right", border_style=colour)

    def _table(self, records: list[dict[str, Any]]) -> Table:
        table = Table(expand=True)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("title", ratio=2)
        table.add_column("lines", no_wrap=True)
        table.add_column("words", justify="right", no_wrap=True)
        table.add_column("cut", justify="right", no_wrap=True)
        table.add_column("summary" if self.kind == "digest" else "why", ratio=3)
        for record in records:
            last = record["summary"] if self.kind == "digest" else ", ".join(record["reasons"])
            table.add_row(str(record["index"]), Text(fit(record["title"], 160)), line_range(record).split(" ", 1)[1],
                          str(record["words"]), f"{record['score']:.2f}", Text(fit(last, 240)))
        return table

    def _overview(self, tally: Tally) -> None:
        """Counts, a histogram of article sizes, and the weakest cuts: the same few dozen
        lines for ten articles or ten thousand."""
        c = self.console
        width = c.width
        c.print(Text(fit(f"{count(tally.articles, 'article')}, {count(tally.words, 'word')}", width)))
        self._cuts_and_sizes(tally)
        weakest = tally.weakest()
        c.print(Text(weakest_heading(len(weakest), ""), style="bold"))
        for _, record, _ in weakest:
            lead = f"{record['score']:.2f}  #{record['index']:<5} "
            rest = f"  {line_range(record)}, {record['words']} words"
            line = Text(lead, style="bold")
            line.append(fit(record["title"], max(10, width - len(lead) - len(rest))))
            line.append(rest, style="dim")
            c.print(line, no_wrap=True, overflow="ellipsis")
        self._first_summaries(tally)
        c.print(Text(fit("every article: --view panels, --view table, or -f jsonl", width), style="dim"))

    def _first_summaries(self, tally: Tally) -> None:
        """``digest``'s overview: the first articles' titles and summaries, two lines each."""
        if not tally.first:
            return
        c = self.console
        width = c.width
        n = len(tally.first)
        c.print(Text("the first summary" if n == 1 else f"the first {n} summaries", style="bold"))
        for record, where in tally.first:
            rest = f"  article {record['index']}" + (f" of {printable(where, keep_newlines=False)}" if where else "")
            line = Text(fit(record["title"], max(10, min(len(record["title"]), width - min(len(rest), width // 2)))),
                        style="bold")
            line.append(rest, style="dim")
            c.print(line, no_wrap=True, overflow="ellipsis")
            c.print(Padding(Text(fit(record["summary"] or "(nothing to summarize)", max(10, 2 * (width - 2)))), (0, 0, 0, 2)))

    def _cuts_and_sizes(self, tally: Tally) -> None:
        c = self.console
        width = c.width
        c.print(Text(fit(f"cuts: {tally.sure:,} sure (0.9 or more), {tally.articles - tally.sure - tally.unsure:,} likely, "
                         f"{tally.unsure:,} unsure (under 0.5)", width)))
        c.print(Text("article sizes (words)", style="bold"))
        bins = _size_bins(tally.bins)
        most = max(n for _, n in bins) or 1  # an empty input has no article
        bar_width = max(5, min(50, width - 24))
        for label, n in bins:
            line = Text(f"{label:>11} ")
            line.append("█" * max(1 if n else 0, round(n / most * bar_width)), style="cyan")
            line.append(f" {n:,}")
            c.print(line, no_wrap=True, overflow="crop")

    def _run_overview(self, run: Run) -> None:
        """Many documents (the records of a JSON Lines or WARC input, or many files) in the
        same few dozen lines: counts, article sizes, the weakest cuts inside documents, and a
        table of the documents with the most articles."""
        c = self.console
        width = c.width
        tally = run.tally
        line = Text(fit(f"{run.documents:,} documents", width), style="bold")
        line.append(f"  {size(run.size_bytes)}", style="dim")
        c.print(line, no_wrap=True, overflow="ellipsis")
        c.print(Text(fit(f"{count(tally.articles, 'article')}, {count(tally.words, 'word')}; {run.several:,} of the "
                         f"documents split in more than one article", width)))
        self._cuts_and_sizes(tally)
        weakest = tally.weakest()
        c.print(Text(weakest_heading(len(weakest), " inside documents"), style="bold"))
        for _, record, where in weakest:
            lead = f"{record['score']:.2f}  "
            rest = f"article {record['index']} of {printable(where or '', keep_newlines=False)}"
            title_width = max(10, min(len(record["title"]), width - len(lead) - 2 - min(len(rest), width // 2)))
            shown = Text(lead, style="bold")
            shown.append(fit(record["title"], title_width))
            shown.append("  " + rest, style="dim")
            c.print(shown, no_wrap=True, overflow="ellipsis")
        if run.largest:
            table = Table(expand=True, title=Text("the documents split the most", style="bold"), title_justify="left")
            table.add_column("document", ratio=1, overflow="ellipsis", no_wrap=True)
            table.add_column("articles", justify="right", no_wrap=True)
            table.add_column("words", justify="right", no_wrap=True)
            for articles, _, name, words in sorted(run.largest, reverse=True):
                table.add_row(Text(printable(name, keep_newlines=False)), f"{articles:,}", f"{words:,}")
            c.print(table)
        self._first_summaries(tally)
        c.print(Text(fit("each document: --view panels, --view table, or -f jsonl", width), style="dim"))

    def _scores(self, record: dict[str, Any]) -> None:
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(style="bold")
        table.add_column()
        for name, value in record.items():
            if name in ("source", "missed", "extra"):
                continue
            table.add_row(Text(name), Text(str(value)))
        self.console.print(table)
        for name in ("missed", "extra"):
            lines = record.get(name) or []
            label = "missed (gold starts not found), lines" if name == "missed" else "extra (cuts not in gold), lines"
            self.console.print(Text(fit(f"{label}: {', '.join(map(str, lines)) or 'none'}", self.console.width * 3)))


def weakest_heading(n: int, where: str) -> str:
    """The overview's heading over its ``n`` weakest cuts (``where``: " inside documents")."""
    if n == 0:
        return f"no cuts{where}"
    if n == 1:
        return f"the one cut{where}"
    return f"the {n} weakest cuts{where} (least sure first)"


def _bullet(sentence: str, colour: str) -> Text:
    line = Text("• ", style=colour)
    line.append(printable(" ".join(sentence.split())))
    return line


def _size_bins(counts: list[int]) -> list[tuple[str, int]]:
    """Labelled counts of articles by size, in bins that double (1–49, 50–99, 100–199, …;
    ``counts`` by SIZE_EDGES), from the smallest bin used to the largest."""
    edges = SIZE_EDGES
    used = [i for i, n in enumerate(counts) if n]
    if not used:
        return [("0", 0)]
    out = []
    for i in range(used[0], used[-1] + 1):
        label = f"{edges[i]:,}–{edges[i + 1] - 1:,}" if i + 1 < len(edges) else f"{edges[i]:,}+"
        out.append((label, counts[i]))
    return out
