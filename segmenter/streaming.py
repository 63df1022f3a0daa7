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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterable, Iterator

from corpuscut.text.words import has_cjk

from .articles import TITLE_MAX_CHARS, Article, count_words, glued_furniture_length, make_title
from .body import Body, find_body

if TYPE_CHECKING:
    from .splitting import Analysis, Segmenter


#: Reason given for an article cut because it reached ``Limits.article_chars``.
SIZE_LIMIT = "size limit"


@dataclass(frozen=True)
class Limits:
    """How large a section's core and margins may be, and how long a line or an article may
    grow before it is cut: what bounds memory whatever the input (a line with no end, an
    article with no boundary). Cuts at these caps are lossless like any other."""

    section_lines: int = 20_000
    section_chars: int = 2_000_000
    margin_lines: int = 300
    margin_chars: int = 100_000
    #: A line longer than this is read in pieces of this many characters.
    line_chars: int = 1_000_000
    #: An article longer than this is cut (at its last line start past half of it, else here).
    article_chars: int = 5_000_000

    def __post_init__(self) -> None:
        if min(self.section_lines, self.section_chars, self.margin_lines, self.margin_chars,
               self.line_chars, self.article_chars) < 1:
            raise ValueError("section, margin, line and article limits must be positive")


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
    #: The cut is inside its line, after page furniture glued onto the line's front (the
    #: article before ends with that furniture, on this line).
    inside_line: bool = False


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
    for text, _ in iter_line_parts(pieces, None):
        yield text


def iter_line_parts(pieces: Iterable[str], max_chars: int | None) -> Iterator[tuple[str, bool]]:
    """The lines of the concatenated pieces as ``iter_line_texts`` gives them, each with True,
    except that a line longer than ``max_chars`` comes in parts of ``max_chars`` characters
    (never between a ``\\r`` and its ``\\n``), all but its last with False: so no more than
    about ``max_chars`` plus a piece is ever held, however long a line runs."""
    held: list[str] = []  # the unfinished last line, in parts (a huge line is never re-joined)
    held_chars = 0
    for piece in pieces:
        if not piece:
            continue
        if held:
            # The held line ends in this piece only if this piece has a line end: otherwise
            # keep collecting parts (joining them every time would take quadratic time).
            if not _has_line_end(piece) and not held[-1].endswith("\r"):
                held.append(piece)
                held_chars += len(piece)
                if max_chars is not None and held_chars > max_chars:
                    line = "".join(held)
                    keep = len(line) % max_chars or max_chars
                    yield from _parts(line[: len(line) - keep], max_chars, ends=False)
                    held, held_chars = [line[len(line) - keep:]], keep
                continue
            piece = "".join(held) + piece
            held, held_chars = [], 0
        lines = piece.splitlines(keepends=True)
        # The last line may go on in the next piece (no terminator yet, or a \r whose \n follows).
        last = lines.pop()
        if max_chars is None or max(map(len, lines), default=0) <= max_chars:
            # (most pieces: no line to cut, none read through a generator of its parts)
            for line in lines:
                yield line, True
        else:
            for line in lines:
                yield from _parts(line, max_chars, ends=True)
        if last[-1] in _LINE_ENDS and last[-1] != "\r":
            yield from _parts(last, max_chars, ends=True)
            held, held_chars = [], 0
        else:
            held, held_chars = [last], len(last)
    if held:
        for line in "".join(held).splitlines(keepends=True):
            yield from _parts(line, max_chars, ends=True)


def _parts(line: str, max_chars: int | None, ends: bool) -> Iterator[tuple[str, bool]]:
    """``line`` in parts of at most ``max_chars`` (the last one ``ends`` the line)."""
    if max_chars is None or len(line) <= max_chars:
        yield line, ends
        return
    start = 0
    while len(line) - start > max_chars:
        stop = start + max_chars
        if line[stop - 1] == "\r" and line[stop: stop + 1] == "\n" and stop - 1 > start:
            stop -= 1  # a \r\n stays whole
        yield line[start:stop], False
        start = stop
    yield line[start:], ends


