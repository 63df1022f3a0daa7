"""Page furniture: the prompts, bylines, time stamps, credits and captions that scraped news
carries as text ("scroll down for video", "by . daily mail reporter", "PUBLISHED: ... |
UPDATED: ...", "ALSO READ", "(HT Photo)"). None of it belongs in a summary.

The patterns live in ``data/furniture.json``, in lower case, matched against the lower-cased
sentence (some corpora are lower-cased). One pass of RE2 over a text's sentences names the few
patterns that may match any of them (:mod:`summarizer.screening`; most texts hold none); only
those are then looked for with Python's engine, each on its own: a pattern that starts with a
literal word is found by the engine's fast scan for it, where one alternation of them all would
be tried at every character. :meth:`Furniture.clean` keeps a text's sentences that are not
furniture, each cut short where a furniture marker glued to it begins.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from functools import cached_property, lru_cache
from pathlib import Path

from corpuscut.text.datafiles import read_json
from corpuscut.text.literals import required_literals

from .errors import SummarizerError
from .screening import Screen
from .sentences import Sentence

#: A piece cut from a sentence stays only with at least this many words.
MIN_PIECE_WORDS = 4
_WORD = re.compile(r"\S+")
_LABEL = re.compile(r"^\W*([^\W\d][\w'\- ]*?)\s*:\s+\S")
#: A sentence's first six words are looked for among its first characters, this many and the
#: word running on past them (in all of it where fewer are found there).
_FIRST_WORDS_WITHIN = 60
#: After a name and a colon, a sentence holds at least this many words in lower case ("Saracens:
#: Bartholomeusz; Castaignede, Sorrell, ..." is a line-up under its team's name).
_TOLD_LEAST_LOWER = 3
#: A white-space token without a letter or a digit ("??", ".", "-").
_NO_WORD = re.compile(r"[\W_]+")
#: A word of a sentence, lower-cased ("'ll" and "n't" as the tokenised corpora split them off).
_LOWER_WORD = re.compile(r"n't|'(?:ll|d|ve|re)\b|[^\W\d_][\w'\u2019-]*")
_ARTICLES = frozenset(("a", "an", "the"))
#: A label of a few words and a colon opening a sentence.
_SHORT_LABEL = re.compile(r"^\W*[^\W\d][^:\"\u201c\u201d]{0,40}?\s*:\s+(?=\S)")
#: A quotation: a double quote of any kind, or a single one opening a word (not the "'s", "'ll"
#: that tokenised text splits off its words).
_QUOTED = re.compile(r"[\"\u201c\u201d]|(?:^|\s)[\'\u2018](?!(?:s|t|d|m|ll|ve|re)\b)")


def _present_s(word: str) -> bool:
    """A word that may be a verb in the present, third person: one ending in a single "s"
    ("wants", not "class", "bus", "this")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _looks_tensed(word: str) -> bool:
    """A word that may be a verb told in the past or the present: one ending in "ed", or in a
    single "s" (not a possessive "'s")."""
    return len(word) > 3 and (word.endswith("ed") or (_present_s(word) and not word.endswith("'s")))


def _may_repeat_run(words: list[str], k: int) -> bool:
    """False where no run of ``k`` words comes twice in ``words``: each word of the second copy
    of a run repeats an earlier word, so such a run needs ``k`` words in a row that each come
    again, and at least ``k`` repeated words in all (most sentences have fewer)."""
    if len(set(words)) > len(words) - k:
        return False
    seen: set[str] = set()
    again = 0  # words in a row, up to here, that each repeat an earlier one
    for word in words:
        if word in seen:
            again += 1
            if again >= k:
                return True
        else:
            seen.add(word)
            again = 0
    return False


def _wordy(run: tuple[str, ...]) -> bool:
    """Whether a run of words holds at most one token without a letter: a run such as "with a 2
    - 1 defeat" comes twice in a sentence that tells two scores, not after a glued caption."""
    return sum(1 for w in run if not any(c.isalpha() for c in w)) <= 1


