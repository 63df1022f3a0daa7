"""Article records: lossless spans of the input with a title, a score and reasons."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from corpuscut.text.datafiles import read_json
from corpuscut.text.words import CJK_CHARS, has_cjk

TITLE_MAX_CHARS = 100
#: What starts a text's first line with words, and what ends a line (as ``str.splitlines`` ends
#: them: every one of them is white space, so the line's words start at the first non-space).
_NON_SPACE = re.compile(r"\S")
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class Article:
    """One article: ``text == input[start:end]``; lines are 1-based and inclusive."""

    #: Its position in its document, from 0 as Python counts (records, the screen and
    #: ``--out-dir``'s file names count from 1).
    index: int
    start: int
    end: int
    start_line: int
    end_line: int
    text: str
    title: str
    score: float
    #: White-space words of ``text`` (as ``len(text.split())`` counts them).
    words: int
    reasons: tuple[str, ...] = field(default_factory=tuple)
    #: Each cue's contribution to the cut's log-odds (weight times value), largest first.
    evidence: tuple[tuple[str, float], ...] = field(default_factory=tuple)
    #: The main text is ``text[body_start:body_end]`` (all of it where there is no furniture:
    #: menus, cookie notices, share buttons, related links, footers); set by ``segmenter.body``.
    body_start: int = 0
    body_end: int = -1
    #: Share of the characters of ``text`` outside the body.
    boilerplate: float = 0.0
    #: The runs of lines left out of the body (1-based lines of ``text``) and why, for --explain.
    body_dropped: tuple[tuple[int, int, str], ...] = field(default_factory=tuple)
    #: The article's own language, as ``--language`` names it, where it was told from its text
    #: (:func:`corpuscut.text.language.article_language`); None: its document's.
    language: str | None = None

    def __post_init__(self) -> None:
        if self.body_end < 0:  # no body found yet: the whole text
            object.__setattr__(self, "body_end", len(self.text))

    @property
    def body(self) -> str:
        return self.text[self.body_start:self.body_end]

    @property
    def title_guessed(self) -> bool:
        """Whether the title is made up (the opening words, a headline cut short, or a headline
        found further down) rather than the text's first line with words as it stands."""
        first = _NON_SPACE.search(self.text)
        if first is None:
            return bool(self.title)
        # Only the first line's start is read where that tells: the words of a start that runs
        # on into the line begin the line's words, so if they are longer than the title, so
        # are the line's (the first line of an article a line is its whole text).
        start = first.start()
        head = self.text[start: start + 2 * len(self.title) + 2]
        end = _LINE_BREAK.search(head)
        if end is not None:
            return " ".join(head[:end.start()].split()) != self.title
        if len(" ".join(head.split())) > len(self.title):
            return True
        end = _LINE_BREAK.search(self.text, start)
        return " ".join(self.text[start: end.start() if end else len(self.text)].split()) != self.title


def body_only(article: Article) -> Article:
    """The article cut down to its body: offsets, lines and words those of the body."""
    if article.body_start == 0 and article.body_end == len(article.text):
        return article
    body = article.body
    first_line = article.start_line + article.text.count("\n", 0, article.body_start)
    return replace(
        article,
        start=article.start + article.body_start,
        end=article.start + article.body_end,
        start_line=first_line,
        end_line=max(first_line, first_line + body.rstrip("\n").count("\n")),
        text=body,
        words=count_words(body),
        body_start=0,
        body_end=len(body),
    )


_WORDS = re.compile(r"\S+")
#: A word: one Chinese or Japanese character, or a run of other characters between spaces
#: (not of their full-width punctuation, 、。「」！？ and the like, which are no words).
_CJK_PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_CJK_WORDS = re.compile(f"[{CJK_CHARS}]|[^\\s{CJK_CHARS}{_CJK_PUNCTUATION}]+")
#: Longer texts are counted without splitting them into a list of words (bounded memory).
SPLIT_COUNT_CHARS = 100_000


def count_white_space_words(text: str) -> int:
    """Whitespace-separated words of ``text`` (what the cues read as a line's length)."""
    if len(text) <= SPLIT_COUNT_CHARS:
        return len(text.split())
    return _WORDS.subn("", text)[1]


def count_words(text: str) -> int:
    """Words of ``text``: whitespace-separated, but each Chinese or Japanese character counted
    as a word, as word processors count them (that script puts no spaces between words, and a
    line of it would count as one)."""
    if not has_cjk(text):
        return count_white_space_words(text)
    return _CJK_WORDS.subn("", text)[1]


