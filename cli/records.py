"""Plain records (dicts) for the machine-readable formats; one schema, documented in the README."""

from __future__ import annotations

from typing import Any

from corpuscut.segmenter import Article, Document
from corpuscut.summarizer import Summary


def article_record(doc: Document, article: Article, language: str, explain: bool = False) -> dict[str, Any]:
    """The ``split`` record of one article in a document in ``language`` (with ``evidence``
    when explaining)."""
    record = {
        "source": doc.source,
        "index": article.index,
        "start": article.start,
        "end": article.end,
        "start_line": article.start_line,
        "end_line": article.end_line,
        "title": article.title,
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


def summary_fields(summary: Summary) -> dict[str, Any]:
    return {
        "method": summary.method,
        "sentences": [s.text for s in summary.sentences],
        "summary": summary.text,
    }


def summary_record(doc: Document, summary: Summary, language: str) -> dict[str, Any]:
    """The ``summarize`` record of one input."""
    return {"source": doc.source, "encoding": doc.encoding, "language": language, **summary_fields(summary)}


def digest_record(doc: Document, article: Article, summary: Summary, language: str, explain: bool = False) -> dict[str, Any]:
    """The ``digest`` record: the split record plus the summary, text last."""
    record = article_record(doc, article, language, explain)
    text = record.pop("text")
    record.update(summary_fields(summary))
    record["text"] = text
    return record