_LINE_ENDS = ("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _has_line_end(piece: str) -> bool:
    return any(end in piece for end in _LINE_ENDS)


def iter_sections(pieces: Iterable[str], limits: Limits = Limits()) -> Iterator[Section]:
    """Cut the text into sections (none for an empty text)."""
    source = iter_line_parts(pieces, limits.line_chars)
    pending: deque[tuple[str, bool]] = deque()  # lines (or parts of long ones) read ahead of the core
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
        core: list[tuple[str, bool]] = []
        chars = 0
        while len(core) < limits.section_lines and chars < limits.section_chars and (pending or pull()):
            line = pending.popleft()
            core.append(line)
            chars += len(line[0])
        after = _margin_after(pending, pull, limits)
        last = not pending and not pull()
        core_text = "".join(text for text, _ in core)
        ended = sum(ends for _, ends in core)
        yield Section(
            index=index,
            text=before + core_text + after,
            offset=offset - len(before),
            first_line=line_number - before_lines,
            core_start=offset,
            core_end=offset + chars,
            last_line=line_number + ended - 1 if last else None,
        )
        if last:
            return
        before, before_lines = _margin_before(core, limits)
        offset += chars
        line_number += ended
        index += 1


def _margin_before(core: list[tuple[str, bool]], limits: Limits) -> tuple[str, int]:
    """Whole lines (or parts) from the end of ``core`` within the limits, or the tail of its
    last one when even that is too long; and how many line ends they hold."""
    taken: list[str] = []
    chars = ends = 0
    for line, line_ends in reversed(core):
        if len(taken) >= limits.margin_lines or chars + len(line) > limits.margin_chars:
            break
        taken.append(line)
        chars += len(line)
        ends += line_ends
    if not taken:
        return core[-1][0][-limits.margin_chars:], int(core[-1][1])
    return "".join(reversed(taken)), ends


def _margin_after(pending: deque[tuple[str, bool]], pull: object, limits: Limits) -> str:
    """Whole lines (or parts) read ahead within the limits, or the head of the next one when
    even that is too long (they stay pending: they begin the next core)."""
    taken: list[str] = []
    chars = 0
    i = 0
    while len(taken) < limits.margin_lines:
        if i >= len(pending) and not pull():  # type: ignore[operator]
            break
        line = pending[i][0]
        if chars + len(line) > limits.margin_chars:
            if not taken:
                return line[: limits.margin_chars]
            break
        taken.append(line)
        chars += len(line)
        i += 1
    return "".join(taken)


def decide_cuts(segmenter: "Segmenter", section: Section, analysis: "Analysis | None" = None) -> Decision:
    """The article starts in ``section``'s core (the text's start, for the first section),
    from the segmenter's analysis of its text (made here unless given)."""
    if analysis is None:
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
    inside = [b for b in analysis.boundaries if section.core_start <= section.offset + blocks[b].start < section.core_end]
    # the boundary model's reasons for all its cuts at once
    scored = [b for b in inside if analysis.page is None or b in analysis.page.article]
    model_reasons = dict(zip(scored, model.reasons_of(analysis.features.matrix[[b - 1 for b in scored]]))) if scored else {}
    for b in inside:
        # A story run into the page footer before it (a file with no line break at its end put
        # before it): the story starts after the footer, inside the line.
        glued = glued_furniture_length(blocks[b].text)
        start = section.offset + blocks[b].start + glued
        gap = b - 1
        if analysis.page is not None and b not in analysis.page.article:  # page text: the page model scored the cut
            pages = segmenter.pages
            page_row = analysis.page.rows[gap].tolist()
            score = pages.probability(float(analysis.page.logits[gap]))
            reasons = tuple(pages.reasons(page_row))
            evidence = pages.evidence(page_row) if segmenter.evidence else ()
        else:
            score = model.probability(analysis.logits[gap])
            reasons = tuple(model_reasons[b]) or ("vocabulary shift",)
            evidence = model.evidence(analysis.features.row(gap)) if segmenter.evidence else ()
        cuts.append(
            Cut(
                start=start,
                line=section.first_line + blocks[b].line.number - 1,
                title=title(b),
                score=round(score, 4),
                reasons=reasons,
                evidence=evidence,
                words_before=words_before[blocks[b].line.number - 1] - words_before[core_lo],
                inside_line=glued > 0,
            )
        )
    return Decision(cuts, words_before[core_hi] - words_before[core_lo])


def assemble(
    decided: Iterable[tuple[Section, Decision]], limits: Limits = Limits(), title_words: int = 18, explain: bool = True
) -> Iterator[Article]:
    """Articles from sections in order, each with the decision on its core (and, with
    ``explain``, the lines its body leaves out)."""
    assembler = Assembler(limits, title_words, explain)
    for section, decision in decided:
        yield from assembler.push(section, decision)


class Assembler:
    """Turns the cuts of each section, given in order, into articles: an article ends where
    the next cut starts or the text ends; its text is taken from the cores, which tile the
    text. Holds only the cores of the article not yet complete; an article that would grow
    past ``limits.article_chars`` is cut there (reason "size limit"), so that is bounded too.
    ``title_words`` is the cue set's ``headline_max_words`` (the title of such a cut's article
    is its opening words)."""

    def __init__(self, limits: Limits = Limits(), title_words: int = 18, explain: bool = True) -> None:
        self.cores: deque[tuple[int, str]] = deque()  # (offset, text) of cores not yet emitted
        self.open_cut: Cut | None = None
        self.open_words = 0  # words of the text before the open cut
        self.words = 0  # words of the cores pushed so far
        self.index = 0
        self.limits = limits
        self.title_words = title_words
        #: The open article's words must be counted from its text: it began at a size-limit
        #: cut, or it may hold a line read in parts (whose words sections cannot count).
        self.recount = False
        self.bodies: dict[tuple[int, int], Body] = {}
        self.languages: dict[tuple[int, int], str] = {}
        #: Whether the bodies found here name the lines they leave out (for --explain).
        self.explain = explain

    def push(self, section: Section, decision: Decision, bodies: "dict[tuple[int, int], Body] | None" = None,
             languages: "dict[tuple[int, int], str] | None" = None) -> list[Article]:
        """The articles completed by one more section (``bodies``: those already found, by
        each article's start and end offsets; the others are found here; ``languages``: the
        articles' own languages where they were told, by the same offsets)."""
        self.bodies = bodies or {}
        self.languages = languages or {}
        out: list[Article] = []
        self.cores.append((section.core_start, section.core))
        for cut in decision.cuts:
            words = self.words + cut.words_before
            if self.open_cut is not None:
                out.extend(self._cap(cut.start))
                # a cut inside its line leaves the line's front to the article before: both counted anew
                out.append(self._complete(cut.start, cut.line - 1 + cut.inside_line, words - self.open_words,
                                          recount=cut.inside_line))
            self.open_cut, self.open_words, self.recount = cut, words, cut.inside_line
        self.words += decision.core_words
        if self.open_cut is not None:
            out.extend(self._cap(section.core_end))
        if section.last_line is not None and self.open_cut is not None:
            out.append(self._complete(section.core_end, section.last_line, self.words - self.open_words))
            self.open_cut = None
        return out

    def _complete(self, end: int, end_line: int, words: int, recount: bool = False) -> Article:
        assert self.open_cut is not None
        key = (self.open_cut.start, end)
        article = _article(self.index, self.open_cut, end, end_line, words, self.cores, self.bodies.get(key),
                           self.explain, self.languages.get(key))
        if (recount or self.recount or len(article.text) > self.limits.line_chars
                or has_cjk(article.text)):
            # The sections counted white-space words; Chinese and Japanese count by character.
            article = replace(article, words=count_words(article.text))
        self.index += 1
        return article

    def _cap(self, until: int) -> Iterator[Article]:
        """Size-limit articles cut from the open one while it would run past the cap up to
        offset ``until``."""
        cap = self.limits.article_chars
        while self.open_cut is not None and until - self.open_cut.start > cap:
            cut = self.open_cut
            if until - cut.start - cap <= 2 and not _text(self.cores, cut.start + cap, until).strip():
                break  # only a line end is past the cap: it stays, rather than be an "article" of its own
            head = _text(self.cores, cut.start, cut.start + cap + 1)
            stop = _cap_point(head, cap)
            text = head[:stop]
            ends = line_ends(text)
            at_line_start = text[-1] in _LINE_ENDS
            line = cut.line + ends
            yield self._complete(cut.start + stop, line - 1 if at_line_start else line, 0, recount=True)
            self.recount = True
            first = _text(self.cores, cut.start + stop, cut.start + stop + 20 * TITLE_MAX_CHARS).splitlines()
            title = make_title(first[0] if first else "", self.title_words, False)
            # The cap, not the text, makes this cut: no evidence of a new article, so score 0.
            self.open_cut = Cut(cut.start + stop, line, title, 0.0, (SIZE_LIMIT,))


def _cap_point(head: str, cap: int) -> int:
    """Where to cut an article whose first ``cap`` characters (and one more) are ``head``: at
    its last line start past half of them, else at the cap (not between \\r and \\n)."""
    last = max(head[:cap].rfind(end) for end in _LINE_ENDS)
    if last >= max(1, cap // 2):
        if head[last: last + 2] != "\r\n":
            return last + 1
        if last + 2 <= cap:
            return last + 2
    return cap - 1 if head[cap - 1: cap + 1] == "\r\n" and cap > 1 else cap


def line_ends(text: str) -> int:
    """How many line ends ``text`` holds, as ``str.splitlines`` counts them."""
    return sum(text.count(end) for end in _LINE_ENDS) - text.count("\r\n")


def _text(cores: deque[tuple[int, str]], start: int, end: int) -> str:
    """The text from ``start`` to ``end`` (or the end of the cores), from the cores."""
    parts = []
    for offset, text in cores:
        lo, hi = max(start, offset), min(end, offset + len(text))
        if lo < hi:
            parts.append(text[lo - offset: hi - offset])
    return "".join(parts)


def _article(
    index: int, cut: Cut, end: int, end_line: int, words: int, cores: deque[tuple[int, str]], body: Body | None = None,
    explain: bool = True, language: str | None = None,
) -> Article:
    text = _text(cores, cut.start, end)
    while cores and cores[0][0] + len(cores[0][1]) <= end:
        cores.popleft()
    if body is None:
        body = find_body(text, explain=explain)
    title = body.title() or cut.title
    return Article(
        index=index,
        start=cut.start,
        end=end,
        start_line=cut.line,
        end_line=max(cut.line, end_line),
        text=text,
        title=title,
        score=cut.score,
        words=words,
        reasons=cut.reasons,
        evidence=cut.evidence,
        body_start=body.start,
        body_end=body.end,
        boilerplate=body.boilerplate,
        body_dropped=body.dropped,
        language=language,
    )