@dataclass(frozen=True)
class UnmarkedCaption:
    """How a photo caption printed with no mark of one is told (``unmarked_caption`` in
    ``data/furniture.json``): what a photo shows, in the present tense, or a name and a place
    with no verb at all."""

    max_words: int
    verb_within: int
    verbs: dict[str, tuple[tuple[str, ...], ...]]  # each verb's words, by its first word
    tensed: frozenset[str]
    verbless_max_words: int
    verbless_places: tuple[tuple[str, ...], ...]
    reporting: frozenset[str] = frozenset()  # words of a report ("said", "according"): no caption has them
    verbless_not: frozenset[str] = frozenset()  # pronouns: a sentence holding one tells, it is no caption
    verb_keys: frozenset[str] = frozenset()  # each verb of a photo's longest word ("pictured" of "is pictured")

    def __call__(self, text: str, tokens: list[str] | None = None) -> bool:
        """Whether ``text`` (one sentence; ``tokens``: its lower-cased white-space words, split
        when not given) is a caption with no mark of one, or after a short label and a colon
        ("well dressed for the jungle : lorraine chase arrives in ...")."""
        label = _SHORT_LABEL.match(text) if ":" in text else None
        if label is not None and self._unlabelled(text[label.end():]):
            return True
        return self._unlabelled(text, tokens)

    def _unlabelled(self, text: str, tokens: list[str] | None = None) -> bool:
        # A first, quick look at the white-space words (most sentences are decided by it): with
        # no verb of a photo among them, only a short sentence without a tensed verb may be one.
        if tokens is None:
            tokens = text.lower().split()
        if len(tokens) > 2 * self.max_words:
            return False
        if self.verb_keys.isdisjoint(tokens) and (  # (each looks the tokens up, in C, until one is found)
            len(tokens) > 2 * self.verbless_max_words or not self.tensed.isdisjoint(tokens)
            or not self.verbless_not.isdisjoint(tokens) or any(map(_looks_tensed, tokens))
        ):
            return False
        words = _LOWER_WORD.findall(text.lower())
        if not words or len(words) > self.max_words or _QUOTED.search(text):
            return False
        return self._shows_a_photo(text, words) or self._verbless(words)

    def _is_tensed(self, word: str, before: str = "") -> bool:
        """A word of ``tensed``, or a past form in "-ed" (not an adjective after an article: "a
        delighted wales team celebrates")."""
        return word in self.tensed or (len(word) > 3 and word.endswith("ed") and before not in _ARTICLES)

    def _shows_a_photo(self, text: str, words: list[str]) -> bool:
        if not self.reporting.isdisjoint(words):
            return False
        within = words[: self.verb_within]
        if self.verbs.keys().isdisjoint(within[1:]):
            return False  # no verb of a photo near the start (most sentences): decided at once
        for i in range(1, len(within)):
            if self._is_tensed(words[i - 1], words[i - 2] if i > 1 else ""):
                return False  # a tensed verb before: the sentence tells, not shows
            verb = next((v for v in self.verbs.get(words[i], ()) if tuple(words[i: i + len(v)]) == v), None)
            if verb is None:
                continue
            if verb == ("pictured",) and re.search(r"[(,]\s*pictured\b|\bpictured\s*[),]", text.lower()):
                return False  # "( pictured )", ", pictured ,": a mark inside a sentence that tells
            return True
        return False

    def _verbless(self, words: list[str]) -> bool:
        if len(words) > self.verbless_max_words:
            return False
        if not self.verbless_not.isdisjoint(words):
            return False
        if any(word in self.tensed or _looks_tensed(word) for word in words):
            return False
        return any(tuple(words[i: i + len(p)]) == p for i in range(1, len(words)) for p in self.verbless_places)


