"""Hard-wrapped text: which line ends are only where the line was full, not where a paragraph ends.

Wire copy, e-mail and text files wrap their paragraphs at a fixed column: there a line end says
nothing, and a paragraph is a run of lines. Read line by line, every wrapped line looks like a
paragraph of its own, cut off mid-sentence, and the boundary model would weigh thousands of
meaningless gaps. So a text is first tested for wrapping (most of its lines end near one column,
few run past it, most of the full ones end inside a sentence); in a wrapped text, a line goes on
into the next one when it is full (the next line's first word would not have fitted after it,
or it reaches most of the width) and nothing marks a new paragraph between them (a blank line, a
separator, a deeper indent, a short line without a stop after a sentence's end). The runs are
the units the boundary model scores; an article can still start only at a line start, so
splitting stays lossless and every offset stays exact.

The thresholds are data (``corpuscut/text/data/wrapping.json``, :func:`shipped_wrap_rules`),
read by the segmenter, the article bodies and sentence splitting alike; the segmenter also takes
a file of its own (``corpuscut.segmenter.wrapping.load_wrap_rules``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .datafiles import read_json
from .lines import LINE_END_CHARS, Line

TERMINAL = ".!?:;\"'\u201d\u2019)]\u2026\u3002\uff01\uff1f\u300d\u300f\uff09"  # with the full-width stops of Chinese and Japanese
#: What closes a sentence after its stop: quotes and brackets.
CLOSERS = "\"'\u201d\u2019)]\u300d\u300f\uff09"


def _ends_sentence(line: str) -> bool:
    """Ends with a stop, closing quotes and brackets after it aside: ``... said."`` does, a
    headline that ends on a quoted phrase (``Assembly ballot papers 'missing'``) does not."""
    core = line.rstrip(CLOSERS)
    return bool(core) and core[-1] in TERMINAL


@dataclass(frozen=True)
class WrapRules:
    """When a text counts as hard-wrapped, and when one of its lines goes on into the next."""

    #: Fewer text lines than this tell too little about a width.
    min_lines: int
    #: The width of a wrapped text lies in this range of characters.
    min_width: int
    max_width: int
    #: The width is the length this share of lines stays within.
    width_quantile: float
    #: A line at least this share of the width long is full.
    full_share: float
    #: A wrapped text has at least this share of its lines full...
    min_full_lines: float
    #: ...and at most this share longer than the width...
    max_long_lines: float
    #: ...and at least this share of its full lines end inside a sentence.
    min_open_lines: float
    #: Paragraphs are marked by indentation when at least this share of lines is indented deeper
    #: than the text's usual indentation.
    indent_share: float
    #: The usual indentation is the least that at least this share of lines have (the lines a
    #: paragraph goes on in), however many lines of tables or lists stand deeper.
    base_share: float
    #: A text too short to tell its width this way reads as wrapped only with at least this many
    #: full lines (a wire story of a few lines has four or more).
    short_min_full_lines: int
    #: Lines at one depth below the margin are a table's rows, not a wrapped paragraph, when the
    #: first is shorter than this share of the text's longest line.
    row_max_share: float


#: Where the shipped rules are, inside this package.
RULES_FILE = "data/wrapping.json"


def wrap_rules_from(raw: dict[str, object], base: WrapRules | None = None) -> WrapRules:
    """Rules from a JSON object of WrapRules' fields (keys starting with ``_`` are comments);
    fields it leaves out come from ``base``. Raises ValueError naming an unknown or non-number
    key."""
    known = set(WrapRules.__dataclass_fields__)
    values = {k: v for k, v in raw.items() if not k.startswith("_")}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"unknown key(s) {', '.join(unknown)}")
    wrong = sorted(k for k, v in values.items() if isinstance(v, bool) or not isinstance(v, (int, float)))
    if wrong:
        raise ValueError(f"{', '.join(wrong)} must be numbers")
    if base is not None:
        values = {**{k: getattr(base, k) for k in known}, **values}
    missing = sorted(known - set(values))
    if missing:
        raise ValueError(f"missing key(s) {', '.join(missing)}")
    return WrapRules(**values)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def shipped_wrap_rules() -> WrapRules:
    """The rules shipped with the package (read once per process)."""
    return wrap_rules_from(read_json("corpuscut.text", RULES_FILE))


def _indent(line_text: str) -> int:
    """Columns of leading white space (a tab to the next multiple of 8)."""
    stripped = line_text.rstrip(LINE_END_CHARS)
    lead = stripped[: len(stripped) - len(stripped.lstrip())]
    return len(lead.expandtabs(8))


def _usual_indent(indents: list[int], share: float) -> int:
    """The least indentation that at least ``share`` of the lines have (the median when none
    does): wire copy indents each paragraph's first line, and its tables and short lines stand
    at that depth too, but its paragraphs go on at the margin."""
    counts = Counter(indents)
    for depth in sorted(counts):
        if counts[depth] >= share * len(indents):
            return depth
    return sorted(indents)[len(indents) // 2]


def continues_next(text: str, lines: list[Line], rules: WrapRules) -> list[bool]:
    """For each line of ``lines`` (all lines of ``text``, blank ones included), whether it goes
    on into the next line as part of the same hard-wrapped paragraph. All False unless the text
    is hard-wrapped."""
    out = [False] * len(lines)
    text_lines = [i for i, line in enumerate(lines) if line.content]
    if len(text_lines) < rules.min_lines:
        return out
    lengths = sorted(len(lines[i].content) for i in text_lines)
    width = lengths[min(len(lengths) - 1, int(rules.width_quantile * len(lengths)))]
    # The longest line within a little of that: a greedy wrapper fills lines up to its width.
    width = max(n for n in lengths if n <= width * 1.1)
    if not rules.min_width <= width <= rules.max_width:
        return out
    full = rules.full_share * width
    long_lines = sum(n > width + 1 for n in lengths)
    full_lines = sum(n >= full for n in lengths)
    if long_lines > rules.max_long_lines * len(lengths) or full_lines < rules.min_full_lines * len(lengths):
        return out
    # A wrapper breaks lines wherever the width falls, mostly inside a sentence; a text of a
    # sentence a line (of even length) ends every full line with a stop.
    full_ends = [lines[i].content[-1] for i in text_lines if len(lines[i].content) >= full]
    if sum(end not in TERMINAL for end in full_ends) < rules.min_open_lines * len(full_ends):
        return out
    indents = [_indent(text[lines[i].start: lines[i].end]) for i in text_lines]
    base = _usual_indent(indents, rules.base_share)
    indent_of = dict(zip(text_lines, indents))
    indented = sum(d > base for d in indents) >= rules.indent_share * len(indents)
    blank_marked = sum(not line.content for line in lines) >= rules.indent_share * len(text_lines)
    # Where a paragraph visibly starts: after a blank line, or on a deeper indent.
    starts = {j for i, j in zip(text_lines, text_lines[1:]) if j != i + 1 or (indented and indent_of[j] > base)}
    for k, (i, j) in enumerate(zip(text_lines, text_lines[1:])):
        if j in starts:
            continue
        here, after = lines[i].content, lines[j].content
        # A line that runs past the width was never wrapped at it (a paragraph on one line, as
        # a scraper writes it, in a dump that also holds wire copy): no line goes on into it.
        if len(here) > width + 1 or len(after) > width + 1:
            continue
        first_word = after.split(None, 1)[0]
        if len(here) < full and len(here) + 1 + len(first_word) <= width:
            continue  # the next word would have fitted: the line ended on purpose
        alone = k + 2 >= len(text_lines) or text_lines[k + 2] in starts
        if here[-1] in TERMINAL and not after[0].islower():
            # A full line that ends a sentence may end a paragraph too, unless the text marks
            # its paragraphs otherwise (indents, blank lines); and even then, not before a
            # line of its own without a stop (a headline, a subhead, a sign-off).
            if not (indented or blank_marked):
                continue
            if alone and not _ends_sentence(after):
                continue
        elif (alone and after[0].isupper() and not _ends_sentence(after)
              and indent_of[i] + len(here) + 1 + len(first_word) <= width):
            # Nor does a line go on into a capitalised line without a stop that stands alone
            # before the next paragraph when that line's first word would have fitted after it
            # (its indent counted, as the wrapper counted it): a headline under a story whose
            # last line has no stop (a link's title, a tweet's address). The fit is asked only
            # here, where the line after has the shape of a line of its own: the width is read
            # off the text and may lie a little over the wrapper's.
            continue
        out[i] = True
    return out
