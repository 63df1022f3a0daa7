"""``corpuscut summarize``: each input summarized as one document."""

from __future__ import annotations

from typing import Any

from corpuscut.reading import Document
from corpuscut.segmenter.body import find_body
from corpuscut.text.language import Language
from corpuscut.summarizer.summarizing import MAX_CHARS

from ..environment import Environment
from ..options import FIELDS, LENGTH, OUTPUT, TERMINAL, Options, command
from ..records import summary_record
from ..run import document_events, run
from ..tools import summarizing

EXAMPLE = "corpuscut summarize article.txt --sentences 2 --method lex-rank"


@command("inputs", *LENGTH, *OUTPUT, *FIELDS, *TERMINAL)
def summarize(env: Environment, opts: Options) -> None:
    """Summarize each input as one document: its most telling sentences, in order."""
    job = summarizing(opts)

    def records_of(doc: Document, language: Language) -> list[dict[str, Any]]:
        if not doc.text:
            return []  # an empty input has no document to summarize, as it has no article
        body = find_body(doc.text)  # summaries are made from the main text
        summary = job.on(language).summarizer().summarize(doc.text[body.start:body.end], job.length)
        return [summary_record(doc, summary, language.name, body.title())]

    run(env, opts, document_events(env, opts, records_of, max_chars=MAX_CHARS), kind="summarize")
