"""Words for lexical comparison: lower-cased, stop words dropped, stemmed. Offline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import SegmenterError

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


class UnknownLanguageError(SegmenterError):
    """No stemmer or stop words for a language."""


@lru_cache(maxsize=16)
def _stop_words(language: str) -> frozenset[str]:
    from sumy.utils import get_stop_words

    try:
        return frozenset(get_stop_words(language))
    except LookupError:
        return frozenset()


def supported_languages() -> list[str]:
    """Languages with a Snowball stemmer (sumy's stop words are used where it has them)."""
    import Stemmer

    return sorted(lang for lang in Stemmer.algorithms() if lang not in ("porter", "dutch_porter"))


@dataclass
class WordNormalizer:
    """Turns text into stems of content words for one language, caching each stem."""

    language: str = "english"
    _cache: dict[str, str] = field(default_factory=dict, repr=False)

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
        self._stem = Stemmer.Stemmer(language).stemWord
        self.stop_words = _stop_words(language)

    def tokens(self, text: str) -> list[str]:
        """Lower-cased word tokens of ``text``, stop words included."""
        return [m.group(0).lower() for m in _WORD.finditer(text)]

    def stems(self, text: str) -> list[str]:
        """Stems of the content words of ``text``, in order (stop words and one-letter words dropped)."""
        cache = self._cache
        words = _WORD.findall(text.lower())
        try:
            return [stem for stem in map(cache.__getitem__, words) if stem]
        except KeyError:
            pass
        stop = self.stop_words
        for word in words:
            if word not in cache:
                stem = "" if len(word) < 2 or word in stop else self._stem(word)
                if len(cache) >= 200_000:
                    cache.clear()
                cache[word] = stem
        return [stem for stem in map(cache.__getitem__, words) if stem]
