"""Which sentences lean on the sentence before them, and read wrongly in a summary without it.

A summary that opens with "But that just means we are more likely to lose them." or
'"We will appeal," he said.' (no "he" named before) leaves the reader asking what came before.
A sentence leans back when

- it opens with a connective or a pronoun of its language ("however", "he", "this"; the lists
  are in ``data/cohesion.json``);
- it is a quote whose speaker is named only by a pronoun ('..." she said');
- it starts inside a quotation opened by an earlier sentence of its paragraph (the quote's
  second sentence, without its opening and often without its speaker); quotation marks are
  read as the sentence splitter reads them (a "?" glued to a word may stand for one);
- in a text written in upper and lower case, it starts with a lower-case letter: a piece of
  the sentence before, split off at a stop inside it ("?spoilt for choices? ahead of ...").

The first sentence of a text leans on nothing. A quotation that runs over several sentences
of a paragraph is joined into one (:meth:`Cohesion.join_quotations`): taken alone, its first
sentence would leave the quote open, and the others lack its opening.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Sequence, overload

from corpuscut.text.datafiles import read_json

from .errors import SummarizerError
from .sentences import Sentence, with_quote_marks

DEFAULT_LANGUAGE = "english"
_QUOTES = re.compile("[\"\u201c\u201d]")
_FIRST_LETTER = re.compile(r"[^\W\d_]")
#: Quotes, brackets and dashes before a sentence's first word.
_OPENING = r"^[\W_]*"
_FIRST_WORD = re.compile(r"[\W_]*(\w+)")
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
#: A run of capitalised words (not all upper case: "AIIMS" is no one's name).
#: A surname alone is looked for as a sentence's subject: its first capitalised word, this near its start
#: ("Gandhi said ...", "However, Gandhi ..."); further on, a capitalised word is as often a place.
_SUBJECT_WITHIN = 12
_ASCII_LETTERS = re.compile(r"[a-z]+")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z][\w'\u2019-]*(?:\s+[A-Z][a-z][\w'\u2019-]*)*")


def _alternation(words: list[str]) -> str:
    # Longest first, so that "in fact" is tried before "in"; a phrase's words apart by any spaces.
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Cohesion:
    """The compiled rules of one language (see ``data/cohesion.json``)."""

    connective: re.Pattern[str]  # an opening connective: leans on the sentence right before
    pronoun: re.Pattern[str]  # an opening pronoun: leans on one of pronoun_reach before
    speaker: re.Pattern[str]  # a quote's speaker named by a pronoun
    first_words: frozenset[str]  # the first word of every connective and pronoun
    pronoun_reach: int
    titled: re.Pattern[str] | None = None  # a title and the name after it: "dr. boe", "mr smith"
    role: re.Pattern[str] | None = None  # an opening definite description: "the 23-year-old", "the top cop"
    saying: re.Pattern[str] | None = None  # a verb of saying right after a name: "Modi said"
    #: The first word of every title, where all are ASCII letters (None: not told so quickly).
    title_words: frozenset[str] | None = None
    #: An answer's opening ("by", "because"): right after a question, the sentence leans on it.
    answer: re.Pattern[str] | None = None
    #: Right after a question, a sentence of at most this many words is its answer too (0: none).
    answer_max_words: int = 0

    def reach(self, text: str, sentences: list[Sentence]) -> list[int]:
        """For each of ``sentences`` (of ``text``, in order), how near before it a sentence of
        the summary must stand for it to read right: 0, it leans on nothing; 1, on the sentence
        right before it; ``pronoun_reach``, on one of that many before it (where a pronoun's
        referent may be named)."""
        cased = _is_cased(sentences)
        marks = with_quote_marks(text)
        out: list[int] = []
        inside = False  # within a double quotation opened by an earlier sentence of the paragraph
        asked = False  # the sentence before ends as a question, in the same paragraph
        for k, s in enumerate(sentences):
            if k and "\n" in text[sentences[k - 1].end: s.start]:
                inside = asked = False  # a quotation left open at a paragraph's end was not one
            marked = marks[s.start: s.end]
            # the answer to a question asked right before it ("So how do you turn raw data into
            # insights? By staying on top of the trends."; "What is the leading cause ...?
            # Employees and work-related communications.") reads as a fragment without it
            answers = asked and (
                (self.answer is not None and self.answer.match(marked.lower()) is not None)
                or len(marked.split()) <= self.answer_max_words
            )
            out.append(1 if answers else self._reach_of(marked, inside, cased) if k else 0)
            asked = marked.rstrip().rstrip("\"'\u201d\u2019)").endswith("?")
            inside = _quote_open_after(marked, inside)
        return out

    def introductions(self, sentences: list[Sentence], stop_words: frozenset[str] = frozenset()) -> "Introductions":
        """For each of ``sentences``, the people it names whom an earlier sentence introduced: for
        each, the earlier sentences that name them, one of which a summary must hold before it
        (a name after a title, "dr. boe"; in a cased text, a surname alone, "Gandhi" after
        "Rahul Gandhi"). A name no earlier sentence holds is introduced where it stands; a word of
        ``stop_words`` after a title is none ("the president said"). Each sentence's are read
        when first asked for (:class:`Introductions`): a summary asks of the few it may take."""
        return Introductions(self, sentences, stop_words)

    def _titled_names(self, text: str, cased: bool) -> set[str]:
        """The names after a title in ``text`` (``titled``'s matches; in a cased text, those
        written with a capital). In an ASCII text, where every title is ASCII words, the
        pattern (case-blind, led by a word's edge: tried at every character) is tried only where
        a run of letters is a title's first word, for any match starts there (a title starts
        and ends at a word's edge); most sentences hold no such run and are told so at once."""
        if self.titled is None:
            return set()
        if self.title_words is None or not text.isascii():
            matches: Iterable[re.Match[str]] = self.titled.finditer(text)
        else:
            lower = text.lower()
            if self.title_words.isdisjoint(_ASCII_LETTERS.findall(lower)):
                return set()
            matches = self._titled_at_title_words(text, lower)
        return {m.group(1).lower() for m in matches if not cased or m.group(1)[0].isupper()}

    def _titled_at_title_words(self, text: str, lower: str) -> Iterator[re.Match[str]]:
        """``titled``'s matches in ``text`` (ASCII; ``lower``: it in lower case), tried where a
        run of letters is a title's first word."""
        assert self.titled is not None and self.title_words is not None
        end = 0  # matches do not overlap: the next is looked for after the last
        for run in _ASCII_LETTERS.finditer(lower):
            if run.start() >= end and run.group() in self.title_words:
                m = self.titled.match(text, run.start())
                if m is not None:
                    end = m.end()
                    yield m

    def join_quotations(self, text: str, sentences: list[Sentence], most_words: int) -> list[Sentence]:
        """``sentences`` with each quotation that runs over several of them (in one paragraph,
        nothing between them) joined into one, when it has at most ``most_words`` words: its
        first sentence alone would leave the quote open, its others would lack its opening."""
        out: list[Sentence] = []
        run: list[Sentence] = []
        inside = False
        marks = with_quote_marks(text)
        for s in sentences:
            if run and not _follows(text, run[-1], s):
                out += run  # the quotation stops at a paragraph's end or a dropped piece: not joined
                run, inside = [], False
            inside = _quote_open_after(marks[s.start: s.end], inside)
            run.append(s)
            if not inside:
                if len(run) > 1 and sum(len(r.text.split()) for r in run) <= most_words:
                    first, last = run[0], run[-1]
                    out.append(Sentence(first.index, first.start, last.end, text[first.start: last.end]))
                else:
                    out += run
                run = []
        return out + run

    def _reach_of(self, sentence: str, inside: bool, cased: bool) -> int:
        if inside or (cased and _starts_lower(sentence)):
            return 1
        lower = sentence.lower()
        first = _FIRST_WORD.match(lower)
        if first is not None and first.group(1) in self.first_words:
            if self.connective.match(lower):
                return 1
            if self.pronoun.match(lower):
                return self.pronoun_reach
        if _QUOTES.search(sentence) is not None and self.speaker.search(lower) is not None:
            return self.pronoun_reach
        if self.role is not None and self.role.match(lower):
            return self.pronoun_reach
        return 0


class Introductions(Sequence[tuple[frozenset[int], ...]]):
    """:meth:`Cohesion.introductions` of a text's sentences, each sentence's worked out when it is
    first asked for: a summary asks of those it may take next, a few of a text's sentences, and
    reading the names of all cost a summary some 7% of its time."""

    def __init__(self, cohesion: Cohesion, sentences: list[Sentence], stop_words: frozenset[str]):
        self._cohesion = cohesion
        self._sentences = sentences
        self._stop_words = stop_words
        self._cased = _is_cased(sentences)
        self._found: dict[int, tuple[frozenset[int], ...]] = {}
        self._words: list[set[str]] = []  # the words (lower case) of the first sentences, read once a name is looked for
        self._surnames: dict[str, int] = {}  # cased texts: the last word of each full name, and the first sentence naming it so
        self._surnames_read = 0  # the sentences read for full names so far

    def __len__(self) -> int:
        return len(self._sentences)

    @overload
    def __getitem__(self, k: int) -> tuple[frozenset[int], ...]: ...

    @overload
    def __getitem__(self, k: slice) -> list[tuple[frozenset[int], ...]]: ...

    def __getitem__(self, k: int | slice) -> tuple[frozenset[int], ...] | list[tuple[frozenset[int], ...]]:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        found = self._found.get(k)
        if found is None:
            found = self._found[k] = self._introduced(k)
        return found

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def _introduced(self, k: int) -> tuple[frozenset[int], ...]:
        cohesion, text = self._cohesion, self._sentences[k].text
        names = cohesion._titled_names(text, self._cased) - self._stop_words
        if self._cased:
            self._read_full_names(k)
            for run in _CAPITALISED_RUN.finditer(text):  # a subject: among the first words, or saying
                name = run.group().lower()
                if " " in name or self._surnames.get(name, k) >= k:
                    continue  # no surname of a full name before this sentence
                if run.start() < _SUBJECT_WITHIN or (cohesion.saying is not None and cohesion.saying.match(text, run.end())):
                    names.add(name)
        if not names:
            return ()  # names no one (most sentences)
        words = self._words
        words += (set(_WORD.findall(r.text.lower())) for r in self._sentences[len(words): k])
        holders = ([j for j in range(k) if name in words[j]] for name in sorted(names))
        return tuple(frozenset(found) for found in holders if found)

    def _read_full_names(self, k: int) -> None:
        """Note the surnames of the full names in the sentences before ``k``."""
        for j in range(self._surnames_read, k):
            for run in _CAPITALISED_RUN.finditer(self._sentences[j].text):
                if len(run.group().split()) > 1:
                    self._surnames.setdefault(run.group().split()[-1].lower(), j)
        self._surnames_read = max(self._surnames_read, k)


def _follows(text: str, before: Sentence, after: Sentence) -> bool:
    """Whether ``after`` comes right after ``before`` in one paragraph (white space between)."""
    gap = text[before.end: after.start]
    return not gap.strip() and "\n" not in gap


def _is_cased(sentences: list[Sentence]) -> bool:
    """Whether most sentences start with a capital (a text not lower-cased as a whole)."""
    firsts = [m.group() for m in (_FIRST_LETTER.search(s.text) for s in sentences[:40]) if m]
    return bool(firsts) and sum(map(str.isupper, firsts)) >= len(firsts) / 2


def _starts_lower(sentence: str) -> bool:
    m = _FIRST_LETTER.search(sentence)
    return m is not None and m.start() < 3 and m.group().islower()


def _quote_open_after(sentence: str, inside: bool) -> bool:
    """Whether a double quotation is still open after ``sentence`` (open before it: ``inside``).
    A curly quote says which way it goes; a straight one turns the state over."""
    if '"' not in sentence and "\u201c" not in sentence and "\u201d" not in sentence:
        return inside  # no quote mark (most sentences): nothing to look for
    for m in _QUOTES.finditer(sentence):
        mark = m.group()
        inside = True if mark == "\u201c" else False if mark == "\u201d" else not inside
    return inside


@lru_cache(maxsize=16)
def load_cohesion(language: str = DEFAULT_LANGUAGE, path: Path | str | None = None) -> Cohesion:
    """The rules of ``language`` from ``data/cohesion.json`` (or ``path``); English's where it has none."""
    try:
        data = read_json("corpuscut.summarizer", "data/cohesion.json", path)
        rules = data["languages"].get(language) or data["languages"][DEFAULT_LANGUAGE]
        connectives, pronouns = list(rules["connectives"]), list(rules["pronouns"])
        speakers, saying = _alternation(rules["speaker_pronouns"]), _alternation(rules["saying"])
        speaker = re.compile(
            rf"[\"\u201d\u2019']\s*,?\s*(?:{speakers})\s+(?:{saying})\b|\b(?:{saying})\s+(?:{speakers})\s*[.,!?]"
        )
        titles, roles, answers = rules.get("titles") or [], rules.get("roles") or [], rules.get("answers") or []
        titled = re.compile(rf"(?i)\b(?:{_alternation(titles)})\.?\s+([^\W\d_][\w'\u2019-]+)") if titles else None
        role = re.compile(rf"{_OPENING}the\s+(?:\S+\s+){{0,3}}?(?:{'|'.join(roles)})\b") if roles else None
        return Cohesion(
            re.compile(rf"{_OPENING}(?:{_alternation(connectives)})\b"), re.compile(rf"{_OPENING}(?:{_alternation(pronouns)})\b"),
            speaker, frozenset(w.split()[0] for w in connectives + pronouns), int(data["pronoun_reach"]), titled, role,
            re.compile(rf"\s+(?:{saying})\b"),
            frozenset(t.split()[0] for t in titles) if all(re.fullmatch("[a-z]+(?: [a-z]+)*", t) for t in titles) else None,
            re.compile(rf"{_OPENING}(?:{_alternation(answers)})\b") if answers else None,
            int(data.get("answer_max_words", 0)),
        )
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError, IndexError, re.error) as exc:
        raise SummarizerError(f"cohesion rules {path or 'data/cohesion.json'} cannot be loaded: {exc}") from exc