def _opens_quote(text: str, at: int) -> bool:
    """Whether the quote mark at ``at`` opens a quote: a left curly one, or a straight one glued
    to the word after it, not to the one before it ('said, "I won't', not 'go," the'). In
    tokenised text ('said : " i won't') it stands apart: it opens where more words follow it
    than come before it in the sentence."""
    mark = text[at]
    if mark in "\u201c\u201d":
        return mark == "\u201c"
    after = text[at + 1: at + 2]
    before = text[at - 1: at] if at else " "
    if after and not after.isspace() and (before.isspace() or before in "(:[-\u2014"):
        return True
    if before and not before.isspace() and (not after or after.isspace()):
        return False
    return len(text[at + 1:].split()) > len(text[:at].split())


@dataclass(frozen=True)
class Furniture:
    """Compiled furniture patterns (see ``data/furniture.json``)."""

    drop: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern): tried anywhere in a sentence
    drop_at_start: tuple[tuple[str, re.Pattern[str]], ...]  # the patterns that start with '^'
    any_at_start: re.Pattern[str]  # all of drop_at_start in one alternation
    cut: tuple[re.Pattern[str], ...]
    label_words: int
    saying: frozenset[str]
    byline_name_words: int
    repeated_run_words: int
    at_start: tuple[re.Pattern[str], ...] = ()  # a dateline opening the text: cut off its first sentence
    cut_through: tuple[re.Pattern[str], ...] = ()  # a post's sign-off: it and all before it go
    unmarked_caption: UnmarkedCaption | None = None
    cut_off_end: frozenset[str] = frozenset()  # a sentence's last word when a line break cut it off
    caption_subject_not: frozenset[str] = frozenset()  # words no caption's subject holds ("the", "he", "in", ...)
    introducing_ends: tuple[str, ...] = ()  # how a sentence introducing a list or a block ends (":")
    headline_at_start: tuple[re.Pattern[str], ...] = ()  # a wire headline and dateline, matched in the text's own case
    any_dateline: re.Pattern[str] = re.compile("(?!)")  # at_start (case-blind) and headline_at_start in one alternation
    dateline_hint: re.Pattern[str] = re.compile("")  # what every dateline holds (lower case), found ...
    dateline_within: int = 1 << 30  # ... this near its sentence's start
    question_max_words: int = 0  # a short question after the first sentence: a subhead, a call to read on
    quote_marks: str = ""  # double quote marks: an odd count of them, a quote cut in two by the sentence split
    quote_piece_max_words: int = 0  # ... of which a piece of at most this many quoted words says nothing alone
    caption_mark_words: int = 0  # a glued caption's closing bracket, at most this many words before the copy
    label_not_first: frozenset[str] = frozenset()  # a label opened so is a letter's salutation ("Dear Doctors:")

    def is_cut_off(self, text: str) -> bool:
        """Whether ``text`` (one sentence) stops on a word no sentence ends with ("... probed by .",
        "... a sumptuous selection of ."): a line of the page cut it off mid-sentence."""
        if not text.rstrip().endswith("."):
            return False
        words = text.rstrip(" .").rsplit(None, 1)
        return bool(words) and words[-1].lower() in self.cut_off_end

    def reason(self, text: str) -> str | None:
        """The kind of furniture ``text`` (one sentence) is, or None."""
        return self._found_at_start(text) or self._found_anywhere(text) or self._by_shape(text)

    def _by_shape(self, text: str, tokens: list[str] | None = None, document: str = "") -> str | None:
        """"caption" or "cut off" when the sentence's shape says so, else None (``tokens``: its
        lower-cased white-space words, split when not given; ``document``: the text it is
        from, see :meth:`is_caption`)."""
        if self.is_caption(text, tokens, document):
            return "caption"
        return "cut off" if self.is_cut_off(text) else None

    def _found_at_start(self, text: str) -> str | None:
        lower = text.lower()
        if self.any_at_start.match(lower) is None:  # one try for all: most sentences match none
            return None
        return next((kind for kind, pattern in self.drop_at_start if pattern.match(lower)), None)

    def looks_like_caption(self, text: str) -> bool:
        """Whether a sentence of a lower-cased text has a photo caption's look, with no word of
        one: someone doing something in the present, told by names only before the verb and no
        word that tells (no past, no auxiliary, no quote): "stuart mccall looks in good spirits
        as he takes rangers training at murray park on friday ." Weaker than a caption's mark
        (some such sentences tell: "keagan likes things quiet ."), so a summary takes it only as
        a last resort."""
        unmarked = self.unmarked_caption
        if unmarked is None or not self.caption_subject_not or not text.islower() or ":" in text:
            return False
        # The verb right after names ("floyd mayweather jnr continues ..."), looked for first
        # among the first six words: most sentences are told by them alone, without reading on.
        end = text.find(" ", _FIRST_WORDS_WITHIN)  # (a space: no word runs over it)
        first = _LOWER_WORD.findall(text, 0, end) if end >= 0 else []
        first = (first if len(first) >= 6 else _LOWER_WORD.findall(text))[:6]
        verb = next((k for k, w in enumerate(first[1:], start=1) if _present_s(w)), None)
        if verb is None or not self.caption_subject_not.isdisjoint(first[:verb]):
            return False
        if _QUOTED.search(text) or any(c in text for c in "\"\u201c\u201d"):
            return False
        words = _LOWER_WORD.findall(text)
        return len(words) <= unmarked.max_words and not any(unmarked._is_tensed(w) for w in words)

    def last_resort(self, text: str, first: bool = False) -> bool:
        """Whether a summary takes ``text`` (one sentence) only when nothing else is left: one
        that ends as a sentence introducing what follows does ("... which yielded:", a list or a
        block of code the summary would not hold), and, but for a text's ``first`` sentence, one
        with a caption's look (:meth:`looks_like_caption`), a short question, or a piece of a
        quote (:meth:`quote_cut`)."""
        if text.rstrip().endswith(self.introducing_ends):
            return True
        return not first and (self._short_question(text) or self.quote_cut(text) or self.looks_like_caption(text))

    def quote_cut(self, text: str) -> bool:
        """Whether ``text`` opens a quote that the sentence split cut off after a few words: an
        odd count of double quote marks, and at most ``quote_piece_max_words`` words after the
        last ('Sushant said, "I won't lie.', '"I had to give a shot and it was raining that
        day.'). Alone in a summary it reads as cut off. The piece that closes such a quote is
        kept: it names who spoke ('In 10-15 days, it will all be over," Rohatgi told the
        bench.'), and editors' summaries retell those."""
        marks = self.quote_marks
        if not marks or sum(map(text.count, marks)) % 2 == 0:  # counted in C: most sentences stop here
            return False
        last = max(map(text.rfind, marks))
        if not _opens_quote(text, last):
            return False
        return len(text[last + 1:].split()) <= self.quote_piece_max_words

    def _short_question(self, text: str) -> bool:
        """A question of a few words: on a web page a subhead ("What are data analysis tools?")
        or a call to read on ("Ready to learn more?"), which says nothing by itself."""
        end = text.rstrip().rstrip("\"'\u201d\u2019)")
        return end.endswith("?") and len(text.split()) <= self.question_max_words

    def is_caption(self, text: str, tokens: list[str] | None = None, document: str = "") -> bool:
        """A caption of the Daily Mail kind: a short label, a colon, the caption
        ("brutal : a gruesome video ..."; "armstrong said : ..." is a quote), or one with no
        mark (:class:`UnmarkedCaption`; ``tokens``: the lower-cased white-space words of
        ``text``, split when not given). A capitalised label that ``document`` (the text the
        sentence is from) also writes after a word in lower case is a name, not a caption's
        label: a film's title ("Baahubali: The Beginning ended with ...", where the text
        speaks of "the climax of Baahubali"), a place opening its news ("Gurgaon: ...")."""
        return self._labelled_caption(text, document) or (self.unmarked_caption is not None and self.unmarked_caption(text, tokens))

    def _labelled_caption(self, text: str, document: str = "") -> bool:
        if ":" not in text:
            return False  # (_LABEL would try every word before finding no colon)
        m = _LABEL.match(text)
        if m is None:
            return False
        words = m.group(1).lower().replace(" '", "'").split()
        if not (0 < len(words) <= self.label_words and words[-1] not in self.saying and words[0] not in self.label_not_first):
            return False
        label = m.group(1)
        if not document or not label[:1].isupper() or sum(w[:1].islower() for w in text[m.end(1):].split()) < _TOLD_LEAST_LOWER:
            return True  # (what follows a name tells in words in lower case; a team's line-up does not)
        return re.search(rf"\b[a-z][\w'\u2019-]*,?\s+{re.escape(label)}\b", document) is None

    def unglue(self, sentence: Sentence, words: list[str] | None = None) -> Sentence:
        """``sentence`` from the second copy of a run of words it holds twice: the copy before
        it was a caption glued to the sentence it repeats (``words``: its lower-cased white-space
        words, split when not given)."""
        if words is None:
            words = sentence.text.lower().split()
        k = self.repeated_run_words
        if not _may_repeat_run(words, k):
            return sentence
        runs = list(zip(*(words[i:] for i in range(k))))
        if len(set(runs)) == len(runs):
            return sentence  # no run comes twice (the common case, decided in C)
        seen: dict[tuple[str, ...], int] = {}
        for i, run in enumerate(runs):
            if run in seen and _wordy(run):
                # The copy starts where the words before both runs stop matching: a run of
                # figures is no run alone ("... aged 12 to 13 have made ..." twice), so the
                # copy is cut at its first figure-free run without this.
                j = seen[run]
                while j > 0 and i - 1 >= j + k and words[i - 1] == words[j - 1]:
                    i, j = i - 1, j - 1
                at = [m.start() for m in _WORD.finditer(sentence.text)][i]
                # A caption often ends on a bracketed mark ("... research shows ( file pic )
                # more than one in ten children aged 12 to 13 have made ..."): the sentence
                # starts after it when at most caption_mark_words words lie between.
                close = sentence.text.rfind(")", 0, at)
                if close > 0 and "(" in sentence.text[:close] and len(sentence.text[close + 1: at].split()) <= self.caption_mark_words:
                    at = close + 1 + len(sentence.text[close + 1:]) - len(sentence.text[close + 1:].lstrip())
                return Sentence(sentence.index, sentence.start + at, sentence.end, sentence.text[at:])
            seen.setdefault(run, i)
        return sentence

    def trim_at(self, text: str) -> int | None:
        """Where the first furniture marker glued inside ``text`` begins, or None."""
        lower = text.lower()
        if len(lower) != len(text):  # a letter whose lower case is longer: match case-blind
            found = [m.start() for m in (re.search(p.pattern, text, re.IGNORECASE) for p in self.cut) if m]
        else:
            found = [m.start() for m in (p.search(lower) for p in self.cut) if m]
        return min(found) if found else None

    def trim(self, sentence: Sentence) -> Sentence | None:
        """``sentence`` up to the first furniture marker glued inside it (None when too little
        is left before it)."""
        at = self.trim_at(sentence.text)
        if at is None:
            return sentence
        head = sentence.text[:at].rstrip()
        if len(head.split()) < MIN_PIECE_WORDS:
            return None
        return Sentence(sentence.index, sentence.start, sentence.start + len(head), head)

    def after_posts(self, sentence: Sentence) -> Sentence | None:
        """``sentence`` after the last sign-off of an embedded post glued inside it ("Ryan
        Reynolds (@VancityReynolds) July 31, 2017The snap is ..."): the post and its sign-off
        go, the words after them stay when at least MIN_PIECE_WORDS of them hold a letter or a
        digit (what a post's sign-off leaves of a caption's emoji read as "??" is no sentence:
        "Prety ?? . .")."""
        if "@" not in sentence.text:
            return sentence  # every sign-off names an @account
        lower = sentence.text.lower()
        ends = [m.end() for p in self.cut_through for m in p.finditer(lower)]
        if not ends or len(lower) != len(sentence.text):
            return sentence
        at = max(ends)
        rest = sentence.text[at:]
        at += len(rest) - len(rest.lstrip())
        if sum(not _NO_WORD.fullmatch(w) for w in rest.split()) < MIN_PIECE_WORDS:
            return None
        return Sentence(sentence.index, sentence.start + at, sentence.end, sentence.text[at:])

    def strip_dateline(self, sentence: Sentence) -> Sentence:
        """``sentence`` without the dateline or agency credit that opens it ("New Delhi, Aug 2
        (PTI) "), or a wire story's headline in capitals and the dateline after it on one line
        ("ADVANCED MAGNETICS <ADMG> IN AGREEMENT CAMBRIDGE, Mass., March 24 - "), when at least
        MIN_PIECE_WORDS words are left. The sentence's span starts after what is cut off, so
        its text stays ``document[start:end]``."""
        text = sentence.text
        lower = text.lower()
        if len(lower) != len(text):
            return sentence  # a letter whose lower case is longer: the offsets would not hold
        found = [m for m in (p.match(lower) for p in self.at_start) if m is not None and m.end()]
        found += [m for m in (p.match(text) for p in self.headline_at_start) if m is not None and m.end()]
        if not found:
            return sentence
        end = max(m.end() for m in found)  # the headline and its dateline, not the dateline's city alone
        rest = text[end:]
        if len(rest.split()) < MIN_PIECE_WORDS:
            return sentence
        return Sentence(sentence.index, sentence.start + end, sentence.end, rest)

    def may_open_with_dateline(self, text: str) -> bool:
        """A quick test, before :meth:`strip_dateline`: whether a dateline may open ``text``
        (all its patterns match the start; most sentences fail this one try)."""
        return self.any_dateline.match(text) is not None

    def _found_in(self, texts: list[str]) -> tuple[list[str | None], list[bool], list[bool], bool]:
        """Each text's kind of furniture by the patterns tried anywhere (or None), whether a
        cut marker is in it, whether a dateline may open it (what ``dateline_hint`` finds
        near its start), and whether a pattern tried at a text's start may match any. The
        patterns run over all the texts at once, one line each: first one pass of RE2 over
        them all names the few patterns that may match (:mod:`summarizer.screening`; most
        texts hold none), then Python's engine looks for those, a pattern led by a literal
        word in one fast scan of the whole text, not one a sentence."""
        kinds: list[str | None] = [None] * len(texts)
        cuts = [False] * len(texts)
        original = "\n".join(texts)
        joined = original.lower()
        if len(joined) != len(original):  # a letter whose lower case is longer
            return ([self._found_anywhere(t) for t in texts], [self.trim_at(t) is not None for t in texts],
                    [True] * len(texts), True)
        screen, at_start, datelines = self._screen
        may = screen.candidates(joined)
        starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        hinted = [False] * len(texts)
        # The datelines' patterns are screened on the lower-cased text; those of headlines run in
        # the text's own case, the same text only where it has no capitals (CNN/DailyMail's).
        if may is None or original != joined or not may.isdisjoint(range(datelines, screen.size)):
            for m in self.dateline_hint.finditer(joined):  # rare in running text: most sentences are not tried
                i = bisect_right(starts, m.start()) - 1
                hinted[i] = hinted[i] or m.start() - starts[i] < self.dateline_within
        scans = self._scans
        for index in range(at_start, datelines) if may is None else sorted(may.intersection(range(at_start, datelines))):
            kind, pattern, needs = scans[index - at_start]
            if not all(map(joined.__contains__, needs)):
                continue  # a string it needs is not there ("@" and "#" of a post): the text need not be scanned
            for m in pattern.finditer(joined):
                i = bisect_right(starts, m.start()) - 1
                if kind is None:
                    cuts[i] = True
                elif kinds[i] is None:
                    kinds[i] = kind
        return kinds, cuts, hinted, may is None or not may.isdisjoint(range(at_start))

    @cached_property
    def _screen(self) -> tuple[Screen, int, int]:
        """The screen of :meth:`_found_in`: the patterns of ``drop_at_start``, those of
        ``_scans`` from the first number on, those of datelines (``at_start``, then
        ``headline_at_start``) from the second. A sentence starts a line of the texts joined, so
        a pattern that matches at a sentence's start matches somewhere in them."""
        patterns = [p for _, p in self.drop_at_start] + [p for _, p, _ in self._scans]
        at_start, datelines = len(self.drop_at_start), len(patterns)
        return Screen(patterns + list(self.at_start) + list(self.headline_at_start)), at_start, datelines

    @cached_property
    def _scans(self) -> tuple[tuple[str | None, re.Pattern[str], frozenset[str]], ...]:
        """What :meth:`_found_in` runs: each kind and pattern of ``drop``, then each of ``cut``
        (kind None), with the literals a match needs."""
        patterns = [*self.drop, *((None, p) for p in self.cut)]
        return tuple((kind, pattern, required_literals(pattern)) for kind, pattern in patterns)

    def _found_anywhere(self, text: str) -> str | None:
        lower = text.lower()
        screen, at_start, _ = self._screen
        may = screen.candidates(lower)  # (the patterns of drop are the first of _scans)
        return next((kind for index, (kind, pattern) in enumerate(self.drop, start=at_start)
                     if (may is None or index in may) and pattern.search(lower)), None)

    def rest_of_bios(self, text: str, sentences: list[Sentence]) -> set[int]:
        """The starts of the sentences after an author's bio on its line: the rest of the box
        an article page sets by its byline ("With 30+ years in journalism, Rebecca specializes
        in covering home services and tech. She's moved 15+ times.")."""
        bio = [pattern for kind, pattern in (*self.drop_at_start, *self.drop) if kind == "author bio"]
        found: set[int] = set()
        line = -1
        for s in sentences:
            if line >= 0 and _line_start(text, s.start) == line:
                found.add(s.start)
                continue
            lower = s.text.lower()
            line = _line_start(text, s.start) if any(p.search(lower) for p in bio) else -1
        return found

    def credited_captions(self, text: str, sentences: list[Sentence]) -> set[int]:
        """The starts of the sentences that are a photo's caption by its credit: each the whole of
        its line but for a credit after it ("Meghan Hicks testing shoes above Silverton,
        Colorado. Photo: iRunFar/Bryon Powell")."""
        found = set()
        for before, credit in zip(sentences, sentences[1:]):
            if self._found_at_start(credit.text) != "photo credit":  # first: most sentences are none
                continue
            line_start = _line_start(text, before.start)
            if not text[line_start: before.start].strip() and _line_start(text, credit.start) == line_start:
                found.add(before.start)
        return found

    def clean(self, sentences: list[Sentence]) -> list[Sentence]:
        """The sentences that are not furniture, cut short where furniture is glued to them."""
        out: list[Sentence] = []
        after_by = False
        document: str | None = None  # the sentences' text, for a label's other uses (joined when first needed)
        anywhere, cuts, hinted, at_start = self._found_in([s.text for s in sentences])
        for s, found, cut, hint in zip(sentences, anywhere, cuts, hinted):
            dated = hint and self.may_open_with_dateline(s.text)  # a story's start (the next one's, where a cut was missed)
            starting = at_start
            if dated:  # the dateline off before the sentence's shape is judged:
                stripped = self.strip_dateline(s)  # "(EDs: With inputs) New Delhi, May 16 (PTI) ..." is no caption's label
                if stripped is not s:
                    s, found, cut = stripped, self._found_anywhere(stripped.text), self.trim_at(stripped.text) is not None
                    starting = True  # its new start was not screened
            tokens = s.text.lower().split()  # what the shape's tests and unglue read
            if document is None and ":" in s.text:
                document = " ".join(t.text for t in sentences)
            kind = (self._found_at_start(s.text) if starting else None) or found or self._by_shape(s.text, tokens, document or "")
            if kind is None and after_by and len(s.text.split()) <= self.byline_name_words:
                kind = "byline"  # the name after a bare "by ."
            after_by = kind == "byline" and len(s.text.strip(" .:").split()) <= 1
            if kind is not None:
                continue
            kept: Sentence | None = self.unglue(s, tokens)
            if cut:
                kept = self.trim(kept)  # type: ignore[arg-type]
            if kept is not None:
                kept = self.after_posts(kept)
            if kept is not None and (dated or not out):
                kept = self.strip_dateline(kept)
            if kept is not None:
                out.append(kept)
        return out


