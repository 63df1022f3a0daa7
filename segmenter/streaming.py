"""Text of any length, split in bounded memory: lines -> sections -> cuts -> articles.

The text is read as a stream of pieces. Its lines are grouped into *sections*: a core of at
most ``section_lines`` lines and ``section_chars`` characters, with a margin of neighbouring
lines on each side for context. Each section is analysed on its own (so sections can be
analysed in parallel); a section decides the article starts (*cuts*) that fall in its core,
and the cores tile the text. Articles are then assembled from the cuts in order.

Where sections start depends only on the text, never on how it was read, so splitting a text
at once and splitting it streamed in pieces of any size give the same articles. A text that
fits in one section is analysed whole, exactly as :meth:`Segmenter.analyse` does.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import deque
from itertools import accumulate
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from .articles import Article, make_title
from .model import sigmoid

if TYPE_CHECKING:
    from .splitting import Segmenter


@dataclass(frozen=True)
class Limits:
    """How large a section's core and margins may be."""

    section_lines: int = 20_000
    section_chars: int = 2_000_000
    margin_lines: int = 300
    margin_chars: int = 100_000

    def __post_init__(self) -> None:
        if min(self.section_lines, self.section_chars, self.margin_lines, self.margin_chars) < 1:
            raise ValueError("section and margin limits must be positive")


@dataclass(frozen=True)
class Section:
    """A run of lines to analyse: ``text`` is margin + core + margin and starts at global
    offset ``offset`` on line ``first_line``; only cuts inside ``core_start:core_end`` count."""

    index: int
    text: str
    offset: int
    first_line: int
    core_start: int
    core_end: int
    #: The number of the text's last line when this is the last section, else None.
    last_line: int | None

    @property
    def core(self) -> str:
        return self.text[self.core_start - self.offset: self.core_end - self.offset]


@dataclass(frozen=True)
class Cut:
    """Where an article starts, and why."""

    start: int
    line: int
    title: str
    score: float
    reasons: tuple[str, ...]
    evidence: tuple[tuple[str, float], ...] = ()
    #: White-space words in the section's core before this cut.
    words_before: int = 0


@dataclass(frozen=True)
class Decision:
    """What the analysis of one section decided: the cuts in its core, and how many
    white-space words the core holds (articles' word counts come from these, so the process
    that assembles articles need not count them again)."""

    cuts: list[Cut]
    core_words: int


def iter_line_texts(pieces: Iterable[str]) -> Iterator[str]:
    """The lines of the concatenated pieces, terminators kept, split as ``str.splitlines``
    splits the whole text (a ``\\r`` at the end of one piece and ``\\n`` at the start of the
    next make one line end)."""
    held: list[str] = []  # the unfinished last line, in parts (a huge line is never re-joined)
    for piece in pieces:
        if not piece:
            continue
        if held:
            # The held line ends in this piece only if this piece has a line end: otherwise
            # keep collecting parts (joining them every time would take quadratic time).
            if not _has_line_end(piece) and not held[-1].endswith("\r"):
                held.append(piece)
                continue
            piece = "".join(held) + piece
            held = []
        lines = piece.splitlines(keepends=True)
        # The last line may go on in the next piece (no terminator yet, or a \r whose \n follows).
        held.append(lines.pop())
        yield from lines
    if held:
        yield from "".join(held).splitlines(keepends=True)


