"""digest(): split a dump, then summarize each article."""

from __future__ import annotations

from corpuscut.segmenter import Article, Segmenter, with_languages

from .length import Length
from .summarizing import Summarizer, Summary


def digest(
    text: str,
    segmenter: Segmenter | None = None,
    summarizer: Summarizer | None = None,
    length: Length = Length(),
) -> list[tuple[Article, Summary]]:
    """Each article of ``text`` with its summary, made from the article's body. By default the
    tools are those of the text's language, detected from its start; and each article's own
    language (``Article.language``, told from its body) picks the stemmer and stop words of its
    summary, unless a ``summarizer`` is given."""
    from corpuscut.text.language import detect_language

    document = detect_language(text)
    articles = (segmenter or Segmenter(language=document.stemmer)).split(text)
    summarizers: dict[str, Summarizer] = {}
    out = []
    for article, language in with_languages(articles, document):
        chosen = summarizer
        if chosen is None:
            if language.stemmer not in summarizers:
                summarizers[language.stemmer] = Summarizer(language=language.stemmer)
            chosen = summarizers[language.stemmer]
        out.append((article, chosen.summarize(article.body, length)))
    return out
