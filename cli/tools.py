"""The libraries' objects the options ask for, built before any work: a bad value is a usage
error, not a failed input."""

from __future__ import annotations

from dataclasses import replace

from corpuscut.batch.engine import Job
from corpuscut.errors import CorpuscutError
from corpuscut.summarizer import Length
from corpuscut.text.language import given_language

from .errors import UsageError
from .options import Options


def summarizing(opts: Options) -> Job:
    """The job of summarizing as the options ask: method, language and length. Its summarizer
    is built now (the batch engine keeps it for the run), so a bad value is a usage error."""
    check_language(opts)
    try:
        job = Job(summarize=True, language=opts.language, method=opts.method.value)
        job.summarizer()
        return replace(job, length=Length(sentences=opts.sentences, ratio=opts.ratio, words=opts.words))
    except CorpuscutError as exc:
        raise UsageError(str(exc)) from None


def check_language(opts: Options) -> None:
    """A language without a stemmer, named with --language, is a usage error."""
    if opts.language is not None:
        try:
            given_language(opts.language)
        except CorpuscutError as exc:
            raise UsageError(str(exc)) from None


def batch_job(opts: Options, length: Length | None = None) -> Job:
    """The batch engine's job: split, and summarize each article when given a ``length``.
    Its segmenter is built now, the way the run's tasks get theirs, so the run's first
    section, decided in this process, uses this one instead of building another."""
    cues = str(opts.cues) if opts.cues else None
    if length is None:
        check_language(opts)
        job = Job(summarize=False, language=opts.language, cues=cues, evidence=opts.explain)
    else:
        job = Job(summarize=True, language=opts.language, cues=cues, method=opts.method.value, length=length,
                  evidence=opts.explain)
    try:
        job.segmenter()
    except CorpuscutError as exc:
        raise UsageError(str(exc)) from None
    return job
