"""Words for lexical comparison: lower-cased, stop words dropped, stemmed. Offline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat

from corpuscut.errors import CorpuscutError

#: Each cache of stems is emptied when it holds this many entries (bounded memory on endless
#: streams of new words: numbers, names, noise).
MAX_CACHED = 200_000

#: The language of stems and stop words where none is given or can be told.
DEFAULT_LANGUAGE = "english"

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
#: Chinese and Japanese script (Han ideographs, kana): written without spaces between words, so
#: a run of it is read as its overlapping pairs of characters (as CJK search engines index such
#: text: most words are one or two characters long), not as one long "word".
CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK = re.compile(f"[{CJK_CHARS}]+")
#: The same, for other modules: a run of Chinese or Japanese characters.
CJK_RUN = _CJK
#: The first bytes of those characters in UTF-8 (U+3000-U+9FFF and U+F000-U+FFFF): a text with
#: none of them holds none of the characters, told by a few byte searches, far quicker than a
#: search for a class of characters over a long text.
_CJK_LEAD_BYTES = tuple(bytes([b]) for b in (*range(0xE3, 0xEA), 0xEF))


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese or Japanese character."""
    if text.isascii():
        return False
    data = text.encode("utf-8", "surrogatepass")
    return any(lead in data for lead in _CJK_LEAD_BYTES) and _CJK.search(text) is not None


class UnknownLanguageError(CorpuscutError):
    """No stemmer or stop words for a language."""


#: Stop words added to sumy's, by language: Snowball's lists where sumy's lack common function words.
STOP_WORDS_RESOURCE = "data/stopwords.json"


@lru_cache(maxsize=16)
def _stop_words(language: str) -> frozenset[str]:
    """sumy's stop words for a language (sumy names its files as Snowball names languages),
    read from sumy's package data as ``sumy.utils.get_stop_words`` reads them: importing
    ``sumy.utils`` to ask would also import requests and pycountry, 0.14 s of every process's
    start; with the words ``data/stopwords.json`` adds for the language. Empty where neither
    has a list."""
    import pkgutil

    from .datafiles import read_json

    added = frozenset(read_json("corpuscut.text", STOP_WORDS_RESOURCE).get(language, ()))
    try:
        data = pkgutil.get_data("sumy", f"data/stopwords/{language}.txt")
    except OSError:
        return added
    if data is None:
        return added
    return added | frozenset(word.rstrip() for word in data.decode("utf-8").splitlines() if word)


def stop_words_of(language: str) -> frozenset[str]:
    """A language's stop words, as its :class:`WordNormalizer` drops them."""
    return _stop_words(language)


def supported_languages() -> list[str]:
    """Languages with a Snowball stemmer (sumy's stop words are used where it has them)."""
    import Stemmer

    return sorted(lang for lang in Stemmer.algorithms() if lang not in ("porter", "dutch_porter"))