_LINE_ENDS = ("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _has_line_end(piece: str) -> bool:
    return any(end in piece for end in _LINE_ENDS)


def iter_sections(pieces: Iterable[str], limits: Limits = Limits()) -> Iterator[Section]:
    """Cut the text into sections (none for an empty text)."""
    source = iter_line_texts(pieces)
    pending: deque[str] = deque()  # lines read ahead of the current core
    done = False

    def pull() -> bool:
        nonlocal done
        if done:
            return False
        for line in source:
            pending.append(line)
            return True
        done = True
        return False

    before = ""  # the previous core's tail, the margin before this core
    before_lines = 0
    offset, line_number, index = 0, 1, 0
    while pending or pull():
        core: list[str] = []
        chars = 0
        while len(core) < limits.section_lines and chars < limits.section_chars and (pending or pull()):
            line = pending.popleft()
            core.append(line)
            chars += len(line)
        after, after_lines = _margin_after(pending, pull, limits)
        last = not pending and not pull()
        core_text = "".join(core)
        yield Section(
            index=index,
            text=before + core_text + after,
            offset=offset - len(before),
            first_line=line_number - before_lines,
            core_start=offset,
            core_end=offset + chars,
            last_line=line_number + len(core) - 1 if last else None,
        )
        before, before_lines = _margin_before(core, limits)
        offset += chars
        line_number += len(core)
        index += 1


def _margin_before(core: list[str], limits: Limits) -> tuple[str, int]:
    """Whole lines from the end of ``core`` within the limits, or the tail of its last line
    when even that one is too long."""
    taken: list[str] = []
    chars = 0
    for line in reversed(core):
        if len(taken) >= limits.margin_lines or chars + len(line) > limits.margin_chars:
            break
        taken.append(line)
        chars += len(line)
    if not taken:
        return core[-1][-limits.margin_chars:], 1
    return "".join(reversed(taken)), len(taken)


def _margin_after(pending: deque[str], pull: object, limits: Limits) -> tuple[str, int]:
    """Whole lines read ahead within the limits, or the head of the next line when even that
    one is too long (the lines stay pending: they begin the next core)."""
    taken: list[str] = []
    chars = 0
    i = 0
    while len(taken) < limits.margin_lines:
        if i >= len(pending) and not pull():  # type: ignore[operator]
            break
        line = pending[i]
        if chars + len(line) > limits.margin_chars:
            if not taken:
                return line[: limits.margin_chars], 1
            break
        taken.append(line)
        chars += len(line)
        i += 1
    return "".join(taken), len(taken)


def decide_cuts(segmenter: "Segmenter", section: Section) -> Decision:
    """The article starts in ``section``'s core (the text's start, for the first section)."""
    analysis = segmenter.analyse(section.text)
    blocks = analysis.blocks
    cues = segmenter.cues
    model = segmenter.model
    # Words before each line of the text, and the lines where the core starts and ends.
    words_before = [0, *accumulate(analysis.line_words)]
    starts = [line.start for line in analysis.lines]
    core_lo = bisect_left(starts, section.core_start - section.offset)
    core_hi = bisect_left(starts, section.core_end - section.offset)

    def title(b: int) -> str:
        shape = analysis.shapes[b]
        is_headline = 0 < shape.words <= cues.headline_max_words and not shape.terminal
        return make_title(blocks[b].text, cues.headline_max_words, is_headline)

    cuts: list[Cut] = []
    if section.offset == 0 and section.core_start == 0:
        cuts.append(Cut(0, 1, title(0) if blocks else "", 1.0, ("start of input",)))
    for b in analysis.boundaries:
        start = section.offset + blocks[b].start
        if not section.core_start <= start < section.core_end:
            continue
        gap = b - 1
        row = analysis.features.row(gap)
        cuts.append(
            Cut(
                start=start,
                line=section.first_line + blocks[b].line.number - 1,
                title=title(b),
                score=round(sigmoid(analysis.logits[gap]), 4),
                reasons=tuple(model.reasons(row)) or ("vocabulary shift",),
                evidence=model.evidence(row) if segmenter.evidence else (),
                words_before=words_before[blocks[b].line.number - 1] - words_before[core_lo],
            )
        )
    return Decision(cuts, words_before[core_hi] - words_before[core_lo])


def assemble(decided: Iterable[tuple[Section, Decision]]) -> Iterator[Article]:
    """Articles from sections in order, each with the decision on its core."""
    assembler = Assembler()
    for section, decision in decided:
        yield from assembler.push(section, decision)


class Assembler:
    """Turns the cuts of each section, given in order, into articles: an article ends where
    the next cut starts or the text ends; its text is taken from the cores, which tile the
    text. Holds only the cores of the article not yet complete."""

    def __init__(self) -> None:
        self.cores: deque[tuple[int, str]] = deque()  # (offset, text) of cores not yet emitted
        self.open_cut: Cut | None = None
        self.open_words = 0  # words of the text before the open cut
        self.words = 0  # words of the cores pushed so far
        self.index = 0

    def push(self, section: Section, decision: Decision) -> list[Article]:
        """The articles completed by one more section."""
        out = []
        self.cores.append((section.core_start, section.core))
        for cut in decision.cuts:
            words = self.words + cut.words_before
            if self.open_cut is not None:
                out.append(_article(self.index, self.open_cut, cut.start, cut.line - 1, words - self.open_words, self.cores))
                self.index += 1
            self.open_cut, self.open_words = cut, words
        self.words += decision.core_words
        if section.last_line is not None and self.open_cut is not None:
            out.append(_article(
                self.index, self.open_cut, section.core_end, section.last_line, self.words - self.open_words, self.cores
            ))
            self.index += 1
            self.open_cut = None
        return out


def _article(index: int, cut: Cut, end: int, end_line: int, words: int, cores: deque[tuple[int, str]]) -> Article:
    parts = []
    for offset, text in cores:
        lo, hi = max(cut.start, offset), min(end, offset + len(text))
        if lo < hi:
            parts.append(text[lo - offset: hi - offset])
    while cores and cores[0][0] + len(cores[0][1]) <= end:
        cores.popleft()
    return Article(
        index=index,
        start=cut.start,
        end=end,
        start_line=cut.line,
        end_line=max(cut.line, end_line),
        text="".join(parts),
        title=cut.title,
        score=cut.score,
        words=words,
        reasons=cut.reasons,
        evidence=cut.evidence,
    )
