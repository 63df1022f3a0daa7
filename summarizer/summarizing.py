"""summarize(): pick a text's most telling sentences with one of the methods."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Sequence, overload

from corpuscut.text.compiled import Tier
from corpuscut.text.datafiles import read_json
from corpuscut.text.words import WordNormalizer

from .cohesion import Cohesion, load_cohesion
from .errors import UnknownMethodError
from .furniture import Furniture, load_furniture
from .length import Length
from .newsrank import NewsRankModel, load_newsrank, newsrank_select
from .sentences import Sentence, is_subhead, split_sentences
from .sumy_methods import SUMY_METHODS, sumy_select

DEFAULT_METHOD = "newsrank"
#: Work per text is bounded: sentences are taken from this many first characters only.
MAX_CHARS = 200_000
#: newsrank runs compiled once it has scored this many sentences with numpy (about as long as
#: loading Numba takes: 0.6-1.4 s, where numpy's features, multiplied without BLAS threads, cost
#: some 0.03 ms a sentence more than the compiled loop's on CNN/DailyMail articles), or at once
#: where Numba is loaded already (by the segmenter of a digest).
COMPILE_AFTER_SENTENCES = 40_000
#: A summary's sentence is shown to at most this many words: more is a text without stops
#: (no sentence of news runs so long), not a sentence to show whole.
LONGEST_SHOWN_WORDS = 150
#: What ends a sentence, not a heading: the stops and closing quotes of Latin script, and the
#: full-width ones of Chinese and Japanese (。！？；： and the corner brackets 」』).
HEADING_END = ".!?\u2026\"'\u201d\u2019\u00bb:;\u3002\uff01\uff1f\uff1b\uff1a\uff0e\u300d\u300f"
CLOSING_QUOTES = "\"'\u201d\u2019\u00bb\u300d\u300f"
#: What parts a page's title from its site's name on one line ("What is Cloud Computing? | Google Cloud").
TITLE_SEPARATORS = "|\u2013\u2014-\u00b7\u2022:"
#: How a Chinese or Japanese sentence ends: no space follows it.
FULL_WIDTH_END = ("\u3002", "\uff01", "\uff1f", "\u300d", "\u300f")


@dataclass(frozen=True)
class Summary:
    """Chosen sentences in document order, with their offsets in the summarized text. A
    sentence is what the summary shows, so its span leaves out what was cut off it (a dateline,
    a wire headline run into one, a caption glued before it: its start moves on) and what was cut
    after it (a furniture marker glued on: its end moves back); ``text[start:end]`` is always
    the sentence's text."""

    method: str
    sentences: tuple[Sentence, ...] = field(default_factory=tuple)
    total_sentences: int = 0

    @property
    def text(self) -> str:
        """The sentences joined by a space, or by nothing after a full-width stop (Chinese and
        Japanese put no space between sentences), or by a line break after a line that ends
        without a stop (a standfirst, a subhead kept as a last resort): a space would run it
        into the next sentence as one ("... an awesome online presence Building a website")."""
        joined = ""
        for sentence in self.sentences:
            flat = " ".join(sentence.text.split())
            if not joined or joined.endswith(FULL_WIDTH_END):
                joined += flat
            else:
                joined += (" " if joined[-1] in HEADING_END else "\n") + flat
        return joined


@dataclass(frozen=True)
class HeadingRules:
    """What makes a whole line with no final punctuation a heading (``data/headings.json``)."""

    max_words: int = 18
    #: A longer line is a heading when this share of its words open with a capital (a list of tags).
    capitalised_share: float = 1.0

    def is_heading_line(self, line: str) -> bool:
        words = line.split()
        if len(words) <= self.max_words:
            return True
        capitalised = sum(1 for w in words if w[:1].isupper() or (not w[:1].isalnum() and w[1:2].isupper()))
        return capitalised >= self.capitalised_share * len(words)


@lru_cache(maxsize=1)
def load_heading_rules() -> HeadingRules:
    data = read_json("corpuscut.summarizer", "data/headings.json")
    return HeadingRules(int(data["max_words"]), float(data["capitalised_share"]))