@dataclass
class WordNormalizer:
    """Turns text into stems of content words for one language, caching each stem."""

    language: str = DEFAULT_LANGUAGE
    _cache: dict[str, str] = field(default_factory=dict, repr=False)  # word -> stem ("" if dropped)
    _tokens: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)  # token -> its stems

    def __post_init__(self) -> None:
        # PyStemmer: the Snowball stemmers compiled to C, 40x faster than NLTK's pure-Python
        # ones with the same stems; stemming was the largest cost of summarizing.
        import Stemmer

        language = self.language.lower()
        if language not in supported_languages():
            raise UnknownLanguageError(
                f"no stemmer for language {self.language!r}; known: {', '.join(supported_languages())}"
            )
        self.language = language
        stemmer = Stemmer.Stemmer(language)
        self._stem = stemmer.stemWord
        self._stem_all = stemmer.stemWords
        self.stop_words = _stop_words(language)

    def tokens(self, text: str) -> list[str]:
        """Lower-cased word tokens of ``text``, stop words included."""
        return [m.group(0).lower() for m in _WORD.finditer(text)]

    def stems(self, text: str) -> list[str]:
        """Stems of the content words of ``text``, in order (stop words and one-letter words dropped)."""
        # A word never spans white space, so the stems of a line are those of its white-space
        # tokens in turn; each distinct token is looked up once and remembered with its stems.
        # Splitting at white space and looking tokens up (all in C) is two to three times quicker
        # than the word pattern over every line.
        known = self._tokens
        tokens = text.lower().split()
        try:
            return list(chain.from_iterable(map(known.__getitem__, tokens)))
        except KeyError:
            pass
        if len(known) >= MAX_CACHED:
            known.clear()
        for token in set(tokens).difference(known):  # the new tokens only, found in C
            known[token] = self.word_stems(token)
        return list(chain.from_iterable(map(known.__getitem__, tokens)))

    def stems_of(self, texts: list[str]) -> list[list[str]]:
        """:meth:`stems` of each of ``texts``."""
        return self.stems_of_tokens([text.lower().split() for text in texts])

    def stems_of_tokens(self, tokens: list[list[str]]) -> list[list[str]]:
        """:meth:`stems` of each text given as its lower-cased white-space tokens; the tokens
        none of them had before are looked up all at once (a text's sentences share many), and
        then each text's in one pass (a pass stopped at a token not known yet, then taken again,
        cost more)."""
        known = self._tokens
        new = set(chain.from_iterable(tokens)).difference(known)
        if new:
            if len(known) + len(new) > MAX_CACHED:
                known.clear()
                new = set(chain.from_iterable(tokens))
            self._learn(new)
        look_up = known.__getitem__
        return [list(chain.from_iterable(map(look_up, own))) for own in tokens]

    def _learn(self, tokens: set[str]) -> None:
        """Remember the stems of ``tokens`` (none known yet)."""
        new = list(tokens)
        self._tokens.update(zip(new, self.token_stems(new)))

    def token_stems(self, tokens: list[str]) -> list[tuple[str, ...]]:
        """:meth:`word_stems` of each of ``tokens``; the words of those that are a plain ASCII
        word each, never stemmed before, are stemmed in one call."""
        cache = self._cache
        if len(cache) >= MAX_CACHED:
            cache.clear()
        out = [None if token.isalpha() and token.isascii() else self.word_stems(token) for token in tokens]
        new = [token for token, stems in zip(tokens, out) if stems is None and token not in cache]
        stop = self.stop_words  # (is_content, asked inline of each new word)
        content = [word for word in new if len(word) > 1 and word not in stop]
        cache.update(zip(new, repeat("")))
        cache.update(zip(content, self._stem_all(content)))
        return [stems if stems is not None else (cache[token],) if cache[token] else () for token, stems in zip(tokens, out)]

    def is_content(self, word: str) -> bool:
        """Whether a lower-cased word has a stem: two letters or more (a Chinese or Japanese
        character alone too), no stop word."""
        return (len(word) > 1 or _CJK.match(word) is not None) and word not in self.stop_words

    def content_words(self, text: str) -> list[str]:
        """The lower-cased words of ``text`` that have stems."""
        return [word for word in self.tokens(text) if self.is_content(word)]

    def word_stems(self, token: str) -> tuple[str, ...]:
        """The stems of the content words in one lower-cased white-space token (each word's
        stem is remembered too: many tokens share a word, "rates," and "rates", and summarizing
        with cold caches ran ~5% slower without it)."""
        cache = self._cache
        if len(cache) >= MAX_CACHED:
            cache.clear()
        out = []
        for word in (token,) if token.isalpha() and token.isascii() else _words(token):
            stem = cache.get(word)
            if stem is None:
                stem = cache[word] = self._stem(word) if self.is_content(word) else ""
            if stem:
                out.append(stem)
        return tuple(out)


def _words(token: str) -> list[str]:
    """The words of a white-space token; a run of Chinese or Japanese script gives its
    overlapping character pairs (a run of one character, that character)."""
    words = _WORD.findall(token)
    if not any(map(_CJK.search, words)):
        return words
    out: list[str] = []
    for word in words:
        at = 0
        for run in _CJK.finditer(word):
            if run.start() > at:
                out.append(word[at:run.start()])
            chars = run.group()
            out.extend(chars[i:i + 2] for i in range(max(1, len(chars) - 1)))
            at = run.end()
        if at < len(word):
            out.append(word[at:])
    return out
