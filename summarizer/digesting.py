"""digest(): split a dump, then summarize each article."""

from __future__ import annotations

from corpuscut.segmenter import Article, Segmenter

from .length import Length
from .summarizing import Summarizer, Summary


def digest(
    text: str,
    segmenter: Segmenter | None = None,
    summarizer: Summarizer | None = None,
    length: Length = Length(),
) -> list[tuple[Article, Summary]]:
    """Each article of ``text`` with its summary, made from the article's body (by default
    tools for the text's language, detected from its start)."""
    if segmenter is None or summarizer is None:
        from corpuscut.text.language import detect_language

        language = detect_language(text).stemmer
        segmenter = segmenter or Segmenter(language=language)
        summarizer = summarizer or Summarizer(language=language)
    return [(a, summarizer.summarize(a.body, length)) for a in segmenter.split(text)]
