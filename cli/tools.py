"""The libraries' objects the options ask for, built before any work: a bad value is a usage
error, not a failed input."""

from __future__ import annotations

from corpuscut.errors import CorpuscutError
from corpuscut.segmenter import Segmenter
from corpuscut.text.language import given_language
from corpuscut.text.words import DEFAULT_LANGUAGE
from corpuscut.summarizer import Length, Summarizer
from corpuscut.batch.engine import Job

from .errors import UsageError
from .options import Options


def summarizing(opts: Options) -> tuple[Summarizer, Length]:
    """The summarizer and summary length the options ask for."""
    check_language(opts)
    try:
        return (Summarizer(opts.method.value, opts.language or DEFAULT_LANGUAGE),
                Length(sentences=opts.sentences, ratio=opts.ratio, words=opts.words))
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


def segmenter(opts: Options, language: str | None = None) -> Segmenter:
    """The segmenter for ``language`` (by default the one named with --language, or English)."""
    try:
        return Segmenter.from_files(cues=opts.cues, language=language or opts.language or DEFAULT_LANGUAGE)
    except CorpuscutError as exc:
        raise UsageError(str(exc)) from None
