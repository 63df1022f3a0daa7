"""Plain records (dicts) for the machine-readable formats; one schema, documented in the README."""

from __future__ import annotations

from typing import Any

from corpuscut.reading import Document
from corpuscut.segmenter import Article
from corpuscut.summarizer import Summary


def article_record(doc: Document, article: Article, language: str, explain: bool = False) -> dict[str, Any]:
    """The ``split`` record of one article in a document in ``language`` (with ``evidence``
    when explaining). Articles are numbered from 1 in each document, as on the screen and in
    ``--out-dir``."""
    record = {
        "source": doc.source,
        "index": article.index + 1,
        "start": article.start,
        "end": article.end,
        "start_line": article.start_line,
        "end_line": article.end_line,
        "title": article.title,
        "title_guessed": article.title_guessed,
        "score": article.score,
        "reasons": list(article.reasons),
        "encoding": doc.encoding,
        "language": language,
        "words": article.words,
        "body_start": article.body_start,
        "body_end": article.body_end,
        "boilerplate": article.boilerplate,
        "text": article.text,
    }
    if explain:
        text = record.pop("text")
        record["evidence"] = dict(article.evidence)
        record["body_dropped"] = [f"lines {lo}-{hi}: {why}" for lo, hi, why in article.body_dropped]
        record["text"] = text
    return record


def document_title(text: str, max_chars: int = 100, words: int = 12) -> tuple[str, bool]:
    """A whole document's title: its first line where that is short and does not end like a
    sentence (a headline); else its opening words, followed by "…" (made up)."""
    for line in text.splitlines():
        flat = " ".join(line.split())
        if flat:
            if len(flat) <= max_chars and not flat.endswith((".", "!", "?", ":", ";", ",")):
                return flat, False
            opening = flat.split()[:words]
            return " ".join(opening) + ("…" if len(opening) < len(flat.split()) else ""), True
    return "", False


def _first_line(text: str) -> str:
    """The first line with words, white space folded."""
    return next((" ".join(line.split()) for line in text.splitlines() if line.strip()), "")


def summary_fields(summary: Summary) -> dict[str, Any]:
    return {
        "method": summary.method,
        "sentences": [" ".join(s.text.split()) for s in summary.sentences],  # as ``summary`` joins them
        "summary": summary.text,
    }


def summary_record(doc: Document, summary: Summary, language: str, headline: str | None = None) -> dict[str, Any]:
    """The ``summarize`` record of one input; ``headline``: the title the body finder read in
    page text (as ``split`` titles the page), else the document's own first line."""
    title, guessed = document_title(doc.text)
    if headline:
        # guessed, as split's title_guessed says, unless it is the first line as it stands
        title, guessed = headline, headline != _first_line(doc.text)
    return {"source": doc.source, "title": title, "title_guessed": guessed, "encoding": doc.encoding,
            "language": language, **summary_fields(summary)}


def digest_record(doc: Document, article: Article, summary: Summary, language: str, explain: bool = False) -> dict[str, Any]:
    """The ``digest`` record: the split record plus the summary, text last."""
    record = article_record(doc, article, language, explain)
    text = record.pop("text")
    record.update(summary_fields(summary))
    record["text"] = text
    return record
