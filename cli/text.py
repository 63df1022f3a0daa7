"""Small pieces of wording every view shares: sizes, counts, line ranges, and text fitted to a
width at a word boundary."""

from __future__ import annotations

from typing import Any

from corpuscut.text.names import printable


def fit(text: str, width: int) -> str:
    """``text`` on one line, at most ``width`` characters: cut at the last word boundary that
    leaves room for "…" (mid-word only where a single word is wider than ``width``). Control
    characters are shown as escapes, never sent to the terminal."""
    flat = printable(" ".join(text.split()))
    if len(flat) <= width:
        return flat
    if width <= 1:
        return "…"[:width]
    cut = flat[: width - 1]
    space = cut.rfind(" ")
    if space > width // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:–—-") + "…"


def flat_preview(text: str, limit: int) -> str:
    """The start of ``text``, white space folded, at most ``limit`` characters."""
    return fit(text[: 2 * limit], limit)


def line_range(record: dict[str, Any]) -> str:
    a, b = record["start_line"], record["end_line"]
    return f"line {a}" if a == b else f"lines {a}–{b}"


def evidence_lines(record: dict[str, Any]) -> list[str]:
    """What ``--explain`` adds to a record, as plain lines: every cue's push towards (+) or
    against (-) the cut before the article, and what was dropped from its body."""
    lines = []
    if record.get("evidence"):
        lines.append("evidence (log-odds): " + ", ".join(f"{name} {value:+.2f}" for name, value in record["evidence"].items()))
    if record.get("body_dropped"):
        lines.append("dropped from the body: " + "; ".join(record["body_dropped"]))
    return lines


def size(n: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n} B"


def count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
