"""What a person sees on a terminal: a header per input, then panels (a short dump), a table,
or an overview that scales to thousands of articles (a long dump). Everything is fitted to
the console's width and cut at word boundaries."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from corpuscut.text.names import printable

from .text import count, fit, flat_preview, line_range, size

#: Colours that read on dark and light backgrounds alike (no plain blue: dark on dark).
PALETTE = ("cyan", "magenta", "green", "yellow", "bright_blue", "red")
SPARKS = "▁▂▃▄▅▆▇█"
#: Above this many articles, ``--view auto`` shows an input's overview instead of its panels.
LONG_DUMP = 20
#: The most of an article's text a panel or a title shows (5 lines of a 200-column terminal).
PREVIEW_CHARS = 1_000
#: The weakest cuts the overview lists.
WEAKEST = 10
LEGEND = "cut: how sure the model is that a new article starts there, from 0 to 1"
MAP_LEGEND = "map: each article's share of the input; ▁…█ under it: each cut, low to high"


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


def header(doc: Any, records: list[dict[str, Any]], seconds: float, kind: str) -> Text:
    """``source  7.5 kB · utf-8 · english · 5 articles · 0.03 s``."""
    line = Text()
    line.append(printable(doc.source, keep_newlines=False), style="bold")
    facts = [size(doc.size_bytes), doc.encoding]
    if records and records[0].get("language"):
        facts.append(records[0]["language"])
    facts += [count(len(records), "document" if kind in ("summarize", "eval") else "article"), f"{seconds:.2f} s"]
    line.append("  " + " · ".join(facts), style="dim")
    return line


def shown_title(record: dict[str, Any], width: int) -> str:
    """The headline fitted to ``width``; a made-up title (the opening words) is made again
    from the article's opening line, as much of it as fits."""
    if record.get("title_guessed") and record.get("text"):
        return fit(flat_preview(record["text"], min(4 * width, PREVIEW_CHARS)), width)
    return fit(record.get("title") or "(untitled)", width)


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


@dataclass
class Screen:
    """Renders one input's records on ``console`` as the ``view`` asks (``auto``: panels
    for a short dump, the overview for a long one)."""

    console: Console
    kind: str
    view: View = View.auto
    #: Whether the map's and the score's legend is shown (once a run, under its first map).
    legend: bool = True

    @property
    def colour(self) -> bool:
        return self.console.color_system is not None

    def show(self, doc: Any, records: list[dict[str, Any]], seconds: float) -> None:
        c = self.console
        c.print(header(doc, records, seconds, self.kind), no_wrap=True, overflow="ellipsis")
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
            view = View.overview if len(records) > LONG_DUMP else View.panels
        if view is View.table:
            c.print(self._table(records))
        elif view is View.overview:
            self._overview(records)
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
        if record.get("evidence"):
            detail = ", ".join(f"{name} {value:+.2f}" for name, value in record["evidence"].items())
            parts.append(Text(f"evidence (log-odds): {detail}", style="dim"))
        if "sentences" in record:
            parts += [_bullet(sentence, colour) for sentence in record["sentences"]]
        else:
            parts.append(Text(flat_preview(body_text(record), min(5 * width, PREVIEW_CHARS - 100))))
        info = Text(f"{line_range(record)} · {record['words']} words", style="dim")
        return Panel(Group(*parts), title=title, title_align="left", subtitle=info, subtitle_align="right",
                     border_style=colour)

    def _summary_panel(self, i: int, record: dict[str, Any]) -> Panel:
        colour = PALETTE[i % len(PALETTE)]
        title = Text(shown_title(record, max(10, self.console.width - 8)), style="bold")
        parts = [_bullet(sentence, colour) for sentence in record["sentences"]] or [Text("(nothing to summarize)", style="dim")]
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

    def _overview(self, records: list[dict[str, Any]]) -> None:
        """Counts, a histogram of article sizes, and the weakest cuts: the same few dozen
        lines for ten articles or ten thousand."""
        c = self.console
        width = c.width
        words = sum(r["words"] for r in records)
        sure = sum(1 for r in records if r["score"] >= 0.9)
        unsure = sum(1 for r in records if r["score"] < 0.5)
        c.print(Text(fit(f"{len(records):,} articles, {words:,} words", width)))
        c.print(Text(fit(f"cuts: {sure:,} sure (0.9 or more), {len(records) - sure - unsure:,} likely, "
                         f"{unsure:,} unsure (under 0.5)", width)))
        c.print(Text("article sizes (words)", style="bold"))
        bins = _size_bins([r["words"] for r in records])
        most = max(n for _, n in bins)
        bar_width = max(5, min(50, width - 24))
        for label, n in bins:
            line = Text(f"{label:>11} ")
            line.append("█" * max(1 if n else 0, round(n / most * bar_width)), style="cyan")
            line.append(f" {n:,}")
            c.print(line, no_wrap=True, overflow="crop")
        weakest = sorted(records, key=lambda r: (r["score"], r["index"]))[:WEAKEST]
        c.print(Text(f"the {len(weakest)} weakest cuts (least sure first)", style="bold"))
        for record in weakest:
            lead = f"{record['score']:.2f}  #{record['index']:<5} "
            rest = f"  {line_range(record)}, {record['words']} words"
            line = Text(lead, style="bold")
            line.append(fit(record["title"], max(10, width - len(lead) - len(rest))))
            line.append(rest, style="dim")
            c.print(line, no_wrap=True, overflow="ellipsis")
        c.print(Text(fit("every article: --view panels, --view table, or -f jsonl", width), style="dim"))

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


def _bullet(sentence: str, colour: str) -> Text:
    line = Text("• ", style=colour)
    line.append(printable(" ".join(sentence.split())))
    return line


def _size_bins(words: list[int]) -> list[tuple[str, int]]:
    """Counts of articles by size, in bins that double (1–49, 50–99, 100–199, …), from the
    smallest bin used to the largest."""
    edges = [0, 50, 100, 200, 400, 800, 1600, 3200, 6400]
    counts = [0] * len(edges)
    for n in words:
        counts[max(i for i, edge in enumerate(edges) if n >= edge)] += 1
    used = [i for i, n in enumerate(counts) if n]
    if not used:
        return [("0", 0)]
    out = []
    for i in range(used[0], used[-1] + 1):
        label = f"{edges[i]:,}–{edges[i + 1] - 1:,}" if i + 1 < len(edges) else f"{edges[i]:,}+"
        out.append((label, counts[i]))
    return out
