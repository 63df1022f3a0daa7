"""Every error the libraries raise on purpose derives from one base, and no library's errors
from another's."""

from __future__ import annotations

import inspect

from corpuscut.errors import CorpuscutError
from corpuscut.reading import errors as reading_errors
from corpuscut.segmenter import errors as segmenter_errors
from corpuscut.segmenter import SegmenterError
from corpuscut.summarizer import SummarizerError
from corpuscut.summarizer import errors as summarizer_errors
from corpuscut.batch.workers import ClusterError, TaskLost, WorkerError
from corpuscut.text.words import UnknownLanguageError


def _errors(module) -> list[type]:
    return [c for _, c in inspect.getmembers(module, inspect.isclass) if issubclass(c, Exception) and c.__module__ == module.__name__]


def test_every_library_error_is_a_corpuscut_error():
    found = _errors(segmenter_errors) + _errors(summarizer_errors) + _errors(reading_errors) + [WorkerError, ClusterError, TaskLost, UnknownLanguageError]
    assert len(found) >= 6
    assert all(issubclass(c, CorpuscutError) for c in found)


def test_the_summarizer_the_batch_engine_the_reading_layer_and_the_text_basics_raise_no_segmenter_errors():
    for error in (SummarizerError, *_errors(summarizer_errors), *_errors(reading_errors), WorkerError, ClusterError, TaskLost, UnknownLanguageError):
        assert not issubclass(error, SegmenterError), error


def test_one_except_clause_catches_every_library_error():
    from corpuscut.summarizer import Summarizer, UnknownMethodError

    try:
        Summarizer("no-such-method")
    except CorpuscutError as exc:
        assert isinstance(exc, UnknownMethodError) and "choose one of" in str(exc)
    else:
        raise AssertionError("no error")

