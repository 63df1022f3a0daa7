"""Cue patterns and words, loaded from JSON data files, and what they say about one line."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from corpuscut.text.datafiles import read_json

from .articles import count_white_space_words
from .errors import CueFileError

Pattern = Any  # a compiled RE2 pattern: .search(text) -> match or None


def found_in(pattern: Pattern, text: str) -> bool:
    """Whether RE2's ``pattern`` is found in ``text``, asked in its UTF-8 bytes (the bytes RE2
    reads of the string) of a set that holds the pattern alone (:func:`_finder`): the same
    answer as a search, without the match object and the binding's Python code around it, a
    third of the cost of a search of a short line (cues are asked of every line)."""
    return _finder(pattern).Match(text.encode("utf-8")) is not None


@lru_cache(maxsize=256)
def _finder(pattern: Pattern) -> Any:
    """An RE2 set of ``pattern`` alone, compiled with its options: it tells only whether the
    pattern is found."""
    import re2

    finder = re2.Set.SearchSet(options=pattern.options)
    finder.Add(pattern.pattern)
    finder.Compile()
    return finder

SEPARATOR_MAX_CHARS = 80
LONG_LINE_CHARS = 400
HEAD_CHARS = 300
TAIL_CHARS = 60
#: ``sentence_end`` is searched in at most this many characters at a line's end (a quotation's
#: attribution after its stop runs to a few dozen words).
END_CHARS = 200
#: ``caption`` is searched in at most this many characters at a line's start (a caption names
#: its people and their places in its first words).
CAPTION_CHARS = 200
#: ``question_turn`` is searched in at most this many characters at a line's end.
QUESTION_CHARS = 8
#: ``label_end`` is searched in at most this many characters at a line's end (a label and a title).
LABEL_CHARS = 170
CLOSERS = "\"'\u201d\u2019)]\u00bb"


class LineShape(NamedTuple):
    """What the cues say about one line of text."""

    words: int
    terminal: bool
    title_case: float  #: share of capitalised words; 0 on lines longer than a headline
    starts_lower: bool
    ends_colon: bool
    #: A single sentence of at least ``lede_min_words`` words: a news article's first paragraph
    #: (its lede) is, most of its other paragraphs are not.
    one_sentence: bool
    #: Upper case throughout (at least two words): a wire headline, or a subhead.
    all_caps: bool = False
    #: Ends with a question mark (closing quotes aside): "What is an IP address?" may be a
    #: headline for all its final stop.
    question: bool = False
    # One field per kind of cue that sets one (CueKind.field): a pattern of its list is in the line.
    end_cue: bool = False
    #: A credit, source, share or link line (``Read more: ...``, ``Photo: ...``): it closes a
    #: news story, and stands between a web article's paragraphs too.
    aside: bool = False
    teaser_end: bool = False
    byline: bool = False
    dateline: bool = False
    date: bool = False
    boilerplate: bool = False
    #: Begins as a paragraph inside an article does (quotation, pronoun, "But", "Mr").
    continues: bool = False
    #: Begins as a list item, a numbered section or a question-and-answer turn does.
    item: bool = False
    #: A line of an embedded post (a tweet's signature) or a caption mark.
    embedded: bool = False
    #: Opens as a news story's first paragraph does: its subject, then "has", "have" or "will"
    #: within its first words ("Tennis star Kim Clijsters will make her return ...").
    lede_opening: bool = False

    @property
    def start_cue(self) -> bool:
        return self.byline or self.dateline or self.date


@dataclass(frozen=True)
class CueKind:
    """A kind of cue: a list of patterns in ``data/cues.json`` (its ``_comment`` says what each
    list is for), and what a line in which one of them is found says."""

    #: The list's name in the cue files.
    name: str
    #: The field of LineShape that is True on a line in which a pattern of the list is found
    #: (None: the list tells something else, or is asked by a method of CueSet).
    field: str | None = None
    #: Searched in every line, with every other such list in one pass.
    per_line: bool = True


#: Every kind of cue, by the name of its list.
CUE_KINDS: tuple[CueKind, ...] = (
    CueKind("separator", per_line=False),  # asked of short lines on their own: CueSet.is_separator
    CueKind("end_of_article", "end_cue"),
    CueKind("aside", "aside"),
    CueKind("teaser_end", "teaser_end"),
    CueKind("byline", "byline"),
    CueKind("dateline", "dateline"),
    CueKind("date_line", "date"),
    CueKind("boilerplate", "boilerplate"),
    CueKind("continuation", "continues"),
    CueKind("connective", per_line=False),  # asked by the fallback: CueSet.connects
    CueKind("sentence_break"),  # a line with none is one sentence (LineShape.one_sentence)
    # asked of a line's end where no stop ends it: CueSet._terminal
    CueKind("sentence_end", per_line=False),
    CueKind("item", "item"),
    CueKind("embedded", "embedded"),
    CueKind("lede_opening", "lede_opening"),
    # asked of a paragraph's end: CueSet.ends_quotation
    CueKind("quotation_end", per_line=False),
    # asked of the paragraph after a lede: CueSet.refers_back
    CueKind("back_reference", per_line=False),
    # asked of a paragraph with a bracket: CueSet.is_caption
    CueKind("caption", per_line=False),
    # asked of a paragraph's end: CueSet.ends_on_label
    CueKind("label_end", per_line=False),
    # asked of a paragraph's end: CueSet.asks
    CueKind("question_turn", per_line=False),
)
#: The names of every list of patterns a cue file may hold.
PATTERN_LISTS: tuple[str, ...] = tuple(kind.name for kind in CUE_KINDS)
#: The lists searched in every line (the separator list is asked of short lines on their own).
LINE_LISTS: tuple[str, ...] = tuple(kind.name for kind in CUE_KINDS if kind.per_line)
#: (list, LineShape field) of the lists that set a field of their own.
_LINE_FIELDS: tuple[tuple[str, str], ...] = tuple((kind.name, kind.field) for kind in CUE_KINDS if kind.field)
#: The LineShape fields a line's shape sets itself, in order; the list that sets each later field
#: (None: no list does, it stays False), and those fields of a line in which no cue is found.
_OWN_FIELDS = ("words", "terminal", "title_case", "starts_lower", "ends_colon", "one_sentence", "all_caps", "question")
assert LineShape._fields[:len(_OWN_FIELDS)] == _OWN_FIELDS, "CueSet.shape sets LineShape's first fields in this order"
_FIELD_LISTS: tuple[str | None, ...] = tuple(
    next((name for name, set_field in _LINE_FIELDS if set_field == field), None)
    for field in LineShape._fields[len(_OWN_FIELDS):])
_NO_FLAGS: tuple[bool, ...] = (False,) * len(_FIELD_LISTS)
_shape = LineShape._make


@dataclass(frozen=True)
class CueSet:
    """Compiled cue patterns. Build one with ``load_cues``."""

    patterns: dict[str, Pattern]
    terminal_punctuation: str
    headline_max_words: int
    cut_min_words: int
    lede_min_words: int
    #: A text whose median line holds this many words is laid out an article (or a teaser) a line.
    long_layout_min_words: int
    #: A text of at most this many words that opens with a headline and holds no other start
    #: cue reads as one article (a file, a record): see ``Gaps.one_article``.
    one_article_max_words: int
    #: Every line list's patterns in one RE2 set, each index naming its list: one pass over a
    #: line answers all of them (six searches cost ten times as much, mostly in the binding).
    line_set: Pattern
    set_lists: tuple[str, ...]
    #: A short line repeating this many words or more of a line at most ``echo_reach`` lines away
    #: echoes its article (a caption, a pull quote): see :mod:`segmenter.echo`.
    echo_min_words: int = 3
    echo_reach: int = 12
    #: A text has headlines (``Gaps.headed_text``) where at least one block in this many heads a
    #: longer text: a single headline-shaped line (a result, a short quotation) among the
    #: paragraphs of a headless dump is none.
    headed_blocks_per_headline: int = 40
    #: ... and where the ledes without a headline above them are at most this many per headline.
    ledes_per_headline: int = 3
    #: Whether a short line's share of capitalised words tells anything (LineShape.title_case):
    #: not in a language that capitalises every noun (German), where any line has many.
    title_case: bool = True

    def connects(self, line: str) -> bool:
        """Begins with a discourse connective ("But", "However"): it goes on from the line before."""
        return found_in(self.patterns["connective"], line)

    def ends_quotation(self, line: str) -> bool:
        """Ends on a quotation's close (a story's last paragraph often quotes someone)."""
        return found_in(self.patterns["quotation_end"], line[-END_CHARS:])

    def refers_back(self, line: str) -> bool:
        """Opens on a description of someone just named ("The American had ...", "The
        18-year-old Mirza ..."), as the paragraph after a story's lede does."""
        return found_in(self.patterns["back_reference"], line[:END_CHARS])

    def is_caption(self, line: str) -> bool:
        """A photo's caption, which marks where its people stand ("kramaric ( right ) is closed
        down by ...", "Prince Harry (left) and ..."): it stands inside a story, never opens one."""
        return "(" in line[:CAPTION_CHARS] and found_in(self.patterns["caption"], line[:CAPTION_CHARS])

    def has_sentence_break(self, line: str) -> bool:
        """One sentence ends and another begins inside the line (LineShape.one_sentence reads it
        only in lines of ``lede_min_words`` words or more)."""
        return found_in(self.patterns["sentence_break"], line)

    def asks(self, line: str) -> bool:
        """Ends on a question in its own voice, not a quotation's ("Do you see an emerging threat
        ...?"): among others, an interviewer's question (:mod:`segmenter.interviews`)."""
        tail = line[-QUESTION_CHARS:]
        return ("?" in tail or "？" in tail) and found_in(self.patterns["question_turn"], tail)

    def ends_on_label(self, line: str) -> bool:
        """Ends on the label of a link to a related story, with the linked story's title or
        without it ("... Srivastava. Also read:", "... Also Read: Voda-Idea merger to create Rs
        80,000 crore revenue firm"): the story ends there (:mod:`segmenter.labels`)."""
        tail = line[-LABEL_CHARS:]
        return ":" in tail and found_in(self.patterns["label_end"], tail)

    def is_separator(self, line: str) -> bool:
        return len(line) <= SEPARATOR_MAX_CHARS and found_in(self.patterns["separator"], line)

    def _terminal(self, line: str) -> bool:
        """Ends a sentence: a stop, or closing quotes/brackets right after one ("… said."), or
        what may follow a sentence's stop on its line (``sentence_end``: a footnote's mark or
        back-link, a bracketed aside, a quotation's attribution)."""
        # Tokenised text spaces its closing quotes off: "... me . '" ends a sentence too.
        end = line.rstrip(CLOSERS + " ")
        if end != line:
            if end[-1:] in self.terminal_punctuation and end[-1:] not in CLOSERS:
                return True
        elif line[-1:] in self.terminal_punctuation:
            return True
        return found_in(self.patterns["sentence_end"], line[-END_CHARS:])

    def shape(self, line: str, words: int | None = None) -> LineShape:
        """What the cues say about ``line``; ``words``: its number of white-space words, where
        the caller has counted them already."""
        # Cue lines are short; on a long line only its start and its end can hold a cue, and
        # searching just those keeps the cost per line bounded however long the line is.
        n = count_white_space_words(line) if words is None else words
        head = line if len(line) <= LONG_LINE_CHARS else line[:HEAD_CHARS]
        hits = self.line_set.Match(head)
        if head is not line:
            # the head's end is not the line's end
            hits = [i for i in hits or () if i not in self._teaser_hits]
            if found_in(self.patterns["teaser_end"], line[-TAIL_CHARS:]):
                hits.append(self._teaser_hit)
        if hits:
            fired = {self.set_lists[i] for i in hits}
            flags = tuple(name in fired for name in _FIELD_LISTS)
            broken = "sentence_break" in fired
        else:  # most lines: no cue at all
            flags, broken = _NO_FLAGS, False
        # Only a headline's share of capitalised words is a feature: longer lines skip the count.
        title_case = 0.0
        # A line of one word is capitalised in every language: its share tells as much where
        # nouns are capitalised as where they are not.
        if 0 < n <= self.headline_max_words and (self.title_case or n == 1):
            tokens = head.split()
            title_case = sum(1 for w in tokens if w[:1].isupper()) / len(tokens) if tokens else 0.0
        terminal = self._terminal(line)
        return _shape((
            n,
            terminal,
            title_case,
            line[:1].islower(),
            line.endswith(":"),
            terminal and n >= self.lede_min_words and head is line and not broken,
            2 <= n <= self.headline_max_words and head.isupper(),
            line.rstrip(CLOSERS + " ").endswith(("?", "\uff1f")),
            *flags,
        ))

    @cached_property
    def _teaser_hits(self) -> frozenset[int]:
        """The indices of the line set that are teaser endings."""
        return frozenset(i for i, name in enumerate(self.set_lists) if name == "teaser_end")

    @cached_property
    def _teaser_hit(self) -> int:
        """An index of the line set that stands for a teaser ending (found in a long line's tail;
        -1 where the cues have no teaser endings, whose pattern then matches nothing)."""
        return min(self._teaser_hits) if self._teaser_hits else -1

    def _fired(self, text: str) -> set[str]:
        """The names of the line lists with a pattern found in ``text``."""
        hits = self.line_set.Match(text)
        return {self.set_lists[i] for i in hits} if hits else set()


def _read_json(path: Path | None) -> dict:
    try:
        data = read_json("corpuscut.segmenter", "data/cues.json", path)
    except FileNotFoundError as exc:
        raise CueFileError(f"cue file {path} not found") from exc
    except UnicodeDecodeError as exc:
        raise CueFileError(f"cue file {path} is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} "
                           f"at offset {exc.start})") from exc
    except OSError as exc:
        raise CueFileError(f"cue file {path} cannot be read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise CueFileError(f"cue file {path} is not valid JSON: {exc.msg} at line {exc.lineno}") from exc
    if not isinstance(data, dict):
        raise CueFileError(f"cue file {path} must hold a JSON object of pattern lists")
    return data


def _compile(name: str, patterns: list[str], origin: str) -> Pattern:
    """Compile with RE2, whose matching time is linear in the line's length whatever the
    pattern: a user's cue file cannot make a run hang (no catastrophic backtracking)."""
    import re2

    for pattern in patterns:
        if not isinstance(pattern, str):
            raise CueFileError(f"{origin}: {name} must be a list of strings")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise CueFileError(f"{origin}: pattern {pattern!r} in {name} does not compile: {exc}") from exc
        try:
            re2.compile(pattern)
        except Exception as exc:  # re2.error
            raise CueFileError(
                f"{origin}: pattern {pattern!r} in {name} is not supported by the linear-time engine RE2 "
                "(no lookarounds or backreferences)"
            ) from exc
    joined = "|".join(f"(?:{p})" for p in patterns) or r"[^\s\S]"
    return re2.compile(joined)


def _line_set(lists: dict[str, list[str]]) -> tuple[Pattern, tuple[str, ...]]:
    """One RE2 set of every line list's patterns (already checked by ``_compile``)."""
    import re2

    matcher = re2.Set.SearchSet()
    names = []
    for name in LINE_LISTS:
        for pattern in lists[name]:
            matcher.Add(pattern)
            names.append(name)
    if not names:
        matcher.Add(r"[^\s\S]")
        names.append("none")
    matcher.Compile()
    return matcher, tuple(names)


#: A cue file may add at most this many patterns, each at most this long: every line of every
#: input is matched against all of them, and compiling them takes time and memory.
MAX_USER_PATTERNS = 10_000
MAX_PATTERN_CHARS = 2_000
#: The word counts a cue file may set lie in this range.
MAX_SETTING = 100_000


def _setting(origin: Path | str, key: str, value: object) -> object:
    """A cue file's setting, checked: CueFileError for a value of the wrong type or range."""
    if key == "terminal_punctuation":
        if not isinstance(value, str) or not value:
            raise CueFileError(f"{origin}: {key} must be a non-empty string of characters")
        return value
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SETTING:
        raise CueFileError(f"{origin}: {key} must be a whole number from 0 to {MAX_SETTING:,}")
    return value


def language_lists(language: str | None) -> dict[str, list[str]]:
    """The cue lists of one language (data/cues-languages.json: its months, bylines, teaser
    endings, cookie wording ...), added to the shipped ones for a document in that language;
    none for a language the file does not name."""
    entry = _language_entry(language)
    return {name: list(entry[name]) for name in PATTERN_LISTS if name in entry}


@lru_cache(maxsize=1)
def shipped_separator() -> Pattern:
    """The shipped ``separator`` list's patterns as one pattern (a rule of ``* * *``, ``----``)."""
    return _compile("separator", list(_read_json(None).get("separator", [])), "built-in cues")


def is_shipped_separator(line: str) -> bool:
    """Whether ``line`` is a separator by the shipped cues (as :meth:`CueSet.is_separator` asks)."""
    return len(line) <= SEPARATOR_MAX_CHARS and found_in(shipped_separator(), line)


def _language_entry(language: str | None) -> dict:
    if language is None:
        return {}
    return read_json("corpuscut.segmenter", "data/cues-languages.json").get(language.lower(), {})


def load_cues(extra: Path | str | None = None, language: str | None = None) -> CueSet:
    """Load the shipped cues, with those of ``language`` (as --language names it) and the lists
    of ``extra`` (a JSON file) added to them."""
    base = _read_json(None)
    lists = {name: list(base.get(name, [])) for name in PATTERN_LISTS}
    for name, patterns in language_lists(language).items():
        lists[name].extend(patterns)
    settings = {k: base[k] for k in ("terminal_punctuation", "headline_max_words", "cut_min_words", "lede_min_words",
                                     "long_layout_min_words", "one_article_max_words", "echo_min_words", "echo_reach",
                                     "headed_blocks_per_headline", "ledes_per_headline")}
    origin = "built-in cues"
    if extra is not None:
        user = _read_json(Path(extra))
        origin = str(extra)
        unknown = sorted(set(user) - set(PATTERN_LISTS) - set(settings) - {"_comment"})
        if unknown:
            raise CueFileError(f"{extra}: unknown key(s) {', '.join(unknown)}; known: {', '.join(PATTERN_LISTS)}")
        for name in PATTERN_LISTS:
            value = user.get(name, [])
            if not isinstance(value, list):
                raise CueFileError(f"{extra}: {name} must be a list of patterns")
            lists[name].extend(value)
        for key in settings:
            if key in user:
                settings[key] = _setting(extra, key, user[key])
        added = sum(len(user.get(name, [])) for name in PATTERN_LISTS)
        if added > MAX_USER_PATTERNS:
            raise CueFileError(f"{extra}: {added:,} patterns; at most {MAX_USER_PATTERNS:,} may be added")
        for name in PATTERN_LISTS:
            for pattern in user.get(name, []):
                if isinstance(pattern, str) and len(pattern) > MAX_PATTERN_CHARS:
                    raise CueFileError(f"{extra}: a pattern in {name} is longer than {MAX_PATTERN_CHARS:,} characters")
    patterns = {name: _compile(name, pats, origin) for name, pats in lists.items()}
    line_set, set_lists = _line_set(lists)
    return CueSet(
        patterns=patterns,
        line_set=line_set,
        set_lists=set_lists,
        terminal_punctuation=str(settings["terminal_punctuation"]),
        headline_max_words=int(settings["headline_max_words"]),
        cut_min_words=int(settings["cut_min_words"]),
        lede_min_words=int(settings["lede_min_words"]),
        long_layout_min_words=int(settings["long_layout_min_words"]),
        one_article_max_words=int(settings["one_article_max_words"]),
        echo_min_words=int(settings["echo_min_words"]),
        echo_reach=int(settings["echo_reach"]),
        headed_blocks_per_headline=int(settings["headed_blocks_per_headline"]),
        ledes_per_headline=int(settings["ledes_per_headline"]),
        title_case=bool(_language_entry(language).get("title_case", True)),
    )