def is_heading(text: str, sentence: Sentence, rules: HeadingRules | None = None) -> bool:
    """A whole line with no final punctuation, of few words or of mostly capitalised ones
    (:class:`HeadingRules`): a headline, caption, label or list of tags; or the end of such a
    line, after a question on it ("Looking for a business laptop? Here are 3 things you should
    pay attention to": a menu's link, not the article's words)."""
    after = sentence.end
    while text[after: after + 1] in (" ", "\t"):  # a scraped line's trailing blanks end it as well
        after += 1
    if (text[after: after + 1] or "\n") not in "\r\n":
        return text[after: after + 1] in TITLE_SEPARATORS and _titles_a_page(text, sentence, after, rules)
    line_start = max(text.rfind("\n", 0, sentence.start), text.rfind("\r", 0, sentence.start)) + 1
    # A closing quote ends a sentence only after a stop ('... he said.' against "Plan 'hides Blair'").
    last = sentence.text.rstrip().rstrip(CLOSING_QUOTES)[-1:]
    # A question alone on its line is a headline too ("Why does my computer not turn back on
    # after I suspended it?" over a help page): summaries opened by repeating it.
    alone = last == "?" and not text[line_start: sentence.start].strip()
    if last in HEADING_END and not alone:
        return False
    return (rules or load_heading_rules()).is_heading_line(text[line_start: sentence.end])


def _titles_a_page(text: str, sentence: Sentence, after: int, rules: HeadingRules | None) -> bool:
    """Whether ``sentence``, with a separator at ``after``, opens a page's title line, the site's
    name after it ("What is Cloud Computing? | Google Cloud"): a heading line whose own words end
    in a stop. (Only blanks are looked at before the sentence: a line of a thousand sentences
    asks each of them, and a look back to the line's start would cost each the whole line.)"""
    line_start = sentence.start
    while line_start and text[line_start - 1] in " \t":
        line_start -= 1
    if line_start and text[line_start - 1] not in "\r\n":
        return False
    line_end = text.find("\n", after)
    line_end = len(text) if line_end < 0 else line_end
    found = text.find("\r", after, line_end)
    line_end = line_end if found < 0 else found
    line = text[line_start: line_end].rstrip()
    return line.rstrip(CLOSING_QUOTES)[-1:] not in HEADING_END and (rules or load_heading_rules()).is_heading_line(line)


def is_cut_off(text: str, sentence: Sentence) -> bool:
    """The text's last sentence stops without a final stop: it was cut off mid-sentence."""
    return not text[sentence.end:].strip() and sentence.text.rstrip()[-1:] not in HEADING_END


def _glued_headline(first: list[Sentence]) -> list[Sentence]:
    """The upper-case headline that opens ``first`` (a text's first sentence, or none) where a
    dateline follows it on its line (a one-line wire story whose body is a table alone: "<ACKLANDS
    LTD> 1ST QTR FEB 28 NET TORONTO, March 24 - Shr three cts vs 11 cts ..."), as a sentence of
    its own; none where it does not open so."""
    from corpuscut.segmenter.articles import glued_headline  # here: most texts never need the segmenter

    if not first:
        return []
    sentence = first[0]
    headline = glued_headline(sentence.text)
    if not headline or not sentence.text.startswith(headline):
        return []
    return [Sentence(sentence.index, sentence.start, sentence.start + len(headline), headline)]


def _fit_budget(indices: list[int], texts: list[str], budget: int | None) -> list[int]:
    if budget is None:
        return indices
    kept, used = [], 0
    for i in indices:
        n = len(texts[i].split())
        if kept and used + n > budget:
            break
        kept.append(i)
        used += n
    return kept


class _Asked(Sequence[bool]):
    """``count`` answers of ``ask``, each asked when it is first read (a method may read few)."""

    def __init__(self, count: int, ask: Callable[[int], bool]):
        self._count = count
        self._ask = ask

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, k: int) -> bool: ...

    @overload
    def __getitem__(self, k: slice) -> list[bool]: ...

    def __getitem__(self, k: int | slice) -> bool | list[bool]:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(self._count))]
        if not -self._count <= k < self._count:
            raise IndexError(k)
        return self._ask(k % self._count)