def make_title(first_line: str, headline_max_words: int, is_headline: bool, max_chars: int = TITLE_MAX_CHARS) -> str:
    """The article's headline (of at most ``max_chars`` characters), or its opening words when
    it has none (white space normalised; "…" where words were left out)."""
    head = without_glued_furniture(first_line[: 20 * max(max_chars, TITLE_MAX_CHARS)])
    glued = glued_headline(head)
    if glued is not None and len(glued) <= max_chars:
        return glued
    if is_headline:
        line = " ".join(head.split())
        if len(line) <= max_chars:
            return line
    keep = headline_max_words // 2 + 3
    head = _without_opening(head)
    keep += _name_goes_on(head.split(maxsplit=keep + NAME_MAX_WORDS + 1)[keep - 1: keep + NAME_MAX_WORDS + 1])
    parts = head.split(maxsplit=keep)  # the words kept, and the rest of the line unsplit
    words = parts[:keep]
    title = shown = " ".join(words)
    if len(title) > TITLE_MAX_CHARS:
        title = title[: TITLE_MAX_CHARS - 1].rstrip()
    return title + ("…" if len(parts) > keep or title != shown else "")


#: Opening words are not cut inside a name ("... Minister Dr Harsh Vardhan …", not "... Minister
#: Dr …") where it ends within this many more words.
NAME_MAX_WORDS = 3


def _name(word: str) -> bool:
    """A word of a name: capitalised, not all in upper case (a line in capitals is no name)."""
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def _name_goes_on(words: list[str]) -> int:
    """How many of the words after ``words[0]`` (the last word kept) go on with the name it
    is in: up to the first that is not a word of a name, or ends in punctuation; none where
    the name runs past NAME_MAX_WORDS more words (a run of capitals that long is no name)."""
    if not words or not _name(words[0]) or not words[0][-1:].isalnum():
        return 0
    more = 0
    for word in words[1:]:
        if not _name(word):
            return more
        more += 1
        if not word[-1:].isalnum():
            return more
    return more if more <= NAME_MAX_WORDS else 0


#: A glued headline is sought in this much of a line, and has at least this many words.
GLUED_HEAD_CHARS = 400
GLUED_MIN_WORDS = 3
#: A dateline's place has at most this many words ("RIO DE JANEIRO").
PLACE_MAX_WORDS = 3


@dataclass(frozen=True)
class _GluedCues:
    """``data/title-cues.json``'s cues of a wire headline glued to its byline or dateline."""

    byline: Any
    dateline: Any
    openers: frozenset[str]
    closers: frozenset[str]


@lru_cache(maxsize=1)
def _glued_cues() -> _GluedCues:
    from .cues import _compile

    data = read_json("corpuscut.segmenter", "data/title-cues.json")
    return _GluedCues(_compile("glued_byline", data["glued_byline"], "title cues"),
                      _compile("glued_dateline", data["glued_dateline"], "title cues"),
                      frozenset(data["place_openers"]), frozenset(data["place_closers"]))


def glued_headline(line: str) -> str | None:
    """The upper-case headline that opens ``line`` where a byline or a dateline follows it on
    the same line (a wire story run into one line: "E.F. HUTTON <EFH> SETS FINANCES TELEPHONE
    DEAL NEW YORK, April 8 - E.F. Hutton ..." is headed "E.F. HUTTON <EFH> SETS FINANCES
    TELEPHONE DEAL"), None where the line does not open so. A dateline's place is upper case
    too: it is the last word before the dateline's tail and the words of a place's name before
    it (``place_openers``, ``place_closers``)."""
    head = line[:GLUED_HEAD_CHARS]
    first = head.split(None, 1)[:1]
    if first and any(ch.islower() for ch in first[0]):
        # the headline's words are those in upper case before the first that is not, and it
        # needs GLUED_MIN_WORDS of them: none of a line that opens with such a word (most lines)
        return None
    cues = _glued_cues()
    found = [(m.start(), False) for m in [cues.byline.search(head)] if m]
    found += [(m.start(), True) for m in [cues.dateline.search(head)] if m]
    if not found:
        return None
    end, dateline = min(found)
    words = head[:end].split()
    caps = next((i for i, w in enumerate(words) if any(ch.islower() for ch in w)), len(words))
    place = words[caps:]  # a place not in upper case
    if place and (not dateline or len(place) > PLACE_MAX_WORDS):
        return None
    words = words[:caps]
    if dateline and not place:
        words = _without_place(words, cues)
        if words and words[-1].endswith(","):  # that was the place's state or country
            words = _without_place(words, cues)
    words[-1:] = [words[-1].rstrip(",;:-")] if words else []
    if sum(any(ch.isalpha() for ch in w) for w in words) < GLUED_MIN_WORDS:
        return None
    return " ".join(words)


def _without_place(words: list[str], cues: _GluedCues) -> list[str]:
    """``words`` without the upper-case place name that ends them ("NEW YORK", "KANSAS CITY")."""
    start = len(words) - 1
    if start > 0 and words[start].rstrip(",") in cues.closers:
        start -= 1
    while start > 0 and len(words) - start < PLACE_MAX_WORDS and words[start - 1].lstrip(_PLACE_MARKS) in cues.openers:
        start -= 1
    return words[:max(0, start)]


