"""Which language a document is in, so that its stems and stop words are the right ones.

A document's language is told from its first characters (``sample_chars``, 100,000) by CLD2,
Chromium's compact language detector (the ``pycld2`` wheel: its tables are compiled into the
extension, so nothing is downloaded or unpickled, and it reads some 25 MB of text a second).
Longer starts are read as evenly spread stretches of whole words, so that a page's menus and
cookie notices at the top cannot outvote its text, and so that the work per document stays
bounded: a batch of small files pays a fraction of a millisecond each. What is read depends
only on the text, never on how it was read (:func:`detect_in_pieces` gathers the pieces first).

A language is named as ``--language`` names it (``german``, ``french``), which is how the
Snowball stemmers are named; a language without a stemmer is stemmed as English, and says so
(:attr:`Language.stemmer`). A text with too few letters to tell (a title, a list of numbers)
is taken as English.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Iterable, Iterator

from .datafiles import read_json
from .words import DEFAULT_LANGUAGE, UnknownLanguageError, supported_languages


#: The languages whose words are read as overlapping pairs of characters (``words.CJK_RUN``).
CHARACTER_PAIR_LANGUAGES = frozenset({"chinese", "japanese"})


@dataclass(frozen=True)
class Language:
    """A document's language and the stemmer its words get."""

    #: The language, as ``--language`` names it (``english``, ``german``, ``polish``).
    name: str
    #: The Snowball stemmer (and stop words) used: ``name`` where there is one, else english.
    stemmer: str
    #: How it was chosen: ``given`` (``--language``), ``detected``, or ``default`` (the
    #: text held too little to tell).
    how: str = "detected"

    @property
    def has_stemmer(self) -> bool:
        return self.name == self.stemmer

    @property
    def needs_no_stemmer(self) -> bool:
        """Chinese and Japanese: their script is read as pairs of characters, not stemmed (the
        stemmer named is only for the words of other scripts among them)."""
        return self.name in CHARACTER_PAIR_LANGUAGES


@dataclass(frozen=True)
class _Settings:
    sample_chars: int
    stretches: int
    stretch_chars: int
    names: dict[str, str]
    #: An article's own language: read from its first ``article_chars`` characters; told only
    #: where the detector read ``article_min_chars`` bytes of letters in them and gives its
    #: language ``article_min_percent`` of them, reliably; else the document's.
    article_chars: int
    article_min_chars: int
    article_min_percent: int


@lru_cache(maxsize=1)
def _settings() -> _Settings:
    data = read_json("corpuscut.text", "data/languages.json")
    article = data["article"]
    return _Settings(int(data["sample_chars"]), int(data["stretches"]), int(data["stretch_chars"]), dict(data["names"]),
                     int(article["sample_chars"]), int(article["min_letters"]), int(article["min_percent"]))


def sample_chars() -> int:
    """How many characters at a document's start decide its language."""
    return _settings().sample_chars


def given_language(name: str) -> Language:
    """The language a user named (``--language``); UnknownLanguageError without a stemmer."""
    language = name.lower()
    if language not in supported_languages():
        raise UnknownLanguageError(f"no stemmer for language {name!r}; known: {', '.join(supported_languages())}")
    return Language(language, language, "given")


def default_language() -> Language:
    return Language(DEFAULT_LANGUAGE, DEFAULT_LANGUAGE, "default")


def detect_language(text: str) -> Language:
    """The language of ``text``, told from its first ``sample_chars`` characters."""
    found = _cld2(_sample(text[: _settings().sample_chars]))
    if found is None or not found[0]:
        return default_language()
    return _named(found[1])


def article_language(text: str, document: Language) -> Language:
    """The language of one article of a document in ``document``: ``document`` itself where
    it was given (``--language`` holds for every article), where the article is too short to
    tell (a headline, a teaser: fewer than ``article_min_chars`` bytes of letters), or where
    the detector is not sure of it (not reliable, or its language holds less than
    ``article_min_percent`` of the text, as in a page quoting another language at length).
    One detection on the article's first ``article_chars`` characters, so that the cost per
    article stays bounded."""
    if document.how == "given":
        return document
    settings = _settings()
    # Its best guess even where CLD2 would call it unreliable (a Spanish page quoting an English
    # sentence is 60% Spanish): the share and the length decide instead.
    found = _cld2(text[: settings.article_chars], best_effort=True)
    if found is None:
        return document
    reliable, name, percent, letters = found
    if not reliable or percent < settings.article_min_percent or letters < settings.article_min_chars:
        return document
    language = _named(name)
    return document if language.name == document.name else language


def _cld2(sample: str, best_effort: bool = False) -> tuple[bool, str, int, int] | None:
    """CLD2's verdict on ``sample``: whether it is reliable, the name of its main language,
    that language's share of the text in percent, and the bytes of letters it read; None
    where it names no language."""
    import pycld2

    # CLD2 reads UTF-8 and refuses control characters and lone surrogates; neither says
    # anything about the language.
    data = sample.encode("utf-8", "replace")
    try:
        reliable, letters, details = pycld2.detect(data, bestEffort=best_effort)
    except pycld2.error:
        cleaned = "".join(c if c.isprintable() or c.isspace() else " " for c in sample)
        try:
            reliable, letters, details = pycld2.detect(cleaned.encode("utf-8", "replace"), bestEffort=best_effort)
        except pycld2.error:
            return None
    cld_name, code, percent = details[0][0], details[0][1], details[0][2]
    if code in ("un", "xxx") or cld_name.startswith("X_"):
        return None
    return bool(reliable), _settings().names.get(code) or cld_name.lower(), int(percent), int(letters)


@lru_cache(maxsize=None)
def _named(name: str) -> Language:
    # (one per language: an article's language is told for every article of a batch)
    return Language(name, name if name in supported_languages() else DEFAULT_LANGUAGE, "detected")


def _sample(head: str) -> str:
    """``head`` whole when short; else its stretches, each widened to whole words."""
    settings = _settings()
    width, count = settings.stretch_chars, settings.stretches
    if len(head) <= width * count:
        return head
    step = (len(head) - width) // (count - 1)
    parts = []
    for k in range(count):
        lo = k * step
        hi = lo + width
        # Whole words where the text has spaces: start after the first, end at the last.
        first = head.find(" ", lo, hi) if k else -1
        lo = first + 1 if first >= 0 else lo
        space = head.rfind(" ", lo, hi)
        parts.append(head[lo: space if space > lo else hi])
    return "\n".join(parts)


def detect_in_pieces(pieces: Iterable[str]) -> tuple[Language, Iterator[str]]:
    """The language of the text made of ``pieces`` (from its first ``sample_chars``
    characters, however it is cut into pieces), and the same pieces to read on with."""
    wanted = _settings().sample_chars
    source = iter(pieces)
    head: list[str] = []
    held = 0
    for piece in source:
        head.append(piece)
        held += len(piece)
        if held >= wanted:
            break
    start = "".join(head)
    return detect_language(start[:wanted]), chain((start,), source)


def language_for(text: str, given: str | None) -> Language:
    """``given`` when a language was named, else the one detected in ``text``."""
    return given_language(given) if given else detect_language(text)


__all__ = [
    "Language", "UnknownLanguageError", "article_language", "default_language", "detect_in_pieces", "detect_language",
    "given_language", "language_for", "sample_chars",
]