#: How a method picks sentences: (the summarizer, the candidate sentences' texts, how many to
#: keep, a word budget or None, the text's title or None) -> the indices of those it keeps.
Select = Callable[["Summarizer", list[str], int, "int | None", "str | None"], list[int]]


def _newsrank(
    summarizer: "Summarizer", texts: list[str], count: int, budget: int | None, title: str | None, reach: Sequence[int] = (),
    needs: Sequence[tuple[frozenset[int], ...]] = (), least: int = 0, demoted: Sequence[bool] = (),
) -> list[int]:
    assert summarizer.model is not None
    return newsrank_select(
        texts, count, summarizer.normalizer, summarizer.model, title, budget, summarizer.tier, reach, needs, least, demoted
    )


def _lead(summarizer: "Summarizer", texts: list[str], count: int, budget: int | None, title: str | None) -> list[int]:
    return _fit_budget(list(range(min(count, len(texts)))), texts, budget)


def _sumy(method: str) -> Select:
    """sumy's ``method``; with a word budget, the most sentences whose selection fits it."""

    def select(summarizer: "Summarizer", texts: list[str], count: int, budget: int | None, title: str | None) -> list[int]:
        if budget is None:
            return sumy_select(method, texts, count, summarizer.language)
        lo, hi, best = 1, len(texts), [0]
        while lo <= hi:
            mid = (lo + hi) // 2
            picked = sumy_select(method, texts, mid, summarizer.language)
            if sum(len(texts[i].split()) for i in picked) <= budget:
                best, lo = picked, mid + 1
            else:
                hi = mid - 1
        return best

    return select


#: Every method by name (as sumy's ``AVAILABLE_METHODS``): ours, the Lead baseline, and every
#: sumy method. A new method is one more entry (see CONTRIBUTING.md).
METHODS: dict[str, Select] = {DEFAULT_METHOD: _newsrank, "lead": _lead, **{name: _sumy(name) for name in SUMY_METHODS}}