#: Marks a feed puts before a dateline's place, glued to it ("****SANTO DOMINGO, March 5 - ").
_PLACE_MARKS = "*#+"


#: At most this many openings (a byline, then a dateline) are left out of a made-up title.
MAX_OPENINGS = 3
#: A made-up title keeps its opening where fewer words than this would be left after it.
MIN_WORDS_AFTER_OPENING = 4


@lru_cache(maxsize=1)
def _openings() -> Any:
    """The openings a made-up title leaves out (``data/title-cues.json``), as one RE2 pattern."""
    import re2

    from .cues import _compile

    patterns = read_json("corpuscut.segmenter", "data/title-cues.json")["opening"]
    _compile("opening", patterns, "title cues")
    return re2.compile("|".join(f"(?:{p})" for p in patterns))


#: A run of glued furniture is left out of a title only where at least this many words follow it.
MIN_WORDS_AFTER_FURNITURE = 3
#: What may stand between two pieces of a footer's links on one line.
_FURNITURE_GAP = re.compile("[\\s|\u00b7\u2022/-]*")
#: What a text glued to a footer's last link may open with: a word, a bracket, a quote mark.
_GLUE = re.compile("[\\w(\\[\"'\u201c\u2018]")


@lru_cache(maxsize=1)
def _glued_furniture() -> Any:
    """A piece of a page's footer or menu (``glued_furniture`` in ``data/title-cues.json``), as
    one RE2 pattern, case-insensitive."""
    import re2

    from .cues import _compile

    patterns = read_json("corpuscut.segmenter", "data/title-cues.json")["glued_furniture"]
    _compile("glued_furniture", patterns, "title cues")
    return re2.compile("(?i)(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")


def _glued(text: str, end: int, after_glue: bool) -> bool:
    """Whether the piece of furniture that ends at ``end`` is glued to what follows it: a capital
    after a small letter ("PolicyTerms"), a digit, a bracket or a quote mark right after it; a
    letter of the same case only where the piece was glued to the one before it too
    ("PolicyTerms of Servicethe": elsewhere a word may go on, "Contacts", "About usage"), and
    not a lone letter (a plural: "Terms of Services")."""
    if _GLUE.match(text, end) is None:
        return False
    before, after = text[end - 1], text[end]
    if not (before.isalpha() and after.isalpha()) or (before.islower() and after.isupper()):
        return True
    word = text[end:].split(None, 1)[0]
    return after_glue and len(word) > 1 and word.isalpha() and before.islower() == after.islower()


def without_glued_furniture(line: str) -> str:
    """``line`` without the page furniture glued onto its front: a page's last line run into the
    next story's first where a file that ends without a line break was put before another
    ("Privacy PolicyTerms of Servicethe extent of ..." is "the extent of ..."). A run of footer
    pieces is left out only where one of them is glued to what follows it (a sentence may open
    with "Contact us"), and enough words are left."""
    stripped = line.lstrip()
    pattern = _glued_furniture()
    position = 0
    glued = after_glue = False
    while position < len(stripped):
        found = pattern.match(stripped[position:])
        if found is None or not found.end():
            break
        end = position + found.end()
        after_glue = end < len(stripped) and _glued(stripped, end, after_glue)
        if after_glue:
            glued, position = True, end
            continue
        gap = _FURNITURE_GAP.match(stripped, end)
        if gap is None or gap.end() == end:
            return line  # a piece followed by punctuation or nothing: not a run of links before a text
        position = gap.end()
    rest = stripped[position:]
    if glued and len(rest.split(None, MIN_WORDS_AFTER_FURNITURE)) >= MIN_WORDS_AFTER_FURNITURE:
        return rest
    return line


def glued_furniture_length(line: str) -> int:
    """How many characters of ``line`` are page furniture glued onto its front (0 where none
    is): where a story starts when a file that ends without a line break was put before it."""
    if _glued_furniture().match(line[:TITLE_MAX_CHARS].lstrip()) is None:
        return 0  # what nearly every line answers, without the search below
    head = line[: 20 * TITLE_MAX_CHARS]
    rest = without_glued_furniture(head)
    return len(head) - len(rest) if rest is not head else 0


def _without_opening(line: str) -> str:
    """``line`` without the byline, dateline or agency credit that opens it (a wire story's),
    where enough words are left."""
    stripped = line.lstrip()
    for _ in range(MAX_OPENINGS):
        found = _openings().match(stripped)
        if found is None or not found.end():
            break
        rest = stripped[found.end():].lstrip()
        if len(rest.split(None, MIN_WORDS_AFTER_OPENING)) < MIN_WORDS_AFTER_OPENING:
            break
        stripped = rest
    return stripped