def _line_start(text: str, at: int) -> int:
    return max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1


def _compile(pattern: str, where: str, flags: int = 0) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.MULTILINE | flags)  # several sentences are searched at once, a line each
    except re.error as exc:
        raise SummarizerError(f"furniture pattern {pattern!r} ({where}) is not a regular expression: {exc}") from exc


@lru_cache(maxsize=4)
def load_furniture(path: Path | str | None = None) -> Furniture:
    """The furniture rules shipped in ``data/furniture.json`` (or those of ``path``)."""
    try:
        data = read_json("corpuscut.summarizer", "data/furniture.json", path)
        drop = tuple((kind, _compile(p, kind)) for kind, patterns in data["drop"].items() for p in patterns)
        cut = tuple(_compile(p, "cut") for p in data["cut"])
        label = data["caption_label"]
        unmarked = data.get("unmarked_caption")
        verbs: dict[str, list[tuple[str, ...]]] = {}
        for verb in unmarked["verbs"] if unmarked else ():
            verbs.setdefault(verb.split()[0], []).append(tuple(verb.split()))
        keys = frozenset(max(v.split(), key=len) for v in (unmarked or {}).get("verbs", ()))
        caption = UnmarkedCaption(
            int(unmarked["max_words"]), int(unmarked["verb_within"]), {k: tuple(v) for k, v in verbs.items()},
            frozenset(unmarked["tensed"]), int(unmarked["verbless_max_words"]),
            tuple(tuple(p.split()) for p in unmarked["verbless_places"]), frozenset(unmarked.get("reporting", ())),
            frozenset(unmarked.get("verbless_not", ())), keys,
        ) if unmarked else None
        headline = tuple(_compile(p, "headline_at_start") for p in data.get("headline_at_start", ()))
        anywhere = tuple(d for d in drop if not d[1].pattern.startswith("^"))
        at_start = tuple(d for d in drop if d[1].pattern.startswith("^"))
        any_at_start = _compile("|".join(f"(?:{p.pattern})" for _, p in at_start) or "(?!)", "drop")
        return Furniture(
            anywhere, at_start, any_at_start, cut, int(label["max_words"]), frozenset(label["verbs"]), int(data["byline_name_words"]),
            int(data["repeated_run_words"]), tuple(_compile(p, "strip_at_start") for p in data.get("strip_at_start", ())),
            tuple(_compile(p, "cut_through") for p in data.get("cut_through", ())), caption,
            frozenset(data.get("cut_off_end", ())), frozenset(data.get("caption_look_subject_not", ())),
            tuple(data.get("introducing_end", ())), headline, _compile(
                "|".join([*(f"(?i:{p})" for p in data.get("strip_at_start", ())), *(f"(?:{h.pattern})" for h in headline)])
                or "(?!)", "strip_at_start"),
            _compile(data["dateline_hint"]["pattern"], "dateline_hint") if "dateline_hint" in data else re.compile(""),
            int(data["dateline_hint"]["within"]) if "dateline_hint" in data else 1 << 30,
            int(data.get("question_max_words", 0)), str(data.get("quote_marks", "")),
            int(data.get("quote_piece_max_words", 0)), int(data.get("caption_mark_words", 0)),
            frozenset(label.get("not_first", ())),
        )
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise SummarizerError(f"furniture rules {path or 'data/furniture.json'} cannot be loaded: {exc}") from exc