class Summarizer:
    """Holds a method and its language resources; ``summarize`` may be called many times."""

    def __init__(
        self, method: str = DEFAULT_METHOD, language: str = "english", model: NewsRankModel | None = None,
        tier: Tier | None = None,
    ):
        if method not in METHODS:
            raise UnknownMethodError(f"unknown method {method!r}; choose one of: {', '.join(METHODS)}")
        self.method = method
        self.normalizer = WordNormalizer(language)
        self.language = self.normalizer.language
        self.model = model or (load_newsrank() if method == DEFAULT_METHOD else None)
        #: Our method leaves page furniture out; ``lead`` and sumy's methods stay as published.
        self.furniture: Furniture | None = load_furniture() if method == DEFAULT_METHOD else None
        #: Our method picks a sentence that leans on the one before only after that one.
        self.cohesion: Cohesion | None = load_cohesion(self.language) if method == DEFAULT_METHOD else None
        self.tier = tier if tier is not None else Tier(COMPILE_AFTER_SENTENCES)

    def select(
        self, texts: list[str], count: int, budget: int | None, title: str | None = None, reach: Sequence[int] = (),
        needs: Sequence[tuple[frozenset[int], ...]] = (), least: int = 0, demoted: Sequence[bool] = (),
    ) -> list[int]:
        """The indices of the sentences this summarizer's method keeps. ``reach``: how far back
        each sentence leans (:meth:`Cohesion.reach`), ``needs``: which earlier sentences
        introduce the people each names (:meth:`Cohesion.introductions`); our method heeds both.
        ``least``: at the default length, how many sentences our method keeps of a long text
        even past the budget (see :class:`NewsRankModel`); ``demoted``: sentences it takes only
        as a last resort (:meth:`Furniture.last_resort`: the look of a caption, a sentence
        introducing a list, a short question after the first sentence)."""
        if self.method == DEFAULT_METHOD:
            return _newsrank(self, texts, count, budget, title, reach, needs, least, demoted)
        return METHODS[self.method](self, texts, count, budget, title)

    def candidates(self, text: str, sentences: list[Sentence]) -> list[Sentence]:
        """The sentences a summary may hold: no headings (whole lines without a final stop, and
        upper-case subheads glued to a sentence) unless the text has nothing else, no last words cut off mid-sentence; for our method
        also no page furniture, a quotation over several sentences as one, and no sentence
        over the model's longest, nor a fragment under its shortest ("transcript ."), unless
        all are. Where every sentence is furniture (a wire story that is an earnings table and
        nothing else), the first heading that is none, or the upper-case headline opening the
        first sentence before its dateline: the story's headline."""
        body = [s for s in sentences if not is_heading(text, s) and not is_subhead(s.text)] or sentences
        if len(body) > 1 and is_cut_off(text, body[-1]):
            body = body[:-1]  # a teaser's last words, cut off mid-sentence: not a sentence to show
        if self.furniture is not None and self.model is not None:
            # a caption by its credit, and what follows an author's bio on its line
            left_out = self.furniture.credited_captions(text, sentences) | self.furniture.rest_of_bios(text, sentences)
            if left_out:
                body = [s for s in body if s.start not in left_out]
            body = self.furniture.clean(body) or [
                s for s in sentences[:1] if is_heading(text, s) and self.furniture.reason(s.text) is None
            ] or _glued_headline(sentences[:1])
            longest = self.model.max_sentence_words
            if self.cohesion is not None:
                body = self.cohesion.join_quotations(text, body, longest)
            least = self.model.min_sentence_words
            body = [s for s in body if least <= len(s.text.split()) <= longest] or body
        return body

    def prepare(self, text: str) -> tuple[list[Sentence], list[Sentence], str | None]:
        """The sentences of ``text`` (its first MAX_CHARS characters), those a summary may
        hold, and the title (the first sentence when it is a heading left out)."""
        sentences = split_sentences(text[:MAX_CHARS], self.language)
        body = self.candidates(text, sentences)
        headed = len(sentences) > 1 and is_heading(text, sentences[0]) and not is_heading(text, sentences[1])
        return sentences, body, sentences[0].text if headed else None

    def summarize(self, text: str, length: Length = Length()) -> Summary:
        """Summarize ``text`` (see :meth:`candidates` for what may be picked). Only the first
        MAX_CHARS characters are read, so a huge text is summarized in bounded time and memory.
        The default length of our method is the model's: a word budget about as long as the
        text's first three sentences are in news."""
        sentences, body, title = self.prepare(text)
        budget = length.words
        count = length.count(len(body))
        least = 0
        if length.is_default and self.model is not None:
            count, budget = min(len(body), self.model.max_sentences), self.model.default_budget(len(body))
            least = self.model.least_sentences
        if count >= len(body) and budget is None:
            return Summary(self.method, tuple(map(_bounded, body)), len(sentences))
        reach = self.cohesion.reach(text, body) if self.cohesion is not None else ()
        needs = self.cohesion.introductions(body, self.normalizer.stop_words) if self.cohesion is not None else ()
        demoted = _Asked(len(body), lambda k: self.furniture.last_resort(body[k].text, first=k == 0)) if self.furniture else []
        picked = self.select([s.text for s in body], count, budget, title, reach, needs, least, demoted)
        return Summary(self.method, tuple(_bounded(body[i]) for i in sorted(set(picked))), len(sentences))


def _bounded(sentence: Sentence) -> Sentence:
    """``sentence``, or its first LONGEST_SHOWN_WORDS words where it is longer: a text with no
    stop in it (a line of 200,000 characters) is one "sentence", and a summary of it is not."""
    if len(sentence.text) <= LONGEST_SHOWN_WORDS * 4:  # too short to hold so many words
        return sentence
    words = list(re.finditer(r"\S+", sentence.text[: LONGEST_SHOWN_WORDS * 64]))
    if len(words) <= LONGEST_SHOWN_WORDS:
        return sentence
    end = words[LONGEST_SHOWN_WORDS - 1].end()
    return Sentence(sentence.index, sentence.start, sentence.start + end, sentence.text[:end])

def summarize(
    text: str,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    method: str = DEFAULT_METHOD,
    language: str | None = None,
) -> Summary:
    """Summarize ``text`` to ``sentences`` sentences, a ``ratio`` of them, or a ``words`` budget
    (none given: the method's default length), with the stemmer of ``language``, or of the
    text's language detected from its start."""
    from corpuscut.text.language import language_for

    return Summarizer(method, language_for(text, language).stemmer).summarize(text, Length(sentences, ratio, words))
