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


@dataclass(frozen=True)
class _Settings:
    sample_chars: int
    stretches: int
    stretch_chars: int
    names: dict[str, str]


@lru_cache(maxsize=1)
def _settings() -> _Settings:
    data = read_json("corpuscut.text", "data/languages.json")
    return _Settings(int(data["sample_chars"]), int(data["stretches"]), int(data["stretch_chars"]), dict(data["names"]))


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
    import pycld2

    sample = _sample(text[: _settings().sample_chars])
    # CLD2 reads UTF-8 and refuses control characters and lone surrogates; neither says
    # anything about the language.
    data = sample.encode("utf-8", "replace")
    try:
        reliable, _, details = pycld2.detect(data)
    except pycld2.error:
        cleaned = "".join(c if c.isprintable() or c.isspace() else " " for c in sample)
        try:
            reliable, _, details = pycld2.detect(cleaned.encode("utf-8", "replace"))
        except pycld2.error:
            return default_language()
    cld_name, code = details[0][0], details[0][1]
    if not reliable or code in ("un", "xxx") or cld_name.startswith("X_"):
        return default_language()
    name = _settings().names.get(code) or cld_name.lower()
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
    "Language", "UnknownLanguageError", "default_language", "detect_in_pieces", "detect_language",
    "given_language", "language_for", "sample_chars",
]
