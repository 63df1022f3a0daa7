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
    """Each article of ``text`` with its summary."""
    segmenter = segmenter or Segmenter()
    summarizer = summarizer or Summarizer()
    return [(a, summarizer.summarize(a.text, length)) for a in segmenter.split(text)]
